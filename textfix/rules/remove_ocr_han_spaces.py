"""Remove the spaces an OCR engine puts between Han characters, line by line.

Why it arises: OCR engines segment a line into glyphs and join them with the
word separator of their language model; for Chinese several engines (Tesseract's
``chi_sim`` among them) emit a space between every character: ``人 工 智 能``.

Broken:     ``人 工 智 能 产 业 发 展``
Fixed:      ``人工智能产业发展``
Left alone: deliberate spaces between phrases, which are few among many unspaced
neighbours (``“无难事 悉心办”``, ``（还月亮 摄）``, ``本报讯 2月18日``); names padded for
alignment (``王 小 明``: too few gaps to be evidence); spaces between Han and Latin
or digits (``space_cjk_latin`` decides those); runs of several spaces (a column gap).

Evidence is per line, because OCR spacing is a property of how a line was
recognised: a line is OCR-spaced when most of its neighbouring Han pairs are
separated by exactly one space, and at least ``MIN_SPACED_PAIRS`` of them are.

Gate: one scan for a space between two non-ASCII characters; only lines holding a
space between two CJK letters are looked at.

>>> [c.start for c in find("人 工 智 能", Options())]
[1, 3, 5]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import CJK_LETTER_CLASS
from ..rule import Change, Example, Rule

_CJK = CJK_LETTER_CLASS
# One space (ASCII, ideographic or no-break) between two CJK letters.
_SPACED_PAIR = regex.compile(rf"(?<={_CJK})[ \u3000\xa0](?={_CJK})")
# Such a space between any two non-ASCII characters: found with one scan at C speed, then
# checked with ``_SPACED_PAIR`` (script properties are tested character by character).
_CANDIDATE_GAP = re.compile(r"[ \u3000\xa0](?<=[^\x00-\x7f].)(?=[^\x00-\x7f])")
_TIGHT_PAIR = regex.compile(rf"{_CJK}(?={_CJK})")

# Fewest spaced pairs that count as evidence: four characters in a row spaced out.
# Names padded for alignment in tables and bylines (``张　三``, ``王 小 明``) have at
# most two gaps, and a deliberate phrase break is one gap.
MIN_SPACED_PAIRS = 3
# Spaced pairs must outnumber unspaced ones: "most Han neighbours are spaced".
# Text with deliberate phrase spacing has far more unspaced neighbours than gaps.
MIN_SPACED_SHARE = 0.5


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_ocr_spaced(spaced: int, tight: int) -> bool:
    return spaced >= MIN_SPACED_PAIRS and spaced / (spaced + tight) > MIN_SPACED_SHARE


def _gaps_by_line(text: str) -> Iterator[tuple[int, int, list[int]]]:
    """``(line start, line end, spaced pairs)`` of each line with a spaced pair."""
    gaps: list[int] = []
    start = end = -1
    for candidate in _CANDIDATE_GAP.finditer(text):
        gap = candidate.start()
        if not _SPACED_PAIR.match(text, gap):
            continue
        if gap > end:
            if gaps:
                yield start, end, gaps
            start = text.rfind("\n", 0, gap) + 1
            found = text.find("\n", gap)
            end = len(text) if found < 0 else found
            gaps = []
        gaps.append(gap)
    if gaps:
        yield start, end, gaps


def find(text: str, options: Options) -> Iterator[Change]:
    for start, end, gaps in _gaps_by_line(text):
        if len(gaps) < MIN_SPACED_PAIRS:
            continue
        tight = sum(1 for _ in _TIGHT_PAIR.finditer(text, start, end))
        if _is_ocr_spaced(len(gaps), tight):
            for gap in gaps:
                yield Change(gap, gap + 1, "", "OCR space between Han characters")


RULE = Rule(
    id="remove_ocr_han_spaces",
    summary="Remove the spaces OCR puts between Han characters (人 工 智 能 → 人工智能).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("人 工 智 能", "人工智能", "every Han neighbour spaced"),
        Example("“无难事 悉心办”", "“无难事 悉心办”", "one deliberate phrase break"),
        Example("王 小 明", "王 小 明", "two gaps are not evidence"),
    ),
)

"""Convert Chinese between traditional and simplified script with OpenCC (off by default).

Why it arises: corpora gather text from the mainland, Taiwan, Hong Kong and older archives,
so one collection mixes simplified and traditional script, and sometimes one document does
(a reprinted article, a traditional name in simplified text, OCR trained on the other script).
Search and deduplication then see two spellings of every word. Which script is right is a
choice of the corpus, not a fact about the text, so conversion runs only when asked for:
``Config(enable=["convert_script"], options={"convert_script": {"conversion": "t2s"}})``.
``findings`` reports a document that mixes the scripts whether or not conversion runs.

Broken:     ``發展人工智慧`` (with ``conversion="t2s"``)
Fixed:      ``发展人工智慧``
Left alone: text already in the target script; non-Han text; everything, unless enabled.

Gate: a text without a Han character is not passed to OpenCC; converters are built on
first use.

Edits: a conversion keeps characters where they stand, except the phrase conversions
(``s2twp`` ...), whose words may grow or shrink (``方便面`` -> ``泡麵``): a line they change is
aligned with its conversion, so each edit covers the words converted, never shifted text.

>>> [change.after for change in find("新開發區", Options("t2s"))]
['开发区']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple

import regex
from rapidfuzz.distance import Hamming, Indel

from ..han_script import han_form
from ..rule import Change, Example, Notice, Rule, minimal_change

if TYPE_CHECKING:
    import opencc

# The conversions OpenCC ships (its config names without ``.json``): s = simplified,
# t = traditional (OpenCC standard), tw / hk = Taiwan / Hong Kong variants, p = with phrases.
CONVERSIONS = (
    "t2s", "s2t", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "hk2sp", "s2hkp",
    "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
)  # fmt: skip

# A document mixes scripts when the minority script has at least this many characters that
# exist only in that script: one quoted traditional name or brand (臺灣, 龍) gives fewer.
MIN_MINORITY_CHARS = 5
# ... and they are at least this share of all script-specific characters, so that a long
# simplified text quoting a few traditional titles is not reported.
MIN_MINORITY_SHARE = 0.1

_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class Options:
    """``conversion``: an OpenCC conversion from ``CONVERSIONS`` (t2s = to simplified)."""

    conversion: str = "t2s"

    def __post_init__(self) -> None:
        if self.conversion not in CONVERSIONS:
            raise ValueError(
                f"unknown conversion {self.conversion!r}; choose one of {', '.join(CONVERSIONS)}"
            )


@cache
def _converter(conversion: str) -> opencc.OpenCC:
    import opencc  # imported on first use: OpenCC loads its dictionaries lazily too

    return opencc.OpenCC(conversion)


# Source and conversion are compared a block of this many characters at a time, and only
# a block that differs character by character: a conversion changes a few characters of a
# mostly simplified text, and comparing two slices is one memcmp where a Python loop over
# the characters costs a hundred times more.
_BLOCK_CHARS = 64


def _differing(source: str, converted: str) -> Iterator[int]:
    """The positions where two strings of one length differ, in order."""
    for block in range(0, len(source), _BLOCK_CHARS):
        old, new = source[block : block + _BLOCK_CHARS], converted[block : block + _BLOCK_CHARS]
        if old != new:
            for offset, (old_char, new_char) in enumerate(zip(old, new, strict=True)):
                if old_char != new_char:
                    yield block + offset


def _runs(positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Consecutive positions grouped into ``(start, end)`` runs."""
    remaining = iter(positions)
    start = previous = next(remaining, None)
    if start is None:
        return
    for position in remaining:
        if position != previous + 1:
            yield start, previous + 1
            start = position
        previous = position
    yield start, previous + 1


def _changes_in_place(start: int, source: str, converted: str, note: str) -> Iterator[Change]:
    """One change per run of converted characters, for a conversion that keeps every
    character where it was."""
    for run_start, run_end in _runs(_differing(source, converted)):
        yield Change(start + run_start, start + run_end, converted[run_start:run_end], note)


# The phrase conversions (Taiwan and Hong Kong usage) map some words to words of another
# length (記憶體 -> 内存, 方便面 -> 泡麵), so a word that grows and one that shrinks leave the
# characters between them shifted although the length is kept; every other conversion maps
# each word to one of its own length (tests/test_convert_script_alignment.py reads OpenCC's
# dictionaries to check both).
RESIZING_CONVERSIONS = frozenset({"s2twp", "tw2sp", "s2hkp", "hk2sp"})

# No dictionary word holds whitespace or this punctuation, so OpenCC passes them through
# and converts the stretches between them on their own: the n-th line, or stretch, of a
# conversion is the conversion of the n-th line, or stretch, of the source.
STRETCH = regex.compile(r"[^\s，。、；：！？「」『』（）,.;:!?()]+")

# A line or stretch longer than this is not aligned as a whole, because aligning costs the
# product of the lengths: a line is aligned stretch by stretch, and a stretch (a text
# without punctuation) is reported as one change, which still gives OpenCC's output.
_MAX_ALIGNED_CHARS = 1000


def _in_place_keeps_most(source: str, converted: str) -> bool:
    """Whether comparing position by position keeps as many characters as any alignment:
    one length, and as many differing positions as characters outside a longest common
    subsequence (an ``Indel`` distance counts each of those twice)."""
    return len(source) == len(converted) and 2 * Hamming.distance(
        source, converted
    ) == Indel.distance(source, converted)


def _edit_runs(start: int, source: str, converted: str, note: str) -> Iterator[Change]:
    """One change per run of edits of an alignment of ``source`` with its conversion that
    keeps the most characters in place (their longest common subsequence; counting a
    substitution as cheaper would shift ``記憶體0泡麵`` -> ``内存0方便面`` position by
    position): ``买了内存`` -> ``買了記憶體`` reports ``买`` and ``内存``. Position by
    position when that keeps as many, as every conversion but the phrase ones does."""
    if max(len(source), len(converted)) > _MAX_ALIGNED_CHARS:
        yield minimal_change(start, source, converted, note)
        return
    if _in_place_keeps_most(source, converted):
        yield from _changes_in_place(start, source, converted, note)
        return
    alignment = Indel.opcodes(source, converted)
    for is_equal, group in groupby(alignment, key=lambda opcode: opcode.tag == "equal"):
        if not is_equal:
            edits = list(group)
            first, last = edits[0], edits[-1]
            yield Change(
                start + first.src_start,
                start + last.src_end,
                converted[first.dest_start : last.dest_end],
                note,
            )


def _aligned_changes(start: int, piece: str, converted: str, note: str) -> Iterator[Change]:
    """The changes of each line that differs, aligned with its conversion (a long line
    stretch by stretch)."""
    lines = zip(piece.split("\n"), converted.split("\n"), strict=True)
    for old_line, new_line in lines:
        if old_line == new_line:
            pass
        elif max(len(old_line), len(new_line)) <= _MAX_ALIGNED_CHARS:
            yield from _edit_runs(start, old_line, new_line, note)
        else:
            stretches = zip(STRETCH.finditer(old_line), STRETCH.finditer(new_line), strict=True)
            for old, new in stretches:
                if old.group() != new.group():
                    yield from _edit_runs(start + old.start(), old.group(), new.group(), note)
        start += len(old_line) + 1


# OpenCC is given the text a piece of about this many characters at a time, each piece
# ending after a line break: what one conversion holds (the piece as UTF-8, OpenCC's
# segmentation, the result) is then a piece's worth, not several copies of the text.
_PIECE_CHARS = 1 << 16


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text``, each ending after a line break
    (the last at the end of the text)."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _PIECE_CHARS)
        end = len(text) if cut < 0 else cut + 1
        yield start, end
        start = end


def _convert(converter: opencc.OpenCC, piece: str) -> str:
    """OpenCC's conversion of ``piece``; the parts between NUL characters are converted on
    their own, as conversions of several steps (s2twp) end their output at a NUL."""
    if "\0" not in piece:
        return converter.convert(piece)
    return "\0".join(converter.convert(part) for part in piece.split("\0"))


def find(text: str, options: Options) -> Iterator[Change]:
    if not _HAN.search(text):
        return
    converter = _converter(options.conversion)
    note = f"OpenCC {options.conversion}"
    in_place = options.conversion not in RESIZING_CONVERSIONS
    # OpenCC segments by dictionary words, and no word holds a line break, so converting the
    # text piece by piece equals converting it whole.
    for start, end in _pieces(text):
        piece = text[start:end]
        converted = _convert(converter, piece)
        if converted == piece:
            continue
        if in_place and len(converted) == len(piece):
            yield from _changes_in_place(start, piece, converted, note)
        else:
            yield from _aligned_changes(start, piece, converted, note)


class ScriptMix(NamedTuple):
    """Occurrences of characters that exist only in simplified or only in traditional script."""

    simplified: int
    traditional: int

    @property
    def is_mixed(self) -> bool:
        minority = min(self.simplified, self.traditional)
        total = self.simplified + self.traditional
        return minority >= MIN_MINORITY_CHARS and minority / total >= MIN_MINORITY_SHARE


_SCRIPT_SIGN = {"simplified": -1, "traditional": 1}


def _script_of(char: str) -> int:
    """-1 simplified only, 1 traditional only, 0 shared by both scripts (``han_form``)."""
    return _SCRIPT_SIGN.get(han_form(char), 0)


def script_mix(text: str) -> ScriptMix:
    """Count script-specific characters.

    >>> script_mix("发展人工智能，發展人工智慧")
    ScriptMix(simplified=1, traditional=1)
    """
    simplified = traditional = 0
    for char in _HAN.findall(text):
        script = _script_of(char)
        simplified += script < 0
        traditional += script > 0
    return ScriptMix(simplified, traditional)


def findings(text: str, options: Options) -> Iterator[Notice]:
    """The minority-script characters of a document that mixes scripts, one finding each."""
    mix = script_mix(text)
    if not mix.is_mixed:
        return
    minority = 1 if mix.traditional < mix.simplified else -1
    name = "traditional" if minority > 0 else "simplified"
    note = (
        f"mixed script: {mix.simplified} simplified-only and {mix.traditional} "
        f"traditional-only characters; this one is {name}"
    )
    for match in _HAN.finditer(text):
        if _script_of(match.group()) == minority:
            yield Notice(match.start(), match.end(), match.group(), note)


RULE = Rule(
    id="convert_script",
    summary="Convert Chinese script with OpenCC (option conversion: t2s, s2t, s2tw, …); off.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("發展人工智慧", "发展人工智慧", "traditional to simplified (t2s)"),
        Example("发展人工智能", "发展人工智能", "already simplified"),
    ),
    findings=findings,
)

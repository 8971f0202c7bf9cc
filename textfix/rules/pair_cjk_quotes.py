"""Turn straight quotes in CJK context into paired curly quotes “ ” and ‘ ’.

Why it arises: a keyboard has only ``"`` and ``'``; text typed in a half-width
input mode, OCR that cannot tell “ from ”, and extraction from fonts without the
curly glyphs all give ``他说"你好"``, where Chinese typography prints ``他说“你好”``.

Broken:     ``他说"你好"。``  ``开展"人工智能+"行动``  ``"无难事 悉心办"外资``
Fixed:      ``他说“你好”。``  ``开展“人工智能+”行动``  ``“无难事 悉心办”外资``
Left alone: Latin text (``He said "hi".``, ``don't``), quotes around a Han word in an
English sentence (``the word "中国" means``), anything in a protected region
(`` `a "b"` ``), and every quote of a line whose straight quotes of that kind are odd
in number (a quote that spans a line break, or a stray inch mark: pairing would
be a guess).

Pairs are counted per line: quotes alternate open, close in reading order. A pair is
in CJK context when it holds a CJK letter or has one next to it outside (looking
past marks and spaces), and no ASCII letter is directly outside it (past spaces
only: ``DeepSeek"AI"`` is ambiguous). Apostrophes (``'`` between two ASCII
letters) are never quotes.

Gate: text with no straight quote or no CJK letter is returned untouched; lines
without CJK (``textfix.cjk_lines``) are passed over at C speed.

>>> [(c.start, c.after) for c in find('他说"你好"。', Options())]
[(2, '“'), (5, '”')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..chars import ASCII_LETTERS, CJK_LETTER, has_cjk_letter, is_cjk_letter
from ..cjk_lines import matches_on_cjk_lines
from ..neighbours import neighbours
from ..protect import Protected, protected
from ..rule import Change, Example, Rule

_CURLY = {'"': ("“", "”"), "'": ("‘", "’")}
_QUOTE = re.compile("[\"']")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_apostrophe(text: str, position: int) -> bool:
    before, after = text[position - 1 : position], text[position + 1 : position + 2]
    return before in ASCII_LETTERS and after in ASCII_LETTERS and bool(before and after)


def _beyond_spaces(text: str, position: int, step: int) -> str:
    """The first character from ``position`` in direction ``step`` that is not a space."""
    while 0 <= position < len(text) and text[position] == " ":
        position += step
    return text[position] if 0 <= position < len(text) else ""


def _pair_is_cjk(text: str, opening: int, closing: int) -> bool:
    beside = (_beyond_spaces(text, opening - 1, -1), _beyond_spaces(text, closing + 1, 1))
    if any(char in ASCII_LETTERS for char in beside if char):
        return False
    outside = (neighbours(text).before(opening), neighbours(text).after(closing + 1))
    return any(is_cjk_letter(letter) for letter in outside) or bool(
        CJK_LETTER.search(text, opening, closing)
    )


def _is_candidate(text: str, position: int, guard: Protected) -> bool:
    if guard.covers(position):
        return False
    return text[position] == '"' or not _is_apostrophe(text, position)


def _paired(text: str, positions: list[int]) -> Iterator[Change]:
    """Alternate open/close over one line's quotes of one kind; odd counts stay as they are."""
    if not positions or len(positions) % 2:
        return
    opening_mark, closing_mark = _CURLY[text[positions[0]]]
    for opening, closing in zip(positions[::2], positions[1::2], strict=True):
        if _pair_is_cjk(text, opening, closing):
            yield Change(opening, opening + 1, opening_mark, "straight quote in CJK context")
            yield Change(closing, closing + 1, closing_mark, "straight quote in CJK context")


def find(text: str, options: Options) -> Iterator[Change]:
    if ('"' not in text and "'" not in text) or not has_cjk_letter(text):
        return
    changes: list[Change] = []
    line: dict[str, list[int]] = {quote: [] for quote in _CURLY}
    current = -1
    for line_start, match in matches_on_cjk_lines(_QUOTE, text):
        if line_start != current:
            for positions in line.values():
                changes.extend(_paired(text, positions))
                positions.clear()
            current = line_start
        if _is_candidate(text, match.start(), protected(text)):
            line[match.group()].append(match.start())
    for positions in line.values():
        changes.extend(_paired(text, positions))
    yield from sorted(changes)


RULE = Rule(
    id="pair_cjk_quotes",
    summary='Turn straight quotes in CJK context into paired “ ” ‘ ’ ("你好" → “你好”).',
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example('他说"你好"。', "他说“你好”。", "double quotes around Han"),
        Example("他说'好'。", "他说‘好’。", "single quotes around Han"),
        Example('He said "hi" and don\'t.', 'He said "hi" and don\'t.', "Latin keeps ASCII"),
        Example('开展"人工智能+行动', '开展"人工智能+行动', "an odd quote is left alone"),
    ),
)

"""Turn o, 0 or . that OCR read for a Chinese full stop back into ``。``. Off by default.

Why it arises: the Chinese full stop ``。`` is a small circle set low in its em box. An
OCR engine that falls back to Latin glyphs reads it as ``o``, ``O``, ``0`` or ``°``, or as the
Latin point ``.``; at a line end nothing follows to correct the guess: ``参加会议o``.

Broken:     ``副市长周文栋参加会议o``  ``落实到位.``  ``（高美梅）前完成0`` + blank line
Fixed:      ``副市长周文栋参加会议。``  ``落实到位。``  ``（高美梅）前完成。``
Left alone: a mark inside a line (there the engine saw what follows); a Latin word
wrapped at the line end (``采用O`` + next line ``LED``); a line of mostly Latin text
(``The word is 中文.``); a ``0`` after Han that a line of the same paragraph
follows (``降至0`` + next line ``个百分点``: a digit is as likely as a stop) or that a
unit follows; a mark before clause punctuation (``，``: no sentence ended there).

Gate: text with no ``o O 0 ° .`` right after a CJK letter at a line end is returned untouched.

>>> [(c.start, c.after) for c in find("参加会议o\\n杜小刚", Options())]
[(4, '。')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import (
    ASCII_ALNUM,
    ASCII_LETTERS,
    CJK_LETTER,
    CJK_LETTER_CLASS,
    CLOSERS,
    NO_LINE_START,
)
from ..rule import Change, Example, Rule
from .fix_numeric_lookalikes import NUMERIC_UNITS

# What OCR emits for ``。``; ``0`` is also a digit, so it needs a paragraph end (below).
_LOOKALIKES = "oO0°."
_DIGIT_LIKE = "0"
_CANDIDATE = regex.compile(
    rf"(?<={CJK_LETTER_CLASS}) ?(?P<mark>[{regex.escape(_LOOKALIKES)}])[ \t]*(?=\n|$)"
)


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _next_line_start(text: str, position: int) -> tuple[str, bool]:
    """The first character of the next non-blank line from ``position``, and whether
    blank lines come before it."""
    blank = False
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        content = text[position:line_end].strip()
        if content:
            return content[0], blank
        blank = True
        position = line_end + 1
    return "", True


def _is_latin_line(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    line = text[start:position]
    latin = sum(1 for char in line if char in ASCII_LETTERS)
    return latin > len(CJK_LETTER.findall(line))


def _continues_after_digit(following: str, blank: bool) -> bool:
    """True when what follows a ``0`` may continue its number (no paragraph end, or a unit)."""
    return bool(following) and (not blank or following in NUMERIC_UNITS)


def find(text: str, options: Options) -> Iterator[Change]:
    for match in _CANDIDATE.finditer(text):
        following, blank = _next_line_start(text, match.end() + 1)
        if following in ASCII_ALNUM and following:
            continue  # a Latin word or a number goes on
        if following in NO_LINE_START and following not in CLOSERS:
            continue  # clause punctuation follows: no sentence ended here
        mark = match.group("mark")
        if mark in _DIGIT_LIKE and _continues_after_digit(following, blank):
            continue
        if _is_latin_line(text, match.start("mark")):
            continue
        yield Change(match.start(), match.end(), "。", "full stop read as a Latin look-alike")


RULE = Rule(
    id="fix_full_stop_lookalikes",
    summary="Turn o, 0 or . that OCR read for 。 at a CJK line end into 。; off by default.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("参加会议o\n杜小刚", "参加会议。\n杜小刚", "o after Han at a line end"),
        Example("落实到位.", "落实到位。", "a Latin point ends a Chinese sentence"),
        Example("采用O\nLED光源", "采用O\nLED光源", "a Latin word wrapped at the line end"),
        Example("降至0\n个百分点", "降至0\n个百分点", "0 inside a paragraph may be a digit"),
    ),
)

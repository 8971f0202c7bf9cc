"""Turn letters that OCR read in place of digits back into digits (2O24 → 2024). Off by default.

Why it arises: in many fonts ``0`` and ``O``/``o``, ``1`` and ``l``/``I``, ``5`` and
``S`` differ by a serif or a curve that a scan blurs away. An OCR engine that
weighs its word model against the glyph picks the letter: ``2O24年``, ``l0.4%``,
``5OO元``. Inside a number the letter is never right.

Broken:     ``2O24年``  ``增长l0.4%``  ``5OO元``  ``1S0米``  ``l0年``
Fixed:      ``2024年``  ``增长10.4%``  ``500元``  ``150米``  ``10年``
Left alone: words and identifiers, which have no digit or start with another letter
(``Oslo``, ``I``, ``lol``, ``SOS``, ``iOS``, ``A1O2``, ``COVID-19``, ``O2O``); a look-alike at
the edge of a token with no unit to prove it a number (``S5``, ``O2``, ``4S店``, ``10l水``);
URLs, e-mails, paths and code (``protect``).

Evidence, per token (a run of digits and look-alikes, with ``.`` or ``,`` between
them, not glued to any other letter, digit or ``_``): it holds a real digit, and
either it begins and ends with a real digit (every look-alike sits inside the
number), or a unit of measure, count or date (``年 月 日 % 元 米 …``) follows it.

Gate: text without a digit next to a look-alike letter is returned untouched.

>>> [(c.start, c.after) for c in find("2O24年增长l0.4%", Options())]
[(0, '2024'), (7, '10.4')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..protect import Protected, protected
from ..rule import Change, Example, Rule

# The letters OCR confuses with digits, and the digit each one stands for.
LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1", "S": "5"}
_GLYPH = "0-9" + "".join(LOOKALIKES)
_GATE = regex.compile(rf"[0-9][.,]?[{''.join(LOOKALIKES)}]|[{''.join(LOOKALIKES)}][.,]?[0-9]")
# A token: digits and look-alikes, ``.``/``,`` only between them; nothing glued on either
# side that would make it part of a word, an identifier or a longer number.
_TOKEN = regex.compile(
    rf"(?<![A-Za-z0-9_.,])[{_GLYPH}]+(?:[.,][{_GLYPH}]+)*(?![A-Za-z0-9_]|[.,][A-Za-z0-9])"
)
# What follows a number in Chinese text: units of time, money, measure and count.
# ``店`` (``4S店``) and other nouns are deliberately absent: only units prove a number.
NUMERIC_UNITS = frozenset(
    "年月日号时分秒天周点元角万亿千百个岁倍家名位人次届期件台辆座项层户亩米吨克斤度级%％‰℃°"
)
# Protected regions made only of these are numbers (``10.4``): this rule's own subject.
_NUMBER_SHAPE = regex.compile(r"[0-9.,:]+")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_number(token: str, unit: str) -> bool:
    if not any(char.isdigit() for char in token):
        return False
    inner = token[0].isdigit() and token[-1].isdigit()
    return inner or unit in NUMERIC_UNITS


def _in_code(guard: Protected, text: str, start: int, end: int) -> bool:
    """True inside a URL, path, e-mail or code span (a protected region that is not a number)."""
    index = bisect_left(guard.spans, (end,)) - 1
    while index >= 0 and guard.spans[index][1] > start:
        span_start, span_end = guard.spans[index]
        if not _NUMBER_SHAPE.fullmatch(text, span_start, span_end):
            return True
        index -= 1
    return False


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    guard = protected(text)
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token.isdigit() or token.replace(".", "").replace(",", "").isdigit():
            continue
        start, end = match.span()
        unit = text[end : end + 1].strip() or text[end + 1 : end + 2]
        if _is_number(token, unit) and not _in_code(guard, text, start, end):
            fixed = "".join(LOOKALIKES.get(char, char) for char in token)
            yield Change(start, end, fixed, "letter read in place of a digit")


RULE = Rule(
    id="fix_numeric_lookalikes",
    summary="Turn look-alike letters inside numbers into digits (2O24年 → 2024年); off by default.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("2O24年", "2024年", "O between digits"),
        Example("增长l0.4%", "增长10.4%", "a percentage proves the number"),
        Example("Oslo, I, lol, SOS", "Oslo, I, lol, SOS", "words have no digit"),
        Example("型号A1O2和4S店", "型号A1O2和4S店", "identifiers are not numbers"),
    ),
)

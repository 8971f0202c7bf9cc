"""Give a numeric range the range dash the document uses (5一6级 → 5～6级). Off by default.

Why it arises: a range between two numbers is printed with a dash (``—``, ``～``, or
``-``). OCR engines for Chinese read a short dash as the Han character ``一`` (one),
which has the same shape, and read ``～`` or ``—`` as a hyphen when the scan is
thin: ``风力5一6级``, ``3-5天`` in a paper that prints ``3～5天`` everywhere else.

Broken:     ``风力5一6级``  ``气温10-15℃`` (in a document whose ranges use ``～``)
Fixed:      ``风力5～6级``  ``气温10～15℃``
Left alone: dates and other chains of numbers (``2024-01-05``, ``400-820-8820``), phone
numbers (``0510-8123456``: a leading zero), negative numbers (``-5℃``), a hyphen
between numbers with no unit after them (a score ``以3-1战胜``, a code ``G-20``: not
provably a range), ranges already set with ``—`` or ``～`` (they were printed so),
and Latin text (``pages 10-20``).

The dash a document uses is the one most of its unambiguous ranges (``—``, ``～``, or a
hyphen before a unit) are set with; ``dash`` may name it instead. A ``一`` between
digits is never Chinese writing: before a unit it becomes the range dash, elsewhere
a hyphen (``3一1战胜`` → ``3-1战胜``).

Gate: text without a dash-like character between two digits is returned untouched.

>>> [(c.start, c.after) for c in find("风力5一6级，气温10～15℃", Options())]
[(3, '～')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import is_cjk_letter
from ..neighbours import neighbours
from ..rule import Change, Example, Rule
from .fix_numeric_lookalikes import NUMERIC_UNITS

# Range dashes a document may print: the em dash (一字线), the wave dash (浪纹线),
# the en dash and the hyphen-minus (and its full-width form).
RANGE_DASHES = ("—", "～", "–", "-")
# With no printed range to follow, GB/T 15834-2011 allows ``—`` and ``～`` for numeric
# ranges; weather, measures and prices, where OCR meets ranges most, use ``～``.
FALLBACK_DASH = "～"
_HYPHENS = "-－"
_HAN_ONE = "一"

_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_DASH = "[" + regex.escape("".join(RANGE_DASHES) + _HYPHENS + _HAN_ONE) + "]"
_GATE = regex.compile(rf"[0-9] ?{_DASH} ?[0-9]")
# Two numbers around one dash, not part of a longer chain (dates, phone numbers), not
# after a sign or a decimal point, and not glued to a letter (``G-20``, ``12一5G``).
_RANGE = regex.compile(
    rf"(?<![0-9.A-Za-z_]|[0-9] ?{_DASH} ?)(?P<low>{_NUMBER})"
    rf"(?P<gap1> ?)(?P<dash>{_DASH})(?P<gap2> ?)"
    rf"(?P<high>{_NUMBER})(?![0-9.A-Za-z_]| ?{_DASH} ?[0-9])"
)


@dataclass(frozen=True)
class Options:
    """``dash``: ``"majority"`` (the dash most of the document's ranges use) or one of
    ``RANGE_DASHES``."""

    dash: str = "majority"

    def __post_init__(self) -> None:
        if self.dash != "majority" and self.dash not in RANGE_DASHES:
            raise ValueError(
                f"normalize_range_dash dash must be 'majority' or one of "
                f"{' '.join(RANGE_DASHES)}, not {self.dash!r}"
            )


@dataclass(frozen=True)
class _Range:
    start: int  # of the dash and the spaces around it
    end: int
    dash: str
    has_unit: bool


def _ranges(text: str) -> Iterator[_Range]:
    """Number–dash–number in CJK context, with phone numbers left out."""
    near = neighbours(text)
    for match in _RANGE.finditer(text):
        low = match.group("low")
        if len(low) > 1 and low.startswith("0"):
            continue
        after = text[match.end() : match.end() + 1]
        cjk = is_cjk_letter(near.before(match.start())) or is_cjk_letter(after)
        if cjk:
            dash = match.group("dash")
            yield _Range(
                match.start("gap1"),
                match.end("gap2"),
                "-" if dash in _HYPHENS else dash,
                after in NUMERIC_UNITS,
            )


def _document_dash(ranges: list[_Range], option: str) -> str:
    if option != "majority":
        return option
    printed = Counter(
        item.dash for item in ranges if item.dash in "—～–" or (item.dash == "-" and item.has_unit)
    )
    ranked = printed.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return FALLBACK_DASH
    return ranked[0][0]


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    ranges = list(_ranges(text))
    dash = _document_dash(ranges, options.dash)
    for item in ranges:
        if item.dash == _HAN_ONE:
            target = dash if item.has_unit else "-"
        elif item.dash == "-" and item.has_unit:
            target = dash
        else:
            continue
        if item.dash != target:
            yield Change(item.start, item.end, target, "dash between two numbers")


RULE = Rule(
    id="normalize_range_dash",
    summary="Set numeric ranges with the document's range dash (5一6级 → 5～6级); off by default.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("风力5一6级", "风力5～6级", "Han 一 read for a dash; no printed range: ～"),
        Example("3—5天，5一6级", "3—5天，5—6级", "the document prints ranges with —"),
        Example("日期2024-01-05，电话0510-8123", "日期2024-01-05，电话0510-8123", "not ranges"),
        Example("以3-1战胜对手", "以3-1战胜对手", "a hyphen without a unit may be a score"),
    ),
)

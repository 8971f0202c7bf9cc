"""Decompose text into consecutive *squares* ``ww`` — the shape that fake bold leaves.

A square is a string written twice in a row; its *half* ``w`` is one text run of
the PDF. Some extractors put a space between the two copies (``13 13``); that is a
*separated* square, allowed only for halves without spaces. A space is often not a
drawn glyph at all but inserted by the extractor for the gap between two runs, so it
appears once: one space between two squares is a *gap* (``还月亮还月亮 摄摄``).

``stretches`` finds the maximal stretches of a string that are covered completely
by consecutive squares, by dynamic programming over positions: ``reach[i]`` holds
the earliest start ``s`` such that ``text[s:i]`` is covered, and the fewest squares
that cover it. Only halves up to ``bound`` characters are tried, only at the ends
of squares (found first by one regular-expression scan, ``_square_ends``: most
characters of a long line recur within a half, few end a square) and only where the
last character of the half also occurs one half earlier (the nearest occurrences),
so the work is O(n · bound²) at worst and close to O(n) on ordinary text. The worst
case is repetitive text (``月月月…``, ``哈哈哈哈，…``), where squares end everywhere;
there the covering repeats too, and is copied one period on rather than searched
(``_reach``).

Which decomposition is returned when several exist:

- If the stretch pairs up glyph by glyph (``图图为为`` — every aligned pair of
  characters equal), every glyph is its own run: that is how glyph-interleaved
  extraction arises, and it reads ``22002200`` as ``2020``, not ``2200``.
- Otherwise the fewest (hence longest) squares: a run drawn in one call is longer
  than the reduplications natural text contains, so ``谢谢你谢谢你`` is one run
  ``谢谢你``, not ``谢`` + ``谢`` + ….

>>> [r.run for r in stretches("22月月2020日日", 32)[0].runs]
['2', '月', '20', '日']
>>> [r.run for r in stretches("图图为为一一", 32)[0].runs]
['图', '为', '一']
>>> [r.run for r in stretches("还月亮还月亮 摄摄", 32)[0].runs]
['还月亮', ' ', '摄']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

SEPARATOR = " "
# Earlier occurrences of a square's last character tried per position, nearest first.
# The k-th nearest is the right one when the run's last character occurs k - 1 more
# times inside the run: 8 covers any natural run, and bounds the work on repetitive
# input (``哈哈哈…``, ``====…``), whose squares are also found as shorter squares.
MAX_OCCURRENCES_TRIED = 8
# Where the text repeats itself, the covering repeats with a period of a few windows
# (the characters one end's covering reads): 16 characters in ``月月…``, 60 in
# ``哈哈哈哈，…``, 120 in ``2020年…`` with the default bound (window 67). Periods up to
# this many windows are tried.
REPEAT_WINDOWS = 4


class Run(NamedTuple):
    """``text[start:end]`` is ``run`` twice (a square, maybe separated) or, if not
    ``doubled``, a single gap space between two squares."""

    start: int
    end: int
    run: str
    doubled: bool = True


class Stretch(NamedTuple):
    """A maximal stretch ``text[start:end]`` covered by consecutive squares and gaps."""

    start: int
    end: int
    runs: tuple[Run, ...]


class _Best(NamedTuple):
    """How ``text[:end]`` is best covered: fields in order of preference, so that the
    smallest tuple wins — earliest start, fewest pieces (squares and gaps), no gap
    before the last square, the longest last square (``minus_half`` is minus its half
    length), not separated."""

    start: int
    count: int
    gap: bool
    minus_half: int
    separated: bool


@lru_cache(maxsize=4)
def _square_start(bound: int) -> re.Pattern[str]:
    """Where a square starts, plain or separated, of halves up to ``bound`` characters."""
    return re.compile(
        rf"(?=(.{{1,{bound}}})\1|([^{SEPARATOR}]{{1,{bound}}}){SEPARATOR}\2)", re.DOTALL
    )


def _square_ends(text: str, bound: int) -> bytearray:
    """``ends[end]`` is 1 where a square of ``text`` ends (a necessary condition for
    ``_squares_ending_at`` to yield one), else 0. Read backwards, a square is a square
    that starts where it ended: one scan of the reversed text by the regular expression
    engine finds them all, where looking at each position in turn costs the square
    search's Python steps at every character that recurs within a half (most of them)."""
    ends = bytearray(len(text) + 1)
    for match in _square_start(bound).finditer(text[::-1]):
        ends[len(text) - match.start()] = 1
    return ends


def _squares_ending_at(text: str, end: int, bound: int):
    """Yield (via, half_length, separated) for the squares ending at ``end``.

    The first copy of a half ends one half before the second: at an earlier
    occurrence of the same character. The nearest ``MAX_OCCURRENCES_TRIED`` are tried.
    """
    last = text[end - 1]
    nearest = max(0, end - 2 - bound)
    other = text.rfind(last, nearest, end - 1)
    for _ in range(MAX_OCCURRENCES_TRIED):
        if other < 0:
            return
        distance = end - 1 - other
        if (
            distance <= bound
            and text[end - 2 * distance : end - distance] == text[end - distance : end]
        ):
            yield end - 2 * distance, distance, False
        half = distance - 1
        via = end - 2 * half - 1
        if half and via >= 0 and text[end - half - 1] == SEPARATOR:
            second = text[end - half : end]
            if SEPARATOR not in second and text[via : end - half - 1] == second:
                yield via, half, True
        other = text.rfind(last, nearest, other)


def _best_at(text: str, end: int, reach: list[_Best | None], bound: int) -> _Best | None:
    """How ``text[:end]`` is best covered, given how each position before ``end`` is."""
    best = None
    for via, half, separated in _squares_ending_at(text, end, bound):
        before = reach[via]
        if before is not None:
            option = (before.start, before.count + 1, False, -half, separated)
        elif via and text[via - 1] == SEPARATOR and reach[via - 1] is not None:
            before = reach[via - 1]
            option = (before.start, before.count + 2, True, -half, separated)
        else:
            option = (via, 1, False, -half, separated)
        if best is None or option < best:
            best = option
    return None if best is None else _Best(*best)


def _repeat(
    text: str, reach: list[_Best | None], end: int, window: int
) -> tuple[int, dict[int, int]] | None:
    """A repeat ``(period, steps)``: the last ``window`` characters of ``text[:end]``
    are those ``period`` before them, and so is how each of their ends is covered,
    from the same start with ``steps[start]`` more squares; None if there is none.

    Coverings from different starts never compete on their counts (the earliest start
    wins), so each start may gain its own number of squares per period.
    """
    recent = text[end - window : end]
    for period in range(1, min(REPEAT_WINDOWS * window, end - window) + 1):
        if text[end - window - period : end - period] != recent:
            continue
        steps: dict[int, int] = {}
        for position in range(end - window, end):
            now, then = reach[position], reach[position - period]
            if (
                now is None
                or then is None
                or now.start != then.start
                or now[2:] != then[2:]
                or steps.setdefault(now.start, now.count - then.count) != now.count - then.count
            ):
                break
        else:
            return period, steps
    return None


def _reach(text: str, bound: int, square_ends: bytearray) -> list[_Best | None]:
    """How each ``text[:end]`` is best covered (None: no square ends at ``end``).

    Where the text repeats itself (``哈哈哈…``, ``月日月日…``), so does the covering,
    once it has settled: what covers an end depends only on the ``window`` characters
    before it and on how their ends are covered, so while the text goes on repeating
    with a period that these repeat with too, each end is covered as the end one
    period before, by as many more squares as its start gained over that period.
    Inside a long covered stretch, a repeat is looked for once per window; once found,
    the covering is copied, not searched, to the end of the repetition.
    """
    reach: list[_Best | None] = [None] * (len(text) + 1)
    # reach[end] reads text[end - window + 1 : end] and reach[end - window + 1 : end].
    window = 2 * bound + 3
    end = 2
    next_try = 0
    while end <= len(text):
        covered = reach[end - 1]
        if covered is None and not square_ends[end]:
            # Nothing to cover, nor to copy, until the next square ends.
            end = square_ends.find(1, end)
            if end < 0:
                break
            continue
        repeat = None
        if end >= next_try and covered is not None and covered.start <= end - 2 * window:
            repeat = _repeat(text, reach, end, window)
            next_try = end + window
        if repeat is None:
            if square_ends[end]:
                reach[end] = _best_at(text, end, reach, bound)
            end += 1
            continue
        period, steps = repeat
        while end <= len(text) and text[end - 1] == text[end - 1 - period]:
            before = reach[end - period]
            assert before is not None, "a covered end repeats a covered end"
            start, count, gap, minus_half, separated = before
            reach[end] = _Best._make((start, count + steps[start], gap, minus_half, separated))
            end += 1
    return reach


def _glyph_runs(text: str, start: int, end: int) -> tuple[Run, ...] | None:
    if (end - start) % 2 or text[start:end:2] != text[start + 1 : end : 2]:
        return None
    return tuple(Run(k, k + 2, text[k]) for k in range(start, end, 2))


def _backtrack(text: str, reach: list[_Best | None], start: int, end: int) -> tuple[Run, ...]:
    runs = []
    position = end
    while position > start:
        best = reach[position]
        assert best is not None, "a covered position has a covered predecessor"
        width = -2 * best.minus_half + best.separated
        runs.append(Run(position - width, position, text[position + best.minus_half : position]))
        position -= width
        if best.gap:
            runs.append(Run(position - 1, position, SEPARATOR, doubled=False))
            position -= 1
    return tuple(reversed(runs))


def stretches(text: str, bound: int) -> list[Stretch]:
    """Maximal square-covered stretches of ``text``, left to right, not overlapping.

    Stretches are taken greedily from the right: the rightmost covered end with its
    earliest start, then the same again left of that start.
    """
    square_ends = _square_ends(text, bound)
    reach = _reach(text, bound, square_ends)
    found = []
    end = len(text)
    while end > 1:
        best = reach[end]
        if best is None:
            # Only where a square ends can a stretch end.
            end = square_ends.rfind(1, 0, end)
            continue
        runs = _glyph_runs(text, best.start, end) or _backtrack(text, reach, best.start, end)
        found.append(Stretch(best.start, end, runs))
        end = best.start
    return found[::-1]

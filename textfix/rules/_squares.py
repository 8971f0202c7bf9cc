"""Decompose text into consecutive *squares* ``ww`` — the shape that fake bold leaves.

A square is a string written twice in a row; its *half* ``w`` is one text run of
the PDF. Some extractors put a space between the two copies (``13 13``); that is a
*separated* square, allowed only for halves without spaces. A space is often not a
drawn glyph at all but inserted by the extractor for the gap between two runs, so it
appears once: one space between two squares is a *gap* (``还月亮还月亮 摄摄``).

``stretches`` finds the maximal stretches of a string that are covered completely
by consecutive squares, by dynamic programming over positions: ``reach[i]`` holds
the earliest start ``s`` such that ``text[s:i]`` is covered, and the fewest squares
that cover it. Only halves up to ``bound`` characters are tried, and only where the
last character of the half also occurs one half earlier (found through a chain of
previous occurrences), so the work is O(n · bound²) at worst (a unary string) and
close to O(n) on ordinary text. No regular expression is involved.

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

from typing import NamedTuple

SEPARATOR = " "
# Earlier occurrences of a square's last character tried per position, nearest first.
# The k-th nearest is the right one when the run's last character occurs k - 1 more
# times inside the run: 8 covers any natural run, and bounds the work on repetitive
# input (``哈哈哈…``, ``====…``), whose squares are also found as shorter squares.
MAX_OCCURRENCES_TRIED = 8


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


def _previous_occurrences(text: str) -> list[int]:
    previous = [-1] * len(text)
    last: dict[str, int] = {}
    for index, char in enumerate(text):
        previous[index] = last.get(char, -1)
        last[char] = index
    return previous


def _squares_ending_at(text: str, end: int, previous: list[int], bound: int):
    """Yield (via, half_length, separated) for the squares ending at ``end``.

    The first copy of a half ends one half before the second: at an earlier
    occurrence of the same character. The nearest ``MAX_OCCURRENCES_TRIED`` are tried.
    """
    other = previous[end - 1]
    for _ in range(MAX_OCCURRENCES_TRIED):
        distance = end - 1 - other
        if other < 0 or distance > bound + 1:
            return
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
        other = previous[other]


def _reach(text: str, bound: int) -> list[_Best | None]:
    previous = _previous_occurrences(text)
    reach: list[_Best | None] = [None] * (len(text) + 1)
    for end in range(2, len(text) + 1):
        other = previous[end - 1]
        # No square ends here unless its last character occurs a half earlier: at most
        # positions of most texts it does not, and nothing else need be looked at.
        if other < 0 or end - 1 - other > bound + 1:
            continue
        best = None
        for via, half, separated in _squares_ending_at(text, end, previous, bound):
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
        if best is not None:
            reach[end] = _Best(*best)
    return reach


def _glyph_runs(text: str, start: int, end: int) -> tuple[Run, ...] | None:
    if (end - start) % 2 or any(text[k] != text[k + 1] for k in range(start, end, 2)):
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
    reach = _reach(text, bound)
    found = []
    end = len(text)
    while end > 1:
        best = reach[end]
        if best is None:
            end -= 1
            continue
        runs = _glyph_runs(text, best.start, end) or _backtrack(text, reach, best.start, end)
        found.append(Stretch(best.start, end, runs))
        end = best.start
    return found[::-1]

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
    """How ``text[:end]`` is best covered up to ``end``: from where, with how many
    squares, and the last square (its half length, separated or not, gap before it)."""

    start: int
    count: int
    half: int
    separated: bool
    gap: bool


def _previous_occurrences(text: str) -> list[int]:
    previous = [-1] * len(text)
    last: dict[str, int] = {}
    for index, char in enumerate(text):
        previous[index] = last.get(char, -1)
        last[char] = index
    return previous


def _candidates(text: str, end: int, previous: list[int], bound: int):
    """Yield (via, half_length, separated) for every square ending at ``end``."""
    other = previous[end - 1]
    while other >= 0:
        distance = end - 1 - other
        if distance > bound + 1:
            return
        half = distance
        if half <= bound and end - 2 * half >= 0:
            if text[end - 2 * half : end - half] == text[end - half : end]:
                yield end - 2 * half, half, False
        half = distance - 1
        via = end - 2 * half - 1
        if half >= 1 and via >= 0 and text[end - half - 1] == SEPARATOR:
            second = text[end - half : end]
            if SEPARATOR not in second and text[via : end - half - 1] == second:
                yield via, half, True
        other = previous[other]


def _preference(best: _Best) -> tuple[int, int, int, bool]:
    """Earliest start, then fewest squares, then the longest last square, then no gap."""
    return best.start, best.count, -best.half, best.gap


def _reach(text: str, bound: int) -> list[_Best | None]:
    previous = _previous_occurrences(text)
    reach: list[_Best | None] = [None] * (len(text) + 1)
    for end in range(2, len(text) + 1):
        best: _Best | None = None
        for via, half, separated in _candidates(text, end, previous, bound):
            options = [_Best(via, 1, half, separated, gap=False)]
            if reach[via] is not None:
                before = reach[via]
                options.append(_Best(before.start, before.count + 1, half, separated, False))
            if via > 0 and text[via - 1] == SEPARATOR and reach[via - 1] is not None:
                before = reach[via - 1]
                options.append(_Best(before.start, before.count + 1, half, separated, True))
            best = min([*options, best] if best else options, key=_preference)
        reach[end] = best
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
        width = 2 * best.half + best.separated
        runs.append(Run(position - width, position, text[position - best.half : position]))
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

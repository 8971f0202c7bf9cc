"""What a repair reports: the edits made, each pointing into the original input."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .blocks import Block, classify
from .rule import Change


@dataclass(frozen=True)
class Edit:
    """One change made by ``rule``.

    ``start``/``end`` are offsets in the ORIGINAL input. ``before`` is the text the
    rule saw there; it equals ``original[start:end]`` unless an earlier rule had
    already changed that region, in which case the span covers that earlier edit.
    An edit whose ``after`` equals its ``before`` is a notice (``textfix.rule.Notice``):
    a suspicion the rule reports but could not prove, so it changed nothing.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "note": self.note,
        }


class StageMap:
    """Maps offsets in the output of one rule's changes back to that rule's input."""

    def __init__(self, changes: Sequence[Change]) -> None:
        self._changes = changes
        self._out_starts: list[int] = []
        self._out_ends: list[int] = []
        shift = 0
        for change in changes:
            out_start = change.start + shift
            self._out_starts.append(out_start)
            self._out_ends.append(out_start + len(change.after))
            shift += len(change.after) - (change.end - change.start)

    def to_input(self, position: int, *, is_end: bool, widen: bool = True) -> int:
        """Map an output offset to an input offset; inside a change, widen to cover it.

        Where text was deleted, ``widen`` covers the deletion (an edit there touches
        it); without it a span's start maps past the deletion and its end before it.

        >>> stage = StageMap([Change(1, 3, "X"), Change(4, 5, "")])  # "abcde" -> "aXd"
        >>> [stage.to_input(p, is_end=False) for p in range(4)]
        [0, 1, 3, 4]
        >>> stage.to_input(2, is_end=True), stage.to_input(3, is_end=True, widen=False)
        (3, 4)
        """
        index = bisect_right(self._out_starts, position) - 1
        if index < 0:
            return position
        change = self._changes[index]
        out_start, out_end = self._out_starts[index], self._out_ends[index]
        if out_start == out_end == position and not widen:
            return change.start if is_end else change.end
        inside = out_start < position < out_end
        if inside or out_start == out_end == position:
            return change.end if is_end else change.start
        if position == out_start:
            return change.start
        return change.end + (position - out_end)


class RunMap:
    """Maps offsets in the output of one pipeline run back to its input, through the map
    of each rule that changed the text (``StageMap``), last rule first."""

    def __init__(self, stages: Sequence[StageMap]) -> None:
        self._stages = tuple(reversed(stages))

    def to_input(self, offset: int, *, is_end: bool) -> int:
        for stage in self._stages:
            offset = stage.to_input(offset, is_end=is_end, widen=False)
        return offset


class WindowedMap:
    """Maps offsets in a text repaired a window at a time (``textfix.windows``) back to
    its input: each window's run is mapped, then shifted to where the window starts.

    An offset where one window's output ends and the next one's starts is read as the
    end of the first (``is_end``) or the start of the second.

    >>> windowed = WindowedMap([(0, 0, RunMap([])), (2, 3, RunMap([]))])  # "ab|cd" from "ab_|cd"
    >>> windowed.to_input(2, is_end=True), windowed.to_input(2, is_end=False)
    (2, 3)
    """

    def __init__(self, windows: Sequence[tuple[int, int, RunMap]]) -> None:
        """``windows``: each window's output start, input start and run map, in order."""
        self._output_starts = [output_start for output_start, _, _ in windows]
        self._windows = windows

    def to_input(self, offset: int, *, is_end: bool) -> int:
        find = bisect_left if is_end else bisect_right
        index = max(find(self._output_starts, offset) - 1, 0)
        output_start, input_start, run = self._windows[index]
        return input_start + run.to_input(offset - output_start, is_end=is_end)


@dataclass(frozen=True)
class Repair:
    """The result of ``textfix.explain``: the repaired text and every edit, in pipeline order."""

    original: str
    text: str
    edits: tuple[Edit, ...]
    # How offsets in ``text`` map back to ``original`` (None from ``fix``, which keeps no map).
    offsets: RunMap | WindowedMap | None = field(default=None, repr=False, compare=False)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @cached_property
    def _line_starts(self) -> list[int]:
        # Indexed once so that locating every edit of a long text stays linear.
        return [0, *(match.end() for match in re.finditer("\n", self.original))]

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """The paragraphs of the repaired text with their types and original spans.

        Needs the offset maps that ``textfix.explain`` records (``fix`` keeps none).
        """
        if self.changed and self.offsets is None:
            raise ValueError("blocks need the edits: use textfix.explain, not textfix.fix")
        return classify(self)

    def to_original(self, offset: int, *, is_end: bool = False) -> int:
        """The offset in the original input of ``offset`` in the repaired text.

        An offset inside replaced text maps to the start of what it replaced (its
        end when ``is_end``), so a span of the output maps to a span that covers it;
        deleted text next to the span is left out of it.

        >>> import textfix
        >>> repair = textfix.explain("部署。 （高美梅）")
        >>> repair.text[3], repair.original[repair.to_original(3)]
        ('（', '（')
        """
        if self.offsets is None:
            return offset
        return self.offsets.to_input(offset, is_end=is_end)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original input.

        >>> Repair("ab\\ncd", "ab\\ncd", ()).line_col(4)
        (2, 2)
        """
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

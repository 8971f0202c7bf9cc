"""What a repair reports: the edits made, each pointing into the original input."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property


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


@dataclass(frozen=True)
class Repair:
    """The result of ``textfix.explain``: the repaired text and every edit, in pipeline order."""

    original: str
    text: str
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @cached_property
    def _line_starts(self) -> list[int]:
        # Indexed once so that locating every edit of a long text stays linear.
        return [0, *(match.end() for match in re.finditer("\n", self.original))]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original input.

        >>> Repair("ab\\ncd", "ab\\ncd", ()).line_col(4)
        (2, 2)
        """
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

"""What a repair reports: the edits made, each pointing into the original input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """One change made by ``rule``.

    ``start``/``end`` are offsets in the ORIGINAL input. ``before`` is the text the
    rule saw there; it equals ``original[start:end]`` unless an earlier rule had
    already changed that region, in which case the span covers that earlier edit.
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

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset in the original input."""
        line = self.original.count("\n", 0, offset) + 1
        column = offset - (self.original.rfind("\n", 0, offset) + 1) + 1
        return line, column

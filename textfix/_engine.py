"""Runs the active rules in registry order and maps every edit back to the input.

Each rule sees the output of the rules before it. For ``explain`` the engine keeps
each stage's changes so that an edit made at stage k can be mapped back through
stages k-1 … 0 to offsets in the original input. ``fix`` skips that bookkeeping.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .config import Config
from .registry import RULES
from .report import Edit, Repair
from .rule import Change, Notice, Rule


class RuleError(RuntimeError):
    """A rule reported changes that cannot be applied (a bug in that rule)."""


def active_rules(config: Config) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if config.is_enabled(rule))


def _validated(rule: Rule, text: str, changes: Sequence[Change]) -> list[Change]:
    position = 0
    kept = []
    for change in changes:
        if not (position <= change.start <= change.end <= len(text)):
            raise RuleError(
                f"rule {rule.id} reported an out-of-order or out-of-bounds change {change!r}"
            )
        position = change.end
        if text[change.start : change.end] != change.after or isinstance(change, Notice):
            kept.append(change)
    return kept


def _apply(text: str, changes: Sequence[Change]) -> str:
    pieces = []
    position = 0
    for change in changes:
        pieces.append(text[position : change.start])
        pieces.append(change.after)
        position = change.end
    pieces.append(text[position:])
    return "".join(pieces)


class _Stage:
    """The changes one rule made, indexed to map its output offsets back to its input."""

    def __init__(self, rule_id: str, source: str, changes: list[Change]) -> None:
        self.rule_id = rule_id
        self.source = source
        self.changes = changes
        self.out_starts: list[int] = []
        self.out_ends: list[int] = []
        shift = 0
        for change in changes:
            out_start = change.start + shift
            self.out_starts.append(out_start)
            self.out_ends.append(out_start + len(change.after))
            shift += len(change.after) - (change.end - change.start)

    def to_input(self, position: int, *, is_end: bool) -> int:
        """Map an output offset to an input offset; inside a change, widen to cover it."""
        index = bisect_right(self.out_starts, position) - 1
        if index < 0:
            return position
        change = self.changes[index]
        out_start, out_end = self.out_starts[index], self.out_ends[index]
        inside = out_start < position < out_end
        if inside or out_start == out_end == position:
            return change.end if is_end else change.start
        if position == out_start:
            return change.start
        return change.end + (position - out_end)


def run(text: str, config: Config, *, track: bool) -> Repair:
    stages: list[_Stage] = []
    original = text
    for rule in active_rules(config):
        changes = _validated(rule, text, list(rule.find(text, config.options_for(rule))))
        if not changes:
            continue
        if track:
            stages.append(_Stage(rule.id, text, changes))
        text = _apply(text, changes)
    edits = _map_back(stages) if track else ()
    return Repair(original=original, text=text, edits=edits)


def _map_back(stages: list[_Stage]) -> tuple[Edit, ...]:
    edits = []
    for depth, stage in enumerate(stages):
        earlier = stages[:depth][::-1]
        for change in stage.changes:
            start, end = change.start, change.end
            for previous in earlier:
                start = previous.to_input(start, is_end=False)
                end = previous.to_input(end, is_end=True)
            edits.append(
                Edit(
                    rule=stage.rule_id,
                    start=start,
                    end=end,
                    before=stage.source[change.start : change.end],
                    after=change.after,
                    note=change.note,
                )
            )
    return tuple(edits)

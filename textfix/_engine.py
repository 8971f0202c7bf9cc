"""Runs the active rules in registry order and maps every edit back to the input.

Each rule sees the output of the rules before it. For ``explain`` the engine keeps
each stage's changes so that an edit made at stage k can be mapped back through
stages k-1 … 0 to offsets in the original input. ``fix`` skips that bookkeeping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .config import Config
from .registry import RULES
from .report import Edit, Repair, StageMap
from .rule import Change, Notice, Rule


class RuleError(RuntimeError):
    """A rule reported changes that cannot be applied (a bug in that rule)."""


def active_rules(config: Config) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if config.is_enabled(rule))


def _validated(rule: Rule, text: str, changes: Sequence[Change]) -> list[Change]:
    position = 0
    size = len(text)
    kept = []
    for change in changes:
        start, end, after, _ = change  # unpacked once: a field lookup costs more
        if not position <= start <= end <= size:
            raise RuleError(
                f"rule {rule.id} reported an out-of-order or out-of-bounds change {change!r}"
            )
        position = end
        if text[start:end] != after or isinstance(change, Notice):
            kept.append(change)
    return kept


def _apply(text: str, changes: Sequence[Change]) -> str:
    pieces = []
    position = 0
    for start, end, after, _ in changes:
        pieces += (text[position:start], after)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


class _Stage:
    """The changes one rule made, with the map from its output offsets back to its input."""

    def __init__(self, rule_id: str, source: str, changes: list[Change]) -> None:
        self.rule_id = rule_id
        self.source = source
        self.changes = changes
        self.map = StageMap(changes)


def run(text: str, config: Config, *, track: bool, counts: Counter[str] | None = None) -> Repair:
    """Run the active rules; ``counts`` (if given) gains each rule's number of changes."""
    stages: list[_Stage] = []
    original = text
    for rule in active_rules(config):
        changes = _validated(rule, text, list(rule.find(text, config.options_for(rule))))
        if not changes:
            continue
        if counts is not None:
            counts[rule.id] += len(changes)
        if track:
            stages.append(_Stage(rule.id, text, changes))
        text = _apply(text, changes)
    edits = _map_back(stages) + _findings(original, config) if track else ()
    maps = tuple(stage.map for stage in stages)
    return Repair(original=original, text=text, edits=edits, maps=maps)


def _findings(original: str, config: Config) -> tuple[Edit, ...]:
    """What rules see in the input but cannot repair, as notices (``before == after``).

    Reported for every rule that is not disabled, on or off: detecting a mixed-script
    document does not need its conversion switched on.
    """
    notices = []
    for rule in RULES:
        if rule.findings is None or rule.id in config.disable:
            continue
        for notice in rule.findings(original, config.options_for(rule)):
            before = original[notice.start : notice.end]
            notices.append(Edit(rule.id, notice.start, notice.end, before, before, notice.note))
    return tuple(notices)


def _map_back(stages: list[_Stage]) -> tuple[Edit, ...]:
    edits = []
    for depth, stage in enumerate(stages):
        earlier = stages[:depth][::-1]
        for change in stage.changes:
            start, end = change.start, change.end
            for previous in earlier:
                start = previous.map.to_input(start, is_end=False)
                end = previous.map.to_input(end, is_end=True)
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

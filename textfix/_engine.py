"""Runs the active rules in registry order and maps every edit back to the input.

Each rule sees the output of the rules before it. For ``explain`` the engine keeps
each stage's changes so that an edit made at stage k can be mapped back through
stages k-1 … 0 to offsets in the original input. ``fix`` skips that bookkeeping and
applies each change as its rule reports it, so that its memory stays a small multiple
of the text's size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from . import text_cache
from .config import Config
from .registry import RULES
from .report import Edit, Repair, StageMap
from .rule import Change, Notice, Rule


class RuleError(RuntimeError):
    """A rule reported changes that cannot be applied (a bug in that rule)."""


def active_rules(config: Config) -> tuple[Rule, ...]:
    return tuple(rule for rule in RULES if config.is_enabled(rule))


# Output pieces are joined into chunks as they come, when the pending ones weigh about
# this many characters: a rule that joins every line break (reflow) reports a piece per
# line. At 64 K the joins cost nothing and a pending chunk is a small share of any text
# worth measuring.
_CHUNK_CHARS = 1 << 16
# What a pending piece weighs besides its characters: a string object's header (~50-80
# bytes) and its place in the list, in characters of a 2-byte (CJK) string.
_PIECE_CHARS = 48


class _Checked:
    """A rule's changes as the rule reports them, checked to be in order and in bounds.

    Changes that change nothing are dropped, except notices. Once iterated, ``kept``
    counts the rest and ``changed`` says whether any of them changes the text.
    """

    def __init__(self, rule: Rule, text: str, changes: Iterable[Change]) -> None:
        self._rule = rule
        self._text = text
        self._changes = changes
        self.kept = 0
        self.changed = False

    def __iter__(self) -> Iterator[Change]:
        text = self._text
        position = kept = 0
        size = len(text)
        changed = False
        for change in self._changes:
            start, end, after, _ = change  # unpacked once: a field lookup costs more
            if not position <= start <= end <= size:
                raise RuleError(
                    f"rule {self._rule.id} reported an out-of-order or out-of-bounds change "
                    f"{change!r}"
                )
            position = end
            if text[start:end] != after:
                changed = True
            elif not isinstance(change, Notice):
                continue
            kept += 1
            yield change
        self.kept, self.changed = kept, changed


def _validated(rule: Rule, text: str, changes: Iterable[Change]) -> list[Change]:
    return list(_Checked(rule, text, changes))


def _chunks(text: str, changes: Iterable[Change]) -> list[str]:
    """``text`` with ``changes`` applied, as strings to join, taking changes as they come.

    Small pieces are joined into chunks of about ``_CHUNK_CHARS``; a long stretch of
    unchanged text is a chunk of its own, never copied a second time into a bigger one.
    """
    chunks: list[str] = []
    pieces: list[str] = []
    pending = position = 0
    for start, end, after, _ in changes:
        kept = text[position:start]
        if len(kept) >= _CHUNK_CHARS:
            if pieces:
                chunks.append("".join(pieces))
                pieces.clear()
            chunks.append(kept)
            pieces.append(after)
            pending = len(after) + _PIECE_CHARS
        else:
            pieces += (kept, after)
            pending += len(kept) + len(after) + 2 * _PIECE_CHARS
            if pending >= _CHUNK_CHARS:
                chunks.append("".join(pieces))
                pieces.clear()
                pending = 0
        position = end
    if pieces:
        chunks.append("".join(pieces))
    chunks.append(text[position:])
    return chunks


def _apply(text: str, changes: Iterable[Change]) -> str:
    return "".join(_chunks(text, changes))


class _Stage:
    """The changes one rule made, with the map from its output offsets back to its input."""

    def __init__(self, rule_id: str, source: str, changes: list[Change]) -> None:
        self.rule_id = rule_id
        self.source = source
        self.changes = changes
        self.map = StageMap(changes)


def run(text: str, config: Config, *, track: bool, counts: Counter[str] | None = None) -> Repair:
    """Run the active rules; ``counts`` (if given) gains each rule's number of changes."""
    if not track:
        return Repair(original=text, text=_fixed(text, config, counts), edits=())
    stages: list[_Stage] = []
    original = text
    for rule in active_rules(config):
        changes = _validated(rule, text, rule.find(text, config.options_for(rule)))
        if not changes:
            continue
        if counts is not None:
            counts[rule.id] += len(changes)
        stages.append(_Stage(rule.id, text, changes))
        text = _apply(text, changes)
    edits = _map_back(stages) + _findings(original, config)
    maps = tuple(stage.map for stage in stages)
    return Repair(original=original, text=text, edits=edits, maps=maps)


def _fixed(text: str, config: Config, counts: Counter[str] | None) -> str:
    """The repaired text; besides what each rule holds while it reads a text, the engine
    holds about two texts' worth of characters at a time.

    Each rule's changes are applied as the rule reports them. No rule reads a text again
    once a rule has replaced it, so what the caches know about it is dropped, and so is
    the text itself before its successor is joined (the caller still holds the input).
    """
    for rule in active_rules(config):
        chunks, kept = _rewritten(rule, text, config.options_for(rule))
        if counts is not None and kept:
            counts[rule.id] += kept
        if chunks is None:
            continue
        text_cache.forget(text)
        del text
        text = "".join(chunks)
        del chunks
    text_cache.forget(text)
    return text


def _rewritten(rule: Rule, text: str, options: object) -> tuple[list[str] | None, int]:
    """``rule``'s output as chunks to join (None when it changes nothing) and its number
    of changes (notices included)."""
    checked = _Checked(rule, text, rule.find(text, options))
    chunks = _chunks(text, checked)
    return (chunks if checked.changed else None), checked.kept


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

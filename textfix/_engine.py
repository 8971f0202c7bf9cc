"""Runs the active rules in registry order and maps every edit back to the input.

Each rule sees the output of the rules before it. For ``explain`` the engine keeps
each stage's changes so that an edit made at stage k can be mapped back through
stages k-1 … 0 to offsets in the original input. ``fix`` skips that bookkeeping and
applies each change as its rule reports it, so that its memory stays a small multiple
of the text's size. A long text is run a window at a time (``textfix.windows``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from itertools import chain, compress, islice
from operator import eq, le, sub

from . import text_cache
from .config import Config
from .registry import RULES
from .report import Edit, Repair, RunMap, StageMap, WindowedMap
from .rule import Change, ChangeColumns, Notice, Rule
from .windows import windows


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
# Changes joined into one chunk at most (``_columns_rewritten``): each adds two pieces,
# which weigh half a chunk at most (the text they span weighs the other half).
_CHUNK_PIECES = _CHUNK_CHARS // (4 * _PIECE_CHARS)


class _Stage:
    """The changes one rule made, with the map from its output offsets back to its input."""

    def __init__(self, rule_id: str, source: str, changes: list[Change]) -> None:
        self.rule_id = rule_id
        self.source = source
        self.changes = changes
        self.map = StageMap(changes)


def run(text: str, config: Config, *, track: bool, counts: Counter[str] | None = None) -> Repair:
    """Run the active rules; ``counts`` (if given) gains each rule's number of changes.

    A text longer than ``config.window_chars`` is repaired a window at a time, cut where
    paragraphs end (``textfix.windows``): the rules' work is held for one window only.
    """
    spans = list(windows(text, config.window_chars))
    if not track:
        fixed = (_fixed(text[start:end], config, counts) for start, end in spans)
        return Repair(original=text, text="".join(fixed), edits=())
    if len(spans) == 1:
        output, edits, offsets = _tracked(text, config, counts)
    else:
        output, edits, offsets = _tracked_windows(text, spans, config, counts)
    return Repair(text, output, edits + _findings(text, config), offsets)


def _tracked(
    text: str, config: Config, counts: Counter[str] | None
) -> tuple[str, tuple[Edit, ...], RunMap]:
    """The repaired text, its edits (offsets into ``text``) and its offset map."""
    stages: list[_Stage] = []
    for rule in active_rules(config):
        changes: list[Change] = []
        chunks, _ = _rewritten(rule, text, config.options_for(rule), keep=changes)
        if not changes:
            continue
        if counts is not None:
            counts[rule.id] += len(changes)
        stages.append(_Stage(rule.id, text, changes))
        if chunks is not None:
            text = "".join(chunks)
    return text, _map_back(stages), RunMap([stage.map for stage in stages])


def _tracked_windows(
    text: str, spans: list[tuple[int, int]], config: Config, counts: Counter[str] | None
) -> tuple[str, tuple[Edit, ...], WindowedMap]:
    """``_tracked`` for each window of ``text``: the edits shifted to where their window
    starts and put in pipeline order (a rule's edits in the order of the text)."""
    outputs: list[str] = []
    edits: list[Edit] = []
    maps: list[tuple[int, int, RunMap]] = []
    output_start = 0
    for start, end in spans:
        output, window_edits, offsets = _tracked(text[start:end], config, counts)
        edits += (replace(e, start=e.start + start, end=e.end + start) for e in window_edits)
        maps.append((output_start, start, offsets))
        outputs.append(output)
        output_start += len(output)
    order = {rule.id: index for index, rule in enumerate(RULES)}
    edits.sort(key=lambda edit: order[edit.rule])
    return "".join(outputs), tuple(edits), WindowedMap(maps)


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


def _rewritten(
    rule: Rule, text: str, options: object, keep: list[Change] | None = None
) -> tuple[list[str] | None, int]:
    """``rule``'s output as chunks to join (None when it changes nothing) and its number
    of changes (notices included), taking the changes as the rule reports them.

    Each change is checked to be in order and in bounds; changes that change nothing are
    dropped, except notices. ``keep`` (if given) gains the changes kept. Small pieces are
    joined into chunks of about ``_CHUNK_CHARS``; a long stretch of unchanged text is a
    chunk of its own, never copied a second time into a bigger one. Changes reported as
    ``ChangeColumns`` in order are applied by ``_columns_rewritten``; otherwise one loop
    does all of it (columns out of order go through it too, to be reported as one change).
    """
    changes = rule.find(text, options)
    if isinstance(changes, ChangeColumns) and _columns_in_order(rule, changes, len(text)):
        return _columns_rewritten(changes, text, keep)
    chunks: list[str] = []
    pieces: list[str] = []
    checked = applied = pending = kept = 0
    size = len(text)
    for change in changes:
        start, end, after, _ = change  # unpacked once: a field lookup costs more
        if not checked <= start <= end <= size:
            raise RuleError(
                f"rule {rule.id} reported an out-of-order or out-of-bounds change {change!r}"
            )
        checked = end
        if text[start:end] == after:
            if isinstance(change, Notice):
                kept += 1
                if keep is not None:
                    keep.append(change)
            continue
        kept += 1
        if keep is not None:
            keep.append(change)
        unchanged = text[applied:start]
        if len(unchanged) >= _CHUNK_CHARS:
            if pieces:
                chunks.append("".join(pieces))
                pieces.clear()
            chunks.append(unchanged)
            pieces.append(after)
            pending = len(after) + _PIECE_CHARS
        else:
            pieces += (unchanged, after)
            pending += len(unchanged) + len(after) + 2 * _PIECE_CHARS
            if pending >= _CHUNK_CHARS:
                chunks.append("".join(pieces))
                pieces.clear()
                pending = 0
        applied = end
    if not pieces and not chunks:
        return None, kept
    if pieces:
        chunks.append("".join(pieces))
    chunks.append(text[applied:])
    return chunks, kept


def _columns_in_order(rule: Rule, columns: ChangeColumns, size: int) -> bool:
    """The changes are sorted, do not overlap and lie within a text ``size`` long."""
    starts, ends = columns.starts, columns.ends
    count = len(starts)
    if not count == len(ends) == len(columns.afters) == len(columns.notes):
        raise RuleError(f"rule {rule.id} reported change columns of unequal lengths")
    return count == 0 or (
        starts[0] >= 0
        and ends[-1] <= size
        and all(map(le, starts, ends))
        and all(map(le, ends, islice(starts, 1, None)))
    )


def _columns_rewritten(
    columns: ChangeColumns, text: str, keep: list[Change] | None
) -> tuple[list[str] | None, int]:
    """``_rewritten`` for changes given as columns, in order: their output and number.

    A change changes nothing when it writes as many characters as it replaces, the same
    ones; it is not counted or kept, but applied with the others (the output is the
    same). Each chunk joins, in one join, the changes that start within half of
    ``_CHUNK_CHARS`` of where it starts (``_CHUNK_PIECES`` at most), with the text
    between them; unchanged text as long as a chunk before a change is a chunk of its own.
    """
    starts, ends, afters = columns.starts, columns.ends, columns.afters
    count = len(afters)
    same_size = compress(range(count), map(eq, map(sub, ends, starts), map(len, afters)))
    unchanged = [n for n in same_size if text.startswith(afters[n], starts[n])]
    if len(unchanged) == count:
        return None, 0
    if keep is not None:
        changed = bytearray(b"\x01") * count
        for n in unchanged:
            changed[n] = 0
        keep += compress(columns, changed)
    chunks: list[str] = []
    applied = first = 0
    while first < count:
        if starts[first] - applied >= _CHUNK_CHARS:
            chunks.append(text[applied : starts[first]])
            applied = starts[first]
        reach = bisect_left(starts, applied + _CHUNK_CHARS // 2, first)
        stop = max(min(reach, first + _CHUNK_PIECES), first + 1)
        gaps = map(slice, chain((applied,), ends[first : stop - 1]), starts[first:stop])
        pieces = zip(map(text.__getitem__, gaps), afters[first:stop], strict=True)
        chunks.append("".join(chain.from_iterable(pieces)))
        applied, first = ends[stop - 1], stop
    chunks.append(text[applied:])
    return chunks, count - len(unchanged)


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

"""The rule model: what a rule is, what it reports, and the examples it carries.

A rule looks at the whole text it is given and reports *changes* in that text's
own coordinates. It never edits anything itself: the engine applies changes,
validates them and maps them back to the original input (see ``_engine``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, NamedTuple


class Change(NamedTuple):
    """Replace ``text[start:end]`` with ``after``; ``note`` says why, for ``explain``."""

    start: int
    end: int
    after: str
    note: str = ""


class Notice(Change):
    """A suspicion reported, not acted on: ``after`` equals the text it covers.

    The engine drops changes that change nothing, except notices: ``explain``
    lists them (an edit whose ``before`` equals its ``after``) so that a reader
    can check what the rule could not prove.
    """

    __slots__ = ()


@dataclass(frozen=True)
class ChangeColumns:
    """Changes reported as columns, for a rule that reports a change per line: change
    ``n`` replaces ``text[starts[n]:ends[n]]`` with ``afters[n]``, ``notes[n]`` saying why.

    The engine checks and applies columns a column at a time, in C, where it would
    resume the rule and apply its changes one at a time; iterated, they are the changes.
    They hold no notices.

    >>> list(ChangeColumns([0, 4], [1, 5], ["A", ""], ["why", "why"]))
    [Change(start=0, end=1, after='A', note='why'), Change(start=4, end=5, after='', note='why')]
    """

    starts: Sequence[int]
    ends: Sequence[int]
    afters: Sequence[str]
    notes: Sequence[str]

    def __iter__(self) -> Iterator[Change]:
        columns = zip(self.starts, self.ends, self.afters, self.notes, strict=True)
        # tuple.__new__ builds each Change in C, without NamedTuple's Python __new__.
        return map(tuple.__new__, repeat(Change), columns)


def minimal_change(start: int, before: str, after: str, note: str) -> Change:
    """The change turning ``before`` (found at ``start``) into ``after``, narrowed to the
    characters that differ: a repair of ``"·¢Õ¹a"`` to ``"发展a"`` reports ``·¢Õ¹ → 发展``.

    >>> minimal_change(10, "xAy", "xBBy", "note")
    Change(start=11, end=12, after='BB', note='note')
    """
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return Change(start + head, start + len(before) - tail, after[head : len(after) - tail], note)


@dataclass(frozen=True)
class Example:
    """A documented case: ``broken`` repairs to ``fixed`` (equal when left alone)."""

    broken: str
    fixed: str
    why: str


Finder = Callable[[str, Any], Iterable[Change]]  # a ChangeColumns is one
Reporter = Callable[[str, Any], Iterable[Notice]]


@dataclass(frozen=True)
class Rule:
    """One artifact family: an id (a verb phrase), a one-line summary, and a finder.

    ``options`` is a frozen dataclass instance holding the defaults; a ``Config``
    may replace it. ``examples`` document the rule and are run by the tests.
    ``findings``, when given, reports as notices what the rule sees but cannot repair
    (lost bytes, mixed script); ``explain`` lists them whether or not the rule is on.
    """

    id: str
    summary: str
    default: bool
    find: Finder
    options: Any
    examples: tuple[Example, ...]
    findings: Reporter | None = None

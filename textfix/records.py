"""Records of a corpus: the text field in each, and what to do with a malformed one.

A corpus is a sequence of records (JSON objects, Parquet rows); one field of each
holds the document to repair, named by a dotted path (``--field meta.body``). A record
is *malformed* when it is not valid JSON, lacks the field, or the field is not a
string. The ``on_error`` policy decides: ``keep`` writes it out unchanged, ``skip``
leaves it out, ``fail`` stops the run. Every malformed record is reported as a
``Problem`` with its line (JSONL) or row (Parquet) number, 1-based.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .tally import Tally

ON_ERROR = ("keep", "skip", "fail")
"""Policies for a malformed record; ``keep`` is the default."""

Output = TypeVar("Output")
Item = TypeVar("Item")


class RecordError(ValueError):
    """A record cannot be repaired; the message says why."""


@dataclass(frozen=True)
class FieldPath:
    """A dotted path to a string inside nested objects.

    >>> path = FieldPath.parse("meta.body")
    >>> record = {"id": 1, "meta": {"body": "x", "lang": "zh"}}
    >>> path.get(record)
    'x'
    >>> path.set(record, "y"); record
    {'id': 1, 'meta': {'body': 'y', 'lang': 'zh'}}
    """

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, dotted: str) -> FieldPath:
        parts = tuple(dotted.split("."))
        if not all(parts):
            raise ValueError(f"field {dotted!r} has an empty part; write it like text or meta.body")
        return cls(parts)

    def __str__(self) -> str:
        return ".".join(self.parts)

    def get(self, record: object) -> str:
        """The string at this path; ``RecordError`` if it is missing or not a string."""
        value = record
        for depth, part in enumerate(self.parts):
            if not isinstance(value, Mapping):
                where = ".".join(self.parts[:depth]) or "the record"
                raise RecordError(f"{where} is not an object, so it has no field {part!r}")
            if part not in value:
                raise RecordError(f"no field {'.'.join(self.parts[: depth + 1])!r}")
            value = value[part]
        if not isinstance(value, str):
            raise RecordError(f"field {str(self)!r} is {_kind(value)}, not a string")
        return value

    def set(self, record: MutableMapping[str, Any], value: str) -> None:
        """Replace the string at this path (which ``get`` has found); key order is kept."""
        holder: Any = record
        for part in self.parts[:-1]:
            holder = holder[part]
        holder[self.parts[-1]] = value


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


@dataclass(frozen=True)
class Problem:
    """A malformed record: where it is (``line 17``, ``row 3``) and what is wrong."""

    location: str
    message: str


@dataclass
class ChunkResult(Generic[Output]):
    """What a worker sends back for one chunk: its output, tally, and malformed records."""

    output: Output
    tally: Tally = field(default_factory=Tally)
    problems: list[Problem] = field(default_factory=list)


def repair_each(
    numbered: Iterable[tuple[str, Item]],
    repair: Callable[[Item], Item],
    on_error: str,
    result: ChunkResult[Any],
) -> list[Item]:
    """``repair`` every item, applying the ``on_error`` policy to those that raise ``RecordError``.

    Each malformed item is added to ``result`` as a problem at its location; with
    ``fail`` the chunk stops at the first one (the run stops when it sees it).
    """
    repaired = []
    for location, item in numbered:
        try:
            repaired.append(repair(item))
        except RecordError as error:
            result.tally.errors += 1
            result.problems.append(Problem(location, str(error)))
            if on_error == "fail":
                break
            if on_error == "keep":
                repaired.append(item)
    return repaired

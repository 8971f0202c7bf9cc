"""Repairing JSON Lines: one JSON object per line, one field of it repaired.

Workers receive raw lines (bytes) and return raw lines, so that parsing and
serialising run in parallel with the repair. A record whose field does not change
is written back byte for byte; a changed one is re-serialised with
``json.dumps(ensure_ascii=False)``, which keeps key order and every other value.
Blank lines are not records: they pass through and are not counted. Each line's
ending (``\\n``, ``\\r\\n`` or none at the end of the file) is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .config import Config
from .parallel import batched_by_size
from .records import ChunkResult, FieldPath, RecordError, repair_each
from .tally import fix_counted


@dataclass(frozen=True)
class LineChunk:
    """Consecutive lines of the input; ``first_line`` is the 1-based number of the first."""

    first_line: int
    lines: list[bytes]


def read_chunks(lines: Iterable[bytes], chunk_bytes: int) -> Iterator[LineChunk]:
    """Group ``lines`` (a binary file) into chunks of about ``chunk_bytes``, at least one line."""
    first = 1
    for batch in batched_by_size(lines, chunk_bytes, len):
        yield LineChunk(first, batch)
        first += len(batch)


@dataclass(frozen=True)
class JsonlRepair:
    """Repair ``field`` in every record of a chunk (picklable: it crosses to workers)."""

    field: FieldPath
    config: Config | None
    on_error: str

    def __call__(self, chunk: LineChunk) -> ChunkResult[bytes]:
        result: ChunkResult[bytes] = ChunkResult(b"")
        numbered = ((f"line {n}", line) for n, line in enumerate(chunk.lines, chunk.first_line))
        repaired = repair_each(
            numbered, lambda line: self._repair_line(line, result), self.on_error, result
        )
        result.output = b"".join(repaired)
        return result

    def _repair_line(self, line: bytes, result: ChunkResult[bytes]) -> bytes:
        body = line.rstrip(b"\r\n")
        if not body.strip():
            return line
        try:
            record = json.loads(body)
        except ValueError as error:  # JSONDecodeError, and UnicodeDecodeError for bad bytes
            raise RecordError(f"not valid JSON ({error})") from None
        text = self.field.get(record)
        fixed = fix_counted(text, self.config, result.tally)
        if fixed == text:
            return line
        self.field.set(record, fixed)
        ending = line[len(body) :]
        # A lone surrogate (from a "\ud800" escape) cannot be UTF-8: write it as that escape again.
        serialised = json.dumps(record, ensure_ascii=False).encode("utf-8", "backslashreplace")
        return serialised + ending

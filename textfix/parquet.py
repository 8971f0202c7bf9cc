"""Repairing Parquet files: one column (or a field inside a struct column) repaired.

Needs ``pyarrow`` (``pip install 'textfix[parquet]'``). The file is read in record
batches; each batch goes to a worker as a pyarrow ``RecordBatch`` and comes back
with the same schema, so every other column and the file's metadata are kept.
Rows are numbered from 1 in problem reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .config import Config
from .io import FileError
from .records import ChunkResult, FieldPath, repair_each
from .tally import fix_counted

if TYPE_CHECKING:
    import pyarrow as pa

INSTALL_HINT = "reading Parquet needs pyarrow: pip install 'textfix[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow.parquet
    except ImportError:
        raise FileError(INSTALL_HINT) from None
    return pyarrow.parquet


@dataclass(frozen=True)
class RowChunk:
    """Consecutive rows; ``first_row`` is the 1-based number of the first."""

    first_row: int
    batch: pa.RecordBatch


class ParquetInput:
    """An open Parquet file: its schema, row count, and its rows in batches."""

    def __init__(self, path: Path) -> None:
        parquet = _pyarrow()
        try:
            self._file = parquet.ParquetFile(path)
        except (OSError, ValueError) as error:
            raise FileError(f"cannot read {path} as Parquet: {error}") from None
        self.schema = self._file.schema_arrow
        self.rows = self._file.metadata.num_rows

    def chunks(self, batch_rows: int) -> Iterator[RowChunk]:
        first = 1
        for batch in self._file.iter_batches(batch_size=batch_rows):
            yield RowChunk(first, batch)
            first += batch.num_rows


def writer(stream: BinaryIO, schema: pa.Schema) -> Any:
    """A ``pyarrow.parquet.ParquetWriter`` into ``stream``; close it when done."""
    return _pyarrow().ParquetWriter(stream, schema)


@dataclass(frozen=True)
class ParquetRepair:
    """Repair ``field`` in every row of a batch (picklable: it crosses to workers)."""

    field: FieldPath
    config: Config | None
    on_error: str

    def __call__(self, chunk: RowChunk) -> ChunkResult[pa.RecordBatch]:
        import pyarrow as pa

        result: ChunkResult[pa.RecordBatch] = ChunkResult(chunk.batch)
        records = chunk.batch.to_pylist()
        numbered = ((f"row {n}", record) for n, record in enumerate(records, chunk.first_row))
        repaired = repair_each(
            numbered, lambda record: self._repair(record, result), self.on_error, result
        )
        result.output = pa.RecordBatch.from_pylist(repaired, schema=chunk.batch.schema)
        return result

    def _repair(
        self, record: dict[str, Any], result: ChunkResult[pa.RecordBatch]
    ) -> dict[str, Any]:
        text = self.field.get(record)
        self.field.set(record, fix_counted(text, self.config, result.tally))
        return record

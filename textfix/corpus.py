"""Repairing a corpus: JSONL, Parquet, or plain text split into documents, streamed.

The input is read in chunks of documents; each chunk is repaired by a task (in
this process, a process pool or a Dask cluster, see ``textfix.parallel``) and
written in input order, so the output never depends on how many workers ran it and
memory never depends on the corpus size. Formats:

- ``jsonl`` (``.jsonl``, ``.ndjson``): see ``textfix.jsonl``;
- ``parquet`` (``.parquet``, ``.pq``): see ``textfix.parquet``;
- ``text`` split by ``--doc-sep``: see ``textfix.textstream``.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from . import io, jsonl, parquet, textstream
from .config import Config
from .io import FileError, Source
from .parallel import batched_by_size, ordered_map
from .progress import Progress
from .records import ON_ERROR, ChunkResult, FieldPath, Problem
from .tally import Tally

FORMATS = ("text", "jsonl", "parquet")
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}

# About 1 MB of input per chunk: about a second of repair work, so that shipping a
# chunk to a worker costs little next to repairing it, while a few chunks in flight
# per worker still hold only a few MB.
CHUNK_BYTES = 1 << 20
# Rows per Parquet batch: documents of ~1 kB make a chunk of about CHUNK_BYTES.
BATCH_ROWS = 1024


class CorpusError(Exception):
    """The run stopped (``--on-error fail``); the message says where and why."""


def detect_format(name: str) -> str:
    """The format a file name implies: by its extension, else plain text.

    >>> detect_format("corpus.jsonl"), detect_format("part-0.parquet"), detect_format("a.txt")
    ('jsonl', 'parquet', 'text')
    """
    return _BY_SUFFIX.get(PurePath(name).suffix.lower(), "text")


@dataclass(frozen=True)
class CorpusJob:
    """One corpus run: where from, where to (None: standard output), and how."""

    source: Source
    target: Path | None
    format: str
    config: Config | None
    field: FieldPath = FieldPath(("text",))
    on_error: str = "keep"
    doc_sep: str | None = None
    chunk_bytes: int = CHUNK_BYTES
    batch_rows: int = BATCH_ROWS

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; formats are {', '.join(FORMATS)}")
        if self.on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}")
        if (self.format == "text") != bool(self.doc_sep):
            raise ValueError("a text corpus needs a doc_sep, and only a text corpus takes one")


@dataclass
class _Plan:
    """A format's chunks, the task that repairs one, and how its output is written."""

    chunks: Iterable[Any]
    task: Callable[[Any], ChunkResult[Any]]
    write: Callable[[Any], None]
    finish: Callable[[], None] = lambda: None
    total: int | None = None


def run(
    job: CorpusJob,
    executor: Executor | None,
    window: int,
    progress: Callable[[int | None], Progress],
    warn: Callable[[str], None],
) -> Tally:
    """Repair ``job``'s corpus; malformed records go to ``warn``; return the totals.

    ``progress`` makes the progress display given the number of documents (if known).
    Raises ``CorpusError`` at the first malformed record under ``on_error="fail"``
    (a file target is then left untouched) and ``FileError`` for unreadable input.
    """
    tally = Tally()
    with _opened(job.source) as stream, _output(job.target) as out:
        plan = _plan(job, stream, out)
        shown = progress(plan.total)
        try:
            for result in ordered_map(plan.task, plan.chunks, executor, window):
                for problem in result.problems:
                    warn(_describe(job.source, problem))
                tally.add(result.tally)
                shown.update(result.tally)
                if result.problems and job.on_error == "fail":
                    first = result.problems[0]
                    raise CorpusError(
                        f"stopped at the malformed record {_describe(job.source, first)} "
                        "(--on-error fail); use --on-error keep or skip to go past it"
                    )
                plan.write(result.output)
            plan.finish()
        finally:
            shown.close()
    return tally


def _describe(source: Source, problem: Problem) -> str:
    return f"{source.name}, {problem.location}: {problem.message}"


@contextlib.contextmanager
def _opened(source: Source) -> Iterator[BinaryIO]:
    """The input as a binary stream (a Parquet file is read by path; its stream goes unused)."""
    if source.path is None:
        yield sys.stdin.buffer
        return
    try:
        stream = source.path.open("rb")
    except OSError as error:
        raise FileError(f"cannot read {source.name}: {error.strerror}; check the path") from None
    with stream:
        yield stream


@contextlib.contextmanager
def _output(target: Path | None) -> Iterator[BinaryIO]:
    if target is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with io.atomic_output(target) as stream:
        yield stream


def _plan(job: CorpusJob, stream: BinaryIO, out: BinaryIO) -> _Plan:
    if job.format == "jsonl":
        return _Plan(
            jsonl.read_chunks(_lines(stream, job.source), job.chunk_bytes),
            jsonl.JsonlRepair(job.field, job.config, job.on_error),
            out.write,
        )
    if job.format == "parquet":
        if job.source.path is None:
            raise FileError("Parquet is read from a file, not standard input; name the file")
        table = parquet.ParquetInput(job.source.path)
        writer = parquet.writer(out, table.schema)
        return _Plan(
            table.chunks(job.batch_rows),
            parquet.ParquetRepair(job.field, job.config, job.on_error),
            writer.write_batch,
            writer.close,
            table.rows,
        )
    separator = job.doc_sep or ""  # never empty: CorpusJob requires one for text
    documents = textstream.read_documents(stream, separator, job.source.name)
    batches = batched_by_size(documents, job.chunk_bytes, len)
    return _Plan(
        (textstream.DocumentChunk(batch) for batch in batches),
        textstream.TextRepair(separator, job.config),
        _Joined(out, separator.encode("utf-8")),
    )


class _Joined:
    """Writes each chunk's output with the separator between consecutive chunks."""

    def __init__(self, out: BinaryIO, separator: bytes) -> None:
        self._out = out
        self._separator = separator
        self._started = False

    def __call__(self, data: bytes) -> None:
        if self._started:
            self._out.write(self._separator)
        self._out.write(data)
        self._started = True


def _lines(stream: BinaryIO, source: Source) -> Iterator[bytes]:
    try:
        yield from stream
    except OSError as error:
        raise FileError(f"cannot read {source.name}: {error.strerror}") from None

"""Running ``textfix.corpus`` on in-memory data, for the corpus tests."""

from __future__ import annotations

import tempfile
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from textfix import corpus
from textfix.io import Source
from textfix.progress import Progress
from textfix.tally import Tally


@dataclass
class Outcome:
    output: bytes
    tally: Tally
    warnings: list[str]


def run_corpus(
    data: bytes,
    fmt: str,
    executor: Executor | None = None,
    window: int = 1,
    suffix: str = "",
    **job: Any,
) -> Outcome:
    """Write ``data`` to a file, repair it as ``fmt`` into another file, return the result."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"input{suffix}"
        target = Path(folder) / f"output{suffix}"
        source.write_bytes(data)
        warnings: list[str] = []
        job.setdefault("config", None)
        run = corpus.CorpusJob(Source(source, PurePath(source.name)), target, fmt, **job)
        tally = corpus.run(
            run, executor, window, lambda total: Progress(False, total), warnings.append
        )
        return Outcome(target.read_bytes(), tally, warnings)

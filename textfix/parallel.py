"""Running a repair over chunks of documents, in order, on one core or many.

``ordered_map`` keeps at most ``window`` chunks in flight, so memory stays bounded
by the chunk size whatever the corpus size (``multiprocessing.Pool.imap`` would read
the whole input ahead). Results come back in input order, so the output of ``--jobs
N`` is the output of ``--jobs 1``. Any ``concurrent.futures.Executor`` works: a
process pool here, a Dask client's executor for ``--engine dask``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Chunks in flight per worker: one being repaired and one queued, so a worker never
# waits for the reader; more would only hold more of the corpus in memory.
CHUNKS_PER_WORKER = 2


# Starting worker processes costs about half a second; below this much text (about
# half a second of repair on one core) the work is done sooner in this process.
PARALLEL_MIN_CHARS = 200_000


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes, started fresh ("spawn") on every platform.

    Spawning rather than forking gives the same behaviour on Linux, macOS and
    Windows, and never copies the parent's threads or locks into a worker.
    """
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))


@contextlib.contextmanager
def executor_for(
    engine: str, jobs: int, scheduler: str | None = None
) -> Iterator[tuple[Executor | None, int]]:
    """The executor for ``--engine`` and ``--jobs``, and how many chunks to keep in flight.

    ``local`` with one job runs in this process (no executor); ``dask`` connects to
    ``scheduler``, or starts a local cluster of ``jobs`` worker processes.
    """
    if engine == "dask":
        from .dask import client_executor

        with client_executor(scheduler, jobs) as (executor, threads):
            yield executor, threads * CHUNKS_PER_WORKER
    elif jobs <= 1:
        yield None, 1
    else:
        with process_pool(jobs) as pool:
            yield pool, jobs * CHUNKS_PER_WORKER


def ordered_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    executor: Executor | None,
    window: int,
) -> Iterator[Result]:
    """``map(function, items)`` on ``executor`` (in this process if None), in input order."""
    if executor is None:
        yield from map(function, items)
        return
    pending: deque[Future[Result]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(function, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def batched_by_size(
    items: Iterable[Item], limit: int, size: Callable[[Item], int]
) -> Iterator[list[Item]]:
    """Consecutive items in lists of total ``size`` at least ``limit`` (the last may be less).

    >>> list(batched_by_size(["ab", "c", "def", "g"], 3, len))
    [['ab', 'c'], ['def'], ['g']]
    """
    batch: list[Item] = []
    total = 0
    for item in items:
        batch.append(item)
        total += size(item)
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch

"""Repairing Dask collections: ``fix_bag``, ``fix_series``, ``fix_dataframe``.

Needs Dask (``pip install 'textfix[dask]'``). Each function maps ``textfix.fix``
over the documents of a collection, lazily, so the work runs wherever the
collection is computed (threads, processes, or a ``dask.distributed`` cluster).
The mapped function is ``textfix.fix`` with the given ``Config``: both pickle, and
nothing depends on state outside them, so every worker repairs a document exactly
as ``textfix.fix`` does in this process.

This module is ``textfix.dask``; it imports the real ``dask`` package by absolute
import, which ``from __future__ import annotations`` and Python 3 make unambiguous.

>>> import dask.bag as db
>>> fix_bag(db.from_sequence(["部署。 （高美梅）"], npartitions=1)).compute()
['部署。（高美梅）']
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor
from functools import partial
from typing import Any

try:
    import dask.bag
    import dask.dataframe
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("textfix.dask needs Dask: pip install 'textfix[dask]'") from error

from textfix._api import fix
from textfix.config import Config

__all__ = ["client_executor", "fix_bag", "fix_dataframe", "fix_series"]


def fix_bag(bag: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """A bag of repaired texts, in the order of ``bag`` (a bag of ``str``)."""
    return bag.map(fix, config=config)


def fix_series(series: dask.dataframe.Series, config: Config | None = None) -> Any:
    """``series`` with every string repaired; missing values stay missing, dtype is kept."""
    return series.map_partitions(partial(_fix_partition, config=config), meta=series._meta)


def fix_dataframe(
    ddf: dask.dataframe.DataFrame, column: str, config: Config | None = None
) -> dask.dataframe.DataFrame:
    """``ddf`` with ``column`` repaired; other columns, their order and the index are kept."""
    return ddf.assign(**{column: fix_series(ddf[column], config)})


def _fix_partition(partition: Any, config: Config | None) -> Any:
    repaired = partition.map(partial(fix, config=config), na_action="ignore")
    return repaired.astype(partition.dtype)


@contextlib.contextmanager
def client_executor(scheduler: str | None, jobs: int) -> Iterator[tuple[Executor, int]]:
    """A ``concurrent.futures`` executor on a Dask cluster, and its number of threads.

    Connects to ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), or starts
    a local cluster of ``jobs`` single-threaded worker processes.
    """
    from dask.distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
            )
            client = stack.enter_context(Client(cluster))
        threads = sum(client.nthreads().values())
        # pure=False: chunks are not hashed to deduplicate them (hashing a chunk costs
        # about as much as sending it, and two equal chunks are rare in a corpus).
        yield client.get_executor(pure=False), max(threads, 1)

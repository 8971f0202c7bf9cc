"""``textfix.dask`` and ``--engine dask``: the same repair as ``textfix.fix``, on a cluster."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

import textfix
from tests.strategies import corpus_documents
from textfix.cli import main

dask = pytest.importorskip("dask", reason="the Dask tests need textfix[dask]")
distributed = pytest.importorskip("dask.distributed", reason="the Dask tests need distributed")
dd = pytest.importorskip("dask.dataframe", reason="the Dask tests need dask[dataframe]")
pd = pytest.importorskip("pandas", reason="the Dask tests need pandas")

from textfix.dask import fix_bag, fix_dataframe, fix_series  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = [(CORPUS / name).read_text(encoding="utf-8") for name in ("000.raw.txt", "004.raw.txt")]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    # One in-process worker with two threads: real scheduling, serialisation of
    # tasks, and a small start-up cost, so that CI stays fast.
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_textfix_dask_does_not_shadow_the_dask_package() -> None:
    code = "import textfix.dask, dask, dask.bag; print(dask.__file__)"
    where = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert where.returncode == 0, where.stderr
    assert "textfix" not in where.stdout


@settings(max_examples=10)
@given(corpus_documents)
def test_bag_series_and_dataframe_repair_as_textfix_fix(
    client: distributed.Client, documents: list[str]
) -> None:
    expected = [textfix.fix(document) for document in documents]
    bag = dask.bag.from_sequence(documents or [""], npartitions=2)
    assert fix_bag(bag).compute() == (expected or [textfix.fix("")])
    frame = pd.DataFrame({"id": range(len(documents)), "text": pd.Series(documents, dtype=object)})
    ddf = dd.from_pandas(frame, npartitions=2)
    assert fix_series(ddf["text"]).compute().tolist() == expected
    repaired = fix_dataframe(ddf, "text").compute()
    assert list(repaired.columns) == ["id", "text"]
    assert repaired["text"].tolist() == expected
    assert repaired["id"].tolist() == list(range(len(documents)))


def test_missing_values_stay_missing(client: distributed.Client) -> None:
    frame = pd.DataFrame({"text": ["部署。 （高美梅）", None]})
    repaired = fix_series(dd.from_pandas(frame, npartitions=1)["text"]).compute()
    assert repaired.iloc[0] == "部署。（高美梅）"
    assert pd.isna(repaired.iloc[1])


def test_a_config_travels_to_the_workers(client: distributed.Client) -> None:
    config = textfix.Config(disable=["remove_space_beside_cjk_punct"])
    bag = dask.bag.from_sequence(["部署。 （高美梅）"], npartitions=1)
    assert fix_bag(bag, config).compute() == ["部署。 （高美梅）"]


def test_cli_on_a_local_cluster_writes_the_bytes_of_a_single_process_run(
    client: distributed.Client, tmp_path: Path
) -> None:
    records = [{"id": n, "text": page} for n, page in enumerate(PAGES * 3)]
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    alone, clustered = tmp_path / "alone.jsonl", tmp_path / "clustered.jsonl"
    assert main(["fix", str(source), "-o", str(alone), "--jobs", "1", "-q"]) == 0
    address = client.scheduler.address
    assert main(["fix", str(source), "-o", str(clustered), "--engine", "dask",
                 "--scheduler", address, "-q"]) == 0  # fmt: skip
    assert clustered.read_bytes() == alone.read_bytes()
    assert [json.loads(line)["text"] for line in alone.read_text().splitlines()] == [
        textfix.fix(r["text"]) for r in records
    ]


def test_cli_parquet_on_a_local_cluster_writes_the_bytes_of_a_single_process_run(
    client: distributed.Client, tmp_path: Path
) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet support needs pyarrow")
    import pyarrow.parquet as pq

    source = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"id": [0, 1, 2, 3], "text": PAGES * 2}), source)
    alone, clustered = tmp_path / "alone.parquet", tmp_path / "clustered.parquet"
    assert main(["fix", str(source), "-o", str(alone), "--jobs", "1", "-q"]) == 0
    address = client.scheduler.address
    assert main(["fix", str(source), "-o", str(clustered), "--engine", "dask",
                 "--scheduler", address, "-q"]) == 0  # fmt: skip
    assert clustered.read_bytes() == alone.read_bytes()
    assert pq.read_table(alone).column("text").to_pylist() == [textfix.fix(p) for p in PAGES * 2]

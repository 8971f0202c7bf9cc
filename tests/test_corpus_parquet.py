"""Parquet corpora: rows, their order and every other column kept; one field repaired."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.corpus_helpers import run_corpus
from tests.strategies import corpus_documents
from textfix.records import FieldPath

pa = pytest.importorskip("pyarrow", reason="Parquet support needs pyarrow: textfix[parquet]")
pq = pytest.importorskip("pyarrow.parquet", reason="Parquet support needs pyarrow")

BROKEN = "部署。 （高美梅）"
FIXED = "部署。（高美梅）"


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _table(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data))


@settings(max_examples=20)
@given(corpus_documents, st.integers(1, 4))
def test_rows_repair_as_textfix_fix_does_with_other_columns_kept(
    documents: list[str], batch_rows: int
) -> None:
    table = pa.table({"id": list(range(len(documents))), "text": documents})
    outcome = run_corpus(_parquet(table), "parquet", suffix=".parquet", batch_rows=batch_rows)
    out = _table(outcome.output)
    assert out.schema.equals(table.schema)
    assert out.column("id").to_pylist() == list(range(len(documents)))
    assert out.column("text").to_pylist() == [textfix.fix(d) for d in documents]


def test_a_field_inside_a_struct_column_is_repaired() -> None:
    table = pa.table({"meta": [{"body": BROKEN, "lang": "zh"}], "text": [BROKEN]})
    outcome = run_corpus(
        _parquet(table), "parquet", suffix=".parquet", field=FieldPath.parse("meta.body")
    )
    assert _table(outcome.output).to_pylist() == [
        {"meta": {"body": FIXED, "lang": "zh"}, "text": BROKEN}
    ]


def test_null_text_is_reported_by_row_and_kept_or_skipped() -> None:
    table = pa.table({"text": [BROKEN, None, BROKEN]})
    kept = run_corpus(_parquet(table), "parquet", suffix=".parquet", batch_rows=2)
    assert _table(kept.output).column("text").to_pylist() == [FIXED, None, FIXED]
    assert kept.warnings[0].endswith("row 2: field 'text' is null, not a string")
    skipped = run_corpus(_parquet(table), "parquet", suffix=".parquet", on_error="skip")
    assert _table(skipped.output).column("text").to_pylist() == [FIXED, FIXED]
    assert (skipped.tally.documents, skipped.tally.errors) == (2, 1)

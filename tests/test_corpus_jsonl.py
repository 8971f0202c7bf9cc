"""JSON Lines corpora: every record comes out, in order, with only the chosen field changed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.corpus_helpers import run_corpus
from tests.strategies import corpus_document, corpus_documents
from textfix.corpus import CorpusError
from textfix.parallel import process_pool
from textfix.records import FieldPath

BROKEN = "部署。 （高美梅）"
FIXED = "部署。（高美梅）"

other_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def record(draw: st.DrawFn, field: str = "text") -> dict[str, object]:
    """A record with the document at ``field`` among other keys, in random key order."""
    others = draw(st.dictionaries(st.text(min_size=1, max_size=5), other_values, max_size=4))
    others.pop(field, None)
    keys = [*others, field]
    order = draw(st.permutations(keys))
    values = {**others, field: draw(corpus_document())}
    return {key: values[key] for key in order}


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _records(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.splitlines()]


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with process_pool(2) as executor:
        yield executor


# Whole-corpus runs cost milliseconds each: fewer examples keep each test under ~5 s.
CORPUS_EXAMPLES = 25


@settings(max_examples=CORPUS_EXAMPLES)
@given(st.lists(record(), max_size=6), st.integers(1, 4000))
def test_every_record_comes_out_in_order_with_only_the_field_repaired(
    records: list[dict[str, object]], chunk_bytes: int
) -> None:
    outcome = run_corpus(_jsonl(records), "jsonl", chunk_bytes=chunk_bytes)
    out = _records(outcome.output)
    assert len(out) == len(records)
    for before, after in zip(records, out, strict=True):
        assert list(after) == list(before)  # key order kept
        assert after == {**before, "text": textfix.fix(before["text"])}  # type: ignore[arg-type]
    assert outcome.tally.documents == len(records)


@settings(max_examples=CORPUS_EXAMPLES)
@given(st.lists(record(), max_size=8), st.integers(1, 3000))
def test_two_processes_give_the_output_of_one(
    pool: ProcessPoolExecutor, records: list[dict[str, object]], chunk_bytes: int
) -> None:
    data = _jsonl(records)
    alone = run_corpus(data, "jsonl", chunk_bytes=chunk_bytes)
    parallel = run_corpus(data, "jsonl", pool, window=4, chunk_bytes=chunk_bytes)
    assert parallel.output == alone.output
    assert parallel.tally == alone.tally


def test_unchanged_records_keep_their_bytes_and_line_endings() -> None:
    data = b'{"text":"clean","n":1.50}\r\n{"text": "' + BROKEN.encode() + b'"}'
    out = run_corpus(data, "jsonl").output
    first, second = out.split(b"\r\n")
    assert first == b'{"text":"clean","n":1.50}'
    assert json.loads(second) == {"text": FIXED}
    assert not out.endswith(b"\n")


def test_nested_field_is_repaired_and_siblings_kept() -> None:
    data = _jsonl([{"id": 7, "meta": {"lang": "zh", "body": BROKEN}, "text": BROKEN}])
    out = _records(run_corpus(data, "jsonl", field=FieldPath.parse("meta.body")).output)
    assert out == [{"id": 7, "meta": {"lang": "zh", "body": FIXED}, "text": BROKEN}]


MALFORMED = (
    b'{"text": "' + BROKEN.encode() + b'"}\n'
    b"{not json\n"
    b'{"text": 5}\n'
    b'{"title": "no text"}\n'
    b'["a list"]\n'
    b"\n"
    b'{"text": null}\n'
    b'{"text": "' + BROKEN.encode() + b'"}\n'
)


def test_malformed_records_are_kept_unchanged_and_reported_by_line() -> None:
    outcome = run_corpus(MALFORMED, "jsonl", on_error="keep")
    lines = outcome.output.split(b"\n")
    assert lines[1:7] == MALFORMED.split(b"\n")[1:7]
    assert json.loads(lines[0]) == json.loads(lines[7]) == {"text": FIXED}
    located = [warning.split(": ")[0].rsplit("/", 1)[-1] for warning in outcome.warnings]
    assert located == [f"input, line {n}" for n in (2, 3, 4, 5, 7)]
    assert "is int, not a string" in outcome.warnings[1]
    assert "is null, not a string" in outcome.warnings[4]
    assert (outcome.tally.documents, outcome.tally.errors) == (2, 5)


def test_malformed_records_can_be_skipped() -> None:
    outcome = run_corpus(MALFORMED, "jsonl", on_error="skip", chunk_bytes=10)
    assert outcome.output == f'{{"text": "{FIXED}"}}\n\n{{"text": "{FIXED}"}}\n'.encode()
    assert outcome.tally.errors == 5


def test_a_malformed_record_stops_the_run_under_fail_and_nothing_is_written(tmp_path) -> None:
    with pytest.raises(CorpusError, match="line 2"):
        run_corpus(MALFORMED, "jsonl", on_error="fail")


def test_a_lone_surrogate_escape_survives_a_repair() -> None:
    data = b'{"text": "\\ud800 ' + BROKEN.encode() + b'"}\n'
    out = run_corpus(data, "jsonl").output
    assert json.loads(out) == {"text": "\ud800 " + FIXED}


@settings(max_examples=CORPUS_EXAMPLES)
@given(corpus_documents)
def test_documents_repair_as_textfix_fix_does(documents: list[str]) -> None:
    data = _jsonl([{"text": document} for document in documents])
    out = _records(run_corpus(data, "jsonl", chunk_bytes=500).output)
    assert [r["text"] for r in out] == [textfix.fix(document) for document in documents]

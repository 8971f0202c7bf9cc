"""Plain text streamed as separated documents: the result never depends on how it is read."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.corpus_helpers import run_corpus
from tests.strategies import corpus_documents
from textfix.io import FileError
from textfix.parallel import batched_by_size, ordered_map, process_pool
from textfix.textstream import read_documents

SEPARATORS = st.sampled_from(["\f", "\n\n\n", "\x1e", "<doc>", "。\n"])
CORPUS_EXAMPLES = 25  # whole-corpus runs cost milliseconds each; keep each test under ~5 s
POOL_EXAMPLES = 12  # each example runs the corpus twice, once through the pool


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    with process_pool(2) as executor:
        yield executor


@given(st.text(alphabet="ab\f<do>\n。", max_size=60), SEPARATORS, st.integers(1, 9))
def test_documents_are_those_of_str_split_whatever_the_read_size(
    text: str, separator: str, read_bytes: int
) -> None:
    stream = BytesIO(text.encode("utf-8"))
    documents = list(read_documents(stream, separator, "x", read_bytes=read_bytes))
    assert documents == text.split(separator)


def test_a_byte_order_mark_is_dropped_and_bad_utf8_refused() -> None:
    assert list(read_documents(BytesIO(b"\xef\xbb\xbfa\fb"), "\f", "x")) == ["a", "b"]
    with pytest.raises(FileError, match="not UTF-8"):
        list(read_documents(BytesIO(b"a\f\xff"), "\f", "x"))


@settings(max_examples=CORPUS_EXAMPLES)
@given(corpus_documents, SEPARATORS, st.integers(1, 5000))
def test_streamed_result_is_each_document_repaired_whatever_the_chunk_size(
    documents: list[str], separator: str, chunk_bytes: int
) -> None:
    documents = [d for d in documents if separator not in d] or [""]
    text = separator.join(documents)
    outcome = run_corpus(text.encode(), "text", doc_sep=separator, chunk_bytes=chunk_bytes)
    expected = separator.join(textfix.fix(d) for d in text.split(separator))
    assert outcome.output.decode() == expected
    assert outcome.tally.documents == len(text.split(separator))


@settings(max_examples=CORPUS_EXAMPLES)
@given(corpus_documents, st.integers(1, 5000))
def test_a_text_without_the_separator_is_repaired_whole(
    documents: list[str], chunk_bytes: int
) -> None:
    text = "\n".join(documents)
    outcome = run_corpus(text.encode(), "text", doc_sep="\x1e", chunk_bytes=chunk_bytes)
    assert outcome.output.decode() == textfix.fix(text)


@settings(max_examples=POOL_EXAMPLES)
@given(corpus_documents, st.integers(1, 3000))
def test_two_processes_stream_the_output_of_one(
    pool: ProcessPoolExecutor, documents: list[str], chunk_bytes: int
) -> None:
    text = "\f".join(d.replace("\f", "") for d in documents)
    alone = run_corpus(text.encode(), "text", doc_sep="\f", chunk_bytes=chunk_bytes)
    parallel = run_corpus(text.encode(), "text", pool, 4, doc_sep="\f", chunk_bytes=chunk_bytes)
    assert parallel.output == alone.output


def test_no_boundary_inside_a_document_is_safe_to_cut_at() -> None:
    """Why plain text is never cut automatically (see textfix.textstream)."""
    wrapped = (
        "市委书记杜小\n刚主持召开人工智\n能产业座谈会，\n"
        + "他强调，要深\n入学习贯彻讲话精\n神和要求。\n"
    )
    one_per_line = "第一段，写完了\n第二段，写完了\n"
    for boundary in ("\n\n\n", "\f"):
        whole = textfix.fix(wrapped + boundary + one_per_line)
        assert whole != textfix.fix(wrapped + boundary) + textfix.fix(one_per_line)


@given(st.lists(st.integers(0, 50), max_size=30), st.integers(1, 60))
def test_ordered_map_keeps_input_order_on_a_pool(
    pool: ProcessPoolExecutor, items: list[int], window: int
) -> None:
    assert list(ordered_map(abs, items, pool, window)) == list(map(abs, items))


@given(st.lists(st.text(max_size=5), max_size=20), st.integers(1, 12))
def test_batches_keep_every_item_in_order(items: list[str], limit: int) -> None:
    batches = list(batched_by_size(items, limit, len))
    assert [item for batch in batches for item in batch] == items
    assert all(sum(map(len, batch)) >= limit for batch in batches[:-1])

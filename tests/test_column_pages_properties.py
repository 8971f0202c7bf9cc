"""Properties both column readers share, each on pages laid out the way its extractor prints
them: ``split_layout_columns`` on pdftotext -layout pages (``column_layout_page``: columns side
by side at grid positions), ``split_spaced_columns`` on pdfplumber text
(``spaced_column_page``: CJK columns joined row by row with one space). Pages are prose typeset
into 2–4 balanced columns by ``tests/layouts.py``, maybe under a headline and over a page
number; each comes with its columns read one after another. (Tables are tested in each
rule's own file.)
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.strategies import (
    clean_document,
    column_layout_page,
    make_column_page,
    make_spaced_column_page,
    only,
    repaired_share,
    spaced_column_page,
)

# Rule, its pages, the function that makes one from a random.Random.
READERS = [
    ("split_layout_columns", column_layout_page, make_column_page),
    ("split_spaced_columns", spaced_column_page, make_spaced_column_page),
]
# Each example typesets a page: fewer examples keep each test a few seconds.
PAGE_EXAMPLES = 100
# Measured over seeds 0-299 (split_layout_columns): 294 pages split, 6 left alone (columns of
# short paragraphs, where fewer than MIN_EDGE_SHARE of a column's lines start on its edge, or
# too few lines side by side), none split wrongly. Over seeds 0-399 (split_spaced_columns):
# every page read in turn; of seeds 1000-2999, 4 read in part (a column's short last line and
# the next column's paragraph end cut as one line).
MEASURED_PAGES = 200
MIN_RECALL = 0.95

by_reader = pytest.mark.parametrize(
    "rule, pages, make_page", READERS, ids=[rule for rule, _, _ in READERS]
)


@by_reader
@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_columns_are_read_in_turn_or_the_page_is_left_alone(rule, pages, make_page, data) -> None:
    text, read_in_turn = data.draw(pages)
    assert textfix.fix(text, only(rule)) in (read_in_turn, text)


@by_reader
def test_most_generated_pages_are_read_in_turn(rule, pages, make_page) -> None:
    assert repaired_share(make_page, only(rule), MEASURED_PAGES) >= MIN_RECALL


@by_reader
@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_reading_is_idempotent_and_crlf_alike(rule, pages, make_page, data) -> None:
    text, _ = data.draw(pages)
    once = textfix.fix(text, only(rule))
    assert textfix.fix(once, only(rule)) == once
    crlf = text.replace("\n", "\r\n")
    assert textfix.fix(crlf, only(rule)) == once.replace("\n", "\r\n")
    full = textfix.fix(text)
    assert textfix.fix(full) == full


@by_reader
@given(text=clean_document())
def test_clean_text_is_unchanged(rule, pages, make_page, text: str) -> None:
    assert textfix.fix(text, only(rule)) == text

"""Properties of split_layout_columns on pages laid out the way pdftotext -layout prints them.

Pages come from ``tests/strategies.column_layout_page``: prose typeset into 2–4 balanced
columns by ``tests/layouts.py`` and printed side by side at per-glyph or per-cell grid
positions, maybe under a headline and over a page number. Clean text, tables and arbitrary
Unicode must come through unchanged or at least unharmed.
"""

from __future__ import annotations

import random
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.strategies import (
    any_text,
    clean_document,
    column_layout_page,
    lay_side_by_side,
    make_column_page,
    only,
    text_table,
)

RULE = "split_layout_columns"
ONLY = only(RULE)
# Each example typesets a page: fewer examples keep each test a few seconds.
PAGE_EXAMPLES = 100
# Measured over seeds 0-299: 294 pages split, 6 left alone (columns of short paragraphs,
# where fewer than MIN_EDGE_SHARE of a column's lines start on its edge, or too few lines
# side by side), none split wrongly.
MEASURED_PAGES = 200
MIN_RECALL = 0.95


@settings(max_examples=PAGE_EXAMPLES)
@given(column_layout_page)
def test_columns_are_read_in_turn_or_the_page_is_left_alone(page) -> None:
    text, read_in_turn = page
    assert textfix.fix(text, ONLY) in (read_in_turn, text)


def test_most_generated_pages_are_split() -> None:
    pages = [make_column_page(random.Random(seed)) for seed in range(MEASURED_PAGES)]
    split = sum(textfix.fix(text, ONLY) == read_in_turn for text, read_in_turn in pages)
    assert split >= MIN_RECALL * MEASURED_PAGES


@settings(max_examples=PAGE_EXAMPLES)
@given(column_layout_page)
def test_split_is_idempotent(page) -> None:
    text, _ = page
    once = textfix.fix(text, ONLY)
    assert textfix.fix(once, ONLY) == once
    full = textfix.fix(text)
    assert textfix.fix(full) == full


@settings(max_examples=PAGE_EXAMPLES)
@given(column_layout_page)
def test_crlf_pages_are_split_alike(page) -> None:
    text, _ = page
    crlf = text.replace("\n", "\r\n")
    assert textfix.fix(crlf, ONLY) == textfix.fix(text, ONLY).replace("\n", "\r\n")


@given(clean_document())
def test_clean_text_is_unchanged(text: str) -> None:
    assert textfix.fix(text, ONLY) == text


@given(text_table())
def test_tables_keep_their_rows(table: str) -> None:
    assert textfix.fix(table, ONLY) == table


_GRID_CELL = st.text(
    st.one_of(st.sampled_from("甲乙 ab\n"), st.characters(exclude_categories=["Cs"])), max_size=30
)


@given(st.lists(_GRID_CELL, min_size=2, max_size=4))
def test_arbitrary_grids_keep_every_character(cells: list[str]) -> None:
    columns = [cell.split("\n") for cell in cells]
    text = "\n".join(lay_side_by_side(columns, [2] * len(columns), len))
    repaired = textfix.fix(text, ONLY)
    assert sorted(repaired.replace(" ", "").replace("\n", "")) == sorted(
        text.replace(" ", "").replace("\n", "")
    )


@given(any_text)
def test_never_raises_and_edits_are_valid(text: str) -> None:
    repair = textfix.explain(text, ONLY)
    for edit in repair.edits:
        assert text[edit.start : edit.end] == edit.before
    assert textfix.fix(repair.text, ONLY) == repair.text


def _python_steps(text: str) -> int:
    """Python line events while the rule runs: a measure of work that load does not skew."""
    steps = 0

    def count(frame, event, arg):  # noqa: ARG001 - the tracer's signature
        nonlocal steps
        steps += 1
        return count

    sys.settrace(count)
    try:
        textfix.fix(text, ONLY)
    finally:
        sys.settrace(None)
    return steps


# Inputs that make many positions look like column edges: every line gapped alike, gaps
# that shift a little from line to line, crossing lines between aligned ones, one very
# long gapped line among short ones.
ADVERSARIAL = {
    "uniform grid": lambda n: "ab  cd  ef  gh  ij  kl  mn  op\n" * n,
    "drifting gaps": lambda n: "".join(
        "x" * (k % 7) + "  yy  " + "z" * (k % 5) + "  w\n" for k in range(n)
    ),
    "crossing every fifth": lambda n: "".join(
        ("aaaa  bbbb  cccc  dddd\n" if k % 5 else "aaaaaaaaaaaaaaaaaaaaaa\n") for k in range(n)
    ),
    "long gapped line": lambda n: "a  " * (8 * n) + "\n" + "word  word\n" * n,
}
# Four times the input may take at most this many times the work (4 for linear time, with
# room for the per-call constant of the smaller input).
MAX_GROWTH = 4.5


def test_work_grows_linearly_on_adversarial_input() -> None:
    for name, make in ADVERSARIAL.items():
        small, large = _python_steps(make(200)), _python_steps(make(800))
        assert large <= MAX_GROWTH * small, f"{name}: {small} → {large} steps"

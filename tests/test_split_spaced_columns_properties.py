"""Properties of split_spaced_columns of its own, on pages joined the way pdfplumber's text
joins them (``tests/strategies.spaced_column_page``: CJK or mixed prose typeset into 2–4
balanced columns by ``tests/layouts.py``, hanging or pulled-down punctuation, marks set
half-width now and then, joined row by row with one space): the whole pipeline reads them as
their columns, layout-mode pages and arbitrary Unicode come through unharmed, work stays
linear. What it shares with split_layout_columns is in ``test_column_pages_properties.py``.
"""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import textfix
from tests.strategies import (
    any_text,
    column_layout_page,
    join_rows,
    only,
    repair_is_sound,
    spaced_column_page,
    text_table,
    work_grows_linearly,
)

RULE = "split_spaced_columns"
ONLY = only(RULE)
# Each example typesets a page: fewer examples keep each test a few seconds.
PAGE_EXAMPLES = 100


@settings(max_examples=PAGE_EXAMPLES)
@given(spaced_column_page)
def test_whole_pipeline_reads_a_split_page_as_its_columns_in_turn(page) -> None:
    text, read_in_turn = page
    assume(textfix.fix(text, ONLY) == read_in_turn)
    fixed = textfix.fix(text)
    assert textfix.fix(fixed) == fixed
    # Reflow joins the column lines back into paragraphs: the characters stay, in order.
    assert _ink(textfix.fix(read_in_turn)) == _ink(fixed)


def _ink(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=PAGE_EXAMPLES)
@given(column_layout_page)
def test_layout_mode_pages_keep_every_character(page) -> None:
    # split_layout_columns reads these first in the pipeline; alone, this rule may read
    # some of their rows (a gutter is a run of spaces too) but never loses a character.
    text, _ = page
    assert sorted(_ink(textfix.fix(text, ONLY))) == sorted(_ink(text))


@given(text_table())
def test_tables_keep_their_rows(table: str) -> None:
    assert textfix.fix(table, ONLY) == table


_CELL = st.text(st.one_of(st.sampled_from("甲乙。 ab\n"), st.characters(exclude_categories=["Cs"])))


@given(st.lists(_CELL, min_size=2, max_size=4))
def test_arbitrary_rows_keep_every_character(cells: list[str]) -> None:
    # Columns with holes anywhere (a column empty beside the others' lines): the rule
    # cannot tell which column a lone line belongs to, but it never loses one.
    text = "\n".join(join_rows([cell.split("\n") for cell in cells]))
    repaired = textfix.fix(text, ONLY)
    assert sorted(_ink(repaired)) == sorted(_ink(text))


@given(any_text)
def test_never_raises_and_edits_are_valid(text: str) -> None:
    assert repair_is_sound(text, ONLY)


def test_work_grows_linearly_on_adversarial_input() -> None:
    # Rows of many short pieces (every cut a candidate), rows at one measure with a line
    # that fits none between them, and one very long row of joined pieces.
    for unit in (
        "甲乙 丙丁 戊己 庚辛 壬癸 子丑 寅卯 辰巳 午未 申酉 戌亥\n",
        "市委书记杜小刚主持召开人工 智能产业发展座谈会他强调要深\n" * 4 + "x\n",
        "市委书记杜小刚主持召开人工智能 " * 50 + "\n",
    ):
        assert work_grows_linearly(ONLY, unit), unit


@settings(max_examples=PAGE_EXAMPLES)
@given(st.integers(0, 2**32 - 1))
def test_page_furniture_between_joined_pages_goes_before_columns_are_read(seed: int) -> None:
    # pdfplumber's pages joined with no separator: a foot with the page label and the next
    # page's head between two pages of joined columns. Read as column rows, the furniture
    # would be scattered into the columns; removed first, it goes whole.
    import random

    from tests.strategies import _prose_columns

    rng = random.Random(seed)
    count, rows = rng.randint(2, 4), rng.randint(10, 16)
    head = "锡城日报 · 要闻 2025年2月21日 星期五"
    lines = [head]
    for page in range(1, 4):
        lines += join_rows(_prose_columns(rng, "cjk", count, rows, ""))
        lines += [f"责任编辑 王明 美术编辑 李华 A{page}", head]
    repaired = textfix.fix("\n".join(lines[:-1]) + "\n")
    assert "锡城日报" not in repaired
    assert "责任编辑" not in repaired

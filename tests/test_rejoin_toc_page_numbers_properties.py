"""Properties of ``rejoin_toc_page_numbers``, alone and in the default pipeline.

A contents whose page numbers an extractor read apart from their entries (on the
next line, or as a block after them) is rebuilt exactly; a clean contents and clean
prose are left alone; repairs are idempotent and keep every non-space character; no
input makes the rule raise; work is linear, however long a row of dots.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

import textfix

from .strategies import (
    any_text,
    clean_document,
    contents_clean,
    contents_document,
    contents_numbers_as_column,
    contents_numbers_below,
    only,
    repair_is_sound,
    work_grows_linearly,
)

ONLY = only("rejoin_toc_page_numbers")

below = contents_document().map(
    lambda parts: (contents_clean(parts), contents_numbers_below(parts))
)
as_column = contents_document().flatmap(contents_numbers_as_column)  # (damaged, repaired)
read_apart = st.one_of(below, as_column.map(lambda case: case[::-1]))  # (clean, damaged)


def _visible(text: str) -> Counter[str]:
    return Counter(char for char in text if not char.isspace())


@given(below)
def test_rejoins_numbers_read_on_the_next_line(case: tuple[str, str]) -> None:
    clean, damaged = case
    assert textfix.fix(damaged, ONLY) == clean


@given(as_column)
def test_rejoins_numbers_read_as_a_block(case: tuple[str, str]) -> None:
    damaged, repaired = case
    assert textfix.fix(damaged, ONLY) == repaired


def _ends_with_page(line: str) -> bool:
    head, _, tail = line.rpartition(" ")
    return tail.isdigit() and head.rstrip().endswith((".", "…", "·"))


@given(read_apart)
def test_default_pipeline_rebuilds_the_contents(case: tuple[str, str]) -> None:
    repaired, damaged = case
    fixed = textfix.fix(damaged).splitlines()
    for line in repaired.splitlines():
        if _ends_with_page(line):
            assert line in fixed


@given(st.one_of(contents_document().map(contents_clean), clean_document()))
def test_leaves_clean_text_alone(document: str) -> None:
    assert textfix.fix(document, ONLY) == document
    assert textfix.fix(document) == document


@given(read_apart)
def test_is_idempotent_and_keeps_every_character(case: tuple[str, str]) -> None:
    once = textfix.fix(case[1], ONLY)
    assert textfix.fix(once, ONLY) == once
    assert _visible(once) == _visible(case[1])


# Dense mixtures of leaders, numbers and line breaks, which arbitrary Unicode rarely hits.
leader_soup = st.text(st.sampled_from(". …·1 2 9 x i 目录\n\n"), max_size=80)


@given(st.one_of(any_text, leader_soup))
def test_never_raises_and_edits_point_into_the_input(text: str) -> None:
    assert repair_is_sound(text, ONLY)


def test_work_grows_linearly() -> None:
    assert work_grows_linearly(ONLY, "第一章 总则 . . . . . . . .\n3\n")
    assert work_grows_linearly(ONLY, "甲 . . . . .\n乙 . . . . .\n\n1\n2\n")
    assert work_grows_linearly(ONLY, ". . . . . . . . x")

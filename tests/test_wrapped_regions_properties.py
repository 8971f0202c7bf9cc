"""Properties of reflow_paragraphs on pages that are not wrapped as a whole: reports and
manuals whose headings, tables of contents, code and tables outnumber their wrapped
paragraphs (``tests.strategies.report_page``; ``textfix.wrapped_regions``)."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import assume, given

import textfix
from tests.strategies import only, report_page, work_grows_linearly
from textfix.layout import read_page
from textfix.rules.reflow_paragraphs import wrapped_as_a_whole

ONLY_REFLOW = only("reflow_paragraphs")


def reflow(text: str) -> str:
    return textfix.fix(text, ONLY_REFLOW)


def _region_page(page: tuple[str, str]) -> tuple[str, str]:
    raw, clean = page
    assume(not wrapped_as_a_whole(read_page(raw)))
    return raw, clean


_SPACE = re.compile(r"\s+")


def _line_ends(text: str) -> set[int]:
    """Where lines end, counted in non-whitespace characters."""
    ends, count = set(), 0
    for line in text.split("\n"):
        count += len(_SPACE.sub("", line))
        ends.add(count)
    return ends


@given(report_page())
def test_joins_only_wrapped_lines_and_leaves_the_other_lines(page) -> None:
    raw, clean = _region_page(page)
    repaired = reflow(raw)
    assert _line_ends(clean) <= _line_ends(repaired)
    assert set(clean.split("\n")) - set(repaired.split("\n")) <= set(
        paragraph for paragraph in clean.split("\n") if paragraph.endswith("。")
    )


@given(report_page())
def test_joins_the_paragraphs_of_most_pages_whole(page) -> None:
    raw, clean = _region_page(page)
    joined = sum(line in reflow(raw).split("\n") for line in clean.split("\n"))
    assert joined >= 0.8 * len(clean.split("\n"))


@given(report_page())
def test_leaves_the_page_with_paragraphs_on_one_line_unchanged(page) -> None:
    _, clean = _region_page(page)
    assume(not wrapped_as_a_whole(read_page(clean)))
    assert reflow(clean) == clean


@given(report_page())
def test_is_idempotent_and_keeps_every_character(page) -> None:
    raw, _ = _region_page(page)
    once = reflow(raw)
    assert _SPACE.sub("", once) == _SPACE.sub("", raw)
    assume(not wrapped_as_a_whole(read_page(once)))
    assert reflow(once) == once


@given(report_page())
def test_work_grows_linearly(page) -> None:
    raw, _ = _region_page(page)
    # One window: a page near the whole-page gate may read otherwise in a window cut
    # elsewhere, and the region joins are what is timed here.
    assert work_grows_linearly(replace(ONLY_REFLOW, window_chars=0), raw)

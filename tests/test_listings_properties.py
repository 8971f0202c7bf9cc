"""Properties of code listings among CJK prose (``textfix.listings``) in paragraph reflow.

A listing's lines stay lines of their own while the wrapped paragraphs around them are
joined; Latin text, where a line before a word that would have fitted is a fragment of
a justified line, is read as before (no listings are found on a page of ASCII lines).
"""

from __future__ import annotations

from hypothesis import given

import textfix
from textfix.layout import read_page
from textfix.listings import listing_lines

from .strategies import clean_document, latin_paragraph, listing_page, only, work_grows_linearly

ONLY_REFLOW = only("reflow_paragraphs")


@given(listing_page())
def test_listing_lines_stay_lines_of_their_own(page: tuple[str, str, list[str]]) -> None:
    raw, clean, listing = page
    lines = textfix.fix(raw, ONLY_REFLOW).split("\n")
    assert [line for line in lines if line in listing] == listing
    assert textfix.fix(raw).split("\n").count(listing[0]) >= 1


@given(listing_page())
def test_every_listing_line_is_found(page: tuple[str, str, list[str]]) -> None:
    raw, _, listing = page
    contents = raw.splitlines()
    found = {contents[n] for n in listing_lines(contents)}
    assert set(listing) <= found
    assert all(line.isascii() for line in found)


@given(clean_document(latin_paragraph()))
def test_pages_of_latin_text_hold_no_listing(document: str) -> None:
    assert not read_page(document).measured.listings


@given(listing_page())
def test_clean_listing_pages_are_left_alone(page) -> None:
    _, clean, _ = page
    # Reflow alone: the generated listings repeat a few commands, which furniture removal
    # may read as a page's furniture recurring at intervals (the clean corpus has none).
    assert textfix.fix(clean, ONLY_REFLOW) == clean


def test_work_grows_linearly() -> None:
    unit = "本文介绍在系统中安装的方法，以及升级宏包和编译文档等操作，请按照步骤\n$ tlmgr --all\n"
    assert work_grows_linearly(ONLY_REFLOW, unit)

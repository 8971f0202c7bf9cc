"""Properties of ``restore_box_order``, alone and in the default pipeline.

A column's bottom box read after the next column's top box (pdfminer.six) goes back
before it; boxes in reading order, clean prose and wrapped documents are left alone;
the repair is idempotent, only moves text (every character kept), never raises, and
works in linear time.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import textfix

from .strategies import (
    any_text,
    clean_document,
    justified_piece_boxed_apart,
    misordered_boxes,
    only,
    repair_is_sound,
    work_grows_linearly,
    wrapped_document,
)

ONLY = only("restore_box_order")


@given(misordered_boxes())
def test_puts_the_bottom_box_back_before_the_box_it_runs_on_into(
    case: tuple[str, str],
) -> None:
    in_order, misordered = case
    assert textfix.fix(misordered, ONLY) == in_order


@given(misordered_boxes())
def test_boxes_in_reading_order_are_left_alone(case: tuple[str, str]) -> None:
    in_order, _ = case
    assert textfix.fix(in_order, ONLY) == in_order


WITH_REFLOW = textfix.Config(
    enable=["restore_box_order", "reflow_paragraphs"],
    disable=[
        rule.id
        for rule in textfix.rules()
        if rule.id not in ("restore_box_order", "reflow_paragraphs")
    ],
)


@given(misordered_boxes())
def test_reflow_then_reads_the_cut_paragraph_as_one(case: tuple[str, str]) -> None:
    in_order, misordered = case
    repaired = textfix.fix(misordered, WITH_REFLOW)
    assert repaired == textfix.fix(in_order, WITH_REFLOW)
    # The bottom box's last line and the next column's first line are one paragraph.
    assert in_order.split("\n\n")[2].split("\n")[0] not in repaired.split("\n")


@given(st.one_of(clean_document(), wrapped_document()))
def test_clean_and_wrapped_text_is_unchanged(text: str) -> None:
    assert textfix.fix(text, ONLY) == text


@given(any_text)
def test_only_moves_text_and_is_sound(text: str) -> None:
    assert Counter(textfix.fix(text, ONLY)) == Counter(text)
    assert repair_is_sound(text, ONLY)


@given(misordered_boxes())
def test_repair_is_idempotent(case: tuple[str, str]) -> None:
    _, misordered = case
    once = textfix.fix(misordered, ONLY)
    assert textfix.fix(once, ONLY) == once


def test_work_grows_linearly() -> None:
    box = "Ends.\n\nrunning on from\nthe other column.\n\nA column that is\ncut at its foot by\n\n"
    assert work_grows_linearly(ONLY, box)
    assert work_grows_linearly(ONLY, "a\n \n \n")
    assert work_grows_linearly(ONLY, "word  \n\n  b")


def _piece_has_one_host(boxed: str) -> bool:
    """The documented evidence: the piece is a box of lowercase Latin words, shorter than
    the box's lines, and exactly one line of the next box (not its last) is short by its
    length, stopping mid-sentence."""
    from statistics import median

    from textfix.rules.restore_box_order import (
        MAX_HOST_SHARE,
        MAX_JOINED_SHARE,
        MAX_PIECE_SHARE,
        MIN_HOST_BOX_LINES,
        MIN_JOINED_SHARE,
    )

    piece, box = boxed.split("\n\n")[1:3]
    lines = box.strip("\n").split("\n")
    measure = median(map(len, lines))
    hosts = [
        line
        for line in lines[:-1]
        if len(line) < MAX_HOST_SHARE * measure
        and MIN_JOINED_SHARE * measure <= len(line) + 1 + len(piece) <= MAX_JOINED_SHARE * measure
        and line[-1] not in ".!?:"
    ]
    return (
        len(lines) >= MIN_HOST_BOX_LINES
        and piece[0].islower()
        and len(piece) <= MAX_PIECE_SHARE * measure
        and len(hosts) == 1
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@given(justified_piece_boxed_apart())
def test_puts_words_cut_off_a_justified_line_back_on_it(
    newline: str, case: tuple[str, str]
) -> None:
    in_order, boxed = case
    assume(_piece_has_one_host(boxed))
    repaired = textfix.fix(boxed.replace("\n", newline), ONLY)
    assert repaired == in_order.replace("\n", newline)


@given(justified_piece_boxed_apart())
def test_leaves_a_piece_alone_or_puts_it_back_whole(case: tuple[str, str]) -> None:
    in_order, boxed = case
    repaired = textfix.fix(boxed, ONLY)
    assert repaired in (in_order, boxed)
    assert textfix.fix(repaired, ONLY) == repaired

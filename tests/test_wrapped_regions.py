"""Examples of ``textfix.wrapped_regions``: which breaks of a page not wrapped as a whole
are joined, each threshold with a case on either side."""

from __future__ import annotations

from textfix.layout import NOISE_CELLS, read_page
from textfix.wrapped_regions import (
    MIN_FULL_PAIRS,
    PARAGRAPH_INDENT_CELLS,
    PROPORTIONAL_SPREAD,
    wrapped_breaks,
)

# A full line, cut mid-clause on a Han character.
FULL = "的一是在不了有和人这，中大为上个国我以要他"
LAST = "时来用们生。"


def _breaks(*lines: str) -> list[int]:
    return wrapped_breaks(read_page("\n".join(lines) + "\n"))


def test_joins_a_column_that_enough_pairs_of_full_lines_show() -> None:
    lines = [FULL] * (MIN_FULL_PAIRS + 1) + [LAST]
    assert _breaks(*lines) == list(range(MIN_FULL_PAIRS + 1))


def test_leaves_alone_a_width_that_too_few_pairs_show() -> None:
    assert _breaks(*[FULL] * MIN_FULL_PAIRS, LAST) == []


def test_a_paragraph_first_line_may_be_short_by_the_lost_indent() -> None:
    # Explained: the line, the next line's first character (2 cells) and the indent
    # reach the column within the tolerance.
    reach = (PARAGRAPH_INDENT_CELLS + 2 + NOISE_CELLS) // 2  # characters
    short, shorter = FULL[reach - 1 :], FULL[reach + 1 :]
    assert _breaks(short, *[FULL] * 4, LAST) == [0, 1, 2, 3, 4]
    assert _breaks(shorter, *[FULL] * 4, LAST) == [1, 2, 3, 4]


def _mixed_line(latin: int, han: int) -> str:
    return "x" * latin + "，" + FULL[len(FULL) - han :]


def test_a_line_with_latin_glyphs_may_stray_from_the_column_by_their_spread() -> None:
    # FULL measures 41 cells (its comma set half-width); the mixed lines measure more
    # than two NOISE_CELLS off it, so they pair with no full line.
    assert PROPORTIONAL_SPREAD == 1 / 8
    within = _mixed_line(23, 11)  # 46 cells, 24 half-width glyphs: 2 + 3 cells allowed
    beyond = _mixed_line(25, 11)  # 48 cells, 26 half-width glyphs: 2 + 3.25 allowed
    assert _breaks(*[FULL] * 4, within, LAST) == [0, 1, 2, 3, 4]
    assert _breaks(*[FULL] * 4, beyond, LAST) == [0, 1, 2]


def test_leaves_lines_ending_a_number_a_colon_a_statement_or_a_sentence() -> None:
    for end in ("2", "：", ":", ";", "。"):
        assert _breaks(*[FULL] * 4, FULL[:-1] + end, LAST) == [0, 1, 2, 3]


def test_leaves_lines_holding_a_layout_gap() -> None:
    gapped = FULL[:12] + "  " + FULL[13:]
    assert _breaks(*[FULL] * 4, gapped, LAST) == [0, 1, 2, 3]


def test_leaves_a_line_before_one_without_a_letter() -> None:
    assert _breaks(*[FULL] * 4, "12") == [0, 1, 2]

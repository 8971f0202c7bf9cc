"""The thresholds of ``column_grid`` and ``running_text``, each with a case on either side.

Pages are built with ``lay_side_by_side`` (the way pdftotext -layout prints columns) from
columns of words that fill their measure, then changed in exactly the respect one threshold
judges.
"""

from __future__ import annotations

import pytest

from tests.strategies import lay_side_by_side
from textfix import column_grid, running_text
from textfix.column_grid import find_blocks

WORDS = "council river bridge school market report people water light system model".split()


def prose_column(lines: int, width: int, seed: int = 0) -> list[str]:
    """``lines`` lines of words, each as close to ``width`` characters as words allow."""
    column = []
    index = seed
    for _ in range(lines):
        line = WORDS[index % len(WORDS)]
        index += 1
        while len(line) + 1 + len(WORDS[index % len(WORDS)]) <= width:
            line += " " + WORDS[index % len(WORDS)]
            index += 1
        column.append(line)
    return column


def justified_column(lines: int, width: int, seed: int = 0) -> list[str]:
    """``lines`` lines of exactly ``width`` characters, words cut where the width ends."""
    text = " ".join(WORDS[(seed + k) % len(WORDS)] for k in range(lines * width))
    cut = [text[k * width : (k + 1) * width] for k in range(lines)]
    return ["x" + line[1:-1] + "x" for line in cut]


def page(columns: list[list[str]], gutter: int = 4) -> str:
    return "\n".join(lay_side_by_side(columns, [gutter] * len(columns), len)) + "\n"


def split(text: str) -> list[tuple[int, ...]]:
    return [block.edges for block in find_blocks(text)]


def two_columns(lines: int = 6, width: int = 30) -> list[list[str]]:
    return [prose_column(lines, width), prose_column(lines, width, seed=5)]


def test_prose_columns_side_by_side_are_found() -> None:
    assert len(split(page(two_columns()))) == 1


@pytest.mark.parametrize("rows", [column_grid.MIN_BLOCK_ROWS - 1, column_grid.MIN_BLOCK_ROWS])
def test_a_block_needs_min_block_rows_side_by_side(rows: int) -> None:
    found = split(page(two_columns(lines=rows)))
    assert bool(found) is (rows >= column_grid.MIN_BLOCK_ROWS)


@pytest.mark.parametrize("gutter", [column_grid.GUTTER_MIN - 1, column_grid.GUTTER_MIN])
def test_a_gutter_is_at_least_gutter_min_spaces(gutter: int) -> None:
    columns = [justified_column(6, 30), justified_column(6, 30, seed=5)]
    assert bool(split(page(columns, gutter))) is (gutter >= column_grid.GUTTER_MIN)


@pytest.mark.parametrize(
    ("shift", "on_edge"),
    [(column_grid.ALIGN_TOLERANCE, True), (column_grid.ALIGN_TOLERANCE + 1, False)],
)
def test_lines_within_align_tolerance_start_on_the_edge(shift: int, on_edge: bool) -> None:
    left, right = two_columns(lines=8)
    shifted = [(" " * shift if number % 2 else "") + line for number, line in enumerate(right)]
    # Half the lines shifted: on the edge within the tolerance, else too few on it.
    assert bool(split(page([left, shifted]))) is on_edge


@pytest.mark.parametrize(("indent", "kept"), [(2, True), (3, False)])
def test_a_line_below_the_block_belongs_to_it_when_indented_as_its_paragraphs(
    indent: int, kept: bool
) -> None:
    left, right = two_columns(lines=6)
    right[3] = "  " + right[3]  # the block's paragraphs are indented by two
    text = page([left, right]) + " " * (
        next(iter(find_blocks(page([left, right])))).edges[0] + indent
    )
    (block,) = find_blocks(text + "short last line\n")
    assert (len(block.rows) == 7) is kept


@pytest.mark.parametrize("indent", [column_grid.MAX_INDENT, column_grid.MAX_INDENT + 1])
def test_a_line_above_the_block_belongs_to_it_when_its_columns_start_near_their_edges(
    indent: int,
) -> None:
    left, right = two_columns(lines=6)
    left[0], right[0] = " " * indent + left[0], " " * indent + right[0]
    (block,) = find_blocks(page([left, right]))
    assert (len(block.rows) == 6) is (indent <= column_grid.MAX_INDENT)


HAN = "市委书记主持召开座谈会强调发展人工智能产业加快建设标杆城市推动科技创新"


@pytest.mark.parametrize("shift", [0, column_grid.EDGE_DRIFT, column_grid.EDGE_DRIFT + 1])
def test_a_block_whose_columns_go_on_above_it_is_left_whole(shift: int) -> None:
    # The row above the block starts its second column on the block's edge (shift 0) or
    # up to EDGE_DRIFT positions off it, and its third column four positions before that
    # column's edge, where PyMuPDF's sorted text narrows a gutter beside a line that fills
    # its column: the columns go on there, and splitting the rows below alone would garble
    # the page. A row that starts nothing near an edge is no column row, and the block
    # below it is split.
    columns = [justified_column(7, 30, seed) for seed in (0, 5, 9)]
    rows = page(columns).split("\n")
    second = " " * shift + columns[1][0][: 28 - shift]
    rows[0] = columns[0][0] + "    " + second + "  " + columns[2][0]
    assert bool(split("\n".join(rows))) is (shift > column_grid.EDGE_DRIFT)


@pytest.mark.parametrize("drift", [1, column_grid.EDGE_DRIFT + 1])
def test_no_part_of_a_block_left_whole_is_proven_in_the_other_measure(drift: int) -> None:
    # Ten rows of two Han columns, the second at character 22 on every row; the first four
    # rows hold a year, so counted in display cells the second column starts 4 cells further
    # left there than on the six rows below. The row above starts its second column
    # ``drift`` characters left of the edge: near it, the columns go on there and the block
    # is left whole, in both measures; further off, the ten rows are split.
    left = [HAN[k : k + 16] + "2025" if k < 4 else HAN[k : k + 20] for k in range(10)]
    right = [HAN[k + 12 : k + 32] for k in range(10)]
    rows = page([left, right], gutter=2).split("\n")
    above = HAN[: 20 - drift] + "  " + HAN[5:25]
    found = [len(block.rows) for block in find_blocks("\n".join([above, *rows]))]
    assert found == ([] if drift <= column_grid.EDGE_DRIFT else [10])


@pytest.mark.parametrize(
    "han", [column_grid.MIN_EDGE_DISTANCE - 3, column_grid.MIN_EDGE_DISTANCE - 2]
)
def test_edges_are_min_edge_distance_apart(han: int) -> None:
    # The narrowest CJK column (8 characters, 8 positions) and a 2-space gutter: edges 10
    # apart; one character less makes the edges too close (and the column too narrow).
    middle = [HAN[k : k + han] for k in range(6)]
    sides = [HAN[k + 10 : k + 22] for k in range(6)]
    found = split(page([sides, middle, sides[::-1]], gutter=2))
    assert (len(found) == 1 and len(found[0]) == 2) is (han + 2 >= column_grid.MIN_EDGE_DISTANCE)


@pytest.mark.parametrize("gapped", [3, 4])
def test_a_column_mostly_holding_gaps_is_two_columns(gapped: int) -> None:
    left, right = two_columns(lines=6)
    right = [line.replace(" ", "  ", 1) if n < gapped else line for n, line in enumerate(right)]
    assert bool(split(page([left, right]))) is (gapped <= column_grid.MAX_GAPPED_SHARE * 6)


# ---- running_text ----


def _reads(lines: list[str]) -> bool:
    return running_text.reads_as_running_text(lines)


@pytest.mark.parametrize(
    "width", [running_text.MIN_LATIN_COLUMN_CELLS - 1, running_text.MIN_LATIN_COLUMN_CELLS]
)
def test_a_latin_column_is_at_least_min_latin_column_cells_wide(width: int) -> None:
    column = [line.ljust(width, "x")[:width] for line in prose_column(6, width)]
    assert _reads(column) is (width >= running_text.MIN_LATIN_COLUMN_CELLS)


@pytest.mark.parametrize("han", [running_text.MIN_CJK_COLUMN_CELLS // 2 - 1, 8])
def test_a_cjk_column_is_at_least_min_cjk_column_cells_wide(han: int) -> None:
    column = ["市委书记主持召开座谈会强调发展"[k : k + han] for k in range(6)]
    assert _reads(column) is (2 * han >= running_text.MIN_CJK_COLUMN_CELLS)


@pytest.mark.parametrize("short", [2, 3])
def test_most_lines_fill_the_measure(short: int) -> None:
    column = prose_column(6, 30)
    column = [line[:10] if n < short else line for n, line in enumerate(column)]
    full = 6 - short
    assert _reads(column) is (full >= running_text.MIN_FULL_SHARE * 6)


@pytest.mark.parametrize("holes", [2, 3])
def test_few_holes_inside_a_column(holes: int) -> None:
    column = prose_column(8, 30)
    for number in range(holes):
        column.insert(2 + 2 * number, "")
    assert _reads(column) is (holes <= running_text.MAX_HOLE_SHARE * len(column))


@pytest.mark.parametrize("figures", [3, 4])
def test_prose_is_mostly_letters(figures: int) -> None:
    # 18 letters and ``figures`` two-digit numbers a line: 75 % letters with 3, 69 % with 4.
    figures_text = " ".join(["12"] * figures)
    column = [f"{first.ljust(7, 's')} {figures_text} market water" for first in WORDS[:4]]
    joined = "".join(column).replace(" ", "")
    letters = sum(map(str.isalpha, joined))
    assert _reads(column) is (letters >= running_text.MIN_LETTER_SHARE * len(joined))


@pytest.mark.parametrize("token", [running_text.MAX_MEAN_TOKEN, running_text.MAX_MEAN_TOKEN + 1])
def test_prose_tokens_are_short(token: int) -> None:
    line = " ".join(["abcdefghijklmnop"[:token]] * 3)
    column = [chr(ord("a") + n) + line[1:] for n in range(5)]  # lines begin differently
    assert _reads(column) is (token <= running_text.MAX_MEAN_TOKEN)


@pytest.mark.parametrize("repeats", [1, 3])
def test_prose_lines_begin_with_different_words(repeats: int) -> None:
    column = prose_column(6, 30)
    for number in range(1, repeats + 1):
        column[number] = "# " + column[number]
    column[0] = "# " + column[0]
    assert _reads(column) is (repeats <= running_text.MAX_REPEATED_STARTS * 6)


@pytest.mark.parametrize("off_edge", [3, 4])
def test_most_lines_of_a_column_start_on_its_edge(off_edge: int) -> None:
    left, right = two_columns(lines=8)
    right = ["   " + line if n % 2 and n < 2 * off_edge else line for n, line in enumerate(right)]
    on_edge = 8 - off_edge
    assert bool(split(page([left, right]))) is (on_edge >= column_grid.MIN_EDGE_SHARE * 8)


@pytest.mark.parametrize("lines", [1, column_grid.MIN_SHORT_COLUMN_ROWS])
def test_a_short_last_column_needs_min_short_column_rows(lines: int) -> None:
    columns = [*two_columns(lines=6), prose_column(lines, 30, seed=7)]
    found = split(page(columns))
    assert any(len(edges) == 2 for edges in found) is (lines >= column_grid.MIN_SHORT_COLUMN_ROWS)


@pytest.mark.parametrize("titles", [1, 5])
def test_titles_right_above_the_block_stay_above_it(titles: int) -> None:
    columns = [justified_column(8, 28), justified_column(8, 28, seed=3), prose_column(8, 28, 6)]
    # Titles as wide as the first two columns: they cross the first gutter, not the second.
    text = ("Title words " * 5 + "\n") * titles + page(columns)
    (block,) = find_blocks(text)
    assert len(block.edges) == 2
    assert text[: block.start] == ("Title words " * 5 + "\n") * titles


@pytest.mark.parametrize(
    "share", [running_text.FULL_LINE_SHARE, running_text.FULL_LINE_SHARE - 0.1]
)
def test_a_full_line_reaches_full_line_share_of_the_measure(share: float) -> None:
    column = justified_column(6, 30)
    width = -(-30 * share // 1)  # the shortest width that still counts as full at ``share``
    column = [line[: int(width)] if n < 3 else line for n, line in enumerate(column)]
    assert _reads(column) is (share >= running_text.FULL_LINE_SHARE)

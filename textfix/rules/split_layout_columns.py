"""Read side-by-side columns of layout-mode extraction one after another.

Why it arises: ``pdftotext -layout`` and the other "layout" modes (pdfplumber's layout text,
OCR engines that keep positions) print a page on a fixed-pitch grid, each glyph at the
position computed from its x coordinate. A multi-column page comes out with its columns side
by side: each output line holds a line of column 1, a gutter of spaces, the line of column 2
printed at the same height, and so on. Read line by line, the columns interleave, and no rule
that works on lines can repair that. Every column of a block starts at the same grid position
on every line (``textfix.column_grid`` finds the blocks and proves them).

Broken (two columns side by side)::

    市委书记杜小刚主持召开      更好赋能新型工业化、培育
    人工智能产业发展座谈会。    新质生产力，为我国在战略
    他强调，要深入学习贯彻      必争领域抢占先机。副市长
    习近平总书记重要讲话精      周文栋参加会议。

Fixed: column 1's lines, then column 2's, each with its own indentation (a paragraph's
first-line indent is what ``reflow_paragraphs`` later reads as a paragraph start), trailing
spaces removed; a blank line between two columns, as pdftotext prints a column break::

    市委书记杜小刚主持召开
    人工智能产业发展座谈会。
    他强调，要深入学习贯彻
    习近平总书记重要讲话精

    更好赋能新型工业化、培育
    ...

Left alone: single-column text, justified text with wide word spacing, occasional double
spaces, code with aligned comments, tables (cells too narrow, too ragged, or with holes where
rows wrap to different heights), poems; full-width headlines and running heads above or below
a block, and anything that crosses a gutter.

Gate: text without a double space, or without four consecutive-line stanza lines holding one,
is returned untouched.

>>> page = "\\n".join(f"{'甲' * 10}{n}    {'乙' * 10}{n}" for n in range(4))
>>> print(next(iter(find(page, Options()))).after)
甲甲甲甲甲甲甲甲甲甲0
甲甲甲甲甲甲甲甲甲甲1
甲甲甲甲甲甲甲甲甲甲2
甲甲甲甲甲甲甲甲甲甲3
<BLANKLINE>
乙乙乙乙乙乙乙乙乙乙0
乙乙乙乙乙乙乙乙乙乙1
乙乙乙乙乙乙乙乙乙乙2
乙乙乙乙乙乙乙乙乙乙3
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..column_grid import ColumnBlock, find_blocks
from ..rule import Change, Example, Rule

# Printed between two columns: a blank line, pdftotext's mark of a column break, which
# ``reflow_paragraphs`` joins across when the column ends mid-sentence.
COLUMN_BREAK = "\n\n"


# Inside a column line, a run of spaces between two words is the grid's rendering of a word
# space that justification widened: the extractor's reading mode prints one space there.
_JUSTIFIED_SPACE = regex.compile(r"(?<=[^ \n])  +(?=[^ ])")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _column_text(lines: list[str]) -> str:
    filled = [number for number, line in enumerate(lines) if line]
    if not filled:
        return ""
    return _JUSTIFIED_SPACE.sub(" ", "\n".join(lines[filled[0] : filled[-1] + 1]))


def reading_order(block: ColumnBlock) -> str:
    """The block's columns, one after another."""
    return COLUMN_BREAK.join(filter(None, map(_column_text, block.cells)))


def find(text: str, options: Options) -> Iterator[Change]:
    for block in find_blocks(text):
        note = f"{len(block.edges) + 1} columns side by side on {len(block.rows)} lines"
        yield Change(block.start, block.end, reading_order(block), note + ", read in turn")


RULE = Rule(
    id="split_layout_columns",
    summary="Read side-by-side columns of layout-mode extraction (pdftotext -layout) in turn.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "\n".join(f"line {n} of the first column   line {n} of the second column" for n in range(4)),
            "\n".join(f"line {n} of the first column" for n in range(4))
            + "\n\n"
            + "\n".join(f"line {n} of the second column" for n in range(4)),
            "two Latin columns side by side",
        ),
        Example("a  b\nc  d", "a  b\nc  d", "too few lines to prove a column layout"),
    ),
)

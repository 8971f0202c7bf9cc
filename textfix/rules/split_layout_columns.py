"""Read side-by-side columns of layout-mode extraction one after another.

Why it arises: ``pdftotext -layout`` and the other "layout" modes (pdfplumber's layout text,
OCR engines and text dumps that keep positions) print a page on a fixed-pitch grid, each glyph
at the position computed from its x coordinate. A multi-column page comes out with its columns
side by side: each output line holds a line of column 1, a gutter of spaces, the line of
column 2 printed at the same height, and so on. Read line by line, the columns interleave,
which no rule working on lines can repair. Every column of such a block starts at the same
grid position on every line; ``textfix.column_grid`` finds the blocks and proves them.

Broken (two columns side by side)::

    The council met on Monday to    the plan for the new bridge
    discuss the budget and agreed   across the river, with work
    to fund the design work for     to begin in the spring when
    the new school as well as       the ground is dry enough.

Fixed: column 1's lines, then column 2's, each keeping its indentation (a paragraph's
first-line indent, which ``reflow_paragraphs`` reads later as a paragraph start) without
trailing spaces; a blank line between two columns, as pdftotext marks a column break; word
spaces widened by justification become one space::

    The council met on Monday to
    discuss the budget and agreed
    ...
    the new school as well as

    the plan for the new bridge
    ...

Left alone: single-column text, sentences separated by two spaces, justified text, code with
aligned comments, tables (short or ragged cells, repeated row starts, holes where rows wrap to
different heights), option lists, poems; fewer than four lines side by side; headlines, running
heads and page numbers above or below a block, and any line that crosses a gutter.

Gate: text without a double space, or without a stanza of four lines holding an inner gap, is
returned untouched.

>>> page = "\\n".join(f"{a:<16}{b}" for a, b in zip(
...     ["市委书记杜小刚主持", "召开人工智能产业发", "展座谈会，他强调要", "深入学习贯彻讲话。"],
...     ["更好赋能新型工业化", "培育新质生产力，为", "我国在战略必争领域", "抢占先机把握主动。"]))
>>> print(page)
市委书记杜小刚主持       更好赋能新型工业化
召开人工智能产业发       培育新质生产力，为
展座谈会，他强调要       我国在战略必争领域
深入学习贯彻讲话。       抢占先机把握主动。
>>> print(next(iter(find(page, Options()))).after)
市委书记杜小刚主持
召开人工智能产业发
展座谈会，他强调要
深入学习贯彻讲话。
<BLANKLINE>
更好赋能新型工业化
培育新质生产力，为
我国在战略必争领域
抢占先机把握主动。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..column_grid import ColumnBlock, find_blocks
from ..rule import Change, Example, Rule

# Inside a column line, a run of spaces between two words is the grid's rendering of a word
# space that justification widened: the extractor's reading mode prints one space there.
_JUSTIFIED_SPACE = regex.compile(r"(?<=[^ \r\n])  +(?=[^ ])")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _column_text(lines: list[str], newline: str) -> str:
    filled = [number for number, line in enumerate(lines) if line]
    if not filled:
        return ""
    return _JUSTIFIED_SPACE.sub(" ", newline.join(lines[filled[0] : filled[-1] + 1]))


def reading_order(block: ColumnBlock, newline: str = "\n") -> str:
    """The block's columns, one after another, lines ended by ``newline``; a blank line
    between two columns, pdftotext's mark of a column break, which ``reflow_paragraphs``
    joins across when a column ends mid-sentence."""
    columns = (_column_text(lines, newline) for lines in block.cells)
    return (newline + newline).join(column for column in columns if column)


def find(text: str, options: Options) -> Iterator[Change]:
    for block in find_blocks(text):
        newline = "\r\n" if text.startswith("\r", block.end) else "\n"
        note = f"{len(block.edges) + 1} columns side by side on {len(block.rows)} lines"
        yield Change(block.start, block.end, reading_order(block, newline), note + ", read in turn")


RULE = Rule(
    id="split_layout_columns",
    summary="Read side-by-side columns of layout-mode extraction (pdftotext -layout) in turn.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "The council met on Monday to    the plan for the new bridge\n"
            "discuss the budget and agreed   across the river, with work\n"
            "to fund the design work for     to begin in the spring when\n"
            "the new school as well as       the ground is dry enough.",
            "The council met on Monday to\ndiscuss the budget and agreed\n"
            "to fund the design work for\nthe new school as well as\n\n"
            "the plan for the new bridge\nacross the river, with work\n"
            "to begin in the spring when\nthe ground is dry enough.",
            "two Latin columns side by side",
        ),
        Example(
            "Name          Age   City\nAlice Smith   34    Paris\n"
            "Bob Jones     27    London\nCarol White   45    Berlin",
            "Name          Age   City\nAlice Smith   34    Paris\n"
            "Bob Jones     27    London\nCarol White   45    Berlin",
            "a table keeps its rows",
        ),
    ),
)

"""Wrapped prose among unwrapped material: the line breaks of its paragraphs.

A report, thesis or manual extracted from PDF is hard-wrapped only in its
paragraphs. Its table of contents, code listings, tables, headings and page
numbers are lines of their own, and they can outnumber the wrapped lines so far
that no column width explains a third of all breaks: the page as a whole does
not read as wrapped (``reflow_paragraphs``' gate). Its paragraphs still show
their column, line by line: a typesetter fills every line of a paragraph but
the last to the column width, and cuts it wherever the next unit does not fit,
mid-clause. So a line that ends mid-clause, as wide as the column, is wrapped
and its break is joined; every other break is left as it is.

The column is the width that such lines fill most often. Widths are measured in
print cells (``textfix.layout``): a Han character 2, a Latin glyph 1. Mixed
CJK and Latin text strays from that model: a proportional Latin glyph prints
narrower (spaces, commas, ``i``) or wider (capitals, ``m``) than half an em,
and a line's Latin glyphs do not cancel out, so the full lines of one column
measure apart by more than ``NOISE_CELLS`` where they hold more Latin text
(``PROPORTIONAL_SPREAD``). A paragraph's first line was indented, an indent
extraction dropped (``PARAGRAPH_INDENT_CELLS``).

Broken (full lines of a report page, cut mid-clause)::

    本文介绍在 Windows 10 和 Ubuntu 系统中安装 TeX Live 的方法, 以及升级宏包
    和编译文档等操作.

Fixed::

    本文介绍在 Windows 10 和 Ubuntu 系统中安装 TeX Live 的方法, 以及升级宏包和编译文档等操作.

Left alone: lines that end a sentence, a bracket or a number (a page number set
at the margin of a table of contents, a table's figure), lines without any
punctuation, lines holding a layout gap (two spaces or more: table rows, text
set beside a box), lines narrower or wider than the column, breaks before a
blank line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import compress, repeat
from operator import mul, sub

from .chars import CLAUSE, OPENERS
from .layout import MIN_COLUMN, NOISE_CELLS, Page

# How far a line's measured width may stray from its printed width, per glyph set
# half-width (``2 * length - width``: Latin letters, digits, spaces, compressed
# marks). A proportional Latin glyph prints between about half a cell (space,
# comma, ``i``) and one and a half (capitals, ``m``), half a cell on average in
# either direction; within a line most of that cancels, and what does not is
# the line's mix: mostly lowercase and spaces, or capitals and digits, a quarter
# of the way at most, an eighth of a cell per glyph.
PROPORTIONAL_SPREAD = 1 / 8

# A paragraph's first line is set two em (four cells) in: Chinese typesetting's
# indent, and more than a Latin one. Extraction drops the indent, so the line
# measures that much less than a full one.
PARAGRAPH_INDENT_CELLS = 4

# A column is shown by this many pairs of consecutive lines that fill it, each
# cut mid-clause: a wrapped paragraph of five lines shows three; a list or a
# table rarely ends three pairs of lines mid-clause at one width (as
# ``layout.MIN_NARROW_PAIRS``), and more pairs than the text has lines wider than
# the column that end a sentence (``prose_column``).
MIN_FULL_PAIRS = 3

# Two spaces inside a line are a layout gap (a table's columns, a label set
# beside a box): extractors write one space between words, however wide it prints.
_LAYOUT_GAP = re.compile(r"\S[ \t\u3000]{2,}\S")

# The line a wrapped one goes on in holds a word: a line of digits alone is a page
# number or a table's figure.
_LETTER = re.compile(r"[^\W\d_]")

# A wrap cuts text between letters or after a clause mark, an opening mark or a
# word-end hyphen. A colon ending a line introduces a display (a code block, a list)
# set on lines of its own, and a half-width semicolon ends a statement of code, more
# often than a wrap fell right after either.
_CUT_ENDS = frozenset((CLAUSE - {":", "：", ";"}) | OPENERS | {"-"})


def wrapped_breaks(page: Page) -> list[int]:
    """The line breaks (by the index of the line before) inside wrapped paragraphs.

    A break is inside one when the line before it ends mid-clause (``_cut_lines``)
    and the page's ``prose_column`` explains it within the line's ``_tolerances``:
    the line fits the column, and the next line's first unit would not have (after
    the indent the line lost, when it starts a paragraph), and it fills more than
    half the column (no word is that wide: a typesetter breaks or hyphenates it);
    and the line after it is no wider than the column and holds a letter.
    """
    text, starts, ends, cores = page.text, page.starts, page.ends, page.cores
    cut = _cut_lines(page)
    pairs = full_pairs(cores, cut)
    if sum(pairs.values()) < MIN_FULL_PAIRS:
        return []
    tolerances, units = _tolerances(page), page.measured.units
    column = prose_column(pairs, _unwrapped_widths(page, tolerances))
    if not column:
        return []
    joined: list[int] = []
    for n in cut:
        core, tolerance, after = cores[n], tolerances[n], n + 1
        indent = 0 if joined and joined[-1] == n - 1 else PARAGRAPH_INDENT_CELLS
        if (
            column - tolerance < core + indent + units[after]
            and column < 2 * (core + indent)
            and core <= column + tolerance
            and cores[after] <= column + tolerances[after]
            and _LETTER.search(text, starts[after], ends[after])
        ):
            joined.append(n)
    return joined


def full_pairs(cores: list[int], cut: list[int]) -> Counter[int]:
    """The widths that pairs of consecutive lines cut mid-clause (``cut``, by index)
    fill, by count: two full lines of one column, each within ``NOISE_CELLS`` of it
    (``cores``: the lines' widths without hanging punctuation), counted at their mean.
    """
    return Counter(
        (cores[n] + cores[after]) // 2
        for n, after in zip(cut, cut[1:], strict=False)
        if after == n + 1 and abs(cores[n] - cores[after]) <= 2 * NOISE_CELLS
    )


def prose_column(pairs: Counter[int], unwrapped: list[float]) -> int:
    """The column that the most ``pairs`` of full lines (``full_pairs``) show beyond the
    lines of ``unwrapped`` text wider than it; 0 when none shows ``MIN_FULL_PAIRS`` and
    more pairs than such lines.

    A wrapped paragraph's full lines follow one another at its column, short of it by
    up to the unit that did not fit (a pair's mean: up to two ``NOISE_CELLS``); the last
    lines of paragraphs, list items, table cells and headings scatter. A report sets its
    body in one column: the column shown by the most pairs is the body's. Where
    paragraphs stand one per line, they end a sentence and are wider than any column
    (``unwrapped``: the least width each exceeds, sorted): a few pairs of list items
    or table cells of one width do not make such text wrapped (and text whose
    paragraphs were joined does not read as wrapped again).
    """
    best, best_score = 0, 0
    for width in pairs:
        if width < MIN_COLUMN:
            continue
        support = sum(map(pairs.__getitem__, range(width - 2 * NOISE_CELLS, width + 1)))
        score = support - (len(unwrapped) - bisect_right(unwrapped, width))
        if support >= MIN_FULL_PAIRS and (score, width) > (best_score, best):
            best, best_score = width, score
    return best


def _cut_lines(page: Page) -> list[int]:
    """Lines (by index) that a wrap may have cut: followed by a line with no blank line
    between, ending on a letter or a ``_CUT_ENDS`` mark, holding some clause or
    sentence punctuation and no layout gap."""
    measured = page.measured
    text, starts, ends, lasts = page.text, measured.starts, measured.ends, measured.lasts
    gaps, bares = measured.gaps, measured.bares
    return [
        n
        for n in range(page.line_count - 1)
        if not gaps[n + 1]
        and (lasts[n].isalpha() or lasts[n] in _CUT_ENDS)
        and not bares[n]
        and not _LAYOUT_GAP.search(text, starts[n], ends[n])
    ]


def _unwrapped_widths(page: Page, tolerances: list[float]) -> list[float]:
    """The least column width that each line ending a sentence, with no layout gap,
    exceeds (its width less its tolerance), sorted: the lines a text set one
    paragraph per line has wider than any column."""
    measured, text, cores = page.measured, page.text, page.cores
    starts, ends = measured.starts, measured.ends
    return sorted(
        cores[n] - tolerances[n]
        for n in compress(range(page.line_count), measured.finals)
        if not _LAYOUT_GAP.search(text, starts[n], ends[n])
    )


def _tolerances(page: Page) -> list[float]:
    """How far each line's measured width may stray from its column's
    (``NOISE_CELLS``, and ``PROPORTIONAL_SPREAD`` per glyph set half-width)."""
    halves = map(sub, map(mul, page.measured.lengths, repeat(2)), page.widths)
    return [NOISE_CELLS + max(half, 0) * PROPORTIONAL_SPREAD for half in halves]

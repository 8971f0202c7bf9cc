"""Blocks of side-by-side columns in layout-mode text, and where each column starts.

A layout extractor (``pdftotext -layout``, pdfplumber's layout text, an OCR engine that keeps
positions) prints a page on a fixed-pitch grid: each glyph goes to the grid position computed
from its x coordinate, and the space up to it is padded with spaces. The lines of a column
share one left edge on the page, so every line of a column block starts the column at the same
grid position, behind a *gutter*: a run of spaces on every line of the block. Justified text
has runs of spaces too, but where the word spacing happens to fall, a different place on each
line; and a full-width headline crosses the gutter.

Grid positions: pdftotext and pdfplumber give every glyph one position whatever its width (a
Han character is one position, like a Latin letter), so columns align by *character offset*:
in the Chinese pdftotext -layout samples column 2 starts at character 24 on every line of a
block, at display cells anywhere from 32 to 40. Tools that pad by display width (terminal
dumps of HTML tables) give a wide character two positions (``chars.grid_width``). Lines
holding wide characters are read both ways; the measure that puts more column lines exactly
on their edges is the one the page was laid out in.

Precision first: a block is only reported with strong evidence: enough lines; each column edge
met exactly by most lines that reach it; and every column reads as running text
(``running_text``), not as the cells of a table or lines of code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import regex

from .chars import GRID_WIDE, grid_width
from .running_text import reads_as_running_text

# A gutter is at least two spaces: one space separates words, and layout extractors put at
# least the gap between two columns (a gutter of 1–2 em) there, which is two positions or more.
GUTTER_MIN = 2

# Fewest lines that show two columns side by side before a block is split: two or three
# side-by-side lines can be a short table or a coincidence of word spacing; four lines with a
# common gutter and edge are a column layout.
MIN_BLOCK_ROWS = 4

# A column shorter than the others (the last of balanced columns that end mid-block) may show
# its edge on as few lines as this, when the edge is white on every line of a block that the
# other edges prove: two lines starting exactly there behind a gutter that no line crosses.
MIN_SHORT_COLUMN_ROWS = 2

# A column line may start this many positions right of its column's edge and still count as
# starting on it. pdftotext places every line of a column exactly (0 would do for it: its
# position is the same maximum over the text to the left on every line); tools that round
# each line's own x coordinate to the grid put a line set a fraction of a point further right
# (OCR's pixel jitter, a glyph's side bearing) one position further.
ALIGN_TOLERANCE = 1

# A row next to a block whose ink starts this many positions or fewer from one of its edges
# continues its columns: an extractor that spaces each line's columns by that line's own glyph
# widths (PyMuPDF's sorted text) moves the second column by a position or two between lines.
EDGE_DRIFT = 2

# A column line may start this many positions right of its edge: a paragraph's first-line
# indent (two em: 4–5 Latin letters in pdftotext's pitch, 2–3 positions for Han) plus slack.
# Inside a block a line may start further right (a centred heading in a column); at the top
# or bottom of a block such a line is no column line but what is set near it.
MAX_INDENT = 8

# Of the lines that reach a column, this share must start exactly on its edge: the others
# are first lines of paragraphs (indented), one line in three with three-line paragraphs.
MIN_EDGE_SHARE = 0.6

# Two edges of one block are at least this many positions apart: the narrowest column holds
# 8 Han characters, which pdftotext counts as 8 positions (one per glyph), and its gutter 2.
MIN_EDGE_DISTANCE = 10

# A gap of two spaces or more inside a column line is a word space widened by justification,
# in a few lines of a narrow Latin column (a third at most in the samples), never in most: a
# column whose lines mostly hold one is two columns whose gutter was not found.
MAX_GAPPED_SHARE = 0.5

# Most gutter candidates examined per stanza: a page has at most a handful of columns; the
# cap keeps pathological input (every position a candidate) linear.
MAX_CANDIDATES = 16

_INK = regex.compile(r"[^ ]+(?: [^ ]+)*+")
# Lines holding these are never part of a block: a tab's width is unknown, a form feed starts
# a page (its running head), a vertical tab is no layout character.
LAYOUT_BREAKERS = regex.compile(r"[\t\f\v\r]")


class Ink(NamedTuple):
    """A run of text without a double space: ``[start, end)`` in grid positions and in chars."""

    start: int
    end: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Row:
    """One line of a stanza: its offset in the text, its content and its ink runs."""

    offset: int
    content: str
    inks: tuple[Ink, ...]

    def char_at(self, position: int) -> int:
        """The char offset (in ``content``) of grid position ``position``, which is white."""
        char = position
        for ink in self.inks:
            if ink.start >= position:
                break
            char = ink.char_end + (position - ink.end)
        return min(char, len(self.content))


@dataclass(frozen=True)
class ColumnBlock:
    """Lines ``rows`` hold ``len(edges) + 1`` columns side by side; ``edges`` are where
    columns 2, 3, ... start (grid positions)."""

    rows: tuple[Row, ...]
    edges: tuple[int, ...]
    on_edges: int  # column lines that start exactly on their column's edge: the evidence

    @property
    def start(self) -> int:
        return self.rows[0].offset

    @property
    def end(self) -> int:
        return self.rows[-1].offset + len(self.rows[-1].content)

    @cached_property
    def cells(self) -> list[list[str]]:
        """Each column's lines, top to bottom (``""`` where a line has nothing in it),
        indentation kept, trailing spaces removed."""
        columns: list[list[str]] = [[] for _ in range(len(self.edges) + 1)]
        for row in self.rows:
            cuts = [0, *(row.char_at(edge) for edge in self.edges), len(row.content)]
            for index, column in enumerate(columns):
                column.append(row.content[cuts[index] : cuts[index + 1]].rstrip(" "))
        return columns


def find_blocks(text: str) -> Iterator[ColumnBlock]:
    """Every side-by-side column block of ``text``, in text order."""
    if "  " not in text:
        return
    for stanza in _stanzas(text):
        blocks, left = _blocks(_measured(stanza, cells=False))
        if any(GRID_WIDE.search(line) for _, line in stanza):
            # Lines of wide glyphs only align in both measures; the one the page was laid
            # out in puts more lines exactly on the column edges, counting the blocks left
            # whole (a part of them may be proven in the other measure, and must not be).
            by_cells, left_by_cells = _blocks(_measured(stanza, cells=True))
            if _on_edges(by_cells + left_by_cells) > _on_edges(blocks + left):
                blocks = by_cells
        yield from blocks


def _on_edges(blocks: list[ColumnBlock]) -> int:
    return sum(block.on_edges for block in blocks)


def _stanzas(text: str) -> Iterator[list[tuple[int, str]]]:
    """Runs of consecutive non-blank lines (offset, content without a CR ending) with enough
    lines holding an inner gap; a change of line ending (LF, CRLF) also ends a run."""
    stanza: list[tuple[int, str]] = []
    gapped = 0
    offset = 0
    crlf = False
    for line in text.split("\n"):
        ends_crlf = line.endswith("\r")
        content = line[:-1] if ends_crlf else line
        usable = content.strip(" ") and not LAYOUT_BREAKERS.search(content)
        if stanza and (not usable or ends_crlf != crlf):
            if gapped >= MIN_BLOCK_ROWS:
                yield stanza
            stanza, gapped = [], 0
        if usable:
            stanza.append((offset, content))
            gapped += "  " in content.strip(" ")
            crlf = ends_crlf
        offset += len(line) + 1
    if gapped >= MIN_BLOCK_ROWS:
        yield stanza


def _measured(stanza: list[tuple[int, str]], *, cells: bool) -> list[Row]:
    """The stanza's rows with their ink runs, at character offsets or at grid cells (where
    a wide glyph counts two)."""
    rows = []
    for offset, content in stanza:
        inks = []
        shift = 0  # cells minus characters so far
        for match in _INK.finditer(content):
            start, end = match.span()
            width = grid_width(match.group()) if cells else end - start
            inks.append(Ink(start + shift, start + shift + width, start, end))
            shift += width - (end - start)
        rows.append(Row(offset, content, tuple(inks)))
    return rows


def _candidates(rows: Sequence[Row]) -> list[int]:
    """Positions where enough ink runs start behind a gap with text left of it: possible
    column edges. (A line's first run may start on an edge too, when the columns left of it
    are empty there, but an edge that no line has text before is indentation.)"""
    starts = Counter(ink.start for row in rows for ink in row.inks[1:])
    support = {
        position: sum(starts[position + shift] for shift in range(ALIGN_TOLERANCE + 1))
        for position in starts
    }
    if max(support.values(), default=0) < MIN_BLOCK_ROWS:
        return []  # no edge that could anchor a block
    strong = [position for position, count in support.items() if count >= MIN_SHORT_COLUMN_ROWS]
    strong.sort(key=lambda position: -support[position])
    return sorted(strong[:MAX_CANDIDATES])


@dataclass(frozen=True)
class _Profile:
    """Per candidate edge and per row: is the gutter before the edge white, does a run start
    on it (within ALIGN_TOLERANCE)."""

    edges: list[int]
    white: list[list[bool]]
    aligned: list[list[bool]]

    def support(self, index: int, low: int, high: int) -> int:
        return sum(self.aligned[index][low:high])


def _profile(rows: Sequence[Row], candidates: list[int]) -> _Profile:
    """One merge of each row's runs with the sorted candidates: linear."""
    white = [[True] * len(rows) for _ in candidates]
    aligned = [[False] * len(rows) for _ in candidates]
    for number, row in enumerate(rows):
        inks = row.inks
        ink = 0
        for index, edge in enumerate(candidates):
            while ink < len(inks) and inks[ink].end <= edge - GUTTER_MIN:
                ink += 1
            if ink == len(inks):
                break  # the row ends before this edge's gutter: white, nothing starts there
            run = inks[ink]
            if run.start < edge:
                white[index][number] = False
            elif run.start - edge <= ALIGN_TOLERANCE:
                aligned[index][number] = True
    return _Profile(candidates, white, aligned)


def _runs(flags: list[bool], low: int, high: int, value: bool = True) -> Iterator[tuple[int, int]]:
    """Maximal runs ``[start, end)`` inside ``[low, high)`` where ``flags`` equals ``value``."""
    start = None
    for number in range(low, high):
        if flags[number] is value:
            if start is None:
                start = number
        elif start is not None:
            yield start, number
            start = None
    if start is not None:
        yield start, high


def _longest(runs: Iterator[tuple[int, int]]) -> tuple[int, int]:
    return max(runs, key=lambda run: run[1] - run[0], default=(0, 0))


def _blocks(rows: list[Row]) -> tuple[list[ColumnBlock], list[ColumnBlock]]:
    """The proven blocks among ``rows``, and those left whole because their columns go on
    beyond them (``_cut_short``): their rows are taken all the same."""
    candidates = _candidates(rows)
    if not candidates:
        return [], []
    profile = _profile(rows, candidates)
    # Anchors: runs of rows white at one candidate edge with enough lines starting on it,
    # strongest evidence first. Each row belongs to one block at most.
    anchors = [
        (profile.support(index, low, high), index, low, high)
        for index in range(len(candidates))
        for low, high in _runs(profile.white[index], 0, len(rows))
    ]
    anchors = sorted((anchor for anchor in anchors if anchor[0] >= MIN_BLOCK_ROWS), reverse=True)
    by_support = sorted(range(len(candidates)), key=lambda index: -sum(profile.aligned[index]))
    taken = [False] * len(rows)
    number_of = {row.offset: number for number, row in enumerate(rows)}
    tried = set()
    blocks = []
    left = []
    for _, anchor, low, high in anchors:
        low, high = _longest(_runs(taken, low, high, value=False))
        if high - low < MIN_BLOCK_ROWS:
            continue
        edges = _joined(profile, anchor, low, high, by_support)
        while low < high and not _reaches(rows[low], edges[0]):
            low += 1  # a line above the block with nothing right of its first edge reads the same
        if (low, high, *edges) in tried:
            continue
        tried.add((low, high, *edges))
        block = _proven(rows[low:high], edges)
        if block is None:
            continue
        first = number_of[block.start]
        # A block cut short is left to textfix.spaced_columns, whose gutters are any spaces.
        (left if _cut_short(rows, first, block) else blocks).append(block)
        taken[first : first + len(block.rows)] = [True] * len(block.rows)
    blocks.sort(key=lambda block: block.start)
    return blocks, left


def _cut_short(rows: list[Row], first: int, block: ColumnBlock) -> bool:
    """A row right above or below the block (``rows[first]`` is its first) starts ink on or
    near one of its edges: the columns go on there, on a row whose gutter is too narrow to
    prove or drifts (PyMuPDF's sorted text writes a one-space gap beside a line that fills its
    column, and places each line's second column from its own spacing). Split, the proven
    rows would be read in turn and their neighbours still across: worse than either."""
    for number in (first - 1, first + len(block.rows)):
        if 0 <= number < len(rows) and any(
            abs(ink.start - edge) <= EDGE_DRIFT
            for ink in rows[number].inks[1:]
            for edge in block.edges
        ):
            return True
    return False


def _joined(profile: _Profile, anchor: int, low: int, high: int, order: list[int]) -> list[int]:
    """The edges of the block on ``anchor``'s rows ``[low, high)``: the other candidate edges
    that are white on every one of those rows and have lines starting on them."""
    edges = [profile.edges[anchor]]
    for index in order:
        position = profile.edges[index]
        if (
            all(abs(position - edge) >= MIN_EDGE_DISTANCE for edge in edges)
            and all(profile.white[index][low:high])
            and profile.support(index, low, high) >= MIN_SHORT_COLUMN_ROWS
        ):
            edges.append(position)
    return sorted(edges)


def _reaches(row: Row, position: int) -> bool:
    return bool(row.inks) and row.inks[-1].end > position


def _columns_of(row: Row, edges: Sequence[int]) -> list[list[Ink]]:
    columns: list[list[Ink]] = [[] for _ in range(len(edges) + 1)]
    column = 0
    for ink in row.inks:
        while column < len(edges) and ink.start >= edges[column]:
            column += 1
        columns[column].append(ink)
    return columns


def _proven(rows: Sequence[Row], edges: list[int]) -> ColumnBlock | None:
    """The block ``rows`` split at ``edges``, or None without strong evidence for it."""
    split = [_columns_of(row, edges) for row in rows]
    while edges and not any(columns[0] for columns in split):
        # An edge with nothing left of it is the block's own indentation, not a gutter.
        edges = edges[1:]
        split = [[columns[0] + columns[1], *columns[2:]] for columns in split]
    if not edges:
        return None
    lefts = [min((c[0][0].start for c in split if c[0]), default=0), *edges]
    first, last = _column_lines(split, lefts)
    split = split[first:last]
    if sum(_filled(columns) >= 2 for columns in split) < MIN_BLOCK_ROWS:
        return None
    on_edges = _on_edges_of_columns(split, lefts)
    if on_edges is None:
        return None
    block = ColumnBlock(tuple(rows[first:last]), tuple(edges), on_edges)
    if not all(reads_as_running_text(column) for column in block.cells):
        return None
    return block


def _filled(columns: list[list[Ink]]) -> int:
    return sum(1 for column in columns if column)


def _column_lines(split: list[list[list[Ink]]], lefts: list[int]) -> tuple[int, int]:
    """The rows ``[first, last)`` of ``split`` without the lines set above or below the block."""
    indents = {
        column[0].start - left
        for columns in split
        if _filled(columns) >= 2
        for column, left in zip(columns, lefts, strict=True)
        if column and column[0].start - left <= MAX_INDENT
    }
    first, last = 0, len(split)
    while first < last and not _is_column_line(split[first], lefts, indents):
        first += 1
    while last > first and not _is_column_line(split[last - 1], lefts, indents):
        last -= 1
    return first, last


def _on_edges_of_columns(split: list[list[list[Ink]]], lefts: list[int]) -> int | None:
    """How many column lines start on their edges, or None when a column is not proven: too
    few of its lines start on its edge, or most of them hold a gap (two columns in one)."""
    on_edge = []
    for index, left in enumerate(lefts):
        lines = [columns[index] for columns in split if columns[index]]
        on_edge.append(sum(inks[0].start - left <= ALIGN_TOLERANCE for inks in lines))
        if on_edge[-1] < max(MIN_EDGE_SHARE * len(lines), MIN_SHORT_COLUMN_ROWS):
            return None
        if sum(len(inks) > 1 for inks in lines) > MAX_GAPPED_SHARE * len(lines):
            return None
    if max(on_edge[1:]) < MIN_BLOCK_ROWS:
        return None
    return sum(on_edge)


def _is_column_line(columns: list[list[Ink]], lefts: list[int], indents: set[int]) -> bool:
    """Whether a line at the top or bottom of a block belongs to it: some column of it starts
    on its edge, or indented as the block's side-by-side lines indent paragraphs, or two or
    more columns start near their edges (paragraph starts side by side). A page number, a
    right-aligned date or a centred caption set beside the block does none of these."""
    starts = [column[0].start - left for column, left in zip(columns, lefts, strict=True) if column]
    if any(start <= ALIGN_TOLERANCE or start in indents for start in starts):
        return True
    return len(starts) >= 2 and all(start <= MAX_INDENT for start in starts)

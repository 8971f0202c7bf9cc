"""Blocks of CJK columns that an extractor joined line by line with a space or a few.

Extractors that build text lines from the page's glyphs (pdfplumber's ``extract_text``, and
others that cluster characters by height across the page) put every glyph of one baseline on
one line and write a single space wherever two glyphs stand further apart than a word space;
PyMuPDF's sorted text (``get_text(sort=True)``) writes a run of one to a few spaces there.
On a page of side-by-side columns set on one baseline grid, the rule in Chinese newspapers,
each output line is a line of column 1, a space, the line of column 2 at the same height, and
so on. No gutter of aligned spaces is left to see, as in layout mode (``textfix.column_grid``,
which leaves a block to this module when rows next to it go on with its columns).

What is left to measure is width: CJK glyphs are square, so the cells a line fills
(``chars.print_cells``: a Han character or a CJK mark 2, a digit or Latin letter 1)
measure it on the page. Every full line of a justified column fills the column's *measure*,
within a little (punctuation set half-width or hanging, proportional digits and Latin
letters), and the joining spaces fall where one measure ends. A block is reported only on
strong evidence: at least ``MIN_SPLIT_ROWS`` lines that split into two or more column
lines, each full, a paragraph's first (short by its dropped indent) or its last, and every
column reading as running text.

Latin columns joined this way cannot be told apart from one long line by counting: a
proportional font puts 25 or 35 letters on the same measure. Where PyMuPDF joined them with a
few spaces, ``proportional_columns`` sets the words back on the page by estimated widths.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import accumulate

import regex

from .chars import CJK_PUNCT, CLOSERS, OPENERS, SENTENCE_FINAL, print_cells
from .column_grid import LAYOUT_BREAKERS, MAX_INDENT, MIN_BLOCK_ROWS
from .running_text import MIN_CJK_COLUMN_CELLS, is_mostly_cjk, reads_as_running_text

# A full column line may fill this many cells more or fewer than the measure: an extra
# character beside marks set half-width is two, a digit or Latin letter set proportionally a
# fraction of one (a mark hanging in the margin is allowed on top, ``_hanging``). Small, so
# that a short piece and a full line joined by a space never fit one measure together.
TOLERANCE = 2

# A paragraph's first line is shorter by its indent (two em, 4 cells), which the extractor
# drops: a line this much shorter than full is explained too (``_explained``).
INDENT_CELLS = 4

# Fewest lines that split into full column lines before a block is read in turn: as for
# layout mode, two or three can be coincidence, four with one measure are a column layout.
MIN_SPLIT_ROWS = MIN_BLOCK_ROWS

# Pieces (text between joining spaces) of one line that are looked at; a line with more is
# no row of newspaper columns (six columns with a space or two inside each at most).
MAX_PIECES = 16

# Measures tried per text, the most common first: a page holds articles in a few widths.
MAX_MEASURES = 4

# A joining space: spaces between two visible characters, one of them wide (a Han character,
# a full-width mark): between two CJK columns, or a column line ending or starting with
# Latin letters or digits beside one. An ideographic space is no glyph.
_WIDE = r"[\p{East_Asian_Width=W}\p{East_Asian_Width=F}--\u3000]"
_JOIN = regex.compile(rf"(?V1)(?<={_WIDE}) +(?=[^\s])|(?<=[^\s]) +(?={_WIDE})")

# Spaces between two pieces of a line (``_Page.pieces``).
_SPACES = re.compile(" +")

# A CJK mark right after another: set half-width (a CJK font's marks are full-width, but two
# in a row, ``”。``, share one em and a half). Plain ``re``, fast on a literal class.
_MARKS = re.escape("".join(sorted(CJK_PUNCT)))
_SECOND_MARK = re.compile(f"(?<=[{_MARKS}])[{_MARKS}]")

# Marks that no space follows inside a line of CJK prose: a space after one is a column's end.
_CUT_AFTER = CJK_PUNCT - OPENERS - {"\u3000"}

# Characters that end a column's last line of a paragraph (``_ends_paragraph``).
_PARAGRAPH_END = SENTENCE_FINAL | CLOSERS


@dataclass(frozen=True)
class SpacedBlock:
    """Lines ``text[start:end]`` (whole lines, the last without its line break) hold side-by-
    side columns; ``columns`` are their lines in turn, without line breaks."""

    start: int
    end: int
    columns: list[list[str]]


@dataclass(frozen=True)
class _Split:
    """A line cut into column lines for one measure. ``explained`` of them have the width a
    column line has in running text (``_explained``); ``last_explained`` tells whether the
    last one is explained."""

    parts: list[str]
    explained: int
    last_explained: bool

    @property
    def is_column_row(self) -> bool:
        """Two column lines or more, each explained."""
        return len(self.parts) >= 2 and self.explained == len(self.parts)

    @property
    def ends_columns(self) -> bool:
        """Column lines explained but the last, which may be a column's end (anything)."""
        return self.explained >= len(self.parts) - 1 + self.last_explained


def find_blocks(text: str) -> Iterator[SpacedBlock]:
    """The blocks of joined columns in ``text``, in order."""
    joined = _joined_lines(text)
    if len(joined) < MIN_SPLIT_ROWS:
        return
    lines = text.split("\n")
    starts = [0, *accumulate(len(line) + 1 for line in lines)]
    page = _Page(lines, joined)
    taken = bytearray(len(lines))
    claimed: list[tuple[int, int, list[_Split]]] = []
    for measure in page.measures():
        for first, last, rows in page.blocks(measure):
            if not any(taken[first : last + 1]):
                taken[first : last + 1] = b"\x01" * (last + 1 - first)
                claimed.append((first, last, rows))
    for first, last, rows in sorted(claimed, key=lambda block: block[0]):
        end = starts[last] + len(lines[last].removesuffix("\r"))
        yield SpacedBlock(starts[first], end, _columns(rows))


def _joined_lines(text: str) -> list[int]:
    """Numbers of the lines holding a joining space, in order (one search per such line)."""
    found: list[int] = []
    line = position = 0
    while (match := _JOIN.search(text, position)) is not None:
        line += text.count("\n", position, match.start())
        found.append(line)
        position = text.find("\n", match.end())
        if position < 0:
            break
    return found


class _Page:
    """The lines of a text, read for one measure at a time."""

    def __init__(self, lines: list[str], joined: list[int]) -> None:
        self.lines = lines
        self.joined = joined
        self._pieces: dict[int, list[str] | None] = {}

    def pieces(self, number: int) -> list[str] | None:
        """Line ``number`` cut at its runs of spaces (a column may end or start with a Latin
        word or a number, so any space may join two columns); None for no candidate row (a
        tab, a form feed, no text, more than ``MAX_INDENT`` spaces before it (the first
        column is empty there), too many pieces)."""
        if number not in self._pieces:
            line = self.lines[number].removesuffix("\r").rstrip(" ")
            body = line.lstrip(" ")
            indent = len(line) - len(body)
            bad = not body or indent > MAX_INDENT or LAYOUT_BREAKERS.search(line) is not None
            pieces = None if bad else _SPACES.split(body, MAX_PIECES)
            if pieces is not None and " " in pieces[-1]:
                pieces = None
            self._pieces[number] = pieces
        return self._pieces[number]

    def indent(self, number: int) -> str:
        """The spaces before line ``number``: the first column's indent, kept."""
        line = self.lines[number]
        return line[: len(line) - len(line.lstrip(" "))]

    def measures(self) -> list[int]:
        """Widths that pieces of joined lines share, the most common first (a column's full
        lines fill its measure exactly unless a mark hangs or is set half-width), each at
        least a narrow column's (``MIN_CJK_COLUMN_CELLS``), with ``MIN_SPLIT_ROWS`` pieces
        within ``TOLERANCE`` of it, and apart by more than ``TOLERANCE``."""
        counts: Counter[int] = Counter()
        for number in self.joined:
            pieces = self.pieces(number)
            if pieces is not None and len(pieces) >= 2:
                widths = map(_cells, pieces)
                counts.update(width for width in widths if width >= MIN_CJK_COLUMN_CELLS)
        near = {
            width: sum(counts[width + step] for step in range(-TOLERANCE, TOLERANCE + 1))
            for width in counts
        }
        chosen: list[int] = []
        for width in sorted(near, key=lambda width: (-counts[width], -near[width], width)):
            if near[width] < MIN_SPLIT_ROWS or len(chosen) == MAX_MEASURES:
                break
            if all(abs(width - other) > TOLERANCE for other in chosen):
                chosen.append(width)
        return chosen

    def split(self, number: int, measure: int) -> _Split | None:
        """Line ``number`` as column lines of ``measure`` (``_best_cut``); None where no cut
        fits every piece in the measure, or past the text's end."""
        if number >= len(self.lines):
            return None
        pieces = self.pieces(number)
        split = None if pieces is None else _best_cut(pieces, measure)
        if split is None or not (indent := self.indent(number)):
            return split
        return replace(split, parts=[indent + split.parts[0], *split.parts[1:]])

    def blocks(self, measure: int) -> Iterator[tuple[int, int, list[_Split]]]:
        """First and last line and the rows of every block of ``measure``'s columns.

        A block runs from a column row to a column row, every line between them fitting the
        measure; it stops at a gap of more lines than the column rows it has (which keeps
        column rows at least half its lines, and the lines looked at linear in the text).
        """
        rows: dict[int, _Split] = {}
        group: list[int] = []
        for number in self.joined:
            split = self.split(number, measure)
            if split is None or not split.is_column_row:
                continue
            rows[number] = split
            if group and not self._bridged(group, number, measure, rows):
                yield from self._block(group, measure, rows)
                group = []
            group.append(number)
        if group:
            yield from self._block(group, measure, rows)

    def _bridged(
        self, group: list[int], number: int, measure: int, rows: dict[int, _Split]
    ) -> bool:
        gap = range(group[-1] + 1, number)
        if len(gap) > len(group):
            return False
        for line in gap:
            split = rows.get(line) or self.split(line, measure)
            if split is None:
                return False
            rows[line] = split
        return True

    def _block(
        self, group: list[int], measure: int, rows: dict[int, _Split]
    ) -> Iterator[tuple[int, int, list[_Split]]]:
        if len(group) < MIN_SPLIT_ROWS:
            return
        count = max(len(rows[line].parts) for line in group)
        first = self._with_column_tops(group[0], measure, count)
        last = self._with_column_ends(group[-1], measure, len(group))
        kept = [rows.get(line) or self.split(line, measure) for line in range(first, last + 1)]
        if 2 * len(group) < len(kept) or any(len(row.parts) > count for row in kept):
            return
        if _reads_as_columns(_columns(kept)):
            yield first, last, kept

    def _with_column_ends(self, last: int, measure: int, most: int) -> int:
        """The block's last line: its last column row; then maybe one row where the columns
        end (``_Split.ends_columns``: each column's last line, the last column's anything);
        then (``most`` lines at most) the first column going on alone while its lines are
        explained. (Only one row of several lines: a footer or the next page's running head,
        spread across the page, may cut into lines that look like columns' last lines.)"""
        line = last + 1
        split = self.split(line, measure)
        count = len(self.split(last, measure).parts)
        if split is not None and 2 <= len(split.parts) <= count and split.ends_columns:
            line += 1
        while (
            line <= last + most
            and (split := self.split(line, measure)) is not None
            and len(split.parts) == 1
            and split.explained
        ):
            line += 1
        return line - 1

    def _with_column_tops(self, first: int, measure: int, count: int) -> int:
        """The block's first line: its first column row, or the row above it where each
        column's first line is explained but the first column's (which may follow a heading
        or start a paragraph broken early)."""
        split = self.split(first - 1, measure) if first else None
        if split is None or not 2 <= len(split.parts) <= count:
            return first
        return first - 1 if split.explained >= len(split.parts) - 1 else first


def _best_cut(pieces: list[str], measure: int) -> _Split | None:
    """The cut of ``pieces`` (joined back with their spaces) into column lines that each fit
    ``measure`` (a mark ending one may hang beyond it): the most explained lines less
    unexplained ones, then the most full lines, then the fewest lines, then the longest
    first lines; None where none fits.

    A piece ending in a CJK mark other than an opening one (``。``, ``，``, a closing quote)
    ends its column line: inside one line of CJK prose no space follows such a mark (its
    glyph holds its own spacing); between two columns one does.
    """
    widths = [_cells(piece) for piece in pieces]
    count = len(pieces)
    # best[i]: the best cut of pieces[i:], as (score, full lines, -lines, cut points).
    best: list[tuple[int, int, int, tuple[int, ...]] | None] = [None] * count + [(0, 0, 0, ())]
    for start in range(count - 1, -1, -1):
        width = -1
        for end in range(start + 1, count + 1):
            width += widths[end - 1] + 1
            if width - _hanging(pieces[end - 1]) > measure + TOLERANCE:
                break
            rest = best[end]
            if rest is not None:
                score = rest[0] + (1 if _explained(width, pieces[end - 1], measure) else -1)
                full = rest[1] + (width >= measure - TOLERANCE)
                candidate = (score, full, rest[2] - 1, (end, *rest[3]))
                if best[start] is None or candidate[:3] >= best[start][:3]:
                    best[start] = candidate
            if pieces[end - 1][-1:] in _CUT_AFTER:
                break
    if best[0] is None:
        return None
    score, _, _, ends = best[0]
    cuts = (0, *ends)
    parts = [" ".join(pieces[low:high]) for low, high in zip(cuts, cuts[1:], strict=False)]
    # Each line scored +1 explained, -1 not: the explained ones are half the score and count.
    explained = (score + len(parts)) // 2
    last = parts[-1]
    return _Split(parts, explained, _explained(_cells(last), last, measure))


def _hanging(line: str) -> int:
    """Cells of a mark ending ``line`` that may hang in the margin, beyond the measure."""
    return 2 if line[-1:] in CJK_PUNCT else 0


def _cells(line: str) -> int:
    """Cells ``line`` fills set in a CJK font (``chars.print_cells``), a mark after another
    counted half-width.

    >>> _cells("系”。代"), _cells("“前”")
    (7, 6)
    """
    return print_cells(line) - len(_SECOND_MARK.findall(line))


def _explained(width: int, line: str, measure: int) -> bool:
    """A column line of running text has this width: full (within ``TOLERANCE``), full but
    for a first-line indent (``INDENT_CELLS``), or shorter where it ends a paragraph."""
    return width >= measure - TOLERANCE - INDENT_CELLS or _ends_paragraph(line)


def _ends_paragraph(line: str) -> bool:
    return line[-1:] in _PARAGRAPH_END


def _columns(rows: list[_Split]) -> list[list[str]]:
    """Each column's lines; a row with fewer parts than columns fills the first columns."""
    count = max(len(row.parts) for row in rows)
    columns: list[list[str]] = [[] for _ in range(count)]
    for row in rows:
        for column, part in zip(columns, row.parts, strict=False):
            column.append(part)
    return columns


def _reads_as_columns(columns: list[list[str]]) -> bool:
    """Every column reads as running text, mostly CJK letters."""
    return all(
        is_mostly_cjk("".join(column)) and reads_as_running_text(column) for column in columns
    )

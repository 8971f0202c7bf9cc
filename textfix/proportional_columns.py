"""Blocks of Latin columns that PyMuPDF's sorted text joined line by line with a few spaces.

PyMuPDF's ``get_text(sort=True)`` puts the words of one baseline across the page on one line
and turns the distance between two words into spaces: the distance divided by the mean
width of a character of the word after it, rounded. A gutter becomes two spaces or more, a
justified line's wide word space two as well, and a proportional font puts 25 or 40 letters
on one measure: counted in characters, the column edges drift from line to line by a whole
word (``the  module`` at character 32 one line, ``scope`` at 40 the next).

Undone here: every word's left edge is set back on the page in ems by the same rule, each
character's width estimated from its class (``i`` and ``.`` narrow, ``m`` and ``W`` wide,
capitals and digits between: ``estimated_width``). The left edges of the words after two
spaces or more then pile up where columns begin, within about an em, on a grid of equal
columns (``_edges``; only gaps wider than the middle word space of their line count: a
justified line spreads its spaces evenly), while word spaces fall anywhere. Each line
is cut before the word nearest each edge, a word after a wider gap counted nearer (a gutter
is wider than most word spaces). A block is reported only on strong evidence: at least
``MIN_ROWS`` lines cut at the same column edges, every line of the block cut at them, the
lines of each column beside another ending near one another (a column fills its measure), and
every column reading as running text (``running_text``).

The words go back to their places within an em or two, no better: on pages generated with
a face a few per cent off the estimate (``tests/test_proportional_columns_properties.py``)
177 of 200 are read exactly, 15 left alone, 8 cut wrongly (a word or two of a
column's last line given to the next).

Left alone: single spaces between columns (pdfplumber: nothing left to measure), columns
that start at one character position on most lines (a table, layout-mode text: a grid of
characters, ``_aligned``), columns that are no running text, a single justified column, CJK
columns (``spaced_columns``).

>>> rows = ["The council met on Monday to   bridge across the river and",
...         "discuss the plan for a new      agreed to fund its design.",
...         "footbridge over the canal, a    Work is to start in May and",
...         "project first proposed in 1990.       It will end within two years."]
>>> for line in next(find_blocks("\\n".join(rows))).columns[1]:
...     print(line)
bridge across the river and
agreed to fund its design.
Work is to start in May and
It will end within two years.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .column_grid import MIN_BLOCK_ROWS
from .running_text import is_mostly_cjk, reads_as_running_text
from .spaced_columns import SpacedBlock

# Fewest lines cut at the same edges before a block is read in turn, as for layout mode.
MIN_ROWS = MIN_BLOCK_ROWS

# How far, in ems, a word after a gutter may start from its column's edge: the width
# estimate is a class average, and PyMuPDF rounds each distance to whole spaces (1.75 lost
# a fourth column's words on the benchmark's pages, 2.5 took in word spaces beside it).
EDGE_SLACK_EMS = 2.0
# Further across the page, the estimate's errors add up word by word: the reach grows by
# this share of the distance to the edge.
DRIFT_SHARE = 0.03
# To the right, a paragraph's first line is indented besides (one to three ems).
INDENT_EMS = 3.0
# And the estimate of a wide gap is as wrong as the mean width of the word after it, by
# which PyMuPDF divided it: the reach grows by this share of the gap.
GAP_SLACK_SHARE = 0.2
# A crowd of words that begin a column is counted within this span: the width estimate of a
# face far from the class averages (a CJK font's Latin letters) spreads them that wide.
CROWD_EMS = 4.0
# Of the words within reach of an edge, the one nearest it begins the column, a word after
# a wider gap counted nearer by this share of the gap (a gutter is wider than most word
# spaces of a justified line).
GAP_WEIGHT = 2.0

# Of a column's lines with a column beside them, this share at least end together: the
# full lines of justified text (the others end paragraphs).
MIN_FULL_SHARE = 0.6

# Column edges closer than this are one edge (a narrow column is some 12 ems wide).
MIN_COLUMN_EMS = 8.0

# A column begins on nearly every line: a crowd of words after gaps less than this share of
# the largest crowd is the wide word spaces of justified lines.
MIN_PEAK_SHARE = 0.5

# A column that starts at one character position on this share of its lines is a grid of
# characters (``_aligned``).
MIN_ALIGNED_SHARE = 0.75

# Columns a page holds at most (the crowds looked at: the most crowded edges).
MAX_COLUMNS = 8

# A column edge is where words after a gap begin on this share of the lines with gaps:
# in columns, nearly all of them; the wide word spaces of justified lines spread out.
MIN_EDGE_SHARE = 0.4

# A region of more lines with gaps than this is read a window of lines at a time, each
# with its own edges: a few pages' worth, so that work per window stays bounded.
WINDOW_LINES = 200

# Character widths in ems, by class: what most text faces share closely enough that a
# line's error stays within an em or two.
_NARROW = frozenset("ijlI.,:;'!|`’‘")
_SEMI_NARROW = frozenset('ftr()[]{}-"/*“”')
_WIDE = frozenset("mwMW@%")

# Two spaces or more before a visible character: a gap where a visible one precedes them
# (a literal start, which the regular-expression engine finds fast).
_SPACES_BEFORE_TEXT = re.compile(r"  +(?=\S)")
_WORD = re.compile(r"( *)(\S+)")
_SPACES = re.compile(r" {2,}")


@lru_cache(maxsize=4096)
def estimated_width(char: str) -> float:
    """The width of ``char`` in ems in a typical proportional face.

    >>> [estimated_width(c) for c in "ilmM4"]
    [0.25, 0.25, 0.85, 0.85, 0.55]
    """
    if char in _NARROW:
        return 0.25
    if char in _SEMI_NARROW:
        return 0.35
    if char in _WIDE:
        return 0.85
    if unicodedata.east_asian_width(char) in "WF":
        return 1.0
    if char.isupper():
        return 0.68
    if char.isdigit():
        return 0.55
    return 0.5


def _word_width(word: str) -> float:
    return sum(map(estimated_width, word))


@dataclass(frozen=True)
class _Word:
    position: int  # in the line
    left: float  # estimated left edge, in ems from the page's text edge
    after_gap: bool  # two spaces or more before it (or a line's leading spaces)
    gap: float  # estimated width of the spaces before it, in ems
    right: float  # estimated right edge


def _words(line: str) -> list[_Word]:
    """The words of ``line`` set back on the page (PyMuPDF's spacing rule inverted)."""
    words = []
    right = 0.0
    for match in _WORD.finditer(line):
        spaces, word = match.group(1), match.group(2)
        width = _word_width(word)
        left = right + len(spaces) * width / len(word)
        after_gap = len(spaces) >= 2 or match.start() == 0 < len(spaces)
        words.append(_Word(match.start(2), left, after_gap, left - right, left + width))
        right = left + width
    return words


def find_blocks(text: str) -> Iterator[SpacedBlock]:
    """The blocks of joined Latin columns in ``text``, in order."""
    if len(gapped_lines := _gapped_lines(text)) < MIN_ROWS:
        return
    lines = text.split("\n")
    gapped = [
        number
        for number in gapped_lines
        if "\t" not in lines[number] and not is_mostly_cjk(lines[number])
    ]
    if len(gapped) < MIN_ROWS:
        return
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    done = 0  # lines before this are read
    for first, last in _regions(lines, gapped):
        # Each line's words are set back once: the edges read the lines with gaps, the cuts
        # every line of the region.
        words = {number: _words(lines[number]) for number in gapped[first:last]}
        edges = _edges(list(words.values()))
        if len(edges) < 2:
            continue
        # The lines of the region: from the top of its paragraph of lines (a column's first
        # line may hold no gap) to a few lines past its last gap (the last column's end).
        low, high = gapped[first], gapped[last - 1] + 1
        while low > done and lines[low - 1].strip():
            low -= 1
        high = min(high + MIN_ROWS, len(lines), *gapped[last : last + 1])
        done = high
        for number in range(low, high):
            if number not in words:
                words[number] = _words(lines[number])
        for top, bottom, columns in _blocks(lines, words, range(low, high), edges):
            end = starts[bottom] + len(lines[bottom].removesuffix("\r"))
            yield SpacedBlock(starts[top], end, columns)


def _gapped_lines(text: str) -> list[int]:
    """Numbers of the lines holding a gap, in order (one search per such line)."""
    found: list[int] = []
    line = position = 0
    while (match := _SPACES_BEFORE_TEXT.search(text, position)) is not None:
        line += text.count("\n", position, match.start())
        if match.start() == 0 or text[match.start() - 1].isspace():  # an indent
            position = match.end()
            continue
        found.append(line)
        position = text.find("\n", match.end())
        if position < 0:
            break
    return found


def _regions(lines: list[str], gapped: list[int]) -> Iterator[tuple[int, int]]:
    """Runs ``gapped[first:last]`` of lines with gaps not parted by a blank line (PyMuPDF
    sets regions of the page apart by one), ``MIN_ROWS`` long at least, cut every
    ``WINDOW_LINES``."""
    first = 0
    for position in range(1, len(gapped) + 1):
        if (
            position == len(gapped)
            or position - first == WINDOW_LINES
            or any(not line.strip() for line in lines[gapped[position - 1] + 1 : gapped[position]])
        ):
            if position - first >= MIN_ROWS:
                yield first, position
            first = position


def _edges(lines: list[list[_Word]]) -> list[float]:
    """Where columns begin: 0 (the page's text edge), then the crowds of left edges of
    words after a gap (within ``CROWD_EMS`` of each other on ``MIN_EDGE_SHARE`` of the
    lines, ``MIN_ROWS`` at least) that fall on one grid of equal columns, the grid whose
    weakest crowd times its crowds is the largest. Columns of a page share a width; the
    wide word spaces of justified lines crowd by chance now and then, off the grid."""
    lefts = sorted(word.left for line in lines for word in _widest_gaps(line))
    fewest = max(MIN_ROWS, MIN_EDGE_SHARE * len(lines))
    crowds = [
        (high - low, lefts[(low + high) // 2])
        for low, high in _spans(lefts, CROWD_EMS)
        if high - low >= fewest
    ]
    peaks: list[tuple[int, float]] = []
    for count, centre in sorted(crowds, key=lambda crowd: (-crowd[0], crowd[1])):
        if centre >= MIN_COLUMN_EMS and all(
            abs(centre - other) >= MIN_COLUMN_EMS for _, other in peaks
        ):
            peaks.append((count, centre))
            if len(peaks) == MAX_COLUMNS - 1:
                break
    if peaks:
        strongest = peaks[0][0]
        peaks = [peak for peak in peaks if peak[0] >= MIN_PEAK_SHARE * strongest]
    best: tuple[int, list[float]] = (0, [])
    for _, centre in peaks:
        for columns_before in range(1, len(peaks) + 1):
            pitch = centre / columns_before
            if pitch < MIN_COLUMN_EMS:
                break
            on_grid = _on_grid(peaks, pitch)
            # Every edge of a grid of columns is where a column begins on almost every
            # line: the weakest edge, times the edges, scores a grid.
            score = min((count for count, _ in on_grid), default=0) * len(on_grid)
            if score > best[0]:
                best = (score, [edge for _, edge in on_grid])
    return [0.0, *best[1]]


def _widest_gaps(line: list[_Word]) -> list[_Word]:
    """The words of ``line`` after a gap wider than its middle word space: a justified
    line spreads its word spaces evenly, a gutter stands out."""
    gaps = sorted(word.gap for word in line[1:])
    middle = gaps[len(gaps) // 2] if gaps else 0.0
    return [word for word in line if word.after_gap and word.gap > middle]


def _on_grid(peaks: list[tuple[int, float]], pitch: float) -> list[tuple[int, float]]:
    """The peaks at 1, 2, 3 … times ``pitch`` (within ``EDGE_SLACK_EMS``), up to the first
    multiple that has none."""
    found = []
    for multiple in range(1, len(peaks) + 1):
        near = [peak for peak in peaks if abs(peak[1] - multiple * pitch) <= EDGE_SLACK_EMS]
        if not near:
            break
        found.append(max(near))
    return found


class _Cut(NamedTuple):
    """A line cut into one part per column (``""`` where a column has nothing), where each
    part ends on the page (0 for none) and where it starts in the line (-1 for none)."""

    parts: list[str]
    rights: list[float]
    starts: list[int]


def _cut(line: str, words: list[_Word], edges: list[float]) -> _Cut | None:
    """``line`` cut at ``edges``: each column begins at the word after a gap whose left edge
    is nearest the column's edge, within reach (``_reach``); None where a word that can only
    begin a column begins one out of order."""
    starts = [0] + [-1] * (len(edges) - 1)
    nearest = [float("inf")] * len(edges)
    for number, word in enumerate(words):
        if not word.after_gap:
            continue
        # The first column begins with the line, after its indent if any.
        for column, edge in enumerate(edges[0 if number == 0 else 1 :], start=number > 0):
            low, high = _reach(edge, word)
            miss = abs(word.left - edge) - GAP_WEIGHT * word.gap
            if low <= word.left <= high and miss < nearest[column]:
                nearest[column] = miss
                starts[column] = word.position
    found = [(start, column) for column, start in enumerate(starts) if start >= 0]
    if [column for _, column in sorted(found)] != [column for _, column in found]:
        return None
    parts = [""] * len(edges)
    rights = [0.0] * len(edges)
    for (start, column), (end, _) in zip(found, [*found[1:], (len(line), 0)], strict=True):
        parts[column] = _SPACES.sub(" ", line[start:end].strip(" \r"))
        rights[column] = max(
            (word.right for word in words if start <= word.position < end), default=0.0
        )
    return _Cut(parts, rights, starts)


def _reach(edge: float, word: _Word) -> tuple[float, float]:
    """Where a word after a gap may start to begin the column at ``edge``: within
    ``EDGE_SLACK_EMS``, ``DRIFT_SHARE`` of the way across the page to it (the estimate's
    error adds up word by word) and ``GAP_SLACK_SHARE`` of the gap before it (the estimate
    of a wide gap is as wrong as the estimated width of a character of the word after it);
    to the right an indent besides."""
    slack = EDGE_SLACK_EMS + DRIFT_SHARE * edge + GAP_SLACK_SHARE * word.gap
    return edge - slack, edge + slack + INDENT_EMS


def _blocks(
    lines: list[str], words: dict[int, list[_Word]], numbers: range, edges: list[float]
) -> Iterator[tuple[int, int, list[list[str]]]]:
    """Runs of consecutive lines among ``numbers`` each cut at ``edges`` (``_block``)."""
    rows: list[tuple[int, _Cut]] = []
    for number in numbers:
        line = lines[number]
        cut = _cut(line, words[number], edges) if line.strip() and "\t" not in line else None
        if cut is None:
            yield from _block(rows, edges[1])
            rows = []
        else:
            rows.append((number, cut))
    yield from _block(rows, edges[1])


def _block(
    rows: list[tuple[int, _Cut]], second_edge: float
) -> Iterator[tuple[int, int, list[list[str]]]]:
    """The block of ``rows`` (consecutive lines cut at the edges), if ``MIN_ROWS`` of them
    hold two columns or more, every column reads as running text and, beside another, ends
    its lines together (``_end_together``), and no column starts at one character position on
    most lines (``_aligned``). It does not start with a line of the first column alone (a
    heading above), nor end with one wider than the first column (prose across the page
    below); the first column's last lines, when the others ended above them, end it."""
    while rows and not any(rows[0][1].parts[1:]):
        rows = rows[1:]
    while rows and not any(rows[-1][1].parts[1:]) and max(rows[-1][1].rights) > second_edge:
        rows = rows[:-1]
    cuts = [cut for _, cut in rows]
    if sum(sum(map(bool, cut.parts)) >= 2 for cut in cuts) < MIN_ROWS:
        return
    count = len(cuts[0].parts)
    if any(_aligned([cut.starts[column] for cut in cuts]) for column in range(1, count)):
        return
    if not all(
        _end_together([cut.rights[column] for cut in cuts if all(cut.parts[column : column + 2])])
        for column in range(count - 1)
    ):
        return
    columns = [list(column) for column in zip(*(cut.parts for cut in cuts), strict=True)]
    columns = [_trimmed(column) for column in columns if any(column)]
    if len(columns) >= 2 and all(reads_as_running_text(column) for column in columns):
        yield rows[0][0], rows[-1][0], columns


def _trimmed(column: list[str]) -> list[str]:
    """``column`` without the empty lines before its first line and after its last."""
    filled = [number for number, line in enumerate(column) if line]
    return column[filled[0] : filled[-1] + 1]


def _end_together(ends: list[float]) -> bool:
    """True when ``MIN_FULL_SHARE`` of the lines of a column that have a column beside them
    end within ``2 * EDGE_SLACK_EMS`` of each other: a justified column's full lines fill
    its measure; words spread widely apart across one column end anywhere."""
    most = max((high - low for low, high in _spans(sorted(ends), 2 * EDGE_SLACK_EMS)), default=0)
    return most >= MIN_FULL_SHARE * len(ends)


def _spans(values: list[float], width: float) -> Iterator[tuple[int, int]]:
    """For each of ``values`` (sorted), its index and the index past the last value within
    ``width`` of it: the values in ``values[low:high]`` lie within ``width`` of each other."""
    high = 0
    for low, value in enumerate(values):
        while high < len(values) and values[high] <= value + width:
            high += 1
        yield low, high


def _aligned(starts: list[int]) -> bool:
    """True when a column starts at one character position on ``MIN_ALIGNED_SHARE`` of the
    lines where it starts: a grid of characters (a table, layout-mode text), not words
    set back on the page by PyMuPDF's spacing, which drift with the letters before them."""
    present = [start for start in starts if start >= 0]
    if not present:
        return False
    [(_, most)] = Counter(present).most_common(1)
    return most >= MIN_ALIGNED_SHARE * len(present)

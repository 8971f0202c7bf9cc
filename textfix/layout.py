"""The layout of hard-wrapped text: lines, their print widths, the column width.

Extraction keeps the characters of each printed line and loses everything else:
the column width, the first-line indents, the gaps between paragraphs. What is
left is enough to recover them. A greedy typesetter ends a line only when the
next unit (a Han character with the punctuation it may not be separated from, or
a Latin word) does not fit, so in wrapped text nearly every line is "explained":
its width plus the first unit of the next line exceeds one column width. That
width is estimated as the value that explains the most lines while leaving the
fewest lines wider than a column (those are headlines and other standalone text).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from itertools import accumulate, compress, pairwise, repeat
from operator import add, and_, ge, itemgetter, le, lt, mul, not_, or_, sub
from typing import NamedTuple

from .chars import (
    CLAUSE,
    CLOSERS,
    LAYOUT_SPACE,
    NO_LINE_START,
    OPENERS,
    SENTENCE_FINAL,
    char_width,
    display_width,
    drop_cjk_punct,
    fast_width_applies,
    fast_widths,
    is_unspaced,
)
from .contents import ENTRY_LASTS, ends_contents_entry
from .listings import listing_lines
from .text_cache import per_text_cache

# Narrowest and widest column (print cells) considered: a newspaper column holds
# 8–25 Han characters; a book or report page up to ~110 Latin characters. Lines
# wider than MAX_COLUMN are treated as unwrapped text, whatever else they say.
MIN_COLUMN = 12
MAX_COLUMN = 240

# How wide a CJK punctuation mark is printed. Papers that compress punctuation
# (标点挤压, as the seed pages do) set it half-width, others full-width; the page
# tells which by the model whose column explains more line breaks. A final mark may
# hang outside the column by its own width.
PUNCT_CELL_MODELS = (1, 2)

# Justification and punctuation compression make a full line's measured width
# vary by about one em (2 cells) around the true column width.
NOISE_CELLS = 2

# Leading whitespace this wide is a kept paragraph indent; one stray space is not
# (extractors emit a single space where two text runs meet at a line start).
KEPT_INDENT_CELLS = 2

# A page keeps indents when this many lines (and this share of all) start with
# one: paragraphs of ~5 lines give 20 %; stray spaces at run joins stay below 5 %.
MIN_KEPT_INDENTS = 2
KEPT_INDENT_SHARE = 0.08

# A line at least this many chars long is wider than any column; it is not measured
# exactly (measuring a 10 MB line would cost time and tell nothing more).
_MEASURE_LIMIT = MAX_COLUMN + 1

# Lines measured in one pass (``_Measured._measure_widths``): the pass holds a copy of
# them, joined and split; a few thousand lines cost no more time than all at once.
_MEASURE_BATCH = 4096

# Plain ``re``: a literal character class searches several times faster than ``regex``.
_SENTENCE_PUNCT = re.compile("[" + re.escape("".join(sorted(CLAUSE | SENTENCE_FINAL))) + "]")

# How far into the next line to look for the end of its first unit (a Latin word).
_UNIT_SCAN = 40

_CLOSER_CHARS = "".join(sorted(CLOSERS))  # for str.rstrip
_LAST = slice(-1, None)  # the last character, or "" for an empty string
_SECOND = slice(1, 2)  # the second character, or "" for a shorter string
# Final characters that may hang outside the column.
_HANGING = frozenset(char for char in NO_LINE_START if is_unspaced(char))

# How many recent texts' rows and pages to remember: furniture removal and reflow
# read the same text when no furniture was found, block typing the original input.
# Two slots cover one pipeline run; a page holds lists as long as the text's lines.
_CACHE_SIZE = 2


class Line(NamedTuple):
    """A non-blank line: its content span (layout whitespace excluded) and width.

    A named tuple of atoms, which the garbage collector stops tracking: a page
    of a million lines then costs no collection time.
    """

    start: int
    end: int
    width: int
    gap: int  # blank lines and page breaks between the previous non-blank line and this one
    indent: int  # cells of layout whitespace before the content (kept by some extractors)
    marks: int  # CJK punctuation marks (measured 1 cell each in ``width``)
    unit: int  # width of the first unit, which did not fit on the line before
    bare: bool  # no clause or sentence punctuation at all (headline-like)
    final: bool  # ends a sentence (see ``_core_end``)
    hangs: bool  # ends in CJK punctuation that may hang outside the column


class Rows:
    """Every line of a text split at ``\\n``, blank ones too, with its content span.

    ``contents`` are the lines without layout whitespace; ``offsets`` has one entry
    more than there are rows: where a row after the last would start.
    """

    def __init__(self, text: str) -> None:
        self.raws = raws = text.split("\n")
        # Offsets in arrays: a list would hold an int object per row besides its place.
        self.offsets = array("q", accumulate(map((1).__add__, map(len, raws)), initial=0))
        self.contents = list(map(str.strip, raws, repeat(LAYOUT_SPACE)))
        stripped_start = map(len, map(str.lstrip, raws, repeat(LAYOUT_SPACE)))
        leads = map(sub, map(len, raws), stripped_start)
        self.content_starts = array("q", map(add, self.offsets, leads))


@per_text_cache(maxsize=_CACHE_SIZE)
def split_rows(text: str) -> Rows:
    """The text's ``Rows`` (cached: furniture removal splits the text its page is read from)."""
    return Rows(text)


class _Measured:
    """The non-blank lines of a text, measured one field at a time over all lines.

    ``str`` methods mapped over the lines and whole-text passes do the work per
    character in C; the Python loops left run once per line over a few operations.
    What the column estimate does not read (gaps, indents, punctuation facts) is
    measured when first asked for. Per-line ints and characters are kept in arrays
    and strings where their readers allow: a list holds an object per line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.all = every = split_rows(text)
        self.rows = rows = array("l", compress(range(len(every.raws)), every.contents))
        self.contents = contents = list(map(every.contents.__getitem__, rows))
        self.starts = array("q", map(every.content_starts.__getitem__, rows))
        self.lengths = list(map(len, contents))
        self.ends = array("q", map(add, self.starts, self.lengths))
        self.firsts = "".join(map(itemgetter(0), contents))
        self.lasts = "".join(map(itemgetter(-1), contents))
        self.hangs = list(map(_HANGING.__contains__, self.lasts))
        self.marks, self.widths = self._measure_widths()
        self.units = _first_units(contents, self.lengths, self.firsts, self.lasts)

    def _measure_widths(self) -> tuple[list[int], list[int]]:
        """CJK punctuation marks and ``display_width`` of every line's content.

        An ASCII line has no marks and is as wide as it is long. The other lines are
        joined and their marks removed in one pass per ``_MEASURE_BATCH`` lines;
        ``fast_widths`` measures those it applies to from their UTF-8 length. Lines of
        ``_MEASURE_LIMIT`` characters or more keep their length as width and count no marks.
        """
        lengths = self.lengths
        marks, widths = [0] * len(lengths), lengths.copy()
        others = array(
            "l", compress(range(len(lengths)), map(not_, map(str.isascii, self.contents)))
        )
        for first in range(0, len(others), _MEASURE_BATCH):
            batch = others[first : first + _MEASURE_BATCH]
            texts = list(map(self.contents.__getitem__, batch))
            joined = "\n".join(texts)
            unpunctuated = drop_cjk_punct(joined).split("\n")
            their_marks = list(map(sub, map(len, texts), map(len, unpunctuated)))
            their_widths = fast_widths(texts, their_marks)
            if not fast_width_applies(joined):
                slow = map(not_, map(fast_width_applies, texts))
                for k in compress(range(len(texts)), slow):
                    their_widths[k] = display_width(texts[k])
            for n, mark_count, width in zip(batch, their_marks, their_widths, strict=True):
                if lengths[n] < _MEASURE_LIMIT:
                    marks[n], widths[n] = mark_count, width
        return marks, widths

    @cached_property
    def gaps(self) -> list[int]:
        """Blank lines, and page breaks on them or on the line itself, before each line."""
        rows = self.rows
        previous = [-1, *rows]  # the row before each line's gap (one extra at the end)
        if "\f" not in self.text:
            return [row - before - 1 for row, before in zip(rows, previous, strict=False)]
        breaks = [0, *accumulate(map(str.count, self.all.raws, repeat("\f")))]
        return [
            row - before - 1 + breaks[row + 1] - breaks[before + 1]
            for row, before in zip(rows, previous, strict=False)
        ]

    @cached_property
    def indents(self) -> list[int]:
        offsets = map(self.all.offsets.__getitem__, self.rows)
        leads = list(map(sub, self.starts, offsets))
        indents = [0] * len(self.rows)
        for n in compress(range(len(self.rows)), leads):
            lead = self.all.raws[self.rows[n]][: leads[n]]
            indents[n] = display_width(lead.replace("\t", "    ").replace("\f", ""))
        return indents

    @cached_property
    def bares(self) -> list[bool]:
        return list(map(not_, map(_SENTENCE_PUNCT.search, self.contents)))

    @cached_property
    def entries(self) -> frozenset[int]:
        """The lines that end like a table of contents' entry: leader dots and a page
        number (``contents``); the line after one is the next entry."""
        lasts = self.lasts
        maybe = compress(range(len(lasts)), map(ENTRY_LASTS.__contains__, lasts))
        return frozenset(n for n in maybe if ends_contents_entry(self.contents[n]))

    @cached_property
    def listings(self) -> frozenset[int]:
        """The lines of code listings among CJK prose (``textfix.listings``)."""
        return listing_lines(self.contents)

    @cached_property
    def finals(self) -> list[bool]:
        # ``_core_end`` skips closing marks, none of which ends a sentence; a closing
        # bracket may hold a credit after the sentence's end.
        lasts = self.lasts
        finals = list(map(SENTENCE_FINAL.__contains__, lasts))
        for n in compress(range(len(lasts)), map(CLOSERS.__contains__, lasts)):
            if lasts[n] in "）)":
                core = _core_end(self.text, self.starts[n], self.ends[n])
            else:
                core = self.contents[n].rstrip(_CLOSER_CHARS)[_LAST]
            finals[n] = core in SENTENCE_FINAL
        return finals

    def _fields(self, widths: list[int]) -> tuple[list[int] | list[bool], ...]:
        """The lists of ``Line``'s fields, in its order."""
        return (
            self.starts,
            self.ends,
            widths,
            self.gaps,
            self.indents,
            self.marks,
            self.units,
            self.bares,
            self.finals,
            self.hangs,
        )

    def lines(self, widths: list[int]) -> list[Line]:
        # tuple.__new__ builds each Line in C, without NamedTuple's Python __new__.
        return list(map(tuple.__new__, repeat(Line), zip(*self._fields(widths), strict=True)))

    def line(self, n: int, widths: list[int]) -> Line:
        """Line ``n`` alone, for a caller that reads a few lines of a long text."""
        return tuple.__new__(Line, [field[n] for field in self._fields(widths)])


def _first_units(contents: list[str], lengths: list[int], firsts: str, lasts: str) -> list[int]:
    """``first_unit_width`` of every line, each after the line before it (``firsts``,
    ``lasts``: the first and last character of each line).

    Most lines start with one character alone, as wide as it is; the lines that
    start a Latin word or a group (an opener, a mark that may not start a line after
    the first character) are measured one by one.
    """
    leads = list(map(_lead_cells, firsts))
    units = leads.copy()
    afters = "\n" + lasts
    opened = map(and_, map(lt, repeat(1), lengths), map(OPENERS.__contains__, firsts))
    held = map(NO_LINE_START.__contains__, map(itemgetter(_SECOND), contents))
    grouped = map(and_, map(bool, leads), map(or_, opened, held))
    for n in compress(range(len(units)), grouped):
        units[n] = first_unit_width(contents[n], 0, lengths[n], afters[n])
    for n in compress(range(len(units)), map(not_, leads)):  # a Latin word
        content, after = contents[n], afters[n]
        word = content[:_UNIT_SCAN].split(None, 1)[0]
        if word.isascii():  # no character of an unspaced script ends it early
            units[n] = len(word) + (0 if is_unspaced(after) else 1)
        else:
            units[n] = first_unit_width(content, 0, lengths[n], after)
    return units


@lru_cache(maxsize=8192)
def _lead_cells(first: str) -> int:
    """0 when ``first`` starts a Latin word, else its width."""
    return 0 if not is_unspaced(first) and first.isalnum() else char_width(first)


def hang(line: Line, punct_cells: int) -> int:
    """Cells a line may exceed the column by: a final CJK punctuation mark may hang."""
    return punct_cells if line.hangs else 0


def first_unit_width(text: str, start: int, end: int, after: str) -> int:
    """Width of what the typesetter had to move together to a line's start.

    A Latin word (plus the space before it when the previous line ended in Latin
    text, ``after`` being its last character), or one character with the
    punctuation that may not begin a line.
    """
    first = text[start]
    if not is_unspaced(first) and first.isalnum():
        stop = start + 1
        limit = min(end, start + _UNIT_SCAN)
        while stop < limit and not text[stop].isspace() and not is_unspaced(text[stop]):
            stop += 1
        space = 0 if is_unspaced(after) else 1
        return (stop - start) + space
    stop = start + 1
    if first in OPENERS and stop < end:
        stop += 1
    while stop < end and text[stop] in NO_LINE_START:
        stop += 1
    return sum(map(char_width, text[start:stop]))


def estimate_column(
    widths: list[int], units: list[int], hangs: list[bool], punct_cells: int
) -> tuple[int, int]:
    """The column width that explains the most line breaks, and how many it explains.

    A break after line ``a`` is explained by width ``W`` when ``a`` fits in ``W``
    (allowing hanging punctuation) and ``a`` plus the first unit of the next line
    would not (allowing ``NOISE_CELLS``). Lines wider than ``W`` count against it.
    Lines are given by their widths, first-unit widths and hanging ends.
    """
    fits = Counter(map(sub, widths, map(mul, hangs, repeat(punct_cells))))
    too_wide = [0] * (MAX_COLUMN + 2)
    for low, count in fits.items():
        too_wide[min(low, MAX_COLUMN + 1)] += count
    # Each break adds one to the widths from the fitting width of ``a`` to its width
    # plus the next unit: +1 where that range starts, -1 after it ends. A range
    # that starts beyond MAX_COLUMN lands, with its end, on the unread last slot.
    # The last line has no break after it.
    if widths:
        fits[widths[-1] - punct_cells * hangs[-1]] -= 1
    explained = [0] * (MAX_COLUMN + 2)
    for low, count in fits.items():
        explained[min(max(low, 0), MAX_COLUMN + 1)] += count
    for reach, count in Counter(map(add, widths, units[1:])).items():
        explained[min(reach - 1 + NOISE_CELLS, MAX_COLUMN) + 1] -= count
    best_width, best_score, best_explained = 0, 0, 0
    running = 0
    wider = len(widths)
    for width in range(MAX_COLUMN + 1):
        running += explained[width]
        wider -= too_wide[width]
        if width < MIN_COLUMN:
            continue
        score = running - wider
        if score > best_score:
            best_width, best_score, best_explained = width, score, running
    return best_width, best_explained


def is_wider_than(text: str, line: Line, column: int, punct_cells: int) -> bool:
    """True when ``line`` cannot be one line of a ``column``-wide text column.

    Punctuation compression and proportional digits let a full line measure up to
    ``NOISE_CELLS`` more than the column; a line of wide letters only cannot.
    """
    excess = line.width - hang(line, punct_cells) - column
    if excess <= 0:
        return False
    return excess > NOISE_CELLS or _only_wide_letters(line)


def _only_wide_letters(line: Line) -> bool:
    return line.marks == 0 and line.width == 2 * (line.end - line.start)


def _core_end(text: str, start: int, end: int) -> str:
    """The character that really ends the line's text.

    Closing quotes and brackets are skipped (`。”` → `。`), and so is a bracketed
    credit set after a finished sentence (`部署。（高美梅）` → `。`).
    """
    position = end - 1
    if text[position] in "）)":
        opening = text.rfind("（" if text[position] == "）" else "(", start, position)
        before = opening - 1
        while before > start and text[before] == " ":
            before -= 1
        if opening > start and text[before] in SENTENCE_FINAL:
            return text[before]
    while position > start and text[position] in CLOSERS:
        position -= 1
    return text[position]


FEATURES = (
    "bias",
    "ends_final",
    "ends_closer",
    "ends_clause",
    "slack_a",
    "fits_next",
    "slack_b",
    "indent_b",
    "blank",
    "wide_a",
    "wide_b",
    "bare_a",
    "bare_b",
    "opens_b",
    "latin_join",
    "final_and_fits",
    "final_and_blank",
    "final_and_indent",
    "bare_and_fits",
    "closer_and_indent",
    "starts_block",
    "unindented_cjk_start",
    "indent_b_open",
    "kept_indent_b",
    "final_b",
    "final_and_short_b",
    "open_indented_start",
    "unindented_in_indented_page",
    "open_end_in_paragraph",
    "lowercase_after_open_latin",
)


# What may come before a word's first letter: quotes, brackets, a name's underscores.
_WORD_LEAD = "\"'_([“‘"

# Slack (how much shorter than the column a line is) is read between these bounds: a
# line more than two em too wide is as wide as any, one more than six em short as short
# as any. Clipped in cells, each break's facts stay small integers.
MIN_SLACK_CELLS = -4
MAX_SLACK_CELLS = 12


def starts_lowercase(content: str) -> bool:
    """The line's first word starts with a lowercase letter (``"__debug__"`` does)."""
    return _first_letter(content).islower()


def starts_uppercase(content: str) -> bool:
    """The line's first word starts with a capital letter (``"Changed in…"`` does; Han has none)."""
    return _first_letter(content).isupper()


def _first_letter(content: str) -> str:
    return content[:_UNIT_SCAN].lstrip(_WORD_LEAD)[:1]


@lru_cache(maxsize=8192)
def _end_facts(last: str) -> tuple[bool, bool, bool, bool]:
    """A line's last character: closing mark, clause mark, unspaced script, letter or opener."""
    return (last in CLOSERS, last in CLAUSE, is_unspaced(last), last.isalpha() or last in OPENERS)


@lru_cache(maxsize=8192)
def _start_facts(first: str) -> tuple[bool, bool]:
    """A line's first character: unspaced script, opening mark."""
    return (is_unspaced(first), first in OPENERS)


# What a line break's features read of one line (see ``Page._line_facts``) and of a
# break (see ``Page.break_facts``).
LineFacts = tuple[tuple[bool, bool, bool, bool], tuple[bool, bool], bool, bool, bool, bool, bool]
BreakFacts = tuple[int, int, int, int, bool, bool, bool]  # line kinds by number


# Consecutive lines of equal width say little alone: a couplet, two list items or
# two headlines may match. A narrower column is a region's only when this many
# pairs across the text show it (a wrapped paragraph of five lines shows three or
# four; a list or a stack of headlines rarely ends three lines of one width
# mid-clause). Two find hardly more on generated pages (boundary F1 equal to three
# decimals) or the benchmark's; four start to miss short articles.
MIN_NARROW_PAIRS = 3


class NarrowRegions(NamedTuple):
    """Regions set in columns narrower than the page's (see ``narrow_regions``)."""

    columns: dict[int, int]  # the column of each line in one, by its content start
    explained: int  # line breaks after their full lines (explained by their column)


NO_NARROW_REGIONS = NarrowRegions({}, 0)


def equal_width_pairs(cores: list[int], column: int) -> list[int]:
    """Lines (by index) as wide as the next within ``NOISE_CELLS``, both narrower than
    ``column`` by more than a band of ``NOISE_CELLS`` either side of each width.

    ``cores`` are the lines' widths without hanging punctuation.
    """
    limit = column - 2 * NOISE_CELLS
    return [
        n
        for n, (core, after) in enumerate(pairwise(cores))
        if core < limit and after < limit and -NOISE_CELLS <= core - after <= NOISE_CELLS
    ]


def narrow_regions(
    lines: _Measured,
    line_widths: list[int],
    cores: list[int],
    pairs: list[int],
    column: int,
) -> NarrowRegions:
    """Regions set in narrower columns than the page's ``column``, read from the fields of
    its ``lines`` by line (their widths: ``line_widths``), no ``Line`` built.

    A page may set articles in three or four columns where the column that explains
    most breaks is half the page wide. A paragraph wrapped in such a column shows
    its width where two consecutive lines fill it (``pairs``: ``equal_width_pairs``
    of the lines' ``cores``), the first ending mid-clause on a CJK letter: a
    typesetter breaks anywhere, while a couplet, a list item or a headline ends on
    a mark or carries none. Latin lines are ragged by up to a word, so their equal
    widths prove nothing. A width that ``MIN_NARROW_PAIRS`` pairs show is a
    region's. Its lines are read as those of a page of that column: its full lines
    beside another one (anchors), every line between two anchors of it, the line
    after its last anchor (its paragraph's end) and the one before its first when
    it ends no sentence (its paragraph's first line, not the end of the text
    before; between two regions, that reading wins); lines wider than the column
    stay the page's.
    """
    mid_clause = _breaking_mid_clause(lines, pairs)
    nexts = map(add, mid_clause, repeat(1))
    shown = map(max, map(cores.__getitem__, mid_clause), map(cores.__getitem__, nexts))
    widths = _region_widths(Counter(shown))
    if not widths:
        return NO_NARROW_REGIONS
    band = {
        core: min(widths, key=lambda width: (abs(core - width), -width))
        for width in widths
        for core in range(width - NOISE_CELLS, width + NOISE_CELLS + 1)
    }
    fills = _filled_widths(band, cores, lines.finals, line_widths, column)
    members = _region_members(lines.gaps, lines.finals, fills, column)
    starts = lines.starts
    columns = {starts[n]: width for n, width in members.items() if cores[n] <= width + NOISE_CELLS}
    last = len(fills) - 1
    explained = sum(1 for n, width in members.items() if n < last and fills[n] == width)
    return NarrowRegions(columns, explained)


def _filled_widths(
    band: dict[int, int], cores: list[int], finals: list[bool], widths: list[int], column: int
) -> list[int]:
    """The width each line fills (``cores``, ``widths``: their widths without and with
    hanging punctuation; ``finals``: they end a sentence): a region's (``band`` maps the
    widths near each to it), ``column`` for a full line of the page's column or a wider
    one (they bound the regions), else 0.

    A line fills a width with or without its final mark (which need not hang). One
    that ends a sentence shows no wrap: one-sentence lines of one width may stand
    in a stack.
    """
    full = column - NOISE_CELLS
    return [
        column if core >= full else 0 if final else band.get(core) or band.get(width, 0)
        for core, final, width in zip(cores, finals, widths, strict=True)
    ]


def _region_members(
    gaps: list[int], finals: list[bool], fills: list[int], column: int
) -> dict[int, int]:
    """The column of each line (by index) in a narrower region (see ``narrow_regions``).

    ``fills`` holds the width each line fills: a region's, ``column`` for the page's
    full lines and wider ones, 0 for none; ``gaps`` and ``finals``: ``Line.gap`` and
    ``Line.final`` of each line.
    """
    count = len(fills)
    anchors = [
        (n, fill)
        for n, fill in enumerate(fills)
        if fill
        and (
            (n > 0 and fills[n - 1] == fill and gaps[n] == 0)
            or (n + 1 < count and fills[n + 1] == fill and gaps[n + 1] == 0)
        )
    ]
    members: dict[int, int] = {}
    bounded = zip([(-1, column), *anchors], [*anchors, (count, column)], strict=True)
    for (before, width), (after, next_width) in bounded:
        if width != column:
            members[before] = width
        if width == next_width:
            if width != column:
                members.update(dict.fromkeys(range(before + 1, after), width))
            continue
        if width != column and before + 1 < after:
            members[before + 1] = width
        opening = after - 1
        if next_width != column and before < opening and not finals[opening]:
            members[opening] = next_width
    return members


def _breaking_mid_clause(lines: _Measured, pairs: list[int]) -> list[int]:
    """The ``pairs`` (by first line) whose first line ends on a CJK letter (or an
    opening mark) in a sentence that the next line goes on."""
    gaps, bares, finals, lasts = lines.gaps, lines.bares, lines.finals, lines.lasts
    open_ends = {
        last: is_unspaced(last) and (last.isalpha() or last in OPENERS) for last in set(lasts)
    }
    return [
        n
        for n in pairs
        if gaps[n + 1] == 0 and not bares[n] and not finals[n] and open_ends[lasts[n]]
    ]


def _region_widths(pairs: Counter[int]) -> list[int]:
    """Widths that ``MIN_NARROW_PAIRS`` pairs show, each the widest of its band.

    A full line measures up to ``NOISE_CELLS`` less than its column (compressed
    punctuation), never more (hanging punctuation is not counted), so a width's
    pairs are those up to ``NOISE_CELLS`` narrower; the best-shown widths are taken
    first, each ruling out the widths whose band overlaps its own (two columns of one
    page differ by a character or more on either side of their noise).
    """
    support = {
        width: sum(map(pairs.__getitem__, range(width - NOISE_CELLS, width + 1)))
        for width in pairs
        if width >= MIN_COLUMN
    }
    widths: list[int] = []
    for width in sorted(support, key=lambda width: (support[width], width), reverse=True):
        if support[width] >= MIN_NARROW_PAIRS and all(
            abs(width - other) > 2 * NOISE_CELLS for other in widths
        ):
            widths.append(width)
    return widths


class Page:
    """A text read as a page: its lines, estimated column and indent convention.

    The column is estimated from the lines' widths alone; a ``Line`` is built only for
    a caller that asks for it (``lines``, ``line_at``): the rest read per-line fields.
    """

    def __init__(self, text: str) -> None:
        measured = _Measured(text)
        self.text = text
        self._measured = measured
        self.column = 0
        self.explained = -1  # line breaks the column width explains (set below, >= 0)
        self.punct_cells = 1  # printed width of CJK punctuation on this page
        self._widths = measured.widths  # each line's width with that punctuation width
        for cells in PUNCT_CELL_MODELS:
            widths = measured.widths
            if cells > 1:
                widths = list(map(add, widths, map(mul, measured.marks, repeat(cells - 1))))
            column, explained = estimate_column(widths, measured.units, measured.hangs, cells)
            if explained > self.explained:
                self.column, self.explained, self.punct_cells = column, explained, cells
                self._widths = widths

    @property
    def line_count(self) -> int:
        return len(self._measured.rows)

    @property
    def starts(self) -> array[int]:
        """Where each line's content starts (``Line.start`` of every line)."""
        return self._measured.starts

    @property
    def ends(self) -> array[int]:
        """Where each line's content ends (``Line.end`` of every line)."""
        return self._measured.ends

    @property
    def firsts(self) -> str:
        """The first character of each line's content, one per line."""
        return self._measured.firsts

    @property
    def lasts(self) -> str:
        """The last character of each line's content, one per line."""
        return self._measured.lasts

    @property
    def measured(self) -> _Measured:
        """The lines' fields, measured over all lines at once (gaps, finals, lengths…)."""
        return self._measured

    @property
    def widths(self) -> list[int]:
        """Each line's width with the page's punctuation width (``Line.width``)."""
        return self._widths

    @cached_property
    def cores(self) -> list[int]:
        """Each line's width without the punctuation that may hang outside the column."""
        hanging = map(mul, self._measured.hangs, repeat(self.punct_cells))
        return list(map(sub, self._widths, hanging))

    def mid_sentence_share(self) -> float:
        """Share of lines (all but the last) that end neither a sentence nor a bracket
        nor a contents entry."""
        count = self.line_count - 1
        if count < 1:
            return 0.0
        measured = self._measured
        open_lasts = list(compress(measured.lasts[:count], map(not_, measured.finals)))
        closed = sum(map(CLOSERS.__contains__, open_lasts))
        # A contents entry ends as a sentence does (leaders are full stops: not open).
        entries = sum(1 for n in measured.entries if n < count and not measured.finals[n])
        return (len(open_lasts) - closed - entries) / count

    @property
    def lines(self) -> list[Line]:
        """Every line, built on each call and not kept: a list of lines weighs several
        times the text (few callers read them all; ``line_at`` builds one)."""
        return self._measured.lines(self._widths)

    @cached_property
    def keeps_indents(self) -> bool:
        """The extractor kept paragraph indents as leading spaces."""
        indented = sum(1 for indent in self._measured.indents if indent >= KEPT_INDENT_CELLS)
        return indented >= MIN_KEPT_INDENTS and indented >= KEPT_INDENT_SHARE * self.line_count

    @cached_property
    def region_columns(self) -> dict[int, int]:
        """Columns of regions wider or narrower than the page's column, by the content
        start of each line set in one (``narrow_regions``, ``_wide_region_columns``)."""
        narrow = self.narrow_regions.columns
        wide = self._wide_region_columns()
        return {**narrow, **wide} if narrow else wide

    @cached_property
    def narrow_regions(self) -> NarrowRegions:
        """Regions set in narrower columns than the page's (``narrow_regions``)."""
        if self.column == 0:
            return NO_NARROW_REGIONS
        cores = self.cores
        pairs = equal_width_pairs(cores, self.column)
        if len(pairs) < MIN_NARROW_PAIRS:
            return NO_NARROW_REGIONS
        return narrow_regions(self._measured, self._widths, cores, pairs, self.column)

    def _wide_region_columns(self) -> dict[int, int]:
        """Columns of wider regions, by the content start of each line set in one.

        A page may set one article across the width of several columns (a one-column
        article on a three-column page). Its lines are all wider than the page's
        column; its width shows where two consecutive lines, the first ending
        mid-sentence, fill the same width (``NOISE_CELLS``): a wrapped paragraph's
        full lines. Headlines stand alone, so they confirm no width. Every wide line
        as wide as a confirmed width (a full line), and the wide line right after
        one (its paragraph's last line), is measured against that width; a full line
        only beside another wide line of its region (a lone one may be a deck that
        happens to match).
        """
        column, cells, text = self.column, self.punct_cells, self.text
        if column == 0:
            return {}
        wide = [n for n, width in enumerate(self._widths) if width > column]
        if len(wide) < 2:
            return {}
        lines = {n: self._measured.line(n, self._widths) for n in wide}
        cores = {n: lines[n].width - hang(lines[n], cells) for n in wide}
        confirmed = {
            max(cores[n], cores[n + 1])
            for n in wide
            if n + 1 in cores
            and lines[n + 1].gap == 0
            and abs(cores[n] - cores[n + 1]) <= NOISE_CELLS
            and not lines[n].bare
            and not lines[n].final
            and text[lines[n].end - 1] not in CLOSERS
            and is_wider_than(text, lines[n], column, cells)
        }
        if not confirmed:
            return {}
        fills = {
            n: next((w for w in confirmed if abs(cores[n] - w) <= NOISE_CELLS), 0)
            for n in wide
            if is_wider_than(text, lines[n], column, cells)
        }
        regions: dict[int, int] = {}
        for n, width in fills.items():
            before = fills.get(n - 1, 0) if lines[n].gap == 0 else 0
            after = n + 1 in fills and lines[n + 1].gap == 0 and cores[n + 1] <= width + NOISE_CELLS
            if width and (after or before == width):
                regions[lines[n].start] = width
            elif before and cores[n] <= before:
                regions[lines[n].start] = before
        return regions

    def column_at(self, line: Line) -> int:
        """The column ``line`` was set in: its region's, else the page's."""
        regions = self.region_columns
        return regions.get(line.start, self.column) if regions else self.column

    def line_at(self, start: int) -> Line | None:
        """The line whose content starts at ``start``, if a line does (built alone)."""
        starts = self._measured.starts
        n = bisect_left(starts, start)
        if n < len(starts) and starts[n] == start:
            return self._measured.line(n, self._widths)
        return None

    def break_facts(self) -> Iterator[BreakFacts]:
        """What the features of each line break read (see ``features``), break by break.

        A break's facts are the kinds of the lines on either side (``line_kinds``), their
        slacks in the column of the first line (clipped to where the features read them),
        whether the next line's first unit would have fitted, and whether each line is
        wider than that column. All of them are small integers or flags: few distinct
        facts describe a long text, and a scorer can remember each one's score.
        """
        measured = self._measured
        count = self.line_count - 1
        if count < 1:
            return iter(())
        widths, indents = self._widths, measured.indents
        regions = self.region_columns
        if regions:  # each break measured in the column of its first line
            columns = list(map(regions.get, measured.starts[:count], repeat(self.column)))
            rooms = list(map(sub, map(sub, columns, widths), indents))
            rooms_next = map(sub, map(sub, columns, widths[1:]), indents[1:])
            slacks, slacks_next = _clipped(rooms), _clipped(rooms_next)
            wide, wide_next = self._wider(columns, 0), self._wider(columns, 1)
        else:  # one column: each line measured once
            rooms = list(map(sub, map(sub, repeat(self.column), widths), indents))
            slacks = _clipped(rooms)
            slacks_next = slacks[1:]
            wide = self._wider(repeat(self.column), 0)
            wide_next = wide[1:]
        fits = map(ge, rooms, measured.units[1:])
        kinds = self._kind_codes
        return zip(
            kinds,
            kinds[1:],
            slacks,
            slacks_next,
            fits,
            wide,
            wide_next,
            strict=False,
        )

    def _wider(self, columns: Iterable[int], first: int) -> list[bool]:
        """``is_wider_than`` of the lines from line ``first`` on, against ``columns``."""
        measured, widths = self._measured, self._widths
        cores = map(sub, widths[first:], map(mul, measured.hangs[first:], repeat(self.punct_cells)))
        excesses = list(map(sub, cores, columns))
        wide = list(map(lt, repeat(NOISE_CELLS), excesses))
        # Within the noise, only a line of wide letters alone is wider (``_only_wide_letters``).
        for n in compress(range(len(excesses)), map(lt, repeat(0), excesses)):
            line = n + first
            if not wide[n] and measured.marks[line] == 0:
                wide[n] = widths[line] == 2 * measured.lengths[line]
        return wide

    @cached_property
    def line_kinds(self) -> list[LineFacts]:
        """The distinct facts of lines (``_kind_codes`` numbers each line's)."""
        return self._line_kinds[0]

    @property
    def _kind_codes(self) -> list[int]:
        return self._line_kinds[1]

    @cached_property
    def lowercase_starts(self) -> list[bool]:
        """Per line: its first word starts lowercase (``starts_lowercase``)."""
        contents, firsts = self._measured.contents, self._measured.firsts
        lowercase = list(map(str.islower, firsts))
        for n in compress(range(len(firsts)), map(_WORD_LEAD.__contains__, firsts)):
            lowercase[n] = starts_lowercase(contents[n])
        return lowercase

    @cached_property
    def _line_kinds(self) -> tuple[list[LineFacts], list[int]]:
        """Per line: ``_end_facts``, ``_start_facts``, ends a sentence, bare, blank lines
        before it, kept indent, starts lowercase; as the distinct such facts and, for each
        line, the number of its own among them."""
        measured = self._measured
        firsts = measured.firsts
        kept = map(le, repeat(KEPT_INDENT_CELLS), measured.indents)
        # Each new facts' number is the count of facts numbered before it.
        numbers: defaultdict[LineFacts, int] = defaultdict()
        numbers.default_factory = numbers.__len__
        codes = list(
            map(
                numbers.__getitem__,
                zip(
                    map(_end_facts, measured.lasts),
                    map(_start_facts, firsts),
                    measured.finals,
                    measured.bares,
                    map(bool, measured.gaps),
                    kept,
                    self.lowercase_starts,
                    strict=True,
                ),
            )
        )
        return list(numbers), codes


def _clipped(rooms: Iterable[int]) -> list[int]:
    low, high = MIN_SLACK_CELLS, MAX_SLACK_CELLS
    # Comparisons in a comprehension: ``min`` and ``max`` mapped cost ten times more.
    return [low if room < low else high if room > high else room for room in rooms]


@per_text_cache(maxsize=_CACHE_SIZE)
def read_page(text: str) -> Page:
    """The text read as a page (cached: the layout rules and block typing share it)."""
    return Page(text)


def features(page: Page, facts: BreakFacts, starts_block: bool) -> tuple[float, ...]:
    """The evidence about a line break, named by ``FEATURES``, from its facts
    (``Page.break_facts``).

    Slacks are in em (2 cells): how much shorter than the column a line is.
    ``starts_block`` says whether the break before the first line was a paragraph
    boundary: a CJK block that starts without the two-em indent is a headline or
    another standalone line, not a body paragraph, so its line break is a boundary too.
    """
    kind_a, kind_b, room_a, room_b, fits, wide_a_line, wide_b_line = facts
    line_a, line_b = page.line_kinds[kind_a], page.line_kinds[kind_b]
    (closer, clause, cjk_last, letter_last), (cjk_start_a, _), final_a, bare_a_line = line_a[:4]
    _, (cjk_start_b, opener_b), final_b_line, bare_b_line, blank_b, kept_b, lower_b = line_b
    ends_final = float(final_a)
    ends_closer = float(closer and not ends_final)
    ends_clause = float(clause)
    fits_next = float(fits)
    # Slack says something only in CJK text: a Latin line is ragged by up to a word,
    # so there ``fits_next`` carries the evidence and the slacks are zeroed.
    cjk_a = float(cjk_last)
    cjk_b = float(cjk_start_b)
    slack_a = cjk_a * (room_a / 2)
    slack_b = cjk_b * (room_b / 2)
    indent_b = cjk_b * float(1.5 <= slack_b <= 3.5)
    blank = float(blank_b)
    wide_a = float(wide_a_line)
    wide_b = float(wide_b_line)
    bare_a = float(bare_a_line)
    bare_b = float(bare_b_line)
    opens_b = float(opener_b)
    latin_join = float(not cjk_last and not cjk_start_b)
    block_start = float(starts_block)
    unindented_cjk_start = block_start * float(slack_a < 1.5 and cjk_start_a)
    # A short line that does not end a sentence is a paragraph's indented first line
    # (a short line ending in 。 may just be the last line of a one-line-long paragraph).
    final_b = float(final_b_line)
    indent_b_open = indent_b * (1.0 - final_b)
    # Some extractors keep the indent as leading spaces: two cells or more is deliberate.
    kept_indent_b = float(kept_b)
    return (
        1.0,
        ends_final,
        ends_closer,
        ends_clause,
        slack_a,
        fits_next,
        slack_b,
        indent_b,
        blank,
        wide_a,
        wide_b,
        bare_a,
        bare_b,
        opens_b,
        latin_join,
        ends_final * fits_next,
        ends_final * blank,
        ends_final * indent_b,
        bare_a * fits_next,
        ends_closer * indent_b,
        block_start,
        unindented_cjk_start,
        indent_b_open,
        kept_indent_b,
        final_b,
        final_b * float(slack_b >= 1.5),
        # A block's first line set with the two-em indent and ending mid-sentence is
        # the start of a body paragraph: it continues, however bare or short it is.
        block_start * float(1.5 <= slack_a <= 3.5) * (1.0 - ends_final - ends_closer),
        # Where the extractor kept indents, a line without one continues its paragraph.
        float(page.keeps_indents) * (1.0 - kept_indent_b),
        # A body paragraph ends a sentence; a line inside one (joined to the line
        # before) that stops on a Han character or an opening mark, mid-sentence,
        # goes on, however short digits, Latin or compressed punctuation left it.
        (1.0 - block_start) * cjk_a * float(letter_last) * (1.0 - wide_a),
        # A Latin sentence does not start lowercase: after a line that ends no
        # sentence, such a line continues it (also when the extractor split a
        # justified line at its wide gaps into short fragments).
        latin_join * (1.0 - ends_final) * float(lower_b),
    )

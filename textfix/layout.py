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
from dataclasses import dataclass
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
    fast_width,
    fast_width_applies,
    is_unspaced,
)

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

# Plain ``re``: a literal character class searches several times faster than ``regex``.
_SENTENCE_PUNCT = re.compile("[" + re.escape("".join(sorted(CLAUSE | SENTENCE_FINAL))) + "]")

# How far into the next line to look for the end of its first unit (a Latin word).
_UNIT_SCAN = 40


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


def parse_lines(text: str) -> list[Line]:
    """Non-blank lines with their content spans; blank lines become ``gap`` counts.

    Punctuation counts of all lines come from one whole-text pass
    (``drop_cjk_punct``) that keeps every line's newline in place.
    """
    raw_lines = text.split("\n")
    unpunctuated = drop_cjk_punct(text).split("\n")
    fast = fast_width_applies(text)
    lines: list[Line] = []
    gap = 0
    position = 0
    for raw, bare_of_punct in zip(raw_lines, unpunctuated, strict=True):
        content = raw.strip(LAYOUT_SPACE)
        if not content:
            gap += 1 + raw.count("\f")
            position += len(raw) + 1
            continue
        lead = len(raw) - len(raw.lstrip(LAYOUT_SPACE))
        start = position + lead
        end = start + len(content)
        page_breaks = raw.count("\f") if "\f" in raw else 0
        indent = display_width(raw[:lead].replace("\t", "    ").replace("\f", "")) if lead else 0
        if len(content) >= _MEASURE_LIMIT:
            width, marks = len(content), 0
        else:
            marks = len(raw) - len(bare_of_punct)
            if "\u3000" in raw:  # an ideographic-space indent is layout, not a mark
                marks -= raw.count("\u3000") - content.count("\u3000")
            width = fast_width(content, marks) if fast else display_width(content)
        after = text[lines[-1].end - 1] if lines else "\n"
        unit = first_unit_width(text, start, end, after)
        bare = _SENTENCE_PUNCT.search(text, start, end) is None
        final = _core_end(text, start, end) in SENTENCE_FINAL
        last = content[-1]
        hangs = last in NO_LINE_START and is_unspaced(last)
        lines.append(
            Line(start, end, width, gap + page_breaks, indent, marks, unit, bare, final, hangs)
        )
        gap = 0
        position += len(raw) + 1
    return lines


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


def estimate_column(text: str, lines: list[Line], punct_cells: int) -> tuple[int, int]:
    """The column width that explains the most line breaks, and how many it explains.

    A break after line ``a`` is explained by width ``W`` when ``a`` fits in ``W``
    (allowing hanging punctuation) and ``a`` plus the first unit of the next line
    would not (allowing ``NOISE_CELLS``). Lines wider than ``W`` count against it.
    """
    explained = [0] * (MAX_COLUMN + 2)
    too_wide = [0] * (MAX_COLUMN + 2)
    for a, b in zip(lines, lines[1:], strict=False):
        low = a.width - hang(a, punct_cells)
        if low > MAX_COLUMN:
            continue
        high = a.width + b.unit - 1 + NOISE_CELLS
        explained[max(low, 0)] += 1
        explained[min(high, MAX_COLUMN) + 1] -= 1
    for line in lines:
        too_wide[min(line.width - hang(line, punct_cells), MAX_COLUMN + 1)] += 1
    best_width, best_score, best_explained = 0, 0, 0
    running = 0
    wider = len(lines)
    for width in range(MAX_COLUMN + 1):
        running += explained[width]
        wider -= too_wide[width]
        if width < MIN_COLUMN:
            continue
        score = running - wider
        if score > best_score:
            best_width, best_score, best_explained = width, score, running
    return best_width, best_explained


def with_punct_cells(lines: list[Line], punct_cells: int) -> list[Line]:
    """The lines measured with CJK punctuation ``punct_cells`` wide."""
    extra = punct_cells - 1
    if not extra:
        return lines
    return [line._replace(width=line.width + extra * line.marks) for line in lines]


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


def mid_sentence_share(text: str, lines: list[Line]) -> float:
    """Share of lines (all but the last) that end neither a sentence nor a bracket."""
    if len(lines) < 2:
        return 0.0
    open_ends = sum(
        1 for line in lines[:-1] if not line.final and text[line.end - 1] not in CLOSERS
    )
    return open_ends / (len(lines) - 1)


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
)


def _clip(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


@dataclass(frozen=True)
class Page:
    """A text read as a page: its lines, estimated column and indent convention."""

    text: str
    lines: list[Line]
    column: int
    explained: int  # line breaks the column width explains
    keeps_indents: bool  # the extractor kept paragraph indents as leading spaces
    punct_cells: int  # printed width of CJK punctuation on this page


def read_page(text: str) -> Page:
    parsed = parse_lines(text)
    lines, column, explained, punct_cells = parsed, 0, -1, 1
    for cells in PUNCT_CELL_MODELS:
        measured = with_punct_cells(parsed, cells)
        width, count = estimate_column(text, measured, cells)
        if count > explained:
            lines, column, explained, punct_cells = measured, width, count, cells
    indented = sum(1 for line in lines if line.indent >= KEPT_INDENT_CELLS)
    keeps_indents = indented >= MIN_KEPT_INDENTS and indented >= KEPT_INDENT_SHARE * len(lines)
    return Page(text, lines, column, explained, keeps_indents, punct_cells)


def break_features(page: Page, a: Line, b: Line, starts_block: bool) -> tuple[float, ...]:
    """The evidence about the line break between ``a`` and ``b``, named by ``FEATURES``.

    Slacks are in em (2 cells): how much shorter than the column a line is.
    ``starts_block`` says whether the break before ``a`` was a paragraph boundary:
    a CJK block that starts without the two-em indent is a headline or another
    standalone line, not a body paragraph, so its line break is a boundary too.
    """
    text, column = page.text, page.column
    last = text[a.end - 1]
    ends_final = float(a.final)
    ends_closer = float(last in CLOSERS and not ends_final)
    ends_clause = float(last in CLAUSE)
    room = column - a.width - a.indent
    fits_next = float(room >= b.unit)
    # Slack says something only in CJK text: a Latin line is ragged by up to a word,
    # so there ``fits_next`` carries the evidence and the slacks are zeroed.
    cjk_a = float(is_unspaced(last))
    cjk_b = float(is_unspaced(text[b.start]))
    slack_a = cjk_a * _clip(room / 2, -2.0, 6.0)
    slack_b = cjk_b * _clip((column - b.width - b.indent) / 2, -2.0, 6.0)
    indent_b = cjk_b * float(1.5 <= slack_b <= 3.5)
    blank = float(b.gap > 0)
    wide_a = float(is_wider_than(text, a, column, page.punct_cells))
    wide_b = float(is_wider_than(text, b, column, page.punct_cells))
    bare_a = float(a.bare)
    bare_b = float(b.bare)
    first = text[b.start]
    opens_b = float(first in OPENERS)
    latin_join = float(not is_unspaced(last) and not is_unspaced(first))
    block_start = float(starts_block)
    unindented_cjk_start = block_start * float(slack_a < 1.5 and is_unspaced(text[a.start]))
    # A short line that does not end a sentence is a paragraph's indented first line
    # (a short line ending in 。 may just be the last line of a one-line-long paragraph).
    final_b = float(b.final)
    indent_b_open = indent_b * (1.0 - final_b)
    # Some extractors keep the indent as leading spaces: two cells or more is deliberate.
    kept_indent_b = float(b.indent >= KEPT_INDENT_CELLS)
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
    )

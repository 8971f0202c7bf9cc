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

from dataclasses import dataclass, replace

from .chars import (
    CLAUSE,
    CLOSERS,
    LAYOUT_SPACE,
    NO_LINE_START,
    OPENERS,
    SENTENCE_FINAL,
    count_cjk_punct,
    display_width,
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

# How far into the next line to look for the end of its first unit (a Latin word).
_UNIT_SCAN = 40


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: its content span (layout whitespace excluded) and width."""

    start: int
    end: int
    width: int
    gap: int  # blank lines and page breaks between the previous non-blank line and this one
    indent: int  # cells of layout whitespace before the content (kept by some extractors)
    marks: int  # CJK punctuation marks (measured 1 cell each in ``width``)


def parse_lines(text: str) -> list[Line]:
    """Non-blank lines with their content spans; blank lines become ``gap`` counts."""
    lines: list[Line] = []
    gap = 0
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        if newline < 0:
            newline = length
        start, end = position, newline
        while start < end and text[start] in LAYOUT_SPACE:
            start += 1
        while end > start and text[end - 1] in LAYOUT_SPACE:
            end -= 1
        page_breaks = text.count("\f", position, start) + text.count("\f", end, newline)
        if start == end:
            gap += 1 + page_breaks
        else:
            content_length = end - start
            if content_length >= _MEASURE_LIMIT:
                width, marks = content_length, 0
            else:
                width = display_width(text[start:end])
                marks = count_cjk_punct(text[start:end])
            indent = display_width(text[position:start].replace("\t", "    ").replace("\f", ""))
            lines.append(Line(start, end, width, gap + page_breaks, indent, marks))
            gap = 0
        position = newline + 1
    return lines


def hang(text: str, line: Line, punct_cells: int) -> int:
    """Cells a line may exceed the column by: a final CJK punctuation mark may hang."""
    last = text[line.end - 1]
    return punct_cells if last in NO_LINE_START and is_unspaced(last) else 0


def first_unit_width(text: str, line: Line, after: str) -> int:
    """Width of what the typesetter had to move together to this line's start.

    A Latin word (plus the space before it when the previous line ended in Latin
    text), or one character with the punctuation that may not begin a line.
    """
    first = text[line.start]
    if not is_unspaced(first) and first.isalnum():
        end = line.start + 1
        limit = min(line.end, line.start + _UNIT_SCAN)
        while end < limit and not text[end].isspace() and not is_unspaced(text[end]):
            end += 1
        space = 0 if is_unspaced(after) else 1
        return (end - line.start) + space
    end = line.start + 1
    if first in OPENERS and end < line.end:
        end += 1
    while end < line.end and text[end] in NO_LINE_START:
        end += 1
    return display_width(text[line.start : end])


def estimate_column(text: str, lines: list[Line], punct_cells: int) -> tuple[int, int]:
    """The column width that explains the most line breaks, and how many it explains.

    A break after line ``a`` is explained by width ``W`` when ``a`` fits in ``W``
    (allowing hanging punctuation) and ``a`` plus the first unit of the next line
    would not (allowing ``NOISE_CELLS``). Lines wider than ``W`` count against it.
    """
    explained = [0] * (MAX_COLUMN + 2)
    too_wide = [0] * (MAX_COLUMN + 2)
    for a, b in zip(lines, lines[1:], strict=False):
        low = a.width - hang(text, a, punct_cells)
        if low > MAX_COLUMN:
            continue
        high = a.width + first_unit_width(text, b, text[a.end - 1]) - 1 + NOISE_CELLS
        explained[max(low, 0)] += 1
        explained[min(high, MAX_COLUMN) + 1] -= 1
    for line in lines:
        too_wide[min(line.width - hang(text, line, punct_cells), MAX_COLUMN + 1)] += 1
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
    return [replace(line, width=line.width + extra * line.marks) for line in lines]


def is_wider_than(text: str, line: Line, column: int, punct_cells: int) -> bool:
    """True when ``line`` cannot be one line of a ``column``-wide text column.

    Punctuation compression and proportional digits let a full line measure up to
    ``NOISE_CELLS`` more than the column; a line of wide letters only cannot.
    """
    excess = line.width - hang(text, line, punct_cells) - column
    if excess <= 0:
        return False
    return excess > NOISE_CELLS or _only_wide_letters(line)


def _only_wide_letters(line: Line) -> bool:
    return line.marks == 0 and line.width == 2 * (line.end - line.start)


def _core_end(text: str, line: Line) -> str:
    """The character that really ends the line's text.

    Closing quotes and brackets are skipped (`。”` → `。`), and so is a bracketed
    credit set after a finished sentence (`部署。（高美梅）` → `。`).
    """
    position = line.end - 1
    if text[position] in "）)":
        opening = text.rfind("（" if text[position] == "）" else "(", line.start, position)
        before = opening - 1
        while before > line.start and text[before] == " ":
            before -= 1
        if opening > line.start and text[before] in SENTENCE_FINAL:
            return text[before]
    while position > line.start and text[position] in CLOSERS:
        position -= 1
    return text[position]


def mid_sentence_share(text: str, lines: list[Line]) -> float:
    """Share of lines (all but the last) that end neither a sentence nor a bracket."""
    if len(lines) < 2:
        return 0.0
    open_ends = sum(
        1
        for line in lines[:-1]
        if _core_end(text, line) not in SENTENCE_FINAL and text[line.end - 1] not in CLOSERS
    )
    return open_ends / (len(lines) - 1)


def _has_sentence_punct(text: str, line: Line) -> bool:
    segment = text[line.start : line.end]
    return any(mark in segment for mark in _SENTENCE_PUNCT)


_SENTENCE_PUNCT = tuple(CLAUSE | SENTENCE_FINAL)

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
    core = _core_end(text, a)
    ends_final = float(core in SENTENCE_FINAL)
    ends_closer = float(last in CLOSERS and not ends_final)
    ends_clause = float(last in CLAUSE)
    room = column - a.width - a.indent
    fits_next = float(room >= first_unit_width(text, b, last))
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
    bare_a = float(not _has_sentence_punct(text, a))
    bare_b = float(not _has_sentence_punct(text, b))
    first = text[b.start]
    opens_b = float(first in OPENERS)
    latin_join = float(not is_unspaced(last) and not is_unspaced(first))
    block_start = float(starts_block)
    unindented_cjk_start = block_start * float(slack_a < 1.5 and is_unspaced(text[a.start]))
    # A short line that does not end a sentence is a paragraph's indented first line
    # (a short line ending in 。 may just be the last line of a one-line-long paragraph).
    final_b = float(_core_end(text, b) in SENTENCE_FINAL)
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

"""Does a column of lines read as running text (prose set in a column), or as a table or code?

Side-by-side columns of prose and the columns of a table or of commented code look alike on a
grid: aligned edges, gutters of spaces. What tells them apart is what a typesetter does to
running text: it fills every line of the column measure with the words that fit, so a column
of prose is wide, its lines nearly all full (all but a paragraph's last), without holes, made
of words (letters, short tokens between spaces, or Han characters), and consecutive lines
begin with whatever word came next. Table cells and code lines are records: narrow or ragged,
often with holes where a neighbour cell wrapped, made of identifiers, numbers and symbols,
and they repeat their structure line after line.

(Whether each break is "explained", the next word not fitting, cannot be told here: layout
extractors count glyphs, and a proportional font puts 25 or 30 of them on the same measure.)
"""

from __future__ import annotations

import regex

from .chars import print_cells

# A column's longest line must be at least this many print cells wide: the narrowest
# newspaper columns hold 8 Han characters (16 cells) or about 20 Latin letters (3–4 words);
# most table cells and code fields are narrower.
MIN_CJK_COLUMN_CELLS = 16
MIN_LATIN_COLUMN_CELLS = 20

# Running text fills its column measure: every line but a paragraph's last ends near the
# right edge. A line counts as full at this share of the column's longest line (justified
# lines are all equal; ragged-right lines lose at most a long word), and this share of a
# column's lines must be full. Table cells and code lines are ragged.
FULL_LINE_SHARE = 0.7
MIN_FULL_SHARE = 0.6

# Holes inside a column (an empty line between two lines of the same column) are rare in
# prose, where only extra space before a heading makes one; a table whose rows wrap to
# different heights leaves a hole in every shorter cell. At most this share of a column's
# lines may be holes.
MAX_HOLE_SHARE = 0.2

# Prose is made of letters: the columns of the pdftotext -layout samples hold 79–97 % letters
# among their non-space characters (Chinese news with figures at the low end). Numeric
# tables hold almost none; code and key tables 50–70 %.
MIN_LETTER_SHARE = 0.7

# Latin prose words average 5–6 letters; identifiers, paths and numbers run longer. A column
# whose space-separated tokens average more than this is not prose. (Han text has no spaces:
# a column mostly of Han characters passes by its letters alone.)
MAX_MEAN_TOKEN = 9

# Consecutive lines of a table or of code often begin alike (``#include "``, a key prefix,
# a comment or list marker, a table rule ``|``); consecutive lines of prose begin with
# whatever word came next. At most this share of a column's lines may begin like the line
# before: with the same PREFIX_CHARS characters, or with the same mark (not a letter or digit).
PREFIX_CHARS = 3
MAX_REPEATED_STARTS = 0.3

_NOT_CJK = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")


def reads_as_running_text(lines: list[str]) -> bool:
    """True when ``lines`` (one column, ``""`` where it has nothing) look like set prose.

    >>> reads_as_running_text(["the council met on Monday to", "discuss the plan for the new",
    ...                        "bridge across the river and", "agreed to fund its design."])
    True
    >>> reads_as_running_text(['#include "arrow/array/data.h"', '#include "arrow/array/util.h"',
    ...                        '#include "arrow/status.h"', '#include "arrow/type_fwd.h"'])
    False
    """
    filled = [number for number, line in enumerate(lines) if line]
    if not filled:
        return True
    margin = min(len(line) - len(line.lstrip(" ")) for line in lines if line)
    span = [line[margin:] for line in lines[filled[0] : filled[-1] + 1]]
    texts = [line.lstrip(" ") for line in span if line]
    joined = " ".join(texts)
    ink = len(joined) - joined.count(" ")
    han = is_mostly_cjk(joined)
    narrowest = MIN_CJK_COLUMN_CELLS if han else MIN_LATIN_COLUMN_CELLS
    return (
        _fills_its_measure(span, narrowest)
        and _is_made_of_words(joined, ink, han)
        and _starts_vary(texts)
    )


def is_mostly_cjk(text: str) -> bool:
    """Half the characters of ``text`` but spaces, at least, are CJK letters (Han, kana,
    Hangul): a column read by its glyph widths, not by its words."""
    ink = len(text) - text.count(" ")
    return 2 * len(_NOT_CJK.sub("", text)) >= ink


def _fills_its_measure(span: list[str], narrowest: int) -> bool:
    widths = [print_cells(line) for line in span if line]
    measure = max(widths)
    if measure < narrowest:
        return False
    full = sum(width >= FULL_LINE_SHARE * measure for width in widths)
    holes = len(span) - len(widths)
    return full >= MIN_FULL_SHARE * len(widths) and holes <= MAX_HOLE_SHARE * len(span)


def _is_made_of_words(joined: str, ink: int, han: bool) -> bool:
    if sum(map(str.isalpha, joined)) < MIN_LETTER_SHARE * ink:
        return False
    return han or ink <= MAX_MEAN_TOKEN * len(joined.split())


def _starts_vary(texts: list[str]) -> bool:
    starts = [text[:PREFIX_CHARS] if text[0].isalnum() else text[0] for text in texts]
    repeated = sum(before == start for before, start in zip(starts, starts[1:], strict=False))
    return repeated <= MAX_REPEATED_STARTS * len(texts)

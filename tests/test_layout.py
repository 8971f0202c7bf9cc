"""``textfix.layout`` measures all lines at once; these properties hold it to the
per-line definitions of ``Line`` and of the estimated column width."""

from __future__ import annotations

import random
import re

from hypothesis import example, given
from hypothesis import strategies as st

from tests.layouts import extract, random_document, random_layout
from tests.strategies import any_text, corpus_document
from textfix.chars import (
    CJK_PUNCT,
    CLAUSE,
    CLOSERS,
    LAYOUT_SPACE,
    NO_LINE_START,
    OPENERS,
    SENTENCE_FINAL,
    display_width,
    is_unspaced,
)
from textfix.layout import (
    KEPT_INDENT_CELLS,
    MAX_COLUMN,
    MAX_SLACK_CELLS,
    MIN_COLUMN,
    MIN_SLACK_CELLS,
    NOISE_CELLS,
    PUNCT_CELL_MODELS,
    Line,
    Page,
    estimate_column,
    features,
    first_unit_width,
    hang,
    is_wider_than,
    read_page,
)

# Text shaped like extraction output, odd characters and layout whitespace included.
_LINE_SOUP = st.text(st.sampled_from("甲乙，。）(（)”“ab -\t\f\u3000\xa0\n1é·「」…ｱ"), max_size=200)


@st.composite
def extracted_page(draw: st.DrawFn) -> str:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = draw(st.booleans())
    return extract(random_document(rng, latin), random_layout(rng, latin), rng)


_CLOSERS = "".join(CLOSERS)
_FINAL = "[" + re.escape("".join(SENTENCE_FINAL)) + "]"
_CREDIT = re.compile(f"({_FINAL}) *（[^（]*）$|({_FINAL}) *\\([^(]*\\)$")

texts = st.one_of(extracted_page(), corpus_document(), any_text, _LINE_SOUP)


@given(texts)
@example("部署。（高美梅）\n会议 (a)\n结束。 (Reuters)\n“好。”\n")
def test_each_line_is_measured_as_defined(text: str) -> None:
    page = read_page(text)
    expected = []
    position, gap, after = 0, 0, "\n"
    for raw in text.split("\n"):
        content = raw.strip(LAYOUT_SPACE)
        if not content:
            gap += 1 + raw.count("\f")
        else:
            start = position + raw.index(content)
            end = start + len(content)
            marks = sum(1 for char in content if char in CJK_PUNCT)
            width = display_width(content) + (page.punct_cells - 1) * marks
            if len(content) > MAX_COLUMN:  # too long to measure: its length
                width, marks = len(content), 0
            line = page.lines[len(expected)]
            assert (line.start, line.end, line.width, line.marks) == (start, end, width, marks)
            assert line.gap == gap + raw.count("\f")
            lead = raw[: start - position].replace("\t", "    ").replace("\f", "")
            assert line.indent == display_width(lead)
            assert line.unit == first_unit_width(text, start, end, after)
            last = content[-1]
            assert line.hangs == (last in NO_LINE_START and is_unspaced(last))
            assert line.bare == (not any(char in CLAUSE | SENTENCE_FINAL for char in content))
            # Closing marks after the end: `。”`, `。）`; a bracketed credit: `。（高美梅）`.
            credit = _CREDIT.search(content)
            core = credit[1] or credit[2] if credit else content.rstrip(_CLOSERS) or content[0]
            assert line.final == (core[-1] in SENTENCE_FINAL)
            expected.append(line)
            gap, after = 0, last
        position += len(raw) + 1
    assert len(page.lines) == len(expected) == page.line_count
    for line in page.lines:
        assert page.width_at(line.start) == line.width


def _brute_force_column(page: Page, punct_cells: int) -> tuple[int, int]:
    """Every width tried in turn: breaks explained minus lines wider than the column."""
    lines = [
        line._replace(width=line.width + (punct_cells - page.punct_cells) * line.marks)
        for line in page.lines
    ]
    best = (0, 0, 0)  # score, width, explained
    for width in range(MIN_COLUMN, MAX_COLUMN + 1):
        explained = sum(
            1
            for a, b in zip(lines, lines[1:], strict=False)
            if a.width - hang(a, punct_cells) <= width < a.width + b.unit + NOISE_CELLS
        )
        wider = sum(1 for line in lines if line.width - hang(line, punct_cells) > width)
        if explained - wider > best[0]:
            best = (explained - wider, width, explained)
    return best[1], best[2]


@given(st.one_of(extracted_page(), _LINE_SOUP))
def test_the_column_explains_the_most_breaks(text: str) -> None:
    page = read_page(text)
    lines = page.lines
    for cells in PUNCT_CELL_MODELS:
        widths = [line.width + (cells - page.punct_cells) * line.marks for line in lines]
        units = [line.unit for line in lines]
        hangs = [line.hangs for line in lines]
        assert estimate_column(widths, units, hangs, cells) == _brute_force_column(page, cells)
    chosen = estimate_column(
        [line.width for line in lines],
        [line.unit for line in lines],
        [line.hangs for line in lines],
        page.punct_cells,
    )
    assert chosen == (page.column, page.explained)


def _defined_features(page: Page, a: Line, b: Line, starts_block: bool) -> tuple[float, ...]:
    """The features of the break between ``a`` and ``b`` as defined line by line
    (``textfix.layout.features`` computes them from facts gathered for all breaks)."""
    text, column = page.text, page.column_at(a)
    last, first = text[a.end - 1], text[b.start]

    def clip(value: float) -> float:
        return min(max(value, MIN_SLACK_CELLS / 2), MAX_SLACK_CELLS / 2)

    ends_final = float(a.final)
    ends_closer = float(last in CLOSERS and not ends_final)
    room = column - a.width - a.indent
    fits_next = float(room >= b.unit)
    cjk_a, cjk_b = float(is_unspaced(last)), float(is_unspaced(first))
    slack_a = cjk_a * clip(room / 2)
    slack_b = cjk_b * clip((column - b.width - b.indent) / 2)
    indent_b = cjk_b * float(1.5 <= slack_b <= 3.5)
    blank = float(b.gap > 0)
    wide_a = float(is_wider_than(text, a, column, page.punct_cells))
    wide_b = float(is_wider_than(text, b, column, page.punct_cells))
    bare_a, bare_b = float(a.bare), float(b.bare)
    latin_join = float(not is_unspaced(last) and not is_unspaced(first))
    block_start = float(starts_block)
    final_b = float(b.final)
    kept_indent_b = float(b.indent >= KEPT_INDENT_CELLS)
    head = text[b.start : min(b.end, b.start + 40)].lstrip("\"'_([“‘")
    return (
        1.0,
        ends_final,
        ends_closer,
        float(last in CLAUSE),
        slack_a,
        fits_next,
        slack_b,
        indent_b,
        blank,
        wide_a,
        wide_b,
        bare_a,
        bare_b,
        float(first in OPENERS),
        latin_join,
        ends_final * fits_next,
        ends_final * blank,
        ends_final * indent_b,
        bare_a * fits_next,
        ends_closer * indent_b,
        block_start,
        block_start * float(slack_a < 1.5 and is_unspaced(text[a.start])),
        indent_b * (1.0 - final_b),
        kept_indent_b,
        final_b,
        final_b * float(slack_b >= 1.5),
        block_start * float(1.5 <= slack_a <= 3.5) * (1.0 - ends_final - ends_closer),
        float(page.keeps_indents) * (1.0 - kept_indent_b),
        (1.0 - block_start) * cjk_a * float(last.isalpha() or last in OPENERS) * (1.0 - wide_a),
        latin_join * (1.0 - ends_final) * float(head[:1].islower()),
    )


@st.composite
def page_with_wide_articles(draw: st.DrawFn) -> str:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = draw(st.booleans())
    blocks = random_document(rng, latin, wide_articles=True)
    return extract(blocks, random_layout(rng, latin, fragmenting=True), rng)


@given(st.one_of(page_with_wide_articles(), extracted_page(), _LINE_SOUP, any_text))
@example("甲乙丙丁戊己庚辛壬癸甲乙丙丁，\n  “a” lower case\n(_b) 甲乙。\nｱｱｱｱｱｱｱｱｱｱｱｱｱｱｱｱ\n甲\n")
def test_break_features_follow_their_definitions(text: str) -> None:
    page = read_page(text)
    lines = page.lines
    facts = list(page.break_facts())
    assert len(facts) == max(len(lines) - 1, 0)
    for a, b, break_facts in zip(lines, lines[1:], facts, strict=False):
        for starts_block in (False, True):
            expected = _defined_features(page, a, b, starts_block)
            assert features(page, break_facts, starts_block) == expected

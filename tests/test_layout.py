"""``textfix.layout`` measures all lines at once; these properties hold it to the
per-line definitions of ``Line`` and of the estimated column width."""

from __future__ import annotations

import random
import re

import pytest
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
    MIN_NARROW_PAIRS,
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
        assert page.line_at(line.start) == line


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


# A page of a paper (as pdftotext read it) whose column is its widest articles'
# (25 Han), with an article set in a narrower column (12 Han) between them.
_WIDE_ARTICLE = (
    "赵建军指出，新的一年，无锡将始终紧抓对外开放\n"
    "“关键一招”，扎实开展世界500强企业、“专新美”公\n"
    "司、在锡外资企业“三个敲门行动”，积极推出支持外资\n"
    "企业利润再投、设立总部和功能性机构、增订单扩产能\n"
    "“三大升级举措”，壮大跨境电商、海外仓、保税维修等\n"
    "外贸“三种新兴业态”，服务稳牢对美出口、对欧出口、\n"
    "在海外重点地区设厂“三类外贸企业”，完善高质量建设\n"
    "境外园区、高水平提供法律服务、高效能链接跨国公司\n"
    "“三项出海政策”，全力推动开放平台提能级优布局、开\n"
    "放主体强矩阵增信心、外贸合作稳规模优结构、外资发展\n"
    "拓增量提质量，与广大外资企业一道在风浪中开新局、于\n"
    "变局中创未来。\n"
)
_NARROW_ARTICLE = (
    "本报讯 2月20日，市政\n"
    "府举行“无难事 悉心办”\n"
    "外资企业新春座谈会，邀请\n"
    "来自我市各板块的14位在锡\n"
    "重点外资企业高管畅谈合\n"
    "作、共话发展，同舟共济、\n"
    "共谋未来，面对面听取企业\n"
    "今年发展预期及有关意见建\n"
    "议。市长赵建军出席并讲\n"
    "话，副市长孙玮主持座谈\n"
    "会，市政府秘书长陈寿彬参\n"
    "加活动。\n"
)


def _lines_of(page: Page, part: str) -> list:
    start = page.text.index(part)
    return [line for line in page.lines if start <= line.start < start + len(part)]


def test_an_article_in_a_narrower_column_is_read_in_its_own() -> None:
    page = read_page(_WIDE_ARTICLE + "\n" + _NARROW_ARTICLE + "\n" + _WIDE_ARTICLE)
    narrow = _lines_of(page, _NARROW_ARTICLE)
    widest = max(line.width - hang(line, page.punct_cells) for line in narrow)
    assert {page.column_at(line) for line in narrow} == {widest}
    assert page.column - widest > 2 * NOISE_CELLS
    assert {page.column_at(line) for line in _lines_of(page, _WIDE_ARTICLE)} == {page.column}
    # Its full lines explain the breaks after them.
    full = [line for line in narrow[:-1] if line.width - widest >= -NOISE_CELLS]
    assert page.narrow_regions.explained == len(full) > len(narrow) // 2


def _stack(lines: list[str]) -> Page:
    return read_page(_WIDE_ARTICLE + "\n" + "\n".join(lines) + "\n\n" + _WIDE_ARTICLE)


# Lines of one width (12 Han) that end mid-clause on a Han character.
_OPEN_LINES = [
    "市委书记杜小刚，主持召开座",
    "谈会议强调要深，入学习贯彻",
    "讲话精神按照中，央经济工作",
    "会议关于开展人，工智能行动",
    "的部署和省委省，政府的要求",
]


def test_a_narrower_column_needs_min_narrow_pairs_pairs_of_full_lines() -> None:
    assert MIN_NARROW_PAIRS == 3
    assert not _stack(_OPEN_LINES[:3]).region_columns  # two pairs
    assert len(_stack(_OPEN_LINES[:4]).region_columns) == 4  # three pairs


@pytest.mark.parametrize(
    "lines",
    [
        [
            "会议听取了汇报内容。",
            "会议研究了有关事项。",
            "会议部署了下步工作。",
            "会议通过了有关决定。",
        ],
        [
            "稳中求进，开创新局，",
            "凝心聚力，共谋发展；",
            "砥砺前行，再创辉煌，",
            "同心协力，共创未来：",
        ],
        [
            "加强组织领导压实责任",
            "完善工作机制细化举措",
            "强化督促检查确保实效",
            "营造良好氛围凝聚合力",
        ],
        [
            "the city council met",
            "on monday, to report",
            "the river bridge plan",
            "to people, the report",
        ],
    ],
    ids=["sentences", "clauses", "bare", "latin"],
)
def test_equal_lines_that_end_no_wrapped_clause_show_no_column(lines: list[str]) -> None:
    # A typesetter breaks a CJK line anywhere, mostly between two Han characters;
    # a line ending on a mark or carrying none is a sentence, verse or heading, and
    # ragged Latin lines match in width by chance.
    assert not _stack(lines).region_columns


@given(texts)
def test_narrow_regions_are_narrower_than_the_page_column(text: str) -> None:
    page = read_page(text)
    regions = page.narrow_regions
    assert 0 <= regions.explained <= max(page.line_count - 1, 0)
    widths = {line.start: line.width - hang(line, page.punct_cells) for line in page.lines}
    for start, column in regions.columns.items():
        assert MIN_COLUMN <= column < page.column - 2 * NOISE_CELLS
        assert widths[start] <= column + NOISE_CELLS
        assert page.column_at(page.lines[0]._replace(start=start)) == column

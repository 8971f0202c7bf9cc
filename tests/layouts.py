"""A print-layout simulator: how hard-wrapped extracted text arises.

Clean paragraphs are typeset into columns the way a newspaper or report does it
(greedy line filling, two-em first-line indents, Chinese line-breaking rules:
punctuation never starts a line, so it hangs or pulls a character down; opening
brackets never end a line; Latin words wrap whole or hyphenated), then
"extracted" the way each extractor emits lines: blank lines only at column
breaks (pdftotext), at paragraph ends and column breaks (pdfminer.six), or none
(PyMuPDF, pypdf); or read back by an OCR engine (Tesseract): indents lost, a blank
line at every column break and at some paragraph ends (where the engine saw the
indent), and now and then a stray glyph from a speck or a column rule. Headlines
and bylines are placed as extraction order puts them.

Used by the reflow property tests and by ``tools/fit_reflow_weights.py``, which
fits the reflow rule's weights on these layouts. Pure ``random.Random``: no
hypothesis dependency, so the fit script can use it too.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from textfix.chars import CJK_PUNCT, NO_LINE_START, OPENERS, is_unspaced

EXTRACTORS = ("pdftotext", "pdfminer", "pymupdf", "ocr")
# Extractors that end a line at a wide justification gap.
FRAGMENTING = ("pdftotext", "pymupdf")
# Glyphs OCR makes of specks and column rules; never in generated clean text, so a
# reader of generated pages can tell them from content.
STRAY_GLYPHS = "|_"


@dataclass(frozen=True)
class Block:
    """A unit of the clean document: a body paragraph, or a standalone line."""

    text: str
    standalone: bool = False
    span: int = 1  # page columns the block is set across (a one-column article: 2–3)


@dataclass(frozen=True)
class Layout:
    column: int  # line capacity, print cells (Han 2, Latin 1)
    indent: int  # first-line indent of body paragraphs, cells
    column_height: int  # lines per column before a column break
    extractor: str
    hang_punct: bool  # hanging punctuation (else a character is pulled down)
    early_break_rate: float  # lines ended 1–2 characters early by the typesetter
    stray_space_rate: float  # lines that extraction starts with a space
    hyphenate: bool  # Latin words may be split with a hyphen at a line end
    compress_punct: float = 0.0  # chance that a CJK punctuation mark is set half-width
    keep_indent: bool = False  # the extractor keeps first-line indents as spaces
    paragraph_blank_rate: float = 0.0  # OCR: paragraph ends followed by a blank line
    stray_glyph_rate: float = 0.0  # OCR: lines with a stray glyph at their start or end
    # Justified Latin lines the extractor splits at their widest gaps (pdftotext and
    # PyMuPDF on narrow columns, where a few words are spread across the line).
    fragment_rate: float = 0.0


def _print_width(char: str, previous: str, compress: float, rng: random.Random) -> int:
    if char in CJK_PUNCT:
        # Punctuation is set half-width next to other punctuation and, in papers that
        # compress punctuation (标点挤压, the seed pages do), most of the time anyway.
        return 1 if previous in CJK_PUNCT or rng.random() < compress else 2
    return 2 if is_unspaced(char) else 1


def _tokens(paragraph: str) -> list[str]:
    """Units a typesetter will not split: Latin words/numbers, spaces, single characters."""
    tokens: list[str] = []
    word = ""
    for char in paragraph:
        if not is_unspaced(char) and not char.isspace() and char not in NO_LINE_START | OPENERS:
            word += char
            continue
        if word and char in ".,%" and not is_unspaced(char):
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


def _width(token: str, previous: str, layout: Layout, rng: random.Random) -> int:
    total = 0
    for char in token:
        total += _print_width(char, previous, layout.compress_punct, rng)
        previous = char
    return total


def wrap(paragraph: str, layout: Layout, rng: random.Random, span: int = 1) -> list[str]:
    """Typeset one paragraph into lines of at most ``layout.column`` cells (times ``span``)."""
    if span > 1:
        layout = Layout(**{**layout.__dict__, "column": layout.column * span})
    lines: list[str] = []
    line: list[str] = []
    used = layout.indent
    capacity = _line_capacity(layout, rng)
    tokens = _tokens(paragraph)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        previous = line[-1][-1] if line else ""
        width = _width(token, previous, layout, rng)
        if not line and token == " ":
            index += 1
            continue
        if used + width <= capacity:
            line.append(token)
            used += width
            index += 1
            continue
        if token in NO_LINE_START and line:
            if layout.hang_punct and used + 1 <= capacity + 1:
                line.append(token)
                index += 1
            elif len(line) > 1:
                line.pop()  # pull the last unit down with the punctuation
                index -= 1
        elif len(token) >= 7 and layout.hyphenate and capacity - used >= 5 and token.isalpha():
            cut = capacity - used - 2
            cut = min(cut, len(token) - 3)
            if cut >= 3:
                line.append(token[:cut] + "-")
                tokens[index] = token[cut:]
        elif "-" in token and not is_unspaced(token[0]):
            head = token[: token.index("-") + 1]
            if used + len(head) <= capacity:
                line.append(head)
                tokens[index] = token[len(head) :]
        while line and line[-1] in OPENERS and len(line) > 1:
            line.pop()  # an opening bracket travels to the next line
            index -= 1
        if not line:  # a unit wider than the column: it overflows on its own line
            line.append(token)
            index += 1
        lines.append("".join(line).rstrip(" "))
        line, used = [], 0
        capacity = _line_capacity(layout, rng)
    if line:
        lines.append("".join(line).rstrip(" "))
    return lines


def _line_capacity(layout: Layout, rng: random.Random) -> int:
    if rng.random() < layout.early_break_rate:
        return layout.column - rng.choice((2, 3, 4))
    return layout.column


COLUMN_BREAK = None  # marks where ``_emit`` starts a new column
_WORD_GAP = re.compile(r"(?<=\S) (?=\S)")  # between two words, not in an indent


def _fragments(line: str, layout: Layout, rng: random.Random) -> list[str]:
    """A justified Latin line as the extractor emits it: split at its widest gaps.

    Justification spreads a line's spare width over its gaps; the extractor reads a
    gap much wider than a space as the end of a text run and ends the line there.
    Which gaps are widest depends on the glyphs, so any of them may be.
    """
    gaps = [gap.start() for gap in _WORD_GAP.finditer(line)]
    if not gaps or is_unspaced(line[-1]) or rng.random() >= layout.fragment_rate:
        return [line]
    cuts = sorted(rng.sample(gaps, rng.randint(1, min(3, len(gaps)))))
    pieces = [
        line[start + 1 : end] for start, end in zip([-1, *cuts], [*cuts, len(line)], strict=True)
    ]
    return [piece for piece in pieces if piece]


def _emit(blocks: list[Block], layout: Layout, rng: random.Random) -> Iterator[str | None]:
    """Extracted lines in order, with ``COLUMN_BREAK`` where a column fills up."""
    in_column = 0
    for block in blocks:
        if block.standalone:
            lines = [block.text]
        else:
            lines = wrap(block.text, layout, rng, block.span)
            if layout.keep_indent and layout.indent:
                lines[0] = " " * layout.indent + lines[0]
        for index, printed in enumerate(lines):
            if in_column >= layout.column_height:
                yield COLUMN_BREAK
                in_column = 0
            # The last line of a paragraph is set ragged, not justified.
            justified = not block.standalone and index < len(lines) - 1
            for line in _fragments(printed, layout, rng) if justified else [printed]:
                if rng.random() < layout.stray_space_rate:
                    line = " " + line
                if rng.random() < layout.stray_glyph_rate:
                    stray = rng.choice(STRAY_GLYPHS)
                    line = stray + line if rng.random() < 0.5 else line + stray
                yield line
            in_column += 1
        if (
            layout.extractor == "pdfminer"
            or (block.standalone and layout.extractor != "pymupdf" and rng.random() < 0.5)
            or rng.random() < layout.paragraph_blank_rate
        ):
            yield ""


def extract(blocks: list[Block], layout: Layout, rng: random.Random) -> str:
    """The text an extractor emits for ``blocks`` typeset with ``layout``."""
    out: list[str] = []
    for line in _emit(blocks, layout, rng):
        if line is COLUMN_BREAK:
            if layout.extractor != "pymupdf":  # every extractor but PyMuPDF marks it
                out.append("")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def expected(blocks: list[Block]) -> str:
    """The repaired document: one paragraph or standalone line per line."""
    return "\n".join(block.text for block in blocks) + "\n"


# ---- random documents for fitting (hypothesis tests draw their own) ----

_CLAUSE_MARKS = "，，，、；："
_FINAL_MARKS = "。。。。。！？"


def _han(rng: random.Random, low: int, high: int) -> str:
    from tests.strategies import COMMON_HAN

    return "".join(rng.choice(COMMON_HAN) for _ in range(rng.randint(low, high)))


def _cjk_clause(rng: random.Random) -> str:
    from tests.strategies import LATIN_WORDS

    roll = rng.random()
    if roll < 0.08:
        return _han(rng, 1, 5) + str(rng.randint(1, 2099)) + _han(rng, 1, 6)
    if roll < 0.12:
        return _han(rng, 1, 5) + rng.choice(LATIN_WORDS).upper()[:4] + _han(rng, 1, 6)
    if roll < 0.18:
        return _han(rng, 1, 4) + "“" + _han(rng, 2, 6) + "”" + _han(rng, 0, 5)
    if roll < 0.22:
        return _han(rng, 2, 6) + "（" + _han(rng, 2, 6) + "）" + _han(rng, 0, 4)
    return _han(rng, 4, 24)


def cjk_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 5)):
        clauses = [_cjk_clause(rng) for _ in range(rng.randint(1, 5))]
        body = clauses[0] + "".join(rng.choice(_CLAUSE_MARKS) + c for c in clauses[1:])
        sentences.append(body + rng.choice(_FINAL_MARKS))
    return "".join(sentences)


def latin_paragraph(rng: random.Random) -> str:
    from tests.strategies import LATIN_WORDS

    compounds = ("well-known", "long-term", "self-made", "high-quality", "state-owned")
    sentences = []
    for _ in range(rng.randint(1, 6)):
        words = [
            rng.choice(compounds) if rng.random() < 0.03 else rng.choice(LATIN_WORDS)
            for _ in range(rng.randint(3, 18))
        ]
        words[0] = words[0].capitalize()
        for index in range(1, len(words) - 1):
            if rng.random() < 0.08:
                words[index] += ","
        sentences.append(" ".join(words) + rng.choice("....?!"))
    return " ".join(sentences)


def _cjk_headline(rng: random.Random) -> str:
    """Headlines carry no sentence punctuation; quotes and a spaced phrase are common."""
    roll = rng.random()
    if roll < 0.2:
        return "“" + _han(rng, 2, 6) + "”" + _han(rng, 4, 16)
    if roll < 0.3:
        return _han(rng, 2, 8) + "“" + _han(rng, 2, 6) + "”" + _han(rng, 2, 8)
    if roll < 0.4:
        return _han(rng, 3, 8) + " " + _han(rng, 3, 8)
    return _han(rng, 5, 24)


# Share of generated CJK articles set across several columns (mixed column widths).
# Few: a wide article whose width no two lines confirm looks like a run of
# headlines, and many of them teach the fit to trust headline evidence less (at
# 0.15 real headlines got joined to their bylines); 0.05 keeps it and still helps.
WIDE_ARTICLE_RATE = 0.05


def random_document(rng: random.Random, latin: bool, wide_articles: bool = False) -> list[Block]:
    """Articles with headlines (before or after the body), bylines and captions.

    ``wide_articles``: now and then a CJK article is set across two or three of the
    page's columns (the fit sees mixed column widths; other users keep their pages).
    """
    blocks: list[Block] = []
    for _ in range(rng.randint(1, 3)):
        wide = wide_articles and not latin and rng.random() < WIDE_ARTICLE_RATE
        span = rng.choice((2, 3)) if wide else 1
        body = [
            Block(latin_paragraph(rng) if latin else cjk_paragraph(rng), span=span)
            for _ in range(rng.randint(1, 5))
        ]
        if latin:
            headline = [
                Block(
                    " ".join(
                        rng.choice(("City", "River", "Council", "Plan", "New"))
                        for _ in range(rng.randint(2, 7))
                    ),
                    True,
                )
            ]
        else:
            headline = [Block(_cjk_headline(rng), True) for _ in range(rng.randint(1, 2))]
        byline = "（" + _han(rng, 2, 3) + "）"
        if not latin and rng.random() < 0.5:
            last = body[-1]
            body[-1] = Block(last.text + byline, span=span)
        elif not latin and rng.random() < 0.5:
            body.append(Block(byline, True))
        if rng.random() < 0.6:
            blocks.extend(body + headline)
        else:
            blocks.extend(headline + body)
    return blocks


def random_layout(rng: random.Random, latin: bool, fragmenting: bool = False) -> Layout:
    """A random page layout; ``fragmenting``: justified Latin lines may come out split."""
    extractor = rng.choice(EXTRACTORS)
    ocr = extractor == "ocr"
    return Layout(
        column=rng.randint(50, 90) if latin else 2 * rng.randint(9, 24),
        indent=rng.choice((0, 2, 4)) if latin else 4,
        column_height=rng.randint(6, 60),
        extractor=extractor,
        hang_punct=rng.random() < 0.7,
        early_break_rate=rng.choice((0.0, 0.03, 0.08)),
        stray_space_rate=0.0 if ocr else rng.choice((0.0, 0.02)),
        hyphenate=latin and rng.random() < 0.5,
        keep_indent=not ocr and rng.random() < 0.2,
        compress_punct=rng.choice((0.0, 0.5, 0.9)),
        # An engine that reads the indent as a paragraph start marks some of them.
        paragraph_blank_rate=rng.choice((0.0, 0.3, 0.7)) if ocr else 0.0,
        stray_glyph_rate=0.01 if ocr else 0.0,
        fragment_rate=rng.choice((0.0, 0.1, 0.25))
        if fragmenting and latin and extractor in FRAGMENTING
        else 0.0,
    )


# ---- pages with furniture (running heads, feet, page numbers) ----


@dataclass(frozen=True)
class Furniture:
    """What every page prints besides the text; templates take {page}, {pages}, {date}."""

    head: str  # running head ("" for none)
    number: str  # page number form
    foot: str  # running foot ("" for none)
    number_at_top: bool
    columns_per_page: int
    first_page: int
    dates: tuple[str, ...]  # the issue date of each page (equal in one issue)


@dataclass(frozen=True)
class PagedText:
    """Extracted pages; ``furniture`` holds the spans of the furniture lines in ``text``."""

    text: str
    furniture: tuple[tuple[int, int], ...]
    pages: int

    @classmethod
    def from_lines(cls, lines: list[str], furniture_lines: list[int], pages: int) -> PagedText:
        """Join ``lines``; the furniture spans are those of the lines numbered in
        ``furniture_lines`` (a leading form feed is a page mark, not furniture)."""
        offsets, position = [], 0
        for line in lines:
            offsets.append(position)
            position += len(line) + 1
        spans = tuple(
            (offsets[i] + lines[i].startswith("\f"), offsets[i] + len(lines[i]))
            for i in furniture_lines
        )
        return cls("\n".join(lines) + "\n", spans, pages)


_CJK_HEADS = ("{paper}日报 {date}", "{date} {paper}晚报 要闻", "{paper}日报  {date}  第{page}版")
_LATIN_HEADS = ("The {paper} Review  {date}", "Annual Report {year}", "{paper} Quarterly")
_NUMBERS = ("第{page}版", "- {page} -", "Page {page} of {pages}", "{page}/{pages}", "— {page} —")
_FOOTS = ("", "", "http://epaper.{site}.cn", "www.{site}.com", "责任编辑 {editor} 版式 {editor}")


def random_furniture(rng: random.Random, latin: bool, pages: int = 12) -> Furniture:
    paper = _han(rng, 2, 2) if not latin else rng.choice(("River", "City", "Harbour"))
    year, month, day = rng.randint(2001, 2030), rng.randint(1, 12), rng.randint(1, 20)
    daily = rng.random() < 0.3
    if latin:
        dates = tuple(f"March {day + n}, {year}" for n in (range(pages) if daily else [0] * pages))
    else:
        weekdays = "一二三四五六日"
        dates = tuple(
            f"{year}年{month}月{day + n}日 星期{weekdays[(day + n) % 7]}"
            for n in (range(pages) if daily else [0] * pages)
        )
    head = rng.choice(_LATIN_HEADS if latin else _CJK_HEADS)
    number = rng.choice(_NUMBERS[2:] if latin else _NUMBERS) if rng.random() < 0.85 else "{page}"
    return Furniture(
        head=head.replace("{paper}", paper).replace("{year}", str(year)),
        number=number,
        foot=rng.choice(_FOOTS).format(
            site=rng.choice(("wxrb", "cs", "river", "news")), editor=_han(rng, 2, 3)
        ),
        number_at_top=rng.random() < 0.3,
        columns_per_page=rng.randint(1, 3),
        first_page=rng.randint(1, 20),
        dates=dates,
    )


def set_in_columns(blocks: list[Block], layout: Layout, rng: random.Random) -> list[list[str]]:
    """The lines of each column the blocks fill, in reading order."""
    columns: list[list[str]] = [[]]
    for line in _emit(blocks, layout, rng):
        if line is COLUMN_BREAK:
            columns.append([])
        else:
            columns[-1].append(line)
    return columns


def extract_pages(
    blocks: list[Block], layout: Layout, furniture: Furniture | None, rng: random.Random
) -> PagedText:
    """Pages of ``furniture.columns_per_page`` columns, each with its furniture.

    pdftotext starts every page after the first with a form feed and sets blocks
    (head, each column, foot) apart with blank lines; the other extractors mark
    neither pages nor blocks beyond their own conventions. Without ``furniture``
    the pages are still marked (pdftotext) but carry nothing else.
    """
    columns = set_in_columns(blocks, layout, rng)
    per_page = furniture.columns_per_page if furniture else 2
    pages = [columns[n : n + per_page] for n in range(0, len(columns), per_page)]
    marked = layout.extractor == "pdftotext"
    gap = [] if layout.extractor == "pymupdf" else [""]
    out: list[str] = []
    spans: list[int] = []  # indices into ``out`` of furniture lines

    def add(line: str, is_furniture: bool) -> None:
        if is_furniture:
            spans.append(len(out))
        out.append(line)

    for number, page in enumerate(pages):
        start = len(out)
        top: list[str] = []
        bottom: list[str] = []
        if furniture:
            values = {
                "page": str(furniture.first_page + number),
                "pages": str(furniture.first_page + len(pages) - 1),
                "date": furniture.dates[number % len(furniture.dates)],
            }
            head = furniture.head.format(**values) if furniture.head else ""
            numeral = furniture.number.format(**values)
            top = [head] if head else []
            bottom = [furniture.foot] if furniture.foot else []
            (top if furniture.number_at_top else bottom).append(numeral)
        for line in top:
            add(line, True)
            out.extend(gap)
        for index, column in enumerate(page):
            if index:
                out.extend(gap)
            out.extend(column)
        for line in bottom:
            out.extend(gap)
            add(line, True)
        if marked and number and len(out) > start:
            out[start] = "\f" + out[start]
    return PagedText.from_lines(out, spans, len(pages))


def random_extractions(count: int) -> list[str]:
    """``count`` extracted pages of random documents and layouts (seeds 0 to count - 1),
    every third one Latin."""
    pages = []
    for seed in range(count):
        rng = random.Random(seed)
        latin = seed % 3 == 0
        document, layout = random_document(rng, latin), random_layout(rng, latin)
        pages.append(extract(document, layout, rng))
    return pages

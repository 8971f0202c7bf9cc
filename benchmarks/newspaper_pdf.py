"""Build newspaper-like PDFs from clean articles, so that real extractors produce real damage.

The pages imitate a printed daily: a running head and a footer with the page number on every
page; each article has a headline and a subtitle spanning the page, a byline, body text set in
2–4 narrow columns with a first-line indent of two em (columns and pages break mid-paragraph);
Chinese line-breaking rules (no closing punctuation at a line start) and hyphenated Latin words at
line ends; a photo box with a caption in fake bold: every font run drawn twice, the second time
shifted by a fraction of a point, the way e-paper PDFs produce doubled text when extracted.

``build_newspaper_pdf`` returns the path and the gold text: the articles as textfix should
restore them, one paragraph (or title) per line in the order they are drawn (by default the
titles after the body, as in the seed e-paper pages), page furniture left out (it is returned
apart, for tests of furniture removal). ``NewspaperPdf.gold_as_read`` puts each article's titles
where an extractor read them, the order a repair must keep.

WenQuanYi Micro Hei maps a few glyphs from both a unified and a compatibility ideograph, and
the ToUnicode map written for it picks the latter: extractors read 力 back as U+F98A. Real
e-paper PDFs show the same artifact; the benchmark counts it, NFC undoes it.

Needs PyMuPDF (``pip install -e '.[bench]'``) and, for Chinese, a CJK TrueType font
(``benchmarks/setup_system.sh`` installs one); ``find_cjk_font`` says whether there is one.
"""

from __future__ import annotations

import math
import subprocess
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .texts import Article

# Fonts tried in order: the small WenQuanYi Micro Hei first, then Noto CJK (TrueType collections
# that PyMuPDF embeds with a ToUnicode map, so every extractor can read them back).
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)
_BODY_FONT = "body"
_RUN_LATIN_FONT = "helv"  # a base-14 font, so that fake-bold runs switch fonts as in e-papers

# Characters that Chinese typesetting keeps off a line start (they are pushed back with the
# character before them) and off a line end (they move to the next line).
NO_LINE_START = frozenset("，。、；：？！）」』》〉】”’…—·%,.;:?!)]")
NO_LINE_END = frozenset("（「『《〈【“‘([")
# At most this many characters are pushed to the next line to satisfy the rules above; two
# covers a closing quote after a full stop (“。”), the longest case in running text.
MAX_PUSHED = 2
# A Latin word at least this long may be hyphenated at a line end, keeping at least
# HYPHEN_KEEP letters on each side (the usual minimum in newspaper typesetting).
HYPHENATE_MIN_LETTERS = 7
HYPHEN_KEEP = 3
# A justified Latin line spreads its word spaces to at most this many times a normal
# space; a line that would need more is set loose at that spacing, ragged at the right,
# as newspaper typesetting does (word spacing limits of 133-200 %, hyphenation for the
# rest). Unlimited spreading put gaps of 19 spaces into four-column pages, which split
# lines into word boxes in ways no real page does.
MAX_SPACE_STRETCH = 3.0

_TOKEN = regex.compile(r"\s+|[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]|[^\s]")
_RUN = regex.compile(r"\p{Han}+|[A-Za-z0-9]+|\s+|.")


@dataclass(frozen=True)
class Layout:
    """Page geometry and type sizes, in PDF points."""

    page_width: float = 595.0  # A4
    page_height: float = 842.0
    margin: float = 36.0
    gutter: float = 12.0
    body_size: float = 10.0
    # 1.3 × the body size, as in newspapers. Looser leading (15 pt) makes pdftotext split each
    # column in two blocks and read the lower halves after all upper halves.
    line_height: float = 13.0
    headline_size: float = 20.0
    subtitle_size: float = 13.0
    byline_size: float = 9.0
    caption_size: float = 9.0
    furniture_size: float = 8.0
    photo_height: float = 70.0
    article_gap: float = 18.0
    fake_bold_offset: float = 0.4  # the second pass of a fake-bold run, shifted right
    columns: Sequence[int] = (3,)  # column count per article, cycled
    # Draw headline, subtitle and byline after the body (they still appear above it), as the
    # e-paper PDFs of the seed corpus do: extractors that follow the drawing order then read
    # the titles after the body, and the gold keeps that order.
    titles_last: bool = True

    @property
    def body_top(self) -> float:
        return self.margin + 2 * self.furniture_size + 6

    @property
    def body_bottom(self) -> float:
        return self.page_height - self.margin - 2 * self.furniture_size


@dataclass(frozen=True)
class Furniture:
    """Running head and footer text; ``{page}`` is replaced by the page number."""

    head_left: str
    head_right: str
    footer: str
    page_number: str


CJK_FURNITURE = Furniture(
    "锡城日报 · 要闻", "2025年2月21日 星期五", "责任编辑 王明  美术编辑 李华", "A{page}"
)
LATIN_FURNITURE = Furniture(
    "THE DAILY COURIER · News", "Friday, February 21, 2025", "Editor: Anna Reed", "Page {page}"
)


@dataclass(frozen=True)
class NewspaperPdf:
    """A built PDF: its path, the gold text (one paragraph per line) and the furniture drawn."""

    path: Path
    gold: str
    furniture: tuple[str, ...]
    pages: int
    articles: tuple[Article, ...] = ()

    def gold_as_read(self, extracted: str) -> str:
        """The gold with each article's titles where ``extracted`` reads them.

        The PDF draws titles after the body (``Layout.titles_last``) but prints them above
        it: extractors that follow the drawing order read them last, those that follow the
        page geometry (pdftotext, Tesseract) read them first. Document order as extracted
        is what textfix keeps (it never moves a headline), so that is the order to score.
        """
        if not self.articles:
            return self.gold
        lines = []
        for article in self.articles:
            before = paragraphs_before_titles(article, extracted)
            cut = characters_before_titles(article, extracted, before)
            lines.extend(article.gold_lines(titles_after=before, cut=cut))
        return "\n".join(lines)


@dataclass
class _Line:
    pieces: list[str]  # tokens, spaces included between Latin words
    indent: float
    last_of_paragraph: bool


@dataclass
class _Writer:
    """Draws on the current page and opens new ones with their furniture."""

    doc: Any
    layout: Layout
    furniture: Furniture
    font_path: str
    drawn_furniture: list[str] = field(default_factory=list)
    page: Any = None
    y: float = 0.0

    def new_page(self) -> None:
        import pymupdf

        layout = self.layout
        self.page = self.doc.new_page(width=layout.page_width, height=layout.page_height)
        self.page.insert_font(fontname=_BODY_FONT, fontfile=self.font_path)
        number = str(self.doc.page_count)
        top = layout.margin + layout.furniture_size
        right = layout.page_width - layout.margin
        self.text(layout.margin, top, self.furniture.head_left, layout.furniture_size)
        self.text_right(right, top, self.furniture.head_right, layout.furniture_size)
        self.page.draw_line(
            pymupdf.Point(layout.margin, top + 4), pymupdf.Point(right, top + 4), width=0.5
        )
        bottom = layout.page_height - layout.margin
        page_number = self.furniture.page_number.format(page=number)
        self.text(layout.margin, bottom, self.furniture.footer, layout.furniture_size)
        self.text_right(right, bottom, page_number, layout.furniture_size)
        self.drawn_furniture += [
            self.furniture.head_left,
            self.furniture.head_right,
            self.furniture.footer,
            page_number,
        ]
        self.y = layout.body_top

    def width(self, text: str, size: float, font: str = _BODY_FONT) -> float:
        import pymupdf

        if font == _RUN_LATIN_FONT:
            return pymupdf.get_text_length(text, fontname=font, fontsize=size)
        return _font(self.font_path).text_length(text, fontsize=size)

    def text(self, x: float, baseline: float, text: str, size: float, font: str = _BODY_FONT):
        self.page.insert_text((x, baseline), text, fontsize=size, fontname=font)

    def text_right(self, right: float, baseline: float, text: str, size: float) -> None:
        self.text(right - self.width(text, size), baseline, text, size)

    def room(self) -> float:
        return self.layout.body_bottom - self.y


def find_cjk_font() -> str | None:
    """Path of a CJK TrueType font on this machine, or None."""
    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if found.lower().endswith((".ttf", ".ttc")) and Path(found).exists() else None


_FONTS: dict[str, Any] = {}


def _font(path: str) -> Any:
    import pymupdf

    if path not in _FONTS:
        _FONTS[path] = pymupdf.Font(fontfile=path)
    return _FONTS[path]


def build_newspaper_pdf(
    articles: Sequence[Article],
    path: str | Path,
    *,
    layout: Layout | None = None,
    furniture: Furniture | None = None,
    font_path: str | None = None,
) -> NewspaperPdf:
    """Typeset ``articles`` into a multi-page, multi-column PDF at ``path``.

    ``furniture`` defaults to Chinese running heads when any article contains Han characters.
    Raises ``RuntimeError`` with the fix when PyMuPDF or a font for the text is missing.
    """
    try:
        import pymupdf
    except ImportError:
        raise RuntimeError("PyMuPDF is not installed: pip install -e '.[bench]'") from None
    layout = layout or Layout()
    is_chinese = any(regex.search(r"\p{Han}", line) for a in articles for line in a.gold_lines())
    font_path = font_path or find_cjk_font()
    if font_path is None:
        raise RuntimeError("no CJK font found: run benchmarks/setup_system.sh (fonts-wqy-microhei)")
    furniture = furniture or (CJK_FURNITURE if is_chinese else LATIN_FURNITURE)
    doc = pymupdf.open()
    writer = _Writer(doc, layout, furniture, font_path)
    writer.new_page()
    for index, article in enumerate(articles):
        columns = layout.columns[index % len(layout.columns)]
        _place_article(writer, article, columns)
    path = Path(path)
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    pages = doc.page_count
    doc.close()
    gold = "\n".join(
        line
        for article in articles
        for line in article.gold_lines(
            titles_after=len(article.paragraphs) if layout.titles_last else 0
        )
    )
    return NewspaperPdf(path, gold, tuple(writer.drawn_furniture), pages, tuple(articles))


# Characters of a paragraph's start searched for in the extracted text: long enough to span
# several font runs, so that a fake-bold caption quoting the paragraph (each run doubled)
# does not match it, and to be unique on a page.
_ANCHOR_CHARS = 24
# Fuzzy matches scoring below this (rapidfuzz 0–100) are taken as not found: OCR misreads a
# character or two of an anchor; a lower score may be another sentence with shared words.
_MIN_ANCHOR_SCORE = 90
# Characters of a paragraph's start looked for exactly where its anchor is not found: an
# extractor that joins side-by-side columns line by line (pdfplumber's text) cuts the opening
# after its first column line, and the narrowest column holds 8 Han characters.
_SHORT_ANCHOR_CHARS = 8


def paragraphs_before_titles(article: Article, extracted: str) -> int:
    """How many of the article's body paragraphs ``extracted`` reads before its headline.

    Each paragraph is looked for by its opening words no further from the headline than
    the article is long: two articles may open paragraphs alike, and another article's
    paragraph must not count; where those are cut by another column's line (pdfplumber),
    by its first characters. Whitespace is
    ignored (layout modes pad lines; PyMuPDF drops some spaces), and so are
    compatibility forms (some fonts map 力 to U+F98A). Paragraphs that cannot be found
    do not count (pdfminer reorders the words of justified lines); when the headline or
    every paragraph cannot be found, the drawing order (titles last) is assumed.
    """
    if not article.headline or not article.paragraphs:
        return len(article.paragraphs)
    compact = _compact(extracted)
    headline = _position(_compact(article.headline)[:_ANCHOR_CHARS], compact)
    if headline is None:
        return len(article.paragraphs)
    # An article is read within its own length of its headline, wherever its titles go.
    reach = len(_compact("".join(article.gold_lines())))
    found = [_opening(paragraph, compact, headline, reach) for paragraph in article.paragraphs]
    if all(position is None for position in found):
        return len(article.paragraphs)
    return sum(position is not None and position < headline for position in found)


def characters_before_titles(article: Article, extracted: str, before: int) -> int:
    """How many characters of the last of the ``before`` paragraphs ``extracted`` reads
    before the article's headline: 0 unless that paragraph closes after the headline.

    A paragraph that runs on to the next page is read in two parts by an extractor that
    reads each page's titles after its body: the part on the page of the titles, then the
    titles, then the rest. The cut is where the text just before the headline ends in the
    paragraph, moved on to the next word space (a word hyphenated there stays whole).
    """
    if not before or not article.headline:
        return 0
    compact = _compact(extracted)
    headline = _position(_compact(article.headline)[:_ANCHOR_CHARS], compact)
    if headline is None:
        return 0
    paragraph = article.paragraphs[before - 1]
    opening = _compact(paragraph)
    reach = len(_compact("".join(article.gold_lines())))
    closing = opening[-_ANCHOR_CHARS:]
    closes_after = _position(closing, compact[headline:], reach=reach)
    closes_before = _position(closing, compact[max(0, headline - reach) : headline], reach=reach)
    if closes_after is None or closes_before is not None:
        return 0
    read = _span(compact[max(0, headline - _ANCHOR_CHARS) : headline], opening)
    return 0 if read is None else _uncompacted_offset(paragraph, read[1])


def _uncompacted_offset(paragraph: str, compact_chars: int) -> int:
    """The offset in ``paragraph`` after ``compact_chars`` characters of its compact form,
    moved on to the end of the word when that falls inside a Latin word."""
    offset = counted = 0
    while offset < len(paragraph) and counted < compact_chars:
        counted += len(_compact(paragraph[offset]))
        offset += 1
    inside_word = 0 < offset < len(paragraph) and not (
        paragraph[offset - 1 : offset + 1].isspace() or " " in paragraph[offset - 1 : offset + 1]
    )
    if inside_word and paragraph[offset - 1 : offset + 1].isascii():
        space = paragraph.find(" ", offset)
        return len(paragraph) if space < 0 else space
    return offset


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _opening(paragraph: str, text: str, near: int, reach: int) -> int | None:
    """Where ``paragraph`` opens in ``text`` (compacted), within ``reach`` of ``near``: by its
    anchor, else by the exact first ``_SHORT_ANCHOR_CHARS`` of it."""
    opening = _compact(paragraph)
    found = _position(opening[:_ANCHOR_CHARS], text, near=near, reach=reach)
    if found is None:
        short = text.find(opening[:_SHORT_ANCHOR_CHARS], max(0, near - reach), near + reach)
        found = None if short < 0 else short
    return found


def _position(anchor: str, text: str, near: int = 0, reach: int | None = None) -> int | None:
    """Where ``anchor`` starts in ``text``, looked for within ``reach`` characters of
    ``near`` (everywhere when ``reach`` is None): exactly, at the first occurrence there
    (a caption quoting a paragraph's opening comes after it), else by the best fuzzy
    alignment there."""
    span = _span(anchor, text, near, reach)
    return None if span is None else span[0]


def _span(
    anchor: str, text: str, near: int = 0, reach: int | None = None
) -> tuple[int, int] | None:
    """Where ``anchor`` starts and ends in ``text``, as ``_position`` finds it."""
    low = 0 if reach is None else max(0, near - reach)
    high = len(text) if reach is None else near + reach
    exact = text.find(anchor, low, high)
    if exact >= 0:
        return exact, exact + len(anchor)
    found = fuzz.partial_ratio_alignment(anchor, text[low:high])
    if found is None or found.score < _MIN_ANCHOR_SCORE:
        return None
    # The aligned window is as long as the anchor; text beside the anchor's ends that it
    # only holds because the anchor gained or lost a character (a hyphen) is not matched.
    start = low + found.dest_start
    window = text[start : low + found.dest_end]
    matched = [op for op in Levenshtein.opcodes(anchor, window) if op.tag != "insert"]
    return start + matched[0].dest_start, start + matched[-1].dest_end


def _place_article(writer: _Writer, article: Article, columns: int) -> None:
    layout = writer.layout
    full_width = layout.page_width - 2 * layout.margin
    column_width = (full_width - (columns - 1) * layout.gutter) / columns
    body = [
        line
        for paragraph in article.paragraphs
        for line in _break_paragraph(writer, paragraph, column_width, layout.body_size)
    ]
    titles = [
        (article.headline, layout.headline_size),
        (article.subtitle, layout.subtitle_size),
        (article.byline, layout.byline_size),
    ]
    title_lines = [
        (line, size)
        for text, size in titles
        if text
        for line in _break_plain(writer, text, full_width, size)
    ]
    header_height = sum(size * 1.4 for _, size in title_lines) + layout.line_height * 0.5
    min_body_lines = 3
    if writer.room() < header_height + min_body_lines * layout.line_height:
        writer.new_page()
    header_page, header_top = writer.doc.page_count - 1, writer.y
    writer.y += header_height
    if not layout.titles_last:
        _draw_titles(writer, header_page, header_top, title_lines)
    _flow_columns(writer, body, columns, column_width)
    if layout.titles_last:
        _draw_titles(writer, header_page, header_top, title_lines)
    _place_caption(writer, article.caption, full_width)
    writer.y += layout.article_gap


def _draw_titles(
    writer: _Writer, page_number: int, top: float, title_lines: list[tuple[str, float]]
) -> None:
    # The body may have run on to later pages: reload the page the article began on.
    page = writer.page if page_number == writer.doc.page_count - 1 else writer.doc[page_number]
    margin = writer.layout.margin
    for line, size in title_lines:
        top += size * 1.2
        page.insert_text((margin, top), line, fontsize=size, fontname=_BODY_FONT)
        top += size * 0.2


def _flow_columns(writer: _Writer, lines: list[_Line], columns: int, column_width: float) -> None:
    layout = writer.layout
    while lines:
        fits = int(writer.room() // layout.line_height)
        if fits < 2:
            writer.new_page()
            continue
        if len(lines) <= fits * columns:
            per_column = math.ceil(len(lines) / columns)
        else:
            per_column = fits
        for column in range(columns):
            x = layout.margin + column * (column_width + layout.gutter)
            chunk = lines[column * per_column : (column + 1) * per_column]
            for row, line in enumerate(chunk):
                baseline = writer.y + (row + 1) * layout.line_height - 3
                _draw_body_line(writer, line, x, baseline, column_width)
        placed = min(len(lines), per_column * columns)
        lines = lines[placed:]
        if lines:
            writer.new_page()
        else:
            writer.y += per_column * layout.line_height


def _draw_body_line(writer: _Writer, line: _Line, x: float, baseline: float, width: float) -> None:
    size = writer.layout.body_size
    words = "".join(line.pieces).split(" ")
    justify = len(words) > 1 and not line.last_of_paragraph and not _has_han(line.pieces)
    if not justify:
        writer.text(x + line.indent, baseline, "".join(line.pieces), size)
        return
    natural = sum(writer.width(word, size) for word in words)
    widest = MAX_SPACE_STRETCH * writer.width(" ", size)
    gap = min((width - line.indent - natural) / (len(words) - 1), widest)
    position = x + line.indent
    for word in words:
        writer.text(position, baseline, word, size)
        position += writer.width(word, size) + gap


def _place_caption(writer: _Writer, caption: str, width: float) -> None:
    if not caption:
        return
    layout = writer.layout
    import pymupdf

    caption_lines = _break_plain(writer, caption, width, layout.caption_size)
    needed = layout.photo_height + len(caption_lines) * layout.line_height + 6
    if writer.room() < needed:
        writer.new_page()
    box = pymupdf.Rect(
        layout.margin, writer.y, layout.margin + width, writer.y + layout.photo_height
    )
    writer.page.draw_rect(box, color=(0.6, 0.6, 0.6), fill=(0.85, 0.85, 0.85))
    writer.y += layout.photo_height + 4
    for line in caption_lines:
        writer.y += layout.line_height
        _draw_fake_bold(writer, line, layout.margin, writer.y - 3)


def _draw_fake_bold(writer: _Writer, line: str, x: float, baseline: float) -> None:
    """Draw each font run twice, the second shifted: how e-papers imitate bold type."""
    size = writer.layout.caption_size
    offset = writer.layout.fake_bold_offset
    for run in _RUN.findall(line):
        font = _RUN_LATIN_FONT if run.isascii() and run.isalnum() else _BODY_FONT
        if not run.isspace():
            writer.text(x, baseline, run, size, font)
            writer.text(x + offset, baseline, run, size, font)
        x += writer.width(run, size, font)


def _has_han(pieces: Sequence[str]) -> bool:
    return any(regex.match(r"\p{Han}", piece) for piece in pieces)


def _break_plain(writer: _Writer, text: str, width: float, size: float) -> list[str]:
    return ["".join(line.pieces) for line in _break_lines(writer, text, width, size, indent=0.0)]


def _break_paragraph(writer: _Writer, text: str, width: float, size: float) -> list[_Line]:
    return list(_break_lines(writer, text, width, size, indent=2 * size))


def _break_lines(
    writer: _Writer, text: str, width: float, size: float, *, indent: float
) -> Iterator[_Line]:
    """Greedy line breaking with Chinese kinsoku rules and Latin hyphenation."""
    tokens = _TOKEN.findall(text)
    tokens = _merge_latin_words(tokens)
    line: list[str] = []
    used = 0.0
    first = True
    position = 0
    while position < len(tokens):
        token = tokens[position]
        available = width - (indent if first else 0.0)
        token_width = writer.width(token, size)
        if token.isspace():
            if line:
                line.append(" ")
                used += token_width
            position += 1
            continue
        if used + token_width <= available or not line:
            line.append(token)
            used += token_width
            position += 1
            continue
        split = _hyphenate(writer, token, available - used, size)
        if split is not None:
            head, tail = split
            line.append(head + "-")
            tokens[position] = tail
        else:
            pushed = _pushed_back(line, token)
            if pushed:
                position -= pushed
                del line[-pushed:]
        yield _Line(_trimmed(line), indent if first else 0.0, last_of_paragraph=False)
        first = False
        line, used = [], 0.0
    if line:
        yield _Line(_trimmed(line), indent if first else 0.0, last_of_paragraph=True)


def _merge_latin_words(tokens: list[str]) -> list[str]:
    """Join consecutive non-CJK, non-space tokens into words (a word is never broken)."""
    merged: list[str] = []
    for token in tokens:
        mergeable = not token.isspace() and not _is_cjk(token)
        if mergeable and merged and not merged[-1].isspace() and not _is_cjk(merged[-1]):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _is_cjk(token: str) -> bool:
    return bool(
        regex.fullmatch(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]", token)
    )


def _pushed_back(line: list[str], next_token: str) -> int:
    """How many tokens to move from the end of ``line`` so the next line starts legally."""
    pushed = 0
    if next_token[0] in NO_LINE_START:
        while pushed < MAX_PUSHED and len(line) - pushed > 1:
            pushed += 1
            if line[-pushed][0] not in NO_LINE_START:
                break
    if len(line) - pushed > 1 and line[-pushed - 1][-1] in NO_LINE_END:
        pushed += 1
    return pushed


def _hyphenate(writer: _Writer, word: str, room: float, size: float) -> tuple[str, str] | None:
    letters = word.rstrip(",.;:!?)’”")
    if len(letters) < HYPHENATE_MIN_LETTERS or not letters.isalpha() or not letters.isascii():
        return None
    for cut in range(len(letters) - HYPHEN_KEEP, HYPHEN_KEEP - 1, -1):
        if writer.width(word[:cut] + "-", size) <= room:
            return word[:cut], word[cut:]
    return None


def _trimmed(line: list[str]) -> list[str]:
    while line and line[-1].isspace():
        line = line[:-1]
    return line

"""Build report- or manual-like PDFs: wrapped prose among lines no typesetter wrapped.

A Chinese report, thesis or manual sets its body in one column, mixed Han and Latin
text (product names, commands) in one font whose Latin glyphs are proportional, each
paragraph with a two-em first-line indent; among the paragraphs stand a table of
contents (entries filled to the margin with leader dots, the page number at the end),
numbered section headings and code listings in a monospaced font, one command per
line. Extracted, the listings, entries and headings can outnumber the wrapped lines:
the text is not wrapped as a whole, only its paragraphs are.

``build_report_pdf`` draws such a document with ``newspaper_pdf``'s typesetting
(greedy line breaking with Chinese line-breaking rules, running heads and page
numbers on every page) and returns it as a ``NewspaperPdf``: the gold is every
heading, contents entry and code line as drawn and every paragraph on one line, in
drawing order, page furniture left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .newspaper_pdf import (
    _BODY_FONT,
    Furniture,
    Layout,
    NewspaperPdf,
    _break_paragraph,
    _draw_body_line,
    _Writer,
    find_cjk_font,
)
from .texts import Article

# Latin names a Chinese manual mentions, set without spaces beside Han characters.
TERMS = ("TeX Live", "Windows", "GitHub", "Python", "macOS", "Overleaf", "CTAN", "Ubuntu")
# A listing: commands and what they print, short lines set one per line.
LISTING = (
    "$ tlmgr update --self --all",
    "tlmgr: package repository https://mirrors.ctan.org/systems/texlive/tlnet",
    "tlmgr: saving backups to /usr/local/texlive/2025/tlpkg/backups",
    "[1/3] update: ctex [1424k]",
    "[2/3] update: xecjk [612k]",
    "running mktexlsr ...",
    "$ xelatex -synctex=1 main.tex",
    "Output written on main.pdf (12 pages).",
    "$ export PATH=/usr/local/texlive/2025/bin:$PATH",
)
LISTING_LINES = len(LISTING)
# Subsections listed in the contents under each section.
SUBSECTIONS = ("下载与安装", "配置环境变量", "常见问题")
# A term goes after every this many clause marks of a paragraph: a few per paragraph.
TERM_EVERY = 3
REPORT_FURNITURE = Furniture("TeX Live 安装与使用指南", "第 1 版", "", "{page}")
_MONOSPACED_FONT = "cour"  # base-14 Courier, as listings are set
# The page number of a contents entry is set flush right in a box this wide (points),
# apart from the leader dots, as LaTeX sets it.
_PAGE_NUMBER_BOX = 24.0


@dataclass(frozen=True)
class Section:
    """A numbered section: its heading, body paragraphs and the listing after them."""

    title: str
    paragraphs: tuple[str, ...]
    listing: tuple[str, ...]


def report_sections(articles: Sequence[Article]) -> list[Section]:
    """Sections made of articles: the headline as heading, the body paragraphs with a
    Latin term after every ``TERM_EVERY`` clause marks, ``LISTING_LINES`` of ``LISTING``."""
    sections = []
    for index, article in enumerate(articles):
        paragraphs = tuple(_with_terms(paragraph, index) for paragraph in article.paragraphs)
        listing = tuple(LISTING[(index + k) % len(LISTING)] for k in range(LISTING_LINES))
        sections.append(Section(article.headline, paragraphs, listing))
    return sections


def _with_terms(paragraph: str, seed: int) -> str:
    pieces = paragraph.split("，")
    for k in range(TERM_EVERY, len(pieces), TERM_EVERY):
        pieces[k] = TERMS[(seed + k) % len(TERMS)] + pieces[k]
    return "，".join(pieces)


def build_report_pdf(
    sections: Sequence[Section],
    path: str | Path,
    *,
    layout: Layout | None = None,
    font_path: str | None = None,
) -> NewspaperPdf:
    """Typeset ``sections`` after a table of contents into a one-column PDF at ``path``.

    Raises ``RuntimeError`` with the fix when PyMuPDF or a CJK font is missing.
    """
    try:
        import pymupdf
    except ImportError:
        raise RuntimeError("PyMuPDF is not installed: pip install -e '.[bench]'") from None
    layout = layout or Layout()
    font_path = font_path or find_cjk_font()
    if font_path is None:
        raise RuntimeError("no CJK font found: run benchmarks/setup_system.sh (fonts-wqy-microhei)")
    doc = pymupdf.open()
    writer = _Writer(doc, layout, REPORT_FURNITURE, font_path)
    writer.new_page()
    width = layout.page_width - 2 * layout.margin
    headings = [f"{number} {section.title}" for number, section in enumerate(sections, 1)]
    gold = ["目录"]
    _draw_line(writer, "目录", layout.subtitle_size)
    entries = [
        (f"{number}.{sub} {title}" if sub else heading, str(number + 1))
        for number, heading in enumerate(headings, 1)
        for sub, title in enumerate(("", *SUBSECTIONS))
    ]
    for title, page in entries:
        entry = _contents_entry(writer, title, width - _PAGE_NUMBER_BOX)
        _draw_line(writer, entry, layout.body_size)
        writer.text_right(layout.page_width - layout.margin, writer.y, page, layout.body_size)
        gold.append(f"{entry} {page}")
    for heading, section in zip(headings, sections, strict=True):
        _draw_line(writer, heading, layout.subtitle_size)
        gold.append(heading)
        for paragraph in section.paragraphs:
            for line in _break_paragraph(writer, paragraph, width, layout.body_size):
                _next_line(writer, layout.line_height)
                _draw_body_line(writer, line, layout.margin, writer.y, width)
            gold.append(paragraph)
        for command in section.listing:
            _draw_line(writer, command, layout.byline_size, _MONOSPACED_FONT)
            gold.append(command)
    path = Path(path)
    doc.subset_fonts()
    doc.save(path, garbage=3, deflate=True)
    pages = doc.page_count
    doc.close()
    return NewspaperPdf(path, "\n".join(gold), tuple(writer.drawn_furniture), pages)


def _contents_entry(writer: _Writer, title: str, width: float) -> str:
    """``title`` and leader dots filling ``width``: a contents line without its page number."""
    size = writer.layout.body_size
    dots = ""
    while writer.width(f"{title}{dots} .", size) <= width:
        dots += " ."
    return f"{title}{dots}"


def _draw_line(writer: _Writer, text: str, size: float, font: str = _BODY_FONT) -> None:
    _next_line(writer, max(writer.layout.line_height, size * 1.4))
    writer.text(writer.layout.margin, writer.y, text, size, font)


def _next_line(writer: _Writer, height: float) -> None:
    """Move down one line of ``height``, to a new page when this one is full."""
    if writer.room() < height:
        writer.new_page()
    writer.y += height

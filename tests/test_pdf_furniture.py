"""Acceptance: a real PDF, typeset here, extracted by pdftotext, repairs to its paragraphs.

The PDF is a three-page, two-column CJK article with a dated running head, a page
label, a footer URL and page numbers, built with reportlab and a CJK font, then
extracted by pdftotext (poppler-utils). Skipped with the reason when either is missing.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

import textfix
from tests.layouts import Layout, cjk_paragraph, wrap

FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
PAGE_WIDTH, PAGE_HEIGHT = 595, 842
FONT_SIZE = 10
COLUMN_CHARS = 18  # Han characters per column line
COLUMN_LINES = 60
COLUMN_X = (50, 320)
TOP = 770
PAGES = 3


def _font() -> Path:
    for path in FONT_FILES:
        if path.exists():
            return path
    pytest.skip("no CJK font: apt-get install fonts-wqy-microhei")


def _require_tools() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found: apt-get install poppler-utils")
    pytest.importorskip("reportlab", reason="reportlab not installed: pip install reportlab")


def _article() -> list[str]:
    rng = random.Random(2025)
    return [cjk_paragraph(rng) for _ in range(40)]


def _typeset(paragraphs: list[str]) -> list[list[str]]:
    """Each paragraph's lines in a column of ``COLUMN_CHARS`` Han characters."""
    layout = Layout(
        column=2 * COLUMN_CHARS,
        indent=4,
        column_height=COLUMN_LINES,
        extractor="pdftotext",
        hang_punct=True,
        early_break_rate=0.0,
        stray_space_rate=0.0,
        hyphenate=False,
    )
    rng = random.Random(0)
    return [wrap(paragraph, layout, rng) for paragraph in paragraphs]


def _fill_pages(paragraphs: list[str]) -> tuple[list[str], list[list[tuple[str, bool]]]]:
    """The paragraphs that fit in the pages whole, and each column's (line, indented)."""
    capacity = 2 * PAGES * COLUMN_LINES
    kept: list[str] = []
    lines: list[tuple[str, bool]] = []
    for paragraph, wrapped in zip(paragraphs, _typeset(paragraphs), strict=True):
        if len(lines) + len(wrapped) > capacity:
            break
        kept.append(paragraph)
        lines.extend((line, number == 0) for number, line in enumerate(wrapped))
    columns = [lines[n : n + COLUMN_LINES] for n in range(0, len(lines), COLUMN_LINES)]
    return kept, columns


def _build_pdf(path: Path, font: Path, columns: list[list[tuple[str, bool]]]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("CJK", str(font), subfontIndex=0))
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT))
    for page in range(PAGES):
        pdf.setFont("CJK", 9)
        pdf.drawString(50, 805, f"无锡日报  2025年2月{21 + page}日  星期{'五六日'[page]}")
        pdf.drawRightString(545, 805, f"第{page + 3}版")
        pdf.line(50, 798, 545, 798)
        for x, column in zip(COLUMN_X, columns[2 * page : 2 * page + 2], strict=False):
            pdf.setFont("CJK", FONT_SIZE)
            for number, (line, indented) in enumerate(column):
                pdf.drawString(x + (2 * FONT_SIZE if indented else 0), TOP - 12 * number, line)
        pdf.setFont("CJK", 9)
        pdf.line(50, 45, 545, 45)
        pdf.drawString(50, 30, "http://epaper.wxrb.com")
        pdf.drawCentredString(PAGE_WIDTH / 2, 30, f"- {page + 3} -")
        pdf.showPage()
    pdf.save()


def test_pdftotext_extraction_of_a_paged_article_repairs_to_its_paragraphs(
    tmp_path: Path,
) -> None:
    _require_tools()
    font = _font()
    kept, columns = _fill_pages(_article())
    assert len(columns) == 2 * PAGES, "the article fills three pages"
    pdf = tmp_path / "article.pdf"
    _build_pdf(pdf, font, columns)
    extracted = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert extracted.count("\f") >= PAGES - 1, "pdftotext marks page breaks with form feeds"
    assert "无锡日报" in extracted and "epaper" in extracted

    repaired = textfix.fix(extracted)

    for furniture in ("无锡日报", "星期", "第3版", "epaper", "- 4 -", "\f"):
        assert furniture not in repaired
    assert repaired == "\n".join(kept) + "\n"

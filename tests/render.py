"""A small newspaper-page renderer, to test OCR repair on text whose truth is known.

Paragraphs are typeset the way a Chinese daily sets them: fixed-width columns,
a two-em first-line indent, Chinese line-breaking rules (a mark that may not
start a line pulls the character before it down; an opening bracket or quote
never ends a line), columns filled top to bottom and then left to right, so a
paragraph may continue at the top of the next column. Standalone lines (headlines,
bylines) are set on one line in larger type, scaled down to the column width.

Pillow draws the page; ``ocr`` runs the ``tesseract`` binary on it. Both are test
tools only: nothing in ``textfix`` depends on them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from textfix.chars import NO_LINE_START, OPENERS, SENTENCE_FINAL

# Fonts with Simplified Chinese glyphs, in order of preference (Debian package names
# in comments); the first one found is used.
FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # fonts-noto-cjk
)
INDENT = "\u3000\u3000"
# A standalone line: no sentence-final mark, and short (a headline, a subtitle, a byline).
STANDALONE_CHARS = 40


# Tesseract page segmentation mode 4: one column of text of variable sizes.
TESSERACT_PSM = "4"


class Placed(NamedTuple):
    text: str
    font: Any  # PIL.ImageFont.FreeTypeFont (Pillow is imported only when drawing)
    height: int  # in body lines


@dataclass(frozen=True)
class PageStyle:
    font_size: int = 24  # pixels per em: about 9 pt at 200 dpi, a scanned newspaper
    column_chars: int = 16  # Han characters per line, as in the seed pages
    column_lines: int = 45  # lines per column before text continues in the next
    headline_scale: float = 1.4
    line_gap: float = 0.5  # extra leading, in em
    gutter: float = 2.0  # space between columns, in em
    margin: int = 40  # pixels around the page


def font_path() -> Path | None:
    """The first CJK font installed, or None."""
    return next((Path(p) for p in FONT_PATHS if Path(p).exists()), None)


def missing_tools() -> str:
    """Why OCR tests cannot run here ("" when they can), naming what to install."""
    try:
        import PIL  # noqa: F401
    except ImportError:
        return "Pillow is not installed (pip install Pillow)"
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    languages = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    if "chi_sim" not in languages:
        return "tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)"
    if font_path() is None:
        return "no CJK font found (apt-get install fonts-wqy-microhei)"
    return ""


def is_standalone(paragraph: str) -> bool:
    return len(paragraph) <= STANDALONE_CHARS and paragraph[-1] not in SENTENCE_FINAL


def wrap(paragraph: str, fits) -> list[str]:
    """Greedy lines under Chinese line-breaking rules; ``fits(line)`` says whether a line fits."""
    lines: list[str] = []
    line = INDENT
    for char in paragraph:
        if fits(line + char):
            line += char
            continue
        carried = ""
        if char in NO_LINE_START and len(line.strip()) > 1:
            line, carried = line[:-1], line[-1]  # the mark pulls the character before it down
        while len(line) > 1 and line[-1] in OPENERS:
            line, carried = line[:-1], line[-1] + carried  # an opener travels with what follows
        lines.append(line)
        line = carried + char
    lines.append(line)
    return lines


def typeset(paragraphs: list[str], style: PageStyle) -> list[list[Placed]]:
    """The page's columns: each a list of lines with the font they are set in."""
    from PIL import ImageFont

    font = ImageFont.truetype(str(font_path()), style.font_size)
    width = style.column_chars * style.font_size
    placed: list[Placed] = []
    for paragraph in paragraphs:
        if is_standalone(paragraph):
            size = style.font_size * style.headline_scale
            size = min(size, style.font_size * width / max(font.getlength(paragraph), 1))
            big = ImageFont.truetype(str(font_path()), int(size))
            placed.append(Placed(paragraph, big, 2))
        else:
            for line in wrap(paragraph, lambda text: font.getlength(text) <= width):
                placed.append(Placed(line, font, 1))
    columns: list[list[Placed]] = [[]]
    used = 0
    for item in placed:
        if used + item.height > style.column_lines:
            columns.append([])
            used = 0
        columns[-1].append(item)
        used += item.height
    return columns


def draw_column(column: list[Placed], style: PageStyle, path: Path) -> None:
    """One column as an image: what a page segmenter hands the recogniser."""
    from PIL import Image, ImageDraw

    pitch = round(style.font_size * (1 + style.line_gap))
    size = (
        2 * style.margin + style.column_chars * style.font_size,
        2 * style.margin + style.column_lines * pitch,
    )
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    y = style.margin
    for item in column:
        draw.text(
            (style.margin, y + (item.height - 1) * pitch // 3), item.text, font=item.font, fill=0
        )
        y += item.height * pitch
    image.save(path)


def ocr(paragraphs: list[str], style: PageStyle = PageStyle()) -> str:
    """The text Tesseract (``chi_sim``) reads from the page, column by column.

    Each column is recognised on its own (page segmentation of a multi-column page
    is a different problem, and its errors would drown the ones under test); the
    columns are joined with a blank line, as engines separate text blocks. Columns
    are recognised in parallel, one thread each.
    """
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory() as folder:
        runs = []
        for index, column in enumerate(typeset(paragraphs, style)):
            image = Path(folder) / f"column{index}.png"
            draw_column(column, style, image)
            command = ["tesseract", str(image), "stdout", "-l", "chi_sim", "--psm", TESSERACT_PSM]
            runs.append(
                subprocess.Popen(
                    command,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    text=True,
                    encoding="utf-8",
                    env=environment,
                )
            )
        texts = []
        for run in runs:
            output, _ = run.communicate()
            if run.returncode:
                raise RuntimeError(f"tesseract failed (exit {run.returncode}) on {run.args}")
            texts.append(output.strip("\n\f "))
    return "\n\n".join(texts) + "\n"

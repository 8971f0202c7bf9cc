"""Render PDF pages, degrade them as scans and e-paper JPEGs are, and OCR them with Tesseract."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# 300 dpi is the usual archival scan resolution; Tesseract is no faster at 200 dpi here.
RENDER_DPI = 300
# A page of Chinese text takes ~6 s single-threaded; ten times that means something hung.
OCR_TIMEOUT_SECONDS = 120
# Tesseract's own OpenMP threads spend more time spinning than working on a 2-core machine:
# one thread per process, and pages in parallel instead.
OMP_ENV = {"OMP_THREAD_LIMIT": "1"}
# What Tesseract writes between the pages of a multi-page input (its ``page_separator``).
PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class Degradation:
    name: str
    apply: Callable[[Any], Any]  # PIL image -> PIL image


def _clean(image: Any) -> Any:
    return image


def _blur(image: Any) -> Any:
    from PIL import ImageFilter

    # Radius 1.2 px at 300 dpi: a slightly out-of-focus scan, still readable by eye.
    return image.filter(ImageFilter.GaussianBlur(radius=1.2))


def _jpeg(image: Any) -> Any:
    from PIL import Image

    # Quality 20: the blocky JPEGs of e-paper page previews.
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=20)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def _rotate(image: Any) -> Any:
    # 1.0 degree: a page fed slightly askew into the scanner.
    return image.rotate(1.0, expand=True, fillcolor=255)


def _scan(image: Any) -> Any:
    return _jpeg(_rotate(_blur(image)))


DEGRADATIONS = (
    Degradation("clean", _clean),
    Degradation("blur", _blur),
    Degradation("jpeg q20", _jpeg),
    Degradation("rotate 1°", _rotate),
    Degradation("blur+rotate+jpeg", _scan),
)


def missing() -> str:
    """Why OCR cannot run here, or "" when it can."""
    if shutil.which("tesseract") is None:
        return "tesseract not found (apt-get install tesseract-ocr; see benchmarks/setup_system.sh)"
    try:
        import PIL  # noqa: F401
        import pymupdf  # noqa: F401
    except ImportError:
        return "Pillow or PyMuPDF not installed (pip install -e '.[bench]')"
    return ""


def languages() -> set[str]:
    listed = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
    ).stdout
    return {line.strip() for line in listed.splitlines()[1:] if line.strip()}


def render_pages(pdf: Path, dpi: int = RENDER_DPI, max_pages: int | None = None) -> list[Any]:
    """Each page as a greyscale PIL image."""
    import pymupdf
    from PIL import Image

    images = []
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc):
            if max_pages is not None and number >= max_pages:
                break
            pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
            images.append(Image.frombytes("L", (pixmap.width, pixmap.height), pixmap.samples))
    return images


def ocr_image(image: Any, language: str, workdir: Path) -> str:
    """Tesseract's text for one image (automatic page segmentation)."""
    handle, name = tempfile.mkstemp(suffix=".png", dir=workdir)
    os.close(handle)
    path = Path(name)
    image.save(path)
    try:
        return subprocess.run(
            ["tesseract", str(path), "-", "-l", language],
            capture_output=True,
            text=True,
            check=True,
            timeout=OCR_TIMEOUT_SECONDS,
            env={**os.environ, **OMP_ENV},
        ).stdout
    finally:
        path.unlink(missing_ok=True)


def ocr_pages(images: list[Any], language: str, workdir: Path, workers: int) -> str:
    """OCR pages in parallel processes and join their text in page order.

    Pages are joined as Tesseract joins the pages of a multi-page input (a TIFF, a list of
    images): with its default ``page_separator``, a form feed. Pages OCR'd one image at a time
    carry none, so joining them with a bare newline would hide the page breaks that
    Tesseract's own output of the document shows.
    """
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        texts = list(pool.map(lambda image: ocr_image(image, language, workdir), images))
    return PAGE_SEPARATOR.join(texts)

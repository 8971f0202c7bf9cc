"""PDF text extractors, each called as a practitioner would, and what is missing here."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# pdftotext on a many-page newspaper takes well under a second; a minute means it hung.
EXTRACT_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Extractor:
    name: str
    extract: Callable[[Path], str]
    missing: str  # why it cannot run here ("" when it can)


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *flags, str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=EXTRACT_TIMEOUT_SECONDS,
        ).stdout

    return extract


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pymupdf(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


def _pymupdf_sorted(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text(sort=True) for page in doc)


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def _pypdf(path: Path) -> str:
    import logging

    import pypdf

    # pypdf logs every odd entry of a CID font's map (the CJK fonts PyMuPDF embeds) as a
    # warning; the text is unaffected.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _missing_module(module: str) -> str:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return f"Python package {module} not installed (pip install -e '.[bench]')"
    return ""


def _missing_program(program: str, package: str) -> str:
    if shutil.which(program) is None:
        return f"{program} not found (apt-get install {package}; see benchmarks/setup_system.sh)"
    return ""


def extractors() -> list[Extractor]:
    """Every extractor the benchmark knows, available or not."""
    poppler = _missing_program("pdftotext", "poppler-utils")
    return [
        Extractor("pdftotext", _pdftotext(), poppler),
        Extractor("pdftotext -layout", _pdftotext("-layout"), poppler),
        Extractor("pdfminer.six", _pdfminer, _missing_module("pdfminer")),
        Extractor("PyMuPDF", _pymupdf, _missing_module("pymupdf")),
        Extractor("PyMuPDF sorted", _pymupdf_sorted, _missing_module("pymupdf")),
        Extractor("pdfplumber", _pdfplumber, _missing_module("pdfplumber")),
        Extractor("pypdf", _pypdf, _missing_module("pypdf")),
    ]

"""Accuracy: real extractions and OCR of built newspaper pages, repaired by textfix and its peers.

Samples (damaged text with its gold) come from three places: the seed corpus pages (a real
e-paper extraction with a hand-made gold), PDFs built here and read back by every extractor,
and the same pages rendered, degraded and OCR'd. Every tool gets the same samples in the same
run. Parts whose tools are missing are skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import extract, ocr, texts
from .metrics import Scores, false_change_rate, score
from .newspaper_pdf import Layout, NewspaperPdf, build_newspaper_pdf, find_cjk_font
from .peers import REPAIR_PEERS, TEXTFIX, Tool
from .report_pdf import build_report_pdf, report_sections

RAW = "raw"  # the extractor's output, unrepaired
# Tesseract language per script of the page.
OCR_LANGUAGES = {"zh": "chi_sim+eng", "en": "eng"}
# Chinese articles shorter than this (characters of body) fit one page for the quick OCR run.
QUICK_OCR_MAX_BODY = 1000


@dataclass(frozen=True)
class Sample:
    source: str  # which document
    setting: str  # extractor or OCR degradation
    text: str
    gold: str


@dataclass(frozen=True)
class Row:
    source: str
    setting: str
    tool: str
    scores: Scores


@dataclass(frozen=True)
class CleanCheck:
    tool: str
    texts: int
    false_change_rate: float
    example: str


@dataclass
class AccuracyResult:
    rows: list[Row] = field(default_factory=list)
    clean: list[CleanCheck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Document:
    name: str
    script: str  # "zh" or "en"
    articles: Sequence[texts.Article]
    columns: tuple[int, ...]  # of a newspaper page; a report is set in one
    genre: str = "newspaper"  # or "report": wrapped paragraphs among contents and listings


# Sections of the generated report (``report_pdf``): a table of contents, paragraphs and
# listings over about four pages.
REPORT_SECTIONS = 6


def _documents(quick: bool) -> list[_Document]:
    zh = texts.chinese_articles()
    en_count = 3 if quick else 8
    en = texts.english_articles(limit=en_count)
    report = _Document("zh report", "zh", zh[:REPORT_SECTIONS], (1,), genre="report")
    if quick:
        # Articles in 3, 4 and 2 columns by turns: the hardest page layout, in CI.
        return [
            _Document("zh 3/4/2 col", "zh", zh, (3, 4, 2)),
            _Document("en 4 col", "en", en, (4,)),
            report,
        ]
    return [
        report,
        _Document("zh 2 col", "zh", zh, (2,)),
        _Document("zh 3 col", "zh", zh, (3,)),
        _Document("zh 4 col", "zh", zh, (4,)),
        _Document("zh 3/4/2 col", "zh", zh, (3, 4, 2)),
        _Document("en 2 col", "en", en, (2,)),
        _Document("en 3 col", "en", en, (3,)),
        _Document("en 4 col", "en", en, (4,)),
    ]


def _ocr_documents(quick: bool) -> list[_Document]:
    if quick:
        short = [
            article
            for article in texts.chinese_articles(paragraphs_per_article=1)
            if sum(map(len, article.paragraphs)) < QUICK_OCR_MAX_BODY
        ]
        return [_Document("zh 3 col, 1 page", "zh", short[:2], (3,))]
    return [
        _Document("zh 3 col", "zh", texts.chinese_articles(), (3,)),
        _Document("en 3 col", "en", texts.english_articles(limit=3), (3,)),
    ]


def _build(document: _Document, workdir: Path) -> NewspaperPdf:
    path = workdir / (document.name.replace(" ", "_").replace("/", "-") + ".pdf")
    if document.genre == "report":
        return build_report_pdf(report_sections(document.articles), path)
    return build_newspaper_pdf(document.articles, path, layout=Layout(columns=document.columns))


def seed_samples() -> list[Sample]:
    """The corpus pages that have both a raw extraction and a gold."""
    samples = []
    for raw_path in texts.raw_files():
        gold_path = raw_path.with_name(raw_path.name.replace(".raw.", ".gold."))
        if gold_path.exists():
            samples.append(
                Sample(
                    f"seed page {raw_path.name.split('.')[0]}",
                    "as extracted",
                    raw_path.read_text(encoding="utf-8"),
                    gold_path.read_text(encoding="utf-8").strip("\n"),
                )
            )
    return samples


def _pdf_prerequisite() -> str:
    try:
        import pymupdf  # noqa: F401
    except ImportError:
        return "PyMuPDF not installed (pip install -e '.[bench]'): PDF and OCR parts skipped"
    if find_cjk_font() is None:
        return "no CJK font (run benchmarks/setup_system.sh): PDF and OCR parts skipped"
    return ""


def pdf_samples(quick: bool, workdir: Path, result: AccuracyResult) -> list[Sample]:
    samples = []
    available = []
    for extractor in extract.extractors():
        if extractor.missing:
            result.skipped.append(f"extractor {extractor.name}: {extractor.missing}")
        else:
            available.append(extractor)
    for document in _documents(quick):
        built = _build(document, workdir)
        result.documents.append(f"{document.name}: {built.pages} pages, {len(built.gold)} chars")
        for extractor in available:
            text = extractor.extract(built.path)
            samples.append(
                Sample(f"PDF {document.name}", extractor.name, text, built.gold_as_read(text))
            )
    return samples


def ocr_samples(quick: bool, workdir: Path, result: AccuracyResult, workers: int) -> list[Sample]:
    reason = ocr.missing()
    if reason:
        result.skipped.append(f"OCR: {reason}")
        return []
    installed = ocr.languages()
    degradations = [ocr.DEGRADATIONS[0], ocr.DEGRADATIONS[-1]] if quick else ocr.DEGRADATIONS
    samples = []
    for document in _ocr_documents(quick):
        language = OCR_LANGUAGES[document.script]
        lacking = set(language.split("+")) - installed
        if lacking:
            result.skipped.append(
                f"OCR {document.name}: Tesseract lacks {', '.join(sorted(lacking))} "
                "(apt-get install tesseract-ocr-chi-sim; see benchmarks/setup_system.sh)"
            )
            continue
        built = _build(document, workdir)
        result.documents.append(
            f"OCR {document.name}: {built.pages} pages, {len(built.gold)} chars"
        )
        pages = ocr.render_pages(built.path)
        for degradation in degradations:
            images = [degradation.apply(page) for page in pages]
            text = ocr.ocr_pages(images, language, workdir, workers)
            samples.append(
                Sample(f"OCR {document.name}", degradation.name, text, built.gold_as_read(text))
            )
    return samples


def _available(tools: Sequence[Tool], result: AccuracyResult) -> list[tuple[str, Callable]]:
    usable = []
    for tool in tools:
        reason = tool.missing()
        if reason:
            result.skipped.append(f"peer {tool.name}: {reason}")
        else:
            usable.append((tool.name, tool.load()))
    return usable


def run_accuracy(quick: bool, workdir: Path, workers: int = 2, log=print) -> AccuracyResult:
    result = AccuracyResult()
    tools = _available([TEXTFIX, *REPAIR_PEERS], result)
    result.tools = [RAW] + [name for name, _ in tools]
    samples = seed_samples()
    if not samples:
        result.skipped.append("seed pages: no corpus raw/gold pair found")
    prerequisite = _pdf_prerequisite()
    if prerequisite:
        result.skipped.append(prerequisite)
    else:
        log("accuracy: building PDFs and extracting")
        samples += pdf_samples(quick, workdir, result)
        log("accuracy: rendering, degrading and OCR'ing pages")
        samples += ocr_samples(quick, workdir, result, workers)
    log(f"accuracy: scoring {len(samples)} samples × {len(result.tools)} tools")
    for sample in samples:
        result.rows.append(Row(sample.source, sample.setting, RAW, score(sample.text, sample.gold)))
        for name, fixer in tools:
            output = fixer(sample.text)
            result.rows.append(Row(sample.source, sample.setting, name, score(output, sample.gold)))
    clean = clean_texts()
    for name, fixer in tools:
        rate, example = false_change_rate(fixer, clean)
        result.clean.append(CleanCheck(name, len(clean), rate, example))
    return result


def clean_texts() -> list[str]:
    """Clean text every tool should leave alone: gold lines, English prose, whole gold pages."""
    pages = [path.read_text(encoding="utf-8").strip("\n") for path in texts.gold_files()]
    return texts.gold_lines() + texts.english_paragraphs() + pages

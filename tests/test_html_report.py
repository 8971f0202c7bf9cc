"""``textfix explain --html``: a page with every edit marked, escaped, and a legend."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from tests.strategies import corpus_document
from textfix.cli import main
from textfix.html_report import REMOVED_LINE_BREAK, marks, render

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
VOID = {"meta", "br", "hr", "img", "input", "link"}


class Page(HTMLParser):
    """The parsed page: balanced tags, the marks in the text, and the text read three ways."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.legend: list[str] = []
        self.original: list[str] = []  # unchanged text and <del> contents
        self.repaired: list[str] = []  # unchanged text and <ins> contents
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "span" and "pre" in self.open and "data-rules" in attributes:
            self.marks.append(attributes)
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if "pre" in self.open:
            if "del" in self.open:
                self.original.append(data.replace(REMOVED_LINE_BREAK, "\n"))
            elif "ins" in self.open:
                self.repaired.append(data)
            else:
                self.original.append(data)
                self.repaired.append(data)
        elif "ul" in self.open and "span" in self.open:
            self.legend.append(data)


def _check_page(text: str) -> Page:
    repair = textfix.explain(text)
    page = Page(render(repair, "<a&b>.txt"))
    assert page.errors == [] and page.open == []
    assert len(page.marks) == len(marks(repair))
    assert "".join(page.original) == text
    assert "".join(page.repaired) == repair.text
    rules = {edit.rule for edit in repair.edits}
    assert set(page.legend) == rules
    for mark, attributes in zip(marks(repair), page.marks, strict=True):
        assert attributes["data-rules"].split() == list(dict.fromkeys(e.rule for e in mark.edits))
        assert all(edit.rule in attributes["title"] for edit in mark.edits)
        assert f"rule-{mark.edits[0].rule}" in attributes["class"].split()
    return page


def test_seed_page_shows_every_edit_with_its_rule() -> None:
    page = _check_page((CORPUS / "000.raw.txt").read_text(encoding="utf-8"))
    assert len(page.marks) > 100


def test_markup_in_the_text_is_escaped() -> None:
    text = '<b>"x" & y</b>。 （注）\n<script>alert(1)</script>'
    page = _check_page(text)
    assert len(page.marks) == 1
    assert "<script>" not in render(textfix.explain(text), "x").split("<pre")[1]


@settings(max_examples=30)
@given(corpus_document(), st.sampled_from(["", "<", "&amp;", "\"'", "↵"]))
def test_any_document_renders_balanced_and_reads_back(text: str, extra: str) -> None:
    _check_page(text.replace("。", "。" + extra, 1) if extra != REMOVED_LINE_BREAK else text)


def test_cli_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    assert main(["explain", "--html", str(report), str(CORPUS / "004.raw.txt")]) == 0
    page = Page(report.read_text(encoding="utf-8"))
    assert page.errors == [] and "reflow_paragraphs" in page.legend

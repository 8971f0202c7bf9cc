"""The seed pages repair to their gold; gold text is left unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

import textfix

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGES = ("000", "004")


def _read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def _is_fake_bold(paragraph: str) -> bool:
    """The doubled caption of page 000 belongs to the undo_overprint rule (issue 3)."""
    return "undo_overprint" not in {rule.id for rule in textfix.rules()} and "摄）" in paragraph


@pytest.mark.parametrize("page", PAGES)
def test_every_gold_paragraph_is_reproduced(page: str) -> None:
    repaired = _paragraphs(textfix.fix(_read(f"{page}.raw.txt")))
    gold = [p for p in _paragraphs(_read(f"{page}.gold.txt")) if not _is_fake_bold(p)]
    missing = [p for p in gold if p not in repaired]
    assert missing == []


@pytest.mark.parametrize("page", PAGES)
def test_page_repairs_to_its_gold_exactly(page: str) -> None:
    gold = _read(f"{page}.gold.txt")
    if any(_is_fake_bold(p) for p in _paragraphs(gold)):
        pytest.xfail("the fake-bold caption needs the undo_overprint rule")
    assert textfix.fix(_read(f"{page}.raw.txt")) == gold


@pytest.mark.parametrize("page", PAGES)
def test_gold_is_left_unchanged(page: str) -> None:
    gold = _read(f"{page}.gold.txt")
    assert textfix.fix(gold) == gold


@pytest.mark.parametrize("page", PAGES)
def test_repair_is_idempotent(page: str) -> None:
    once = textfix.fix(_read(f"{page}.raw.txt"))
    assert textfix.fix(once) == once


def test_explain_reports_every_join_with_its_original_position() -> None:
    raw = _read("000.raw.txt")
    repair = textfix.explain(raw)
    joins = [edit for edit in repair.edits if edit.rule == "reflow_paragraphs"]
    # "杜\n小刚" is split at the end of line 3 of the raw page.
    line3_end = raw.index("杜\n小刚") + 1
    join = next(edit for edit in joins if edit.start == line3_end)
    assert (join.before, join.after) == ("\n", "")
    assert repair.line_col(join.start) == (3, 16)
    for edit in repair.edits:
        assert raw[edit.start : edit.end] == edit.before

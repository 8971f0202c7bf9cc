"""Properties of the ``ocr`` preset: it inverts simulated OCR damage, leaves clean text alone.

Clean documents and their corruption come from ``tests/strategies.py`` (section
"OCR corruptors"): half-width marks with the engine's space after them, spaces
between every Han character, digits read as letters, range dashes read as 一 or a
hyphen, 。 read as o at a line end, a byline bracket read as a look-alike.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests.strategies import (
    any_text,
    clean_document,
    latin_paragraph,
    ocr_clean_document,
    ocr_corrupted,
)

OCR = textfix.Config.preset("ocr")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Latin words and product codes that look like misread numbers to a careless rule.
LATIN_LOOKALIKES = ("Oslo", "I", "lol", "SOS", "iOS", "A1O2", "COVID-19", "O2O", "S5", "4S")


@given(ocr_corrupted())
def test_repairs_simulated_ocr_damage_exactly(case: tuple[str, str]) -> None:
    clean, damaged = case
    assert textfix.fix(damaged, OCR) == clean


@given(ocr_clean_document())
def test_leaves_clean_documents_unchanged(document: str) -> None:
    assert textfix.fix(document, OCR) == document


@given(clean_document())
def test_leaves_clean_cjk_latin_and_mixed_text_unchanged(document: str) -> None:
    assert textfix.fix(document, OCR) == document


@given(st.lists(st.sampled_from(LATIN_LOOKALIKES), min_size=1, max_size=6), latin_paragraph())
def test_leaves_latin_words_and_product_codes_alone(words: list[str], prose: str) -> None:
    text = prose + " " + " ".join(words) + ".\n型号" + "、".join(words) + "。\n"
    assert textfix.fix(text, OCR) == text


def test_leaves_corpus_gold_unchanged() -> None:
    for gold in sorted(CORPUS.glob("*.gold.txt")):
        text = gold.read_text(encoding="utf-8")
        assert textfix.fix(text, OCR) == text, gold.name


@given(ocr_corrupted())
def test_is_idempotent(case: tuple[str, str]) -> None:
    once = textfix.fix(case[1], OCR)
    assert textfix.fix(once, OCR) == once


@given(any_text)
def test_never_raises_and_edits_point_into_the_input(text: str) -> None:
    repair = textfix.explain(text, OCR)
    for edit in repair.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start : edit.end] == edit.before


def test_reports_an_unprovable_bracket_without_changing_it() -> None:
    repair = textfix.explain("〈陈菁菁）\n", OCR)
    notices = [edit for edit in repair.edits if edit.rule == "fix_bracket_lookalikes"]
    assert repair.text == "〈陈菁菁）\n"
    assert [(n.start, n.before, n.after) for n in notices] == [(0, "〈", "〈")]

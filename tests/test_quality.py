"""``textfix.quality`` and ``textfix check``: artifacts counted by type, a score in [0, 1]."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import textfix
from tests.strategies import any_text, clean_document
from textfix.cli import main
from textfix.quality import (
    DENSITY_AT_ZERO,
    MIN_MIXED_EACH,
    RULE_EDIT_WEIGHT,
    WEIGHTS,
    mixed_han_scripts,
    score_of,
    unmatched,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CLEAN = "市委书记主持召开座谈会（记者高美梅）。他说：“要抓落实。”\n"

Capture = pytest.CaptureFixture[str]


@pytest.mark.parametrize("page", ["000", "004"])
def test_gold_pages_score_one(page: str) -> None:
    gold = textfix.quality((CORPUS / f"{page}.gold.txt").read_text(encoding="utf-8"))
    assert (gold.score, dict(gold.artifacts)) == (1.0, {})


@pytest.mark.parametrize("page", ["000", "004"])
def test_raw_pages_report_their_repairs(page: str) -> None:
    raw = (CORPUS / f"{page}.raw.txt").read_text(encoding="utf-8")
    report = textfix.quality(raw)
    edits = {}
    for edit in textfix.explain(raw).edits:
        edits[edit.rule] = edits.get(edit.rule, 0) + 1
    assert dict(report.artifacts) == edits
    assert 0.0 < report.score < 1.0


def test_unrepairable_artifacts_are_counted_by_type() -> None:
    text = CLEAN + "损坏\ufffd的字\ufffd，锟斤拷乱码（未闭合，“引号，" + 'a "b' + "\n"
    artifacts = textfix.quality(text).artifacts
    assert artifacts["replacement_character"] == 2
    assert artifacts["gbk_mojibake"] == 1
    assert artifacts["unbalanced_bracket"] == 1
    assert artifacts["unbalanced_quote"] == 2


def test_brackets_closed_in_order_are_balanced_and_strays_count() -> None:
    assert unmatched("(a (b) c)", "()") == 0
    assert unmatched(")a(", "()") == 2
    assert unmatched("（甲）（乙", "（）") == 1


def test_mixed_han_scripts_count_from_the_threshold_on() -> None:
    simplified = "这个国家发展经济" * 3
    below = simplified + "這個" * ((MIN_MIXED_EACH - 1) // 2) + "這" * ((MIN_MIXED_EACH - 1) % 2)
    at = simplified + "這" * MIN_MIXED_EACH
    assert mixed_han_scripts(below) == 0
    assert mixed_han_scripts(at) == MIN_MIXED_EACH
    assert mixed_han_scripts("這個國家發展經濟，台灣") == 0  # traditional only (台 is shared)


def test_score_follows_the_documented_formula() -> None:
    assert score_of({}, 0) == 1.0
    one_edit_per_thousand = score_of({"some_rule": 1}, 1000)
    assert one_edit_per_thousand == pytest.approx(1 - RULE_EDIT_WEIGHT / DENSITY_AT_ZERO)
    lost = score_of({"replacement_character": 1}, 1000)
    assert lost == pytest.approx(1 - WEIGHTS["replacement_character"] / DENSITY_AT_ZERO)
    assert score_of({"some_rule": 1000}, 1000) == 0.0


@settings(max_examples=50)  # generating whole documents is the slow part
@given(clean_document())
def test_clean_text_scores_one(text: str) -> None:
    assert textfix.quality(text).score == 1.0


@given(any_text)
def test_score_is_in_the_unit_interval_for_any_text(text: str) -> None:
    report = textfix.quality(text)
    assert 0.0 <= report.score <= 1.0
    assert all(count > 0 for count in report.artifacts.values())


def test_check_json_reports_raw_artifacts_and_gold_scores_one(capsys: Capture) -> None:
    names = ["000.raw.txt", "004.raw.txt", "000.gold.txt", "004.gold.txt"]
    assert main(["check", "--json", *(str(CORPUS / name) for name in names)]) == 0
    captured = capsys.readouterr()
    reports = {Path(r["path"]).name: r for r in map(json.loads, captured.out.splitlines())}
    for raw in names[:2]:
        assert reports[raw]["score"] < 1.0
        assert reports[raw]["artifacts"]["reflow_paragraphs"] > 0
        assert reports[raw]["artifacts"]["remove_space_beside_cjk_punct"] > 0
    for gold in names[2:]:
        assert (reports[gold]["score"], reports[gold]["artifacts"]) == (1.0, {})
    assert "4 documents" in captured.err and "1.0      2" in captured.err


def test_fail_under_exits_1_only_when_a_document_scores_below(capsys: Capture) -> None:
    raw, gold = str(CORPUS / "000.raw.txt"), str(CORPUS / "000.gold.txt")
    assert main(["check", "--fail-under", "0.9", gold]) == 0
    assert main(["check", "--fail-under", "0.9", raw, gold]) == 1
    assert "1 below --fail-under 0.9" in capsys.readouterr().err
    assert main(["check", "--fail-under", "1.5", gold]) == 2

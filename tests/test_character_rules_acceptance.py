"""Acceptance of the character-level rules through the public ``textfix.fix`` / ``explain``:
the examples of the issue, a few of ftfy's own, and the seed pages left untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

import textfix
from textfix.rules import convert_script, fix_mojibake

SEED_PAGES = Path(__file__).resolve().parents[1] / "corpus"
CHARACTER_RULES = {"fix_mojibake", "remove_invisible", "normalize_glyphs", "convert_script"}


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("\u2f08\u2f2f智能", "人工智能"),
        ("鍙戝睍浜哄伐鏅鸿兘", "发展人工智能"),
        ("·¢Õ¹", "发展"),
        ("Ã©", "é"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("â€”", "—"),
        ("Ã¡Ã©Ã­Ã³Ãº", "áéíóú"),
        ("ðŸ˜€", "😀"),
        ("人工\u200b智能\u00a0AI", "人工智能 AI"),
        ("面积120㎡，①号楼™，x²", "面积120㎡，①号楼™，x²"),
    ],
)
def test_issue_and_ftfy_examples_hold_through_fix(broken: str, fixed: str) -> None:
    assert textfix.fix(broken) == fixed


@pytest.mark.parametrize("name", ["000.raw.txt", "004.raw.txt", "000.gold.txt"])
def test_seed_pages_are_not_touched_by_character_rules(name: str) -> None:
    text = (SEED_PAGES / name).read_text(encoding="utf-8")
    everything = textfix.Config(enable=["convert_script"])
    edits = [
        edit for edit in textfix.explain(text, everything).edits if edit.rule in CHARACTER_RULES
    ]
    assert edits == []
    assert list(fix_mojibake.findings(text, fix_mojibake.Options())) == []
    assert list(convert_script.findings(text, convert_script.Options())) == []


def test_lost_bytes_are_reported_not_rewritten() -> None:
    text = "数据锟斤拷锟斤拷与\ufffd丢失"
    assert textfix.fix(text) == text
    spans = [(f.start, f.end) for f in fix_mojibake.findings(text, fix_mojibake.Options())]
    assert spans == [(2, 8), (9, 10)]


def test_mixed_script_document_is_reported() -> None:
    simplified = "发展人工智能，推动产业转型升级，建设现代化经济体系。"
    traditional = "發展人工智慧，推動產業轉型升級，建設現代化經濟體系。"
    document = simplified * 2 + traditional
    findings = list(convert_script.findings(document, convert_script.Options()))
    assert findings and all("mixed script" in finding.note for finding in findings)
    assert {document[finding.start] for finding in findings} <= set(traditional)
    assert list(convert_script.findings(simplified * 2, convert_script.Options())) == []


def test_explain_lists_lost_text_and_mixed_script_as_notices() -> None:
    text = "发展锟斤拷锟斤拷人工。" + "發展經濟，開發區。" + "发展经济，开发区。" * 3
    notices = [edit for edit in textfix.explain(text).edits if edit.before == edit.after]
    rules = {edit.rule for edit in notices}
    assert {"fix_mojibake", "convert_script"} <= rules
    lost = next(edit for edit in notices if edit.rule == "fix_mojibake")
    assert text[lost.start : lost.end] == "锟斤拷锟斤拷"
    off = textfix.Config(disable=["convert_script"])
    assert "convert_script" not in {edit.rule for edit in textfix.explain(text, off).edits}

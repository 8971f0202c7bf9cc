"""Properties of the character-level rules: fix_mojibake, remove_invisible, normalize_glyphs,
convert_script. Each inverts its own corruption, leaves clean text of every script alone, is
idempotent, reports valid edits and never raises."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests import strategies as gen
from textfix.rules import convert_script, fix_mojibake

CHARACTER_RULES = ("fix_mojibake", "remove_invisible", "normalize_glyphs", "convert_script")
DEFAULT_CHARACTER_RULES = CHARACTER_RULES[:3]


def _config(*rule_ids: str) -> textfix.Config:
    others = [rule.id for rule in textfix.rules() if rule.id not in rule_ids]
    return textfix.Config(enable=rule_ids, disable=others)


def _fix(text: str, *rule_ids: str) -> str:
    return textfix.fix(text, _config(*rule_ids))


def _assert_edits_point_into_input(text: str, rule_id: str) -> None:
    repair = textfix.explain(text, _config(rule_id))
    for edit in repair.edits:
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start : edit.end] == edit.before
        assert edit.before != edit.after and edit.note


# ---- normalize_glyphs ----


@given(gen.glyph_substituted())
def test_glyph_twins_are_replaced_by_the_ideograph(pair: tuple[str, str]) -> None:
    clean, damaged = pair
    assert _fix(damaged, "normalize_glyphs") == clean


@pytest.mark.parametrize("rule_id", ["normalize_glyphs", "remove_invisible"])
@given(text=gen.any_text)
def test_character_rule_is_idempotent_and_valid(rule_id: str, text: str) -> None:
    once = _fix(text, rule_id)
    assert _fix(once, rule_id) == once
    _assert_edits_point_into_input(text, rule_id)


# ---- remove_invisible ----


@given(gen.invisible_inserted())
def test_inserted_invisible_characters_are_removed(pair: tuple[str, str]) -> None:
    clean, damaged = pair
    assert _fix(damaged, "remove_invisible") == clean


@given(gen.any_text)
def test_invisible_removal_touches_only_invisible_characters(text: str) -> None:
    repair = textfix.explain(text, _config("remove_invisible"))
    for edit in repair.edits:
        assert all(unicodedata.category(char) in {"Cc", "Cf", "Zs"} for char in edit.before)
        assert edit.after in {"", "-"} or edit.after == " " * len(edit.before)


# ---- fix_mojibake ----


@given(gen.utf8_as_gbk_text)
def test_utf8_read_as_gbk_is_repaired_exactly(clean: str) -> None:
    assert _fix(gen.utf8_read_as_gbk(clean), "fix_mojibake") == clean


@given(gen.gb2312_text)
def test_gbk_read_as_latin1_is_repaired_exactly(clean: str) -> None:
    assert _fix(gen.gbk_read_as_latin1(clean), "fix_mojibake") == clean


@given(gen.big5_text)
def test_big5_read_as_latin1_is_repaired_exactly(clean: str) -> None:
    assert _fix(gen.big5_read_as_latin1(clean), "fix_mojibake") == clean


@given(
    st.one_of(
        gen.utf8_as_gbk_text.map(gen.utf8_read_as_gbk),
        gen.gb2312_text.map(gen.gbk_read_as_latin1),
        gen.big5_text.map(gen.big5_read_as_latin1),
    )
)
def test_mojibake_repair_is_idempotent_and_valid(broken: str) -> None:
    once = _fix(broken, "fix_mojibake")
    assert _fix(once, "fix_mojibake") == once
    _assert_edits_point_into_input(broken, "fix_mojibake")


@given(gen.any_text)
def test_mojibake_repair_never_raises(text: str) -> None:
    _assert_edits_point_into_input(text, "fix_mojibake")
    list(fix_mojibake.findings(text, fix_mojibake.Options()))


# ---- all of them on clean text ----


@given(st.one_of(gen.every_script_text(), gen.paragraph))
def test_clean_text_of_every_script_is_unchanged(text: str) -> None:
    assert _fix(text, *DEFAULT_CHARACTER_RULES) == text


@given(gen.utf8_as_gbk_text)
def test_mojibake_of_clean_text_is_left_to_no_other_rule(clean: str) -> None:
    broken = gen.utf8_read_as_gbk(clean)
    assert _fix(broken, *DEFAULT_CHARACTER_RULES) == clean


# ---- convert_script ----


@given(gen.cjk_paragraph())
def test_simplified_text_is_unchanged_by_t2s(text: str) -> None:
    assert _fix(text, "convert_script") == text


@given(gen.any_text)
def test_script_conversion_is_idempotent_valid_and_never_raises(text: str) -> None:
    once = _fix(text, "convert_script")
    assert _fix(once, "convert_script") == once
    _assert_edits_point_into_input(text, "convert_script")
    list(convert_script.findings(text, convert_script.Options()))

"""Properties of the punctuation, width and spacing rules, alone and together.

Clean text (generated, and every line of the hand-made gold page) passes through
unchanged; each corruption the way extraction, input methods and OCR cause it is
repaired exactly; Latin-only text is never touched; repairs are idempotent; no
input makes a rule raise; protected regions survive byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from textfix.rules import remove_ocr_han_spaces

from .strategies import (
    any_text,
    bracketed_cjk_paragraph,
    byline_document,
    cjk_paragraph,
    doubled_separators,
    full_width_alnum,
    half_width_punct,
    han_word,
    latin_paragraph,
    latin_sentence_with_cjk_term,
    latin_with_meta_variables,
    ocr_gapped_quotes,
    ocr_read_bylines,
    ocr_spaced,
    paragraph,
    punct_paragraph,
    quoted_term_paragraph,
    straight_quotes,
    work_grows_linearly,
)

RULE_IDS = (
    "normalize_width",
    "normalize_punct_width",
    "dedupe_separators",
    "pair_cjk_quotes",
    "remove_ocr_han_spaces",
    "strip_line_indent",
    "space_cjk_latin",
    "remove_space_beside_cjk_punct",
)
POLICIES = ("keep", "remove", "add")
GOLD = Path(__file__).resolve().parents[1] / "corpus" / "000.gold.txt"


def _only(rule_id: str, policy: str = "keep") -> textfix.Config:
    others = [rule.id for rule in textfix.rules() if rule.id != rule_id]
    options = {"space_cjk_latin": {"policy": policy}} if rule_id == "space_cjk_latin" else {}
    return textfix.Config(enable=[rule_id], disable=others, options=options)


def _ours(policy: str = "keep", *, indent: bool = True) -> textfix.Config:
    """This family's rules alone (other families are tested by their own properties)."""
    others = [rule.id for rule in textfix.rules() if rule.id not in RULE_IDS]
    return textfix.Config(
        enable=["strip_line_indent"] if indent else [],
        disable=others,
        options={"space_cjk_latin": {"policy": policy}},
    )


# This family as ``textfix.fix`` runs it by default: strip_line_indent off, policy keep.
OURS_BY_DEFAULT = _ours(indent=False)


def _each_line(document: str, corrupt) -> str:
    return "\n".join(corrupt(line) for line in document.split("\n"))


def _document(paragraphs: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Like ``clean_document`` but with at most three paragraphs, to keep each test fast."""
    return st.lists(paragraphs, min_size=1, max_size=3).map(lambda ps: "\n".join(ps) + "\n")


cjk_document = _document(punct_paragraph)
# Quotes wrap whole sentences of CJK prose; a Latin term inserted right beside a quote
# (``DeepSeek"AI"``) makes the pair ambiguous, and the rule rightly leaves it.
quoted_document = _document(st.one_of(cjk_paragraph(), bracketed_cjk_paragraph()))


# ---- clean text is left alone ----


@given(cjk_document)
def test_clean_text_is_unchanged(document: str) -> None:
    assert textfix.fix(document, _ours()) == document


@given(_document(paragraph))
def test_clean_text_of_every_script_is_unchanged(document: str) -> None:
    assert textfix.fix(document, _ours()) == document


def _gold_lines() -> list[str]:
    return GOLD.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("line", _gold_lines())
def test_gold_line_is_unchanged(line: str) -> None:
    assert textfix.fix(line, _ours()) == line


# ---- corrupt, then repair ----


def _ocr_spaced(line: str) -> str:
    return ocr_spaced(line, remove_ocr_han_spaces.MIN_SPACED_PAIRS)


# One document is checked against each corruption on its own (generation dominates
# the cost of these tests, so they share it).
CORRUPTIONS = {
    "half-width punctuation": half_width_punct,
    "full-width letters and digits": full_width_alnum,
    "doubled separators": doubled_separators,
    "OCR-spaced Han": _ocr_spaced,
}


@given(cjk_document, st.lists(st.booleans(), min_size=3, max_size=3))
def test_repairs_each_corruption(document: str, corrupt_line: list[bool]) -> None:
    lines = document.split("\n")
    for name, corrupt in CORRUPTIONS.items():
        corrupted = "\n".join(
            corrupt(line) if corrupt_line[i % 3] else line for i, line in enumerate(lines)
        )
        assert textfix.fix(corrupted, OURS_BY_DEFAULT) == document, name


@given(quoted_document)
def test_repairs_straight_quotes(document: str) -> None:
    assert textfix.fix(_each_line(document, straight_quotes), OURS_BY_DEFAULT) == document


def _all_corruptions(line: str) -> str:
    line = doubled_separators(half_width_punct(full_width_alnum(straight_quotes(line))))
    return _ocr_spaced(line)


@given(quoted_document)
def test_repairs_every_corruption_at_once(document: str) -> None:
    corrupted = _each_line(document, _all_corruptions)
    repaired = textfix.fix(corrupted, OURS_BY_DEFAULT)
    assert repaired == document
    assert textfix.fix(repaired, OURS_BY_DEFAULT) == repaired


@given(cjk_document)
def test_indented_lines_are_unindented_when_enabled(document: str) -> None:
    indented = "\n".join("\u3000\u3000" + line if line else line for line in document.split("\n"))
    assert textfix.fix(indented, _ours()) == document
    assert textfix.fix(indented, OURS_BY_DEFAULT) == indented


# ---- Latin text is never touched ----

TECHNICAL = st.sampled_from(
    [
        "def f(x): return g(x, y)",
        "see http://a.cn/x?y=1,2 (or www.a.cn).",
        "mail a@b.com, b.c@d.org; thanks!",
        "run C:\\dir\\a.exe or /usr/bin/python3",
        "at 12:30, pay 1,000.50 (3.14 each)?",
        "He said \"hi\" and 'bye' (don't!).",
        "Use `code(x, y)` here: yes; no?",
        "a,,b;;c::d",
        "  - item: one",
        "if (a && b) { c(); }",
    ]
)
latin_document = _document(st.one_of(latin_paragraph(), TECHNICAL))


SINGLE_RULE_CONFIGS = [_only(rule_id) for rule_id in RULE_IDS] + [
    _only("space_cjk_latin", policy) for policy in POLICIES
]


@given(latin_document)
def test_latin_text_is_unchanged_by_every_rule(document: str) -> None:
    for config in SINGLE_RULE_CONFIGS:
        assert textfix.fix(document, config) == document


@given(latin_with_meta_variables())
def test_meta_variables_in_latin_text_keep_their_spaces(sentence: str) -> None:
    # normalize_glyphs gives U+2329/U+232A their canonical forms 〈〉; nothing else changes.
    expected = sentence.replace("\u2329", "〈").replace("\u232a", "〉")
    assert textfix.fix(sentence) == expected


@given(st.lists(latin_sentence_with_cjk_term(), min_size=1, max_size=4))
def test_a_cjk_term_glossed_in_a_latin_sentence_keeps_half_width_brackets(
    sentences: list[str],
) -> None:
    document = "\n".join(sentences) + "\n"
    assert textfix.fix(document) == document


@given(latin_sentence_with_cjk_term(), han_word)
def test_a_bracket_pair_with_cjk_text_after_it_turns_full_width(sentence: str, word: str) -> None:
    # The same pair with a CJK sentence going on after it: it is CJK context now.
    opening, closing = sentence.index(" ("), sentence.rindex(")")
    glossed = sentence[: closing + 1] + word + "。"
    fixed = textfix.fix(glossed, _only("normalize_punct_width"))
    assert fixed[opening + 1] == "（" and fixed[closing] == "）"


@pytest.mark.parametrize(
    "unit",
    ["say 人工智能 (ai) is, ", "“一”, “二” (a) ", "said, “你好” " * 3 + "(x)", "一 ,,,, a 二 (b) "],
)
def test_terms_in_latin_text_take_linear_work(unit: str) -> None:
    assert work_grows_linearly(_only("normalize_punct_width"), unit)


@given(
    st.sampled_from(["\\frac", "\\!", "&", "~", "array"]),
    han_word,
    st.sampled_from([",", ":", ";"]),
    st.integers(1, 999),
)
def test_a_pair_beside_a_mark_this_rule_turns_full_width_turns_with_it(
    command: str, word: str, mark: str, page: int
) -> None:
    # An index entry: the mark after the pair turns full-width (a CJK letter before it);
    # the pair beside it must turn in the same pass, not in a second one.
    line = f"{command} ({word}){mark} {page}\n"
    once = textfix.fix(line, _only("normalize_punct_width"))
    assert once[len(command) + 1] == "（" and "）" in once
    assert textfix.fix(once, _only("normalize_punct_width")) == once


# ---- robustness ----

# Dense mixtures of exactly the characters these rules decide on, where arbitrary
# Unicode would rarely reach past the rules' gates.
tricky_text = st.text(
    st.sampled_from("人工智能市，。、；：！？（）“”,.;:?!()\"' \u3000\n09aZ％Ａ１．`@/\\"),
    max_size=80,
)


@given(st.one_of(any_text, tricky_text))
def test_never_raises_and_edits_point_into_the_input(text: str) -> None:
    for config in SINGLE_RULE_CONFIGS:
        for edit in textfix.explain(text, config).edits:
            assert text[edit.start : edit.end] == edit.before


@given(st.one_of(any_text, tricky_text))
def test_idempotent_on_arbitrary_text(text: str) -> None:
    once = textfix.fix(text, _ours())
    assert textfix.fix(once, _ours()) == once


@given(
    cjk_document,
    st.sampled_from(
        ["http://a.cn/x?y=1,2", "a@b.com", "C:\\dir", "`code(x)`", "12:30", "3.14", "1,000"]
    ),
    st.sampled_from(POLICIES),
)
def test_protected_regions_survive(document: str, token: str, policy: str) -> None:
    cut = len(document) // 2
    text = _all_corruptions(document[:cut]) + token + document[cut:]
    assert token in textfix.fix(text, _ours(policy))


# ---- standalone bylines read by OCR ----


@given(byline_document().flatmap(lambda clean: st.tuples(st.just(clean), ocr_read_bylines(clean))))
def test_repairs_ocr_read_standalone_bylines(case: tuple[str, str]) -> None:
    clean, damaged = case
    repaired = textfix.fix(damaged, OURS_BY_DEFAULT)
    assert repaired == clean
    assert textfix.fix(repaired, OURS_BY_DEFAULT) == repaired


@given(byline_document())
def test_clean_standalone_bylines_are_unchanged(document: str) -> None:
    assert textfix.fix(document, _ours()) == document


@given(st.lists(st.sampled_from(["(see figure 1)", "(2024)", "(AI)", "( a, b )"]), min_size=1))
def test_standalone_latin_brackets_stay_half_width(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert textfix.fix(text, _only("normalize_punct_width")) == text


def test_standalone_brackets_take_linear_work() -> None:
    assert work_grows_linearly(OURS_BY_DEFAULT, "(本报记者 王明 )\n( (记者\n李华 ) )\n")


# ---- OCR gaps inside quotes ----


@given(_document(quoted_term_paragraph()))
def test_repairs_ocr_gaps_inside_quotes(document: str) -> None:
    assert textfix.fix(document, _ours()) == document
    repaired = textfix.fix(_each_line(document, ocr_gapped_quotes), OURS_BY_DEFAULT)
    assert repaired == document
    assert textfix.fix(repaired, OURS_BY_DEFAULT) == repaired

"""Every rule is documented, registered once, has a case file with "left alone" cases."""

from __future__ import annotations

import dataclasses
import importlib
import json
from pathlib import Path

import pytest

import textfix

RULES = textfix.rules()
CASES_DIR = Path(__file__).parent / "cases"


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_module_is_named_after_its_id(rule) -> None:
    module = importlib.import_module(f"textfix.rules.{rule.id}")
    assert module.RULE is rule


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_docstring_has_mechanism_and_examples(rule) -> None:
    doc = importlib.import_module(f"textfix.rules.{rule.id}").__doc__ or ""
    for section in ("Why it arises", "Broken", "Fixed", "Left alone", "Gate"):
        assert section in doc, f"{rule.id} docstring lacks a '{section}' section"
    assert "\n" not in rule.summary and len(rule.summary) < 120


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_has_case_file_with_changes_and_left_alone_cases(rule) -> None:
    path = CASES_DIR / f"{rule.id}.json"
    assert path.exists(), f"missing {path}"
    cases = json.loads(path.read_text(encoding="utf-8"))
    assert any(case["input"] == case["expected"] for case in cases), "no 'left alone' case"
    assert any(case["input"] != case["expected"] for case in cases), "no repair case"
    assert all(case["why"].strip() for case in cases)


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_options_are_frozen_dataclasses(rule) -> None:
    assert dataclasses.is_dataclass(rule.options)
    assert type(rule.options).__dataclass_params__.frozen


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_every_rule_module_is_registered() -> None:
    package = Path(textfix.__file__).parent / "rules"
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")}
    assert modules == {rule.id for rule in RULES}

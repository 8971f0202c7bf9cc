"""One data-driven runner for every rule's documented examples and case file.

Each rule carries ``examples`` (its documentation) and ``tests/cases/<rule_id>.json``
holds more: ``[{"input": ..., "expected": ..., "why": ...}, ...]``, with an optional
``"options"`` mapping for the rule's options (default: the rule's own). Each case runs
the rule alone, so a case names exactly the behaviour of its rule. Test ids read
``<rule_id>: <why>`` so that ``pytest -k <rule_id>`` selects one rule.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import textfix
from textfix.rule import Rule

CASES_DIR = Path(__file__).parent / "cases"


def _only(rule: Rule, options: dict | None = None) -> textfix.Config:
    others = [other.id for other in textfix.rules() if other.id != rule.id]
    return textfix.Config(enable=[rule.id], disable=others, options={rule.id: options or {}})


def _collect() -> list:
    params = []
    for rule in textfix.rules():
        for example in rule.examples:
            params.append(
                pytest.param(
                    rule, example.broken, example.fixed, None, id=f"{rule.id}: {example.why}"
                )
            )
        path = CASES_DIR / f"{rule.id}.json"
        if path.exists():
            for case in json.loads(path.read_text(encoding="utf-8")):
                params.append(
                    pytest.param(
                        rule,
                        case["input"],
                        case["expected"],
                        case.get("options"),
                        id=f"{rule.id}: {case['why']}",
                    )
                )
    return params


@pytest.mark.parametrize(("rule", "broken", "fixed", "options"), _collect())
def test_case(rule: Rule, broken: str, fixed: str, options: dict | None) -> None:
    assert textfix.fix(broken, _only(rule, options)) == fixed

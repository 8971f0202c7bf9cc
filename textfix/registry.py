"""RULES: every rule, in pipeline order. Registering a rule is one line here.

Order matters: rules that repair characters run before rules that read layout,
and paragraph reflow runs last among the layout rules because it needs lines
whose content is already repaired.
"""

from __future__ import annotations

from .rule import Rule
from .rules import remove_space_beside_cjk_punct, undo_overprint

RULES: tuple[Rule, ...] = (
    undo_overprint.RULE,
    remove_space_beside_cjk_punct.RULE,
)

_BY_ID = {rule.id: rule for rule in RULES}


def rule_by_id(rule_id: str) -> Rule:
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise ValueError(
            f"unknown rule {rule_id!r}; run `textfix rules` to list them ({', '.join(_BY_ID)})"
        ) from None

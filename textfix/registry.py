"""RULES: every rule, in pipeline order. Registering a rule is one line here.

Order matters: rules that repair characters run before rules that read layout,
and paragraph reflow runs last because it needs lines whose content is repaired.
"""

from __future__ import annotations

from .rule import Rule
from .rules import (
    convert_script,
    dedupe_separators,
    fix_bracket_lookalikes,
    fix_full_stop_lookalikes,
    fix_mojibake,
    fix_numeric_lookalikes,
    normalize_glyphs,
    normalize_punct_width,
    normalize_range_dash,
    normalize_width,
    pair_cjk_quotes,
    reflow_paragraphs,
    rejoin_toc_page_numbers,
    remove_invisible,
    remove_ocr_han_spaces,
    remove_page_furniture,
    remove_space_beside_cjk_punct,
    restore_box_order,
    space_cjk_latin,
    split_layout_columns,
    split_spaced_columns,
    strip_line_indent,
    undo_overprint,
)

RULES: tuple[Rule, ...] = (
    fix_mojibake.RULE,
    remove_invisible.RULE,
    split_layout_columns.RULE,
    # Furniture goes before spaced columns are read: between two pages of columns joined
    # line by line, a foot and the next page's head would read as column rows. Contents
    # page numbers are rejoined first: a line of digits alone is no page counter then.
    rejoin_toc_page_numbers.RULE,
    remove_page_furniture.RULE,
    split_spaced_columns.RULE,
    restore_box_order.RULE,
    normalize_glyphs.RULE,
    convert_script.RULE,
    undo_overprint.RULE,
    normalize_width.RULE,
    fix_numeric_lookalikes.RULE,
    normalize_range_dash.RULE,
    fix_bracket_lookalikes.RULE,
    normalize_punct_width.RULE,
    fix_full_stop_lookalikes.RULE,
    dedupe_separators.RULE,
    pair_cjk_quotes.RULE,
    remove_ocr_han_spaces.RULE,
    strip_line_indent.RULE,
    space_cjk_latin.RULE,
    remove_space_beside_cjk_punct.RULE,
    reflow_paragraphs.RULE,
)

_BY_ID = {rule.id: rule for rule in RULES}


def rule_by_id(rule_id: str) -> Rule:
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise ValueError(
            f"unknown rule {rule_id!r}; run `textfix rules` to list them ({', '.join(_BY_ID)})"
        ) from None

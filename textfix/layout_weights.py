"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9880.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -10.8086,
    "ends_final": 4.9452,
    "ends_closer": -0.4044,
    "ends_clause": -2.7460,
    "slack_a": 0.4679,
    "fits_next": 2.9009,
    "slack_b": 0.5404,
    "indent_b": 1.8718,
    "blank": 3.0660,
    "wide_a": 2.7824,
    "wide_b": 6.5260,
    "bare_a": 7.2672,
    "bare_b": 1.3865,
    "opens_b": 0.4691,
    "latin_join": 4.5208,
    "final_and_fits": 0.1460,
    "final_and_blank": 0.0639,
    "final_and_indent": 2.6816,
    "bare_and_fits": -1.4252,
    "closer_and_indent": -1.0467,
    "starts_block": -0.9536,
    "unindented_cjk_start": 1.5390,
    "indent_b_open": 0.7720,
    "kept_indent_b": 7.9916,
    "final_b": 0.2167,
    "final_and_short_b": -1.4250,
    "open_indented_start": -2.7237,
    "unindented_in_indented_page": -1.4731,
    "open_end_in_paragraph": -7.7837,
    "lowercase_after_open_latin": -9.2728,
}

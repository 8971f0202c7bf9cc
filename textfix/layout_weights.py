"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9866.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -11.0712,
    "ends_final": 5.9441,
    "ends_closer": 0.1382,
    "ends_clause": -2.6941,
    "slack_a": 0.3359,
    "fits_next": 3.1809,
    "slack_b": 0.3991,
    "indent_b": 1.8040,
    "blank": 3.1836,
    "wide_a": 2.3649,
    "wide_b": 5.7052,
    "bare_a": 7.7488,
    "bare_b": 1.4268,
    "opens_b": 0.7940,
    "latin_join": 3.9536,
    "final_and_fits": -0.2856,
    "final_and_blank": 0.1291,
    "final_and_indent": 2.1435,
    "bare_and_fits": -1.6275,
    "closer_and_indent": -0.9837,
    "starts_block": -1.0630,
    "unindented_cjk_start": 1.4363,
    "indent_b_open": 1.1031,
    "kept_indent_b": 7.5150,
    "final_b": 0.2318,
    "final_and_short_b": -0.9250,
    "open_indented_start": -2.4817,
    "unindented_in_indented_page": -1.2518,
    "open_end_in_paragraph": -7.7552,
    "lowercase_after_open_latin": -8.9963,
}

"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9871.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -11.3640,
    "ends_final": 6.0136,
    "ends_closer": -0.1052,
    "ends_clause": -2.4536,
    "slack_a": 0.3835,
    "fits_next": 3.0249,
    "slack_b": 0.4032,
    "indent_b": 1.3941,
    "blank": 3.1014,
    "wide_a": 2.6324,
    "wide_b": 6.0740,
    "bare_a": 7.9556,
    "bare_b": 1.4083,
    "opens_b": 0.7177,
    "latin_join": 4.1126,
    "final_and_fits": -0.0505,
    "final_and_blank": 0.3430,
    "final_and_indent": 2.2113,
    "bare_and_fits": -1.4755,
    "closer_and_indent": -1.4212,
    "starts_block": -1.0617,
    "unindented_cjk_start": 1.3640,
    "indent_b_open": 1.4899,
    "kept_indent_b": 7.7356,
    "final_b": 0.1426,
    "final_and_short_b": -0.9258,
    "open_indented_start": -2.4224,
    "unindented_in_indented_page": -1.2226,
    "open_end_in_paragraph": -7.8952,
    "lowercase_after_open_latin": -9.0286,
}

"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9863.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -15.5052,
    "ends_final": 7.4800,
    "ends_closer": 1.0924,
    "ends_clause": -1.7466,
    "slack_a": 0.8894,
    "fits_next": 1.1276,
    "slack_b": 0.8369,
    "indent_b": 2.5427,
    "blank": 3.1618,
    "wide_a": 6.5888,
    "wide_b": 7.8028,
    "bare_a": 4.4741,
    "bare_b": 1.7109,
    "opens_b": -0.2944,
    "latin_join": 6.6250,
    "final_and_fits": 2.1619,
    "final_and_blank": 0.1762,
    "final_and_indent": 3.5530,
    "bare_and_fits": 3.6172,
    "closer_and_indent": -1.0912,
    "starts_block": -0.5162,
    "unindented_cjk_start": 6.4692,
    "indent_b_open": -0.2980,
    "kept_indent_b": 9.5794,
    "final_b": -0.1346,
    "final_and_short_b": -2.0705,
    "open_indented_start": -0.2781,
}

"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9832.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -10.8836,
    "ends_final": 6.1367,
    "ends_closer": 3.4781,
    "ends_clause": -3.6953,
    "slack_a": 1.1174,
    "fits_next": 1.0457,
    "slack_b": 0.5083,
    "indent_b": 1.7933,
    "blank": 3.1451,
    "wide_a": 5.5274,
    "wide_b": 5.7998,
    "bare_a": 2.2324,
    "bare_b": 1.7831,
    "opens_b": -1.4245,
    "latin_join": -1.4733,
    "final_and_fits": -0.7210,
    "final_and_blank": 0.3371,
    "final_and_indent": 1.5229,
    "bare_and_fits": 2.3422,
    "closer_and_indent": 0.9590,
    "starts_block": -1.1761,
    "unindented_cjk_start": 7.7782,
    "indent_b_open": -0.2351,
    "kept_indent_b": 5.6050,
    "final_b": 0.4397,
    "final_and_short_b": -1.7787,
}

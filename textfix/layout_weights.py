"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9877.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -14.3468,
    "ends_final": 6.9400,
    "ends_closer": 1.1658,
    "ends_clause": -3.3275,
    "slack_a": 0.8413,
    "fits_next": 2.4559,
    "slack_b": 0.8062,
    "indent_b": 2.9423,
    "blank": 3.1829,
    "wide_a": 6.5691,
    "wide_b": 8.5741,
    "bare_a": 4.0445,
    "bare_b": 1.7044,
    "opens_b": -0.3729,
    "latin_join": 6.0866,
    "final_and_fits": 0.8567,
    "final_and_blank": 0.4110,
    "final_and_indent": 3.5353,
    "bare_and_fits": 1.6878,
    "closer_and_indent": -0.9707,
    "starts_block": -0.1739,
    "unindented_cjk_start": 5.6431,
    "indent_b_open": -0.3765,
    "kept_indent_b": 9.2263,
    "final_b": -0.3549,
    "final_and_short_b": -2.1800,
    "open_indented_start": -0.8443,
    "unindented_in_indented_page": -1.1002,
}

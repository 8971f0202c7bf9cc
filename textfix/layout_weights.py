"""Weights of the reflow rule's line-break decision (``textfix.layout.FEATURES``).

Written by ``tools/fit_reflow_weights.py`` (--documents 4000 --seed 7); training accuracy 0.9867.
Do not edit by hand: change the features or the layout simulator and refit.
"""

WEIGHTS = {
    "bias": -14.8430,
    "ends_final": 7.2807,
    "ends_closer": 0.9703,
    "ends_clause": -1.6876,
    "slack_a": 0.8789,
    "fits_next": 1.0074,
    "slack_b": 0.8702,
    "indent_b": 2.7369,
    "blank": 3.1182,
    "wide_a": 6.8625,
    "wide_b": 8.6690,
    "bare_a": 4.5589,
    "bare_b": 1.6313,
    "opens_b": -0.1610,
    "latin_join": 6.1661,
    "final_and_fits": 2.4851,
    "final_and_blank": 0.2731,
    "final_and_indent": 3.7547,
    "bare_and_fits": 3.2195,
    "closer_and_indent": -0.9407,
    "starts_block": -0.3449,
    "unindented_cjk_start": 5.7297,
    "indent_b_open": -0.5149,
    "kept_indent_b": 9.3723,
    "final_b": -0.1275,
    "final_and_short_b": -2.5424,
    "open_indented_start": -0.5286,
    "unindented_in_indented_page": -1.1617,
}

"""Character classes agree with the Unicode data they summarise."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from textfix import chars, plausibility


def test_fast_width_blocks_are_all_wide_and_three_bytes() -> None:
    for low, high in chars.WIDE_THREE_BYTE_BLOCKS:
        for code in range(ord(low), ord(high) + 1):
            char = chr(code)
            assert unicodedata.east_asian_width(char) in "WF", hex(code)
            assert len(char.encode()) == 3


_FAST_ALPHABET = st.sampled_from(
    "AZaz09 ,.()-" + "".join(sorted(chars.CJK_PUNCT - {"·"})) + "人工智能の한글ＡＢ"
)


@given(st.text(_FAST_ALPHABET, max_size=40))
def test_fast_width_equals_display_width(text: str) -> None:
    assert chars.fast_width_applies(text)
    marks = len(text) - len(chars.drop_cjk_punct(text))
    assert chars.fast_widths([text], [marks]) == [chars.display_width(text)]


@given(st.text(max_size=40))
def test_fast_width_refuses_what_it_cannot_measure(text: str) -> None:
    if chars.fast_width_applies(text):
        marks = len(text) - len(chars.drop_cjk_punct(text))
        assert chars.fast_widths([text], [marks]) == [chars.display_width(text)]


_PLAIN_SIMPLIFIED = st.sampled_from(sorted(plausibility._plain_sets()[0]))
_PLAIN_TRADITIONAL = st.sampled_from(sorted(plausibility._plain_sets()[1]))


@given(st.one_of(st.text(_PLAIN_SIMPLIFIED, max_size=60), st.text(_PLAIN_TRADITIONAL, max_size=60)))
def test_plain_text_shortcut_agrees_with_the_patterns(text: str) -> None:
    assert plausibility.implausibility(text) == 0.0
    assert plausibility.measured_implausibility(text) == 0.0

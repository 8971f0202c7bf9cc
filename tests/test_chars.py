"""Character classes agree with the Unicode data they summarise."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from textfix import chars


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
    assert chars.fast_width(text, marks) == chars.display_width(text)


@given(st.text(max_size=40))
def test_fast_width_refuses_what_it_cannot_measure(text: str) -> None:
    if chars.fast_width_applies(text):
        marks = len(text) - len(chars.drop_cjk_punct(text))
        assert chars.fast_width(text, marks) == chars.display_width(text)

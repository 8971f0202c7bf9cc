"""Properties of ``fix_bracket_lookalikes`` in the default pipeline.

Brackets read twice (one wide ``（`` as a look-alike and a round glyph) are repaired
exactly; clean text, including mismatched-on-purpose half-open intervals, is left
alone; repairs are idempotent; no input makes the rule raise; work is linear.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import textfix

from .strategies import (
    any_text,
    interval_document,
    ocr_clean_document,
    ocr_read_twice_brackets,
    only,
    repair_is_sound,
    work_grows_linearly,
)

ONLY = only("fix_bracket_lookalikes")
read_twice = ocr_clean_document().flatmap(
    lambda clean: st.tuples(st.just(clean), ocr_read_twice_brackets(clean))
)


@given(read_twice)
def test_repairs_brackets_read_twice(case: tuple[str, str]) -> None:
    clean, damaged = case
    assert textfix.fix(damaged) == clean


@given(read_twice)
def test_is_idempotent(case: tuple[str, str]) -> None:
    once = textfix.fix(case[1], ONLY)
    assert textfix.fix(once, ONLY) == once


@given(st.one_of(ocr_clean_document(), interval_document()))
def test_leaves_clean_text_alone(document: str) -> None:
    assert textfix.fix(document) == document


# Dense mixtures of brackets of every confusable shape, which arbitrary Unicode rarely hits.
bracket_soup = st.text(st.sampled_from("（）()〈〉〔〕[]《》 陈\n"), max_size=60)


@given(st.one_of(any_text, bracket_soup))
def test_never_raises_and_edits_point_into_the_input(text: str) -> None:
    assert repair_is_sound(text, ONLY)


def test_work_grows_linearly() -> None:
    unit = "深度求索 〈( DeepSeek )，(〈 陈菁菁 )〈附件〉[0, 1)（（\n"
    assert work_grows_linearly(ONLY, unit)

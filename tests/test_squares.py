"""The square decomposition behind undo_overprint: bounds and choices."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import textfix
from textfix.rules import _squares
from textfix.rules._squares import MAX_OCCURRENCES_TRIED, stretches
from textfix.rules.undo_overprint import MAX_RUN_LENGTH

from . import strategies as s


def runs_of(doubled: str, bound: int = MAX_RUN_LENGTH) -> list[list[str]]:
    return [[run.run for run in stretch.runs] for stretch in stretches(doubled, bound)]


def test_finds_a_run_whose_last_character_recurs_as_often_as_tried() -> None:
    run = "".join(f"{letter}的" for letter in "abcdefgh"[:MAX_OCCURRENCES_TRIED])
    assert runs_of(run + run) == [[run]]


def test_misses_a_run_whose_last_character_recurs_more_often_than_tried() -> None:
    run = "".join(f"{letter}的" for letter in "abcdefghi"[: MAX_OCCURRENCES_TRIED + 1])
    assert [run] not in runs_of(run + run)


def test_runs_up_to_the_bound_are_found_and_longer_ones_are_not() -> None:
    run = "".join(chr(0x4E00 + k) for k in range(MAX_RUN_LENGTH + 1))
    assert runs_of(run[:-1] * 2) == [[run[:-1]]]
    assert runs_of(run * 2) == []
    assert runs_of(run * 2, bound=MAX_RUN_LENGTH + 1) == [[run]]


def test_max_run_length_option_reaches_longer_runs() -> None:
    phrase = "".join(chr(0x4E00 + k) for k in range(40))
    doubled = "22月月" + phrase * 2 + "。。"
    others = [rule.id for rule in textfix.rules() if rule.id != "undo_overprint"]
    default = textfix.Config(disable=others)
    longer = default.replace(options={"undo_overprint": {"max_run_length": 40}})
    assert textfix.fix(doubled, default) == doubled
    assert textfix.fix(doubled, longer) == "2月" + phrase + "。"


def test_a_single_space_between_squares_is_a_gap() -> None:
    assert runs_of("还月亮还月亮 摄摄") == [["还月亮", " ", "摄"]]


def test_copies_apart_by_one_space_are_a_square() -> None:
    assert runs_of("13 13日日") == [["13", "日"]]


def searched_everywhere(text: str, bound: int) -> list:
    """The covering of each prefix of ``text``, searched at every position."""
    reach: list = [None] * (len(text) + 1)
    for end in range(2, len(text) + 1):
        reach[end] = _squares._best_at(text, end, reach, bound)
    return reach


def reach(text: str, bound: int) -> list:
    return _squares._reach(text, bound, _squares._square_ends(text, bound))


@given(s.repetitive_text(), st.sampled_from([1, 2, 5, 8, MAX_RUN_LENGTH]))
def test_covering_copied_where_text_repeats_is_the_one_searched(text: str, bound: int) -> None:
    assert reach(text, bound) == searched_everywhere(text, bound)


@given(
    st.one_of(s.paragraph, s.repetitive_text(), st.text(alphabet="ab 月", max_size=80)),
    st.sampled_from([1, 2, 5, MAX_RUN_LENGTH]),
)
def test_covering_searched_only_where_squares_end_is_the_one_searched_everywhere(
    text: str, bound: int
) -> None:
    assert reach(text, bound) == searched_everywhere(text, bound)


def searched_ends(monkeypatch) -> list[int]:
    """The ends at which the covering is searched from now on, in the order searched."""
    searched: list[int] = []
    best_at = _squares._best_at

    def counted(text: str, end: int, *rest: object) -> object:
        searched.append(end)
        return best_at(text, end, *rest)

    monkeypatch.setattr(_squares, "_best_at", counted)
    return searched


def test_a_long_line_is_searched_only_where_squares_end(monkeypatch) -> None:
    searched = searched_ends(monkeypatch)
    # Prose recurs its letters within a run's length almost everywhere, and has no
    # squares but its doubled letters: each is searched where it ends.
    line = "A small class of seventeen students met at noon to discuss the plan. " * 200
    stretches(line, MAX_RUN_LENGTH)
    assert len(searched) == len(re.findall(r"(.)\1", line)) < len(line) / 5


def test_repetitive_text_is_searched_only_until_its_covering_repeats(monkeypatch) -> None:
    searched = searched_ends(monkeypatch)
    for unit in ("月", "月日", "哈哈哈哈，", "2020年", "ab "):
        searched.clear()
        stretches(unit * 500, MAX_RUN_LENGTH)
        short = len(searched)
        searched.clear()
        stretches(unit * 2000, MAX_RUN_LENGTH)
        assert len(searched) == short < 500

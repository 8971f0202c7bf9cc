"""Long texts are repaired a window at a time, cut where paragraphs end: the windows
cover the text in order, cut at the strongest line end in reach, and the windowed run
reports what its windows' runs report, mapped into the whole input."""

from __future__ import annotations

import sys
import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests import layouts
from tests import strategies as gen
from textfix import _engine
from textfix.config import WINDOW_CHARS, Config
from textfix.registry import RULES
from textfix.windows import windows

documents = st.one_of(
    gen.corpus_document(),
    gen.wrapped_document(),
    gen.ocr_corrupted().map(lambda pair: pair[1]),
    gen.any_text,
)
sizes = st.integers(0, 120)
LINE_ENDS = "\n\f"
BLANK_LINE_CHARS = set(" \t\u3000\n\f")


@given(documents, sizes)
def test_windows_cover_the_text_in_order(text: str, size: int) -> None:
    spans = list(windows(text, size))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    ends, starts = [end for _, end in spans[:-1]], [start for start, _ in spans[1:]]
    assert ends == starts
    assert all(start < end for start, end in spans) or text == ""


@given(documents, st.integers(2, 120))
def test_every_cut_follows_a_line_end_in_the_second_half_of_its_window_or_the_first_after_it(
    text: str, size: int
) -> None:
    for start, end in list(windows(text, size))[:-1]:
        assert text[end - 1] in LINE_ENDS
        assert end - start > size // 2
        beyond = text[start + size : end]
        if end - start > size and not set(beyond) <= BLANK_LINE_CHARS:
            # Not the blank lines after a paragraph's end: nothing ended a line in reach.
            reach = text[start + size // 2 : start + size]
            assert not any(mark in reach for mark in LINE_ENDS)
            assert not any(mark in text[start + size : end - 1] for mark in LINE_ENDS)


@given(documents, st.integers(2, 120))
def test_only_a_text_with_no_line_end_in_reach_is_left_longer_than_one_and_a_half_windows(
    text: str, size: int
) -> None:
    start, end = list(windows(text, size))[-1]
    if end - start > size + size // 2:
        assert not any(mark in text[start + size // 2 : end - 1] for mark in LINE_ENDS)


@st.composite
def paragraphs_document(draw: st.DrawFn) -> tuple[str, int]:
    """Finished CJK paragraphs, each followed by a blank line, and a window size that
    always has a paragraph end in reach."""
    paragraphs = draw(st.lists(gen.cjk_paragraph(), min_size=2, max_size=8))
    longest = max(map(len, paragraphs))
    return "".join(p + "\n\n" for p in paragraphs), draw(st.integers(2 * longest + 6, 6 * longest))


@given(paragraphs_document())
def test_a_window_is_cut_where_a_paragraph_ends_when_one_is_in_reach(
    case: tuple[str, int],
) -> None:
    text, size = case
    boundaries = {index + 2 for index in range(len(text)) if text.startswith("\n\n", index)}
    cuts = [end for _, end in windows(text, size)][:-1]
    assert set(cuts) <= boundaries


def test_a_line_ending_a_sentence_is_preferred_to_a_line_ending_a_word() -> None:
    text = "前面的字\n这一句话写完了。\n后面还有的字\n再往后的字写在这里\n最后一行的字也写在这里\n"
    # In reach (characters 12 to 24): the end of the sentence line and of the next line.
    (first_start, first_end), *_ = windows(text, 24)
    assert text[first_start:first_end] == "前面的字\n这一句话写完了。\n"


def test_a_text_without_line_breaks_is_one_window() -> None:
    assert list(windows("月" * 1000, 10)) == [(0, 1000)]


@pytest.mark.parametrize("size", [0, 10_000])
def test_a_short_text_or_window_size_0_is_one_window(size: int) -> None:
    text = "第一段。\n\n第二段。\n" * 100
    assert list(windows(text, size)) == [(0, len(text))]


@given(documents, st.integers(8, 80))
def test_windowed_fix_is_each_windows_fix_and_equals_windowed_explain(text: str, size: int) -> None:
    config = Config(window_chars=size)
    whole = Config(window_chars=0)
    fixed = textfix.fix(text, config)
    assert fixed == "".join(textfix.fix(text[a:b], whole) for a, b in windows(text, size))
    assert textfix.explain(text, config).text == fixed


def _made(edits, shift: int = 0) -> list[tuple[str, int, int, str, str, str]]:
    """The edits that changed the text, as tuples, moved ``shift`` characters on."""
    return [
        (e.rule, e.start + shift, e.end + shift, e.before, e.after, e.note)
        for e in edits
        if e.before != e.after
    ]


@given(documents, st.integers(8, 80))
def test_windowed_explain_reports_each_windows_edits_in_the_whole_input_in_pipeline_order(
    text: str, size: int
) -> None:
    whole = Config(window_chars=0)
    by_window = [
        edit
        for a, b in windows(text, size)
        for edit in _made(textfix.explain(text[a:b], whole).edits, shift=a)
    ]
    order = {rule.id: index for index, rule in enumerate(RULES)}
    expected = sorted(by_window, key=lambda edit: order[edit[0]])
    assert _made(textfix.explain(text, Config(window_chars=size)).edits) == expected


@given(documents, st.integers(8, 80))
def test_windowed_offsets_map_each_windows_output_into_that_window_in_order(
    text: str, size: int
) -> None:
    repair = textfix.explain(text, Config(window_chars=size))
    whole = Config(window_chars=0)
    output_start = 0
    for start, end in windows(text, size):
        window = textfix.explain(text[start:end], whole)
        for offset in range(len(window.text) + 1):
            for is_end in (False, True):
                mapped = repair.to_original(output_start + offset, is_end=is_end)
                assert start <= mapped <= end
                if 0 < offset < len(window.text):  # a window's edge belongs to both
                    assert mapped == start + window.to_original(offset, is_end=is_end)
        output_start += len(window.text)
    for block in repair.blocks:
        assert 0 <= block.start <= block.end <= len(text)


def test_where_each_window_starts_maps_to_where_it_starts_in_the_input() -> None:
    page = "第一段写完了。\n\n第二段的开\n头写在这里。\n\n"
    text = page * 40
    config = Config(window_chars=60)
    repair = textfix.explain(text, config)
    output_start = 0
    for start, end in windows(text, 60):
        window_output = textfix.fix(text[start:end], Config(window_chars=0))
        assert repair.to_original(output_start) == start
        output_start += len(window_output)
        assert repair.to_original(output_start, is_end=True) == end
    assert output_start == len(repair.text)


def _peak_of_fix(text: str, config: Config) -> int:
    textfix.fix(text[:2000], config)  # tables built on first use are the process's
    tracemalloc.start()
    try:
        textfix.fix(text, config)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_text_read_in_windows_needs_little_more_than_its_output() -> None:
    text = "\n\n".join(layouts.random_extractions(40)) * 10
    windowed = _peak_of_fix(text, Config(window_chars=len(text) // 20))
    whole = _peak_of_fix(text, Config(window_chars=0))
    # Read whole, the rules' facts about a text weigh several times it; read in windows,
    # the output and its windows' outputs (each at most the text) and one window's work.
    assert windowed < 3 * sys.getsizeof(text) < whole


def test_window_chars_is_a_whole_number_of_characters() -> None:
    assert Config().window_chars == WINDOW_CHARS > 0
    for wrong in (-1, 1.5, "100"):
        with pytest.raises(ValueError, match="window_chars"):
            Config(window_chars=wrong)  # type: ignore[arg-type]
    assert _engine.run("", Config(window_chars=1), track=True).text == ""

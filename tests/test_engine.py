"""The engine: ``fix`` applies each rule's changes as the rule reports them, in bounded
chunks, and must give exactly what ``explain`` gives and what applying every rule's whole
list of changes gives; it holds about two texts' worth of memory and keeps none after."""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests import layouts
from tests import strategies as gen
from textfix import _engine
from textfix.config import Config
from textfix.rule import Change, ChangeColumns, Rule

documents = st.one_of(
    gen.corpus_document(),
    gen.ocr_corrupted().map(lambda pair: pair[1]),
    gen.any_text,
)


def _rule_by_rule(text: str, config: Config) -> str:
    """The pipeline applied the plain way: each rule's whole list, last change first."""
    for rule in _engine.active_rules(config):
        for start, end, after, _ in reversed(list(rule.find(text, config.options_for(rule)))):
            text = text[:start] + after + text[end:]
    return text


@pytest.mark.parametrize("chunk_chars", [1, 7, _engine._CHUNK_CHARS])
@given(text=documents, ocr=st.booleans())
def test_fix_equals_explain_and_each_rule_applied_in_turn(
    chunk_chars: int, text: str, ocr: bool
) -> None:
    config = Config.preset("ocr") if ocr else Config()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_engine, "_CHUNK_CHARS", chunk_chars)
        fixed = textfix.fix(text, config)
        assert fixed == textfix.explain(text, config).text == _rule_by_rule(text, config)


@given(documents)
def test_fix_and_explain_count_the_same_changes(text: str) -> None:
    streamed: Counter[str] = Counter()
    tracked: Counter[str] = Counter()
    _engine.run(text, Config(), track=False, counts=streamed)
    _engine.run(text, Config(), track=True, counts=tracked)
    assert streamed == tracked


@contextmanager
def _only(rule: Rule) -> Iterator[None]:
    """The pipeline with ``rule`` alone in it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_engine, "RULES", (rule,))
        yield


def _fake_rule(find: object) -> Rule:
    return Rule(id="fake", summary="", default=True, find=find, options=None, examples=())  # type: ignore[arg-type]


def test_out_of_order_changes_raise_in_fix_and_explain() -> None:
    rule = _fake_rule(lambda text, options: [Change(2, 3, "x"), Change(0, 1, "y")])
    with _only(rule):
        for run in (textfix.fix, textfix.explain):
            with pytest.raises(_engine.RuleError, match="fake"):
                run("abcdef")


def _outcome(text: str, chunk_chars: int) -> tuple[str, tuple, Counter[str]] | str:
    """What fix and explain give for ``text`` (the changes counted), or the error raised."""
    counts: Counter[str] = Counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_engine, "_CHUNK_CHARS", chunk_chars)
        patch.setattr(_engine, "_CHUNK_PIECES", chunk_chars // (4 * _engine._PIECE_CHARS))
        try:
            fixed = _engine.run(text, Config(), track=False, counts=counts).text
            return fixed, textfix.explain(text).edits, counts
        except _engine.RuleError as error:
            return str(error)


@pytest.mark.parametrize("chunk_chars", [1, 7, _engine._CHUNK_CHARS])
@given(gen.change_lists())
def test_change_columns_give_what_their_changes_give_one_by_one(
    chunk_chars: int, drawn: tuple[str, list[tuple[int, int, str, str]]]
) -> None:
    text, changes = drawn
    listed = _fake_rule(lambda text, options: [Change(*change) for change in changes])
    starts, ends, afters, notes = (
        (list(column) for column in zip(*changes, strict=True)) if changes else ([], [], [], [])
    )
    columns = ChangeColumns(starts, ends, afters, notes)
    with _only(listed):
        expected = _outcome(text, chunk_chars)
    with _only(_fake_rule(lambda text, options: columns)):
        assert _outcome(text, chunk_chars) == expected


def test_change_columns_of_unequal_lengths_raise() -> None:
    rule = _fake_rule(lambda text, options: ChangeColumns([0], [1], ["x"], []))
    with _only(rule), pytest.raises(_engine.RuleError, match="unequal lengths"):
        textfix.fix("abc")


def _spaces_dropped(text: str, options: object) -> Iterator[Change]:
    position = text.find(" ")
    while position >= 0:
        yield Change(position, position + 1, "")
        position = text.find(" ", position + 1)


def _traced_fix(text: str) -> tuple[str, int, int]:
    """``textfix.fix(text)`` with the memory held when it returns and at its peak."""
    tracemalloc.start()
    try:
        fixed = textfix.fix(text)
        # What is held is what can still be reached: unreachable cycles and the
        # interpreter's free lists go with the next collection, whenever that runs.
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return fixed, held, peak


def test_fix_holds_about_two_texts_however_many_changes_a_rule_reports() -> None:
    # A change every six characters: held as a list, the changes and their pieces alone
    # would take several times the text.
    text = "人工智能 产业 发展 " * 50_000
    with _only(_fake_rule(_spaces_dropped)):
        textfix.fix(text[:100])
        fixed, _, peak = _traced_fix(text)
    assert " " not in fixed
    # The output (8/11 of the text) and its chunks, each joined once.
    assert peak < 2 * sys.getsizeof(text)


def test_fix_keeps_nothing_about_the_texts_it_read() -> None:
    text = "\n".join(layouts.random_extractions(20)) * 20
    # Tables and caches the rules fill on first use belong to the process, not the text:
    # a first run fills them, and the second may keep nothing of its own.
    textfix.fix(text)
    fixed, retained, _ = _traced_fix(text)
    # Pages and protected regions of a text are several times its size; the output stays.
    assert retained < sys.getsizeof(fixed) + sys.getsizeof(text) // 4

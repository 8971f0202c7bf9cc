"""convert_script with the phrase conversions, whose words grow or shrink (内存 -> 記憶體):
edits are aligned with the words they convert, never compared position by position across
shifted text. Also checks, from OpenCC's own dictionaries, which conversions change lengths
and that no dictionary word holds the characters the alignment splits at."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests import strategies as gen
from textfix.rules import convert_script


def _explain(text: str, conversion: str) -> textfix.Repair:
    others = [rule.id for rule in textfix.rules() if rule.id != "convert_script"]
    config = textfix.Config(
        enable=["convert_script"],
        disable=others,
        options={"convert_script": {"conversion": conversion}},
    )
    return textfix.explain(text, config)


def _edits(text: str, conversion: str) -> list[tuple[str, str]]:
    return [(edit.before, edit.after) for edit in _explain(text, conversion).edits]


def test_a_word_that_grows_and_one_that_shrinks_on_two_lines_are_edited_where_they_stand() -> None:
    # 内存 gains a character and 方便面 loses one, so the text keeps its length.
    assert _edits("买了内存\n吃方便面\n", "s2twp") == [
        ("买", "買"),
        ("内存", "記憶體"),
        ("方便面", "泡麵"),
    ]


def test_growing_and_shrinking_words_on_one_line_are_edited_where_they_stand() -> None:
    assert _edits("泡麵ab記憶體，網際網路", "tw2sp") == [
        ("泡麵", "方便面"),
        ("記憶體", "内存"),
        ("網際網路", "互联网"),
    ]


def test_one_character_between_a_shrinking_and_a_growing_word_stays_out_of_the_edits() -> None:
    # Six substitutions cost as much as the two words' edits: the alignment keeps the 0.
    assert _edits("記憶體0泡麵", "tw2sp") == [("記憶體", "内存"), ("泡麵", "方便面")]


@given(gen.phrase_converted_lines())
def test_phrase_edits_give_opencc_output_and_touch_only_the_converted_words(
    case: tuple[str, str, list[bool]],
) -> None:
    conversion, text, in_word = case
    repair = _explain(text, conversion)
    assert repair.text == opencc.OpenCC(conversion).convert(text)
    for edit in repair.edits:
        assert text[edit.start : edit.end] == edit.before
        assert all(in_word[edit.start : edit.end]), (edit, text)


def test_a_long_line_is_aligned_stretch_by_stretch() -> None:
    text = "买了内存，吃方便面。" * 200
    repair = _explain(text, "s2twp")
    assert repair.text == opencc.OpenCC("s2twp").convert(text)
    assert {(edit.before, edit.after) for edit in repair.edits} == {
        ("买", "買"),
        ("内存", "記憶體"),
        ("方便面", "泡麵"),
    }


def test_a_long_stretch_without_punctuation_is_converted_as_one_change() -> None:
    text = "吃方便面买内存" * 200
    repair = _explain(text, "s2twp")
    assert repair.text == opencc.OpenCC("s2twp").convert(text)
    assert len(repair.edits) == 1


# ---- OpenCC's dictionaries ----

# Entries of each dictionary OpenCC ships, by file name.
Dictionaries = dict[str, list[tuple[str, list[str]]]]
_OPENCC_CLIB = Path(opencc.__file__).parent / "clib"
_OPENCC_DICT_TOOL = _OPENCC_CLIB / "bin" / "opencc_dict"


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory: pytest.TempPathFactory) -> Dictionaries:
    """Every dictionary OpenCC ships, by file name: ``(word, conversions)`` entries."""
    if not _OPENCC_DICT_TOOL.exists():
        pytest.skip("this OpenCC build ships no opencc_dict tool to read its dictionaries")
    out = tmp_path_factory.mktemp("opencc")
    environment = {**os.environ, "LD_LIBRARY_PATH": str(_OPENCC_CLIB / "lib64")}
    entries = {}
    for binary in sorted((_OPENCC_CLIB / "share" / "opencc").glob("*.ocd2")):
        dump = out / f"{binary.stem}.txt"
        command = [str(_OPENCC_DICT_TOOL), "-i", binary, "-o", dump, "-f", "ocd2", "-t", "text"]
        subprocess.run(command, check=True, env=environment, capture_output=True)
        lines = dump.read_text(encoding="utf-8").splitlines()
        entries[binary.name] = [
            (word, values.split(" ")) for word, values in (line.split("\t") for line in lines)
        ]
    return entries


def _dictionary_files(config: object) -> set[str]:
    if isinstance(config, dict):
        found = {config["file"]} if isinstance(config.get("file"), str) else set()
        return found.union(*(_dictionary_files(value) for value in config.values()))
    if isinstance(config, list):
        return set().union(*(_dictionary_files(value) for value in config))
    return set()


def test_only_the_resizing_conversions_map_words_to_other_lengths(
    dictionaries: Dictionaries,
) -> None:
    share = _OPENCC_CLIB / "share" / "opencc"
    for conversion in convert_script.CONVERSIONS:
        config = json.loads((share / f"{conversion}.json").read_text(encoding="utf-8"))
        resizes = any(
            len(value) != len(word)
            for name in _dictionary_files(config)
            for word, values in dictionaries[name]
            for value in values
        )
        assert resizes == (conversion in convert_script.RESIZING_CONVERSIONS), conversion


def test_no_dictionary_word_holds_a_stretch_separator(
    dictionaries: Dictionaries,
) -> None:
    for name, entries in dictionaries.items():
        for word, values in entries:
            for written in (word, *values):
                assert convert_script.STRETCH.fullmatch(written), (name, written)


def test_text_after_a_nul_character_is_converted_not_lost() -> None:
    # OpenCC's conversions of several steps stop their output at a NUL character.
    assert _explain("内存\0方便面 a", "s2twp").text == "記憶體\0泡麵 a"


@given(gen.any_text, st.sampled_from(sorted(convert_script.RESIZING_CONVERSIONS)))
def test_phrase_conversions_report_valid_edits_and_never_raise(text: str, conversion: str) -> None:
    for edit in _explain(text, conversion).edits:
        assert text[edit.start : edit.end] == edit.before != edit.after

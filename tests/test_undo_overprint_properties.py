"""Properties of undo_overprint: it inverts every shape of fake-bold doubling it claims
to repair, never changes clean text, is idempotent and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import textfix
from textfix.rules import _overprint_shuffled, undo_overprint
from textfix.rules._overprint_evidence import CONVENTIONAL_DOUBLES, is_telltale
from textfix.rules._overprint_joined import MAX_LINE_CHARS, MIN_TELLTALE_SHARE
from textfix.rules._overprint_lines import MIN_SHARED_PART_OF_STEP, MIN_STAIRCASE_OVERLAPS
from textfix.rules._overprint_shuffled import MAX_SHUFFLE_LINES
from textfix.rules._squares import Run
from textfix.rules.undo_overprint import LINE_EVIDENCE, MAX_RUN_LENGTH

from . import strategies as s
from .strategies import only

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ONLY = only(undo_overprint.RULE.id)

short_text = st.one_of(s.cjk_sentence(), s.latin_sentence(), s.mixed_paragraph()).filter(
    lambda text: len(text) <= 160
)


def repair(text: str) -> str:
    return textfix.fix(text, ONLY)


def has_evidence(runs: list[str]) -> bool:
    """Enough doubled runs for the rule to act on a whole line (its documented threshold)."""
    return LINE_EVIDENCE.is_met_by([Run(0, 0, run, doubled=run != " ") for run in runs])


def bounded(runs: list[str]) -> list[str]:
    """The same runs, cut further so that none is longer than the searched bound."""
    return [run[k : k + MAX_RUN_LENGTH] for run in runs for k in range(0, len(run), MAX_RUN_LENGTH)]


def glyph_paired(run: str) -> bool:
    return len(run) % 2 == 0 and all(run[k] == run[k + 1] for k in range(0, len(run), 2))


@given(st.data())
def test_restores_runs_doubled_in_place(data: st.DataObject) -> None:
    text = data.draw(short_text)
    runs = bounded(data.draw(s.runs_of(text, min_runs=3)))
    assume(has_evidence(runs) and not s.has_square(text))
    assert repair(s.double_in_place(runs)) == text


@given(s.reduplicated_paragraph().filter(lambda text: len(text) <= 160))
def test_restores_font_runs_of_text_with_reduplications(text: str) -> None:
    runs = bounded(s.font_runs(text))
    assume(has_evidence(runs) and not s.has_square(text, letters=2))
    # A doubled run that itself pairs up glyph by glyph (``高高兴兴``) reads as glyphs
    # when every other run does too: see ``_squares``.
    assume(not all(glyph_paired(run + run) for run in runs) or all(len(r) == 1 for r in runs))
    assert repair(s.double_in_place(runs)) == text


@given(short_text)
def test_restores_glyph_by_glyph_doubling(text: str) -> None:
    assume(has_evidence(list(text)))
    assert repair(s.double_glyphs(text)) == text


@given(st.data())
def test_restores_doubling_with_single_gap_spaces(data: st.DataObject) -> None:
    text = data.draw(short_text)
    runs = bounded(s.font_runs(text))
    assume(has_evidence(runs) and not s.has_square(text))
    assert repair(s.double_with_gaps(runs)) == text


# Copies set apart occur in CJK lines (``13 13日日``); beside a space run they are
# ambiguous (``ab ab  c c`` is also ``ab `` + `` c`` doubled), so spaceless text here.
spaceless_text = st.one_of(s.cjk_sentence(), s.mixed_paragraph()).filter(
    lambda text: " " not in text and len(text) <= 160
)


@given(st.data())
def test_restores_copies_separated_by_a_space(data: st.DataObject) -> None:
    text = data.draw(spaceless_text)
    runs = bounded(s.font_runs(text))
    separated = data.draw(st.lists(st.booleans(), min_size=len(runs), max_size=len(runs)))
    assume(has_evidence(runs) and not s.has_square(text))
    assert repair(s.double_separated(runs, separated)) == text


@given(st.data())
def test_keeps_one_copy_of_each_copied_line(data: st.DataObject) -> None:
    text = data.draw(short_text)
    runs = [run.strip() for run in data.draw(s.runs_of(text, min_runs=3)) if run.strip()]
    assume(has_evidence(runs))
    assert repair(s.double_on_lines(runs)) == "\n".join(runs)


def is_list_shaped(runs: list[str], cut: list[bool], *, keep_glyph_copies: bool) -> bool:
    """Lines that read as entries of a list (``北京—上海`` / ``上海—广州`` / ``广州—深圳``):
    one separator holding a mark between every two cut runs, and before the first and
    after the last, with uncut text beyond. The rule leaves them alone."""
    cuts = [k for k, is_cut in enumerate(cut) if is_cut]
    middles = [
        "".join(run * 2 if keep_glyph_copies and len(run) == 1 else run for run in runs[a + 1 : b])
        for a, b in zip(cuts, cuts[1:], strict=False)
    ]
    separator = middles[0] if middles else ""
    head, tail = "".join(runs[: cuts[0]]), "".join(runs[cuts[-1] + 1 :])
    return (
        bool(separator.strip())
        and set(middles) == {separator}
        and head.endswith(separator)
        and tail.startswith(separator)
        and min(len(head), len(tail)) > len(separator)
    )


def is_provable_staircase(
    runs: list[str], cut: list[bool], *, keep_glyph_copies: bool = False
) -> bool:
    """The documented evidence of a staircase: enough distinct runs cut between their
    copies (not only marks doubled by convention), every line between two cut runs
    mostly made of them, and the lines no list (see ``_overprint_lines``)."""
    cuts = [k for k, is_cut in enumerate(cut) if is_cut]
    shared = {runs[k] for k in cuts if not set(runs[k]) <= CONVENTIONAL_DOUBLES}
    steps = zip(cuts, cuts[1:], strict=False)
    return (
        len(shared) >= MIN_STAIRCASE_OVERLAPS
        and LINE_EVIDENCE.is_enough_text("".join(runs))
        and all(
            len(runs[a] + runs[b]) >= MIN_SHARED_PART_OF_STEP * len("".join(runs[a : b + 1]))
            for a, b in steps
        )
        and not is_list_shaped(runs, cut, keep_glyph_copies=keep_glyph_copies)
    )


# The runs a PDF draws for a caption: font runs, none longer than the searched bound.
# A text that repeats a phrase (``DeepSeekDeepSeek``) reads as that phrase doubled in
# place too: no repair can tell, so such twins are left out.
@st.composite
def caption_runs(draw: st.DrawFn, texts: st.SearchStrategy[str] = short_text) -> list[str]:
    text = draw(texts.filter(lambda text: not s.has_square(text)))
    return bounded(s.font_runs(text))


@given(st.data())
def test_joins_a_pdftotext_staircase(data: st.DataObject) -> None:
    runs = data.draw(caption_runs())
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=False))
    assume(is_provable_staircase(runs, cut))
    assert repair(s.staircase(runs, cut)) == "".join(runs)


@given(st.data())
def test_joins_a_pymupdf_staircase(data: st.DataObject) -> None:
    # PyMuPDF loses the gap between two Han runs (``张伟摄）``): spaceless captions here.
    runs = data.draw(caption_runs(spaceless_text))
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=True))
    assume(is_provable_staircase(runs, cut))
    assert repair(s.staircase(runs, cut)) == "".join(runs)


@given(st.data())
def test_joins_a_pymupdf_staircase_ending_in_both_copies_of_its_last_run(
    data: st.DataObject,
) -> None:
    runs = data.draw(caption_runs())
    made = s.staircase_with_final_copies(runs, data.draw(st.integers(0, len(runs) - 1)))
    assume(made is not None and is_provable_staircase(runs, made[1]))
    assert repair(made[0]) == "".join(runs)


@st.composite
def gaps_lost(draw: st.DrawFn, runs: list[str], cut: list[bool]) -> tuple[list[str], list[bool]]:
    """A caption whose words are set apart by gaps that PyMuPDF drops (``（本报记者 陈静 摄）``
    → ``本报记者陈静``): some cut runs split in two cut runs of the same kind, both long
    enough to be cut."""
    split_runs, split_cut = [], []
    for run, is_cut in zip(runs, cut, strict=True):
        if is_cut and len(run) >= 4 and draw(st.booleans()):
            at = draw(st.integers(2, len(run) - 2))
            split_runs += [run[:at], run[at:]]
            split_cut += [True, True]
        else:
            split_runs.append(run)
            split_cut.append(is_cut)
    return split_runs, split_cut


@given(st.data())
def test_joins_a_pymupdf_staircase_that_lost_its_gaps(data: st.DataObject) -> None:
    runs = data.draw(caption_runs(spaceless_text))
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=True))
    runs, cut = data.draw(gaps_lost(runs, cut))
    assume(is_provable_staircase(runs, cut))
    assert repair(s.staircase(runs, cut)) == "".join(runs)


def is_provable_joined_staircase(runs: list[str]) -> bool:
    """The documented evidence of a joined staircase (``_overprint_joined``): a line's
    evidence from the runs of two glyphs or more, telltale runs holding half its text, the
    line opening with a doubled run or holding a run of word characters doubled right
    before a mark or the line end, a line long enough to read and short enough to be a
    page's."""
    pieces = [Run(0, 0, run, doubled=len(run) > 1 and not run.isspace()) for run in runs]
    text = "".join(runs)
    telltale = sum(len(p.run) for p in pieces if p.doubled and is_telltale(p.run))
    length = len(s.joined_staircase(runs))
    found = pieces[0].doubled or any(
        run.doubled
        and run.run.isalnum()
        and (k + 1 == len(runs) or not (runs[k + 1][0].isalnum() or runs[k + 1][0] in " \t"))
        for k, run in enumerate(pieces)
    )
    return (
        found
        and LINE_EVIDENCE.is_met_by(pieces)
        and telltale >= MIN_TELLTALE_SHARE * sum(not char.isspace() for char in text)
        and 2 * LINE_EVIDENCE.restored_chars <= length <= MAX_LINE_CHARS
        and "  " not in text
    )


@given(caption_runs())
def test_restores_a_staircase_joined_on_one_line(runs: list[str]) -> None:
    assume(is_provable_joined_staircase(runs))
    assert repair(s.joined_staircase(runs)) == "".join(runs)


@given(caption_runs(), st.sampled_from(["  ", "    "]), short_text)
def test_restores_a_joined_staircase_beside_a_column(
    runs: list[str], gap: str, column: str
) -> None:
    # PyMuPDF's sorted text puts a caption on the baseline of a column's line beside it,
    # after a gap of spaces: that stretch is read alone.
    assume(is_provable_joined_staircase(runs) and "  " not in column)
    assume(repair(column) == column)
    line = column + gap + s.joined_staircase(runs)
    assert repair(line) == column + gap + "".join(runs)


@given(st.data())
def test_joins_a_staircase_that_keeps_both_copies_of_single_glyphs(data: st.DataObject) -> None:
    runs = data.draw(caption_runs())
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=False))
    assume(is_provable_staircase(runs, cut, keep_glyph_copies=True))
    assert repair(s.staircase(runs, cut, keep_glyph_copies=True)) == "".join(runs)


@given(st.data())
def test_joins_text_boxes_cut_between_copies_doubled_in_place(data: st.DataObject) -> None:
    runs = data.draw(caption_runs())
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=True))
    assume(has_evidence(runs))
    assert repair(s.double_in_boxes(runs, cut)) == "".join(runs)


def is_findable_shuffle(pieces: list[str], shuffled: str) -> bool:
    """Some piece is still followed by the piece after it (the rule looks for shuffled
    pieces only from such a pair or a line that holds doubled runs: its gate), and each
    piece lies within ``MAX_SHUFFLE_LINES`` of the next (the lines searched)."""
    lines = shuffled.split("\n")
    where = {line: k for k, line in enumerate(lines) if line}
    filled = [line for line in lines if line]
    in_text = set(zip(filled, filled[1:], strict=False))
    return any(pair in in_text for pair in zip(pieces, pieces[1:], strict=False)) and all(
        abs(where[a] - where[b]) <= MAX_SHUFFLE_LINES
        for a, b in zip(pieces, pieces[1:], strict=False)
    )


@given(st.data())
def test_joins_text_box_pieces_put_out_of_order(data: st.DataObject) -> None:
    runs = data.draw(caption_runs())
    cut = data.draw(s.cuts_between_copies(runs, merge_glyphs=True))
    # A run drawn twice (``AI`` … ``AI``) may link pieces either way: the order is open.
    long_runs = [run for run in runs if len(run.strip()) > 1]
    assume(has_evidence(runs) and len(set(long_runs)) == len(long_runs))
    pieces = s.box_pieces(runs, cut)
    shuffled = data.draw(s.shuffled_boxes(pieces))
    assume(is_findable_shuffle(pieces, shuffled))
    assert repair(shuffled) == "".join(runs)


@given(s.chained_list())
def test_lists_of_chained_entries_are_unchanged(text: str) -> None:
    assert repair(text) == text


@given(st.data())
def test_lists_of_chained_entries_out_of_order_are_unchanged(data: st.DataObject) -> None:
    entries = [line for line in data.draw(s.chained_list()).split("\n") if line]
    text = data.draw(s.shuffled_boxes(entries))
    assert repair(text) == text


@given(s.echoing_document())
def test_lines_that_begin_with_the_last_word_of_the_line_before_are_unchanged(text: str) -> None:
    assert repair(text) == text


@given(s.clean_document(s.reduplicated_paragraph()))
def test_clean_text_with_reduplications_is_unchanged(text: str) -> None:
    assert repair(text) == text


@given(s.wrapped_document())
def test_hard_wrapped_clean_text_is_unchanged(text: str) -> None:
    assert repair(text) == text


@given(st.data())
def test_is_idempotent(data: st.DataObject) -> None:
    text = data.draw(short_text)
    runs = data.draw(s.runs_of(text, min_runs=2))
    font_runs = s.font_runs(text)
    cut = data.draw(s.cuts_between_copies(font_runs, merge_glyphs=False))
    broken = data.draw(
        st.sampled_from(
            [
                s.double_in_place(runs),
                s.double_glyphs(text),
                s.double_on_lines(runs),
                s.staircase(font_runs, cut),
                s.staircase(font_runs, cut, keep_glyph_copies=True),
                s.double_in_boxes(font_runs, cut),
                s.joined_staircase(font_runs),
                text,
            ]
        )
    )
    once = repair(broken)
    assert repair(once) == once


@given(s.any_text)
def test_never_raises_and_reports_valid_edits(text: str) -> None:
    repaired = textfix.explain(text, ONLY)
    for edit in repaired.edits:
        assert text[edit.start : edit.end] == edit.before
        assert edit.note.startswith("runs: ")
    assert repair(repaired.text) == repaired.text


@given(st.text(alphabet="ab 谢\n", max_size=200))
def test_never_raises_on_repetitive_text(text: str) -> None:
    repaired = textfix.explain(text, ONLY)
    assert all(text[edit.start : edit.end] == edit.before for edit in repaired.edits)


def _calls(text: str) -> int:
    """Python and C function calls made repairing ``text``: work, counted exactly."""
    return s.call_count(repair, text)


# Chains as long as the text: one staircase, steps that all fail (every part tried
# and the whole chain read in place), text boxes, and repetitive lines.
ADVERSARIAL_UNITS = {
    "one long staircase": "".join(f"{k % 10}{s.COMMON_HAN[k]}{(k + 1) % 10}\n" for k in range(40)),
    "no step anywhere": "".join(
        f"{k % 10}{s.COMMON_HAN[k : k + 2]}{(k + 1) % 10}\n" for k in range(40)
    ),
    "text boxes": s.double_in_boxes(["2", "月", "，", "市委召开", "，", "会议"], [0, 0, 0, 1, 0, 1])
    + "\n",
    "repetitive": "ab 谢\nb谢a\n谢 ab\n" * 10,
    "joined staircases": s.joined_staircase(["2", "月", "18", "日", "，", "市委召开", "。"]) + "\n",
    "squares and glyphs": "".join(f"{k % 10}{s.COMMON_HAN[k : k + 3] * 2}，" for k in range(40)),
}


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS.values(), ids=ADVERSARIAL_UNITS.keys())
def test_work_grows_linearly_with_the_text(unit: str) -> None:
    repair(unit)  # tables built on first use are no part of the work
    assert _calls(unit * 16) <= 2.2 * _calls(unit * 8)


def _pieces_compared(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many pairs of lines the search for shuffled pieces compares repairing ``text``."""
    compared = 0
    compare = _overprint_shuffled.shared_run

    def counted(*args: object) -> int:
        nonlocal compared
        compared += 1
        return compare(*args)

    monkeypatch.setattr(_overprint_shuffled, "shared_run", counted)
    repair(text)
    return compared


def test_lines_whose_ends_are_of_other_kinds_are_not_compared(monkeypatch) -> None:
    # Every line is a seed (it copies the next) and may be a piece; a run shared is one
    # kind of character, and ``.`` ends what a letter begins: no pair can share one.
    assert _pieces_compared("word..\n  " * 100, monkeypatch) == 0


def test_identical_lines_are_compared_once_per_seed_and_direction(monkeypatch) -> None:
    # ``wx.wy`` begins with a letter as it ends, but shares no run with itself: each of
    # its neighbours would be compared with it, were lines alike not compared once.
    lines = 100
    assert _pieces_compared("wx.wy\n" * lines, monkeypatch) <= 2 * lines


def _corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def test_gold_lines_are_unchanged() -> None:
    for line in _corpus("000.gold.txt").splitlines():
        assert repair(line) == line


def test_seed_caption_comes_out_as_its_gold_line() -> None:
    gold = set(_corpus("000.gold.txt").splitlines())
    changed = [line for line in _corpus("000.raw.txt").splitlines() if repair(line) != line]
    assert len(changed) == 1
    assert textfix.fix(changed[0]) in gold


def test_raw_pages_change_only_on_the_doubled_caption() -> None:
    for name in ("000.raw.txt", "004.raw.txt"):
        raw = _corpus(name)
        edits = textfix.explain(raw, ONLY).edits
        assert len(edits) == (name == "000.raw.txt")


@pytest.mark.parametrize(
    ("doubled", "restored"),
    [
        ("22002200年年月月，，", "2020年月，"),
        ("1111月月2020日日，，", "11月20日，"),
        ("谢谢你谢谢你，，好的好的", "谢谢你，好的"),
    ],
)
def test_prefers_glyph_runs_when_every_pair_matches_else_fewest_runs(
    doubled: str, restored: str
) -> None:
    assert repair(doubled) == restored


# Line ends as extractors write them: LF, and CRLF where run on Windows (which stays).
NEWLINES = pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])


@NEWLINES
@given(st.lists(s.latin_sentence(), min_size=1, max_size=3), st.integers(0, 2))
def test_a_fake_bold_tail_set_apart_is_put_back(
    newline: str, sentences: list[str], at: int
) -> None:
    """Form 8: the caption's last word and doubled stop on their own line rejoin it."""
    assume(all(sentence[-1] in ".,:;" for sentence in sentences))
    at = min(at, len(sentences) - 1)
    lines = list(sentences)
    lines[at] = s.overprint_tail(lines[at])
    broken = ("\n".join(lines) + "\n").replace("\n", newline)
    assert textfix.fix(broken, ONLY) == newline.join(sentences) + newline


@NEWLINES
@given(st.lists(s.latin_sentence(), min_size=1, max_size=3), st.integers(0, 2), st.integers(1, 80))
def test_a_fake_bold_tail_set_at_its_place_by_layout_mode_is_put_back(
    newline: str, sentences: list[str], at: int, indent: int
) -> None:
    """Form 8 as pdftotext -layout reads it: the tail after layout spaces rejoins the line."""
    assume(all(sentence[-1] in ".,:;" for sentence in sentences))
    at = min(at, len(sentences) - 1)
    lines = list(sentences)
    lines[at] = s.overprint_tail(lines[at], indent)
    broken = ("\n".join(lines) + "\n").replace("\n", newline)
    assert textfix.fix(broken, ONLY) == newline.join(sentences) + newline


@given(st.lists(st.one_of(caption_runs().map(s.joined_staircase), short_text), max_size=8))
def test_the_text_is_scanned_in_chunks_as_it_would_be_whole(lines: list[str]) -> None:
    # Squares are looked for a chunk of lines at a time: chunks of a few characters give
    # the repairs of one chunk as long as the text.
    from textfix.rules import _overprint_joined

    text = "\n".join(lines)
    whole = _overprint_joined.joined_staircases(text, MAX_RUN_LENGTH)
    chunk = _overprint_joined.SCAN_CHUNK_CHARS
    try:
        _overprint_joined.SCAN_CHUNK_CHARS = 7
        assert _overprint_joined.joined_staircases(text, MAX_RUN_LENGTH) == whole
    finally:
        _overprint_joined.SCAN_CHUNK_CHARS = chunk

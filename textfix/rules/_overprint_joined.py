"""Fake bold whose staircase an extractor joined back into one line (form 9 of
``undo_overprint``).

An extractor that merges overlapping glyphs keeps one copy of a run of one glyph (its
two paintings coincide) but both copies of a longer run: the second copy starts left of
where the first ended. PyMuPDF cuts the line there (the staircase of
``_overprint_lines``); asked to sort its text (``get_text(sort=True)``), it joins the
lines of one baseline again, and the staircase comes out as one line in which every run
of two glyphs or more is doubled in place and every run of one glyph is single:

Broken:     ``2月1818日，市委书记召开座谈会市委书记召开座谈会。（张伟张伟摄）``
Fixed:      ``2月18日，市委书记召开座谈会。（张伟摄）``

A line, or a stretch of it between layout gaps (two spaces or more: the columns beside
it on the same baseline), is read as *squares* (a run of two glyphs or more and its
copy) and *lone glyphs*, fewest lone glyphs first. Lone glyphs in a row are each a run
of its own, so they differ in kind (a digit beside a Han glyph) or are marks, and never
repeat (a glyph doubled is form 1, ``22月月``). The evidence: what ``LINE_EVIDENCE``
asks of a line doubled in place, and the telltale runs (three glyphs or more) hold at
least half of the restored text: clean text repeats a word or two between marks
(``谢谢你谢谢你，研究研究``), not its phrases.

Only lines that open with a square (``undo_overprint`` finds them), or hold a run of
word characters doubled right before a mark or the line end, are read: one scan of the
reversed text finds the latter (a square read backwards starts where the text before it
ends), and a caption's or a headline's runs end at its marks.

>>> line = "近年来近年来，我市把握数字化我市把握数字化、网络化网络化。"
>>> [change.after for change in joined_staircases(line, 32)]
['近年来，我市把握数字化、网络化。']
>>> joined_staircases("谢谢你谢谢你，研究研究，讨论讨论。", 32)
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ..rule import Change
from ._overprint_evidence import CONVENTIONAL_DOUBLES, LINE_EVIDENCE, is_telltale, kind
from ._overprint_lines import describe
from ._squares import MAX_OCCURRENCES_TRIED, Run

# Telltale runs hold at least this share of a joined staircase's restored text (spaces
# aside): fake bold doubles every phrase of the line, clean text a word here and there.
MIN_TELLTALE_SHARE = 0.5
# The shortest run doubled in this form: a run of one glyph comes out once.
_SHORTEST_RUN = 2
# Longest line read: a line of a page holds at most ~100 glyphs, ~200 doubled; longer
# lines are paragraphs of running text (one per line), not a page's lines.
MAX_LINE_CHARS = 1024
# The text is scanned this many characters (and up to the next line end) at a time.
SCAN_CHUNK_CHARS = 1 << 20
_DOUBLED_MARK = re.compile(r"([^\w\s])\1")
# Two spaces or more between two stretches of a line: a gap the layout put there.
_LAYOUT_GAP = re.compile(r" {2,}")


@lru_cache(maxsize=4)
def _word_square(bound: int) -> re.Pattern[str]:
    """A square of a run of ``_SHORTEST_RUN`` to ``bound`` word characters."""
    return re.compile(rf"(\w{{{_SHORTEST_RUN},{bound}}})\1")


@lru_cache(maxsize=4)
def _square_before_mark(bound: int) -> re.Pattern[str]:
    """In the reversed text, a mark or a line break followed by a word square: read
    forwards, a run doubled in place right before it. Word spaces are left out: they are
    everywhere in Latin text, and a Latin line is found by its marks all the same."""
    return re.compile(rf"[^\w \t]{_word_square(bound).pattern}")


class _Cover(NamedTuple):
    """How ``text[:end]`` is best read, compared as a tuple: fewest lone glyphs, then
    fewest pieces; ``back`` is where its last piece starts, ``after_square`` whether the
    piece before that is a square (or the start)."""

    lone: int
    pieces: int
    back: int
    after_square: bool


def _joins(text: str, at: int, lone_before: bool, lone_after: bool) -> bool:
    """Two pieces may meet at ``at``: where one run ends and another starts. Two lone glyphs
    in a row are two runs of one glyph each: of two kinds, or marks, never one glyph twice
    (that is a glyph doubled in place, form 1) unless clean text doubles it (``……``).
    Beside a square, a run starts where the kind changes, at a mark or a space; Han runs
    may be cut anywhere (the producer's choice, or a gap space lost: ``张伟张伟摄``), Latin
    words and numbers not."""
    before, after = text[at - 1], text[at]
    if lone_before and lone_after and before == after and before not in CONVENTIONAL_DOUBLES:
        return False
    kinds = kind(before), kind(after)
    if kinds[0] != kinds[1] or kinds[0] in ("mark", "space"):
        return True
    return kinds[0] == "wide" and not (lone_before and lone_after)


def _squares_ending_at(text: str, end: int, bound: int) -> Iterator[int]:
    """The half lengths (``_SHORTEST_RUN`` to ``bound``) of the squares ending at ``end``,
    tried at the ``MAX_OCCURRENCES_TRIED`` nearest earlier occurrences of its last glyph."""
    if end < 2 * _SHORTEST_RUN:
        return
    last = text[end - 1]
    nearest = max(0, end - 1 - bound)
    other = text.rfind(last, nearest, end - _SHORTEST_RUN)
    for _ in range(MAX_OCCURRENCES_TRIED):
        if other < 0:
            return
        half = end - 1 - other
        if 2 * half <= end and text[end - 2 * half : end - half] == text[end - half : end]:
            yield half
        other = text.rfind(last, nearest, other)


def _cover(text: str, bound: int) -> list[Run] | None:
    """``text`` read as squares and lone glyphs, fewest lone glyphs first; None if it
    cannot be (``_joins``)."""
    # The best cover of text[:end] whose last piece is a square, and a lone glyph.
    by_square: list[_Cover | None] = [None] * (len(text) + 1)
    by_lone: list[_Cover | None] = [None] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        squares = [end - 2 * half for half in _squares_ending_at(text, end, bound)]
        by_square[end] = _best(text, by_square, by_lone, squares, lone=False)
        by_lone[end] = _best(text, by_square, by_lone, [end - 1], lone=True)
    return _backtrack(text, by_square, by_lone)


def _best(
    text: str,
    by_square: list[_Cover | None],
    by_lone: list[_Cover | None],
    starts: list[int],
    *,
    lone: bool,
) -> _Cover | None:
    """The best cover ending with a piece (lone or a square) that starts at one of
    ``starts``, after the best cover before it that it joins."""
    options = []
    for start in starts:
        if start == 0:
            options.append(_Cover(int(lone), 1, 0, True))
            continue
        for after_square, before in ((True, by_square[start]), (False, by_lone[start])):
            if before is not None and _joins(text, start, not after_square, lone):
                options.append(_Cover(before.lone + lone, before.pieces + 1, start, after_square))
    return min(options, default=None)


def _backtrack(
    text: str, by_square: list[_Cover | None], by_lone: list[_Cover | None]
) -> list[Run] | None:
    end = len(text)
    covers = [(c, c is by_square[end]) for c in (by_square[end], by_lone[end]) if c is not None]
    if not covers:
        return None
    best, square = min(covers)
    runs = []
    while True:
        start = best.back
        half = (end - start) // 2 if square else 1
        runs.append(Run(start, end, text[start : start + half], doubled=square))
        if start == 0:
            return runs[::-1]
        square = best.after_square
        cover = (by_square if square else by_lone)[start]
        assert cover is not None, "a cover is built on a cover"
        best, end = cover, start


def _has_doubled_mark(stretch: str) -> bool:
    """``stretch`` holds a mark twice in a row that clean text never doubles (``，，``): a
    line doubled in place (form 1); a joined staircase keeps one copy of every mark."""
    return any(
        match.group(1) not in CONVENTIONAL_DOUBLES for match in _DOUBLED_MARK.finditer(stretch)
    )


def _is_fake_bold(runs: list[Run]) -> bool:
    restored = "".join(run.run for run in runs)
    if not LINE_EVIDENCE.is_met_by(runs):
        return False
    telltale = sum(len(run.run) for run in runs if run.doubled and is_telltale(run.run.strip()))
    return telltale >= MIN_TELLTALE_SHARE * sum(not char.isspace() for char in restored)


def joined_staircases(text: str, bound: int, line_starts: Iterable[int] = ()) -> list[Change]:
    """One change per stretch of a line (between layout gaps) that is a joined staircase,
    read on the lines found by the scan and on those starting at ``line_starts`` (the
    lines that open with a square, which ``undo_overprint`` finds)."""
    lines = dict.fromkeys(line_starts)
    for end in _square_ends(text, bound):
        lines[text.rfind("\n", 0, end) + 1] = None
    changes = []
    for start in sorted(lines):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start <= MAX_LINE_CHARS:
            changes += _repairs(text, start, end, bound)
    return sorted(changes)


def _square_ends(text: str, bound: int) -> Iterator[int]:
    """Where a run of word characters doubled in place ends right before a mark or the line
    end. The text is reversed a chunk of lines at a time (no square crosses a line break),
    so the copy is a chunk's size, not the text's."""
    start = 0
    while start < len(text):
        stop = text.find("\n", start + SCAN_CHUNK_CHARS)
        stop = len(text) if stop < 0 else stop + 1
        chunk = text[start:stop][::-1]
        ends = [stop - match.start(1) for match in _square_before_mark(bound).finditer(chunk)]
        at_end = _word_square(bound).match(chunk) if stop == len(text) else None
        yield from ([stop - at_end.start(1)] if at_end else []) + ends
        start = stop


def _repairs(text: str, start: int, end: int, bound: int) -> Iterator[Change]:
    """The joined staircases among the stretches of ``text[start:end]``."""
    at = start
    for gap in [*_LAYOUT_GAP.finditer(text, start, end), None]:
        stop = end if gap is None else gap.start()
        stretch = text[at:stop].strip(" ")
        offset = at + len(text[at:stop]) - len(text[at:stop].lstrip(" "))
        if len(stretch) >= 2 * LINE_EVIDENCE.restored_chars and not _has_doubled_mark(stretch):
            runs = _cover(stretch, bound)
            if runs and any(run.doubled for run in runs) and _is_fake_bold(runs):
                yield Change(
                    offset,
                    offset + len(stretch),
                    "".join(run.run for run in runs),
                    describe([run.run for run in runs if run.doubled], "joined staircase"),
                )
        if gap is not None:
            at = gap.end()

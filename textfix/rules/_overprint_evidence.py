"""What a fake-bold run looks like, and how much doubling counts as fake bold.

A *run* is what a PDF drew in one call; it changes with the font, so in practice
with the *kind* of character (Han, Latin letters, digits, marks). ``kind`` and
``is_boundary`` say where runs may start and end; ``Evidence`` says how many doubled
runs, and which, tell fake bold from the reduplication clean text holds (``谢谢``,
``研究研究``, ``2020``); ``doubled_spans`` finds the stretches of a string that are
doubled run by run with enough evidence (forms 1–3 of ``undo_overprint``).

>>> [run.run for run in next(doubled_spans("22月月2020日日，，", 32))]
['2', '月', '20', '日', '，']
>>> [kind(char) for char in "月2a，"]
['wide', 'digit', 'letter', 'mark']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from ..chars import is_cjk_punct, is_unspaced
from ._squares import Run, stretches

# Single marks that clean text doubles by convention (``……``, ``——``, ``！！``, ``..``);
# any other doubled mark (``，，`` ``。。`` ``（（`` ``【【``) is never typeset on purpose.
CONVENTIONAL_DOUBLES = frozenset("…—-–=*~～·.!?！？_#+/|")
# A run of this many non-space characters repeated (``还月亮还月亮``, ``日上午日上午``)
# is beyond natural reduplication, which repeats one or two characters (``研究研究``).
TELLTALE_RUN_CHARS = 3


# Kinds are asked for character by character in every run and line the rule reads; a
# cache of the characters met (a text uses a few thousand) answers in a dict lookup.
@lru_cache(maxsize=1 << 16)
def kind(char: str) -> str:
    """The font class of a character: runs change where the kind changes."""
    if char.isspace():
        return "space"
    if is_cjk_punct(char) or unicodedata.category(char)[0] in "PS":
        return "mark"
    if char.isdigit():
        return "digit"
    if is_unspaced(char):
        return "wide"
    return "letter" if char.isalpha() else "other"


def is_boundary(text: str, position: int) -> bool:
    """True where a run may plausibly start or end: an edge, a kind change, a space or mark."""
    if position in (0, len(text)):
        return True
    before = kind(text[position - 1])
    return before != kind(text[position]) or before in ("space", "mark")


def is_telltale(root: str) -> bool:
    """A doubled run that clean text does not contain by itself.

    >>> [is_telltale(r) for r in ("，", "…", "日上午", "研究", "2024", " the")]
    [True, False, True, False, False, False]
    """
    if len(root) == 1:
        return kind(root) == "mark" and root not in CONVENTIONAL_DOUBLES
    return (
        root == root.strip()
        and sum(not char.isspace() for char in root) >= TELLTALE_RUN_CHARS
        and not root.isdigit()
    )


def _root(run: str) -> str:
    """The shortest string that ``run`` repeats (``哈哈哈`` → ``哈``, ``a a `` → ``a ``)."""
    return run[: (run + run).find(run, 1)]


def _is_one_kind(run: str) -> bool:
    """True for a run of one kind of character, spaces aside (``the quick``, `` 摄``)."""
    return len({kind(char) for char in run} - {"space"}) <= 1


class Evidence(NamedTuple):
    """How much doubled text must be found before it counts as fake bold.

    Runs are counted as distinct *roots* (``哈`` and ``哈哈`` are one): natural text
    repeats one thing, fake bold every run. Only runs of one kind count (Han, Latin,
    digits or marks, spaces aside): the font changes between kinds, so a run that
    mixes them (``位外。``, ``他说：“好”``) is a phrase the text repeats, not a run.
    A *telltale* run is one that clean text never doubles (``，，``, ``还月亮还月亮``;
    see ``is_telltale``). Enough runs means:
    ``distinct_runs`` runs of which ``telltale_runs`` telltale; or ``telltale_only``
    telltale runs; or ``glyph_runs`` runs — a line doubled glyph by glyph
    (``图图为为…``) has only single-character runs, each of which clean text may
    double (``谢谢``), so it must show many. Besides, ``restored_chars`` non-space
    characters after repair (fewer is too little to tell) and ``letters`` Han or
    alphabetic ones (numbers that pair up, ``12 12 34 34``, are a table).
    """

    distinct_runs: int
    telltale_runs: int
    telltale_only: int
    glyph_runs: int
    restored_chars: int
    letters: int

    def is_met_by(self, runs: Sequence[Run]) -> bool:
        doubled = {run.run for run in runs if run.doubled}
        roots = {_root(run) for run in doubled if _is_one_kind(run)}
        telltale = sum(map(is_telltale, roots))
        return (
            (len(roots) >= self.distinct_runs and telltale >= self.telltale_runs)
            or telltale >= self.telltale_only
            or len(roots) >= self.glyph_runs
        ) and self.is_enough_text("".join(run.run for run in runs))

    def is_enough_text(self, restored: str) -> bool:
        """``restored`` holds enough characters, and enough letters, to tell."""
        return (
            sum(not char.isspace() for char in restored) >= self.restored_chars
            and sum(char.isalpha() for char in restored) >= self.letters
        )


# THE THRESHOLDS, measured by benchmarks/overprint_accuracy.py (0 false positives on
# the gold page, the raw pages and >10,000 clean lines; recall in its output).
# A whole line (or a block of copied lines, or a staircase) that decomposes into
# doubled runs: 3 runs with a telltale one (``22月月2020日日，，``), or 2 telltale
# runs (a caption drawn as one phrase and its full stop). A line of natural
# reduplications (``高高兴兴快快乐乐``, ``谢谢大家谢谢大家！！``) has no telltale run or one;
# a line doubled glyph by glyph needs 7 distinct glyphs, more than a line of AABB
# words holds. 5 characters: a doubled date or credit (``2月20日，``) is enough.
LINE_EVIDENCE = Evidence(
    distinct_runs=3, telltale_runs=1, telltale_only=2, glyph_runs=7, restored_chars=5, letters=2
)
# A segment inside a line (a bold lead-in) has ordinary text beside it that may lend
# it squares (``高高兴兴谢谢`` before a doubled term), so it needs more: 4 runs of
# which 2 telltale (or 3 telltale), 8 characters; glyph doubling alone never suffices.
SEGMENT_EVIDENCE = Evidence(
    distinct_runs=4, telltale_runs=2, telltale_only=3, glyph_runs=10**9, restored_chars=8, letters=2
)


def _bounded(text: str, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    low, high = 0, len(runs)
    while low < high and not (runs[low].doubled and is_boundary(text, runs[low].start)):
        low += 1
    while high > low and not (runs[high - 1].doubled and is_boundary(text, runs[high - 1].end)):
        high -= 1
    return runs[low:high]


def doubled_spans(text: str, bound: int) -> Iterator[tuple[Run, ...]]:
    """The runs of each stretch of ``text`` doubled run by run with enough evidence:
    ``LINE_EVIDENCE`` for all of ``text``, ``SEGMENT_EVIDENCE`` for a stretch inside
    it, trimmed to start and end at run boundaries."""
    for stretch in stretches(text, bound):
        if (stretch.start, stretch.end) == (0, len(text)):
            runs, needed = stretch.runs, LINE_EVIDENCE
        else:
            runs, needed = _bounded(text, stretch.runs), SEGMENT_EVIDENCE
        if runs and needed.is_met_by(runs):
            yield runs

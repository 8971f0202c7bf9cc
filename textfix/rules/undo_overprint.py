"""Restore fake-bold text that was extracted twice: ``22月月2020日日`` → ``2月20日``.

Why it arises: newspapers and many PDF producers fake bold type by painting every
text run twice (fill then stroke, or a second fill a hair to the side). A *run* is
whatever the PDF drew in one call, so it changes with the font — digits, Han,
punctuation — and may be one glyph or a whole phrase. Extractors that do not merge
overlapping glyphs emit every run twice, each in its own way:

1. in place on one line (pdfminer.six): ``11月月1717日上午日上午``;
2. glyph by glyph when lines of several columns are merged (pdfplumber), Latin
   included with its doubled spaces: ``图图为为一一月月``, ``TThhee  PPrreessss``;
3. the two copies separated by a space: ``13 13日日，，一名一名39 39岁岁``;
4. each copy on its own line (PyMuPDF, pypdf): ``13`` / ``13`` / ``日`` / ``日`` / …;
5. a "staircase" of half-merged copies (pdftotext): ``1月17`` / ``17日上午`` /
   ``日上午11`` / ``11时`` for ``1月17日上午11时``.

Broken:     ``22月月2020日日，，两条挖泥船两条挖泥船。。``
Fixed:      ``2月20日，两条挖泥船。``

Repaired, when the evidence (``LINE_EVIDENCE``, ``SEGMENT_EVIDENCE``) holds:

- forms 1–3 when a whole line decomposes completely into doubled runs, a single
  space between two of them being the extractor's gap (``还月亮还月亮 摄摄``); or
  when a segment of a line does, bounded by a change of script, a space or a mark
  (a bold lead-in: ``【【重要提示重要提示】】【【请注意请注意】】市民…``);
- form 4 when consecutive line pairs are copies of each other (first copies kept,
  lines not joined);
- form 5 when at least ``MIN_STAIRCASE_OVERLAPS`` consecutive lines each are the
  last run of the line before plus one new run; these lines are joined into one.

Each restored span is one edit whose note lists the runs found.

Left alone (only the shape is there, or too little of it):
reduplication in clean text (``谢谢``, ``天天天天``, ``2020``, ``1111``, ``哈哈哈哈``,
``bookkeeper``, ``……``, ``研究研究``, ``高高兴兴快快乐乐``); a line doubled as ONE
run (``四座大桥将改建四座大桥将改建``) or as too few or too short runs
(``22月月2020日日``, ``通通知知``); a single pair of identical lines (a repeated
headline, a refrain) and identical lines not in pairs; doubled runs mixed with runs
drawn once (``13 13日日，一名一名`` — the comma is single) unless the doubled part
is a bounded segment with enough evidence; a glyph-doubled segment inside a line
(``TThhee  PPrreessss reports``: single glyphs are all clean text may double);
staircases whose lines hold more than two runs, or whose first line is a single run.
Doubled text that is also the doubling of another text is repaired one way only
(``高高兴兴高高兴兴``: the run ``高高兴兴`` or the glyphs of ``高兴高兴``); see
``_squares`` for the choice.

Gate: a line shorter than twice ``LINE_EVIDENCE.restored_chars`` cannot hold enough
doubled text and is not searched, nor is a line that neither opens with a square nor
holds a telltale one (``_may_hold_overprint``); the search itself only compares positions where a
character recurs within ``max_run_length`` + 1 characters.

>>> from textfix.rule import Change
>>> list(find("22月月2020日日，，两条挖泥船两条挖泥船。。", Options()))[0].after
'2月20日，两条挖泥船。'
>>> list(find("谢谢谢谢，天天天天", Options()))
[]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from ..chars import LAYOUT_SPACE, is_cjk_punct, is_unspaced
from ..rule import Change, Example, Rule
from ._squares import Run, stretches

# Longest run tried (characters). A fake-bold run is a phrase drawn in one call:
# headline and caption runs are under ~30 characters (the seed caption's longest is
# 19); the search costs O(bound²) only on repetitive text, so 32 is cheap and ample.
MAX_RUN_LENGTH = 32


# Single marks that clean text doubles by convention (``……``, ``——``, ``！！``, ``..``);
# any other doubled mark (``，，`` ``。。`` ``（（`` ``【【``) is never typeset on purpose.
CONVENTIONAL_DOUBLES = frozenset("…—-–=*~～·.!?！？_#+/|")
# A run of this many non-space characters repeated (``还月亮还月亮``, ``日上午日上午``)
# is beyond natural reduplication, which repeats one or two characters (``研究研究``).
TELLTALE_RUN_CHARS = 3


def _root(run: str) -> str:
    """The shortest string that ``run`` repeats (``哈哈哈`` → ``哈``, ``a a `` → ``a ``)."""
    return run[: (run + run).find(run, 1)]


def _is_one_kind(run: str) -> bool:
    """True for a run of one kind of character, spaces aside (``the quick``, `` 摄``)."""
    return len({_kind(char) for char in run} - {"space"}) <= 1


def _is_telltale(root: str) -> bool:
    """A doubled run that clean text does not contain by itself.

    >>> [_is_telltale(r) for r in ("，", "…", "日上午", "研究", "2024", " the")]
    [True, False, True, False, False, False]
    """
    if len(root) == 1:
        return _kind(root) == "mark" and root not in CONVENTIONAL_DOUBLES
    return (
        root == root.strip()
        and sum(not char.isspace() for char in root) >= TELLTALE_RUN_CHARS
        and not root.isdigit()
    )


class Evidence(NamedTuple):
    """How much doubled text must be found before it counts as fake bold.

    Runs are counted as distinct *roots* (``哈`` and ``哈哈`` are one): natural text
    repeats one thing, fake bold every run. Only runs of one kind count (Han, Latin,
    digits or marks, spaces aside): the font changes between kinds, so a run that
    mixes them (``位外。``, ``他说：“好”``) is a phrase the text repeats, not a run.
    A *telltale* run is one that clean text never doubles (``，，``, ``还月亮还月亮``;
    see ``_is_telltale``). Enough runs means:
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
        roots = {_root(run.run) for run in runs if run.doubled and _is_one_kind(run.run)}
        telltale = sum(map(_is_telltale, roots))
        restored = "".join(run.run for run in runs)
        return (
            (
                (len(roots) >= self.distinct_runs and telltale >= self.telltale_runs)
                or telltale >= self.telltale_only
                or len(roots) >= self.glyph_runs
            )
            and sum(not char.isspace() for char in restored) >= self.restored_chars
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
# A staircase needs this many consecutive overlapping line starts: one or two occur
# by chance in hard-wrapped text (a line ending ``年`` and the next starting ``年``).
MIN_STAIRCASE_OVERLAPS = 3
# Notes list at most this many runs, then ``…``.
NOTE_MAX_RUNS = 12


@dataclass(frozen=True)
class Options:
    """``max_run_length``: the longest run (half of a square) searched for."""

    max_run_length: int = MAX_RUN_LENGTH


class _Line(NamedTuple):
    start: int
    end: int
    lead: int
    content: str


def _lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip(LAYOUT_SPACE)
        content = stripped.rstrip(LAYOUT_SPACE)
        lines.append(_Line(start, start + len(raw), start + len(raw) - len(stripped), content))
        start += len(raw) + 1
    return lines


def _note(runs: Sequence[Run], form: str) -> str:
    shown = [run.run for run in runs[:NOTE_MAX_RUNS]] + (["…"] if len(runs) > NOTE_MAX_RUNS else [])
    return f"runs: {'|'.join(shown)} ({form})"


def _kind(char: str) -> str:
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


def _is_boundary(text: str, position: int) -> bool:
    """True where a run may plausibly start or end: an edge, a kind change, a space or mark."""
    if position in (0, len(text)):
        return True
    before, after = _kind(text[position - 1]), _kind(text[position])
    return before != after or {before, after} & {"space", "mark"} != set()


def _bounded(text: str, runs: tuple[Run, ...]) -> tuple[Run, ...]:
    low, high = 0, len(runs)
    while low < high and not (runs[low].doubled and _is_boundary(text, runs[low].start)):
        low += 1
    while high > low and not (runs[high - 1].doubled and _is_boundary(text, runs[high - 1].end)):
        high -= 1
    return runs[low:high]


# A doubled mark (``，，``) or a doubled run of three characters or more: a segment
# inside a line needs such telltale runs (``SEGMENT_EVIDENCE``), so without one only
# a doubling of the whole line remains possible.
_DOUBLED_MARK = regex.compile(r"([\p{P}\p{S}])\1")


@lru_cache(maxsize=8)
def _doubled_long_run(bound: int) -> re.Pattern[str]:
    # The standard library's engine: several times faster than ``regex`` on backreferences.
    return re.compile(rf"(.{{3,{max(bound, 3)}}})\1")


def _starts_with_square(content: str, bound: int) -> bool:
    """True when ``content`` opens with a run and its copy (``22月月``, ``13 13日日``)."""
    for size in range(1, min(bound, len(content) // 2) + 1):
        if content.startswith(content[:size], size):
            return True
        if content[size] == " " and content.startswith(content[:size], size + 1):
            return True
    return False


def _may_hold_overprint(content: str, bound: int) -> bool:
    """The cheap gate of ``_in_place``: a whole-line doubling starts with a square; a
    doubled segment holds a telltale square. Lines with neither are not searched."""
    return (
        _starts_with_square(content, bound)
        or _DOUBLED_MARK.search(content) is not None
        or _doubled_long_run(bound).search(content) is not None
    )


def _in_place(line: _Line, bound: int) -> Iterator[Change]:
    """Forms 1–3: doubled runs covering the whole line or a bounded segment of it."""
    content = line.content
    if len(content) < 2 * LINE_EVIDENCE.restored_chars or not _may_hold_overprint(content, bound):
        return
    for stretch in stretches(content, bound):
        if (stretch.start, stretch.end) == (0, len(content)):
            runs, needed = stretch.runs, LINE_EVIDENCE
        else:
            runs, needed = _bounded(content, stretch.runs), SEGMENT_EVIDENCE
        if runs and needed.is_met_by(runs):
            glyphs = all(len(run.run) == 1 for run in runs)
            yield Change(
                line.lead + runs[0].start,
                line.lead + runs[-1].end,
                "".join(run.run for run in runs),
                _note(runs, "doubled glyph by glyph" if glyphs else "doubled in place"),
            )


def _copied_line_block(lines: Sequence[_Line], first: int) -> int:
    """End (exclusive) of the run of copied line pairs starting at ``first``."""
    end = first
    while (
        end + 1 < len(lines) and lines[end].content and lines[end].content == lines[end + 1].content
    ):
        end += 2
    return end


def _first_overlap(line: str, following: str, bound: int) -> str:
    """The longest run that ends ``line`` (not all of it) and begins ``following``."""
    for size in range(min(bound, len(line) - 1, len(following) - 1), 0, -1):
        if line.endswith(following[:size]) and _is_boundary(line, len(line) - size):
            return following[:size]
    return ""


def _staircase(lines: Sequence[_Line], first: int, bound: int) -> tuple[int, list[Run]]:
    """Form 5: (end, pieces) of the staircase starting at ``first``; end == first if none.

    The first line ends with a run that begins the second; every later line is that
    run plus one more (the piece), which in turn begins the next line.
    """
    head = lines[first]
    pieces = [Run(head.lead, head.end, head.content)]
    if first + 1 >= len(lines):
        return first, pieces
    overlap = _first_overlap(head.content, lines[first + 1].content, bound)
    index = first
    while overlap and index + 1 < len(lines):
        line = lines[index + 1]
        if not (line.content.startswith(overlap) and len(line.content) > len(overlap)):
            break
        index += 1
        pieces.append(Run(line.lead + len(overlap), line.end, line.content[len(overlap) :]))
        overlap = pieces[-1].run if len(pieces[-1].run) <= bound else ""
    if index - first < MIN_STAIRCASE_OVERLAPS:
        return first, pieces
    return index + 1, pieces


def _line_form(
    text: str, lines: Sequence[_Line], index: int, bound: int
) -> tuple[int, Change | None]:
    """Forms 4 and 5 starting at line ``index``: (end of the lines they span, the repair).

    Without enough evidence the change is None; the lines are then searched one by one.
    """
    end = _copied_line_block(lines, index)
    if end > index:
        runs = [
            Run(lines[k].lead, lines[k + 1].end, lines[k].content) for k in range(index, end, 2)
        ]
        if not LINE_EVIDENCE.is_met_by(runs):
            return end, None
        kept = "\n".join(text[lines[k].start : lines[k].end] for k in range(index, end, 2))
        return end, Change(
            lines[index].start, lines[end - 1].end, kept, _note(runs, "copied lines")
        )
    end, pieces = _staircase(lines, index, bound)
    if end == index or not LINE_EVIDENCE.is_met_by(pieces):
        return end, None
    joined = text[lines[index].start : lines[index].lead] + "".join(piece.run for piece in pieces)
    return end, Change(lines[index].start, lines[end - 1].end, joined, _note(pieces, "staircase"))


def find(text: str, options: Options) -> Iterator[Change]:
    bound = max(1, options.max_run_length)
    lines = _lines(text)
    index = 0
    while index < len(lines):
        end, change = _line_form(text, lines, index, bound)
        end = max(end, index + 1)
        if change is not None:
            yield change
        else:
            for line in lines[index:end]:
                yield from _in_place(line, bound)
        index = end


RULE = Rule(
    id="undo_overprint",
    summary="Restore fake-bold text extracted twice (22月月2020日日 → 2月20日).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "22月月2020日日，，两条挖泥船两条挖泥船。。",
            "2月20日，两条挖泥船。",
            "runs doubled in place",
        ),
        Example("TThhee  PPrreessss", "The Press", "Latin doubled glyph by glyph"),
        Example("谢谢谢谢，天天天天向上", "谢谢谢谢，天天天天向上", "natural reduplication"),
    ),
)

"""Fake bold split over lines: copied lines, and chains of lines that share a run.

Each run of a fake-bold line is drawn twice, the second copy a fraction of a glyph
to the right. A copy that starts left of where the one before it ended looks to an
extractor like a new line (or text box), so the line is cut between the two copies
of every run of two glyphs or more; the copies of a single glyph coincide, and are
merged or kept in place. What comes out is a *chain*: consecutive lines of which
each ends with a run that the next begins with (the two copies of that run). For
``2月18日，市委书记…座谈会。（张伟 摄）``:

- pdftotext: ``2月18`` / ``18日`` / ``日，市委…座谈会`` / ``市委…座谈会。`` / ``。（张伟 摄）``;
- PyMuPDF: ``2月18`` / ``18日，市委…座谈会`` / ``市委…座谈会。（张伟`` / ``张伟摄）``
  (the gap before ``摄`` was no glyph, and is lost);
- pdftotext -layout, single glyphs kept twice: ``2月18`` / ``18日日，市委…座谈会`` /
  ``市委…座谈会。。（张伟 摄）``;
- pdfminer.six, everything else kept twice in place, a text box per copy of a long
  run: ``22月月1818日日，，市委…座谈会`` / (blank) / ``市委…座谈会。。（（张伟张伟 摄摄））``.

A shared run must be what a run is: one kind of character (the font changes with
the kind), starting at a run boundary (a kind change, a space or a mark, the line
start). So ``坚持高质量发展`` / ``发展是第一要务`` is no chain: ``发展`` goes on from
``高质量`` without a boundary. A chain is repaired in one of two ways:

- *doubled in place across lines*: read as one string, the lines are doubled run by
  run with the evidence a line needs (``doubled_spans``), and every line break falls
  between the two copies of a run;
- *staircase*: at least ``MIN_STAIRCASE_OVERLAPS`` distinct runs shared, and every
  line between two of them a *step*: the two shared runs, between them nothing but
  glyphs drawn alone (a run of two glyphs or more would have cut the line itself),
  and no more of them than the shared runs hold, a run boundary after the first.
  Each shared run is kept once, a glyph kept twice on a step (``日日``) once, and a
  doubled mark that clean text never doubles (``。。``) once.

A line that begins with the last word of the line before (``一、发展`` / ``发展，是…``)
shares one run, which proves nothing; a line of prose between two shared runs is
no step (``增长到2024`` / ``2024年全市GDP`` / ``GDP增长5%``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, pairwise
from typing import NamedTuple

from ..chars import LAYOUT_SPACE
from ..rule import Change
from ._overprint_evidence import (
    CONVENTIONAL_DOUBLES,
    LINE_EVIDENCE,
    doubled_spans,
    is_boundary,
    is_telltale,
    kind,
)

# A staircase needs this many distinct runs shared by consecutive lines. One occurs
# between a heading and a paragraph that takes up its last word (``一、发展`` /
# ``发展，是…``), one mark shared over and over in a list (``'a'`` / ``'b'`` / ``'c'``);
# two different ones in a row, each line between them a step, are the extractor's
# cut, not prose (``锡段`` / ``锡段。`` / ``。（本报记者…``).
MIN_STAIRCASE_OVERLAPS = 2
# The shared runs make up at least this share of a step (its glyphs counted once).
# PyMuPDF's steps are the shared runs and a mark or two (``18日，市委…座谈会``: 24 of
# 26 characters); a line of prose that begins and ends with words its neighbours
# share is mostly words of its own (``2024年全市GDP``).
MIN_SHARED_PART_OF_STEP = 0.5
# Extractors set text boxes apart by one blank line (pdfminer.six): a chain may
# step over one, not over a paragraph or page break.
MAX_BLANK_LINES = 1
# Notes list at most this many runs, then ``…``.
NOTE_MAX_RUNS = 12

_NOT_EVIDENCE = CONVENTIONAL_DOUBLES | set(LAYOUT_SPACE)
_DOUBLED_SYMBOLS = re.compile(r"([^\w\s])\1+")


def describe(runs: Sequence[str], form: str) -> str:
    """The note of an edit: the runs found and the form they came in."""
    shown = [*runs[:NOTE_MAX_RUNS], *(["…"] if len(runs) > NOTE_MAX_RUNS else [])]
    return f"runs: {'|'.join(shown)} ({form})"


class Line(NamedTuple):
    """A line of the text: its span ``[start, end)``, where its content starts, its content."""

    start: int
    end: int
    lead: int
    content: str


class Page:
    """The lines of a text (split at ``\\n``) with their layout whitespace stripped;
    ``Line`` objects are made only for the lines asked for."""

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")
        self.contents = [line.strip(LAYOUT_SPACE) for line in self.raw]
        # Characters before each line, line breaks aside: an array of machine integers
        # takes 8 bytes a line where a list of int objects takes 40.
        self._before = array("q", accumulate(map(len, self.raw), initial=0))

    def line(self, index: int) -> Line:
        raw = self.raw[index]
        start = self._before[index] + index
        lead = start + len(raw) - len(raw.lstrip(LAYOUT_SPACE))
        return Line(start, start + len(raw), lead, self.contents[index])

    def index_at(self, position: int) -> int:
        """The index of the line that holds ``text[position]``."""
        return bisect_right(range(len(self.raw)), position, key=self._start) - 1

    def _start(self, index: int) -> int:
        return self._before[index] + index

    def chain_starts(self, bound: int) -> set[int]:
        """The lines that start a block of copied lines or share a run with the next."""
        contents = self.contents
        filled = (index for index, content in enumerate(contents) if content)
        return {
            index
            for index, after in pairwise(filled)
            if after - index <= MAX_BLANK_LINES + 1
            and (
                contents[index] == contents[index + 1]
                # Cheap necessary conditions first: the shared run begins with the first
                # character of the next line and ends with the last one of this line.
                or (
                    contents[after][0] in contents[index][-bound:]
                    and contents[index][-1] in contents[after][:bound]
                    and may_share(contents[index], contents[after], bound)
                    and shared_run(contents[index], contents[after], 0, bound) > 0
                )
            )
        }

    def following(self, index: int) -> int | None:
        """The next non-blank line after ``index``, if at most ``MAX_BLANK_LINES`` part them."""
        for after in range(index + 1, min(index + MAX_BLANK_LINES + 2, len(self.raw))):
            if self.contents[after]:
                return after
        return None


def copied_block_end(page: Page, first: int) -> int:
    """End (exclusive) of the run of copied line pairs starting at ``first``."""
    contents = page.contents
    end = first
    while end + 1 < len(contents) and contents[end] and contents[end] == contents[end + 1]:
        end += 2
    return end


def may_share(line: str, following: str, bound: int) -> bool:
    """A cheap necessary condition for ``shared_run``: a run of one or two characters
    is both ``line``'s end and ``following``'s start; a longer one holds the first three
    characters of ``following`` within ``line``'s last ``bound``, and ends with the
    last character of ``line`` within ``following``'s first ``bound``."""
    return (
        line[-1] == following[0]
        or line[-2:] == following[:2]
        or (following[:3] in line[-bound:] and line[-1] in following[2:bound])
    )


def shared_run(line: str, following: str, floor: int, bound: int) -> int:
    """Length of the longest run (at most ``bound`` long) that ends ``line`` and begins
    ``following``, 0 if none. It starts at a run boundary at or after ``floor``, where
    the run that ``line`` shares with the line before ends, and is one kind of character.
    ``floor`` itself counts as a boundary: a line that is nothing but the two runs it
    shares is a step whose gap space the extractor lost (``本报记者陈静``, of
    ``（本报记者 陈静 摄）``; two runs of one kind are two only because of a gap).

    >>> shared_run("2月18", "18日", 0, 32), shared_run("坚持高质量发展", "发展是第一要务", 0, 32)
    (2, 0)
    >>> shared_run("本报记者陈静", "陈静摄）", 4, 32)
    2
    """
    position = line.find(following[0], max(floor, len(line) - bound))
    while position >= 0:
        shared = line[position:]
        if (
            following.startswith(shared)
            and (position == floor > 0 or is_boundary(line, position))
            and len({kind(char) for char in shared} - {"space"}) == 1
        ):
            return len(shared)
        position = line.find(following[0], position + 1)
    return 0


class Chain(NamedTuple):
    """Lines (by index) of which each shares a run with the next: ``shared[t]`` is the
    length of the run that ends line ``t`` and begins line ``t + 1``."""

    lines: tuple[int, ...]
    shared: tuple[int, ...]


def chain_from(page: Page, first: int, bound: int) -> Chain:
    """The longest chain starting at line ``first`` (one line if none)."""
    lines, shared = [first], []
    floor = 0
    while (after := page.following(lines[-1])) is not None:
        size = shared_run(page.contents[lines[-1]], page.contents[after], floor, bound)
        if not size:
            break
        lines.append(after)
        shared.append(size)
        floor = size
    return Chain(tuple(lines), tuple(shared))


def repair(page: Page, chain: Chain, bound: int) -> list[Change]:
    """The repair of a chain: doubled in place across its lines, or its staircases.

    An extractor that kept both copies of the glyphs it could have merged (a doubled
    mark, ``，，``, anywhere in the chain; a doubled run between two shared runs,
    ``18日日，``) kept both copies of everything, and so does one that sets its text
    boxes apart by blank lines (pdfminer.six): the chain is first read as doubled in
    place. Otherwise the extractor merged what it could, and the first and last lines
    are as printed: the chain is first read as a staircase (which keeps ``77`` in
    ``77也二小`` / ``也二小5``, where reading in place would halve it). A chain
    whose lines are the entries of a list (``_is_list``) is read neither way.
    """
    contents = [page.contents[index] for index in chain.lines]
    if len(chain.lines) < 2 or _is_list(contents, chain.shared):
        return []
    blank_lines_between = chain.lines[-1] - chain.lines[0] + 1 > len(chain.lines)
    kept_copies = (
        blank_lines_between
        or _single_marks("".join(contents)) != "".join(contents)
        or any(
            (middle := _middle(content, before, after)) != _runs_once(middle)
            for content, before, after in zip(
                contents[1:-1], chain.shared, chain.shared[1:], strict=False
            )
        )
    )
    in_place = _doubled_across_lines(page, chain, bound) if kept_copies else None
    return in_place or _staircases(page, chain) or _doubled_across_lines(page, chain, bound) or []


def _staircases(page: Page, chain: Chain) -> list[Change]:
    changes: list[Change] = []
    taken = -1
    for first, last in _steps(page, chain):
        # A line that ends one staircase and starts the next belongs to the first.
        change = _staircase(page, chain, max(first, taken + 1), last)
        if change is not None:
            changes.append(change)
            taken = last
    return changes


def _doubled_across_lines(page: Page, chain: Chain, bound: int) -> list[Change] | None:
    lines = [page.line(index) for index in chain.lines]
    joined = "".join(line.content for line in lines)
    ends = list(accumulate(len(line.content) for line in lines))
    breaks = set(ends[:-1])
    changes = []
    for runs in doubled_spans(joined, bound):
        start, end = runs[0].start, runs[-1].end
        # Each line break falls between the two copies of a run.
        breaks -= {run.start + len(run.run) for run in runs if run.doubled}
        first, last = bisect_right(ends, start), bisect_left(ends, end)
        changes.append(
            Change(
                lines[first].lead + start - (ends[first - 1] if first else 0),
                lines[last].lead + end - (ends[last - 1] if last else 0),
                "".join(run.run for run in runs),
                describe([run.run for run in runs], "doubled in place across lines"),
            )
        )
    return changes if not breaks else None


def _middle(content: str, before: int, after: int) -> str:
    """What a line of a chain holds besides the runs it shares with its neighbours."""
    return content[before : len(content) - after]


def _groups(text: str) -> Iterator[str]:
    """``text`` cut where the kind of character changes, and between different marks
    or spaces (each mark is a run of its own)."""
    if not text:
        return
    start = 0
    before, before_kind = text[0], kind(text[0])
    for position in range(1, len(text)):
        char = text[position]
        char_kind = kind(char)
        if char_kind != before_kind or (char_kind in ("mark", "space") and char != before):
            yield text[start:position]
            start = position
        before, before_kind = char, char_kind
    yield text[start:]


def _runs_once(middle: str) -> str | None:
    """``middle`` with each run once, if it holds only runs of one glyph and runs that
    the extractor kept doubled in place (``日日，`` → ``日，``; ``inin`` → ``in``);
    None if it holds a longer run drawn once (``发展``)."""
    runs = []
    for group in _groups(middle):
        half = len(group) // 2
        if len(group) > 1 and group != group[:half] * 2:
            return None
        runs.append(group[: max(half, 1)])
    return "".join(runs)


def _last_run_once(tail: str) -> str:
    """The last line of a staircase after its shared run, with the last run once where
    PyMuPDF kept its two copies together: nothing after them cuts the line, so the last
    run of two glyphs or more comes out twice in a row among glyphs drawn alone
    (``refer`` / ``refer toto.``; ``object`` / ``object ofof a.``). Anything else is as
    printed (a word of its own after the shared run, pdftotext's copy alone).

    >>> _last_run_once(" toto."), _last_run_once(" ofof a."), _last_run_once(" to the end.")
    (' to.', ' of a.', ' to the end.')
    """
    groups = list(_groups(tail))
    longer = [n for n, group in enumerate(groups) if len(group) > 1]
    if len(longer) != 1:
        return tail
    run = groups[longer[0]]
    half = len(run) // 2
    if half < 2 or run != run[:half] * 2:
        return tail
    groups[longer[0]] = run[:half]
    return "".join(groups)


def may_be_kept_in_place(content: str) -> bool:
    """A cheap necessary condition for a line that ``kept_in_place`` accepts, whatever
    it shares: between its first and its last group of one kind (which hold the runs
    it may share), nothing but glyphs and runs doubled in place. Stops at the first
    run drawn once, which in prose is the second word."""
    groups = _groups(content)
    next(groups, None)
    inner = None
    for group in groups:
        if inner is not None and len(inner) > 1 and inner != inner[: len(inner) // 2] * 2:
            return False
        inner = group
    return True


def kept_in_place(contents: Sequence[str], shared: Sequence[int]) -> bool:
    """True if every line of a chain holds, besides the runs it shares with its
    neighbours, nothing but glyphs and runs doubled in place (``44月月88日日，，市长…`` /
    ``市长…5757次常务会议``): what an extractor that keeps the copies it does not cut
    puts out (pdfminer.six)."""
    return all(
        _runs_once(_middle(content, before, after)) is not None
        for content, before, after in zip(contents, (0, *shared), (*shared, 0), strict=True)
    )


def _is_step(content: str, before: int, after: int) -> bool:
    """True for a line of a staircase: the runs shared with the lines before and after,
    and between them, after a run boundary, glyphs drawn alone; the shared runs are
    most of the line (a line of prose is more than the word it shares by chance)."""
    glyphs = _runs_once(_middle(content, before, after))
    return (
        glyphs is not None
        and before + after >= MIN_SHARED_PART_OF_STEP * (before + after + len(glyphs))
        and (not glyphs or is_boundary(content, before))
    )


def _steps(page: Page, chain: Chain) -> Iterator[tuple[int, int]]:
    """(first, last) positions in ``chain`` of its parts whose inner lines are steps."""
    first = 0
    for position in range(1, len(chain.lines) - 1):
        content = page.contents[chain.lines[position]]
        if not _is_step(content, chain.shared[position - 1], chain.shared[position]):
            yield first, position
            first = position
    yield first, len(chain.lines) - 1


def _single_marks(text: str) -> str:
    """``text`` with each mark that clean text never doubles (``。。``) once."""

    def once(match: re.Match[str]) -> str:
        pair = len(match.group()) == 2 and is_telltale(match.group(1))
        return match.group(1) if pair else match.group()

    return _DOUBLED_SYMBOLS.sub(once, text)


def _is_evidence(run: str) -> bool:
    """A shared run of marks that clean text doubles (``……``, ``+``) may be two lines'
    ends meeting (``**A**`` / ``**B**``): it links a staircase but does not prove one."""
    return not set(run) <= _NOT_EVIDENCE


def _is_list(contents: Sequence[str], shared: Sequence[int]) -> bool:
    """True for lines that are each one entry of a list (``北京—上海`` / ``上海—广州`` /
    ``广州—深圳``, ``Paris – Lyon`` / ``Lyon – Nice`` / …): every line an item, one
    separator holding a mark, and an item, the first line's first item and the last
    line's last item included.

    Consecutive entries share an item as a staircase's lines share a run. A staircase
    has that shape only if its line repeats one mark between runs and the extractor
    cut every run but the first and the last; a list is the likelier text, and unsure,
    the rule does nothing. A gap space alone is no separator: a caption's words are
    set apart by spaces (``The the`` / ``the of`` / ``of the.``)."""
    if len(shared) < MIN_STAIRCASE_OVERLAPS:
        return False
    separator = _middle(contents[1], shared[0], shared[1])
    head = _middle(contents[0], 0, shared[0])
    tail = contents[-1][shared[-1] :]
    return (
        bool(separator.strip())
        and all(
            _middle(content, before, after) == separator
            for content, before, after in zip(contents[1:-1], shared, shared[1:], strict=False)
        )
        and len(head) > len(separator)
        and head.endswith(separator)
        and len(tail) > len(separator)
        and tail.startswith(separator)
    )


def _staircase(page: Page, chain: Chain, first: int, last: int) -> Change | None:
    contents = [page.contents[index] for index in chain.lines[first : last + 1]]
    shared = chain.shared[first:last]
    runs = [content[:size] for content, size in zip(contents[1:], shared, strict=True)]
    if len({run for run in runs if _is_evidence(run)}) < MIN_STAIRCASE_OVERLAPS:
        return None
    if _is_list(contents, shared):
        return None
    parts = [_single_marks(_middle(contents[0], 0, shared[0]))]
    for step, content in enumerate(contents[1:-1], start=1):
        parts += [runs[step - 1], _runs_once(_middle(content, shared[step - 1], shared[step]))]
    parts += [runs[-1], _single_marks(_last_run_once(contents[-1][shared[-1] :]))]
    joined = "".join(part or "" for part in parts)
    if not LINE_EVIDENCE.is_enough_text(joined):
        return None
    top, bottom = page.line(chain.lines[first]), page.line(chain.lines[last])
    return Change(top.lead, bottom.lead + len(bottom.content), joined, describe(runs, "staircase"))

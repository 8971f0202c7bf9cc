"""Put each table-of-contents entry's page number back after its leader dots.

Why it arises: a table of contents sets every entry's page number flush right,
led to by a row of dots (``前言 . . . . . 3``). The numbers are separate text
runs at the right margin, and extractors read them apart from their entries:
PyMuPDF writes each number on the line after its entry; pdftotext and
pdfminer.six read the right margin as a column of its own and write all the
numbers in one block after the entries (pdfminer.six sometimes after the
first heading of the page). Each entry is left ending in dots that lead
nowhere, and a list of bare numbers stands where it does not belong, where it
looks like page numbers to furniture removal and like text to reflow.

Broken (PyMuPDF)::

    1 联系我们 . . . . . . . . 2
    1.1 下载与安装 . . . . . . 2

as::

    1 联系我们 . . . . . . . .
    2
    1.1 下载与安装 . . . . . .
    2

Broken (pdftotext, pdfminer.six)::

    1 联系我们 . . . . . . . .
    1.1 下载与安装 . . . . . .
    2 配置环境变量 . . . . . .

    2
    2
    5

Broken (pdftotext -layout, which keeps the gap before the margin)::

    1 联系我们 . . . . . . . .      2

Fixed: each entry ends ``. . . 2``, one space before its number; the block of
numbers goes, with the blank lines before it.

Left alone: an entry whose number is on its line one space after its leaders;
leaders followed by anything but a page number; a single entry (two entries
show a contents, one line ending in dots and a number under it may be a
sentence and a list); a block of numbers that does not match the entries one
for one (an entry wrapped over two lines, a part title without a number: which
number is whose is unknown), or whose numbers fall anywhere (a contents runs
forwards through the book: roman front matter, then arabic pages, never
decreasing); an ellipsis (fewer than ``contents.MIN_LEADER_CHARS`` dots).

Gate: a scan (stdlib ``re``, C speed) for a row of leader dots; without one,
nothing runs.

>>> text = "甲 . . . . 1\\n乙 . . . .\\n丙 . . . .\\n\\n2\\n3\\n"
>>> [(c.start, c.end, c.after) for c in find(text, Options())]
[(21, 21, ' 2'), (31, 36, ' 3')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..chars import LAYOUT_SPACE
from ..contents import LEADER_ROW, LEADERS, PAGE_NUMBER
from ..rule import Change, Example, Rule

# Between the entries and their block of numbers pdfminer.six may read the page's
# first heading or its running head: at most this many lines.
MAX_LINES_BETWEEN = 3
# Two entries show a contents.
MIN_ENTRIES = 2

# A leader row at the end of a line, starting where the row starts (the lookbehinds
# keep each row scanned once, however long).
_ROW_START = rf"(?<![{LEADERS}])(?<![{LEADERS}][ \u3000])"
_LEADER_END = re.compile(rf"{_ROW_START}{LEADER_ROW}[{LAYOUT_SPACE}]*$", re.MULTILINE)
# A number on its entry's line after the layout gap pdftotext -layout keeps between
# the leaders and the margin (two spaces or more; a typeset entry has one).
_LEADER_GAP = re.compile(
    rf"{_ROW_START}{LEADER_ROW}(?P<gap>[ \u3000]{{2,}}){PAGE_NUMBER}[{LAYOUT_SPACE}]*$",
    re.MULTILINE,
)
_LEADER_ROW = re.compile(LEADER_ROW)
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_PAGE_NUMBER = re.compile(PAGE_NUMBER)


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def page_order(word: str) -> tuple[int, int] | None:
    """Where a page number falls in a book (roman front matter first), or None.

    >>> page_order("12"), page_order("xiv"), page_order("12a"), page_order("iiii")
    ((1, 12), (0, 14), None, None)
    """
    if not _PAGE_NUMBER.fullmatch(word):
        return None
    if word.isdigit():
        return (1, int(word))
    if _ROMAN.fullmatch(word):
        values = [_ROMAN_VALUES[char] for char in word]
        total = sum(
            -v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True)
        )
        return (0, total)
    return None


@dataclass(frozen=True)
class _Line:
    start: int  # of its content
    end: int
    kind: str  # "entry", "number" or "other"
    word: str = ""  # a number's
    page: tuple[int, int] | None = None  # where a number falls (``page_order``)


class _Lines:
    """Content lines read one at a time from a place in the text, blank lines skipped."""

    def __init__(self, text: str, entry_ends: dict[int, int]) -> None:
        self.text = text
        self.entry_ends = entry_ends  # content start of an entry's line -> its content end

    def read(self, position: int) -> tuple[_Line, int] | None:
        """The content line at or after ``position``, and where the line after it starts."""
        text = self.text
        while position < len(text):
            newline = text.find("\n", position)
            stop = len(text) if newline < 0 else newline
            line, following = text[position:stop], stop + 1
            content = line.strip(LAYOUT_SPACE)
            if not content:
                position = following
                continue
            start = position + len(line) - len(line.lstrip(LAYOUT_SPACE))
            end = start + len(content)
            if start in self.entry_ends:
                return _Line(start, self.entry_ends[start], "entry"), following
            word = text[start:end]
            page = page_order(word)
            if page is None:
                return _Line(start, end, "other"), following
            return _Line(start, end, "number", word, page), following
        return None


def _entries(text: str) -> dict[int, int]:
    """Lines ending in a leader row after a title: content start -> where the row ends."""
    found = {}
    for match in _LEADER_END.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        title = text[line_start : match.start()]
        if any(map(str.isalnum, title)):
            start = line_start + len(title) - len(title.lstrip(LAYOUT_SPACE))
            found[start] = match.start() + len(match.group().rstrip(LAYOUT_SPACE))
    return found


def _read_run(lines: _Lines, position: int) -> list[_Line]:
    """The lines from an entry on, until more than ``MAX_LINES_BETWEEN`` other lines
    follow one another."""
    run: list[_Line] = []
    others = 0
    while (read := lines.read(position)) is not None:
        line, position = read
        others = others + 1 if line.kind == "other" else 0
        if others > MAX_LINES_BETWEEN:
            break
        run.append(line)
    while run and run[-1].kind == "other":
        run.pop()
    return run


def _ascending(numbers: list[_Line]) -> bool:
    pages = [line.page for line in numbers]
    return all(a <= b for a, b in pairwise(pages))  # type: ignore[operator]


def _same_kind(run: list[_Line], at: int, kind: str) -> int:
    """Where the lines of ``kind`` from ``at`` on end."""
    while at < len(run) and run[at].kind == kind:
        at += 1
    return at


def _interleaved(run: list[_Line], at: int) -> tuple[list[Change], int]:
    """Entry, number, entry, number…: each number joins the entry above it, where two
    or more pages ascend."""
    pairs = []
    while at + 1 < len(run) and run[at].kind == "entry" and run[at + 1].kind == "number":
        pairs.append((run[at], run[at + 1]))
        at += 2
    note = "page number of a contents entry, read on the line after it"
    changes = []
    # Where the pages fall back a new list begins (a list of figures after the contents).
    for run in _ascending_runs(pairs):
        if len(run) >= MIN_ENTRIES:
            changes += [Change(entry.end, number.start, " ", note) for entry, number in run]
    return changes, at


def _ascending_runs(pairs: list[tuple[_Line, _Line]]) -> Iterator[list[tuple[_Line, _Line]]]:
    run: list[tuple[_Line, _Line]] = []
    for pair in pairs:
        if run and pair[1].page < run[-1][1].page:  # type: ignore[operator]
            yield run
            run = []
        run.append(pair)
    if run:
        yield run


def _block(run: list[_Line], at: int) -> tuple[list[Change], int]:
    """Entries, then (after a few other lines) as many numbers: one each, in order."""
    entries_end = _same_kind(run, at, "entry")
    numbers_start = entries_end
    while numbers_start < len(run) and run[numbers_start].kind == "other":
        numbers_start += 1
    numbers_end = _same_kind(run, numbers_start, "number")
    entries, numbers = run[at:entries_end], run[numbers_start:numbers_end]
    if (
        len(entries) < MIN_ENTRIES
        or len(entries) != len(numbers)
        or numbers_start - entries_end > MAX_LINES_BETWEEN
        or not _ascending(numbers)
    ):
        return [], entries_end
    note = "page number of a contents entry, read with the others after the entries"
    changes = [
        Change(entry.end, entry.end, " " + number.word, note)
        for entry, number in zip(entries, numbers, strict=True)
    ]
    # The block goes from the end of the line before it, taking the blank lines between.
    before = run[numbers_start - 1]
    if before is entries[-1]:
        last = changes.pop()
        changes.append(Change(before.end, numbers[-1].end, last.after, note))
    else:
        changes.append(Change(before.end, numbers[-1].end, "", note))
    return changes, numbers_end


def find(text: str, options: Options) -> Iterator[Change]:
    if not _LEADER_ROW.search(text):
        return
    yield from sorted([*_numbers_read_apart(text), *_layout_gaps(text)])


def _layout_gaps(text: str) -> Iterator[Change]:
    note = "layout gap between a contents entry's leaders and its page number"
    for match in _LEADER_GAP.finditer(text):
        start = match.start("gap")
        if text[start - 1] in " \u3000":  # the leader row took the gap's first space
            start -= 1
        yield Change(start, match.end("gap"), " ", note)


def _numbers_read_apart(text: str) -> Iterator[Change]:
    entry_ends = _entries(text)
    lines = _Lines(text, entry_ends)
    read_to = 0
    for start in sorted(entry_ends):
        if start < read_to:
            continue
        run = _read_run(lines, start)
        at = 0
        while at < len(run):
            if run[at].kind != "entry":
                at += 1
                continue
            changes, next_at = _interleaved(run, at)
            if not changes:
                changes, next_at = _block(run, at)
            yield from changes
            at = next_at
        read_to = run[-1].end if run else start + 1


RULE = Rule(
    id="rejoin_toc_page_numbers",
    summary="Put contents entries' page numbers, read apart from them, after their leaders.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "一 . . . . .\n1\n二 . . . . .\n5\n",
            "一 . . . . . 1\n二 . . . . . 5\n",
            "each number on the line after its entry",
        ),
        Example(
            "一 . . . . .\n二 . . . . .\n\n1\n5\n",
            "一 . . . . . 1\n二 . . . . . 5\n",
            "the numbers read as a block after the entries",
        ),
        Example(
            "一 . . . . .\n二 . . . . .\n\n5\n1\n",
            "一 . . . . .\n二 . . . . .\n\n5\n1\n",
            "numbers that run backwards are not page numbers",
        ),
    ),
)

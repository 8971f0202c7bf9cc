"""Page boundaries that the furniture itself reveals: a block of lines with a page counter.

Extractors that mark no pages (PyMuPDF writes neither a form feed nor a blank
line) still emit every page's furniture together: the running head, the date, the
editor line and the page label ``A1`` at the top, or a foot and a page number at
the bottom, directly followed by the next page's head. Two things set such a block
apart from content that merely repeats (a refrain, ``联系我们``, a list item):

- a **counter**: one number in one of its lines rises by one from each occurrence
  to the next (``A1``, ``A2``, ``A3``; ``Page 1``, ``Page 2``; a daily date);
- **companions**: the lines beside the counter repeat with it, in the same order,
  at every occurrence (identical up to their numbers, or near-identical).

A counter is found by its own repetition (its lines alike up to their numbers), or
beside a companion repeated word for word: a bare page number (``7``, ``8``) is
alike to every other line of digits alone (a table's figures, a list's numbers).

Where such blocks are found they are the page boundaries: each block, and the
lines of its groups at the very start or end of the text (the first page's head
has no previous page's foot beside it), are furniture; nothing else is.

Rows here are ranks among the content rows (blank rows skipped: pdfminer.six sets
blocks apart with blank lines, PyMuPDF does not).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import accumulate, chain, pairwise
from operator import sub

import regex

from ..chars import display_width

# The counter's companions: a head of a title, a date and an editor line, or a foot
# and the next page's head, span at most this many rows on either side of it.
MAX_BLOCK_SIDE = 6

# A counter alone could be a numbered heading (第1节, 第2节); with a companion
# line repeated beside it at every occurrence it is a page's furniture.
MIN_BLOCK_ROWS = 2

# Pages of one publication hold similar amounts of text: a picture or a big
# headline takes the place of some lines, but no page between two counters holds
# more than this many times the characters of another. (Between two counters lie
# whole pages: the short last page follows the last counter at a page's head, the
# first page precedes the first counter at a page's foot.) Characters, not lines: a
# page of four narrow columns holds twice the lines of a page of two, once its
# columns are read in turn.
MAX_PAGE_RATIO = 2.0

# With only two pages there is no period to check, and the block is all the
# evidence: a counter and two companions, and one block at the text's edge, where
# a page begins or ends. A counter's line that holds more than a page label (pypdf
# and pdfplumber join a foot and the page number on one line: ``Editor: Anna Reed
# Page 1``) holds a companion itself: at least this many print cells besides its
# numbers and spaces (``Page of`` in ``Page 3 of 9`` is a label, 6 cells).
MIN_TWO_PAGE_BLOCK_ROWS = 3
MIN_JOINED_COMPANION_CELLS = 8

_NUMBER = regex.compile(r"\d+")


def counts(lines: Sequence[str]) -> bool:
    """Some number at the same place in each line rises by one from line to line.

    >>> counts(["A1", "A2", "A3"]), counts(["Page 3 of 9", "Page 4 of 9"])
    (True, True)
    >>> counts(["A1", "A1"]), counts(["第1节", "第3节"]), counts(["12", "13 14"])
    (False, False, False)
    """
    before = list(map(int, _NUMBER.findall(lines[0])))
    places = range(len(before))
    # Line by line: most groups fail at their second line.
    for line in lines[1:]:
        after = list(map(int, _NUMBER.findall(line)))
        if len(after) != len(before):
            return False
        places = [place for place in places if after[place] - before[place] == 1]
        if not places:
            return False
        before = after
    return bool(places)


class CountedPages:
    """Blocks of furniture around a page counter, found among grouped content rows.

    ``lines``: the content rows' text, in order; ``groups``: lists of two or more
    ranks into ``lines`` whose rows repeat (identical up to numbers, or
    near-identical), each in order; ``min_gap``: the fewest lines a page holds.

    >>> body = ["正文"] * 4
    >>> lines = ["报头", "日期", "A1", *body, "报头", "日期", "A2", *body]
    >>> sorted(CountedPages(lines, [[0, 7], [1, 8], [2, 9]], min_gap=4).furniture())
    [0, 1, 2, 7, 8, 9]
    >>> CountedPages(lines, [[0, 7], [2, 9]], min_gap=4).furniture()
    set()

    A foot with the counter closes each page, the last page short:

    >>> lines = []
    >>> for number, rows in enumerate((6, 6, 6, 1), start=1):
    ...     lines += ["报头", *["正文一行"] * rows, f"Page {number}"]
    >>> sorted(CountedPages(lines, [[0, 8, 16, 24], [7, 15, 23, 26]], min_gap=2).furniture())
    [0, 7, 8, 15, 16, 23, 24, 26]
    """

    def __init__(self, lines: Sequence[str], groups: list[list[int]], min_gap: int) -> None:
        self._lines = lines
        self._groups = groups
        self._min_gap = min_gap

    @cached_property
    def _group_at(self) -> list[int]:
        """Each row's group number, or -1: asked only around a counter."""
        group_at = [-1] * len(self._lines)
        for number, group in enumerate(self._groups):
            for rank in group:
                group_at[rank] = number
        return group_at

    def furniture(self) -> set[int]:
        """Ranks of the rows in counted blocks, and of their groups' rows at the text's edges."""
        found: set[int] = set()
        members: set[int] = set()
        for group in self._counters():
            gaps = list(map(sub, group[1:], group))
            block = self._block(group, gaps)
            if block is None:
                continue
            low, high = block
            for rank in group:
                rows = range(max(0, rank + low), min(len(self._lines), rank + high + 1))
                found.update(rows)
                # The counter's own group may hold other lines of its shape (below).
                members.update(self._group_at[row] for row in rows if row != rank)
        last = len(self._lines) - 1
        for number in members:
            # The first page's head precedes no foot, the last page's foot no head.
            found.update(
                rank
                for rank in self._groups[number]
                if rank < MAX_BLOCK_SIDE or last - rank < MAX_BLOCK_SIDE
            )
        return found

    def _counters(self) -> Iterator[list[int]]:
        """Rows (ranks) whose numbers count, at page-like intervals: a group of lines
        repeated up to their numbers, and the rows at one offset from a group of lines
        repeated word for word (a running head). A counter of bare numbers (``7``,
        ``8``) shares its shape with a table's figures or a list's numbers, and its
        group holds them too; beside its head it is found all the same."""
        lines, last = self._lines, len(self._lines) - 1
        seen: set[tuple[int, ...]] = set()
        for group in self._groups:
            gaps = list(map(sub, group[1:], group))
            # Most repeated lines recur closer than pages.
            if min(gaps) < self._min_gap:
                continue
            # A line repeated word for word counts nothing: its neighbours may.
            if lines[group[0]] != lines[group[1]]:
                candidates = [group]
            else:
                # Rows of one shape only: numbered captions (``Figure 2: …``) beside each
                # head count too, but their words differ.
                candidates = [
                    rows
                    for offset in chain(range(-MAX_BLOCK_SIDE, 0), range(1, MAX_BLOCK_SIDE + 1))
                    if 0 <= group[0] + offset
                    and group[-1] + offset <= last
                    and self._alike(rows := [rank + offset for rank in group])
                ]
            for rows in candidates:
                key = tuple(rows)
                if key not in seen and counts([lines[rank] for rank in rows]):
                    seen.add(key)
                    yield rows

    def _alike(self, rows: list[int]) -> bool:
        """The rows are all of one group (alike up to their numbers)."""
        groups = {self._group_at[row] for row in rows}
        return len(groups) == 1 and -1 not in groups

    def _block(self, ranks: list[int], gaps: list[int]) -> tuple[int, int] | None:
        """The offsets around the counter that repeat with it, if they make a page block."""
        reach = min(MAX_BLOCK_SIDE, (min(gaps) - 1) // 2)
        low = -self._extent(ranks, range(-1, -reach - 1, -1))
        high = self._extent(ranks, range(1, reach + 1))
        rows = high - low + 1
        # The first page opens with its head, or the last closes with its foot.
        last = len(self._lines) - 1
        if ranks[0] + low >= MAX_BLOCK_SIDE and last - (ranks[-1] + high) >= MAX_BLOCK_SIDE:
            return None
        if len(ranks) == 2:
            rows += self._holds_companion(self._lines[ranks[0]])
            return (low, high) if rows >= MIN_TWO_PAGE_BLOCK_ROWS else None
        if rows < MIN_BLOCK_ROWS or not self._similar_pages(ranks):
            return None
        return low, high

    @staticmethod
    def _holds_companion(line: str) -> bool:
        """The counter's line holds a companion joined to its page label.

        >>> CountedPages._holds_companion("Editor: Anna Reed Page 1")
        True
        >>> CountedPages._holds_companion("Page 3 of 9"), CountedPages._holds_companion("A1")
        (False, False)
        """
        label = "".join(_NUMBER.sub("", line).split())
        return display_width(label) >= MIN_JOINED_COMPANION_CELLS

    def _similar_pages(self, ranks: list[int]) -> bool:
        """The pages between consecutive counters hold similar numbers of characters; the
        page before a counter that closes the text (a foot) is the last page, which may be
        short, and is not compared."""
        before = self._chars_before
        sizes = [before[high] - before[low] for low, high in pairwise(ranks)]
        if len(sizes) > 1 and len(self._lines) - 1 - ranks[-1] < MAX_BLOCK_SIDE:
            sizes.pop()
        return max(sizes) <= MAX_PAGE_RATIO * min(sizes)

    @cached_property
    def _chars_before(self) -> list[int]:
        """How many characters the rows before each rank hold."""
        return [0, *accumulate(map(len, self._lines))]

    def _extent(self, ranks: list[int], offsets: range) -> int:
        """How many of ``offsets`` (outward from the counter) hold one group at every
        occurrence; one occurrence may fall outside the text (the first page has no
        foot before its head, the last no head after its foot)."""
        extent = 0
        for offset in offsets:
            rows = [rank + offset for rank in ranks if 0 <= rank + offset < len(self._lines)]
            if len(rows) < max(2, len(ranks) - 1) and not self._opens_text(rows, offset):
                break
            groups = {self._group_at[row] for row in rows}
            if len(groups) != 1 or -1 in groups:
                break
            extent += 1
        return extent

    def _opens_text(self, rows: list[int], offset: int) -> bool:
        """With two pages, the one row after the counters that lies inside the text (the
        last page's foot closes it) repeats where the first page opens it: a head that
        follows the first page's foot and counter (``Editor: … Page 1`` / head) stands as
        far from the text's start as from that counter (the first page has no foot)."""
        if len(rows) != 1 or offset <= 0 or self._group_at[rows[0]] < 0:
            return False
        return self._groups[self._group_at[rows[0]]][0] == offset - 1

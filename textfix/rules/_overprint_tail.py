"""The overhanging tail of a fake-bold line that pdftotext set on a line of its own.

pdftotext keeps one glyph where the two paintings of a fake-bold line overlap, but the
second painting, shifted right, ends past the first line's last glyph: its last word
and both paintings' closing marks come out as a line of their own.

Broken:     ``Figure 1: These equivalences assume … refer to`` / ``to..``
Fixed:      ``Figure 1: These equivalences assume … refer to.``

pdftotext -layout sets the tail at its place on the page, after layout spaces
(``refer to`` / ``                    to..``): they go with it.

Evidence: the line is exactly the previous line's last word and one mark doubled; no
text doubles a full stop, comma or colon after a word it has just ended a line with.
Left alone: the same with the mark once (``to.``), three dots (an ellipsis), or a word
that is not the previous line's last.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..rule import Change

# The overhang is one word: the offset of a fake-bold painting is under a point.
MAX_TAIL_CHARS = 40
# Marks no clean text doubles after a word (an ellipsis has three dots, and ``!!`` or
# ``??`` are emphasis, so they prove nothing). CJK lines have no word to end on: their
# doubled tails are undo_overprint's staircases.
DOUBLED_MARKS = ".,:;"

_LAYOUT_SPACE = " \t"
# How far pdftotext -layout may indent a tail: the width of a page set in characters.
MAX_TAIL_INDENT = 256
_TO_LINE_END = re.compile(rf"[{_LAYOUT_SPACE}]*(?=\r?\n|\Z)")  # a CRLF line end stays
_TAIL = re.compile(
    rf"[{_LAYOUT_SPACE}]*(\w[\w'’-]{{0,{MAX_TAIL_CHARS - 1}}})([{re.escape(DOUBLED_MARKS)}])\2"
    rf"[{_LAYOUT_SPACE}]*"
)


def tail_repairs(text: str, doubled: Iterable[re.Match[str]]) -> Iterator[Change]:
    """One change per overhanging tail: the line break, the word and one mark go.

    ``doubled`` holds, in order, the matches of a mark twice in a row, at least of those
    of ``DOUBLED_MARKS`` (a tail's line ends with one): only the lines they end are read,
    and only as far back as a tail's line can reach, so a long line costs no rescans.
    """
    for ending in doubled:
        if ending.group(1) not in DOUBLED_MARKS:
            continue
        line_end = _TO_LINE_END.match(text, ending.end())
        if line_end is None:
            continue
        end = line_end.end()
        reach = max(0, ending.start() - MAX_TAIL_CHARS - MAX_TAIL_INDENT)
        line_break = text.rfind("\n", reach, ending.start())
        match = _TAIL.fullmatch(text, line_break + 1, end) if line_break >= 0 else None
        if match is None:
            continue
        word, mark = match.group(1), match.group(2)
        line_start = text.rfind("\n", 0, line_break) + 1
        before = text[line_start:line_break].rstrip(_LAYOUT_SPACE + "\r")
        start = line_start + len(before)
        if not before.endswith(word):
            continue
        ahead = start - len(word) - 1
        if ahead >= line_start and (text[ahead].isalnum() or text[ahead] in "_'’-"):
            continue  # the previous line ends with a longer word that ends like this one
        yield Change(start, end, mark, "fake-bold tail set on its own line")

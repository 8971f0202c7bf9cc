"""Tables of contents: the leader dots and page number that end an entry's line.

A contents entry is set as its title, a row of leader dots and its page number at
the right margin (``1.1 下载与安装 . . . . . . 2``). Such a line ends its entry as a
full stop ends a sentence: the next line is the next entry, never its continuation,
whatever the line's width (the leaders fill it to the margin).
"""

from __future__ import annotations

import re

# Leader characters: the full stop (half- and full-width), the middle dot and the
# ellipses that Chinese contents set as leaders (``……``).
LEADERS = ".．·・…⋯"
# A leader row is at least this many dots: three are an ellipsis (``...``), and a
# contents entry set close to the margin still gets a few more.
MIN_LEADER_CHARS = 4
# One space (or ideographic space) may part the dots: ``. . . .``.
LEADER_ROW = rf"(?:[{LEADERS}][ \u3000]?){{{MIN_LEADER_CHARS},}}"
# Page numbers: up to four digits, or lowercase roman numerals (front matter).
PAGE_NUMBER = r"(?:[0-9]{1,4}|[ivxlcdm]{1,8})"

# An entry's line ends in leaders, and its page number unless extraction moved it.
# Layout spaces may stand between them (pdftotext -layout keeps the margin's gap).
_ENTRY_END = re.compile(rf"{LEADER_ROW}(?:[ \u3000]*{PAGE_NUMBER})?$")
# How much of a line's end is read: four spaced leaders, a layout gap and a number.
_TAIL_CHARS = 40
# The last character of a line that may end an entry: a digit, a leader, a numeral.
ENTRY_LASTS = frozenset("0123456789ivxlcdm" + LEADERS)


def ends_contents_entry(line: str) -> bool:
    """Whether a line (without layout whitespace at its end) ends like a contents entry.

    >>> ends_contents_entry("1.1 下载与安装 . . . . . . 2"), ends_contents_entry("前言……………… iii")
    (True, True)
    >>> ends_contents_entry("running mktexlsr ..."), ends_contents_entry("共有35座桥梁，目前2")
    (False, False)
    """
    return _ENTRY_END.search(line[-_TAIL_CHARS:]) is not None

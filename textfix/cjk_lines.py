"""Lines that hold CJK text: the gate of the punctuation rules that act only in CJK context.

A mark takes its script from its own line: ``textfix.neighbours`` never looks past a
line break, and quotes and brackets pair within a line. On a line with neither a CJK
letter nor a mark only CJK text uses, no mark is in CJK context, so a rule that asks
for ``matches_on_cjk_lines`` passes over Latin lines at C speed.

>>> text = "Hello, world\\n你好,世界\\n(see)。"
>>> [(start, match.start()) for start, match in matches_on_cjk_lines(re.compile("[,(]"), text)]
[(13, 15), (19, 19)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from .chars import CJK_LETTER_CLASS

# Marks used only in CJK text: a bracket pair beside one is in CJK context whatever
# letter lies beyond it (a byline after ``AI”。``: ``AI”。(陈菁菁)``).
CJK_ONLY_MARKS = "，。、；：？！"
# A CJK letter or CJK-only mark, matched as a non-ASCII character first so that a
# search skips Latin text at C speed.
_CJK = regex.compile(
    r"[^\x00-\x7f](?<=" + CJK_LETTER_CLASS + "|[" + regex.escape(CJK_ONLY_MARKS) + "])"
)


def matches_on_cjk_lines(
    pattern: re.Pattern[str], text: str
) -> Iterator[tuple[int, re.Match[str]]]:
    """The matches of ``pattern`` (which never spans a line break) on lines holding a CJK
    letter or CJK-only mark, each with the start of its line. Lines without are skipped
    up to the next CJK character, so each stretch of text is searched once."""
    position = line_start = line_end = 0
    next_cjk = -1  # the first CJK character at or after ``line_start``
    while (match := pattern.search(text, position)) is not None:
        if match.start() >= line_end:
            line_start = text.rfind("\n", 0, match.start()) + 1
            found_end = text.find("\n", match.start())
            line_end = len(text) if found_end < 0 else found_end
            if next_cjk < line_start:
                found = _CJK.search(text, line_start)
                next_cjk = found.start() if found else len(text)
            if next_cjk >= line_end:
                if next_cjk == len(text):
                    return
                position = text.rfind("\n", 0, next_cjk) + 1
                continue
        yield line_start, match
        position = match.end()

"""Pair opening and closing brackets in reading order, within a line or across a wrap.

A closing bracket pairs with the nearest opening bracket still open, whatever its
shape: the rules decide what a pair of two different shapes means. In text that
is one paragraph per line a pair never spans a line break; in hard-wrapped text
(OCR, extraction) a bracketed phrase may be cut by the wrap (``人才 ( 团`` / ``队 )``),
so a caller may let pairs span ``line_span`` breaks. A break is a run of newlines
with nothing but whitespace between them: blank lines at a column break count once.
A break after the end of a sentence ends a paragraph, which no pair spans (in text of
one paragraph per line, ``区间(0, 1]。`` / ``区间[0, 1)。`` hold two half-open intervals).

>>> text = "人才 ( 团\\n\\n队 )，(1"
>>> pair_brackets(text, [3, 9, 12], "(", line_span=1)
([(3, 9)], [12])
>>> pair_brackets(text, [3, 9, 12], "(", line_span=0)
([], [3, 9, 12])
>>> pair_brackets("区间(0, 1]。\\n区间[0, 1)。", [2, 17], "(", line_span=1)
([], [2, 17])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import regex

from .chars import SENTENCE_FINAL

_BREAK = regex.compile(r"\n\s*")
_SENTENCE_ENDS = "".join(sorted(SENTENCE_FINAL))
_PARAGRAPH_BREAK = regex.compile(rf"[{regex.escape(_SENTENCE_ENDS)}][ \t]*\n")


def pair_brackets(
    text: str, positions: Iterable[int], openers: str, line_span: int
) -> tuple[list[tuple[int, int]], list[int]]:
    """``(opening, closing)`` pairs among ``positions`` (sorted), and the unpaired positions.

    ``openers`` names the opening characters; every other position is a closer.
    """
    pairs: list[tuple[int, int]] = []
    unpaired: list[int] = []
    open_: deque[tuple[int, int]] = deque()  # (position, break count before it)
    breaks = 0
    previous = 0
    for position in positions:
        if text.find("\n", previous, position) >= 0:  # most brackets have no break before
            breaks += len(_BREAK.findall(text, previous, position))
            if _PARAGRAPH_BREAK.search(text, previous, position):
                unpaired.extend(opening for opening, _ in open_)
                open_.clear()
        previous = position
        while open_ and open_[0][1] < breaks - line_span:
            unpaired.append(open_.popleft()[0])
        if text[position] in openers:
            open_.append((position, breaks))
        elif open_:
            pairs.append((open_.pop()[0], position))
        else:
            unpaired.append(position)
    unpaired.extend(opening for opening, _ in open_)
    return pairs, sorted(unpaired)

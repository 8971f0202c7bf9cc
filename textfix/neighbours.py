"""The letters a punctuation mark sits between: what decides its script context.

A mark belongs to the script of the words around it, not to the marks or spaces
beside it: in ``模型(DeepSeek), 全尺寸`` the comma follows a Latin word but precedes
a Han one. ``Neighbours.before`` and ``Neighbours.after`` look past every space,
punctuation mark and symbol (never past a line break) for the nearest letter or
digit. Because they look past all of them, converting a mark between widths,
collapsing doubled marks or removing spaces never changes what another mark
sees, which keeps the punctuation rules idempotent.

The runs of marks and spaces are found once per text with one regex scan; each
lookup is then a binary search.

>>> text = "模型(DeepSeek), 全"
>>> comma = text.index(",")
>>> neighbours(text).before(comma), neighbours(text).after(comma + 1)
('k', '全')
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

# Spaces, punctuation and symbols (not line breaks): what a mark's context looks past.
_CLUSTER = regex.compile(r"[\p{P}\p{S}\p{Z}\t\r\f\v]+")
# Texts to remember: the rules of one pipeline run ask about the same few texts.
_CACHE_SIZE = 4


class Neighbours:
    """Nearest letters around positions of one text."""

    def __init__(self, text: str) -> None:
        self._text = text
        spans = [match.span() for match in _CLUSTER.finditer(text)]
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def _cluster(self, index: int) -> int:
        """Index of the mark/space run holding ``text[index]``, or -1."""
        found = bisect_right(self._starts, index) - 1
        return found if found >= 0 and index < self._ends[found] else -1

    def _letter(self, index: int) -> str:
        if 0 <= index < len(self._text) and self._text[index] != "\n":
            return self._text[index]
        return ""

    def before(self, position: int) -> str:
        """The nearest letter or digit before ``position`` on its line, or ``""``."""
        cluster = self._cluster(position - 1) if position > 0 else -1
        return self._letter(self._starts[cluster] - 1 if cluster >= 0 else position - 1)

    def after(self, position: int) -> str:
        """The nearest letter or digit at or after ``position`` on its line, or ``""``."""
        cluster = self._cluster(position)
        return self._letter(self._ends[cluster] if cluster >= 0 else position)


@lru_cache(maxsize=_CACHE_SIZE)
def neighbours(text: str) -> Neighbours:
    """The (cached) ``Neighbours`` of ``text``."""
    return Neighbours(text)

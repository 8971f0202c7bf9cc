"""The letters a punctuation mark sits between: what decides its script context.

A mark belongs to the script of the words around it, not to the marks or spaces
beside it: in ``模型(DeepSeek), 全尺寸`` the comma follows a Latin word but precedes
a Han one. ``Neighbours.before`` and ``Neighbours.after`` look past every space,
punctuation mark and symbol (never past a line break) for the nearest letter or
digit. Because they look past all of them, converting a mark between widths,
collapsing doubled marks or removing spaces never changes what another mark
sees, which keeps the punctuation rules idempotent.

Each lookup scans the run of marks and spaces beside its position, so text that is
never asked about costs nothing. Lookups that keep scanning long runs (a line of
dots, asked about at every dot) would cost the square of the run: once the scans
have covered as many characters as the text holds, the runs of the whole text are
found with one regex scan and each later lookup is a binary search.

>>> text = "模型(DeepSeek), 全"
>>> comma = text.index(",")
>>> neighbours(text).before(comma), neighbours(text).after(comma + 1)
('k', '全')
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from .text_cache import per_text_cache

# Spaces, punctuation and symbols (not line breaks): what a mark's context looks past.
_LOOKED_PAST = r"[\p{P}\p{S}\p{Z}\t\r\f\v]"
_RUN = regex.compile(_LOOKED_PAST + "+")
_RUN_FROM = regex.compile(_LOOKED_PAST + "*")
_RUN_UP_TO = regex.compile("(?r)" + _LOOKED_PAST + "*")  # matched backwards from a position
# Texts to remember: the rules of one pipeline run ask about the same few texts.
_CACHE_SIZE = 4


class _RunIndex:
    """Every run of marks and spaces of one text, for binary search."""

    def __init__(self, text: str) -> None:
        spans = [match.span() for match in _RUN.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def run(self, index: int) -> int:
        """Index of the run holding ``text[index]``, or -1."""
        found = bisect_right(self.starts, index) - 1
        return found if found >= 0 and index < self.ends[found] else -1


class Neighbours:
    """Nearest letters around positions of one text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._unscanned = len(text)  # what the scans may still cover before indexing
        self._index: _RunIndex | None = None

    def _letter(self, index: int) -> str:
        if 0 <= index < len(self._text) and self._text[index] != "\n":
            return self._text[index]
        return ""

    def _scanned(self, length: int) -> None:
        self._unscanned -= length
        if self._unscanned < 0:
            self._index = _RunIndex(self._text)

    def before(self, position: int) -> str:
        """The nearest letter or digit before ``position`` on its line, or ``""``."""
        if not 0 < position <= len(self._text):
            return ""
        if self._index is not None:
            run = self._index.run(position - 1)
            return self._letter(self._index.starts[run] - 1 if run >= 0 else position - 1)
        start = _RUN_UP_TO.match(self._text, 0, position).start()
        self._scanned(position - start)
        return self._letter(start - 1)

    def after(self, position: int) -> str:
        """The nearest letter or digit at or after ``position`` on its line, or ``""``."""
        if not 0 <= position < len(self._text):
            return ""
        if self._index is not None:
            run = self._index.run(position)
            return self._letter(self._index.ends[run] if run >= 0 else position)
        end = _RUN_FROM.match(self._text, position).end()
        self._scanned(end - position)
        return self._letter(end)


@per_text_cache(maxsize=_CACHE_SIZE)
def neighbours(text: str) -> Neighbours:
    """The (cached) ``Neighbours`` of ``text``."""
    return Neighbours(text)

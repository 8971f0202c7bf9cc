"""Where a long text is cut so that it can be repaired a window at a time.

What a rule holds while it reads a text — a page of per-line facts, the lines' widths,
the similarity groups of its short lines — weighs several times the text. Read whole,
a 50 MB text would need ten times its size in memory; read in windows of about
``Config.window_chars`` characters it needs the output and one window's work.

A long text is a run of pages and articles; no artifact spans a paragraph's end. The
cut falls where a paragraph ends, the strongest evidence first:

1. after a line that ends a sentence, followed by a blank line or a form feed (a page
   or an article ends there);
2. after a line that ends a sentence;
3. after any line.

It is looked for in the second half of each window, so that a window is never shorter
than half the size; where no line ends there, the window grows to the next line end,
and a text with no line break left is never cut (the rules see a line whole).

>>> text = "第一段。\\n\\n第二段的开\\n头。\\n\\n第三段的开\\n头。\\n"
>>> [text[start:end] for start, end in windows(text, 10)]
['第一段。\\n\\n', '第二段的开\\n头。\\n\\n', '第三段的开\\n头。\\n']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .chars import CLOSERS, SENTENCE_FINAL

_FINAL = regex.escape("".join(sorted(SENTENCE_FINAL)))
_CLOSER = regex.escape("".join(sorted(CLOSERS)))
_SENTENCE_END = rf"[{_FINAL}][{_CLOSER}]*[ \t\u3000]*"
# A sentence's end, then the end of its line and a blank line or a page break; the cut
# falls after the blank lines and page breaks. Searched backwards (the last one in a
# stretch is wanted); each pattern has one way to match a position.
_PARAGRAPH_END = regex.compile(rf"{_SENTENCE_END}\n(?:[ \t\u3000]*[\n\f])+", flags=regex.REVERSE)
_SENTENCE_LINE_END = regex.compile(rf"{_SENTENCE_END}\n", flags=regex.REVERSE)
_LINE_END = regex.compile(r"[\n\f]", flags=regex.REVERSE)
_NEXT_LINE_END = regex.compile(r"[\n\f]")


def windows(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each window of ``text``, in order, covering it exactly.

    ``size`` 0 (or a text no longer than one and a half windows) gives one window.
    """
    start, length = 0, len(text)
    while size and length - start > size + size // 2:
        cut = _cut(text, start + size // 2, start + size)
        if cut is None or cut == length:
            break
        yield start, cut
        start = cut
    yield start, length


def _cut(text: str, low: int, high: int) -> int | None:
    """The end of the last paragraph, sentence or line ending in ``text[low:high]`` (in
    that preference), else of the first line ending after it; None when there is none."""
    for pattern in (_PARAGRAPH_END, _SENTENCE_LINE_END, _LINE_END):
        last = pattern.search(text, low, high)
        if last is not None:
            return last.end()
    following = _NEXT_LINE_END.search(text, high)
    return following.end() if following is not None else None

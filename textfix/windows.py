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
# A sentence's end and the end of its line, searched backwards (the last ones in a
# stretch are wanted); whether blank lines or a page break follow is looked at
# forwards, from each in turn. No pattern has a repeat that a failed match
# backtracks through more than once: a run of a million empty lines or spaces costs
# one look per character.
_SENTENCE_LINE_END = regex.compile(rf"{_SENTENCE_END}\n", flags=regex.REVERSE)
_BLANK_LINES = regex.compile(r"(?:[ \t\u3000]*[\n\f])*")
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
    sentence_end = None
    for line_end in _SENTENCE_LINE_END.finditer(text, low, high):
        sentence_end = sentence_end or line_end.end()
        blank = _BLANK_LINES.match(text, line_end.end())
        if blank.end() > line_end.end():  # a paragraph's end: cut after the blank lines
            return blank.end()
    if sentence_end is not None:
        return sentence_end
    last = _LINE_END.search(text, low, high)
    if last is not None:
        return last.end()
    following = _NEXT_LINE_END.search(text, high)
    return following.end() if following is not None else None

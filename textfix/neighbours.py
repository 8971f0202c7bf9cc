"""The letters a punctuation mark sits between: what decides its script context.

A mark belongs to the script of the words around it, not to the marks or spaces
beside it: in ``模型(DeepSeek), 全尺寸`` the comma follows a Latin word but precedes
a Han one. ``letter_before`` and ``letter_after`` look past spaces, punctuation
and symbols (never past a line break) for the nearest letter or digit. Because
they skip every mark, converting a mark between widths never changes what another
mark sees, which keeps the punctuation rules idempotent.
"""

from __future__ import annotations

import unicodedata

# How far to look past marks and spaces for a letter. Clusters such as ``。”）``
# plus a space or two are at most five characters; past eight characters of marks
# there is no word nearby to decide by. The bound keeps every lookup O(1).
CONTEXT_REACH = 8


def _is_mark_or_space(char: str) -> bool:
    return unicodedata.category(char)[0] in "PSZ" or char in "\t\r\f\v"


def letter_before(text: str, position: int) -> str:
    """The nearest letter or digit before ``position`` on the same line, or ``""``.

    >>> letter_before("模型(DeepSeek), 全", 14)
    'k'
    """
    stop = max(0, position - CONTEXT_REACH)
    for index in range(position - 1, stop - 1, -1):
        char = text[index]
        if char == "\n":
            return ""
        if not _is_mark_or_space(char):
            return char
    return ""


def letter_after(text: str, position: int) -> str:
    """The nearest letter or digit at or after ``position`` on the same line, or ``""``.

    >>> letter_after("模型(DeepSeek), 全", 14)
    '全'
    """
    stop = min(len(text), position + CONTEXT_REACH)
    for index in range(position, stop):
        char = text[index]
        if char == "\n":
            return ""
        if not _is_mark_or_space(char):
            return char
    return ""

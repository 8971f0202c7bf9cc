"""CJK terms set in Latin text: Han letters that do not make their surroundings CJK.

English text about China names a term in Han and glosses or quotes it: ``The term
人工智能 (AI) is common``, ``mimi means “秘密” (secret)``. The Han letters beside those
brackets are a word inside a Latin sentence, and the brackets belong to the sentence.
Such a term is short (a word or a name), set apart by a space from the Latin word
beyond it, a lowercase word of running English (``term``, ``means``, ``said``), and
the text around it is mostly Latin. Chinese writing embeds names, acronyms and
commands (``Python 语言``, ``AI一体机``, ``在 cmd 执行``) in text that is mostly Han.

>>> text = "The term 人工智能 (AI) is common."
>>> opening = text.index("(")
>>> is_term_in_latin(text, opening, BACKWARD), is_term_in_latin("深度求索 (", 5, BACKWARD)
(True, False)
"""

from __future__ import annotations

import regex

from .chars import CJK_LETTER, CJK_LETTER_CLASS

BACKWARD, FORWARD = -1, 1

# A term glossed in Latin text is a word or a name (人工智能, 深度求索, 王小明), rarely more
# than a few characters; a longer run of CJK letters is CJK text itself.
TERM_MAX_LETTERS = 8
# Marks and spaces looked past between a mark and the term, and on either side of the
# space before the Latin word (``said, “你好”``): a few, so each look takes bounded time.
_GAP = 3
# What neighbours look past (``textfix.neighbours``): spaces, punctuation, symbols.
_PAST = r"[\p{P}\p{S}\p{Z}\t\r\f\v]"
# What may sit between and around a term's letters: spaces and quotation marks.
_EDGE = "[ “”‘’「」『』《》\"']"
_TERM = rf"(?:{CJK_LETTER_CLASS}{_EDGE}{{0,2}}){{1,{TERM_MAX_LETTERS}}}"
# Between the term and the Latin word: a space, maybe beside marks (``said, “``).
_SPACED = rf"{_PAST}{{0,{_GAP}}} {_PAST}{{0,{_GAP}}}"
# Read outward from a position: the marks beside it, the term, a space, a lowercase
# Latin word. Matched backwards (``REVERSE``) for the side before a position.
_BEFORE = regex.compile(
    rf"(?<![A-Za-z])[a-z]{{2,}}{_SPACED}{_TERM}{_PAST}{{0,{_GAP}}}", flags=regex.REVERSE
)
_AFTER = regex.compile(rf"{_PAST}{{0,{_GAP}}}{_TERM}{_SPACED}[a-z]{{2,}}(?![A-Za-z])")


# The text around a position that tells its script: this many characters on each side,
# on its line — a clause or two of either script.
CONTEXT_CHARS = 60
_LATIN_LETTERS = regex.compile(r"[A-Za-z]")


def is_term_in_latin(text: str, position: int, direction: int) -> bool:
    """True when the CJK letters nearest ``position`` in ``direction`` (``BACKWARD``:
    ending before it; ``FORWARD``: from it on) are a term set in Latin text."""
    if direction == BACKWARD:
        term = _BEFORE.match(text, 0, position)
    else:
        term = _AFTER.match(text, position)
    return term is not None and _is_mostly_latin(text, position)


def _is_mostly_latin(text: str, position: int) -> bool:
    """The line around ``position`` (``CONTEXT_CHARS`` each side) is Latin text: its
    Latin letters take over twice the print width of its CJK letters (two cells each,
    ``textfix.layout``). Chinese text about software, whose Latin names and commands
    may take as much room as its Han, is not."""
    start = text.rfind("\n", max(0, position - CONTEXT_CHARS), position) + 1
    start = max(start, position - CONTEXT_CHARS)
    end = text.find("\n", position, position + CONTEXT_CHARS)
    end = min(len(text), position + CONTEXT_CHARS) if end < 0 else end
    latin = len(_LATIN_LETTERS.findall(text, start, end))
    return latin > 4 * len(CJK_LETTER.findall(text, start, end))

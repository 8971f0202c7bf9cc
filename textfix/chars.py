"""Character classes used by the rules, each with the reason it exists.

Widths are *print cells*: a Han character fills one em (2 cells); a Latin letter,
digit or space about half an em (1 cell). CJK punctuation is drawn full-width but
newspapers compress it (标点挤压) at line ends and next to other punctuation, so
on average it occupies about half an em: counting it as 1 cell matches the line
lengths of real columns far better than counting it as 2.
"""

from __future__ import annotations

import regex

# Punctuation that Chinese typesetting never lets begin a line (禁则, line-start
# forbidden): a character before it is pushed to the next line, or it hangs.
NO_LINE_START = frozenset("，。、；：？！）》」』】〉〕”’…—～·％%,.;:?!)]}")

# Opening brackets and quotes never end a line: they travel with what follows.
OPENERS = frozenset("（《「『【〈〔“‘([{")

# Closing brackets and quotes: a sentence may end inside them (`。”`, `。）`).
CLOSERS = frozenset("）》」』】〉〕”’)]}\"'")

# Sentence-final punctuation, full- and half-width.
SENTENCE_FINAL = frozenset("。！？!?.…")

# Clause punctuation: a line ending here continues on the next line.
CLAUSE = frozenset("，、；：,;:—")

# Full-width CJK punctuation (counted as 1 print cell; see module docstring).
CJK_PUNCT = frozenset("，。、；：？！（）《》「」『』【】〈〉〔〕“”‘’…—～·・　")

# Layout whitespace that extraction leaves at line starts and ends (U+3000 is the
# ideographic space used for CJK first-line indents).
LAYOUT_SPACE = " \t\r\f\v\u3000\xa0"

# Wide letters: East-Asian wide or full-width, minus the CJK punctuation above.
_WIDE_LETTER = regex.compile(
    r"(?V1)[[\p{East_Asian_Width=W}\p{East_Asian_Width=F}]--["
    + regex.escape("".join(sorted(CJK_PUNCT)))
    + "]]"
)

# Scripts written without spaces between words: a line break between two such
# characters joins with nothing; everything "wide" also joins with nothing.
_UNSPACED = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Hangul}"
    r"\p{East_Asian_Width=W}\p{East_Asian_Width=F}]"
)


def display_width(text: str) -> int:
    """Print cells: wide letters 2, CJK punctuation and everything else 1.

    >>> display_width("AI应用")
    6
    >>> display_width("部署。")
    5
    """
    return len(text) + len(_WIDE_LETTER.findall(text))


def is_unspaced(char: str) -> bool:
    """True for characters of scripts that use no spaces between words (and CJK punctuation)."""
    return char in CJK_PUNCT or bool(_UNSPACED.match(char))


def is_cjk_punct(char: str) -> bool:
    return char in CJK_PUNCT


# Letters of the scripts whose text takes full-width punctuation and no spaces
# between words: Han, kana and bopomofo. Hangul is left out on purpose: Korean
# uses half-width punctuation and spaces between words.
# ASCII letters and digits: the characters of Latin words, numbers and identifiers.
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
ASCII_ALNUM = ASCII_LETTERS | frozenset("0123456789")

CJK_LETTER_CLASS = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}]"
CJK_LETTER = regex.compile(CJK_LETTER_CLASS)


def is_cjk_letter(char: str) -> bool:
    """True for a Han, kana or bopomofo character (not Hangul, not punctuation).

    >>> is_cjk_letter("市"), is_cjk_letter("A"), is_cjk_letter("，"), is_cjk_letter("한")
    (True, False, False, False)
    """
    return bool(char) and bool(CJK_LETTER.match(char))

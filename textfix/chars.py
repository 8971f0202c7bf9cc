"""Character classes used by the rules, each with the reason it exists.

Widths are *print cells*: a Han character fills one em (2 cells); a Latin letter,
digit or space about half an em (1 cell). CJK punctuation is drawn full-width but
newspapers compress it (标点挤压) at line ends and next to other punctuation, so
on average it occupies about half an em: counting it as 1 cell matches the line
lengths of real columns far better than counting it as 2.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import add, floordiv, sub

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


# Every East-Asian wide or full-width character, punctuation included: a fixed-pitch grid
# (a terminal, a layout extractor that pads text by display width) gives each two cells.
GRID_WIDE = regex.compile(r"[\p{East_Asian_Width=W}\p{East_Asian_Width=F}]")


def grid_width(text: str) -> int:
    """Cells ``text`` fills on a fixed-pitch grid: wide and full-width characters 2, others 1.

    Unlike ``display_width`` (the print model, where compressed CJK punctuation is half an
    em), a grid has no compression: ``，`` takes two cells like a Han character.

    >>> grid_width("部署。"), display_width("部署。")
    (6, 5)
    """
    return len(text) + len(GRID_WIDE.findall(text))


def print_cells(line: str) -> int:
    """Cells ``line`` fills set in a CJK font, from its UTF-8 length (one C call): ASCII 1,
    three- and four-byte characters 2 (Han, and the punctuation and symbols a CJK font sets
    full-width: ``“”…—``), two-byte letters 1.5. Close enough to compare lines of a column.

    >>> print_cells("AI应用，"), print_cells("“智能”"), print_cells("café")
    (8, 8, 4)
    """
    return (len(line) + len(line.encode("utf-8", "surrogatepass"))) // 2


@lru_cache(maxsize=8192)
def char_width(char: str) -> int:
    """``display_width`` of one character, cached: line starts repeat a few thousand."""
    return display_width(char)


@lru_cache(maxsize=8192)
def is_unspaced(char: str) -> bool:
    """True for characters of scripts that use no spaces between words (and CJK punctuation)."""
    return char in CJK_PUNCT or bool(_UNSPACED.match(char))


# Plain ``re``: on a literal character class it is several times faster than
# ``regex``, and than ``str.translate`` on non-ASCII text.
_CJK_PUNCT_MARK = re.compile("[" + re.escape("".join(sorted(CJK_PUNCT))) + "]")


def drop_cjk_punct(text: str) -> str:
    """``text`` without its full-width CJK punctuation (to count marks per line).

    >>> drop_cjk_punct("部署。（高美梅）")
    '部署高美梅'
    """
    return _CJK_PUNCT_MARK.sub("", text)


# Blocks made only of East-Asian-wide characters, all three bytes long in UTF-8.
# Text made of ASCII, these and the (three-byte) CJK punctuation can be measured
# from its UTF-8 length alone: see ``fast_widths``. tests/test_chars.py checks
# every code point of these ranges against unicodedata.
WIDE_THREE_BYTE_BLOCKS = (
    ("\u3040", "\u30ff"),  # Hiragana, Katakana
    ("\u3400", "\u4dbf"),  # CJK Unified Ideographs Extension A
    ("\u4e00", "\u9fff"),  # CJK Unified Ideographs
    ("\uac00", "\ud7a3"),  # Hangul Syllables
    ("\uf900", "\ufaff"),  # CJK Compatibility Ideographs
    ("\uff01", "\uff60"),  # Fullwidth Forms
)
_THREE_BYTE_PUNCT = "".join(sorted(c for c in CJK_PUNCT if len(c.encode()) == 3))
_NOT_FAST = re.compile(  # plain ``re``: see _CJK_PUNCT_MARK
    "[^\\x00-\\x7f"
    + "".join(f"{low}-{high}" for low, high in WIDE_THREE_BYTE_BLOCKS)
    + re.escape(_THREE_BYTE_PUNCT)
    + "]"
)


def fast_width_applies(text: str) -> bool:
    """True when every character of ``text`` is ASCII, wide CJK or CJK punctuation."""
    return _NOT_FAST.search(text) is None


def fast_widths(texts: list[str], marks: list[int]) -> list[int]:
    """``display_width`` of texts where ``fast_width_applies``, given their punctuation counts.

    Every non-ASCII character is three bytes: wide letters count 2, marks 1.

    >>> fast_widths(["AI应用，"], [1]) == [display_width("AI应用，")]
    True
    """
    lengths = list(map(len, texts))
    extras = map(sub, map(len, map(str.encode, texts)), lengths)
    return list(map(sub, map(add, lengths, map(floordiv, extras, repeat(2))), marks))


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
# The same matched as "a non-ASCII character that is a CJK letter": a search of a whole text
# skips ASCII at C speed, where a union of script properties is tested at every character.
_CJK_LETTER_AFTER_ASCII = regex.compile(r"[^\x00-\x7f](?<=" + CJK_LETTER_CLASS + ")")


def has_cjk_letter(text: str) -> bool:
    """True when ``text`` holds a CJK letter: the gate of rules that act only in CJK text.

    >>> has_cjk_letter("Hello, 世界"), has_cjk_letter("Hello, world。")
    (True, False)
    """
    return _CJK_LETTER_AFTER_ASCII.search(text) is not None


def is_cjk_letter(char: str) -> bool:
    """True for a Han, kana or bopomofo character (not Hangul, not punctuation).

    >>> is_cjk_letter("市"), is_cjk_letter("A"), is_cjk_letter("，"), is_cjk_letter("한")
    (True, False, False, False)
    """
    return bool(char) and bool(CJK_LETTER.match(char))

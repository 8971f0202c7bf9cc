"""Remove invisible characters that carry no meaning; make fixed-width spaces plain spaces.

Why it arises: web pages and word processors put zero-width spaces and word joiners between
words as line-break hints, soft hyphens as hyphenation points, and a byte-order mark at the
head of each file they concatenate; NBSP and the typographic spaces (thin, figure, en...) keep
a layout fixed. Extraction copies them all into the text, where they split words for search
and tokenizers while staying invisible. Control characters come from binary fields and
terminal output.

Broken:     ``人工\\u200b智能``, ``co\\xadoperate``, ``\\ufeff标题``, ``10\\xa0km``, ``a\\x07b``
Fixed:      ``人工智能``, ``cooperate``, ``标题``, ``10 km``, ``ab``
Left alone: ZWJ inside emoji sequences (``👩\\u200d💻``); ZWJ and ZWNJ after a letter of a
script whose shaping they control (Persian ``می\\u200cخواهم``, Devanagari, Sinhala...); the
ideographic space U+3000 (a CJK layout character); tab, newline, form feed (a page break
later rules use), and the line-break controls CR and VT (deleting them would join lines).
A soft hyphen before a line break was printed as a hyphen and becomes one.

Gate: text without any of these characters is returned untouched (one regex search).

>>> [change.after for change in find("人工\\u200b智能\\xa0AI", Options())]
['', ' ']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..rule import Change, Example, Rule

ZERO_WIDTH_JOINER = "\u200d"
ZERO_WIDTH_NON_JOINER = "\u200c"
SOFT_HYPHEN = "\xad"
# Always noise in running text: zero-width space, word joiner, BOM / zero-width no-break space.
_ZERO_WIDTH = "\u200b\u2060\ufeff"
# C0 and C1 controls except tab, LF, VT, FF and CR.
_CONTROLS = "\x00-\x08\x0e-\x1f\x7f-\x9f"
# Fixed-width and no-break spaces that mean "a space": NBSP, en quad .. hair space, narrow
# NBSP, medium mathematical space. U+3000 (ideographic) and U+1680 (Ogham, visible) are not.
_FIXED_SPACES = "\xa0\u2000-\u200a\u202f\u205f"

_FIXED_SPACE = regex.compile(f"[{_FIXED_SPACES}]")
# One invisible character, or a run of fixed spaces: written as one character class first
# (the run continues only after a fixed space) so that the scan skips the rest at C speed.
_CANDIDATE = re.compile(
    f"[{_ZERO_WIDTH}{_CONTROLS}{ZERO_WIDTH_JOINER}{ZERO_WIDTH_NON_JOINER}{SOFT_HYPHEN}"
    f"{_FIXED_SPACES}](?:(?<=[{_FIXED_SPACES}])[{_FIXED_SPACES}]*)?"
)
# Scripts whose letters change shape or form conjuncts at ZWJ / ZWNJ: there they are spelling.
_SHAPING_SCRIPT = regex.compile(
    r"[\p{Arabic}\p{Syriac}\p{Nko}\p{Mongolian}\p{Devanagari}\p{Bengali}\p{Gurmukhi}"
    r"\p{Gujarati}\p{Oriya}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}"
    r"\p{Tibetan}\p{Myanmar}\p{Khmer}]"
)
# What may precede the ZWJ of an emoji sequence (an emoji, its skin tone or presentation
# selector) and what must follow it.
_EMOJI_BEFORE_JOINER = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _joiner_is_spelling(text: str, position: int) -> bool:
    before = text[position - 1] if position else ""
    after = text[position + 1 : position + 2]
    if _SHAPING_SCRIPT.match(before):
        return True
    return (
        text[position] == ZERO_WIDTH_JOINER
        and bool(_EMOJI_BEFORE_JOINER.match(before))
        and bool(_EMOJI.match(after))
    )


def _replacement(text: str, start: int, end: int) -> tuple[str, str] | None:
    """What ``text[start:end]`` becomes and why, or None when it stays."""
    char = text[start]
    if _FIXED_SPACE.match(char):
        return " " * (end - start), "fixed-width or no-break space → space"
    if char in (ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER):
        return None if _joiner_is_spelling(text, start) else ("", "joiner outside joining script")
    if char == SOFT_HYPHEN:
        if text[end : end + 1] == "\n":
            return "-", "soft hyphen at a line break was printed as a hyphen"
        return "", "soft hyphen"
    if char in _ZERO_WIDTH:
        return "", "zero-width character"
    return "", f"control character U+{ord(char):04X}"


def find(text: str, options: Options) -> Iterator[Change]:
    for match in _CANDIDATE.finditer(text):
        replaced = _replacement(text, *match.span())
        if replaced is not None:
            yield Change(match.start(), match.end(), *replaced)


RULE = Rule(
    id="remove_invisible",
    summary="Remove zero-width, soft-hyphen, BOM and control characters; NBSP → space.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("人工\u200b智能", "人工智能", "zero-width space from a web page"),
        Example("\ufeff标题", "标题", "byte-order mark of a concatenated file"),
        Example("10\xa0km", "10 km", "no-break space"),
        Example("👩\u200d💻", "👩\u200d💻", "ZWJ inside an emoji sequence"),
        Example("两会\u3000召开", "两会\u3000召开", "ideographic space stays"),
    ),
)

"""Turn full-width ASCII letters, digits and symbols into their half-width forms.

Why it arises: CJK input methods and GB2312-era typesetting systems have a
full-width copy of every ASCII character (U+FF01–U+FF5E). Text typed in that mode,
or converted from such systems, carries ``ＡＩ２０２５`` where modern Chinese
typography (and search, and every tool downstream) expects ``AI2025``.

Broken:     ``ＡＩ２０２５年``  ``增长１０．４％``
Fixed:      ``AI2025年``        ``增长10．4%`` (``．`` is punctuation: ``normalize_punct_width``
            turns it into ``.`` between digits, giving ``10.4%``)
Left alone: CJK punctuation (``，。：；！？（）～`` keep their width here; their width
depends on context and is ``normalize_punct_width``'s concern), and a full-width
symbol that stands alone among Han characters (``＃话题＃``), where it is a
decoration, not part of a Latin token.

Gate: text with no character in U+FF01–U+FF5E is returned untouched.

>>> [c.after for c in find("ＡＩ＋应用，共２０２５个", Options())]
['AI+', '2025']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import ASCII_ALNUM
from ..rule import Change, Example, Rule

# Distance between a full-width form and its ASCII original (U+FF01 - U+0021).
_OFFSET = 0xFEE0
# Full-width marks that are also CJK punctuation: their width depends on context.
_CJK_PUNCT = "，．：；！？（）［］～"
_GATE = regex.compile(r"[\uFF01-\uFF5E]")
# A run of full-width ASCII forms other than CJK punctuation: one Latin token.
_TOKEN = regex.compile(r"(?V1)[\uFF01-\uFF5E--[" + regex.escape(_CJK_PUNCT) + "]]+")
_ALNUM = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_latin_token(text: str, start: int, end: int) -> bool:
    """Letters and digits always are; symbols only beside a letter or digit (``４％``)."""
    if _ALNUM.search(text, start, end):
        return True
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in ASCII_ALNUM or after in ASCII_ALNUM


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if _is_latin_token(text, start, end):
            half = "".join(chr(ord(char) - _OFFSET) for char in match.group())
            yield Change(start, end, half, "full-width ASCII to half-width")


RULE = Rule(
    id="normalize_width",
    summary="Turn full-width ASCII letters, digits and symbols half-width (ＡＩ２０２５ → AI2025).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("ＡＩ２０２５年", "AI2025年", "full-width letters and digits"),
        Example("增长１０％", "增长10%", "percent sign travels with its digits"),
        Example("你好，世界！", "你好，世界！", "CJK punctuation keeps its width"),
        Example("＃话题＃", "＃话题＃", "a lone symbol among Han is decoration"),
    ),
)

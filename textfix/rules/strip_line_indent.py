"""Remove layout indentation (spaces or U+3000) at the start of CJK lines. Off by default.

Why it arises: Chinese paragraphs are printed with a two-character first-line
indent, usually typed as two ideographic spaces ``　　``; web pages and e-paper
exports keep it, and extraction turns a printed indent into ASCII spaces. In text
stored one paragraph per line the indent is layout, not content.

Broken:     ``　　本报讯 2月18日，市委``   `` 更好赋能新型工业化``
Fixed:      ``本报讯 2月18日，市委``       ``更好赋能新型工业化``
Left alone: ASCII-space indentation before Latin text, digits or ASCII marks (code,
Markdown lists and quotes: there indentation is meaning); whitespace-only lines; and
spaces inside a line. An indent holding an ideographic space (U+3000) is CJK layout
whatever follows it (``　　2024年``, ``　　AI应用``): code is never indented with it.

Why off by default: in hard-wrapped text the indent is the one reliable sign of
a paragraph start, and ``reflow_paragraphs`` (which runs later and strips the
layout whitespace of the lines it joins) needs it to find paragraph breaks. Turn
this rule on for text that is already one paragraph per line, where reflow has
nothing to join and so leaves the indent in place.

Gate: text with no line starting in layout whitespace is returned untouched.

>>> [(c.start, c.end) for c in find("　　本报讯\\n  code()", Options())]
[(0, 2)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import is_cjk_letter, is_cjk_punct
from ..rule import Change, Example, Rule

_INDENT = regex.compile(r"^[ \t\u3000\xa0]+(?=[^\s])", regex.MULTILINE)


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_cjk_layout(indent: str, first: str) -> bool:
    return "\u3000" in indent or is_cjk_letter(first) or is_cjk_punct(first)


def find(text: str, options: Options) -> Iterator[Change]:
    for match in _INDENT.finditer(text):
        start, end = match.span()
        if _is_cjk_layout(match.group(), text[end]):
            yield Change(start, end, "", "layout indentation at a line start")


RULE = Rule(
    id="strip_line_indent",
    summary="Remove layout indentation (spaces, U+3000) before CJK line starts; off by default.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("　　本报讯", "本报讯", "ideographic first-line indent"),
        Example(" 更好赋能", "更好赋能", "stray layout space"),
        Example("    return x", "    return x", "code indentation is meaning"),
    ),
)

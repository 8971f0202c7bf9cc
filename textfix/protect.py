"""Protected regions: URLs, e-mail addresses, file paths, code and numbers that no rule may touch.

Punctuation and spacing rules decide by the script around a mark, but inside these
regions ASCII punctuation is syntax, not prose: the comma in ``1,000`` or in
``http://a.cn/x?y=1,2``, the colon in ``12:30`` or ``C:\\dir``, the parentheses in
`` `code(x)` ``. A rule asks ``protected(text)`` for the regions and leaves every
character inside them as it is.

Regions are found with one regex whose alternatives each match a bounded, ASCII
shape (no nested quantifiers), so the scan is linear; fenced code blocks are found
line by line. The result is cached for the last few texts because several rules
ask about the same text in one pipeline run.

Gate: every region but inline code lies inside one run of ASCII graphic characters
and holds a slash, backslash, ``@``, ``&``, ``www.`` or a digit-separator-digit; one
scan for those finds the few runs worth matching, and text without a backtick skips
the code scan. Prose without them costs that one scan.

>>> text = "见http://a.cn/x?y=1,2，共1,000人，12:30到"
>>> [text[s:e] for s, e in protected(text).spans]
['http://a.cn/x?y=1,2', '1,000', '12:30']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from .text_cache import per_text_cache

# ASCII characters that may appear inside a URL (RFC 3986 unreserved, reserved and %).
_URL_CHAR = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
# Trailing marks that end the sentence around a URL rather than the URL itself.
_URL_TRAILING = ".,;:!?'\")]"

# Every alternative lies inside one run of ASCII graphic characters (``_TOKEN``) and,
# bounded by anything else, its lookbehinds see the same as in the whole text: matching
# run by run finds what one scan of the text would.
_REGION = re.compile(
    r"""
      (?P<url> (?:(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://
                 | (?<![A-Za-z0-9.\-])www\.) URL_CHAR+ )  # scheme:// or www.
    | (?P<email> (?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+
                 @[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+ )
    | (?P<path> (?<![A-Za-z0-9])[A-Za-z]:[\\/][A-Za-z0-9._$\-\\/]*   # C:\dir, C:/dir
                | (?<![A-Za-z0-9_./])
                  (?: (?:~|\.{1,2})(?:/[A-Za-z0-9._\-]+)+      # ~/x, ./x, ../x
                    | (?:/[A-Za-z0-9._\-]+){2,} ) /? )         # /usr/bin: two segments
    | (?P<entity> &(?:\#[0-9]+|\#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*); )  # &nbsp; &#12;
    | (?P<number> (?<![0-9])[0-9]+(?:[.,:][0-9]+)+ )                # 3.14 1,000 12:30 192.168.0.1
    """.replace("URL_CHAR", _URL_CHAR),
    re.VERBOSE,
)
# What every ``_REGION`` match holds: the slash of a URL or path (``scheme://``, ``~/``,
# ``/a/b``), the backslash or slash after ``C:``, ``www.``, the ``@`` of an e-mail, the ``&``
# of an entity, a digit-separator-digit of a number. One character class first, so that
# the scan skips everything else at C speed.
_TRIGGER = re.compile(r"[/\\@&0-9w](?:(?<=[/\\@&])|(?<=[0-9])[.,:][0-9]|(?<=w)ww\.)")
_TOKEN = "[!-~]*"
_TOKEN_END = re.compile(_TOKEN)
_TOKEN_START = regex.compile("(?r)" + _TOKEN)  # matched backwards, from a trigger
# Inline code, within one line: the only region that may hold a space or a non-ASCII letter.
_CODE = re.compile(r"`[^`\n]+`")
# Matches that may swallow the punctuation of the sentence they end.
_TRIMMED_KINDS = frozenset({"url", "path"})
_FENCE = re.compile(r"^[ \t]*```", re.MULTILINE)

# How many recent texts to remember: the rules of one pipeline run ask about the
# same text, and a few slots cover rules that change the text between them.
_CACHE_SIZE = 4


@dataclass(frozen=True)
class Protected:
    """Sorted, non-overlapping ``(start, end)`` spans of one text."""

    spans: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(start for start, _ in self.spans))

    def covers(self, position: int) -> bool:
        """True when the character at ``position`` lies inside a protected span."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self.spans[index][1]

    def inside(self, position: int) -> bool:
        """True when ``position`` (a gap between characters) is strictly inside a span."""
        index = bisect_right(self._starts, position - 1) - 1
        return index >= 0 and position < self.spans[index][1]


@per_text_cache(maxsize=_CACHE_SIZE)
def protected(text: str) -> Protected:
    """The regions of ``text`` that rules must leave byte for byte as they are.

    >>> p = protected("路径C:\\\\dir，邮件a@b.com，代码`f(x)`")
    >>> p.covers(2), p.covers(0)
    (True, False)
    """
    spans = _token_regions(text)
    if "`" in text:
        spans.extend(match.span() for match in _CODE.finditer(text))
    spans.extend(_fenced_blocks(text))
    return Protected(_merged(spans))


def _token_regions(text: str) -> list[tuple[int, int]]:
    """The regions other than code: ``_REGION`` matched in each token holding a trigger.

    Code is left to ``_CODE``: no other region holds a backtick, so code spans and these
    never cut one another, and a region found inside code merges into it.
    """
    spans = []
    trigger = _TRIGGER.search(text)
    while trigger:
        start = _TOKEN_START.match(text, 0, trigger.start()).start()
        end = _TOKEN_END.match(text, trigger.start()).end()
        for match in _REGION.finditer(text, start, end):
            if match.lastgroup in _TRIMMED_KINDS:
                spans.append(_trimmed(text, match.start(), match.end()))
            else:
                spans.append(match.span())
        trigger = _TRIGGER.search(text, end)
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence punctuation that a URL or path match swallowed at its end."""
    while end - start > 1 and text[end - 1] in _URL_TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return start, end


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Markdown fenced code blocks: from an opening ``` line to the closing one (or the end)."""
    if "```" not in text:
        return []
    blocks = []
    fences = [match.start() for match in _FENCE.finditer(text)]
    for opening, closing in zip(fences[::2], fences[1::2] + [len(text)], strict=False):
        line_end = text.find("\n", closing)
        blocks.append((opening, len(text) if line_end < 0 else line_end))
    return blocks


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)

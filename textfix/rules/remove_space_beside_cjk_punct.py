"""Remove spaces next to full-width CJK punctuation inside a line.

Why it arises: full-width punctuation carries its own spacing in print, so a
space beside it is never typeset on purpose. Extractors emit one where two text
runs were placed apart (a byline set after the sentence), and OCR engines emit
one after every punctuation mark they read.

Broken:     ``部署。 （高美梅）``  ``意见》 《无锡市``  ``“人工智能+ ”标杆``
Fixed:      ``部署。（高美梅）``   ``意见》《无锡市``   ``“人工智能+”标杆``
            (a space just inside a quote whose outside is CJK)
Left alone: ``“无难事 悉心办”`` (the space is between Han characters),
``He said “yes” to it`` (quotes in Latin text keep their spaces), ``set 〈key〉 = 〈value〉``
(angle brackets around meta-variables in Latin text), and layout
whitespace at line starts and ends (paragraph reflow and
``strip_line_indent`` own that).

Gate: one scan for a full-width mark with a space beside it; text without one is
returned untouched, and only the spaces beside such marks are looked at.

>>> from textfix.rule import Change
>>> list(find("部署。 （高美梅）", Options()))
[Change(start=3, end=4, after='', note='space beside full-width punctuation')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..chars import is_unspaced
from ..neighbours import neighbours
from ..rule import Change, Example, Rule

# Punctuation that is only ever full-width CJK: a space beside it is always layout.
_STRICT = "，。、；：？！（）《》「」『』【】〔〕～"
# Marks shared with Latin typography: the space goes only when its other side is CJK.
# ``〈〉`` are the canonical forms of the technical angle brackets U+2329/U+232A that
# Latin manuals put around meta-variables (``the single 〈caption〉 will``).
_SHARED = "“”‘’…—·〈〉"

# Curly quotes point inward: the space of ``“人工智能+ ”标杆`` is inside the pair.
_OPENING_QUOTES = "“‘"
_CLOSING_QUOTES = "”’"
_QUOTES = _OPENING_QUOTES + _CLOSING_QUOTES

# ASCII, ideographic (U+3000) and no-break spaces: extraction emits all three for a gap.
_SPACE = "[ \t\u3000\xa0]"
# A mark with one of those spaces beside it: the only places a removable space can be.
_MARK_BESIDE_SPACE = re.compile(
    "[" + re.escape(_STRICT + _SHARED) + f"](?:(?={_SPACE})|(?<={_SPACE}.))"
)
_SPACES_FROM = re.compile(_SPACE + "*")
_SPACES_UP_TO = regex.compile("(?r)" + _SPACE + "*")  # matched backwards from a mark
# What bounds a space run inside a line (``regex``'s whitespace, not ``str.isspace``).
_NOT_SPACE = regex.compile(r"[^\s]")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_layout_space(text: str, start: int, end: int) -> bool:
    left, right = text[start - 1], text[end]
    if left in _STRICT or right in _STRICT:
        return True
    if left in _SHARED and right in _SHARED:
        # Between two shared marks (``〉 〈``, ``” “``) the letters beyond them decide.
        near = neighbours(text)
        return is_unspaced(near.before(start)) or is_unspaced(near.after(end))
    return (left in _SHARED and is_unspaced(right)) or (right in _SHARED and is_unspaced(left))


def _inner_runs(text: str) -> dict[int, int]:
    """Runs of spaces beside a mark, ``start → end``, with a non-space on either side."""
    runs = {}
    for match in _MARK_BESIDE_SPACE.finditer(text):
        mark = match.start()
        for start, end in (
            (_SPACES_UP_TO.match(text, 0, mark).start(), mark),
            (mark + 1, _SPACES_FROM.match(text, mark + 1).end()),
        ):
            if 0 < start < end < len(text) and all(
                _NOT_SPACE.match(char) for char in (text[start - 1], text[end])
            ):
                runs[start] = end
    return runs


def _inside_cjk_quote(text: str, start: int, end: int) -> bool:
    """True for spaces just inside a quote whose outside is CJK (``“人工智能+ ”标杆``):
    OCR's gap after a symbol, which no script sets inside its quotes."""
    if text[end] in _CLOSING_QUOTES and text[start - 1] not in _QUOTES:
        return is_unspaced(text[end + 1 : end + 2])
    if text[start - 1] in _OPENING_QUOTES and text[end] not in _QUOTES:
        return is_unspaced(text[start - 2 : start - 1])
    return False


def find(text: str, options: Options) -> Iterator[Change]:
    for start, end in sorted(_inner_runs(text).items()):
        if _is_layout_space(text, start, end) or _inside_cjk_quote(text, start, end):
            yield Change(start, end, "", "space beside full-width punctuation")


RULE = Rule(
    id="remove_space_beside_cjk_punct",
    summary="Remove spaces beside full-width CJK punctuation (部署。 （X） → 部署。（X）).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("部署。 （高美梅）", "部署。（高美梅）", "byline set apart from the sentence"),
        Example("意见》 《无锡市", "意见》《无锡市", "OCR space between book-title marks"),
        Example("“无难事 悉心办”", "“无难事 悉心办”", "deliberate space between Han phrases"),
        Example("He said “yes” to it.", "He said “yes” to it.", "Latin quotes keep their spaces"),
    ),
)

"""Apply a spacing policy between CJK letters and Latin letters or digits.

Why it arises: house styles differ. Some put a space between Chinese and a Latin
word or a number (pangu style, ``使用 AI 技术``), most newspapers do not
(``使用AI技术``), and text assembled from several sources mixes both (``缴纳社保
6个月`` next to ``满3个月``). The ``policy`` option chooses one convention:

- ``keep`` (default): the rule does nothing; spaces stay as printed.
- ``remove``: a single space between a CJK letter and a Latin letter or digit goes.
- ``add``: a space goes between a CJK letter and an adjacent Latin letter or digit.

Broken:     ``缴纳社保 6个月`` (policy ``remove``)   ``使用AI技术`` (policy ``add``)
Fixed:      ``缴纳社保6个月``                        ``使用 AI 技术``
Left alone: every space under ``keep``; spaces between Latin words and in quantities
(``10 km``: both sides Latin); protected regions (URLs, code, e-mails, numbers) are
never split or entered; runs of several spaces (layout alignment).

Gate: under ``keep``, or in text without a CJK letter, nothing runs.

>>> [c.after for c in find("使用AI技术", Options(policy="add"))]
[' ', ' ']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from ..chars import CJK_LETTER, CJK_LETTER_CLASS
from ..protect import protected
from ..rule import Change, Example, Rule

Policy = Literal["keep", "remove", "add"]
_POLICIES = ("keep", "remove", "add")

_CJK = CJK_LETTER_CLASS
_LATIN = r"[A-Za-z0-9]"
_SPACE = regex.compile(rf"(?<={_CJK}) (?={_LATIN})|(?<={_LATIN}) (?={_CJK})")
_CONTACT = regex.compile(rf"(?<={_CJK})(?={_LATIN})|(?<={_LATIN})(?={_CJK})")


@dataclass(frozen=True)
class Options:
    """``policy``: ``keep`` (default, no change), ``remove`` or ``add`` CJK–Latin spaces."""

    policy: Policy = "keep"

    def __post_init__(self) -> None:
        if self.policy not in _POLICIES:
            raise ValueError(
                f"space_cjk_latin policy must be one of {', '.join(_POLICIES)}, not {self.policy!r}"
            )


def find(text: str, options: Options) -> Iterator[Change]:
    if options.policy == "keep" or not CJK_LETTER.search(text):
        return
    guard = protected(text)
    if options.policy == "remove":
        for match in _SPACE.finditer(text):
            if not guard.covers(match.start()):
                yield Change(match.start(), match.end(), "", "space between CJK and Latin")
    else:
        for match in _CONTACT.finditer(text):
            if not guard.inside(match.start()):
                yield Change(match.start(), match.start(), " ", "CJK meets Latin")


RULE = Rule(
    id="space_cjk_latin",
    summary="CJK–Latin spacing policy: keep (default, no change), remove or add spaces.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("缴纳社保 6个月", "缴纳社保 6个月", "keep: spaces stay as printed"),
        Example("使用 AI 技术", "使用 AI 技术", "keep: no space is added either"),
    ),
)

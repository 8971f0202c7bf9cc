"""Repair a bracket that OCR read as a look-alike, where its partner proves it. Off by default.

Why it arises: ``（``, ``〈``, ``〔``, ``(`` and ``[`` differ only in the curve and the serifs
of one thin stroke; a scan that blurs them lets an OCR engine pick the wrong one, so a
byline ``（陈菁菁）`` comes out as ``〈陈菁菁）`` and a pair no longer matches.

Broken:     ``〈陈菁菁）``  ``（DeepSeek〕`` (in a document whose other brackets are ``（）``)
Fixed:      ``（陈菁菁）``  ``（DeepSeek）``
Left alone: matching pairs (``〈附件〉``, ``《关于〈X〉的决定》``); shapes OCR does not
confuse (``《》``, ``【】``, ``「」``, ``<>``: the last are also comparison signs);
mismatched pairs whose repair the document cannot decide: they are reported as a
notice, not changed; brackets in URLs and code.

Proof: the two brackets of a mismatched pair (``〈…）``) name two shapes; the one the
document uses in more well-formed pairs (of either width: ``()`` and ``（）`` are one
shape) wins and its partner replaces the odd bracket. A tie is unprovable. A lone
``〈 〉 〔 〕`` in a document with no pair of that shape but with ``（）`` pairs is
reported too (its partner may have been lost).
Pairs are read per line and across one wrap (see ``textfix.brackets``).

Gate: text with no confusable bracket is returned untouched.

>>> [(c.start, c.after) for c in find("（高美梅）〈陈菁菁）", Options())]
[(5, '（')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..brackets import pair_brackets
from ..protect import protected
from ..rule import Change, Example, Notice, Rule

# Well-formed pairs, by opening bracket.
PAIRS = {
    "（": "）",
    "(": ")",
    "〈": "〉",
    "〔": "〕",
    "[": "]",
    "［": "］",
    "{": "}",
    "《": "》",
    "【": "】",
    "「": "」",
    "『": "』",
}
_CLOSING = {closing: opening for opening, closing in PAIRS.items()}
# Shapes an OCR engine confuses with each other: a round bracket and its thin-stroke
# look-alikes. ``《》 【】 「」 『』`` are drawn too differently to be mistaken.
CONFUSABLE = frozenset("（(〈〔[［{）)〉〕]］}")
# Look-alikes that OCR invents far more often than text uses them alone.
_SUSPECT_ALONE = frozenset("〈〉〔〕")
_ROUND = "（"
# Half-width brackets have the shape of their full-width forms (width is
# ``normalize_punct_width``'s concern).
_FULL_WIDTH = {"(": "（", "[": "［"}
# Bracket pairs may be cut by one wrap of hard-wrapped text.
LINE_SPAN = 1

_BRACKET = regex.compile("[" + regex.escape("".join(PAIRS) + "".join(_CLOSING)) + "]")
_GATE = regex.compile("[" + regex.escape("".join(sorted(CONFUSABLE))) + "]")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _shape(bracket: str) -> str:
    """A bracket's shape, named by its full-width opening form (``)`` → ``（``)."""
    opening = bracket if bracket in PAIRS else _CLOSING[bracket]
    return _FULL_WIDTH.get(opening, opening)


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    guard = protected(text)
    positions = [m.start() for m in _BRACKET.finditer(text) if not guard.covers(m.start())]
    pairs, unpaired = pair_brackets(text, positions, "".join(PAIRS), LINE_SPAN)
    well_formed = Counter(_shape(text[o]) for o, c in pairs if PAIRS[text[o]] == text[c])
    changes: list[Change] = []
    for opening, closing in pairs:
        left, right = text[opening], text[closing]
        if _shape(left) == _shape(right) or left not in CONFUSABLE or right not in CONFUSABLE:
            continue
        votes_left, votes_right = well_formed[_shape(left)], well_formed[_shape(right)]
        if votes_right > votes_left:
            changes.append(Change(opening, opening + 1, _CLOSING[right], "look-alike bracket"))
        elif votes_left > votes_right:
            changes.append(Change(closing, closing + 1, PAIRS[left], "look-alike bracket"))
        else:
            note = f"{left} and {right} do not pair and the document does not tell which is misread"
            changes.append(Notice(opening, opening + 1, left, note))
    for position in unpaired:
        bracket = text[position]
        if bracket in _SUSPECT_ALONE and not well_formed[_shape(bracket)] and well_formed[_ROUND]:
            note = f"lone {bracket} where the document uses （）: a misread bracket?"
            changes.append(Notice(position, position + 1, bracket, note))
    yield from sorted(changes)


RULE = Rule(
    id="fix_bracket_lookalikes",
    summary="Repair OCR look-alike brackets that pairing proves (〈X） → （X）); off by default.",
    default=False,
    find=find,
    options=Options(),
    examples=(
        Example("（高美梅）〈陈菁菁）", "（高美梅）（陈菁菁）", "the document pairs （）"),
        Example("《关于〈X〉的决定》", "《关于〈X〉的决定》", "well-formed nested pairs"),
        Example("〈陈菁菁）", "〈陈菁菁）", "no evidence either way: a notice, no change"),
    ),
)

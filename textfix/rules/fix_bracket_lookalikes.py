"""Repair a bracket that OCR read as a look-alike, where its partner proves it.

Why it arises: ``（``, ``〈``, ``〔`` and ``(`` differ only in the curve and the serifs
of one thin stroke; a scan that blurs them lets an OCR engine pick the wrong one, so a
byline ``（陈菁菁）`` comes out as ``〈陈菁菁）`` and a pair no longer matches.

Broken:     ``〈陈菁菁）``  ``（DeepSeek〕`` (in a document whose other brackets are ``（）``)
            ``深度求索 〈( DeepSeek )``
Fixed:      ``（陈菁菁）``  ``（DeepSeek）``
            ``深度求索 ( DeepSeek )`` (width and spaces are other rules' concern)
Left alone: matching pairs (``〈附件〉``, ``《关于〈X〉的决定》``); shapes OCR does not
confuse (``《》``, ``【】``, ``「」``, ``<>``: the last are also comparison signs); square
brackets and braces, which half-open intervals pair with round ones on purpose
(``区间[0, 1)``, ``(a, b]``);
mismatched pairs whose repair the document cannot decide: they are reported as a
notice, not changed; brackets in URLs and code.

A bracket read twice (``深度求索 〈( DeepSeek )``: one wide ``（`` read as two narrow
glyphs) is one bracket too many: of an unpaired bracket and a paired one right beside
it on the same side, one round and one a look-alike, the unpaired one goes when the
pair is round (once its look-alike is repaired by the votes below).

Proof: the two brackets of a mismatched pair (``〈…）``) name two shapes; the one the
document uses in more well-formed pairs (of either width: ``()`` and ``（）`` are one
shape) wins and its partner replaces the odd bracket. A tie is unprovable. A lone
``〈 〉 〔 〕`` in a document with no pair of that shape but with ``（）`` pairs is
reported too (its partner may have been lost).
Pairs are read per line and across one wrap (see ``textfix.brackets``).

Gate: text with no confusable bracket other than round ones is returned untouched.

>>> [(c.start, c.after) for c in find("（高美梅）〈陈菁菁）", Options())]
[(5, '（')]
"""

from __future__ import annotations

import re
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
# CJK look-alikes. ``《》 【】 「」 『』`` are drawn too differently to be mistaken, and
# ``[ ] { }`` are left out too: mathematics pairs them with round brackets on purpose
# (the half-open interval ``[0, 1)``), and English text is full of them (citations),
# where a check of every one would cost more than Tesseract's rare ``[`` for ``（`` is worth.
CONFUSABLE = frozenset("（(〈〔）)〉〕")
# Look-alikes that OCR invents far more often than text uses them alone.
_SUSPECT_ALONE = frozenset("〈〉〔〕")
_ROUND = "（"
# Their shapes (``〈`` and ``〔``): a wide ``（`` read as two narrow glyphs gives one of
# them beside a round bracket (``〈(``, ``(〈``).
_LOOKALIKE_SHAPES = frozenset({"〈", "〔"})
_READ_TWICE_SHAPES = _LOOKALIKE_SHAPES | {_ROUND}
# Half-width brackets have the shape of their full-width forms (width is
# ``normalize_punct_width``'s concern).
_FULL_WIDTH = {"(": "（", "[": "［"}
# Bracket pairs may be cut by one wrap of hard-wrapped text.
LINE_SPAN = 1

_BRACKET = regex.compile("[" + regex.escape("".join(PAIRS) + "".join(_CLOSING)) + "]")
# Round brackets alone make no mismatched pair, no bracket read twice and no lone
# look-alike: a text needs one confusable bracket of another shape for any finding.
# (Plain ``re``: on a literal character class it scans several times faster than ``regex``.)
_GATE = re.compile("[" + re.escape("".join(sorted(CONFUSABLE - set("（）()")))) + "]")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _shape(bracket: str) -> str:
    """A bracket's shape, named by its full-width opening form (``)`` → ``（``)."""
    opening = bracket if bracket in PAIRS else _CLOSING[bracket]
    return _FULL_WIDTH.get(opening, opening)


def _beside(text: str, position: int, step: int) -> int:
    """The position of the first non-space from ``position`` in direction ``step``."""
    while 0 <= position < len(text) and text[position] == " ":
        position += step
    return position


def _same_side(char: str, opens: bool) -> bool:
    return char in CONFUSABLE and (char in PAIRS) == opens


def _twin(text: str, position: int, partners: dict[int, int]) -> int | None:
    """The paired bracket right beside (past spaces) the unpaired one at ``position``, on
    its side, with no third bracket of that side beside the two (a run of three is no
    single bracket read twice); or None."""
    opens = text[position] in PAIRS
    step = 1 if opens else -1
    twin = _beside(text, position + step, step)
    if twin not in partners or (text[twin] in PAIRS) != opens:
        return None
    outside = (_beside(text, position - step, -step), _beside(text, twin + step, step))
    if any(0 <= end < len(text) and _same_side(text[end], opens) for end in outside):
        return None
    return twin


def _twins(text: str, pairs: list[tuple[int, int]], unpaired: list[int]) -> dict[int, int]:
    """Unpaired round or look-alike brackets, each mapped to its paired twin."""
    partners = {opening: closing for opening, closing in pairs}
    partners.update({closing: opening for opening, closing in pairs})
    twins = {}
    for position in unpaired:
        if _shape(text[position]) in _READ_TWICE_SHAPES:
            twin = _twin(text, position, partners)
            if (
                twin is not None
                and {_shape(text[position]), _shape(text[twin])} & _LOOKALIKE_SHAPES
            ):
                twins[position] = twin
    return twins


def _mismatched(text: str, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    mismatched = []
    for opening, closing in pairs:
        left, right = text[opening], text[closing]
        if _shape(left) == _shape(right) or left not in CONFUSABLE or right not in CONFUSABLE:
            continue
        mismatched.append((opening, closing))
    return mismatched


def _repair_mismatched(
    text: str, pairs: list[tuple[int, int]], well_formed: Counter[str], round_read: set[int]
) -> list[Change]:
    """Changes for the mismatched pairs the votes of ``well_formed`` decide, and notices
    for the ties; ``well_formed`` gains the repaired pairs. A look-alike end in
    ``round_read`` (read twice, once as a round glyph) is round whatever the votes.

    A repaired pair is well-formed the next time the text is read, and its vote may
    break a tie: so votes are counted again, round after round, until a round repairs
    nothing. What is left are ties under the votes of the repaired text (idempotence).
    """
    changes: list[Change] = []
    undecided = _mismatched(text, pairs)
    while undecided:
        still: list[tuple[int, int]] = []
        winners: list[str] = []
        for opening, closing in undecided:
            left, right = text[opening], text[closing]
            votes_left, votes_right = well_formed[_shape(left)], well_formed[_shape(right)]
            if opening in round_read and _shape(right) == _ROUND:
                votes_right = votes_left + 1
            elif closing in round_read and _shape(left) == _ROUND:
                votes_left = votes_right + 1
            if votes_right > votes_left:
                changes.append(Change(opening, opening + 1, _CLOSING[right], "look-alike bracket"))
                winners.append(_shape(right))
            elif votes_left > votes_right:
                changes.append(Change(closing, closing + 1, PAIRS[left], "look-alike bracket"))
                winners.append(_shape(left))
            else:
                still.append((opening, closing))
        if not winners:
            break
        well_formed.update(winners)
        undecided = still
    for opening, closing in undecided:
        left, right = text[opening], text[closing]
        note = f"{left} and {right} do not pair and the document does not tell which is misread"
        changes.append(Notice(opening, opening + 1, left, note))
    return changes


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    guard = protected(text)
    positions = [m.start() for m in _BRACKET.finditer(text) if not guard.covers(m.start())]
    pairs, unpaired = pair_brackets(text, positions, "".join(PAIRS), LINE_SPAN)
    well_formed = Counter(_shape(text[o]) for o, c in pairs if PAIRS[text[o]] == text[c])
    twins = _twins(text, pairs, unpaired)
    round_read = {twin for glyph, twin in twins.items() if _shape(text[glyph]) == _ROUND}
    changes = _repair_mismatched(text, pairs, well_formed, round_read)
    now = {change.start: change.after for change in changes}
    partners = {opening: closing for opening, closing in pairs}
    partners.update({closing: opening for opening, closing in pairs})
    # The spare glyph goes where the pair it stands beside is round once repaired.
    extra = [
        glyph
        for glyph, twin in twins.items()
        if _shape(now.get(twin, text[twin])) == _ROUND
        and _shape(now.get(partners[twin], text[partners[twin]])) == _ROUND
    ]
    for glyph in extra:
        # The glyph goes with the spaces between it and its twin: one bracket, no gap.
        start, end = (
            (glyph, twins[glyph]) if glyph < twins[glyph] else (twins[glyph] + 1, glyph + 1)
        )
        changes.append(Change(start, end, "", "one bracket read twice"))
    for position in set(unpaired) - set(extra):
        bracket = text[position]
        if bracket in _SUSPECT_ALONE and not well_formed[_shape(bracket)] and well_formed[_ROUND]:
            note = f"lone {bracket} where the document uses （）: a misread bracket?"
            changes.append(Notice(position, position + 1, bracket, note))
    yield from sorted(changes)


RULE = Rule(
    id="fix_bracket_lookalikes",
    summary="Repair OCR look-alike brackets that pairing proves (〈X） → （X）).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("（高美梅）〈陈菁菁）", "（高美梅）（陈菁菁）", "the document pairs （）"),
        Example("《关于〈X〉的决定》", "《关于〈X〉的决定》", "well-formed nested pairs"),
        Example("〈陈菁菁）", "〈陈菁菁）", "no evidence either way: a notice, no change"),
    ),
)

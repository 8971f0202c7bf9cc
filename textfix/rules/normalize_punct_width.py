"""Give punctuation the width of the script it sits in.

Why it arises: extraction maps glyphs to whatever code points the PDF's font
tables name, OCR engines guess width from a blurry glyph, and writers switch
input-method modes mid-sentence. The result is ASCII ``, : ; ? ! ( )`` inside
Chinese sentences (``你好,世界``, Tesseract's ``方案; 各板块``) and full-width marks
inside numbers (``3．14``).

Broken:     ``你好,世界``   ``版本v1.2,发布``   ``深度求索 (DeepSeek) 全尺寸``   ``3．14``
            ``(本报记者 王明 )`` (a byline on a line of its own)
Fixed:      ``你好，世界``  ``版本v1.2，发布``  ``深度求索 （DeepSeek） 全尺寸``  ``3.14``
            ``（本报记者 王明 ）``
            (the spaces beside full-width brackets go in ``remove_space_beside_cjk_punct``)
Left alone: a CJK term in a Latin sentence (``The term 人工智能 (AI) is common``);
anything in a protected region (``12:30``, ``1,000``, ``http://a.cn/x?y=1,2``,
``a@b.com``, ``C:\\dir``, `` `code(x)` ``); marks between Latin words (``Hello, world``);
a function call or formula (``函数f(x)的值``: the bracket is attached to ``f``);
Markdown syntax (``[链接](http://a.cn)``, ``![图](a.png)``);
unbalanced brackets (``1)``); Korean (Hangul takes half-width punctuation).

Context is the nearest letter on each side (``textfix.neighbours``), looking past
spaces and other marks:

- ``, ;`` turn full-width when a CJK letter is on either side;
- ``: ? !`` belong to what precedes them (a label, a sentence), so only the letter
  before them counts (``title: 标题`` keeps its colon);
- ``( )`` turn full-width as a pair, when a CJK letter is outside the pair or a
  CJK-only mark (``，。、；：？！``) stands right beside it; a pair that is a line of its
  own (OCR's byline ``(本报记者 王明 )``) has nothing outside, so a CJK letter just
  inside it decides;
- a CJK letter does not count when it belongs to a short term set in Latin text
  (``textfix.cjk_terms``) and a Latin letter or another such term is on the other
  side: ``The term 人工智能 (AI) is common``, ``said, “你好” (hello)`` and ``means
  “秘密” (secret), “机密” (confidential)`` keep their marks;
- ``．`` between ASCII letters or digits turns half-width: it is never the Chinese
  full stop (that is ``。``), so there it can only be a decimal point or a dot in a name.

Full-width ``，`` and ``：`` between digits are left alone: ``第1，234号`` may be an
enumeration and ``12：30`` is a common house style, not an artifact.

Gate: text with none of these marks is returned untouched; text without a CJK letter
is only checked for full-width points (no protected-region scan); lines without CJK
(``textfix.cjk_lines``) are passed over at C speed, and text without ``．`` is not
searched for points.

>>> [(c.start, c.after) for c in find("你好,世界", Options())]
[(2, '，')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..brackets import pair_brackets
from ..chars import ASCII_ALNUM, has_cjk_letter, is_cjk_letter
from ..cjk_lines import CJK_ONLY_MARKS, matches_on_cjk_lines
from ..cjk_terms import BACKWARD, FORWARD, is_term_in_latin
from ..neighbours import neighbours
from ..protect import protected
from ..rule import Change, Example, Rule

_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Clause marks take the script of either neighbour; ``:`` is left out because a Latin
# label before it (``title: 标题``) is a key in a config or front-matter line.
_CLAUSE = ",;"
_GATE = re.compile(r"[,;:?!()．]")
_HALF_MARK = re.compile(r"[,;:?!()]")
_BRACKET = re.compile(r"[()]")
# A bracket glued to one of these opens an argument list, a formula or a Markdown link
# target: ``f(x)``, ``a_1(t)``, ``[链接](http://a.cn)``.
_CALL_PREFIX = ASCII_ALNUM | {"_", "]"}
# A bracket pair beside one of these is in CJK context whatever letter lies beyond it.
_CJK_ONLY = frozenset(CJK_ONLY_MARKS)
# What ``_beside`` finds at the edge of a line: the text's end or a line break.
_LINE_EDGE = ("", "\n")
# ``![`` opens a Markdown image: the ``!`` is syntax, not an exclamation.
_MARKDOWN_IMAGE = "["

# The full-width point between ASCII letters or digits: ``3．14``, ``v1．2``, ``a．com``.
_DECIMAL_POINT = re.compile(r"(?<=[0-9A-Za-z])．(?=[0-9A-Za-z])")


@dataclass(frozen=True)
class Options:
    """``bracket_line_span``: line breaks a bracket pair may span. Hard-wrapped text (OCR,
    PDF extraction) cuts bracketed phrases at the wrap: the default 1 lets ``( 团`` + next
    line ``队 )`` pair; 0 keeps pairs within a line."""

    bracket_line_span: int = 1


def _clause_mark_is_cjk(text: str, position: int) -> bool:
    before, after = text[position - 1 : position], text[position + 1 : position + 2]
    if before.isdigit() and after.isdigit():
        return False
    before, after = neighbours(text).before(position), neighbours(text).after(position + 1)
    return _sides_are_cjk(text, position, position + 1, before, after)


def _ends_cjk(text: str, position: int) -> bool:
    """``: ? !`` at ``position`` belong to what precedes them: a CJK letter there puts
    them in CJK context (unless it is a term in Latin text followed by Latin)."""
    before = neighbours(text).before(position)
    if not is_cjk_letter(before):
        return False
    after = neighbours(text).after(position + 1)
    return _sides_are_cjk(text, position, position + 1, before, after)


def _beside(text: str, position: int, step: int) -> int:
    """Where the first character from ``position`` in direction ``step`` past spaces
    is (outside the text where there is none)."""
    while 0 <= position < len(text) and text[position] == " ":
        position += step
    return position


def _sides_are_cjk(text: str, before_at: int, after_at: int, before: str, after: str) -> bool:
    """Whether ``before`` and ``after``, the nearest letters before ``before_at`` and
    from ``after_at`` on, put what lies between them in CJK context.

    A CJK letter does, unless it belongs to a term set in Latin text
    (``textfix.cjk_terms``) and the other side is a Latin letter or such a term too:
    ``The term 人工智能 (AI) is``, ``“秘密” (secret), “机密” (``.
    """
    before_cjk, after_cjk = is_cjk_letter(before), is_cjk_letter(after)
    if not (before_cjk or after_cjk):
        return False
    before_term = before_cjk and is_term_in_latin(text, before_at, BACKWARD)
    after_term = after_cjk and is_term_in_latin(text, after_at, FORWARD)
    if (before_cjk and not before_term) or (after_cjk and not after_term):
        return True
    other = after if before_term else before
    return not (before_term and after_term) and not _is_latin_letter(other)


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and not is_cjk_letter(char)


def _pair_is_cjk(text: str, opening: int, closing: int, turned: set[int]) -> bool:
    """``turned``: where this rule turns a half-width mark full-width; beside the pair,
    such a mark is a CJK-only one (and is one when the text is repaired again)."""
    if text[opening - 1 : opening] in _CALL_PREFIX:
        return False
    before_at, after_at = _beside(text, opening - 1, -1), _beside(text, closing + 1, 1)
    if before_at in turned or after_at in turned:
        return True
    before = text[before_at] if before_at >= 0 else ""
    after = text[after_at] if after_at < len(text) else ""
    if before in _CJK_ONLY or after in _CJK_ONLY:
        return True
    if before in _LINE_EDGE and after in _LINE_EDGE:
        # A bracketed line standing alone (a byline, a credit): nothing outside the pair
        # gives the context, so the letters just inside it do.
        return is_cjk_letter(neighbours(text).after(opening + 1)) or is_cjk_letter(
            neighbours(text).before(closing)
        )
    # Where nothing follows the pair on its line, Latin words inside it stand for what
    # follows: ``means 人工智能 (AI)`` at a line end.
    before_letter = neighbours(text).before(opening)
    after_letter = neighbours(text).after(closing + 1)
    if not after_letter and _is_latin_letter(neighbours(text).after(opening + 1)):
        after_letter = neighbours(text).after(opening + 1)
    return _sides_are_cjk(text, opening, closing + 1, before_letter, after_letter)


def _to_full_width(text: str, line_span: int) -> Iterator[tuple[int, str]]:
    on_cjk_lines, turned = [], set()
    for _, match in matches_on_cjk_lines(_HALF_MARK, text):
        position = match.start()
        mark = match.group()
        if protected(text).covers(position):  # found once, when a mark needs it
            continue
        if mark in "()":
            on_cjk_lines.append(position)
        elif mark in _CLAUSE:
            if _clause_mark_is_cjk(text, position):
                turned.add(position)
        elif text[position + 1 : position + 2] == _MARKDOWN_IMAGE:
            continue
        elif _ends_cjk(text, position):
            turned.add(position)
    for position in turned:
        yield position, _TO_FULL[text[position]]
    yield from _bracket_pairs(text, on_cjk_lines, line_span, turned)


def _bracket_pairs(
    text: str, on_cjk_lines: list[int], line_span: int, turned: set[int]
) -> Iterator[tuple[int, str]]:
    """Bracket pairs with one end on a line holding CJK. Pairs within a line are found
    among the brackets of those lines alone; pairs that may span lines need every bracket."""
    brackets = on_cjk_lines
    if line_span:
        guard = protected(text)
        brackets = [m.start() for m in _BRACKET.finditer(text) if not guard.covers(m.start())]
    pairs, _ = pair_brackets(text, brackets, "(", line_span)
    beside_cjk = set(on_cjk_lines)
    for opening, closing in pairs:
        if (opening in beside_cjk or closing in beside_cjk) and _pair_is_cjk(
            text, opening, closing, turned
        ):
            yield opening, "（"
            yield closing, "）"


def _to_half_width(text: str) -> Iterator[tuple[int, str]]:
    if "．" not in text:
        return
    for match in _DECIMAL_POINT.finditer(text):
        yield match.start(), "."


def find(text: str, options: Options) -> Iterator[Change]:
    if not _GATE.search(text):
        return
    if has_cjk_letter(text):
        edits = dict(_to_full_width(text, options.bracket_line_span))
    else:
        edits = {}
    edits.update(_to_half_width(text))
    for position in sorted(edits):
        after = edits[position]
        note = "half-width mark in CJK context" if after != "." else "full-width point in a number"
        yield Change(position, position + 1, after, note)


RULE = Rule(
    id="normalize_punct_width",
    summary="Give punctuation the width of its script (你好,世界 → 你好，世界; 3．14 → 3.14).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("你好,世界", "你好，世界", "ASCII comma between Han"),
        Example("版本v1.2,发布", "版本v1.2，发布", "the comma precedes a Han word"),
        Example("3．14", "3.14", "full-width point inside a number"),
        Example("12:30, 1,000, a@b.com", "12:30, 1,000, a@b.com", "numbers and Latin untouched"),
    ),
)

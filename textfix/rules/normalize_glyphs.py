"""Replace look-alike code points of Han characters by the ideograph itself, and compose (NFC).

Why it arises: a PDF font maps each glyph to a code point through its ToUnicode table. Many
CJK fonts share one glyph between an ideograph and its radical or compatibility twin, and the
table then names the twin: ``人`` comes out as KANGXI RADICAL MAN U+2F08 (``⼈``), ``見`` as a
CJK compatibility ideograph. The text looks right and is wrong for search, deduplication and
tokenizers. Extraction and OCR also emit decomposed accents (``e`` + U+0301).

Broken:     ``⼈⼯智能`` (U+2F08 U+2F2F), ``⻓江`` (U+2ED3), ``\\uf9dc`` (twin of 隆), ``e\\u0301``
Fixed:      ``人工智能``, ``长江``, ``隆``, ``é``
Left alone: compatibility characters that NFKC would flatten but that mean something as they
are: ``①``, ``㎡``, ``™``, ``²``, full-width forms; radical component forms with no ideograph
twin (``⺅``, ``⺡``); the twelve compatibility-block ideographs that are unified (U+FA0E ``﨎``).

Gate: text with no radical, compatibility ideograph or decomposed sequence (``unicodedata``
quick check) is returned untouched.

>>> [change.after for change in find("⼈⼯智能", Options())]
['人', '工']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..rule import Change, Example, Rule

# CJK Radicals Supplement code points whose glyph is a whole ideograph, with that ideograph
# (Unicode's EquivalentUnifiedIdeograph data; only two have a decomposition, ⺟ and ⻳).
# Component-only shapes (⺅ person-side, ⺡ water-side, ⻍ walk) have no ideograph twin and stay.
RADICAL_SUPPLEMENT_IDEOGRAPHS = {
    "⺁": "厂", "⺎": "兀", "⺐": "尢", "⺒": "巳", "⺓": "幺", "⺝": "月", "⺟": "母",
    "⺠": "民", "⺩": "王", "⺬": "示", "⺻": "聿", "⺼": "月", "⺽": "臼", "⻄": "西",
    "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长", "⻔": "门",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄",
    "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙",
    "⻲": "亀", "⻳": "龟",
}  # fmt: skip

# Kangxi radicals (U+2F00-U+2FD5) all decompose (NFKC) to their unified ideograph.
_KANGXI = "\u2f00-\u2fd5"
# Searched with the stdlib engine: one plain character class, scanned at C speed.
_RADICAL = re.compile(f"[{_KANGXI}{''.join(sorted(RADICAL_SUPPLEMENT_IDEOGRAPHS))}]")
# Characters that may compose with, or must be reordered against, the character before them.
_ATTACHING = r"[\p{NFC_QC=M}\P{ccc=NR}]"
# The unit NFC works on, found only where something can change: a radical or a character that
# NFC never keeps (a compatibility ideograph) with what attaches to it, or any character
# followed by attaching ones. Outside such units NFC changes nothing.
_UNIT = regex.compile(
    f"(?:[{_KANGXI}{''.join(sorted(RADICAL_SUPPLEMENT_IDEOGRAPHS))}\\p{{NFC_QC=N}}]"
    f"|.(?={_ATTACHING})){_ATTACHING}*",
    regex.DOTALL,
)
_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _ideograph(radical: re.Match[str]) -> str:
    char = radical.group()
    return RADICAL_SUPPLEMENT_IDEOGRAPHS.get(char) or unicodedata.normalize("NFKC", char)


def _note(unit: str, after: str) -> str:
    if _RADICAL.search(unit):
        return "radical code point used as an ideograph"
    if len(unit) == 1 and _HAN.match(after):
        return "compatibility ideograph → its unified ideograph"
    return "NFC: canonical composition and order"


def find(text: str, options: Options) -> Iterator[Change]:
    if unicodedata.is_normalized("NFC", text) and not _RADICAL.search(text):
        return
    for match in _UNIT.finditer(text):
        unit = match.group()
        after = unicodedata.normalize("NFC", _RADICAL.sub(_ideograph, unit))
        if after != unit:
            yield Change(match.start(), match.end(), after, _note(unit, after))


RULE = Rule(
    id="normalize_glyphs",
    summary="Map radical and compatibility look-alikes to ideographs, compose (⼈⼯ → 人工).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("⼈⼯智能", "人工智能", "Kangxi radicals from a PDF font's ToUnicode table"),
        Example("⻓江", "长江", "CJK radical supplement form used as an ideograph"),
        Example("\uf9dc盛", "隆盛", "compatibility ideograph"),
        Example("cafe\u0301", "café", "decomposed accent"),
        Example("面积100㎡，①号楼™²", "面积100㎡，①号楼™²", "NFKC-only characters stay"),
    ),
)

"""How plausible a run of text is as ordinary writing: the score that mojibake repair trusts.

Mojibake is text whose bytes were decoded with the wrong character set. Its tell-tale signs
are characters that ordinary writing rarely contains: rare Han characters (UTF-8 bytes read
as GBK land mostly in the rare level-2 rows and the GBK extension, and mix simplified with
traditional forms), control and private-use characters, Cyrillic, Greek, bopomofo or box
drawing glued to Han characters (GBK's symbol rows), and accented Latin-1 letters or symbols
standing next to each other (``·¢Õ¹``: in European text an accented letter sits between plain
letters). ``implausibility`` is the share of such characters in a run; a repair is trusted
only when it lowers that share clearly.

Common Han characters are the two national "frequently used" sets, read from the codecs
rather than typed in: GB2312 level 1 (3755 simplified characters chosen by frequency) and
Big5 level 1 (5401 traditional characters of the 常用國字 standard). Real text keeps to one
script, so a run is scored against the set that suits it better.

>>> implausibility("发展人工智能"), implausibility("發展人工智慧")
(0.0, 0.0)
>>> implausibility("·¢Õ¹")
0.75
>>> round(implausibility("鍙戝睍浜哄伐鏅鸿兘"), 2)
0.67
>>> implausibility("Café crème, São Paulo")
0.0
"""

from __future__ import annotations

from functools import lru_cache

import regex

# Characters a single-byte Western decoder produces: Latin-1's upper half plus the
# printable characters windows-1252 puts at 0x80-0x9F.
LATIN_HIGH = "\x80-\xff" + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"

# Han characters that are not rare although both frequency sets lack them: the zero of
# Chinese numerals and the iteration mark.
_COMMON_EXTRA = "〇々"

# Letters and signs from GBK's symbol rows; glued to a Han character they betray mojibake.
_SYMBOL_ROWS = r"\p{Cyrillic}\p{Greek}\p{Bopomofo}\u2500-\u257f\uff21-\uff3a\uff41-\uff5a"


def _decoded_block(codec: str, leads: range, trails: list[int], last: bytes) -> str:
    chars = []
    for lead in leads:
        for trail in trails:
            pair = bytes((lead, trail))
            if pair > last:
                return "".join(chars)
            try:
                chars.append(pair.decode(codec))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


@lru_cache(maxsize=1)
def _common_sets() -> tuple[str, str]:
    gb2312_level1 = _decoded_block(
        "gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF)), b"\xd7\xf9"
    )
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    big5_level1 = _decoded_block("big5", range(0xA4, 0xC7), big5_trails, b"\xc6\x7e")
    return gb2312_level1 + _COMMON_EXTRA, big5_level1 + _COMMON_EXTRA


def common_han() -> frozenset[str]:
    """GB2312 level 1 ∪ Big5 level 1 (about 6700 characters), built on first use."""
    simplified, traditional = _common_sets()
    return frozenset(simplified + traditional)


def _rare_in(common: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?V1)[\p{{Han}}--[{regex.escape(common, special_only=True)}]]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    simplified, traditional = _common_sets()
    unlikely = regex.compile(
        r"[\p{Co}\p{Cn}\p{Cs}\ufffd]"  # private use, unassigned, surrogate, replacement
        r"|[\x00-\x08\x0e-\x1f\x7f-\x9f]"  # control characters other than line/tab controls
        rf"|(?<=[{LATIN_HIGH}])[{LATIN_HIGH}]"  # two Western high characters in a row
        rf"|(?<=\p{{Han}})[{_SYMBOL_ROWS}]|[{_SYMBOL_ROWS}](?=\p{{Han}})"
    )
    return unlikely, _rare_in(simplified), _rare_in(traditional)


def implausibility(text: str) -> float:
    """Share of characters in ``text`` that ordinary writing rarely contains (0.0 to 1.0)."""
    if not text:
        return 0.0
    unlikely, rare_simplified, rare_traditional = _patterns()
    rare = min(len(rare_simplified.findall(text)), len(rare_traditional.findall(text)))
    return (len(unlikely.findall(text)) + rare) / len(text)


_HAN = regex.compile(r"\p{Han}")


def han_count(text: str) -> int:
    return len(_HAN.findall(text))

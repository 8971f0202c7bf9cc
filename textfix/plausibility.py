"""How plausible a run of text is as ordinary writing: the score that mojibake repair trusts.

Mojibake is text whose bytes were decoded with the wrong character set. Its tell-tale signs
are characters that ordinary writing rarely contains: rare Han characters (UTF-8 bytes read
as GBK land mostly in the rare level-2 rows and the GBK extension, and mix simplified with
traditional forms), control and private-use characters, Cyrillic, Greek, kana, bopomofo,
box drawing or arrows glued to Han characters (GBK's symbol rows), and accented Latin-1 letters
or symbols standing next to each other or one plain letter apart (``·¢Õ¹``, Big5's
``¬O¤@``: in European text an accented letter sits between plain letters). ``implausibility``
is the share of such characters in a run; a repair is trusted only when it lowers it clearly.

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

import re
from collections.abc import Iterator
from functools import lru_cache

import regex

from .chars import CJK_PUNCT

# Characters a single-byte Western decoder produces: Latin-1's upper half plus the
# printable characters windows-1252 puts at 0x80-0x9F.
_WINDOWS_1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
LATIN_HIGH = "\x80-\xff" + _WINDOWS_1252_EXTRAS
# The same without the C1 controls (0x80-0x9F): alone, these are ordinary text (“, é).
_WESTERN_PRINTABLE = "\xa0-\xff" + _WINDOWS_1252_EXTRAS

# Han characters that are not rare although both frequency sets lack them: the zero of
# Chinese numerals and the iteration mark.
_COMMON_EXTRA = "〇々"

# Letters and signs from GBK's symbol rows (Cyrillic, Greek, kana, bopomofo, box drawing,
# arrows, math operators, geometric shapes, vertical-form brackets, full-width Latin); glued
# to a Han character they betray mojibake.
_SYMBOL_ROWS = (
    r"\p{Cyrillic}\p{Greek}\p{Hiragana}\p{Katakana}\p{Bopomofo}\u2190-\u22ff\u2500-\u25ff"
    r"\ufe30-\ufe4f\uff21-\uff3a\uff41-\uff5a"
)


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


@lru_cache(maxsize=1)
def _common_han_sets() -> tuple[frozenset[str], frozenset[str]]:
    simplified, traditional = _common_sets()
    return frozenset(simplified), frozenset(traditional)


@lru_cache(maxsize=1)
def _unlikely() -> regex.Pattern[str]:
    """What ordinary writing rarely contains, whatever the script (see the module docstring)."""
    return regex.compile(
        r"[\p{Co}\p{Cn}\p{Cs}\ufffd]"  # private use, unassigned, surrogate, replacement
        r"|[\x00-\x08\x0e-\x1f\x7f-\x9f]"  # control characters other than line/tab controls
        rf"|(?<=[{LATIN_HIGH}])[{LATIN_HIGH}]"  # two Western high characters in a row
        rf"|(?<=[{LATIN_HIGH}])[\x40-\x7e](?=[{LATIN_HIGH}])"  # ASCII between (Big5 trail)
        rf"|(?<=\p{{Han}})[{_SYMBOL_ROWS}]|[{_SYMBOL_ROWS}](?=\p{{Han}})"
    )


_HAN = regex.compile(r"\p{Han}")


_LATIN_HIGH_CHAR = regex.compile(f"[{LATIN_HIGH}]")


@lru_cache(maxsize=1)
def _plain_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters that can never count against a text: printable ASCII, CJK punctuation,
    and the common Han of one script (a text drawing on one of these sets scores 0.0)."""
    punctuation = {char for char in CJK_PUNCT if not _LATIN_HIGH_CHAR.match(char)}
    plain = frozenset(map(chr, range(0x20, 0x7F))) | frozenset("\t\n\r") | punctuation
    simplified, traditional = _common_sets()
    return plain | frozenset(simplified), plain | frozenset(traditional)


# Sample of a document that decides which script's common Han ``countable`` measures against:
# the first few thousand characters tell simplified from traditional text.
_SCRIPT_SAMPLE = 4096


@lru_cache(maxsize=1)
def _countable_patterns() -> tuple[re.Pattern[str], ...]:
    """Per script, the characters of a non-ASCII run that ``implausibility`` may count."""
    patterns = []
    for plain in _plain_sets():
        safe = re.escape("".join(sorted(char for char in plain if not char.isascii())))
        patterns.append(
            re.compile(f"[^\\x00-\\x7f{safe}](?:(?<![{_WESTERN_PRINTABLE}])|(?<=[{LATIN_HIGH}].))")
        )
    return tuple(patterns)


def countable(text: str) -> Iterator[int]:
    """Positions of the characters of ``text`` that ``implausibility`` may count in a run of
    non-ASCII characters: all but the common Han and CJK punctuation of the document's
    script, except a Western character after none (a lone “ or é counts only beside
    another), unless it is a control. A run's implausibility is at most its share of them.

    >>> list(countable("发展“人工智能”·¢Õ¹"))
    [8, 9, 10, 11]
    """
    patterns = _countable_patterns()
    sparsest = min(patterns, key=lambda pattern: len(pattern.findall(text, 0, _SCRIPT_SAMPLE)))
    for match in sparsest.finditer(text):
        yield match.start()


def implausibility(text: str) -> float:
    """Share of characters in ``text`` that ordinary writing rarely contains (0.0 to 1.0)."""
    if not text:
        return 0.0
    characters = set(text)
    if any(characters <= plain for plain in _plain_sets()):
        return 0.0  # the cheap answer for clean text; ``measured_implausibility`` agrees
    return measured_implausibility(text)


def measured_implausibility(text: str) -> float:
    """``implausibility`` by its patterns, without the shortcut for plain text."""
    if not text:
        return 0.0
    han = _HAN.findall(text)
    rare = min(sum(char not in common for char in han) for common in _common_han_sets())
    return (len(_unlikely().findall(text)) + rare) / len(text)


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


# The 1000 most frequent simplified characters of modern Chinese, most frequent first (after
# the published character-frequency lists of news and web text; written out here, not read
# from a corpus). They make up about nine tenths of running text; mojibake that happens to
# land on common characters lands on these far less often. Traditional forms are added on
# first use with OpenCC.
FREQUENT_HAN = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
    "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
    "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基"
    "眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交"
    "规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
    "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
    "首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维"
    "革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧"
    "黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印"
    "晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财"
    "环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担"
    "州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养"
    "伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮"
    "露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移"
    "娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶"
    "春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣"
    "择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶"
)
# Weight of the frequent-character share when two readings are equally plausible: half a
# point, so that a reading made of frequent characters outranks one made of merely common
# ones (``的的`` over ``腔腔``, both GB2312/Big5 level 1) by far more than ``MIN_LEAD``.
FREQUENCY_WEIGHT = 0.5


@lru_cache(maxsize=1)
def _frequent() -> frozenset[str]:
    import opencc

    traditional = opencc.OpenCC("s2t").convert("\n".join(FREQUENT_HAN))
    return frozenset(FREQUENT_HAN + traditional.replace("\n", ""))


def frequent_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that are frequent Han characters or CJK
    punctuation (0 if there are none): kana and symbols that a wrong reading produces count
    against it."""
    wide = [char for char in text if not char.isascii()]
    if not wide:
        return 0.0
    frequent = _frequent()
    return sum(char in frequent or char in CJK_PUNCT for char in wide) / len(wide)


def reading_rank(text: str) -> float:
    """Lower is better: implausibility, then frequent characters break ties between readings.

    >>> reading_rank("的的一是") < reading_rank("腔腔腔腔")
    True
    """
    return implausibility(text) + FREQUENCY_WEIGHT * (1 - frequent_share(text))

"""Shared hypothesis generators: clean text of each script, and corruptors.

Clean text follows the conventions of ``corpus/README.md``: one paragraph per
line, full-width punctuation in CJK context, half-width in Latin context, no
layout whitespace. Corruptors (added per rule family below) damage clean text
the way the artifact arises, so a rule can be checked to invert its own damage.
"""

from __future__ import annotations

import textwrap

import regex
from hypothesis import assume
from hypothesis import strategies as st

# Frequent Han characters of ordinary Chinese news text (a plain sample, not the seed pages).
COMMON_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使"
    "点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
    "看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
    "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处府研更市省县镇村街企科技智城河桥船湖路港园校医药车网云"
)
# Latin words of every length, for prose that wraps like real English.
LATIN_WORDS = (
    "the of and to in is was for on that with as by at from it this be are have not which an or "
    "city river bridge school market council report people water light system model engine data "
    "national international development government information transportation agreement "
    "construction announcement responsibility opportunity environmental infrastructure"
).split()

CLAUSE_MARKS = "，，，、；"
FINAL_MARKS = "。。。。！？"

han_char = st.sampled_from(COMMON_HAN)
han_word = st.text(alphabet=han_char, min_size=1, max_size=4)


@st.composite
def cjk_clause(draw: st.DrawFn) -> str:
    """A run of Han characters, sometimes with a number or a Latin term inside."""
    parts = draw(st.lists(han_word, min_size=1, max_size=5))
    if draw(st.booleans()) and draw(st.integers(0, 3)) == 0:
        number = str(draw(st.integers(1, 2099)))
        parts.insert(draw(st.integers(0, len(parts))), number)
    if draw(st.integers(0, 5)) == 0:
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from(["AI", "GDP", "5G"])))
    return "".join(parts)


@st.composite
def cjk_sentence(draw: st.DrawFn) -> str:
    clauses = draw(st.lists(cjk_clause(), min_size=1, max_size=4))
    marks = [draw(st.sampled_from(CLAUSE_MARKS)) for _ in clauses[1:]]
    text = clauses[0] + "".join(m + c for m, c in zip(marks, clauses[1:], strict=True))
    if draw(st.integers(0, 4)) == 0:
        text = "“" + text + "”"
    return text + draw(st.sampled_from(FINAL_MARKS))


@st.composite
def cjk_paragraph(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(cjk_sentence(), min_size=1, max_size=5)))


@st.composite
def latin_sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(LATIN_WORDS), min_size=2, max_size=14))
    words[0] = words[0].capitalize()
    return " ".join(words) + draw(st.sampled_from(".......?!"))


@st.composite
def latin_paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(latin_sentence(), min_size=1, max_size=5)))


@st.composite
def mixed_paragraph(draw: st.DrawFn) -> str:
    """CJK prose with Latin terms and numbers, as in Chinese tech and business news."""
    sentences = draw(st.lists(cjk_sentence(), min_size=1, max_size=5))
    term = st.sampled_from(["DeepSeek", "PFlops", "Python 3.11", "v1.2", "iPhone", "10.4%"])
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(sentences) - 1))
        sentence = sentences[index]
        cut = draw(st.integers(0, len(sentence) - 1))
        sentences[index] = sentence[:cut] + draw(term) + sentence[cut:]
    return "".join(sentences)


paragraph = st.one_of(cjk_paragraph(), latin_paragraph(), mixed_paragraph())


def clean_document(paragraphs: st.SearchStrategy[str] = paragraph) -> st.SearchStrategy[str]:
    """Clean text: paragraphs one per line, ending with a newline."""
    return st.lists(paragraphs, min_size=1, max_size=6).map(lambda ps: "\n".join(ps) + "\n")


# Arbitrary Unicode, including surrogates-free control characters, for "never raises" checks.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


# ---- punctuation, width and spacing corruptors ----
# Clean CJK and mixed lines are damaged the way extraction, input methods and OCR
# damage them; the punctuation, width and spacing rules must give the clean text back.

_TO_HALF = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")"}
# Marks a reader places by the word before them (sentence-final) or on either side.
_FINAL_HALF = "？！"
_TO_STRAIGHT = {"“": '"', "”": '"'}


def _is_han(char: str) -> bool:
    """Han in the basic CJK block, which holds every character of COMMON_HAN."""
    return len(char) == 1 and "\u4e00" <= char <= "\u9fff"


@st.composite
def bracketed_cjk_paragraph(draw: st.DrawFn) -> str:
    """CJK prose with a bracketed Latin term or enumerator after a Han character."""
    text = draw(cjk_paragraph())
    hans = [i for i, char in enumerate(text) if _is_han(char)]
    if hans:
        cut = draw(st.sampled_from(hans)) + 1
        inner = draw(st.sampled_from(["DeepSeek", "1", "PFlops", "高美梅"]))
        text = text[:cut] + "（" + inner + "）" + text[cut:]
    return text


punct_paragraph = st.one_of(cjk_paragraph(), mixed_paragraph(), bracketed_cjk_paragraph())


def half_width_punct(line: str) -> str:
    """Extraction or a half-width input mode: CJK marks next to Han become ASCII."""
    out = []
    for index, char in enumerate(line):
        before, after = line[index - 1 : index], line[index + 1 : index + 2]
        if char in "（）":
            out.append(_TO_HALF[char])
        elif char in _FINAL_HALF and _is_han(before):
            out.append(_TO_HALF[char])
        elif char in _TO_HALF and char not in _FINAL_HALF and (_is_han(before) or _is_han(after)):
            out.append(_TO_HALF[char])
        else:
            out.append(char)
    return "".join(out)


def full_width_alnum(line: str) -> str:
    """A full-width input mode: ASCII letters, digits, % and decimal points go full-width."""
    out = []
    for index, char in enumerate(line):
        neighbours = line[index - 1 : index] + line[index + 1 : index + 2]
        if char.isascii() and (char.isalnum() or char == "%"):
            out.append(chr(ord(char) + 0xFEE0))
        elif char == "." and len(neighbours) == 2 and neighbours.isascii() and neighbours.isalnum():
            out.append("．")
        else:
            out.append(char)
    return "".join(out)


def straight_quotes(line: str) -> str:
    """A keyboard without curly quotes: “ ” become ASCII double quotes."""
    return "".join(_TO_STRAIGHT.get(char, char) for char in line)


def doubled_separators(line: str) -> str:
    """A mark drawn at the end of one text run and again at the start of the next."""
    out = []
    for index, char in enumerate(line):
        out.append(char)
        before, after = line[max(0, index - 2) : index], line[index + 1 : index + 3]
        overprint_like = any(len(pair) == 2 and pair[0] == pair[1] for pair in (before, after))
        if char in "，。、" and not overprint_like:
            out.append(char)
    return "".join(out)


def ocr_spaced(line: str, min_pairs: int) -> str:
    """An OCR engine that joins every Han character with a space (when the line has enough)."""
    pairs = sum(1 for a, b in zip(line, line[1:], strict=False) if _is_han(a) and _is_han(b))
    if pairs < min_pairs:
        return line
    out = []
    for index, char in enumerate(line):
        out.append(char)
        if _is_han(char) and _is_han(line[index + 1 : index + 2]):
            out.append(" ")
    return "".join(out)


# ---- page furniture corruptors ----
# Multi-page documents typeset by ``tests/layouts.py`` with running heads, feet and
# page numbers (the corruption), and documents whose repeated lines are content.


@st.composite
def paged_document(draw: st.DrawFn, marked: bool | None = None):  # -> (PagedText, blocks)
    """A document of several pages with furniture; ``marked``: pdftotext form feeds."""
    import random

    from tests.layouts import Layout, extract_pages, random_document, random_furniture
    from tests.layouts import random_layout as make_layout

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = draw(st.booleans())
    blocks = random_document(rng, latin) + random_document(rng, latin)
    layout = make_layout(rng, latin)
    extractor = layout.extractor if marked is None else "pdftotext" if marked else "pdfminer"
    if marked is False:
        extractor = draw(st.sampled_from(["pdfminer", "pymupdf"]))
    # A PDF extractor's layout: no OCR glyph noise, blank lines by the extractor's rule.
    layout = Layout(
        **{
            **layout.__dict__,
            "column_height": rng.randint(6, 20),
            "extractor": extractor,
            "stray_glyph_rate": 0.0,
            "paragraph_blank_rate": 0.0,
        }
    )
    return extract_pages(blocks, layout, random_furniture(rng, latin), rng), blocks


REFRAIN = "副歌：我们的家乡多美丽"
TABLE_HEADER = "项目 数量 金额"


@st.composite
def repeated_line_document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Clean paragraphs with a refrain or a table header once per section, maybe paged.

    Returns the text and the content lines that must all survive. Pages (form
    feeds) fall anywhere; documents where the repeated line opens or closes most
    pages are out of scope (that is what furniture looks like) and are rejected.
    """
    import random

    from tests.layouts import cjk_paragraph as natural_paragraph

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    repeated = draw(st.sampled_from([REFRAIN, TABLE_HEADER]))
    lines: list[str] = []
    for _ in range(draw(st.integers(2, 6))):
        lines.append(repeated)
        if repeated == TABLE_HEADER:
            for _ in range(rng.randint(1, 5)):
                lines.append(
                    f"{rng.choice(COMMON_HAN)}{rng.choice(COMMON_HAN)} "
                    f"{rng.randint(1, 99)} {rng.randint(100, 999)}"
                )
        lines.extend(natural_paragraph(rng) for _ in range(rng.randint(1, 4)))
    content = list(lines)
    if draw(st.booleans()):
        cuts = sorted({rng.randint(1, len(lines) - 1) for _ in range(rng.randint(1, 4))})
        for cut in cuts:
            lines[cut] = "\f" + lines[cut]
    return "\n".join(lines) + "\n", content


# ---- corpus documents ----
# Whole documents as a corpus holds them: clean text, or a page hard-wrapped and
# extracted the way tests/layouts.py simulates, sometimes with a space beside
# full-width punctuation (so that more than one rule has work to do).


@st.composite
def corpus_document(draw: st.DrawFn) -> str:
    import random

    from tests import layouts

    if draw(st.booleans()):
        return draw(clean_document())
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = rng.random() < 0.3
    page = layouts.extract(
        layouts.random_document(rng, latin), layouts.random_layout(rng, latin), rng
    )
    if draw(st.booleans()) and "。" in page:
        at = page.index("。") + 1
        page = page[:at] + " " + page[at:]
    return page


corpus_documents = st.lists(corpus_document(), min_size=0, max_size=6)


# ---- character-level corruptors: glyph twins, invisible characters, mojibake, script ----
# Clean text of every script, and damage done the way it arises: a PDF font naming a radical
# or compatibility twin, web pages inserting zero-width and control characters, bytes
# decoded with the wrong character set.

import unicodedata  # noqa: E402 - this section is self-contained
from functools import lru_cache  # noqa: E402

# Words that must come through every character-level rule untouched, one list per script.
CLEAN_WORDS_BY_SCRIPT = {
    "latin": ["café", "naïve", "São", "Zürich", "Ærøskøbing", "façade", "ÉTÉ", "AÇÃO", "Œuvre"],
    "cyrillic": ["Привет", "мир", "Ёлка", "Україна"],
    "greek": ["Καλημέρα", "κόσμε", "Ωμέγα"],
    "emoji": ["👍🏽", "👩\u200d💻", "👨\u200d👩\u200d👧", "🏳\ufe0f\u200d🌈", "❤\ufe0f", "🇨🇳"],
    "math": ["∑x²≤∞", "α+β=γ", "①②③", "120㎡", "Brand™", "H₂O", "½", "±0.5°C"],
    "cjk": ["人工智能", "發展人工智慧", "两会\u3000召开", "「引号」", "日本語のテキスト", "한국어"],
    "joining": ["می\u200cخواهم", "क्\u200dष", "ශ්\u200dරී"],
}
clean_word = st.sampled_from([word for words in CLEAN_WORDS_BY_SCRIPT.values() for word in words])


@st.composite
def every_script_text(draw: st.DrawFn) -> str:
    """Clean lines mixing every script, ZWJ emoji sequences and NFKC-sensitive symbols."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        parts = draw(st.lists(st.one_of(clean_word, cjk_sentence(), latin_sentence()), max_size=8))
        lines.append(" ".join(parts))
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _glyph_twins() -> dict[str, list[str]]:
    """Ideograph → the radical and compatibility code points a PDF font may name instead."""
    from textfix.rules.normalize_glyphs import RADICAL_SUPPLEMENT_IDEOGRAPHS

    twins: dict[str, list[str]] = {}
    for radical, ideograph in RADICAL_SUPPLEMENT_IDEOGRAPHS.items():
        twins.setdefault(ideograph, []).append(radical)
    for code in [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20)]:
        twin = chr(code)
        ideograph = unicodedata.normalize("NFKC" if code < 0x3000 else "NFC", twin)
        if ideograph != twin:
            twins.setdefault(ideograph, []).append(twin)
    return twins


@st.composite
def glyph_substituted(draw: st.DrawFn) -> tuple[str, str]:
    """(clean, damaged): Han text in which some characters are named by a look-alike twin."""
    twins = _glyph_twins()
    with_twins = sorted(twins)
    clean = draw(st.text(st.sampled_from(with_twins + list(COMMON_HAN) + list("，。")), min_size=1))
    damaged = "".join(
        draw(st.sampled_from(twins[char])) if char in twins and draw(st.booleans()) else char
        for char in clean
    )
    return clean, damaged


# Invisible characters a scraper leaves inside words (soft hyphen handled apart: before a
# line break it is printed).
INVISIBLE_NOISE = ["\u200b", "\u2060", "\ufeff", "\u200d", "\u200c", "\x00", "\x07", "\x1b", "\x9b"]


@st.composite
def invisible_inserted(draw: st.DrawFn) -> tuple[str, str]:
    """(clean, damaged): clean text with zero-width, soft hyphen and control characters
    inserted, and some of its spaces made no-break or thin."""
    clean = "\n".join(draw(st.lists(paragraph, min_size=1, max_size=2)))
    pieces = list(clean)
    for index in draw(st.lists(st.integers(0, len(clean) - 1), max_size=12)):
        if pieces[index] == " ":
            pieces[index] = draw(st.sampled_from(["\xa0", "\u2009", "\u202f"]))
        elif clean[index + 1 : index + 2] != "\n":
            pieces[index] += draw(st.sampled_from([*INVISIBLE_NOISE, "\xad"]))
        else:
            pieces[index] += draw(st.sampled_from(INVISIBLE_NOISE))
    return clean, "".join(pieces)


@lru_cache(maxsize=1)
def _gbk_safe_pairs() -> list[str]:
    """Two-character units whose UTF-8 bytes (6) decode as GBK: runs of them stay aligned."""
    alphabet = COMMON_HAN + "，。、"
    pairs = []
    for first in alphabet:
        for second in alphabet:
            try:
                (first + second).encode("utf-8").decode("gbk")
            except UnicodeDecodeError:
                continue
            pairs.append(first + second)
    return pairs


# Mojibake runs this long always carry enough rare characters to be told from Chinese
# (measured: 8 units of UTF-8-as-GBK never scored below 0.33 in 20000 samples).
MOJIBAKE_MIN_UNITS = 8


@st.composite
def cjk_runs(draw: st.DrawFn, unit: st.SearchStrategy[str], min_units: int) -> str:
    """Lines of CJK runs separated by ASCII (spaces, numbers, Latin terms), as in news text.

    Each run has at least ``min_units`` distinct units: a run repeating one character
    (``干干干干``) reads as well in GBK as in Big5 and is rightly left alone."""
    run = st.lists(unit, min_size=min_units, max_size=min_units + 6, unique=True)
    runs = draw(st.lists(run, min_size=1, max_size=3))
    separators = st.sampled_from([" ", " 2025 ", " AI ", "\n", ": "])
    text = "".join("".join(run) + draw(separators) for run in runs[:-1])
    return text + "".join(runs[-1])


def utf8_read_as_gbk(text: str) -> str:
    return text.encode("utf-8").decode("gbk")


def gbk_read_as_latin1(text: str) -> str:
    return text.encode("gbk").decode("latin-1")


def big5_read_as_latin1(text: str) -> str:
    return text.encode("big5").decode("latin-1")


def _big5_alphabet() -> str:
    """Frequent traditional text: the characters of COMMON_HAN both scripts share, and
    traditional ones (a simplified form such as 种 would make the text mixed, not Big5)."""
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    shared = "".join(char for char in COMMON_HAN if to_traditional.convert(char) == char)
    alphabet = shared + "國家經濟發展學習產業會議時間問題關係開放環境農業電腦網絡銀行醫院"
    return "".join(char for char in alphabet if _encodes(char, "big5"))


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


utf8_as_gbk_text = st.deferred(
    lambda: cjk_runs(st.sampled_from(_gbk_safe_pairs()), MOJIBAKE_MIN_UNITS)
)
# GB2312 characters are two high bytes; four characters give a run Big5 cannot also read well.
gb2312_text = cjk_runs(han_char, 4)
big5_text = st.deferred(lambda: cjk_runs(st.sampled_from(_big5_alphabet()), 6))
# ---- OCR corruptors ----
# Clean CJK and mixed documents with quantities, numeric ranges and bylines, and the
# damage a Tesseract-class engine does to them: half-width marks with a space after
# them, every Han character spaced, digits read as letters, range dashes read as 一
# or a hyphen, 。 read as o at a line end, and a bracket read as a look-alike.

OCR_UNITS = "年月日元米天级%"
_DIGIT_LOOKALIKES = {"0": "Oo", "1": "lI", "5": "S"}
_FULL_STOP_LOOKALIKES = "oO."


@st.composite
def ocr_quantity(draw: st.DrawFn) -> str:
    """A number with a unit: ``2024年``, ``10.4%``, ``150米``."""
    number = str(draw(st.integers(1, 99999)))
    if draw(st.booleans()):
        number += "." + str(draw(st.integers(0, 99)))
    return number + draw(st.sampled_from(OCR_UNITS))


@st.composite
def ocr_clean_document(draw: st.DrawFn) -> str:
    """Lines of CJK (sometimes mixed) prose with quantities, ranges set with one dash,
    and bylines; one paragraph per line."""
    dash = draw(st.sampled_from("～—"))
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = draw(st.lists(st.one_of(cjk_sentence(), mixed_paragraph()), max_size=2))
        for _ in range(draw(st.integers(0, 2))):
            low = draw(st.integers(1, 60))
            high = low + draw(st.integers(1, 40))
            unit = draw(st.sampled_from(OCR_UNITS))
            middle = draw(st.sampled_from([f"{low}{dash}{high}{unit}", draw(ocr_quantity())]))
            sentence = draw(han_word) + middle + draw(han_word) + draw(st.sampled_from(FINAL_MARKS))
            sentences.insert(draw(st.integers(0, len(sentences))), sentence)
        if not sentences:
            sentences.append(draw(cjk_sentence()))
        line = "".join(sentences)
        if draw(st.booleans()):
            line += "（" + draw(st.text(han_char, min_size=2, max_size=3)) + "）"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _numbers_before_units(line: str) -> list[tuple[int, int]]:
    """Spans of digit runs not glued to a letter, a digit or a point, directly before a unit."""
    spans = []
    for match in regex.finditer(
        r"(?<![A-Za-z0-9_.,])[0-9]+(?:\.[0-9]+)?(?=[" + OCR_UNITS + "])", line
    ):
        spans.append(match.span())
    return spans


@st.composite
def ocr_misread_digits(draw: st.DrawFn, line: str) -> str:
    """Digits before a unit read as look-alike letters, keeping at least one real digit."""
    chars = list(line)
    for start, end in _numbers_before_units(line):
        positions = [i for i in range(start, end) if line[i] in _DIGIT_LOOKALIKES]
        if len(positions) == sum(1 for i in range(start, end) if line[i].isdigit()):
            positions = positions[1:]  # keep one real digit as evidence
        for position in positions:
            if draw(st.booleans()):
                chars[position] = draw(st.sampled_from(_DIGIT_LOOKALIKES[line[position]]))
    return "".join(chars)


@st.composite
def ocr_misread_range_dashes(draw: st.DrawFn, document: str) -> str:
    """Range dashes read as 一 or a hyphen, as long as the document's own dash stays the
    majority of the dashes still printed (a tie or none left gives the fallback ～)."""
    dashes = [m.start() for m in regex.finditer(r"(?<=[0-9])[～—](?=[0-9])", document)]
    misread = {position: draw(st.sampled_from("～一-")) for position in dashes}
    kept = len(dashes) - sum(1 for read in misread.values() if read != "～")
    hyphens = sum(1 for read in misread.values() if read == "-")
    fallback = bool(dashes) and document[dashes[0]] == "～"
    if hyphens > kept or (not fallback and hyphens >= kept):
        return document
    chars = list(document)
    for position, read in misread.items():
        if read != "～":
            chars[position] = read
    return "".join(chars)


def ocr_spaced_punct(line: str) -> str:
    """Half-width marks for CJK ones, each followed by the space the engine inserts."""
    half = half_width_punct(line)
    return regex.sub(r"([,;:?!)])(?=\S)", r"\1 ", half)


@st.composite
def ocr_misread_full_stops(draw: st.DrawFn, document: str) -> str:
    """A line-final 。 after Han read as o, O or . where nothing Latin follows it."""
    lines = document.split("\n")
    for index, line in enumerate(lines):
        following = next((later[:1] for later in lines[index + 1 :] if later), "")
        latin = sum(1 for char in line if char.isascii() and char.isalpha())
        han = sum(1 for char in line if _is_han(char))
        if (
            line.endswith("。")
            and _is_han(line[-2:-1])
            and not (following.isascii() and following.isalnum())
            and latin <= han
            and draw(st.booleans())
        ):
            lines[index] = line[:-1] + draw(st.sampled_from(_FULL_STOP_LOOKALIKES))
    return "\n".join(lines)


@st.composite
def ocr_misread_brackets(draw: st.DrawFn, document: str) -> str:
    """One bracket of a byline read as a look-alike, when another byline pairs （）."""
    openings = [m.start() for m in regex.finditer("（[^（）\n]*）", document)]
    if len(openings) < 2 or not draw(st.booleans()):
        return document
    opening = draw(st.sampled_from(openings))
    closing = document.index("）", opening)
    position, lookalike = draw(st.sampled_from([(opening, "〈"), (closing, "〕")]))
    return document[:position] + lookalike + document[position + 1 :]


@st.composite
def ocr_corrupted(draw: st.DrawFn) -> tuple[str, str]:
    """``(clean, as OCR read it)``: every OCR corruption that the ``ocr`` preset inverts."""
    clean = draw(ocr_clean_document())
    text = draw(ocr_misread_brackets(clean))
    text = draw(ocr_misread_full_stops(text))
    text = draw(ocr_misread_range_dashes(text))
    lines = []
    for line in text.split("\n"):
        line = draw(ocr_misread_digits(line))
        if draw(st.booleans()):
            line = ocr_spaced_punct(line)
        if draw(st.booleans()):
            line = ocr_spaced(line, min_pairs=3)
        lines.append(line)
    return clean, "\n".join(lines)


# ---- overprint corruptors ----
# Fake bold paints every text run twice; extractors emit each run twice in one of
# several shapes (see textfix/rules/undo_overprint.py). A *run* is what the PDF drew
# in one call; here a text is cut into runs at arbitrary points.

# Reduplications that clean Chinese and Latin text contains: squares by shape alone.
REDUPLICATIONS = (
    "谢谢 天天 人人 看看 常常 刚刚 慢慢 高高兴兴 干干净净 研究研究 讨论讨论 哈哈哈哈 "
    "2020 1111 2222 1010 …… —— bookkeeper committee coffee"
).split()


@st.composite
def reduplicated_paragraph(draw: st.DrawFn) -> str:
    """Clean text with natural reduplications spliced in (谢谢, 天天, 2020, 哈哈哈哈 …)."""
    text = draw(paragraph)
    for _ in range(draw(st.integers(1, 4))):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(REDUPLICATIONS)) + text[cut:]
    return text


@st.composite
def runs_of(draw: st.DrawFn, text: str, min_runs: int = 1) -> list[str]:
    """Cut ``text`` into runs at arbitrary points (at least ``min_runs`` if it is long enough)."""
    most = len(text) - 1
    count = draw(st.integers(min(min_runs - 1, most), most)) if most > 0 else 0
    cuts = (
        sorted(draw(st.sets(st.integers(1, most), min_size=count, max_size=count))) if count else []
    )
    edges = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def double_in_place(runs: list[str]) -> str:
    """pdfminer.six: ``2`` ``月`` → ``22月月``."""
    return "".join(run + run for run in runs)


def double_glyphs(text: str) -> str:
    """pdfplumber merging columns: every glyph twice, spaces included."""
    return "".join(char + char for char in text)


def double_with_gaps(runs: list[str]) -> str:
    """Runs of a single space are the extractor's gap between runs: emitted once."""
    return "".join(run if run == " " else run + run for run in runs)


def double_separated(runs: list[str], separated: list[bool]) -> str:
    """Some extractors put a space between the copies: ``13 13``."""
    return "".join(
        run + " " + run if apart and " " not in run else run + run
        for run, apart in zip(runs, separated, strict=False)
    )


def double_on_lines(runs: list[str]) -> str:
    """PyMuPDF / pypdf: each copy of a run on its own line."""
    return "\n".join(run + "\n" + run for run in runs)


# Extractors start a new line (or text box) where a copy starts left of where the
# copy before it ended: between the two copies of every run of two glyphs or more.
# The copies of a one-glyph run coincide, and are merged (pdftotext, PyMuPDF) or
# kept in place (pdftotext -layout, pdfminer.six).


@st.composite
def cuts_between_copies(draw: st.DrawFn, runs: list[str], *, merge_glyphs: bool) -> list[bool]:
    """Which runs a line break falls between the copies of (a caption drawn in fake bold).

    Within a stretch of the caption every run of two glyphs or more is cut; a run of
    one glyph is cut too by pdftotext now and then (``，`` / ``，2024``), never by
    PyMuPDF (``merge_glyphs``). Before and after the stretch, the extractor read the
    copies as one (pdftotext's last line ``。（张伟 摄）``).
    """
    last = len(runs) - 1
    first = draw(st.integers(0, last))
    end = draw(st.integers(first, last))
    # Spaces are no glyphs at all (the extractor sees a gap): nothing to cut.
    return [
        first <= k <= end
        and not run.isspace()
        and (len(run) > 1 or (not merge_glyphs and draw(st.booleans())))
        for k, run in enumerate(runs)
    ]


def staircase(runs: list[str], cut: list[bool], *, keep_glyph_copies: bool = False) -> str:
    """pdftotext, PyMuPDF: a cut run ends one line (its first copy) and begins the next
    (its second copy); the copies of the others are merged: ``2月18`` / ``18日`` / ….

    With ``keep_glyph_copies`` (pdftotext -layout), a one-glyph run between two cut
    runs keeps both copies in place: ``18日日，市委…座谈会``.
    """
    lines, line = [], ""
    cuts = [k for k, is_cut in enumerate(cut) if is_cut]
    for k, (run, is_cut) in enumerate(zip(runs, cut, strict=True)):
        inside = bool(cuts) and cuts[0] < k < cuts[-1] and len(run) == 1
        line += run * 2 if keep_glyph_copies and inside and not is_cut else run
        if is_cut:
            lines.append(line)
            line = run
    return "\n".join([*lines, line])


def staircase_with_final_copies(runs: list[str], first: int) -> tuple[str, list[bool]] | None:
    """PyMuPDF: every run of two glyphs or more from run ``first`` on is cut between
    its copies but the last, which nothing after it cuts: its two copies come out
    together on the staircase's last line, among the glyphs drawn alone (``refer`` /
    ``refer toto.``). The text and the runs cut; None with fewer than two runs cut."""
    longer = [k for k, run in enumerate(runs) if len(run) > 1 and not run.isspace()]
    if not longer:
        return None
    final = longer[-1]
    cut = [first <= k < final and k in longer for k in range(len(runs))]
    if sum(cut) < 2:
        return None
    doubled = [run * 2 if k == final else run for k, run in enumerate(runs)]
    return staircase(doubled, cut), cut


def joined_staircase(runs: list[str]) -> str:
    """PyMuPDF's sorted text: the staircase cut at every run of two glyphs or more (the
    copies of single glyphs merged) joined back into one line: ``2月1818日，市委…``."""
    cut = [len(run) > 1 and not run.isspace() for run in runs]
    return staircase(runs, cut).replace("\n", "")


def double_in_boxes(runs: list[str], cut: list[bool]) -> str:
    """pdfminer.six: every run doubled in place, a new text box (after a blank line)
    between the copies of each cut run: ``22月月1818日日，，市委…会`` / / ``市委…会。。…``."""
    return "".join(
        run + ("\n\n" if is_cut else "") + run for run, is_cut in zip(runs, cut, strict=True)
    )


def _script(char: str) -> str:
    if char.isspace():
        return "space"
    if char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "latin"
    return "han" if char.isalpha() else "mark"


def font_runs(text: str) -> list[str]:
    """Cut ``text`` where a real PDF changes font: between digits, Han, Latin, marks, spaces."""
    runs = [text[:1]]
    for before, char in zip(text, text[1:], strict=False):
        if _script(before) == _script(char) and _script(char) != "mark":
            runs[-1] += char
        else:
            runs.append(char)
    return [run for run in runs if run]


@st.composite
def wrapped_document(draw: st.DrawFn) -> str:
    """Clean paragraphs hard-wrapped every few characters, as a PDF column prints them."""
    width = draw(st.integers(8, 40))
    lines = []
    for text in draw(st.lists(reduplicated_paragraph(), min_size=1, max_size=4)):
        lines += [text[k : k + width].strip() for k in range(0, len(text), width)]
    return "\n".join(line for line in lines if line) + "\n"


@st.composite
def echoing_document(draw: st.DrawFn) -> str:
    """Clean lines of which some begin with the last word of the line before: a heading
    and the paragraph that takes it up (``坚持高质量发展`` / ``发展是第一要务``), or prose
    wrapped where a word repeats (``研究`` / ``研究…``). Only the staircases of fake
    bold look alike, and they are cut at every run."""
    width = draw(st.integers(8, 40))
    lines: list[str] = []
    for text in draw(st.lists(reduplicated_paragraph(), min_size=1, max_size=4)):
        for start in range(0, len(text), width):
            line = text[start : start + width].strip()
            echo = lines[-1][-draw(st.integers(1, 4)) :] if lines else ""
            if line and echo.isalnum() and draw(st.booleans()):
                line = echo + line
            if line:
                lines.append(line)
    return "\n".join(lines) + "\n"


def has_square(text: str, *, letters: int = 1) -> bool:
    """True if ``text`` repeats a string ``uu`` or ``u u`` of at least ``letters``
    distinct characters (``ee``, ``谢谢``, ``of of``; with 2, only the last).

    Cut anywhere, such a text may double into the doubling of another text too:
    ``abab`` cut ``a|b|a|b`` doubles to ``aabbaabb``, which is also ``aabb`` drawn
    once; ``eeme`` cut ``eem|e`` doubles to ``eemeemee``, also ``emee`` cut ``e|mee``.
    No repair can tell such twins apart, so arbitrary cuts are tested on texts
    without squares, and texts with squares are tested with the runs a PDF has
    (where ``谢谢`` is inside one run, but ``“好”。“好”。`` still has a twin).
    """
    for half in range(1, len(text) // 2 + 1):
        for start in range(len(text) - 2 * half + 1):
            first = text[start : start + half]
            if len(set(first)) < letters:
                continue
            if text[start + half : start + 2 * half] == first:
                return True
            if text[start + half : start + 2 * half + 1] == " " + first:
                return True
    return False


# ---- side-by-side columns, as layout-mode extraction prints them ----
# pdftotext -layout (and pdfplumber's layout text) puts each glyph at the grid position of its
# x coordinate. Columns are typeset into lines of a fixed measure; each column then starts at
# one grid position on every line: where the widest line of the column before it ends, plus
# the gutter. pdftotext and pdfplumber count one position per glyph (``len``); tools that pad by
# display width count a wide glyph twice (``grid_width``). A line is cut after its last glyph.


def lay_side_by_side(columns: list[list[str]], gutters: list[int], width) -> list[str]:
    """Rows of ``columns`` printed side by side; ``""`` in a column leaves its cell empty."""
    starts = [0]
    for column, gutter in zip(columns, gutters, strict=False):
        starts.append(starts[-1] + max(map(width, column)) + gutter)
    rows = []
    for number in range(max(map(len, columns))):
        row = ""
        for start, column in zip(starts, columns, strict=False):
            cell = column[number] if number < len(column) else ""
            if cell:
                row += " " * (start - width(row)) + cell
        rows.append(row)
    return rows


def _prose_columns(rng, script: str, count: int, rows: int, indent: str, **layout_options):
    """``count`` balanced columns of ``rows`` lines (the last up to two lines shorter) of
    prose typeset by ``tests/layouts.py`` (CJK, Latin or mixed), each paragraph's first line
    starting with ``indent``."""
    from tests import layouts

    latin = script == "latin"
    layout = layouts.Layout(
        column=rng.randint(24, 44) if latin else 2 * rng.randint(9, 15),
        indent=rng.choice((2, 4)) if latin else 4,
        column_height=rows,
        extractor="pdftotext",
        hang_punct=rng.random() < 0.5,
        early_break_rate=0.0,
        stray_space_rate=0.0,
        hyphenate=latin,
        **layout_options,
    )
    flow: list[str] = []
    while len(flow) < count * rows:
        if latin:
            text = layouts.latin_paragraph(rng)
        else:
            text = layouts.cjk_paragraph(rng) + layouts.cjk_paragraph(rng)
            if script == "mixed":
                cut = rng.randrange(len(text))
                text = text[:cut] + rng.choice(["DeepSeek", "Python 3.11", "PFlops"]) + text[cut:]
        lines = layouts.wrap(text, layout, rng)
        flow += [indent + lines[0], *lines[1:]]
    flow = flow[: count * rows - rng.randint(0, 2)]
    return [flow[k : k + rows] for k in range(0, len(flow), rows)]


def make_column_page(rng) -> tuple[str, str]:
    """A page of 2–4 side-by-side prose columns (CJK, Latin or mixed), maybe under a headline
    and over a page number, as pdftotext -layout prints it; and the page with its columns read
    one after another (a blank line between two columns).

    Columns are balanced (the last at most two lines shorter) and keep the first-line indents
    of their paragraphs; a column may have one empty line inside (a gap before a heading)
    beside lines of the other columns.
    """
    from tests import layouts
    from textfix.chars import grid_width

    script = rng.choice(["cjk", "latin", "mixed"])
    latin = script == "latin"
    indent = " " * (rng.choice((2, 3, 4, 5)) if latin else rng.choice((2, 3)))
    columns = _prose_columns(rng, script, rng.randint(2, 4), rng.randint(6, 16), indent)
    if rng.random() < 0.5:
        # Beside the lines of the other columns: a row blank across the page ends the block.
        rng.choice(columns).insert(rng.randint(2, min(map(len, columns)) - 2), "")
    width = rng.choice([grid_width, len])
    block = lay_side_by_side(columns, [rng.randint(2, 6) for _ in columns], width)
    read = "\n\n".join("\n".join(column) for column in columns).split("\n")
    above: list[str] = []
    below: list[str] = []
    if rng.random() < 0.5:
        headline = (layouts._han(rng, 20, 30) if not latin else "City Council Plan " * 4).strip()
        above = [headline, *([""] if rng.random() < 0.5 else [])]
    if rng.random() < 0.5:
        right = max(map(width, block)) - 2
        below = [*([""] if rng.random() < 0.5 else []), " " * right + "A3"]
    return "\n".join(above + block + below) + "\n", "\n".join(above + read + below) + "\n"


column_layout_page = st.integers(0, 2**32 - 1).map(lambda seed: make_column_page(_random(seed)))


# ---- CJK columns joined line by line with one space, as pdfplumber's text prints them ----
# pdfplumber's ``extract_text`` puts the glyphs of one baseline on one line, one space where
# two glyphs stand apart: a newspaper's columns on one baseline grid come out as each row's
# column lines joined by a space. Indents are lost (no space starts a line; the indent of an
# inner column widens a gap that is written as one space anyway).


def join_rows(columns: list[list[str]]) -> list[str]:
    """Each row's column lines joined with one space; a column with no line there is skipped."""
    rows = max(map(len, columns))
    return [
        " ".join(column[row] for column in columns if row < len(column) and column[row])
        for row in range(rows)
    ]


def make_spaced_column_page(rng) -> tuple[str, str]:
    """A page of 2–4 balanced CJK (or mixed) prose columns joined row by row with one space,
    maybe under a headline and over a page number; and the page with its columns read one
    after another (a blank line between two columns)."""
    from tests import layouts

    script = rng.choice(["cjk", "mixed"])
    compress = rng.choice((0.0, 0.1))
    columns = _prose_columns(
        rng, script, rng.randint(2, 4), rng.randint(6, 16), "", compress_punct=compress
    )
    read = "\n\n".join("\n".join(column) for column in columns).split("\n")
    above = [layouts._han(rng, 20, 30)] if rng.random() < 0.5 else []
    below = ["A3"] if rng.random() < 0.5 else []
    return "\n".join(above + join_rows(columns) + below) + "\n", "\n".join(
        above + read + below
    ) + "\n"


spaced_column_page = st.integers(0, 2**32 - 1).map(
    lambda seed: make_spaced_column_page(_random(seed))
)


def _random(seed: int):
    import random

    return random.Random(seed)


@st.composite
def text_table(draw: st.DrawFn) -> str:
    """A plain-text table: rows of short cells (words, names, figures) in aligned columns."""
    import random

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    count = draw(st.integers(2, 5))
    kinds = [rng.choice(["word", "han", "number", "phrase"]) for _ in range(count)]

    def cell(kind: str) -> str:
        if kind == "word":
            return rng.choice(LATIN_WORDS).capitalize()
        if kind == "han":
            return "".join(rng.choice(COMMON_HAN) for _ in range(rng.randint(2, 6)))
        if kind == "number":
            return f"{rng.uniform(0, 10 ** rng.randint(1, 6)):,.{rng.randint(0, 2)}f}"
        return " ".join(rng.choice(LATIN_WORDS) for _ in range(rng.randint(1, 4)))

    table = [[cell(kind) for kind in kinds] for _ in range(draw(st.integers(4, 20)))]
    columns = [list(column) for column in zip(*table, strict=True)]
    return "\n".join(lay_side_by_side(columns, [rng.randint(2, 5)] * count, len)) + "\n"


# ---- page furniture as a block at each page start (PyMuPDF) ----
# PyMuPDF draws each page's furniture first and writes no page break: every page
# of its output opens with the head, the date, the editor line and the page label
# (``A1``, ``A2``; ``Page 1``), directly followed by the body. pdfminer.six writes
# the same block with a blank line after each line, pdftotext with a form feed
# before each page after the first.

_HEAD_BLOCKS = (
    ("{paper}日报·要闻", "{date}", "责任编辑 {editor}  美术编辑 {editor}"),
    ("{paper}晚报", "{date}"),
    ("{paper}日报·{section}",),
)
_LATIN_HEAD_BLOCKS = (
    ("THE {paper} COURIER · News", "Friday, {date}", "Editor: Anna Reed"),
    ("The {paper} Review", "{date}"),
    ("{paper} Quarterly",),
)
_COUNTERS = ("A{page}", "B{page}", "{page}", "第{page}版", "Page {page}")


@st.composite
def head_block_pages(draw: st.DrawFn, extractor: str | None = None):
    """Pages that each open with a furniture block ending in a page counter, some
    holding bare numbers among their lines.

    Returns ``(PagedText, blocks, block_rows)``: ``blocks`` are the body blocks and
    ``block_rows`` the furniture lines per page. Pages hold a similar number of
    lines (a typeset page is full); the last page may be short.
    """
    import random

    from tests.layouts import Layout, PagedText, extract, random_document
    from tests.layouts import random_layout as make_layout

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = draw(st.booleans())
    extractor = extractor or draw(st.sampled_from(["pymupdf", "pdfminer", "pdftotext"]))
    blocks = [block for _ in range(3) for block in random_document(rng, latin)]
    layout = Layout(
        **{
            **make_layout(rng, latin).__dict__,
            "column_height": 10**6,  # pages are cut below
            "extractor": "pymupdf" if extractor == "pymupdf" else "pdfminer",
            "stray_glyph_rate": 0.0,
            "paragraph_blank_rate": 0.0,
        }
    )
    lines = extract(blocks, layout, rng).split("\n")[:-1]
    head = draw(st.sampled_from(_LATIN_HEAD_BLOCKS if latin else _HEAD_BLOCKS))
    counter = draw(st.sampled_from(_COUNTERS))
    first_page = draw(st.integers(1, 20))
    date = f"March {rng.randint(1, 28)}, 2025" if latin else "2025年2月21日 星期五"
    values = {"paper": "锡城", "editor": "王明", "section": "要闻", "date": date}
    if latin:
        values["paper"] = draw(st.sampled_from(["DAILY", "CITY", "RIVER"]))
    page_lines = draw(st.integers(12, 40))
    pages: list[list[str]] = [[]]
    filled, limit = 0, page_lines
    for line in lines:
        if line and filled >= limit:
            # A page holds page_lines content lines, give or take a headline.
            pages.append([])
            filled, limit = 0, page_lines + rng.randint(-2, 2)
        pages[-1].append(line)
        filled += bool(line)
    # A table's figures on lines of their own, inside some pages: of a bare page
    # counter's shape, they are no furniture.
    # Away from the page's edges: a bare number there, page after page, is a page number.
    from textfix.rules.remove_page_furniture import ZONE_LINES

    if draw(st.booleans()):
        for body in pages:
            content = [n for n, line in enumerate(body) if line]
            if len(content) > 4 * ZONE_LINES and rng.random() < 0.5:
                at = content[rng.randint(2 * ZONE_LINES, len(content) - 2 * ZONE_LINES)]
                # A table's column: figures a page holds one of are the page's number.
                body[at:at] = [str(rng.randint(1, 99)) for _ in range(rng.randint(2, 4))]
    out: list[str] = []
    spans: list[int] = []
    for number, body in enumerate(pages):
        rows = [row.format(**values) for row in head]
        rows.append(counter.format(page=first_page + number))
        for index, row in enumerate(rows):
            if extractor == "pdftotext" and number and index == 0:
                row = "\f" + row
            spans.append(len(out))
            out.append(row)
            if extractor != "pymupdf":
                out.append("")
        out.extend(body)
    return PagedText.from_lines(out, spans, len(pages)), blocks, len(head) + 1


_SECTION_COUNTERS = ("第{n}题", "Question {n}", "第{n}节")
_SECTION_COMPANIONS = ("请选择：", "Answer:", "要点")


@st.composite
def numbered_sections_document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Clean text whose sections open with a numbered heading and a fixed line.

    A counter with a companion, like a page's furniture, but inside the text: an
    introduction and a closing part of several paragraphs surround the sections,
    as no page's head or foot is surrounded. Returns the text and its lines, all
    of which must survive.
    """
    import random

    from tests.layouts import cjk_paragraph as natural_paragraph

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    counter = draw(st.sampled_from(_SECTION_COUNTERS))
    companion = draw(st.sampled_from(_SECTION_COMPANIONS))
    lines = [natural_paragraph(rng) for _ in range(draw(st.integers(6, 9)))]
    first = draw(st.integers(1, 5))
    for n in range(first, first + draw(st.integers(2, 6))):
        lines += [counter.format(n=n), companion]
        lines += [natural_paragraph(rng) for _ in range(draw(st.integers(6, 20)))]
    lines += [natural_paragraph(rng) for _ in range(draw(st.integers(6, 9)))]
    return "\n".join(lines) + "\n", lines


# ---- repeated bylines ----
# One reporter signs several articles of an edition: the same byline line stands under
# a headline on several pages, set apart from the text like a foot but content.
BYLINES = ("By Anna Reed", "From our correspondent", "本报记者 王明", "通讯员 李华")


def pdftotext_layout(rng, latin: bool, heights: tuple[int, int], **settings):  # -> Layout
    """A random layout of ``heights`` rows a column as pdftotext reads it: no stray
    glyphs, no blank lines between paragraphs; ``settings`` override the rest."""
    from tests.layouts import Layout, random_layout

    layout = random_layout(rng, latin)
    return Layout(
        **{
            **layout.__dict__,
            "column_height": rng.randint(*heights),
            "extractor": "pdftotext",
            "stray_glyph_rate": 0.0,
            "paragraph_blank_rate": 0.0,
            **settings,
        }
    )


@st.composite
def bylined_pages(draw: st.DrawFn):  # -> (PagedText, byline)
    """Pages (pdftotext form feeds, furniture) of articles all signed by one byline."""
    import random

    from tests.layouts import Block, extract_pages, random_furniture
    from tests.layouts import cjk_paragraph as cjk_body
    from tests.layouts import latin_paragraph as latin_body

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    latin = draw(st.booleans())
    byline = draw(st.sampled_from(BYLINES[:2] if latin else BYLINES[2:]))
    blocks = []
    for _ in range(rng.randint(3, 6)):
        words = rng.choices(("City", "River", "Council", "Plan", "New", "Budget"), k=6)
        headline = " ".join(words) if latin else "".join(rng.choices(COMMON_HAN, k=14))
        blocks += [Block(headline, True), Block(byline, True)]
        blocks += [
            Block(latin_body(rng) if latin else cjk_body(rng)) for _ in range(rng.randint(1, 3))
        ]
    layout = pdftotext_layout(rng, latin, (6, 20))
    return extract_pages(blocks, layout, random_furniture(rng, latin), rng), byline


# ---- standalone bylines as OCR reads them ----
# A byline or photo credit printed on a line of its own (``（本报记者 王明）``, ``（张伟 摄）``)
# sits between line edges, not beside Han: Tesseract reads its brackets half-width and
# puts a space inside each of them (``(本报记者 王明 )``).

_REPORTERS = ("本报记者", "记者", "通讯员", "本报通讯员")


@st.composite
def byline(draw: st.DrawFn) -> str:
    """A clean byline or credit: ``（本报记者 王明）``, ``（张伟 摄）``."""
    name = draw(st.text(han_char, min_size=2, max_size=3))
    if draw(st.booleans()):
        return "（" + name + " 摄）"
    roles = draw(st.lists(st.sampled_from(_REPORTERS), min_size=1, max_size=2))
    names = [draw(st.text(han_char, min_size=2, max_size=3)) for _ in roles]
    return "（" + " ".join(f"{role} {who}" for role, who in zip(roles, names, strict=True)) + "）"


@st.composite
def byline_document(draw: st.DrawFn) -> str:
    """Clean CJK paragraphs with bylines on lines of their own, one paragraph per line."""
    lines = draw(st.lists(cjk_paragraph(), min_size=1, max_size=3))
    for _ in range(draw(st.integers(1, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(byline()))
    return "\n".join(lines) + "\n"


@st.composite
def ocr_read_bylines(draw: st.DrawFn, document: str) -> str:
    """Every standalone byline with half-width brackets, maybe a space inside each."""
    lines = []
    for line in document.split("\n"):
        if line.startswith("（") and line.endswith("）"):
            opening = "(" + " " * draw(st.integers(0, 1))
            line = opening + line[1:-1] + " " * draw(st.integers(0, 1)) + ")"
        lines.append(line)
    return "\n".join(lines)


def only(rule_id: str):
    """The ``Config`` that runs ``rule_id`` alone (enabled, if it is off by default)."""
    import textfix

    others = [rule.id for rule in textfix.rules() if rule.id != rule_id]
    return textfix.Config(enable=[rule_id], disable=others)


def repaired_share(make_page, config, pages: int) -> float:
    """Share of the pages ``make_page(random.Random(seed))`` makes for seeds below ``pages``
    (each a text and its repair) that ``textfix.fix`` with ``config`` repairs exactly."""
    import random

    import textfix

    made = [make_page(random.Random(seed)) for seed in range(pages)]
    return sum(textfix.fix(text, config) == repaired for text, repaired in made) / pages


def repair_is_sound(text: str, config) -> bool:
    """Every edit ``textfix.explain`` reports with ``config`` points at its text in the
    input, and the repair is a fixed point of the same repair."""
    import textfix

    repair = textfix.explain(text, config)
    points = all(text[edit.start : edit.end] == edit.before for edit in repair.edits)
    return points and textfix.fix(repair.text, config) == repair.text


# Four times the input may take at most this many times the work (4 for linear time,
# with room for the per-call constant of the smaller input).
MAX_WORK_GROWTH = 4.5


def work_grows_linearly(config, unit: str) -> bool:
    """True when ``textfix.fix`` with ``config`` does at most ``MAX_WORK_GROWTH`` times
    the work on four times as many copies of ``unit``."""
    import textfix

    def repair(text: str) -> str:
        return textfix.fix(text, config)

    repair(unit)  # tables built on first use are no part of the work
    return call_count(repair, unit * 800) <= MAX_WORK_GROWTH * call_count(repair, unit * 200)


def call_count(function, *args) -> int:
    """Python and C function calls ``function(*args)`` makes: work, counted exactly
    (wall time on a loaded machine is not)."""
    import sys

    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += event in ("call", "c_call")

    sys.setprofile(count)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return calls


# ---- one bracket read as two glyphs ----
# Tesseract now and then reads one wide ``（`` as two narrow glyphs, a look-alike and a
# round bracket (``深度求索 〈( DeepSeek )``, ``需求。 (〈 陈菁菁 )``), either way round.

_READ_TWICE = {
    "（": ("〈（", "（〈", "（ 〈", "〔（"),
    "）": ("）〉", "〉）", "〉 ）", "）〕"),
}


@st.composite
def ocr_read_twice_brackets(draw: st.DrawFn, document: str) -> str:
    """One bracket of a byline read as a look-alike glyph and a round one. (Two such
    readings, an opening one and a closing one a wrap later, would make a pair of
    their own: ``〈（…）`` + ``（…）〉``.)"""
    bylines = list(regex.finditer("（[^（）\n]*）", document))
    if not bylines:
        return document
    byline = draw(st.sampled_from(bylines))
    position = draw(st.sampled_from([byline.start(), byline.end() - 1]))
    glyphs = draw(st.sampled_from(_READ_TWICE[document[position]]))
    return document[:position] + glyphs + document[position + 1 :]


@st.composite
def interval_document(draw: st.DrawFn) -> str:
    """Clean CJK prose with function calls ``f(x)`` and half-open intervals ``[0, 1)``."""
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        low = draw(st.integers(0, 50))
        high = low + draw(st.integers(1, 50))
        interval = draw(st.sampled_from([f"[{low}, {high})", f"({low}, {high}]"]))
        call = draw(st.sampled_from(["f(x)", "g(t)", "h(n)"]))
        lines.append(draw(han_word) + call + "在区间" + interval + "上" + draw(cjk_sentence()))
    return "\n".join(lines) + "\n"


# ---- OCR gaps inside quotes ----
# A quoted term that ends or starts with a symbol, a digit or a Latin word (``“人工智能+”``,
# ``“+AI”``): Tesseract sets a word gap between the symbol and the quote.

QUOTED_TERM_EDGES = ("+", "AI", "5G", "2.0", "%")


@st.composite
def quoted_term_paragraph(draw: st.DrawFn) -> str:
    """CJK prose with a quoted term that begins or ends with a non-Han character."""
    text = draw(cjk_paragraph())
    edge = draw(st.sampled_from(QUOTED_TERM_EDGES))
    word = draw(han_word)
    term = "“" + (word + edge if draw(st.booleans()) else edge + word) + "”"
    hans = [i for i, char in enumerate(text) if _is_han(char)]
    cut = draw(st.sampled_from(hans)) + 1 if hans else 0
    return text[:cut] + term + text[cut:]


def ocr_gapped_quotes(line: str) -> str:
    """A space just inside every curly quote whose outside is Han or CJK punctuation."""
    out = []
    for index, char in enumerate(line):
        before, after = line[index - 1 : index], line[index + 1 : index + 2]
        if char == "”" and before not in ("", " ", "“") and (_is_han(after) or after in "，。、；"):
            out.append(" ")
        out.append(char)
        if char == "“" and _is_han(before) and after not in ("", " ", "”"):
            out.append(" ")
    return "".join(out)


# Column widths (Han characters) of the articles on a page set in several column
# counts: a broadsheet page cut into 2, 3 or 4 columns gives ~25, ~16 and ~12 Han;
# two column counts of one page differ by three characters or more.
_ARTICLE_COLUMN_HANS = range(10, 31, 4)


def several_widths_page(seed: int, widths: int) -> tuple[str, list]:  # -> (text, blocks)
    """A page whose articles are set in ``widths`` column widths, as one extractor emits it.

    Each turn sets a few articles (headlines, bylines, body paragraphs:
    ``random_document``) in the width of its column count, the widths taking turns
    (a 3/4/2-column page): one text holds wrapped lines of several widths, and the
    column that explains most breaks is only one of them. Returns the extracted
    text and the blocks of the clean document.
    """
    import random

    from tests.layouts import Layout, extract, random_document, random_layout

    rng = random.Random(seed)
    layout = random_layout(rng, latin=False)
    hans = [han + rng.randint(0, 1) for han in rng.sample(_ARTICLE_COLUMN_HANS, widths)]
    pieces, blocks = [], []
    for turn in range(rng.randint(widths, 2 * widths)):
        articles = random_document(rng, latin=False)
        column = 2 * hans[turn % widths]
        pieces.append(extract(articles, Layout(**{**layout.__dict__, "column": column}), rng))
        blocks += articles
    return "".join(pieces), blocks


@st.composite
def several_widths_pages(draw: st.DrawFn) -> tuple[str, list]:  # -> (text, blocks)
    """``several_widths_page`` with two or three widths."""
    return several_widths_page(draw(st.integers(0, 2**32 - 1)), draw(st.integers(2, 3)))


# ---- lists of chained entries, and pdfminer.six's shuffled text boxes ----

# Separators of list entries (routes, ranges, pairs): each holds a mark.
ENTRY_SEPARATORS = ("—", "——", "–", "-", "~", "～", "→", "、", "/", " – ", " - ", " → ")


@st.composite
def chained_list(draw: st.DrawFn) -> str:
    """Lines that are each one entry of a list, consecutive entries sharing an item:
    ``北京—上海`` / ``上海—广州`` / ``广州—深圳``, ``Paris – Lyon`` / ``Lyon – Nice`` / …;
    set apart by blank lines now and then, as pdfminer.six puts out a list of text boxes."""
    latin = draw(st.booleans())
    item = (
        st.sampled_from(LATIN_WORDS).map(str.capitalize)
        if latin
        else st.text(alphabet=han_char, min_size=2, max_size=4)
    )
    items = draw(st.lists(item, min_size=4, max_size=8, unique=True))
    separator = draw(st.sampled_from(ENTRY_SEPARATORS))
    between = draw(st.sampled_from(["\n", "\n\n"]))
    return between.join(f"{a}{separator}{b}" for a, b in zip(items, items[1:], strict=False))


def box_pieces(runs: list[str], cut: list[bool]) -> list[str]:
    """The lines pdfminer.six finds on a fake-bold line: every run doubled in place, the
    line cut between the copies of each cut run (see ``double_in_boxes``)."""
    return double_in_boxes(runs, cut).split("\n\n")


@st.composite
def shuffled_boxes(draw: st.DrawFn, pieces: list[str]) -> str:
    """``pieces`` grouped into text boxes as pdfminer.six groups them: consecutive pieces
    share a box now and then, the lines of one baseline in a box and the boxes keep no
    order. Boxes are set apart by a blank line."""
    boxes: list[list[str]] = []
    for piece in pieces:
        if boxes and draw(st.booleans()):
            boxes[-1].append(piece)
        else:
            boxes.append([piece])
    shuffled = [draw(st.permutations(box)) for box in draw(st.permutations(boxes))]
    return "\n\n".join("\n".join(box) for box in shuffled)


# ---- fake-bold tail set apart (pdftotext) ----


def overprint_tail(sentence: str, indent: int = 0) -> str:
    """``… refer to.`` as pdftotext reads it painted twice: ``… refer to`` / ``to..``;
    with -layout, the tail after ``indent`` spaces (its place on the page)."""
    body, mark = sentence[:-1], sentence[-1]
    word = body.rsplit(" ", 1)[-1]
    return f"{body}\n{' ' * indent}{word}{mark}{mark}"


# ---- Latin manuals: meta-variables in angle brackets ----


@st.composite
def latin_with_meta_variables(draw: st.DrawFn) -> str:
    """A Latin sentence with some words set as meta-variables, ``the 〈key〉 = 〈value〉``:
    the technical angle brackets U+2329/U+232A or their canonical forms 〈〉."""
    words = draw(st.lists(st.sampled_from(LATIN_WORDS), min_size=3, max_size=12))
    opening, closing = draw(st.sampled_from(["〈〉", "\u2329\u232a"]))
    marked = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    words = [opening + w + closing if m else w for w, m in zip(words, marked, strict=True)]
    return " ".join(words) + "."


# ---- a running head read in column order (Tesseract) ----


def _inside_paragraph(lines: list[str], offset: int) -> list[int]:
    """Where, among ``lines`` (numbered from ``offset``), a full line ends mid-sentence
    under another such line and above a line of text: inside a wrapped paragraph."""
    from collections import Counter

    from textfix.chars import CLOSERS, SENTENCE_FINAL, display_width

    widths = [display_width(line) for line in lines]
    common = Counter(width for width in widths if width).most_common(1)
    if not common:
        return []
    column = common[0][0]

    def runs_on(n: int) -> bool:
        last = lines[n][-1:]
        return widths[n] == column and last not in SENTENCE_FINAL and last not in CLOSERS

    return [
        offset + n
        for n in range(2, len(lines) - 1)
        if runs_on(n - 1) and runs_on(n) and lines[n + 1].strip()
    ]


@st.composite
def head_read_in_column_order(draw: st.DrawFn) -> tuple[str, str, str]:
    """CJK pages (form feeds, furniture) whose running head, on one page, is read where
    Tesseract reads a head printed above a later column: inside the page, as a block of
    its own between two full lines of a wrapped paragraph.

    Returns the text with the head moved, the text with it in place, and the head.
    """
    import random
    from dataclasses import replace

    from tests.layouts import extract_pages, random_document, random_furniture

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    layout = pdftotext_layout(rng, False, (8, 20))
    furniture = random_furniture(rng, False)
    # One issue: every page prints the same head (no page number in it).
    furniture = replace(
        furniture, head=furniture.head.replace("第{page}版", "要闻"), dates=furniture.dates[:1]
    )
    head = furniture.head.format(date=furniture.dates[0])
    blocks = random_document(rng, False)
    places: list[tuple[int, int]] = []
    while not places:  # three pages at least, one with a wrapped paragraph to read the head into
        blocks += random_document(rng, False)
        paged = extract_pages(blocks, layout, furniture, rng)
        lines = paged.text.split("\n")
        tops = [n for n, line in enumerate(lines) if line.lstrip("\f") == head]
        if len(tops) < 3:
            continue
        places = [
            (top, n)
            for top, end in zip(tops, [*tops[1:], len(lines)], strict=True)
            for n in _inside_paragraph(lines[top + 1 : end], top + 1)
        ]
    top, place = draw(st.sampled_from(places))
    moved = lines[: place + 1] + ["", head, ""] + lines[place + 1 :]
    # The head leaves the top of its page with the blank line after it; a form feed stays.
    feed = "\f" if lines[top].startswith("\f") else ""
    moved[top : top + 3] = [feed + moved[top + 2]]
    return "\n".join(moved), paged.text, head


# ---- a foot read with the column above it (pdftotext) ----

FOOTS = ("Editor: Ann Lee", "Designed by Tom Hall", "The River Review · Opinion")
_HYPHENATED_END = regex.compile(r"[a-z]-$")
_SENTENCE_END = regex.compile(r"[.?!]$")


def dehyphenated(lines: list[str]) -> list[str]:
    """A column as pdftotext reads it: a line that ends in a hyphenated word is joined
    to the next, the hyphen dropped (so some lines come out wider than the column)."""
    out: list[str] = []
    for line in lines:
        if out and _HYPHENATED_END.search(out[-1]):
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
    return out


@st.composite
def feet_read_with_columns(draw: st.DrawFn):  # -> (text, blocks, foot, inside)
    """Latin pages of two columns as pdftotext reads a foot printed under the first.

    On every other page the foot is read with the first column where that column
    stops mid-sentence in running text: after its last line, or, where that line
    ends in a hyphenated word, glued to the word's head, the hyphen dropped and the
    word's tail opening the next column. Elsewhere it closes the page. Every page
    has a running head and a page number, and starts with a form feed. ``inside``
    counts the feet read with a column."""
    import random

    from tests.layouts import random_document, set_in_columns

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    blocks = [block for _ in range(3) for block in random_document(rng, True)]
    layout = pdftotext_layout(
        rng, True, (5, 10), hyphenate=True, early_break_rate=0.0, stray_space_rate=0.0
    )
    foot = draw(st.sampled_from(FOOTS))
    headlines = {block.text for block in blocks if block.standalone}
    columns = set_in_columns(blocks, layout, rng)
    pages, inside = [], 0
    for number, start in enumerate(range(0, len(columns), 2), 1):
        first, rest = dehyphenated(columns[start]), columns[start + 1 : start + 2]
        tail = first[-2:]
        running = len(tail) == 2 and all(tail) and not headlines.intersection(tail) and rest
        bottom = ["", foot]
        if number % 2 == 0 and running and not any(map(_SENTENCE_END.search, tail)):
            inside += 1
            bottom = []
            if _HYPHENATED_END.search(first[-1]):
                first[-1] = first[-1][:-1] + foot
            else:
                first.append(foot)
        body = "\n\n".join("\n".join(column) for column in [first, *map(dehyphenated, rest)])
        pages.append("\n".join(["THE RIVER POST", "", body, *bottom, "", f"Page {number}"]) + "\n")
    return "\f".join(pages), blocks, foot, inside


# ---- repetitive text: squares end at every position ----


@st.composite
def repetitive_text(draw: st.DrawFn) -> str:
    """A short unit said over and over (``月月月…``, ``哈哈哈哈，…``, ``ab ab …``), now and
    then something else put in: text where squares end everywhere and the covering of
    the text by squares repeats with it."""
    alphabet = "月日哈 a，1"
    text = draw(st.text(alphabet=alphabet, min_size=1, max_size=6)) * draw(st.integers(1, 300))
    for _ in range(draw(st.integers(0, 3))):
        cut = draw(st.integers(0, len(text)))
        other = draw(st.text(alphabet=alphabet + "谢", min_size=1, max_size=8))
        text = text[:cut] + other + text[cut:]
    return text


# Words the Taiwan phrase conversions lengthen, shorten or keep the length of (内存 ->
# 記憶體, 泡麵 -> 方便面, 软件 -> 軟體), for the conversion named by each key.
PHRASE_WORDS = {
    "s2twp": ("内存", "U盘", "博客", "方便面", "软件", "信息"),
    "tw2sp": ("記憶體", "隨身碟", "部落格", "泡麵", "網際網路", "軟體", "資訊"),
}
# Filler that no conversion touches and no dictionary word holds (lower-case Latin, digits),
# with the spaces and punctuation that separate stretches.
_PHRASE_FILLER = "abxyz019 ，"


@st.composite
def phrase_converted_lines(draw: st.DrawFn) -> tuple[str, str, list[bool]]:
    """``(conversion, text, in_word)``: lines mixing words of ``PHRASE_WORDS`` with filler,
    and for each character whether it belongs to a word (filler must never be edited)."""
    conversion = draw(st.sampled_from(sorted(PHRASE_WORDS)))
    words = st.sampled_from(PHRASE_WORDS[conversion])
    filler = st.text(alphabet=_PHRASE_FILLER, min_size=1, max_size=4)
    text, in_word = "", []
    for line in range(draw(st.integers(1, 5))):
        if line:
            text += "\n"
            in_word.append(False)
        for _ in range(draw(st.integers(1, 5))):
            is_word = draw(st.booleans())
            token = draw(words if is_word else filler)
            text += token
            in_word.extend([is_word] * len(token))
    return conversion, text, in_word


# ---- a CJK term glossed in a Latin sentence ----
# English text about China names a term in Han and glosses it in brackets, or quotes it:
# ``The term 人工智能 (AI) is common.``, ``mimi means “秘密” (secret) here.``


@st.composite
def latin_sentence_with_cjk_term(draw: st.DrawFn) -> str:
    """A Latin sentence with a Han term of up to ``TERM_MAX_LETTERS`` letters, maybe
    quoted, after a lowercase word and a space, followed by a bracketed Latin gloss and
    more words; the Latin before the term prints over twice as wide as the term."""
    from textfix.cjk_terms import TERM_MAX_LETTERS

    words = st.lists(st.sampled_from(LATIN_WORDS), min_size=1, max_size=5)
    term = draw(st.text(alphabet=han_char, min_size=1, max_size=TERM_MAX_LETTERS))
    before = draw(words) + [draw(st.sampled_from(LATIN_WORDS))]
    while sum(map(len, before)) <= 4 * len(term):
        before.insert(0, draw(st.sampled_from(LONG_LATIN_WORDS)))
    if draw(st.booleans()):
        term = f"“{term}”"
    gloss = " ".join(draw(words))
    ending = draw(st.sampled_from([f" {' '.join(draw(words))}.", ".", ""]))
    return f"{' '.join(before).capitalize()} {term} ({gloss}){ending}"


LONG_LATIN_WORDS = [word for word in LATIN_WORDS if len(word) >= 10]


@st.composite
def change_lists(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str, str]]]:
    """``(text, changes)``: a short text and changes to it as ``Change`` fields, most of
    them in order and in bounds (some writing what they replace), some not."""
    text = draw(st.text(alphabet="ab\n中 ", max_size=12))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    if draw(st.booleans()):  # bounds anywhere: out of order, overlapping, out of bounds
        cuts = draw(st.lists(st.integers(-1, len(text) + 1), max_size=8))
    changes = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        same = draw(st.booleans()) and 0 <= start <= end <= len(text)
        after = text[start:end] if same else draw(st.text(alphabet="xy\n", max_size=3))
        changes.append((start, end, after, draw(st.sampled_from(["", "why"]))))
    return text, changes


# ---- reports and manuals: wrapped paragraphs among unwrapped material ----

# Printed widths, in cells (half an em of the CJK font), of the glyphs of a
# proportional Latin font set beside it: spaces and points narrow, capitals wide,
# lower case a little under half an em. The cell model counts each as one.
_PROPORTIONAL_CELLS = {" ": 0.6, ",": 0.55, ".": 0.55, "-": 0.65}
_UPPER_CELLS, _LOWER_CELLS = 1.35, 0.95
# Latin terms of a Chinese manual, set without spaces beside Han characters.
REPORT_TERMS = ("TeX Live", "Windows", "GitHub", "xelatex", "cmd", "macOS", "CTAN", "Overleaf")
_CODE_WORDS = ("tlmgr", "install", "update", "--all", "export", "PATH=/usr/local/bin:$PATH", "-e")


def _printed_cells(token: str) -> float:
    from textfix.chars import is_unspaced

    total = 0.0
    for char in token:
        if is_unspaced(char):
            total += 2
        elif char in _PROPORTIONAL_CELLS:
            total += _PROPORTIONAL_CELLS[char]
        else:
            total += _UPPER_CELLS if char.isupper() else _LOWER_CELLS
    return total


def _report_paragraph(rng) -> str:
    """One long sentence of Han clauses with Latin terms (no sentence ends inside)."""
    clauses = []
    for _ in range(rng.randint(10, 30)):
        clause = "".join(rng.choice(COMMON_HAN) for _ in range(rng.randint(3, 10)))
        if rng.random() < 0.4:
            cut = rng.randint(1, len(clause) - 1)
            clause = clause[:cut] + rng.choice(REPORT_TERMS) + clause[cut:]
        clauses.append(clause)
    marks = [rng.choice("，，，、") for _ in clauses[1:]]
    return clauses[0] + "".join(m + c for m, c in zip(marks, clauses[1:], strict=True)) + "。"


def set_proportionally(paragraph: str, column: int, indent: int) -> list[str]:
    """``paragraph`` set into lines of ``column`` printed cells, greedily (the first
    line ``indent`` cells in): a Han character with the marks after it, or a Latin
    word, moves whole to the next line when it does not fit."""
    from textfix.chars import NO_LINE_START, is_unspaced

    units = regex.findall(r"[^\s\p{Han}，、。]+|\p{Han}[，、。]*|\s|[，、。]", paragraph)
    lines, line, used = [], "", float(indent)
    for unit in units:
        width = _printed_cells(unit)
        if line and used + width > column and unit[0] not in NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0.0
        if line or not unit.isspace():
            line += unit
            used += width
    lines.append(line.rstrip())
    assert all(is_unspaced(text[:1]) or text[:1].isalnum() for text in lines)
    return lines


def _report_material(rng, column: int) -> list[str]:
    """Lines of a report that no typesetter wrapped: a heading, table of contents
    entries with leader dots, a code listing, a table's rows or a page number."""
    kind = rng.choice(("heading", "contents", "code", "table", "page"))
    han = "".join(rng.choice(COMMON_HAN) for _ in range(rng.randint(2, 8)))
    if kind == "heading":
        return [f"{rng.randint(1, 9)}.{rng.randint(1, 9)} {han}"]
    if kind == "contents":
        lines = []
        for number in range(rng.randint(5, 15)):
            entry = f"{number + 1}.{rng.randint(1, 9)} {rng.choice(REPORT_TERMS)} {han}"
            leader = " ." * max((column - len(entry) - 4) // 2, 1)
            if rng.random() < 0.5:
                lines.append(f"{entry}{leader} {rng.randint(1, 99)}")
            else:  # the page number read as a line of its own
                lines += [f"{entry}{leader}", str(rng.randint(1, 99))]
        return lines
    if kind == "code":
        # Listing lines a third of the text column at most: a line of code that nearly
        # fills the column, ending in a word, before a line whose first word would not
        # have fitted after it, cannot be told from a wrapped one.
        lines = []
        for _ in range(rng.randint(2, 6)):
            words = [rng.choice(_CODE_WORDS) for _ in range(rng.randint(1, 4))]
            while len(words) > 1 and len(" ".join(words)) > column // 3:
                words.pop()
            lines.append(" ".join(words))
        return lines
    if kind == "table":
        return [
            "  ".join(rng.choice(REPORT_TERMS) + rng.choice(COMMON_HAN) for _ in range(3))
            for _ in range(rng.randint(2, 5))
        ]
    return [str(rng.randint(1, 300))]


@st.composite
def report_page(draw: st.DrawFn) -> tuple[str, str]:
    """``(raw, clean)``: a report or manual page as pdftotext reads it: paragraphs of
    mixed Han and proportional Latin text wrapped at one column (their two-em indent
    lost), among headings, table of contents entries, code, tables and page numbers
    that outnumber them; and the same page with each paragraph on one line."""
    import random

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    column = rng.randint(60, 100)
    raw: list[str] = []
    clean: list[str] = []
    for _ in range(rng.randint(3, 6)):
        for _ in range(rng.randint(3, 6)):
            material = _report_material(rng, column)
            raw += material
            clean += material
        for _ in range(rng.randint(1, 2) if rng.random() < 0.3 else 1):
            paragraph = _report_paragraph(rng)
            raw += set_proportionally(paragraph, column, indent=4)
            clean.append(paragraph)
        if rng.random() < 0.3:
            raw.append("")
            clean.append("")
    return "\n".join(raw) + "\n", "\n".join(clean) + "\n"


# ---- tables of contents ----
# A contents entry is a title, leader dots and its page number at the margin; the
# extractors read the right margin's numbers apart from their entries.

LEADER_STYLES = (". ", ".", "…", "·")


@st.composite
def contents_document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A contents (``title leaders page`` per line, pages ascending) between clean
    paragraphs: (text before the contents, entries without numbers, numbers, text after)."""
    count = draw(st.integers(2, 12))
    leader = draw(st.sampled_from(LEADER_STYLES))
    titles = draw(
        st.lists(
            st.one_of(cjk_clause(), st.sampled_from(LATIN_WORDS)), min_size=count, max_size=count
        )
    )
    steps = draw(st.lists(st.integers(0, 30), min_size=count, max_size=count))
    first = draw(st.integers(1, 20))
    pages = [str(first + sum(steps[: n + 1])) for n in range(count)]
    # Ellipsis and middle-dot leaders follow the title with no space (CJK punctuation).
    gap = "" if leader in "…·" else " "
    entries = [
        f"{n + 1} {title}{gap}" + (leader * draw(st.integers(4, 30))).rstrip()
        for n, title in enumerate(titles)
    ]
    before = draw(st.lists(paragraph, max_size=2))
    after = draw(st.lists(paragraph, max_size=2))
    return ("".join(p + "\n" for p in before), entries, pages, "".join(p + "\n" for p in after))


def contents_clean(parts: tuple[str, list[str], list[str], str]) -> str:
    before, entries, pages, after = parts
    return before + "".join(f"{e} {p}\n" for e, p in zip(entries, pages, strict=True)) + after


def contents_numbers_below(parts: tuple[str, list[str], list[str], str]) -> str:
    """PyMuPDF: each entry's number on the line after it."""
    before, entries, pages, after = parts
    return before + "".join(f"{e}\n{p}\n" for e, p in zip(entries, pages, strict=True)) + after


# What pdfminer.six may read between the entries and their numbers, and what of it
# stays when the numbers join their entries: the blank lines before the numbers go.
_BETWEEN_ENTRIES_AND_NUMBERS = (
    ("", ""),
    ("\n", ""),
    ("\n目录\n\n", "\n目录\n"),
    ("Contents\n\n", "Contents\n"),
)


@st.composite
def contents_numbers_as_column(
    draw: st.DrawFn, parts: tuple[str, list[str], list[str], str]
) -> tuple[str, str]:
    """pdftotext and pdfminer.six: the numbers in one block after the entries, after a
    blank line and, from pdfminer.six, maybe a heading. ``(damaged, repaired)``."""
    before, entries, pages, after = parts
    between, kept = draw(st.sampled_from(_BETWEEN_ENTRIES_AND_NUMBERS))
    listed = "".join(e + "\n" for e in entries)
    numbers = "".join(p + "\n" for p in pages)
    damaged = before + listed + between + numbers + after
    return damaged, contents_clean((before, entries, pages, kept + after))


def contents_layout_gap(parts: tuple[str, list[str], list[str], str], gaps: list[int]) -> str:
    """pdftotext -layout: each number on its entry's line, after the gap to the margin."""
    before, entries, pages, after = parts
    lines = (f"{e}{' ' * gap}{p}\n" for e, p, gap in zip(entries, pages, gaps, strict=False))
    return before + "".join(lines) + after


# ---- code listings among CJK prose ----

# Lines of a listing: commands with a prompt, options, paths or assignments, and the
# program's plain output (lowercase words, no code of their own).
_COMMANDS = ("tlmgr", "xelatex", "pip", "git", "make", "export", "cd")
_OPTIONS = ("--all", "-e", "--self", "-synctex=1", "--user", "-C")
_ARGUMENTS = ("main.tex", "/usr/local/bin", "PATH=/opt/bin:$PATH", "https://example.org/x")


def _listing_line(rng) -> str:
    if rng.random() < 0.5:
        words = [rng.choice(_COMMANDS), rng.choice(_OPTIONS + _ARGUMENTS)]
        words += [rng.choice(_OPTIONS + _ARGUMENTS) for _ in range(rng.randint(0, 2))]
        return ("$ " if rng.random() < 0.5 else "") + " ".join(words)
    return " ".join(rng.choice(LATIN_WORDS) for _ in range(rng.randint(1, 5)))


@st.composite
def listing_page(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """``(raw, clean, listing)``: a page of a Chinese manual as extracted: paragraphs
    wrapped at one column (their indent lost), with code listings between them; the
    same page one paragraph per line; and the listings' lines. Half a listing's
    lines at least are commands, and its lines are shorter than a third of the column."""
    import random

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    column = rng.randint(60, 100)
    raw: list[str] = []
    clean: list[str] = []
    listing: list[str] = []
    for _ in range(rng.randint(2, 4)):
        paragraph = _report_paragraph(rng)
        raw += set_proportionally(paragraph, column, indent=4)
        clean.append(paragraph)
        # A command, then its output and more commands: half the lines at least hold code.
        lines = []
        for _ in range(rng.randint(1, 3)):
            lines.append(f"$ {rng.choice(_COMMANDS)} {rng.choice(_OPTIONS)}")
            if rng.random() < 0.5:
                lines.append(_listing_line(rng))
        lines = [line[: column // 3].strip() for line in lines]
        raw += lines
        clean += lines
        listing += lines
    return "\n".join(raw) + "\n", "\n".join(clean) + "\n", listing


# ---- Latin columns joined by PyMuPDF's sorted text ----
# Justified Latin columns set side by side in a proportional face, then read the way
# ``get_text(sort=True)`` reads them: the words of one baseline across the page on one line,
# each distance to the word before turned into spaces (the distance over the mean width of
# a character of the word after, rounded; at least one between two words).


def _latin_face(rng) -> dict[str, float]:
    """Per-character widths of a face a little off ``estimated_width`` (each class of
    character wider or narrower by up to ``spread``), as real faces are."""
    from textfix.proportional_columns import estimated_width

    scale = {kind: rng.uniform(0.94, 1.06) for kind in ("narrow", "wide", "other")}

    def width(char: str) -> float:
        estimate = estimated_width(char)
        kind = "narrow" if estimate < 0.4 else "wide" if estimate > 0.6 else "other"
        return estimate * scale[kind]

    return {char: width(char) for char in map(chr, range(32, 127))}


def _justified_lines(
    text: str, measure: float, indent: float, face
) -> list[list[tuple[float, str]]]:
    """``text`` set in lines of ``measure`` ems: each line its words with their left edges
    in ems, every line but the last justified, the first indented."""
    space = face[" "]
    lines: list[list[str]] = [[]]
    used = indent
    words = text.split()
    while words:
        word = words.pop(0)
        width = sum(face[char] for char in word)
        room = measure - used - (space if lines[-1] else 0.0)
        if lines[-1] and width > room:
            # A long word is hyphenated where its head fits, as newspapers set it.
            head = next(
                (
                    cut
                    for cut in range(len(word) - 3, 2, -1)
                    if sum(face[char] for char in word[:cut]) + face["-"] <= room
                ),
                0,
            )
            if head and word[head - 1].isalpha() and word[head].isalpha():
                lines[-1].append(word[:head] + "-")
                words.insert(0, word[head:])
            else:
                words.insert(0, word)
            lines.append([])
            used = 0.0
            continue
        used += (space if lines[-1] else 0.0) + width
        lines[-1].append(word)
    placed = []
    for number, words in enumerate(lines):
        left = indent if number == 0 else 0.0
        widths = [sum(face[char] for char in word) for word in words]
        natural = sum(widths) + space * (len(words) - 1)
        last = number == len(lines) - 1
        gap = (
            space
            if last or len(words) < 2
            else space + (measure - left - natural) / (len(words) - 1)
        )
        row = []
        for word, width in zip(words, widths, strict=True):
            row.append((left, word))
            left += width + gap
        placed.append(row)
    return placed


def sorted_text_row(words: list[tuple[float, str]], face) -> str:
    """One baseline's words (left edges in ems) as PyMuPDF's sorted text writes them."""
    line, right = "", 0.0
    for left, word in sorted(words):
        unit = sum(face[char] for char in word) / len(word)
        spaces = max(round((left - right) / unit), 1 if line else 0)
        line += " " * spaces + word
        right = left + sum(face[char] for char in word)
    return line


def make_sorted_latin_page(
    rng, measures=(12.0, 20.0), gutters=(1.5, 3.0), heights=(6, 14), counts=(2, 4)
) -> tuple[str, str]:
    """``(page as PyMuPDF's sorted text reads it, its columns read in turn)``: ``counts``
    justified Latin columns of ``heights`` lines, ``measures`` ems wide, ``gutters`` ems
    apart."""
    from tests import layouts

    face = _latin_face(rng)
    count, rows = rng.randint(*counts), rng.randint(*heights)
    measure, gutter = rng.uniform(*measures), rng.uniform(*gutters)
    flow: list[list[tuple[float, str]]] = []
    while len(flow) < count * rows:
        flow += _justified_lines(layouts.latin_paragraph(rng), measure, 1.5, face)
    flow = flow[: count * rows - rng.randint(0, 2)]
    columns = [flow[k : k + rows] for k in range(0, len(flow), rows)]
    page = []
    for number in range(rows):
        words = [
            (left + column * (measure + gutter), word)
            for column, lines in enumerate(columns)
            if number < len(lines)
            for left, word in lines[number]
        ]
        page.append(sorted_text_row(words, face))
    in_turn = "\n\n".join(
        "\n".join(" ".join(word for _, word in line) for line in lines) for lines in columns
    )
    return "\n".join(page), in_turn


sorted_latin_page = st.integers(0, 2**32 - 1).map(
    lambda seed: make_sorted_latin_page(_random(seed))
)
sorted_latin_column = st.integers(0, 2**32 - 1).map(
    lambda seed: make_sorted_latin_page(_random(seed), counts=(1, 1), heights=(6, 40))[0]
)


# ---- a column's lower box read after the next column's upper box (pdfminer.six) ----
# pdfminer.six writes each paragraph (a box: an indent starts a new one) between blank
# lines; a paragraph cut by a column break is two boxes, and the column's bottom box may
# be read after the next column's top box.

# Lines of a wrapped column this full (of the widest) are taken as a column's bottom line.
_FULL_BOTTOM_SHARE = 0.8


@st.composite
def misordered_boxes(draw: st.DrawFn) -> tuple[str, str]:
    """(boxes in reading order, the same with a cut paragraph's two boxes swapped)."""
    width = draw(st.integers(24, 48))
    before = textwrap.fill(draw(latin_paragraph()), width)
    cut_lines = textwrap.wrap(
        " ".join(draw(st.lists(latin_sentence(), min_size=3, max_size=6))), width
    )
    widest = max(map(len, cut_lines))
    cuts = [
        index
        for index in range(2, len(cut_lines) - 1)
        if len(cut_lines[index - 1]) >= _FULL_BOTTOM_SHARE * widest
        and cut_lines[index][:1].islower()
        and not cut_lines[index - 1].endswith((".", "!", "?"))
    ]
    assume(cuts)
    cut = draw(st.sampled_from(cuts))
    bottom, top = "\n".join(cut_lines[:cut]), "\n".join(cut_lines[cut:])
    after = [textwrap.fill(p, width) for p in draw(st.lists(latin_paragraph(), max_size=2))]
    in_order = "\n\n".join([before, bottom, top, *after]) + "\n"
    return in_order, "\n\n".join([before, top, bottom, *after]) + "\n"


def hyphenated_lines(text: str, width: int) -> list[str]:
    """``text`` set in lines of ``width`` characters as a justified column is: a word
    that does not fit is hyphenated where two letters or more go on each side, so that
    every line but the last comes out (nearly) full."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while True:
            joined = f"{line} {word}" if line else word
            if len(joined) <= width:
                line = joined
                break
            room = width - len(line) - 2  # the space before the head and its hyphen
            if line and room >= 2 and len(word) - room >= 2 and word[:room].isalpha():
                lines.append(f"{line} {word[:room]}-")
                word = word[room:]
            elif line:
                lines.append(line)
            else:  # a word wider than the column stands alone
                line = word
                break
            line = ""
    return [*lines, line] if line else lines


@st.composite
def justified_piece_boxed_apart(draw: st.DrawFn) -> tuple[str, str]:
    """(boxes in order, the same where pdfminer.six cut a widely justified line after its
    first word and read the rest as a box of its own before the line's box)."""
    width = draw(st.integers(24, 48))
    before = textwrap.fill(draw(latin_paragraph()), width)
    lines = hyphenated_lines(
        " ".join(draw(st.lists(latin_sentence(), min_size=3, max_size=6))), width
    )
    cuttable = [k for k, line in enumerate(lines[:-1]) if " " in line]
    assume(cuttable)
    k = draw(st.sampled_from(cuttable))
    head, piece = lines[k].split(" ", 1)
    cut = [*lines[:k], head, *lines[k + 1 :]]
    in_order = f"{before}\n\n" + "\n".join(lines) + "\n"
    return in_order, f"{before}\n\n{piece}\n\n" + "\n".join(cut) + "\n"

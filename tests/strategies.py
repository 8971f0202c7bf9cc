"""Shared hypothesis generators: clean text of each script, and corruptors.

Clean text follows the conventions of ``corpus/README.md``: one paragraph per
line, full-width punctuation in CJK context, half-width in Latin context, no
layout whitespace. Corruptors (added per rule family below) damage clean text
the way the artifact arises, so a rule can be checked to invert its own damage.
"""

from __future__ import annotations

import regex
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

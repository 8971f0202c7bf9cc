"""Shared hypothesis generators: clean text of each script, and corruptors.

Clean text follows the conventions of ``corpus/README.md``: one paragraph per
line, full-width punctuation in CJK context, half-width in Latin context, no
layout whitespace. Corruptors (added per rule family below) damage clean text
the way the artifact arises, so a rule can be checked to invert its own damage.
"""

from __future__ import annotations

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


def staircase(runs: list[str], first: int) -> str:
    """pdftotext half-merging the copies: ``1月17`` / ``17日上午`` / ``日上午11`` / ``11时``.

    The first line holds runs ``0..first`` (``first`` >= 1); every later line repeats
    the last run of the line before and adds the next one.
    """
    lines = ["".join(runs[: first + 1])]
    lines += [runs[k - 1] + runs[k] for k in range(first + 1, len(runs))]
    return "\n".join(lines)


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

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

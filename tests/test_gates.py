"""The cheap gates and lazy lookups agree with the plain definitions they stand in for.

Rules skip most of a text with a scan that proves there is nothing to do there; each such
shortcut is checked here against the slow, obvious computation on text made of the
characters that matter to it.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Mapping
from unittest.mock import patch

import ftfy.badness
import regex
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from textfix import mojibake_gate, neighbours, protect, similarity
from textfix.chars import CJK_LETTER
from textfix.cjk_lines import CJK_ONLY_MARKS, matches_on_cjk_lines
from textfix.layout import split_rows
from textfix.plausibility import countable, implausibility
from textfix.rules import _counted_pages, convert_script, remove_page_furniture
from textfix.rules.convert_script import _converter

from .strategies import any_text

# Latin-1 and windows-1252 characters, box drawing, Cyrillic and Greek: what mojibake is
# made of; CJK letters and marks, ASCII punctuation and spaces: what clean text is made of.
_MOJIBAKE = "ÃÂâ€œ¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáãäåæçèéê"
_MOJIBAKE += "\x80\x85\x9d\xa0\xadŒœŠšŸžƒˆ˜‚„…†‡‰‹›•–—™│┌═║▀░вЂВГРСβΒΓΞΟā√≈ﬁ\ufffd"
_CLEAN = "aZ09 .,:;?!()[]/\\@&#`~'\"-_\n\t发展人工智能的國際鍙戝睍菁，。、；：？！（）“”‘’…"
tricky_text = st.text(st.sampled_from(_MOJIBAKE + _CLEAN), max_size=80)
# Mojibake as it arises: UTF-8 bytes of accented, Cyrillic, Greek, symbol and CJK text
# decoded with a single-byte code page, set among clean text.
_CODE_PAGES = ["latin-1", "cp1252", "cp1251", "cp1253", "cp1257", "mac_roman"]
_ENCODED = "éèàçüößñÉÀÇØÅæœ€©®™°±²½•–—‘’“”…АБВГДЕЁЖабвгдеёжΑΒΓΔαβγδ发展人工智能。"
misdecoded = st.builds(
    lambda text, code_page: text.encode("utf-8").decode(code_page, errors="replace"),
    st.text(st.sampled_from(_ENCODED + "ab "), min_size=1, max_size=12),
    st.sampled_from(_CODE_PAGES),
)
# One match of ftfy's own pattern set in clean text: the gate must find it wherever its key
# character lies in it.
badness_match = st.builds(
    "".join,
    st.tuples(
        st.text(st.sampled_from(_CLEAN), max_size=8),
        st.from_regex(ftfy.badness.BADNESS_RE, fullmatch=True),
        st.text(st.sampled_from(_CLEAN), max_size=8),
    ),
)
mojibake_text = st.lists(st.one_of(misdecoded, tricky_text), max_size=6).map("".join)
texts = st.one_of(tricky_text, mojibake_text, badness_match, any_text)


# ---- protected regions ----

_WHOLE_TEXT = re.compile(f"(?P<code>{protect._CODE.pattern})|{protect._REGION.pattern}", re.VERBOSE)


def _scanned_whole(text: str) -> tuple[tuple[int, int], ...]:
    spans = [
        protect._trimmed(text, *match.span())
        if match.lastgroup in protect._TRIMMED_KINDS
        else match.span()
        for match in _WHOLE_TEXT.finditer(text)
    ]
    return protect._merged(spans + protect._fenced_blocks(text))


@given(st.one_of(texts, st.text(st.sampled_from("a1.,:/\\@`~&#; 中\nhttp:w"), max_size=60)))
def test_token_by_token_regions_equal_one_scan_of_the_whole_text(text: str) -> None:
    protect.protected.cache_clear()
    assert protect.protected(text).spans == _scanned_whole(text)


# ---- neighbours ----

_LOOKED_PAST = regex.compile(neighbours._LOOKED_PAST)


def _walked(text: str, position: int, step: int) -> str:
    """The nearest character before (step -1) or at/after (step 1) ``position`` that is not
    a space, mark or symbol, on the same line; walked one character at a time."""
    index = position - 1 if step < 0 else position
    while 0 <= index < len(text) and _LOOKED_PAST.match(text[index]):
        index += step
    if 0 <= index < len(text) and text[index] != "\n":
        return text[index]
    return ""


@given(texts)
def test_lookups_equal_a_walk_before_and_after_the_runs_are_indexed(text: str) -> None:
    lookups = neighbours.Neighbours(text)
    positions = range(-1, len(text) + 2)
    for _ in range(2):  # the second round runs after long scans have built the index
        for position in positions:
            assert lookups.before(position) == _walked(text, position, -1)
            assert lookups.after(position) == _walked(text, position, 1)
        lookups._scanned(len(text) + 1)


# ---- page furniture ----

# Layout whitespace, the line breaks that split rows and the ones that do not, digits of
# several scripts: what decides whether a row has content and what its shape is.
_ROW_CHARS = " \t\r\f\v\u3000\xa0\n\u2028\x85a字3٣"
row_chars = st.sampled_from(_ROW_CHARS.replace("\n", ""))
row_text = st.lists(st.text(row_chars, max_size=3), max_size=6).map("\n".join)


@given(st.one_of(row_text, texts))
def test_two_lines_gate_counts_the_rows_with_content(text: str) -> None:
    rows_with_content = sum(1 for content in split_rows(text).contents if content)
    assert remove_page_furniture.has_two_lines(text) == (rows_with_content >= 2)


@given(st.lists(st.text(st.one_of(row_chars, st.sampled_from("日报A")), max_size=12)))
def test_shape_keys_of_joined_lines_are_each_lines_shape_key(lines: list[str]) -> None:
    expected = list(map(remove_page_furniture.shape_key, lines))
    assert remove_page_furniture.shape_keys(lines) == expected


# Pieces of every furniture form, and of text that looks like one.
_FORM_PIECES = [
    "第",
    "版",
    "页",
    "共",
    "A",
    "P",
    "age ",
    "of ",
    "- ",
    " -",
    "3",
    "12",
    "٣",
    "/",
    "（",
    "）",
]
_FORM_PIECES += [
    "上一版",
    "下一篇",
    "返回首页",
    " | ",
    "www",
    ".",
    "://",
    "newspaper",
    "com",
    "正文",
    "x" * 30,
]
_URL_PIECES = ["http", "://", "www.", "newspaper", ".", "com", "/", "正文"]
form_line = st.lists(st.sampled_from(_FORM_PIECES), max_size=6).map("".join)
url_line = st.lists(st.sampled_from(_URL_PIECES), max_size=8).map("".join)
form_lines = st.lists(st.one_of(form_line, url_line), max_size=8)


@given(form_lines)
def test_lines_without_the_characters_of_a_form_have_none(lines: list[str]) -> None:
    hints = remove_page_furniture.may_have_form(lines)
    assert len(hints) == len(lines)
    for line, hint in zip(lines, hints, strict=True):
        assert hint or not remove_page_furniture.furniture_form(line)


class _GatheredPerKey(similarity._Candidates):
    """The plain definition: every key's candidates gathered afresh."""

    def place_all(self, keys: list[str], sizes: Mapping[str, int]) -> dict[str, str]:
        joined: dict[str, str] = {}
        for key in keys:
            self._cached.clear()
            joined.update(super().place_all([key], sizes))
        return joined


def _near_keys(seed: int) -> list[str]:
    """Variants of a few keys, one or two letters apart, some repeated: buckets past
    ``MAX_CANDIDATES``, merges into groups of several sizes, ties in score."""
    rng = random.Random(seed)
    letters = "日报星期五六A#"
    originals = [
        "".join(rng.choices(letters, k=rng.randint(5, 10))) for _ in range(rng.randint(1, 8))
    ]
    keys = []
    for _ in range(rng.randint(0, 400)):
        key = list(rng.choice(originals))
        for _ in range(rng.randint(0, 2)):
            at = rng.randrange(len(key) + 1)
            key[at : at + rng.randint(0, 1)] = rng.choice(("", rng.choice(letters)))
        keys.append("".join(key))
    return keys


near_keys = st.integers(0, 2**32 - 1).map(_near_keys)


@given(near_keys)
def test_clusters_reusing_candidates_equal_candidates_gathered_per_key(keys: list[str]) -> None:
    groups = similarity.Clusters(keys).groups()
    with patch.object(similarity, "_Candidates", _GatheredPerKey):
        assert similarity.Clusters(keys).groups() == groups


def _grown_beside_kept_keys(seed: int) -> list[str]:
    """Groups of two filling the candidates of several lengths, then a group of one that
    strings one or two edits away, shorter and longer, join, among fillers: candidates
    a new group leaves as they were, then a group near them grows."""
    rng = random.Random(seed)
    letters = rng.choice(["abcdefghijklmnopqrstuvwxyz", "日报星期五六要闻版面编辑责任国际经济文化"])

    def word(length: int) -> str:
        return "".join(rng.choices(letters, k=length))

    middle = rng.randint(10, 30)
    pairs = [word(middle + rng.randint(-1, 3)) for _ in range(rng.randint(28, 40))]
    grown = word(middle - rng.randint(0, 3))
    near = []
    for _ in range(rng.randint(1, 8)):
        variant = list(grown)
        for _ in range(rng.randint(1, 2)):
            if rng.random() < 0.5:
                variant.insert(rng.randrange(len(variant) + 1), rng.choice(letters))
            else:
                del variant[rng.randrange(len(variant))]
        near.append("".join(variant))
    singles = near + [word(middle + rng.randint(-5, 5)) for _ in range(rng.randint(0, 30))]
    rng.shuffle(singles)
    singles.insert(rng.randint(0, min(3, len(singles))), grown)
    return [key for pair in pairs for key in (pair, pair)] + singles


class _DroppedOnEveryNewGroup(similarity._Candidates):
    """The plain policy: a new group drops the candidates of every length near it."""

    def _ranks(self, key: str, candidates: list[str]) -> bool:
        return True


@given(st.integers(0, 2**32 - 1).map(_grown_beside_kept_keys))
def test_clusters_keeping_candidates_a_new_group_leaves_equal_dropping_them(
    keys: list[str],
) -> None:
    groups = similarity.Clusters(keys).groups()
    with patch.object(similarity, "_Candidates", _DroppedOnEveryNewGroup):
        assert similarity.Clusters(keys).groups() == groups


def test_a_group_grown_beside_kept_candidates_is_found_by_them() -> None:
    """Length 14's candidates are gathered (32 groups of two), kept by two new groups
    that rank below them, then the group of ``head`` (12 characters) grows by a string
    two shorter: gathered again, they would hold it first, so ``head`` with two more
    characters joins it."""
    rng = random.Random(1)
    pairs = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=13 + n % 4)) for n in range(32)]
    head = "日报二月星期五要闻版面一"
    keys = [key for pair in pairs for key in (pair, pair)]
    keys += ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=14)), head, head[:10]]
    keys.append(head + "二三")
    groups = similarity.Clusters(keys).groups()
    assert [len(keys) - 3, len(keys) - 2, len(keys) - 1] in groups


@given(st.text(max_size=12), st.integers(2, 4))
def test_a_line_repeated_word_for_word_counts_nothing(line: str, times: int) -> None:
    assert not _counted_pages.counts([line] * times)


# ---- lines holding CJK ----


def _holds_cjk(line: str) -> bool:
    return bool(CJK_LETTER.search(line)) or any(mark in line for mark in CJK_ONLY_MARKS)


@given(texts)
def test_matches_on_cjk_lines_are_the_matches_on_lines_holding_cjk(text: str) -> None:
    pattern = re.compile(r"[,;:?!()\"'a]")
    found = [(start, match.span()) for start, match in matches_on_cjk_lines(pattern, text)]
    expected = []
    for match in pattern.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        if _holds_cjk(text[start : None if end < 0 else end]):
            expected.append((start, match.span()))
    assert found == expected


# ---- mojibake ----


def test_the_badness_pattern_of_the_installed_ftfy_is_read() -> None:
    assert mojibake_gate._gate() is not None


@given(texts)
def test_is_bad_equals_ftfys_own(text: str) -> None:
    assert mojibake_gate.is_bad(text) == ftfy.badness.is_bad(text)


@given(texts)
def test_every_line_ftfy_finds_bad_is_a_suspect(text: str) -> None:
    suspects = set(mojibake_gate.suspect_lines(text))
    start = 0
    for line in text.split("\n"):
        if ftfy.badness.is_bad(line):
            assert (start, start + len(line)) in suspects
        start += len(line) + 1


@given(texts)
def test_implausibility_of_a_run_is_at_most_its_share_of_countable_characters(
    text: str,
) -> None:
    counted = set(countable(text))
    for run in regex.finditer(r"[^\x00-\x7f]+", text):
        share = sum(position in counted for position in range(*run.span())) / len(run.group())
        assert implausibility(run.group()) <= share


# Traditional, simplified and shared characters, multi-character words OpenCC converts as a
# phrase (the t2s/s2t dictionaries hold them), line breaks and other text between them.
_SCRIPT_TEXT = "發展开发區区臺台灣湾後后裏里乾干頭头髮发麵面人工智慧能電腦电脑軟體软件 a1，\n\n"


@given(
    st.text(st.sampled_from(_SCRIPT_TEXT), max_size=60), st.sampled_from(["t2s", "s2t", "tw2sp"])
)
def test_convert_script_whole_text_equals_line_by_line(text: str, conversion: str) -> None:
    converter = _converter(conversion)
    lines = text.split("\n")
    assert converter.convert(text) == "\n".join(converter.convert(line) for line in lines)


@given(
    st.text(st.sampled_from(_SCRIPT_TEXT), max_size=60),
    st.sampled_from(["t2s", "s2t", "tw2sp", "s2twp"]),
    st.integers(1, 8),
)
def test_convert_script_finds_the_same_changes_piece_by_piece(
    text: str, conversion: str, piece_chars: int
) -> None:
    options = convert_script.Options(conversion)
    whole = list(convert_script.find(text, options))
    with patch.object(convert_script, "_PIECE_CHARS", piece_chars):
        assert list(convert_script.find(text, options)) == whole


def _variant(original: str, edits: int, rng: random.Random, letters: str) -> str:
    """``original`` with ``edits`` insertions and deletions, one inside each of as many
    equal stretches of the result: every such piece of it touched."""
    inserts = (edits + rng.choice((-1, 1)) * (edits % 2)) // 2 if edits > 1 else edits
    length = len(original) + inserts - (edits - inserts)
    stretch = length // edits
    kinds = [True] * inserts + [False] * (edits - inserts)
    rng.shuffle(kinds)
    out: list[str] = []
    source = iter(original)
    for insert in kinds:
        at = rng.randrange(1, stretch) if stretch > 1 else 0
        for place in range(stretch):
            if insert and place == at:
                out.append(rng.choice(letters))
                continue
            if not insert and place == at:
                next(source, "")  # a character dropped inside the stretch
            out.append(next(source, ""))
    out.extend(source)
    return "".join(out)


# Han (the piece filter rules most strings out), ASCII (never looked up by pieces), and
# both: ASCII and Han strings of one length share its candidates and its filter.
_VARIANT_LETTERS = (
    "日报星期五六要闻版面编辑责任国际经济文化体育社会新闻评论时政财经科技#",
    "abcdefghijklmnopqrstuvwxyz#",
    "日报星期五六要闻版面编辑责任abcdefghijklmn#",
)


def _variant_keys(seed: int) -> list[str]:
    """Unrelated strings of many Han characters, among a few originals (repeated: they
    are the candidates) and variants of them ``max_edits`` or one more insertions and
    deletions apart, each edit inside another piece: pairs just on both sides of the
    similarity threshold, whose edits touch as many pieces as they can."""
    rng = random.Random(seed)
    letters = rng.choice(_VARIANT_LETTERS)

    def text() -> str:
        return "".join(rng.choices(letters, k=rng.randint(8, 30)))

    originals = [text() for _ in range(rng.randint(1, 6))]
    keys = originals * rng.randint(2, 3)
    for _ in range(rng.randint(0, 300)):
        if rng.random() < 0.5:
            keys.append(text())
            continue
        original = rng.choice(originals)
        edits = similarity.max_edits(len(original)) + rng.randint(-1, 1)
        keys.append(_variant(original, edits, rng, letters))
    rng.shuffle(keys)
    return keys


@given(st.integers(0, 2**32 - 1).map(_variant_keys))
def test_clusters_ruling_out_by_pieces_equal_clusters_comparing_every_candidate(
    keys: list[str],
) -> None:
    with patch.object(similarity, "FIRST_TRIAL_COST_SHARE", 2**62):
        groups = similarity.Clusters(keys).groups()
    # Every length indexed from its first string on, and never given up.
    with (
        patch.object(similarity, "FIRST_TRIAL_COST_SHARE", 0),
        patch.object(similarity, "MIN_INDEX_TRIAL", 2**62),
    ):
        assert similarity.Clusters(keys).groups() == groups


@given(st.integers(0, 2**32 - 1).map(_variant_keys))
def test_a_string_the_piece_filter_rules_out_is_near_none_of_its_candidates(
    keys: list[str],
) -> None:
    rng = random.Random(len(keys))
    distinct = list(dict.fromkeys(keys))
    for key in distinct:
        candidates = [o for o in distinct if o != key and abs(len(o) - len(key)) <= 2]
        candidates = rng.sample(candidates, min(len(candidates), similarity.MAX_CANDIDATES))
        with patch.object(similarity, "FIRST_TRIAL_COST_SHARE", 0):
            sieve = similarity._PieceFilter(len(key))
        if candidates and sieve.rules_out(key, candidates):
            best = process.extractOne(
                key, candidates, scorer=fuzz.ratio, score_cutoff=similarity.SIMILARITY
            )
            assert best is None


# Whitespace of every kind but the line break (the information separators, which
# ``str.split`` takes for spaces and ``\s`` does not, among them), digits and letters.
_SHAPE_CHARS = " \t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000\u200b\u180e0９٣a日#"


def test_the_other_spaces_are_every_space_but_the_space_and_the_line_break() -> None:
    spaces = {char for char in map(chr, range(sys.maxunicode + 1)) if char.isspace()}
    other = remove_page_furniture._OTHER_SPACES
    assert len(other) == len(set(other))
    assert set(other) == spaces - {" ", "\n"}


@given(st.lists(st.text(st.sampled_from(_SHAPE_CHARS), max_size=12), max_size=6))
def test_shape_keys_of_lines_equal_shape_key_of_each(lines: list[str]) -> None:
    keys = remove_page_furniture.shape_keys(lines)
    assert keys == [remove_page_furniture.shape_key(line) for line in lines]

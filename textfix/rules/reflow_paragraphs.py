"""Rejoin hard-wrapped lines into paragraphs, one paragraph per line.

Why it arises: a PDF or e-paper page stores each printed line separately, so
extraction ends every line of a column with a line break (often mid-word:
``杜\\n小刚``), puts blank lines where a column or page ends in mid-sentence,
and loses the first-line indent that marked each paragraph start. The layout is
still visible in the line lengths (see ``textfix.layout``): every line break gets
one scored decision — paragraph boundary or wrap — from explained features
(closing punctuation, the width left on this line and the next relative to the
estimated column — or the column of a wider or narrower region, such as a
one-column article on a three-column page or articles set in four columns on a
two-column one —, blank lines, headline-likeness, the script at the join,
a line inside a paragraph stopping mid-sentence, a Latin line starting lowercase
after one that ends no sentence), with
weights fitted by ``tools/fit_reflow_weights.py`` on layouts generated the way
extractors produce them (``tests/layouts.py``).

Broken::

    本报讯 2月18日，市委书记杜
    小刚主持召开人工智能产业发展座
    …
    献。副市长周文栋参加会议。

    杜小刚在认真听取大家发言后

Fixed::

    本报讯 2月18日，市委书记杜小刚主持召开人工智能产业发展座…献。副市长周文栋参加会议。
    杜小刚在认真听取大家发言后…

Narrow justified Latin columns come out fragmented (the extractor ends a line at
each wide gap): ``These\nequivalences\nassume that`` → ``These equivalences
assume that``; a fragment starting lowercase continues its sentence, and so does
whatever follows a Latin line that stops on an article or a conjunction
(``…it raises a\n"NameError" exception`` → ``…it raises a "NameError" exception``).

Joins: nothing between CJK characters; one space between Latin words; a
line-end hyphen that only marks the wrap is removed (``inter-\\nnational``), one
that belongs to a compound stays (``well-\\nknown``). Layout whitespace at line
starts and ends goes; spaces inside a line stay.

Left alone: text that is not hard-wrapped (already one paragraph per line, or
too few lines explained by any column width), headlines, bylines and other
standalone lines (they stay on their own line), a table of contents' entries
(``textfix.contents``: the line after one is the next entry), the lines of a
code listing among CJK prose (``textfix.listings``: set verbatim, never
wrapped), inner spaces.

Gate: fewer than ``MIN_WRAPPED_BREAKS`` breaks explained by the column width or
the narrower regions' columns, or less than ``MIN_WRAPPED_SHARE`` of all breaks,
or fewer than ``MIN_MID_SENTENCE_SHARE`` of the lines ending mid-sentence: the text is not
hard-wrapped as a whole. Its wrapped paragraphs are then joined alone (a report or
manual whose table of contents, code, tables and headings outnumber its prose
lines): the breaks after lines that fill the prose column and end mid-clause
(``textfix.wrapped_regions``); every other line break stays as it is.

>>> import textfix
>>> text = ("市委书记杜小\\n刚主持召开人工智\\n能产业座谈会。\\n\\n"
...         "他强调，要深\\n入学习贯彻讲话精\\n神。\\n")
>>> print(textfix.fix(text), end="")
市委书记杜小刚主持召开人工智能产业座谈会。
他强调，要深入学习贯彻讲话精神。
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, compress, groupby, repeat
from operator import and_, itemgetter, lt, mul, not_

import regex

from ..chars import is_unspaced
from ..layout import (
    FEATURES,
    BreakFacts,
    Page,
    features,
    read_page,
)
from ..layout_weights import WEIGHTS
from ..rule import Change, ChangeColumns, Example, Rule
from ..wrapped_regions import wrapped_breaks

# Wrapped text shows its column: at least this many line breaks explained by one
# column width (fewer is too little evidence: two short lines may be a headline
# and its subtitle), and at least this share of all breaks (one-paragraph-per-line
# text explains almost none; the seed pages explain over 80 %).
MIN_WRAPPED_BREAKS = 3
MIN_WRAPPED_SHARE = 0.35

# Wrapping cuts sentences anywhere, so most wrapped lines end mid-sentence; text
# that is already one paragraph per line ends nearly every line with closing
# punctuation. Below this share of mid-sentence line ends, the text is not wrapped.
MIN_MID_SENTENCE_SHARE = 0.5

# The break after a line of its own (a contents entry, a listing's line): certain
# (p = 0.9999).
LINE_OF_ITS_OWN_SCORE = 9.2

# Words that end no English sentence, heading or caption: articles, ``of``,
# conjunctions, modal verbs, and ``i.e.``/``e.g.`` (whose stop ends no sentence). A
# Latin line that stops on one (in lowercase, after a word or its closing quote, no
# code around it) runs on into the next, whatever that starts with (``…it raises a`` /
# ``"NameError" exception``; ``"@staticmethod" and`` / (blank) / ``"@classmethod")``),
# however short it is or wide the next (pdftotext writes a line ending in a hyphen and
# the next line of its column as one line). Particles that end headings (``Sign in``,
# ``What we look for``) are not among them, nor ``that`` (``Just like that``).
OPEN_WORDS = (
    *("a", "an", "the", "of", "and", "or", "nor", "but", "if", "than", "whose"),
    *("can", "could", "should", "would", "may", "i.e.", "e.g."),
)
RUNS_ON_SCORE = -LINE_OF_ITS_OWN_SCORE

# Words that begin hyphenated compounds far more often than they are split by a
# wrap (`well-known`, `self-made`, `long-term`): with no evidence elsewhere in the
# document, a line-end hyphen after one of them is kept.
COMPOUND_HEADS = frozenset(
    "well self ex all half high low long short full cross far ill best better open "
    "state world first second third one two three four five ten year day user end".split()
)

_OPEN_WORD_SET = frozenset(OPEN_WORDS)
_OPEN_WORD_LASTS = frozenset(word[-1] for word in OPEN_WORDS) | {","}
# What may stand between a word and an open word after it: a comma, closing quotes.
_WORD_ENDS = ",\"'”’)]"
_CODE_CHARS = re.compile(r"[=;{}<>]")
_JOINED = "joined a hard-wrapped line"
_JOINED_WITH_SPACE = "joined a hard-wrapped line with one space"
# Curly quotes serve English and Chinese alike (CJK punctuation by width): at a line's
# edge, the script is the one of the character they quote.
_CURLY_QUOTES = "“”‘’"
_CURLY_QUOTE = re.compile(f"[{_CURLY_QUOTES}]")
_WEIGHT_VECTOR = tuple(WEIGHTS[name] for name in FEATURES)
_LATIN_WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")
# Characters of text whose words are listed at a time (``_Vocabulary.words``).
_WORD_PIECE_CHARS = 1 << 16
# An asked word of ASCII letters, hyphens between them (``_shown_words``).
_ASCII_WORD = re.compile("[a-z]+(?:-[a-z]+)*")
# Asked words longer than this (no word a line-end hyphen splits) are looked for among all
# words of the text: the trie that finds them nests a group per character (``_trie``).
_SHOWN_WORD_CHARS = 100
# The trie of asked words costs as much to build per word as reading some 130 characters
# for words: with fewer than four times that many characters per asked word, it does not pay.
_TEXT_CHARS_PER_SHOWN_WORD = 512


@dataclass(frozen=True)
class Options:
    """``paragraph_sep`` is written between paragraphs (default: one newline)."""

    paragraph_sep: str = "\n"


def boundary_scores(page: Page) -> Iterator[float]:
    """Log-odds that each line break ends a paragraph, in order.

    A break's features depend on whether the break before it was a boundary, so the
    breaks are scored one after another; breaks with equal facts score equally, so
    each distinct facts' score is computed once (``Page.break_facts``). The break
    after a contents entry (``textfix.contents``) is a boundary, however full its line;
    so are the breaks before and after a listing's line (``textfix.listings``).
    """
    known: tuple[dict[BreakFacts, float], dict[BreakFacts, float]] = ({}, {})
    starts_block = True
    # Lines of their own: a contents entry and a listing's lines
    # (``textfix.contents``, ``textfix.listings``).
    listings = page.measured.listings
    own = page.measured.entries.union(listings, [n - 1 for n in listings])
    runs_on = _open_word_ends(page).union(_lowercase_runs_on(page))
    for n, facts in enumerate(page.break_facts()):
        if own and n in own:
            yield LINE_OF_ITS_OWN_SCORE
            starts_block = True
            continue
        if runs_on and n in runs_on:
            yield RUNS_ON_SCORE
            starts_block = False
            continue
        scores = known[starts_block]
        score = scores.get(facts)
        if score is None:
            evidence = features(page, facts, starts_block)
            score = scores[facts] = sum(map(mul, _WEIGHT_VECTOR, evidence))
        yield score
        starts_block = score > 0


def _open_word_ends(page: Page) -> frozenset[int]:
    """The lines that stop on one of ``OPEN_WORDS`` (``OPEN_WORDS`` says why they run on).

    >>> _open_word_ends(read_page('It raises a\\n"Error" here.\\nx = a\\nthe end\\n'))
    frozenset({0})
    """
    contents = page.measured.contents
    maybe = compress(range(len(contents)), map(_OPEN_WORD_LASTS.__contains__, page.lasts))
    return frozenset(n for n in maybe if _stops_on_open_word(contents[n]))


def _lowercase_runs_on(page: Page) -> Iterator[int]:
    """The Latin lines ending on a letter, a digit or a comma before a line whose first
    word starts lowercase: a sentence runs on there, however wide the next line is
    (pdftotext joins a line ending in a hyphen and the next one) or blank the space
    between (a column break). No English paragraph, heading or caption starts
    lowercase; after a colon a list may.

    >>> list(_lowercase_runs_on(read_page("It obtains\\nthe same object or a different one\\n")))
    [0]
    """
    lasts = page.lasts
    for n in compress(range(len(lasts) - 1), page.lowercase_starts[1:]):
        last = lasts[n]
        if (last.isalnum() or last == ",") and not is_unspaced(last):
            yield n


def _stops_on_open_word(content: str) -> bool:
    """The line's last word is one of ``OPEN_WORDS`` (a comma after ``i.e.`` allowed),
    after a word (its closing quote or bracket, a comma between allowed), and the line
    holds no code marks."""
    space = content.rfind(" ")
    if space < 1 or content[space + 1 :].removesuffix(",") not in _OPEN_WORD_SET:
        return False
    before = content[:space].rstrip(_WORD_ENDS)[-1:]
    return before.isalpha() and not _CODE_CHARS.search(content)


class _Vocabulary:
    """The Latin words of the document that line-end hyphens ask about, looked up only
    when one needs evidence (``keeps_hyphen``).

    ``hyphens`` holds the word parts (``_hyphen_parts``) around every line-end hyphen
    that may be asked about.
    """

    def __init__(self, text: str, hyphens: list[tuple[str, str]]) -> None:
        self._text = text
        self._asked = {
            form.lower() for head, tail in hyphens for form in (f"{head}-{tail}", f"{head}{tail}")
        }

    @cached_property
    def words(self) -> frozenset[str]:
        """The asked words (lowercased) that the text holds."""
        # Read piece by piece (no word spans a line break), keeping only asked words: a
        # list or set of every word of a long text would weigh several times the text.
        # Where every asked word is ASCII, only the lines where the lowercased piece shows
        # one are read (``_shown_words``), until they are half the piece.
        text, found, start = self._text, set(), 0
        shown = _shown_words(self._asked, text)
        while start < len(text):
            end = text.find("\n", start + _WORD_PIECE_CHARS)
            end = len(text) if end < 0 else end
            lowered = text[start:end].lower() if shown is not None else ""
            if shown is None or len(lowered) != end - start:  # a character lowercased to two
                found.update(self._asked_in(start, end))
            else:
                position = read = 0
                while (match := shown.search(lowered, position)) is not None:
                    line_start = lowered.rfind("\n", 0, match.start()) + 1
                    position = lowered.find("\n", match.end())
                    position = len(lowered) if position < 0 else position
                    found.update(self._asked_in(start + line_start, start + position))
                    read += position - line_start
                    if 2 * read > len(lowered):  # most lines show one: read the rest whole
                        found.update(self._asked_in(start + position, end))
                        break
            start = end + 1
        return frozenset(found)

    def _asked_in(self, start: int, end: int) -> set[str]:
        """The asked words (lowercased) among the words of ``text[start:end]``."""
        return self._asked.intersection(map(str.lower, _LATIN_WORD.findall(self._text, start, end)))

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        hyphenated = f"{head}-{tail}".lower()
        if hyphenated in self.words:
            return True
        if f"{head}{tail}".lower() in self.words:
            return False
        return tail[:1].isupper() or head.lower() in COMPOUND_HEADS


def _shown_words(asked: set[str], text: str) -> re.Pattern[str] | None:
    """A pattern that finds, in lowercased ``text``, every place where a word of it may
    lowercase to an asked word; None where it cannot tell (an asked word is not ASCII,
    or longer than ``_SHOWN_WORD_CHARS``) or would not pay (more asked words than one
    per ``_TEXT_CHARS_PER_SHOWN_WORD`` characters of text).

    Only ASCII letters and the Kelvin sign lowercase to ASCII letters, one character
    each, so a word that lowercases to an ASCII word shows as that word at its own place
    in the lowercased text. The pattern is a trie of the asked words shaped like words
    (``_trie``): at each character its search follows one branch at most.
    """
    if (
        len(asked) * _TEXT_CHARS_PER_SHOWN_WORD > len(text)
        or not all(map(str.isascii, asked))
        or max(map(len, asked), default=0) > _SHOWN_WORD_CHARS
    ):
        return None
    return re.compile(_trie(sorted(filter(_ASCII_WORD.fullmatch, asked))))


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words`` (sorted, none empty), each branch
    starting with a different character; ``(?!)``, which matches nothing, for no word."""
    if not words:
        return "(?!)"
    branches = []
    for char, group in groupby(words, itemgetter(0)):
        rests = [word[1:] for word in group]
        longer = [rest for rest in rests if rest]
        body = _trie(longer) if longer else ""
        if longer and len(longer) < len(rests):  # a word ends here, others go on
            body = f"(?:{body})?"
        branches.append(re.escape(char) + body)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _hyphen_join(
    text: str, a_start: int, a_end: int, b_start: int, b_end: int, vocabulary: _Vocabulary
) -> tuple[int, str]:
    """Where the change joining the line ``text[a_start:a_end]``, which ends in a hyphen, to
    the next, ``text[b_start:b_end]``, starts, and why (it writes nothing)."""
    head, tail = _hyphen_parts(text, a_start, a_end, b_start, b_end)
    if head and tail and not vocabulary.keeps_hyphen(head, tail):
        return a_end - 1, "removed a hyphen that only marked the wrap"
    return a_end, "joined a wrapped line after a hyphen"


def _hyphen_parts(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> tuple[str, str]:
    """The letters before the hyphen ending line ``text[a_start:a_end]`` and those
    starting the next line, ``text[b_start:b_end]``."""
    head_start = a_end - 1
    while head_start > a_start and text[head_start - 1].isalpha():
        head_start -= 1
    tail_end = b_start
    while tail_end < b_end and text[tail_end].isalpha():
        tail_end += 1
    return text[head_start : a_end - 1], text[b_start:tail_end]


@lru_cache(maxsize=4096)  # breaks with equal facts score equally: few distinct scores
def _paragraph_note(score: float) -> str:
    return f"paragraph break (p={1 / (1 + math.exp(-score)):.2f})"


def wrapped_as_a_whole(page: Page) -> bool:
    """The page reads as hard-wrapped text: its column (and its narrower regions'
    columns) explain ``MIN_WRAPPED_BREAKS`` breaks and ``MIN_WRAPPED_SHARE`` of all,
    and ``MIN_MID_SENTENCE_SHARE`` of its lines end mid-sentence."""
    explained = page.explained + page.narrow_regions.explained
    return (
        explained >= MIN_WRAPPED_BREAKS
        and explained >= MIN_WRAPPED_SHARE * (page.line_count - 1)
        and page.mid_sentence_share() >= MIN_MID_SENTENCE_SHARE
    )


def find(text: str, options: Options) -> ChangeColumns | list[Change]:
    """The changes, in columns: one for the layout whitespace before the text, one for
    every line break, one for the layout tail (a list of changes would weigh several
    times the text, and the engine applies columns in C).
    """
    if "\n" not in text:
        return []
    page = read_page(text)
    if not wrapped_as_a_whole(page):
        return _region_joins(text, page)
    breaks = page.line_count - 1
    starts, ends = page.starts, page.ends
    scores = list(boundary_scores(page))
    # Every change as the common join first (unspaced text, nothing between), then the
    # paragraph breaks and the other joins in their places: by change (break ``n`` is
    # change ``n + 1``, after the layout whitespace before the text), where it starts
    # (it ends where the next line starts), what it writes and why.
    last = ends[-1]
    froms = array("q", (0,)) + ends
    afters = [""] * (breaks + 2)
    afters[-1] = "\n" if "\n" in text[last:] else ""
    notes = [_JOINED] * (breaks + 2)
    notes[0], notes[-1] = "layout whitespace before the text", "layout tail"
    paragraphs = list(map(lt, repeat(0), scores))
    for n in compress(range(breaks), paragraphs):
        afters[n + 1], notes[n + 1] = options.paragraph_sep, _paragraph_note(scores[n])
    lasts = page.lasts
    unspaced_lasts = {char: is_unspaced(char) for char in set(lasts)}
    latin_lasts = map(not_, map(unspaced_lasts.__getitem__, lasts))
    latin_joins = compress(range(breaks), map(and_, map(not_, paragraphs), latin_lasts))
    # A curly quote is unspaced: the lines it ends are not among ``latin_joins`` yet.
    quoted = (n for n in _quoted_latin_ends(text, page) if n < breaks and not paragraphs[n])
    for n, start, after, note in _latin_joins(text, page, chain(latin_joins, quoted)):
        froms[n + 1], afters[n + 1], notes[n + 1] = start, after, note
    return ChangeColumns(froms, starts + array("q", (len(text),)), afters, notes)


def _region_joins(text: str, page: Page) -> list[Change]:
    """The joins of the wrapped paragraphs of a page that is not wrapped as a whole
    (``wrapped_breaks``); every other line break stays as it is."""
    breaks = wrapped_breaks(page)
    starts, ends, lasts = page.starts, page.ends, page.lasts
    joins = {n: Change(ends[n], starts[n + 1], "", _JOINED) for n in breaks}
    quoted = set(_quoted_latin_ends(text, page))
    latin_joins = [n for n in breaks if not is_unspaced(lasts[n]) or n in quoted]
    for n, start, after, note in _latin_joins(text, page, latin_joins):
        joins[n] = Change(start, starts[n + 1], after, note)
    return [joins[n] for n in breaks]


def _latin_joins(
    text: str, page: Page, joins: Iterable[int]
) -> Iterator[tuple[int, int, str, str]]:
    """For the joins (breaks, by the line before) after a line ending in a Latin
    character, those that differ from the common join (nothing between, from the line's
    end): ``(break, where the change starts, what it writes, why)``. A space before a
    Latin line; after a hyphen, the hyphen's own decision (``_hyphen_join``)."""
    starts, ends, lasts, firsts = page.starts, page.ends, page.lasts, page.firsts
    hyphens = []
    for n in joins:
        if lasts[n] == "-":
            hyphens.append(n)
        elif not is_unspaced(first := firsts[n + 1]) or (
            first in _CURLY_QUOTES and not is_unspaced(_past_quotes(text, starts[n + 1], 1))
        ):
            yield n, ends[n], " ", _JOINED_WITH_SPACE
    vocabulary = _Vocabulary(
        text, [_hyphen_parts(text, starts[n], ends[n], starts[n + 1], ends[n + 1]) for n in hyphens]
    )
    for n in hyphens:
        start, note = _hyphen_join(text, starts[n], ends[n], starts[n + 1], ends[n + 1], vocabulary)
        yield n, start, "", note


def _quoted_latin_ends(text: str, page: Page) -> Iterator[int]:
    """The lines that end with a curly quote after a Latin character (``“floor”``)."""
    for match in _CURLY_QUOTE.finditer(page.lasts):
        n = match.start()
        if not is_unspaced(_past_quotes(text, page.ends[n] - 1, -1)):
            yield n


def _past_quotes(text: str, position: int, step: int) -> str:
    """The first character from ``position`` on (``step`` 1) or back (-1) that is no
    curly quote; a quote if none is within a few characters."""
    for _ in range(3):
        if not 0 <= position < len(text) or text[position] not in _CURLY_QUOTES:
            break
        position += step
    return text[position] if 0 <= position < len(text) else "“"


RULE = Rule(
    id="reflow_paragraphs",
    summary="Rejoin hard-wrapped lines and column breaks into one paragraph per line.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "市委书记杜小\n刚主持召开人工智\n\n能产业发展座谈会，\n他强调，要深入学\n习贯彻讲话精神。\n",
            "市委书记杜小刚主持召开人工智能产业发展座谈会，他强调，要深入学习贯彻讲话精神。\n",
            "a blank line at a column break in mid-paragraph is not a paragraph break",
        ),
        Example(
            "第一段。\n第二段。\n第三段。\n",
            "第一段。\n第二段。\n第三段。\n",
            "one paragraph per line is left alone",
        ),
    ),
)

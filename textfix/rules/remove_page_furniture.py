"""Remove running heads, running feet and page numbers that extraction mixed into the text.

Why it arises: every printed page repeats its furniture — the paper's name and
date or a book's running head at the top, a page number, a footer with a URL at
the bottom, e-paper navigation (``上一版 下一版``). Extraction emits it with the
text of every page, so it lands in mid-paragraph wherever a paragraph runs on
over a page break, and reflow would glue it into the sentence. It is recognised
by repetition: the same line, except for its numbers and dates, at the top or
bottom of page after page. Pages are delimited by form feeds, as pdftotext and
pdfminer.six write them; where they are not marked (PyMuPDF writes neither a
form feed nor a blank line), the furniture reveals them itself: a block of lines
repeated around a page counter (``A1``, ``A2``; ``Page 1``, ``Page 2``) at pages
of similar size, opening the first page or closing the last (``_counted_pages``);
failing that, a line recurring at regular intervals where it interrupts a
wrapped paragraph.

Broken::

    …市委书记杜小刚主持召开人工
    智能产业发展座谈会

    - 3 -
    \\f无锡日报 2025年2月21日
    他强调，要深入学习贯彻讲话精神。

Fixed::

    …市委书记杜小刚主持召开人工
    智能产业发展座谈会
    \\f他强调，要深入学习贯彻讲话精神。

Broken (PyMuPDF: each page opens with its furniture, no separator)::

    （记者 李华 通讯员 周宁）
    锡城日报 · 要闻
    2025年2月21日 星期五
    A2
    近年来，我市牢牢把握数字化

Fixed::

    （记者 李华 通讯员 周宁）

    近年来，我市牢牢把握数字化

A foot that pdftotext read with the column above it, once on most pages and
mid-sentence or at the page's edge on most of them, goes too; mid-sentence means
after a wrapped line: one that fills its column and continues an open line right
above it, so a byline under a headline (a block of its own, or set across columns)
stays; in Latin text, before a line that does not start with a capital, so a
byline under a deck that fills its line, above a new paragraph, stays too.
So does a head or foot that Tesseract, reading a page column by column, put
inside a page where a column starts mid-sentence: its other pages' edges count.

A removed line takes its newline and the blank lines around it; a form feed (or,
where pages are not marked, one blank line) stays, so that paragraph reflow sees
a page break there — the paragraph continues across it — not a paragraph end.

Left alone: a line that occurs once (a single ``联系我们``, a title), except a
page number standing alone at a page break or at the very start or end of the
text; a line repeated inside pages (a refrain, a table header per section, a
caption or byline per page), unless it sits at a page boundary on most pages;
where counted blocks mark the pages, every other repeated line; a numbered
heading with a fixed line beside it inside the text (not at its edges, or not
counting by one, or at irregular intervals); repeated lines of text that shows
no pages, and of a one-page text; a line of lowercase words (``or``), which is
a piece of a sentence.

Gate: fewer than two lines with content: nothing to do (``has_two_lines``).

>>> import textfix
>>> page = "报头 第{n}版\\n\\n{body}\\n\\n- {n} -\\n"
>>> bodies = ("正文从这里开始，", "接着写下去，", "到这里写完。")
>>> text = "\\f".join(page.format(n=n, body=b) for n, b in enumerate(bodies, 1))
>>> textfix.fix(text, textfix.Config(disable=["reflow_paragraphs"]))
'正文从这里开始，\\n\\x0c接着写下去，\\n\\x0c到这里写完。\\n'
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, chain, compress, groupby, repeat
from operator import itemgetter, not_, sub
from statistics import median

import regex

from ..chars import CLOSERS, LAYOUT_SPACE, SENTENCE_FINAL
from ..layout import (
    NOISE_CELLS,
    Rows,
    first_unit_width,
    is_wider_than,
    read_page,
    split_rows,
    starts_lowercase,
    starts_uppercase,
)
from ..rule import Change, Example, Rule
from ..similarity import Clusters
from ._counted_pages import CountedPages

# Running heads and feet sit in the first or last lines of a page: the title line,
# a date or section line and a page number (pdftotext emits each as its own block).
ZONE_LINES = 3

# A line repeated at page boundaries on at least this share of the pages is
# furniture. Lines of a furniture form (page number, URL, navigation) need only
# recur on two pages: their form is evidence enough. "Most pages" keeps a table
# header that happens to start two pages of ten.
MIN_PAGE_SHARE = 0.5

# Furniture is short: a running head of a newspaper or a book fits in a line.
# Spaces do not count: pdftotext -layout spreads a head and its date, or a foot
# and its page number, across the page width with them.
MAX_FURNITURE_CHARS = 80
# A URL standing as furniture is the whole line, or most of it: half a line.
MAX_URL_CHARS = MAX_FURNITURE_CHARS // 2

# Without page marks: a line must recur at least this often, at intervals of at
# least MIN_PAGE_LINES lines (a page holds more than a stanza; refrains recur
# sooner), and the intervals may differ by REGULAR_SLACK_SHARE of their median
# or REGULAR_SLACK_LINES lines (headlines and paragraph ends change how many
# extracted lines a page yields).
MIN_REPEATS = 3
MIN_PAGE_LINES = 8
REGULAR_SLACK_SHARE = 0.25
REGULAR_SLACK_LINES = 3

# Shape keys are found this many lines at a time, each batch in one pass over its
# lines joined: a pass costs little beside the lines' work, and the copies it makes
# (joined, squeezed) stay small beside the text.
KEY_BATCH_LINES = 4096

# Without page marks the text must be wrapped for a recurring line to interrupt a
# paragraph: at least this many line breaks explained by one column width.
MIN_WRAPPED_BREAKS = 3

_DASHES = "-–—‒―~～"
# A page number in the forms printed at page heads and feet.
_PAGE_NUMBER = regex.compile(
    r"(?:"
    r"第\s*[A-Z]?\d{1,4}\s*[版页頁]"  # 第3版, 第 12 页
    r"(?:\s*[/／]?\s*共\s*\d{1,4}\s*[版页頁])?"
    r"|共\s*\d{1,4}\s*[版页頁]\s*第\s*\d{1,4}\s*[版页頁]"
    r"|[A-Z]?\d{1,3}\s*版"  # A3版, 03版
    rf"|[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+"  # - 12 -, — 3 —
    r"|(?i:page|p\.|pp\.|seite|pag\.)\s*\d{1,4}(?:\s*(?i:of|/)\s*\d{1,4})?"  # Page 3 of 12
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 3/12 (checked: page <= pages)
    r"|[\[(（]\s*\d{1,4}\s*[\])）]"  # [12], （12）
    r"|\d{1,3}"  # bare 12
    r")"
)
_BARE_NUMBER = regex.compile(r"\d{1,3}")
_FRACTION = regex.compile(r"(\d{1,4})\s*/\s*(\d{1,4})")
_URL = regex.compile(r"(?i:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|cn|net|org)\b\S*")
# E-paper navigation: links between pages and articles, never part of an article.
_NAV_WORD_LIST = (
    "上一版 下一版 上一篇 下一篇 上一期 下一期 返回目录 返回首页 版面导航 标题导航 往期回顾".split()
)
_NAV_WORDS = "|".join(_NAV_WORD_LIST)
_NAV = regex.compile(rf"(?:{_NAV_WORDS})(?:[\s|｜/·<>《》]*(?:{_NAV_WORDS}))*")
# Every page number holds a digit and every navigation line starts with one of its
# words: what a line keeps of these shows whether it may be either. A URL is looked
# for only where there is a dot or "://".
_NOT_PAGE_OR_NAV = regex.compile(rf"[^\n\d{''.join(sorted({w[0] for w in _NAV_WORD_LIST}))}]+")
_NOT_URL = re.compile(r"[^\n.:]+")  # plain ``re``: an ASCII class searches faster
_DIGITS = regex.compile(r"\d+")
_BLANK = LAYOUT_SPACE + "\n"  # what a line without content holds
_SPACES = regex.compile(r"\s+")
_SPACES_IN_LINE = regex.compile(r"[^\S\n]+")
# What ``str.split`` takes for whitespace besides what ``\s`` matches: the information
# separators (``regex`` follows Unicode's White_Space, ``str.isspace`` does not).
_SPACES_SPLIT_ONLY = "\x1c\x1d\x1e\x1f"
# Every character ``str.isspace`` takes for whitespace but the space and the line
# break, the likeliest first: lines without them lose their spaces to one
# ``str.replace`` (a test checks the list against every code point).
_OTHER_SPACES = (
    "\u3000\t\xa0\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f"
)


def furniture_form(line: str) -> str:
    """The kind of furniture ``line`` looks like by its form alone, or ``""``.

    >>> [furniture_form(s) for s in ("第3版", "- 12 -", "Page 3 of 12", "上一版 下一版")]
    ['page number', 'page number', 'page number', 'navigation']
    >>> furniture_form("www.wxrb.com"), furniture_form("2025年"), furniture_form("12/3")
    ('URL', '', '')
    """
    if _PAGE_NUMBER.fullmatch(line):
        fraction = _FRACTION.fullmatch(line)
        if fraction is None or 0 < int(fraction[1]) <= int(fraction[2]):
            return "page number"
        return ""
    if _NAV.fullmatch(line):
        return "navigation"
    # Every URL form has a dot or "://": a cheap test before the search.
    short = len(line) <= MAX_URL_CHARS
    if short and ("." in line or "://" in line) and _URL.search(line):
        return "URL"
    return ""


def may_have_form(lines: list[str]) -> list[bool]:
    """For each of ``lines`` (none holds a line break): whether ``furniture_form`` may
    find a form in it, by the characters every form holds (one scan over them all).

    >>> may_have_form(["正文，", "- 3 -", "上一版", "www.wxrb.com", "Read on."])
    [False, True, True, True, True]
    """
    if not lines:
        return []
    hinted = list(map(bool, _NOT_PAGE_OR_NAV.sub("", "\n".join(lines)).split("\n")))
    short = list(compress(range(len(lines)), map(MAX_URL_CHARS.__ge__, map(len, lines))))
    if short:
        dotted = _NOT_URL.sub("", "\n".join(map(lines.__getitem__, short))).split("\n")
        for index in compress(short, dotted):
            hinted[index] = True
    return hinted


def shape_key(line: str) -> str:
    """The line with every number masked and whitespace dropped: what repeats.

    >>> shape_key("无锡日报 2025年2月21日") == shape_key("无锡日报2025年3月1日")
    True
    """
    return _DIGITS.sub("#", _SPACES.sub("", line))


def shape_keys(lines: list[str]) -> list[str]:
    """``shape_key`` of each of ``lines`` (none holds a line break), a batch of lines at a
    time; a line without spaces or digits is its own key (the same string, not a copy).

    >>> shape_keys(["第 3 版", "A12"])
    ['第#版', 'A#']
    """
    keys: list[str] = []
    for start in range(0, len(lines), KEY_BATCH_LINES):
        keys += _batch_shape_keys(lines[start : start + KEY_BATCH_LINES])
    return keys


def _batch_shape_keys(lines: list[str]) -> list[str]:
    joined = "\n".join(lines)
    if not any(map(joined.__contains__, _OTHER_SPACES)):  # a scan in C for each
        squeezed = joined.replace(" ", "")
    elif any(map(joined.__contains__, _SPACES_SPLIT_ONLY)):
        squeezed = _SPACES_IN_LINE.sub("", joined)
    else:  # ``str.split`` removes the same spaces, and much faster where words are many
        squeezed = "\n".join(map("".join, map(str.split, lines)))
    del joined
    keys = _DIGITS.sub("#", squeezed).split("\n")
    return [line if key == line else key for key, line in zip(keys, lines, strict=True)]


@dataclass(frozen=True)
class Options:
    """This rule has no options; disable it to keep page furniture."""


class _Document:
    """The text's rows, grouped into pages, and what is known about each row.

    Rows are numbered among all rows, blank ones too; ranks among the content rows
    (blank rows skipped). Grouping and recurrence are found in ranks, where a page's
    blank lines do not count.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        rows = split_rows(text)
        self.contents = rows.contents
        self.content_starts = rows.content_starts
        # Where each row starts: a row ends before the newline that precedes the next.
        self.starts = rows.offsets
        # The content rows, numbered among all rows: packed (a row number as 8 bytes).
        self.content: Sequence[int] = array("q", compress(range(len(self.contents)), self.contents))
        self.pages: list[Sequence[int]]
        self.page_of: Sequence[int]
        if "\f" in text:
            self.page_of = _page_numbers(rows)
            # Pages never decrease from row to row.
            by_page = groupby(self.content, self.page_of.__getitem__)
            self.pages = [array("q", page) for _, page in by_page]
        else:
            self.page_of = bytes(len(self.contents))  # every row on page 0, a byte each
            self.pages = [self.content] if self.content else []
        self.marked = "\f" in text and len(self.pages) > 1

    @cached_property
    def lines(self) -> list[str]:
        """The content rows' text, by rank."""
        return list(map(self.contents.__getitem__, self.content))

    def rank_of(self, row: int) -> int:
        """A content row's place among the content rows (blank rows skipped)."""
        return bisect_left(self.content, row)

    def is_short(self, row: int) -> bool:
        """Whether a content row is one of ``short``."""
        ranks, rank = self.short_ranks, self.rank_of(row)
        at = bisect_left(ranks, rank)
        return at < len(ranks) and ranks[at] == rank

    @cached_property
    def short_ranks(self) -> Sequence[int]:
        """Content rows short enough for furniture: ``MAX_FURNITURE_CHARS`` besides spaces."""
        lines = self.lines
        if max(map(len, lines), default=0) <= MAX_FURNITURE_CHARS:
            return range(len(lines))
        # Spaces are counted only in lines that are too long with them.
        fits = list(map(MAX_FURNITURE_CHARS.__ge__, map(len, lines)))
        for rank in compress(range(len(lines)), map(not_, fits)):
            line = lines[rank]
            fits[rank] = len(line) - line.count(" ") <= MAX_FURNITURE_CHARS
        return list(compress(range(len(lines)), fits))

    @cached_property
    def short(self) -> Sequence[int]:
        """The rows of ``short_ranks``."""
        return array("q", map(self.content.__getitem__, self.short_ranks))

    @cached_property
    def formed(self) -> set[int]:
        """The short rows of a furniture form."""
        lines = list(map(self.contents.__getitem__, self.short))
        hinted = may_have_form(lines)
        pairs = zip(compress(self.short, hinted), compress(lines, hinted), strict=True)
        return {row for row, line in pairs if furniture_form(line)}

    @cached_property
    def repeating_groups(self) -> list[list[int]]:
        """Ranks of short content rows that repeat, grouped by shape (near-identical up to
        their numbers)."""
        short = self.short_ranks
        groups = Clusters(self.short_keys).groups()
        if len(short) == len(self.lines):
            return groups  # every rank is short: positions among them are ranks
        return [list(map(short.__getitem__, members)) for members in groups]

    @cached_property
    def short_keys(self) -> list[str]:
        """``shape_key`` of each line of ``short_ranks``."""
        if len(self.short_ranks) == len(self.lines):
            return shape_keys(self.lines)
        return shape_keys(list(map(self.lines.__getitem__, self.short_ranks)))

    def key_counts(self) -> Counter[str]:
        """How many lines, short or long, have each shape key."""
        counts = Counter(self.short_keys)
        if len(self.short_ranks) < len(self.lines):
            short = set(self.short_ranks)
            long = [line for rank, line in enumerate(self.lines) if rank not in short]
            counts.update(shape_keys(long))
        return counts

    def is_blank(self, index: int) -> bool:
        return not (0 <= index < len(self.contents)) or not self.contents[index]

    def isolated(self, index: int) -> bool:
        """A line that is a text block of its own (blank or nothing on both sides)."""
        return self.is_blank(index - 1) and self.is_blank(index + 1)


def _page_numbers(rows: Rows) -> Sequence[int]:
    """Each row's page: form feeds before it, and in its leading whitespace."""
    feeds = list(map(str.count, rows.raws, repeat("\f")))
    numbers = array("q", accumulate(feeds[:-1], initial=0))
    for index in compress(range(len(feeds)), feeds):
        lead = rows.content_starts[index] - rows.offsets[index]
        numbers[index] += rows.raws[index].count("\f", 0, lead)
    return numbers


def _zone(page: Sequence[int]) -> Sequence[int]:
    if len(page) <= 2 * ZONE_LINES:
        return page
    return page[:ZONE_LINES] + page[-ZONE_LINES:]


def _marked_furniture(doc: _Document) -> dict[int, str]:
    """Rows repeated at the boundaries of form-feed-delimited pages.

    Candidates are the rows of each page's zone and, anywhere on the page, rows of
    a furniture form: pdftotext may read a footer URL with the column above it.
    """
    zone = set(filter(doc.is_short, chain.from_iterable(map(_zone, doc.pages))))
    heads = {index for index in zone if not _sentence_piece(doc.contents[index])}
    candidates = sorted(heads.union(doc.formed))
    edge = zone.union(filter(doc.isolated, candidates))
    keys = shape_keys(list(map(doc.contents.__getitem__, candidates)))
    everywhere = doc.key_counts()
    groups: list[tuple[list[int], str]] = []
    for members in Clusters(keys).groups():
        indices = [candidates[m] for m in members]
        pages = {doc.page_of[i] for i in indices}
        on_most = len(pages) >= MIN_PAGE_SHARE * len(doc.pages)
        if len(pages) < 2:
            continue
        forms = [furniture_form(doc.contents[i]) for i in indices]
        if sum(1 for form in forms if form) * 2 > len(forms):
            # A furniture form inside a page must still be there once on most pages.
            inside = any(i not in edge for i in indices)
            if inside and not (on_most and len(pages) == len(indices)):
                continue
        elif not on_most:
            continue
        # A line that recurs inside pages as often as at their edges is content.
        total = sum(everywhere[key] for key in {keys[m] for m in members})
        if total > 2 * len(indices):
            continue
        kind = next((form for form in forms if form), "running head or foot")
        groups.append((indices, f"{kind} repeated on {len(pages)} of {len(doc.pages)} pages"))
    furniture = {index for indices, _ in groups for index in indices}
    found: dict[int, str] = {}
    for indices, reason in groups:
        if not _in_repeated_passage(doc, indices, furniture):
            found.update(dict.fromkeys(indices, reason))
    found.update(_feet_inside_pages(doc, found, zone))
    return found


def _in_repeated_passage(doc: _Document, indices: list[int], furniture: Container[int]) -> bool:
    """The rows, missing from some pages, have the same text line beside them on one
    side everywhere they occur: a passage printed twice (a quote, a paragraph two
    articles share), not a head or foot, whose neighbours across the page edge are
    other pages' text, or furniture. A passage on every page is a foot of many lines."""
    if len({doc.page_of[index] for index in indices}) == len(doc.pages):
        return False
    content = doc.content
    for step in (-1, 1):
        places = [doc.rank_of(index) + step for index in indices]
        if not all(0 <= place < len(content) for place in places):
            continue
        neighbours = [content[place] for place in places]
        if any(neighbour in furniture for neighbour in neighbours):
            continue
        if len({doc.contents[neighbour] for neighbour in neighbours}) == 1:
            return True
    return False


def _feet_inside_pages(doc: _Document, found: dict[int, str], zone: set[int]) -> dict[int, str]:
    """Rows once on most pages, away from the page edges, that interrupt a wrapped
    paragraph on most of them: a foot pdftotext read with the column above it
    (``…最近，我`` / ``责任编辑 王明`` / ``市又在…``).

    Where the column it was read with ends its page, the foot stands at the page's
    edge (in ``zone``, the short rows at page edges): such pages count with the
    interrupted ones, once it interrupts one at least.
    A head or foot already found at the edges of other pages counts those pages too:
    Tesseract reads a page column by column, so a date printed above the last column
    comes out after the first ones, inside the page (``…以龙头企业为主`` /
    ``2025年2月21日 星期五`` / ``导的创新联合体…``), on the pages where its column
    starts mid-sentence.

    A foot is a label, the same words on every page: a line that ends a sentence
    or closes a bracket (a byline, a caption) is content, and so is a refrain,
    which never stands where a sentence runs on over a full line, and so is a
    piece of a sentence (``_sentence_piece``).
    """
    pages = len(doc.pages)
    # Counted first (in C): few lines occur as often as a foot.
    contents = list(map(doc.contents.__getitem__, doc.short))
    wanted = {
        content
        for content, count in Counter(contents).items()
        if MIN_PAGE_SHARE * pages <= count <= pages
        and _ends_mid_sentence(content)
        and not _sentence_piece(content)
    }
    rows: dict[str, list[int]] = defaultdict(list)
    at_edges: dict[str, list[int]] = defaultdict(list)
    for index in compress(doc.short, map(wanted.__contains__, contents)):
        (at_edges if index in found else rows)[doc.contents[index]].append(index)
    once_per_page = []
    for content, indices in rows.items():
        edges = at_edges[content]
        on = {doc.page_of[i] for i in chain(indices, edges)}
        if 2 <= len(on) == len(indices) + len(edges) and len(on) >= MIN_PAGE_SHARE * pages:
            once_per_page.append((indices, len(on)))
    once_per_page = [
        (indices, on)
        for indices, on in once_per_page
        if not _in_repeated_passage(doc, indices + at_edges[doc.contents[indices[0]]], found)
    ]
    if not once_per_page:
        return {}
    rank = doc.rank_of
    feet_ranks = {rank(index) for indices, _ in once_per_page for index in indices}
    interrupts = _Interruptions(doc, feet_ranks)
    feet: dict[int, str] = {}
    for indices, on in once_per_page:
        interrupted = interrupts.count(list(map(rank, indices)))
        # Where the column above it ends its page, the foot read after it is at the edge.
        at_edge = sum(map(zone.__contains__, indices))
        if interrupted and interrupted + at_edge >= MIN_PAGE_SHARE * len(indices):
            reason = f"running head or foot read with the text on {on} of {pages} pages"
            feet.update(dict.fromkeys(indices, reason))
    return feet


def _regular(positions: list[int], rows: int) -> bool:
    """Recurrence at page intervals; the first and last page may be short."""
    gaps = list(map(sub, positions[1:], positions))
    if positions[-1] >= rows - ZONE_LINES and gaps[-1] < max(gaps):
        gaps.pop()  # a foot on a short last page
    if positions[0] < ZONE_LINES and gaps and gaps[0] < max(gaps):
        gaps.pop(0)  # a head on a short first page
    if not gaps or min(gaps) < MIN_PAGE_LINES:
        return False
    spread = max(gaps) - min(gaps)
    # The median is needed only where the spread exceeds the fixed slack.
    return spread <= REGULAR_SLACK_LINES or spread <= REGULAR_SLACK_SHARE * median(gaps)


def _unmarked_furniture(doc: _Document) -> dict[int, str]:
    """Rows recurring at regular intervals where pages are not marked."""
    regular = [
        ranks
        for ranks in doc.repeating_groups
        if len(ranks) >= MIN_REPEATS and _regular(ranks, len(doc.content))
    ]
    if not regular:
        return {}
    interrupts = _Interruptions(doc, set(chain.from_iterable(regular)))
    found: dict[int, str] = {}
    for ranks in regular:
        form = furniture_form(doc.lines[ranks[0]])
        if form or interrupts.count(ranks):
            reason = f"{form or 'running head or foot'} recurring every page"
            found.update(dict.fromkeys(map(doc.content.__getitem__, ranks), reason))
    return found


def _counted_furniture(doc: _Document) -> dict[int, str]:
    """Blocks of lines repeated around a page counter: where pages are not marked,
    they are the page boundaries, and a line recurring elsewhere (a caption, a
    refrain) is content."""
    pages = CountedPages(doc.lines, doc.repeating_groups, MIN_PAGE_LINES)
    reason = "running head or foot repeated with a page counter"
    return dict.fromkeys(map(doc.content.__getitem__, sorted(pages.furniture())), reason)


class _Interruptions:
    """Which recurring lines stand where a wrapped paragraph runs on (a page break).

    A recurring line's neighbours are the nearest lines on either side that neither
    recur nor are blank. All recurring lines between the same two neighbours share
    one answer, and the page is read only if some such gap opens mid-sentence.
    Lines are given by rank.
    """

    def __init__(self, doc: _Document, recurring: set[int]) -> None:
        self._doc = doc
        ranks = range(len(doc.content))
        alone = list(map(not_, map(recurring.__contains__, ranks)))
        self._neighbours = neighbours = list(compress(ranks, alone))
        # Gap g lies between neighbours g - 1 and g: line r lies in the gap numbered by
        # the neighbours above it.
        self._gap_of = list(accumulate(alone, initial=0))
        lines = doc.lines
        open_gaps = [
            gap
            for gap in sorted(set(map(self._gap_of.__getitem__, recurring)))
            if 0 < gap < len(neighbours) and _ends_mid_sentence(lines[neighbours[gap - 1]])
        ]
        self._runs_on = self._full_breaks(open_gaps) if open_gaps else set()

    def count(self, ranks: list[int]) -> int:
        """How many of these lines stand where a paragraph runs on."""
        return sum(map(self._runs_on.__contains__, map(self._gap_of.__getitem__, ranks)))

    def _full_breaks(self, gaps: list[int]) -> set[int]:
        """The gaps whose line before breaks where the column is full (the text is wrapped)."""
        doc, page = self._doc, read_page(self._doc.text)
        if page.explained < MIN_WRAPPED_BREAKS or page.column <= 0:
            return set()
        found = set()
        for gap in gaps:
            before = doc.content[self._neighbours[gap - 1]]
            after = doc.content[self._neighbours[gap]]
            line = page.line_at(doc.content_starts[before])
            start = doc.content_starts[after]
            if line is None or page.line_at(start) is None:
                continue
            # A line wider than its column (a headline or deck across columns) ends
            # where its author ended it, however full it looks; unless it is running
            # text, which starts lowercase and runs on in lowercase after the gap:
            # pdftotext joins a line that ends in a hyphen to the next of its column.
            column = page.column_at(line)
            if is_wider_than(doc.text, line, column, page.punct_cells):
                if not all(map(starts_lowercase, (doc.contents[before], doc.contents[after]))):
                    continue
            # A wrapped line continues the open line right above it; a line with a
            # blank or a finished sentence above is a block of its own (a headline).
            above = before - 1
            if doc.is_blank(above) or not _ends_mid_sentence(doc.contents[above]):
                continue
            # Latin text that runs on past the line goes on in lowercase; a capital after
            # it starts a sentence (``…in the right hand`` / ``From our correspondent`` /
            # ``Changed in version…``: a deck, a byline, a paragraph).
            if starts_uppercase(doc.contents[after]):
                continue
            last = doc.contents[before][-1]
            unit = first_unit_width(doc.text, start, start + len(doc.contents[after]), last)
            if line.width + unit > column - NOISE_CELLS:
                found.add(gap)
        return found


def _sentence_piece(line: str) -> bool:
    """Lowercase words only: a piece of a sentence, never a head or foot, which are
    set as names and titles are (pdfminer.six sets a justified line's words apart).

    >>> _sentence_piece("or"), _sentence_piece("iPhone News"), _sentence_piece("责任编辑")
    (True, False, False)
    """
    return line[0].islower() and not any(map(str.isupper, line))


def _ends_mid_sentence(line: str) -> bool:
    return line[-1] not in SENTENCE_FINAL and line[-1] not in CLOSERS


def _edge_page_numbers(doc: _Document, furniture: Container[int] = ()) -> dict[int, str]:
    """A page number alone at a page break or at the very start or end of the text,
    looking past the lines of ``furniture`` (a running head above the number)."""
    found: dict[int, str] = {}
    if len(doc.content) < 2:
        return found
    pages = doc.pages if doc.marked else [doc.content]
    edges = set()
    for page in pages:
        kept = [index for index in page if index not in furniture]
        if kept:
            edges |= {(kept[0], +1), (kept[-1], -1)}
    for index, inward in edges:
        content = doc.contents[index]
        if furniture_form(content) != "page number":
            continue
        # A bare number needs a gap on its inner side: "1" over "Introduction" is a heading.
        if _BARE_NUMBER.fullmatch(content) and not doc.is_blank(index + inward):
            continue
        found[index] = "page number at a page break"
    return found


def find(text: str, options: Options) -> Iterator[Change]:
    if not has_two_lines(text):
        return
    doc = _Document(text)
    found = _edge_page_numbers(doc)
    counted = _counted_furniture(doc)
    found.update(counted)
    if doc.marked:
        found.update(_marked_furniture(doc))
    elif not counted:
        found.update(_unmarked_furniture(doc))
    if found:  # a number that the furniture found stood between and the page break
        found.update(_edge_page_numbers(doc, found))
    if not found or len(found) == len(doc.content):
        return  # every line "repeats": pages of a form or a list, not furniture around text
    yield from sorted([*_removals(doc, found), *_feet_glued_to_words(doc, found)])


def _feet_glued_to_words(doc: _Document, found: dict[int, str]) -> Iterator[Change]:
    """Furniture that pdftotext glued to the head of a hyphenated word, the word's
    tail opening the next line (``setting this approEditor: Anna Reed`` /
    ``priately can assist``): pdftotext joins a line that ends in a hyphen to the
    next line it reads, dropping the hyphen, and where a column's last line is
    hyphenated that next line may be the foot printed under the column. The
    furniture goes with the line break after it, which rejoins the word.

    Only a line of several words found as furniture elsewhere counts, glued to a
    lowercase letter and followed, on the same page, by a line that starts with a
    lowercase letter: a word's head and tail. A single word may end a compound. Where
    several feet end a line, the longest is the one printed there (``the email report
    reporting`` ends with the foot ``report reporting`` set apart by a space, not with
    ``port reporting`` glued to ``re``).
    """
    feet = {doc.contents[index] for index in found}
    feet = {foot for foot in feet if " " in foot}
    if not feet:
        return
    lasts = {foot[-1] for foot in feet}
    content, contents, lines = doc.content, doc.contents, doc.lines
    # Only lines that end as a foot does are read (their last characters mapped in C).
    ends_as_foot = map(lasts.__contains__, map(itemgetter(-1), lines[:-1]))
    for rank in compress(range(len(lines) - 1), ends_as_foot):
        row, after = content[rank], content[rank + 1]
        line = lines[rank]
        if row in found or after in found:
            continue
        glued = max((foot for foot in feet if line.endswith(foot)), key=len, default=None)
        if glued is None or len(line) == len(glued):
            continue
        head_end = len(line) - len(glued)
        tail = contents[after]
        if line[head_end - 1].islower() and tail[0].islower():
            if doc.page_of[row] == doc.page_of[after]:
                start = doc.content_starts[row] + head_end
                yield Change(start, doc.content_starts[after], "", "page furniture glued to a word")


def has_two_lines(text: str) -> bool:
    """Two lines or more hold something besides layout whitespace (a scan in C).

    The text's first and last printed characters lie on different lines exactly
    when a line break is left once the text's outer whitespace is stripped.

    >>> has_two_lines("  \\n标题\\n\\n"), has_two_lines("\\n标题\\n正文\\n")
    (False, True)
    """
    return "\n" in text.strip(_BLANK)


def _removals(doc: _Document, found: dict[int, str]) -> Iterator[Change]:
    """One change per run of furniture between two lines of content."""
    text = doc.text
    kept = [i for i in doc.content if i not in found]
    blank_line = "\r\n" if "\r\n" in text else "\n"
    runs: dict[tuple[int | None, int | None], list[int]] = defaultdict(list)
    position = 0
    for index in sorted(found):
        while position < len(kept) and kept[position] < index:
            position += 1
        before = kept[position - 1] if position > 0 else None
        after = kept[position] if position < len(kept) else None
        runs[(before, after)].append(index)
    for (before, after), members in sorted(runs.items(), key=lambda item: item[1][0]):
        start = doc.starts[before + 1] if before is not None else 0
        end = doc.starts[after] if after is not None else len(text)
        while after is not None and end < len(text) and text[end] == "\f":
            end += 1
        page_breaks = text.count("\f", start, end)
        if before is None or after is None:
            replacement = ""
        else:
            replacement = "\f" * page_breaks if page_breaks else blank_line
        reasons = dict.fromkeys(found[i] for i in members)
        yield Change(start, end, replacement, "page furniture: " + "; ".join(reasons))


RULE = Rule(
    id="remove_page_furniture",
    summary="Remove running heads, feet, page numbers and e-paper navigation repeated per page.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "报头 第1版\n\n正文一。\n\n- 1 -\n\f报头 第2版\n\n正文二。\n\n- 2 -\n",
            "正文一。\n\f正文二。\n",
            "a head and a page number repeated on every page go; the page break stays",
        ),
        Example(
            "副歌一句\n正文一。\n副歌一句\n正文二。\n副歌一句\n",
            "副歌一句\n正文一。\n副歌一句\n正文二。\n副歌一句\n",
            "a refrain repeated inside unmarked text is content",
        ),
    ),
)

"""Groups of near-identical short strings (running heads whose dates and weekdays differ).

Exact duplicates are grouped first (cheap); the distinct strings are then merged
by ``rapidfuzz`` similarity, each compared only with a bounded number of groups of
about its length, so that grouping stays linear in the number of strings.

Most strings of a text are near nothing (every line of running text differs), so
before ``rapidfuzz`` compares a string with its candidates, a filter that never
rejects a near pair rules most of them out: a string within ``k`` edits of another
shares with it one of any ``k + 1`` disjoint pieces of itself, untouched, because
each edit (an insertion or a deletion) falls into at most one piece. The pieces of
a string are looked up in a set of every substring of their length that the
candidates hold.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import chain, compress, repeat
from operator import itemgetter

from rapidfuzz import fuzz, process

# Two strings are the same line when their Indel similarity reaches this (percent):
# one differing character in 7 (星期五 / 星期六 in a dated head), two in 14.
SIMILARITY = 85.0

# Strings shorter than this are grouped only when identical: in a short string one
# character is the whole difference (第3版 / 第3页 are different lines).
MIN_FUZZY_CHARS = 6

# Strings differing in length by more than this many characters are not compared.
LENGTH_SLACK = 2

# Each string is compared with at most this many groups: the most populous ones of
# similar length. Real running heads are few; this bounds adversarial input.
MAX_CANDIDATES = 32

# A length's candidates are first indexed by their pieces once the strings of the
# length compared without an index have cost this many times what building one
# would (SUBSTRINGS_PER_COMPARISON): most lengths of a text hold few strings, too few
# to pay for an index, and where a length holds many the index soon pays.
FIRST_TRIAL_COST_SHARE = 2
# A length's index is judged once it has let through this many strings (a near
# string or two is no verdict), and kept while it rules out at least
# MIN_RULED_OUT_SHARE of the strings it is asked about: a look-up costs about a fifth
# of comparing a string with its candidates. Han characters are many and rarely
# repeat; every short Latin substring is common, so there the index rules out little.
MIN_INDEX_TRIAL = 8
MIN_RULED_OUT_SHARE = 0.2
# An index given up is tried again once the strings let through since have cost this
# many times what building it did, so that failed trials cost a tenth of the
# comparisons at most (and at least twice as many strings as last time): comparing a
# string with its candidates costs about as much as indexing this many substrings.
RETRIAL_COST_SHARE = 10
SUBSTRINGS_PER_COMPARISON = 64


def max_edits(length: int) -> int:
    """The most insertions and deletions that leave a string of ``length`` characters
    similar to one at most ``LENGTH_SLACK`` longer: ``fuzz.ratio`` is
    ``100 * (1 - edits / (len(a) + len(b)))``.

    >>> max_edits(6), max_edits(20), max_edits(60)
    (2, 6, 18)
    """
    # A hair over the bound: a rounding error must not cost a piece (more pieces are safe).
    return int((100 - SIMILARITY) * (2 * length + LENGTH_SLACK) / 100 + 1e-9)


def pieces(length: int) -> tuple[int, itemgetter[tuple[str, ...]]]:
    """The length of the disjoint pieces of a string of ``length`` characters, one
    more than ``max_edits`` of them, and a getter of those pieces.

    >>> size, getter = pieces(7)
    >>> size, getter("日报2月#日星")
    (2, ('日报', '2月', '#日'))
    """
    count = max_edits(length) + 1
    size = length // count
    return size, itemgetter(*(slice(start, start + size) for start in range(0, count * size, size)))


class Clusters:
    """The groups of near-identical strings among ``keys``.

    >>> Clusters(["日报2月#日星期五", "标题", "日报2月#日星期六", "标题", "正文"]).groups()
    [[0, 2], [1, 3]]
    """

    def __init__(self, keys: list[str]) -> None:
        self._keys = keys

    def groups(self) -> list[list[int]]:
        """The groups of two or more indices into ``keys`` (a string near no other is
        left out), each in order, ordered by first member."""
        keys = self._keys
        sizes = Counter(keys)  # in order of first occurrence, counted in C
        # Stable sorts, largest first: equal sizes keep their order.
        order = sorted(sizes, key=sizes.__getitem__, reverse=True)
        joined = _Candidates().place_all(order, sizes)
        repeated = bisect_left(order, -1, key=lambda key: -sizes[key])  # keys seen twice or more
        grouped = set(order[:repeated]).union(joined, joined.values())
        found: dict[str, list[int]] = {}
        # Indices in order: each group is built in order, and met first at its first member.
        for index in compress(range(len(keys)), map(grouped.__contains__, keys)):
            key = keys[index]
            found.setdefault(joined.get(key, key), []).append(index)
        return list(found.values())


class _Candidates:
    """The groups so far, by length, and the candidates each length is compared with.

    Only the head of each length's bucket (its first ``MAX_CANDIDATES`` groups) is
    ever a candidate, so only the head is kept. A length's candidates change only
    when a group joins the head of a bucket within ``LENGTH_SLACK`` of it or such a
    head group grows; in between they are reused, so that text of distinct lines does
    not gather and sort them line by line.

    A group that grows drops the candidates of the lengths near the string that joined
    it, which are gathered again when next needed; those of the other lengths near the
    group are kept as they were (stale: the group may now rank higher) until a group
    near them changes. A new group drops a length's candidates only where it ranks
    among them, or they are stale; elsewhere gathering them again would give the same
    list, so it is kept, and counts as gathered again when next used (until then, a
    group that grows near it drops it: gathered after that growth, it would see it).
    """

    def __init__(self) -> None:
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._sizes: dict[str, int] = {}
        self._cached: dict[int, list[str]] = {}
        self._stale: set[int] = set()  # lengths whose candidates predate a group's growth
        self._kept: set[int] = set()  # lengths whose candidates a new group left, unused since
        self._filters = _Filters()
        self._full: set[int] = set()  # lengths whose bucket's head is full

    def place_all(self, keys: list[str], sizes: Mapping[str, int]) -> dict[str, str]:
        """Place each of ``keys`` (``sizes[key]`` strings) in turn, most populous first:
        the group each key that joins one joins; every other key starts a group."""
        joined: dict[str, str] = {}
        cached, kept, full, filters = self._cached, self._kept, self._full, self._filters
        extract_one = process.extractOne
        for key in keys:
            length = len(key)
            if length >= MIN_FUZZY_CHARS:
                candidates = cached.get(length)
                if candidates is None:
                    candidates = cached[length] = self._gather(length)
                kept.discard(length)
                # ASCII keys are never looked up by their pieces: see ``_PieceFilter``.
                if candidates and (key.isascii() or not filters[length].rules_out(key, candidates)):
                    best = extract_one(key, candidates, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
                    if best is not None:
                        joined[key] = self._grow(best[0], key, sizes[key])
                        continue
            if length not in full:
                self._start(key, sizes[key])
        return joined

    def _grow(self, target: str, key: str, size: int) -> str:
        """``key`` (``size`` strings) joins the group ``target``."""
        self._sizes[target] += size
        for near in _near(len(key)):  # every candidate heads its bucket
            self._drop(near)
        for near in _near(len(target)):
            if near in self._kept:
                self._drop(near)
            elif near in self._cached:
                self._stale.add(near)
        return target

    def _start(self, key: str, size: int) -> None:
        """``key`` (``size`` strings) starts a group at the end of its bucket's head."""
        bucket = self._by_length[len(key)]
        bucket.append(key)
        if len(bucket) == MAX_CANDIDATES:
            self._full.add(len(key))
        self._sizes[key] = size
        for near in _near(len(key)):
            candidates = self._cached.get(near)
            if candidates is None:
                continue
            if near in self._stale or self._ranks(key, candidates):
                self._drop(near)
            else:
                self._kept.add(near)

    def _drop(self, length: int) -> None:
        self._cached.pop(length, None)
        self._stale.discard(length)
        self._kept.discard(length)

    def _ranks(self, key: str, candidates: list[str]) -> bool:
        """Whether ``key``, a new group last in its bucket, ranks among ``candidates``
        (ordered by size, then by length and place in their buckets)."""
        if len(candidates) < MAX_CANDIDATES:
            return True
        last = candidates[-1]
        size, last_size = self._sizes[key], self._sizes[last]
        return size > last_size or (size == last_size and len(key) < len(last))

    def _gather(self, length: int) -> list[str]:
        # Keys arrive most populous first, so each bucket's head holds its largest groups.
        buckets = map(self._by_length.get, _near(length), repeat(()))
        candidates = list(chain.from_iterable(buckets))
        candidates.sort(key=self._sizes.__getitem__, reverse=True)
        return candidates[:MAX_CANDIDATES]


def _near(length: int) -> range:
    """The lengths within ``LENGTH_SLACK`` of ``length``."""
    return range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1)


class _Filters(dict[int, "_PieceFilter"]):
    """The piece filter of each length, made when first asked for."""

    def __missing__(self, length: int) -> _PieceFilter:
        sieve = self[length] = _PieceFilter(length)
        return sieve


class _PieceFilter:
    """For the strings of one length: every substring of their pieces' size that their
    candidates hold or held before (a superset of today's candidates' substrings rules
    out no near string either; it only grows, by new candidates, where rebuilding it on
    every change of candidates would cost more than it saves).

    Built once the strings compared without it have cost a little more than building
    it would; given up where it rules out too few, and tried again after twice as many
    strings as before (a text's first lines need not be like the rest) and enough to
    pay for the failed trial many times over.

    ASCII strings are never looked up: ASCII has few letters, and every piece of two or
    three of them is common in any text (of 7,440 lines of wrapped English the trials
    ruled out 417, and cost more than the comparisons they spared).
    """

    __slots__ = (
        "_size", "_pieces", "_idle", "_wait", "_passed", "_ruled", "_seen", "_indexed", "_index"
    )  # fmt: skip

    def __init__(self, length: int) -> None:
        self._size, self._pieces = pieces(length)
        self._idle = 0  # strings let through without a look-up
        # Strings to let through before an index is tried: one of the length's candidates
        # costs about ``length`` substrings.
        build = length * MAX_CANDIDATES // SUBSTRINGS_PER_COMPARISON
        self._wait = FIRST_TRIAL_COST_SHARE * build
        self._passed = self._ruled = 0  # strings let through and ruled out by this index
        self._seen: list[str] | None = None  # the candidates last indexed
        self._indexed: set[str] = set()  # every string indexed
        self._index: set[str] | None = None

    def rules_out(self, key: str, candidates: list[str]) -> bool:
        """Whether no untouched piece of ``key`` lies in any of ``candidates``: then
        ``key`` is near none of them."""
        index = self._index
        if index is None:
            self._idle += 1
            if self._idle < self._wait:
                return False
            index = self._index = set()
            self._indexed = set()
            self._passed = self._ruled = 0
        if candidates is not self._seen:  # a new list: the length's candidates changed
            self._add(candidates)
        if index.isdisjoint(self._pieces(key)):
            self._ruled += 1
            return True
        self._passed += 1
        if self._passed > MIN_INDEX_TRIAL and self._ruled < MIN_RULED_OUT_SHARE * (
            self._passed + self._ruled
        ):
            retry = RETRIAL_COST_SHARE * len(index) // SUBSTRINGS_PER_COMPARISON
            self._index = self._seen = None
            self._idle, self._wait = 0, max(2 * self._wait, retry)
        return False

    def _add(self, candidates: list[str]) -> None:
        size, index, indexed = self._size, self._index, self._indexed
        for key in candidates:
            if key not in indexed:
                indexed.add(key)
                ends = range(size, len(key) + 1)
                index.update(map(key.__getitem__, map(slice, range(len(key)), ends)))
        self._seen = candidates

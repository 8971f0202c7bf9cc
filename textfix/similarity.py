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

from collections import defaultdict
from collections.abc import Callable
from itertools import chain, repeat
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

# A length's candidates are indexed by their pieces only once they have been compared
# with this many strings: while buckets fill they change from string to string, and
# building the index costs about as much as a few comparisons.
INDEX_AFTER_USES = 4
# Indexes of pieces of one size are built while they rule out as many strings as they
# let through, judged once they have let through this many (a near string or two is
# no verdict). Han characters are many and rarely repeat; every short Latin
# substring is common, so there the index rules out nothing.
MIN_INDEX_TRIAL = 8


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
    """Partition ``keys`` into groups of near-identical strings.

    >>> Clusters(["日报2月#日星期五", "标题", "日报2月#日星期六", "标题"]).groups()
    [[0, 2], [1, 3]]
    """

    def __init__(self, keys: list[str]) -> None:
        self._keys = keys

    def groups(self) -> list[list[int]]:
        """Groups of indices into ``keys``, each in order, ordered by first member."""
        exact: dict[str, list[int]] = defaultdict(list)
        for index, key in enumerate(self._keys):
            exact[key].append(index)
        sizes = dict(zip(exact, map(len, exact.values()), strict=True))
        candidates = _Candidates()
        absorbed: set[str] = set()  # groups merged into others
        extended: set[str] = set()  # groups that took in others: no longer in order
        # Stable sorts, largest first: equal sizes keep their order.
        for key in sorted(exact, key=sizes.__getitem__, reverse=True):
            target = candidates.place(key, sizes[key])
            if target is not None:
                exact[target].extend(exact[key])
                absorbed.add(key)
                extended.add(target)
        for key in extended:
            exact[key].sort()
        kept = [group for key, group in exact.items() if key not in absorbed]
        return sorted(kept, key=itemgetter(0))


class _Candidates:
    """The groups so far, by length, and the candidates each length is compared with.

    Only the head of each length's bucket (its first ``MAX_CANDIDATES`` groups) is
    ever a candidate, so only the head is kept. A length's candidates change only
    when a group joins the head of a bucket within ``LENGTH_SLACK`` of it or such a
    head group grows; in between they are reused, so that text of distinct lines does
    not gather and sort them line by line.
    """

    def __init__(self) -> None:
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._sizes: dict[str, int] = {}
        self._cached: dict[int, _Window] = {}
        self._trials: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        self._substrings: dict[tuple[str, int], frozenset[str]] = {}
        self._pieces: dict[int, tuple[int, itemgetter[tuple[str, ...]]]] = {}

    def place(self, key: str, size: int) -> str | None:
        """The group ``key`` (``size`` strings) joins, if any; else it starts one."""
        length = len(key)
        target = self.nearest(key) if length >= MIN_FUZZY_CHARS else None
        if target is not None:
            self._sizes[target] += size
            self._changed(length)  # every candidate heads its bucket
            return target
        bucket = self._by_length[length]
        if len(bucket) < MAX_CANDIDATES:
            bucket.append(key)
            self._sizes[key] = size
            self._changed(length)
        return None

    def _changed(self, length: int) -> None:
        for near in range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1):
            self._cached.pop(near, None)

    def nearest(self, key: str) -> str | None:
        """The group ``key`` is near-identical to, if any."""
        window = self._cached.get(len(key))
        if window is None:
            length = len(key)
            shape = self._pieces.get(length)
            if shape is None:
                shape = self._pieces[length] = pieces(length)
            trial = self._trials[shape[0]]
            window = _Window(self._gather(length), shape, trial, self._index)
            self._cached[length] = window
        return window.nearest(key)

    def _index(self, candidates: list[str], size: int) -> set[str]:
        """Every substring of ``size`` characters of ``candidates`` (each candidate's
        kept: a head is a candidate of several lengths, and again after each change)."""
        known = self._substrings
        index: set[str] = set()
        for key in candidates:
            substrings = known.get((key, size))
            if substrings is None:
                ends = range(size, len(key) + 1)
                substrings = frozenset(map(key.__getitem__, map(slice, range(len(key)), ends)))
                known[key, size] = substrings
            index.update(substrings)
        return index

    def _gather(self, length: int) -> list[str]:
        # Keys arrive most populous first, so each bucket's head holds its largest groups.
        lengths = range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1)
        buckets = map(self._by_length.get, lengths, repeat(()))
        candidates = list(chain.from_iterable(buckets))
        candidates.sort(key=self._sizes.__getitem__, reverse=True)
        return candidates[:MAX_CANDIDATES]


class _Window:
    """A length's candidates, indexed by their substrings once they have served a few
    strings (while they change from string to string an index does not pay), unless
    indexes of pieces of this size let through more strings than they rule out."""

    __slots__ = ("_candidates", "_size", "_pieces", "_uses", "_trial", "_indexed", "_index")

    def __init__(
        self,
        candidates: list[str],
        shape: tuple[int, itemgetter[tuple[str, ...]]],
        trial: list[int],
        indexed: Callable[[list[str], int], set[str]],
    ) -> None:
        self._candidates = candidates
        self._indexed = indexed
        self._size, self._pieces = shape  # of the pieces of a string of this length
        self._uses = 0
        self._trial = trial  # strings let through and ruled out by indexes of this piece size
        self._index: set[str] | None = None

    def nearest(self, key: str) -> str | None:
        if not self._candidates:
            return None
        self._uses += 1
        trial = self._trial
        if self._uses == INDEX_AFTER_USES and trial[0] <= max(trial[1], MIN_INDEX_TRIAL):
            self._index = self._indexed(self._candidates, self._size)
        if self._index is not None:
            if self._index.isdisjoint(self._pieces(key)):
                trial[1] += 1
                return None  # no candidate holds an untouched piece: none is near
            trial[0] += 1
            if trial[0] > max(trial[1], MIN_INDEX_TRIAL):
                self._index = None
        best = process.extractOne(key, self._candidates, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
        return None if best is None else best[0]

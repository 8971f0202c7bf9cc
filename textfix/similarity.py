"""Groups of near-identical short strings (running heads whose dates and weekdays differ).

Exact duplicates are grouped first (cheap); the distinct strings are then merged
by ``rapidfuzz`` similarity, each compared only with a bounded number of groups of
about its length, so that grouping stays linear in the number of strings.
"""

from __future__ import annotations

from collections import defaultdict
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
        merged: dict[str, list[int]] = {}
        extended: set[str] = set()  # groups that took in others: no longer in order
        # Stable sorts, largest first: equal sizes keep their order.
        for key in sorted(exact, key=sizes.__getitem__, reverse=True):
            target = candidates.nearest(key) if len(key) >= MIN_FUZZY_CHARS else None
            if target is None:
                merged[key] = exact[key]
                candidates.add(key, sizes[key])
            else:
                merged[target].extend(exact[key])
                extended.add(target)
                candidates.grow(target, sizes[key])
        for key in extended:
            merged[key].sort()
        return sorted(merged.values(), key=itemgetter(0))


class _Candidates:
    """The groups so far, by length, and the candidates each length is compared with.

    A length's candidates change only when a group joins the head of a bucket within
    ``LENGTH_SLACK`` of it or such a head group grows; in between they are reused,
    so that text of distinct lines does not gather and sort them line by line.
    """

    def __init__(self) -> None:
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._sizes: dict[str, int] = {}
        self._cached: dict[int, list[str]] = {}

    def add(self, key: str, size: int) -> None:
        bucket = self._by_length[len(key)]
        bucket.append(key)
        self._sizes[key] = size
        if len(bucket) <= MAX_CANDIDATES:
            self._changed(len(key))

    def grow(self, key: str, size: int) -> None:
        self._sizes[key] += size
        self._changed(len(key))  # every candidate heads its bucket

    def _changed(self, length: int) -> None:
        for near in range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1):
            self._cached.pop(near, None)

    def nearest(self, key: str) -> str | None:
        """The group ``key`` is near-identical to, if any."""
        candidates = self._cached.get(len(key))
        if candidates is None:
            candidates = self._cached[len(key)] = self._gather(len(key))
        if not candidates:
            return None
        best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
        return None if best is None else best[0]

    def _gather(self, length: int) -> list[str]:
        # Keys arrive most populous first, so each bucket's head holds its largest groups.
        lengths = range(length - LENGTH_SLACK, length + LENGTH_SLACK + 1)
        buckets = map(self._by_length.get, lengths, repeat(()))
        candidates = list(chain.from_iterable(map(itemgetter(slice(MAX_CANDIDATES)), buckets)))
        candidates.sort(key=self._sizes.__getitem__, reverse=True)
        return candidates[:MAX_CANDIDATES]

"""Caches keyed by a whole text, shared by the rules of one pipeline run.

Several rules read the same facts of the same text: its protected regions, the letters
around each mark, its lines and page layout. Each is computed once per text and kept for
the last few texts (``per_text_cache``). What a cache holds about a text (a page of
per-line lists) is several times the text's size, so a caller that knows no rule will
read a text again lets go of it with ``forget``: ``fix`` does so for every text a rule has
replaced. ``clear`` empties every cache, for a caller that must not be served a previous
run's work — a benchmark timing a rule on the same text twice.

>>> calls = []
>>> @per_text_cache(maxsize=2)
... def length(text: str) -> int:
...     calls.append(text)
...     return len(text)
>>> length("ab"), length("ab"), calls
(2, 2, ['ab'])
>>> forget("ab")
>>> length("ab"), calls
(2, ['ab', 'ab'])
>>> clear()
>>> length("ab"), calls
(2, ['ab', 'ab', 'ab'])
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import update_wrapper
from typing import Any, TypeVar

_MISSING = object()
_Function = TypeVar("_Function", bound=Callable[[str], Any])


class _TextCache:
    """``function``'s results for the ``maxsize`` texts it was last asked about."""

    def __init__(self, function: Callable[[str], Any], maxsize: int) -> None:
        self._function = function
        self._maxsize = maxsize
        self._results: OrderedDict[str, Any] = OrderedDict()
        # Rules may run in threads (a Dask or thread-pool executor): a hit reads without
        # the lock (a single dict operation), two threads asking about a new text both
        # compute it, and the lock keeps an insertion and its evictions together.
        self._lock = threading.Lock()
        update_wrapper(self, function)

    def __call__(self, text: str) -> Any:
        result = self._results.get(text, _MISSING)
        if result is _MISSING:
            result = self._function(text)
            with self._lock:
                self._results[text] = result
                while len(self._results) > self._maxsize:
                    self._results.popitem(last=False)
        else:
            try:
                self._results.move_to_end(text)
            except KeyError:
                pass  # another thread dropped the text since: there is nothing to move
        return result

    def forget(self, text: str) -> None:
        with self._lock:
            self._results.pop(text, None)

    def cache_clear(self) -> None:
        with self._lock:
            self._results.clear()


_CACHES: list[_TextCache] = []


def per_text_cache(maxsize: int) -> Callable[[_Function], _Function]:
    """Remember a one-argument function's results for the last ``maxsize`` texts."""

    def decorate(function: _Function) -> _Function:
        cached = _TextCache(function, maxsize)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def forget(text: str) -> None:
    """Drop what every ``per_text_cache`` remembers about ``text``."""
    for cached in _CACHES:
        cached.forget(text)


def clear() -> None:
    """Forget every text remembered by a ``per_text_cache``."""
    for cached in _CACHES:
        cached.cache_clear()

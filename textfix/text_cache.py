"""Caches keyed by a whole text, shared by the rules of one pipeline run.

Several rules read the same facts of the same text: its protected regions, the letters
around each mark, its lines and page layout. Each is computed once per text and kept for
the last few texts (``per_text_cache``). ``clear`` empties them all, for a caller that
must not be served a previous run's work — a benchmark timing a rule on the same text
twice, or a long-lived process that wants the memory back.

>>> calls = []
>>> @per_text_cache(maxsize=2)
... def length(text: str) -> int:
...     calls.append(text)
...     return len(text)
>>> length("ab"), length("ab"), calls
(2, 2, ['ab'])
>>> clear()
>>> length("ab"), calls
(2, ['ab', 'ab'])
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

_Function = TypeVar("_Function", bound=Callable[..., Any])

_CACHES: list[Any] = []


def per_text_cache(maxsize: int) -> Callable[[_Function], _Function]:
    """``functools.lru_cache(maxsize)``, registered so that ``clear`` can empty it."""

    def decorate(function: _Function) -> _Function:
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def clear() -> None:
    """Forget every text remembered by a ``per_text_cache``."""
    for cached in _CACHES:
        cached.cache_clear()

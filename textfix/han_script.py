"""Which Chinese script a Han character belongs to, as OpenCC's tables say.

One classifier for every part of textfix that tells traditional from simplified
script (the mixed-script notices of ``convert_script``, the quality report).
Converters are built on first use, not at import.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1 << 16)
def han_form(char: str) -> str | None:
    """``traditional`` or ``simplified`` for a character only one standard uses, else None.

    >>> han_form("這"), han_form("这"), han_form("台"), han_form("中")
    ('traditional', 'simplified', None, None)
    """
    to_simplified, *to_traditional = _converters()
    if to_simplified.convert(char) != char:
        return "traditional"
    if all(converter.convert(char) != char for converter in to_traditional):
        return "simplified"
    return None


@lru_cache(maxsize=1)
def _converters() -> tuple[Any, ...]:
    """OpenCC converters to simplified, then to each traditional standard (built lazily)."""
    import opencc

    return tuple(opencc.OpenCC(name) for name in ("t2s", "s2t", "s2tw", "s2hk"))

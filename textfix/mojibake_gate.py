"""Where ftfy's mojibake heuristic can fire: ``ftfy.badness.is_bad`` without scanning all text.

``is_bad`` searches the text with one regex of some forty alternatives, each a short
sequence that mojibake produces (``Ã©``, ``â€œ``, ``Â·``). Every alternative needs one
character from a small *key* set (accented Latin-1 letters, currency and math signs, box
drawing, C1 controls ...) and no match is longer than a few characters, so the pattern
matches the text exactly when it matches in a short window around a key character. Clean
Chinese, and English with curly quotes, hold no key character: one scan for them decides.

The key set and the window are read from ftfy's pattern on first use. If a later ftfy
writes a pattern this reading does not understand, ``is_bad`` falls back to ftfy's own.

>>> is_bad("发展人工智能，“引号”"), is_bad("cafÃ©"), ftfy.badness.is_bad("cafÃ©")
(False, True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ftfy.badness

try:  # the pattern parser of the standard library (private; moved in Python 3.11)
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# Characters of clean prose that a key set should avoid when an alternative leaves a
# choice (``[…][“‘]`` can be keyed on its first character): curly quotes, dashes, the
# ellipsis, the middle dot and the no-break space are on every line of Chinese and English.
_COMMON_IN_PROSE = frozenset("“”‘’–—…·\xa0")
# What may appear anywhere in an alternative without breaking the window argument: no
# lookaround, no end or word-boundary anchor (a window cut there would change the answer).
_SAFE_OPS = frozenset(
    (
        sre_constants.LITERAL,
        sre_constants.NOT_LITERAL,
        sre_constants.IN,
        sre_constants.ANY,
        sre_constants.MAX_REPEAT,
        sre_constants.MIN_REPEAT,
        sre_constants.SUBPATTERN,
        sre_constants.BRANCH,
        sre_constants.AT,
    )
)
_SAFE_AT = frozenset((sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING))


@dataclass(frozen=True)
class _Gate:
    key: re.Pattern[str]  # every match of ftfy's pattern holds one of these characters
    width: int  # and is at most this long


def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searching only around key characters."""
    gate = _gate()
    if gate is None:
        return ftfy.badness.is_bad(text)
    return any(
        ftfy.badness.BADNESS_RE.search(text, start, end) for start, end in _windows(text, gate)
    )


def suspect_lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line that ``is_bad`` may find bad on its own: the lines
    holding a key character (every non-ASCII line if the pattern could not be read)."""
    gate = _gate()
    key = _NON_ASCII if gate is None else gate.key
    end = -1
    for match in key.finditer(text):
        if match.start() > end:
            start = text.rfind("\n", 0, match.start()) + 1
            found = text.find("\n", match.start())
            end = len(text) if found < 0 else found
            yield start, end


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _windows(text: str, gate: _Gate) -> Iterator[tuple[int, int]]:
    """Merged spans reaching ``width - 1`` characters either side of each key character."""
    reach = gate.width - 1
    start = end = -1
    for match in gate.key.finditer(text):
        low, high = max(0, match.start() - reach), match.end() + reach
        if low > end:
            if end >= 0:
                yield start, end
            start = low
        end = high
    if end >= 0:
        yield start, end


@lru_cache(maxsize=1)
def _gate() -> _Gate | None:
    pattern = ftfy.badness.BADNESS_RE
    if pattern.flags & re.IGNORECASE:
        return None
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    width = tree.getwidth()[1]
    if not 0 < width < sre_constants.MAXREPEAT or not _is_window_safe(tree):
        return None
    items = list(tree)
    if len(items) == 1 and items[0][0] is sre_constants.BRANCH:
        alternatives = list(items[0][1][1])
    else:
        alternatives = [items]
    key: set[str] = set()
    for alternative in alternatives:
        choices = [chars for op, av in alternative if (chars := _chars(op, av))]
        choices = [chars for chars in choices if not any(char.isascii() for char in chars)]
        if not choices:
            return None
        key |= min(choices, key=lambda chars: (len(chars & _COMMON_IN_PROSE), len(chars)))
    return _Gate(re.compile("[" + re.escape("".join(sorted(key))) + "]"), width)


def _chars(op: Any, av: Any) -> frozenset[str] | None:
    """The characters a mandatory single-character item matches, if it is a plain set."""
    if op is sre_constants.LITERAL:
        return frozenset(chr(av))
    if op is not sre_constants.IN:
        return None
    chars: set[str] = set()
    for kind, value in av:
        if kind is sre_constants.LITERAL:
            chars.add(chr(value))
        elif kind is sre_constants.RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negated set or a category (\w, \s): not a plain set
            return None
    return frozenset(chars)


def _is_window_safe(items: Any) -> bool:
    """True when every node is one that matches the same in a window as in the text."""
    for op, av in items:
        if op not in _SAFE_OPS or (op is sre_constants.AT and av not in _SAFE_AT):
            return False
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            children = [av[2]]
        elif op is sre_constants.SUBPATTERN:
            children = [av[-1]]
        elif op is sre_constants.BRANCH:
            children = list(av[1])
        else:
            children = []
        if not all(_is_window_safe(child) for child in children):
            return False
    return True

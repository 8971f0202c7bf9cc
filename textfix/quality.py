"""A text-quality report: the artifacts a text shows, and a score in [0, 1].

Artifacts are counted by type:

- the edits each rule would make, by rule id (``remove_space_beside_cjk_punct``, ...);
- ``replacement_character``: U+FFFD, a character a decoder could not read (lost);
- ``gbk_mojibake``: ``锟斤拷``, two U+FFFD written as UTF-8 and read back as GBK;
- ``unbalanced_bracket``: a bracket (``()（）[]【】《》〈〉{}``) with no partner;
- ``unbalanced_quote``: a quote (``“”「」『』``, or an odd count of ``"``) with no partner;
  ``‘’`` are left out because ``’`` is also the apostrophe;
- ``mixed_han_scripts``: Han text mixing traditional-only characters (OpenCC t2s changes
  them) with simplified-only ones (t2s keeps them; s2t, s2tw and s2hk all change them,
  so ``台``, kept by Hong Kong usage, is not simplified-only), as OCR or a
  half-converted source leaves. When both kinds occur at least ``MIN_MIXED_EACH``
  times, the count is the rarer kind's: those are likely the wrong ones. Characters
  shared by both standards (most of them) never count.

Score. Each artifact has a weight (``WEIGHTS``; a rule edit not listed weighs
``RULE_EDIT_WEIGHT``); the weighted sum per 1000 characters is the *density*, and

    score = 1 - min(1, density / DENSITY_AT_ZERO)

so clean text scores 1.0 and a text with ``DENSITY_AT_ZERO`` weighted artifacts per
1000 characters (or more) scores 0.

>>> q = quality("部署。 （高美梅）")
>>> dict(q.artifacts), q.score
({'remove_space_beside_cjk_punct': 1}, 0.0)
>>> quality("部署。（高美梅）").score
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from . import _engine
from ._api import _DEFAULT, _require_str
from .config import Config
from .han_script import han_form

REPLACEMENT = "\ufffd"
GBK_MOJIBAKE = "锟斤拷"

# Weights: how much one artifact of a type says about the text's damage.
# A repairable artifact (one rule edit) weighs 1. A lost character weighs 5: it
# cannot be repaired. 锟斤拷 stands for two lost characters. An unbalanced bracket
# or quote is usually a lost or misread character, but sometimes legitimate
# ("1)" in a list), so 2. A line join is routine in any hard-wrapped text (one per
# 15-40 characters) and loses nothing: 0.1, so that a wrapped but otherwise clean
# page scores about 0.5 rather than 0.
RULE_EDIT_WEIGHT = 1.0
WEIGHTS: Mapping[str, float] = {
    "replacement_character": 5.0,
    "gbk_mojibake": 10.0,
    "unbalanced_bracket": 2.0,
    "unbalanced_quote": 2.0,
    "mixed_han_scripts": 1.0,
    "reflow_paragraphs": 0.1,
}

# Weighted artifacts per 1000 characters at which the score reaches 0: one
# repairable artifact every 100 characters makes a text unusable as it stands.
DENSITY_AT_ZERO = 10.0

# Each script must occur this often before a mix counts: one traditional-only
# character in simplified text is usually a name or a quotation, three are a pattern.
MIN_MIXED_EACH = 3

BRACKETS = ("()", "（）", "[]", "【】", "《》", "〈〉", "{}")
QUOTES = ("“”", "「」", "『』")
_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True)
class Quality:
    """A text's artifacts by type (only those found) and its score in [0, 1]."""

    score: float
    artifacts: Mapping[str, int]
    characters: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "characters": self.characters,
            "artifacts": dict(self.artifacts),
        }


def quality(text: str, config: Config | None = None) -> Quality:
    """The artifacts in ``text`` (rule edits under ``config``, and unrepairable ones) and score."""
    _require_str(text)
    artifacts: Counter[str] = Counter()
    _engine.run(text, config or _DEFAULT, track=False, counts=artifacts)
    artifacts["replacement_character"] = text.count(REPLACEMENT)
    artifacts["gbk_mojibake"] = text.count(GBK_MOJIBAKE)
    artifacts["unbalanced_bracket"] = sum(unmatched(text, pair) for pair in BRACKETS)
    artifacts["unbalanced_quote"] = sum(unmatched(text, pair) for pair in QUOTES) + (
        text.count('"') % 2
    )
    artifacts["mixed_han_scripts"] = mixed_han_scripts(text)
    found = {kind: count for kind, count in sorted(artifacts.items()) if count}
    return Quality(score_of(found, len(text)), found, len(text))


def score_of(artifacts: Mapping[str, int], characters: int) -> float:
    """``1 - min(1, density / DENSITY_AT_ZERO)``, density = weighted artifacts per 1000 chars.

    >>> score_of({"remove_space_beside_cjk_punct": 2}, 1000)
    0.8
    """
    weighted = sum(WEIGHTS.get(kind, RULE_EDIT_WEIGHT) * n for kind, n in artifacts.items())
    density = weighted * 1000 / max(characters, 1)
    return round(1 - min(1.0, density / DENSITY_AT_ZERO), 4)


def unmatched(text: str, pair: str) -> int:
    """Openers without a closer after them plus closers without an opener before them.

    >>> unmatched("(a) b) (c", "()")
    2
    """
    opener, closer = pair
    if opener not in text and closer not in text:
        return 0
    depth = stray = 0
    for char in text:
        if char == opener:
            depth += 1
        elif char == closer:
            if depth:
                depth -= 1
            else:
                stray += 1
    return depth + stray


def mixed_han_scripts(text: str) -> int:
    """The rarer of traditional-only and simplified-only Han characters, if both are common.

    >>> mixed_han_scripts("这个这个這個這個這個")
    4
    >>> mixed_han_scripts("這個國家的發展")
    0
    """
    counts = Counter(_HAN.findall(text))
    forms: Counter[str] = Counter()
    for char, count in counts.items():
        form = han_form(char)
        if form:
            forms[form] += count
    if min(forms["traditional"], forms["simplified"]) < MIN_MIXED_EACH:
        return 0
    return min(forms["traditional"], forms["simplified"])

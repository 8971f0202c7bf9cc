"""Collapse a separator that extraction doubled (``，，`` ``。。`` ``、、``) into one.

Why it arises: a PDF draws a line in text runs; when a mark ends one run and the
same mark is drawn again at the start of the next (or the run is re-emitted after
a font change), extraction keeps both copies: ``发展，，推动``.

Broken:     ``发展，，推动``  ``会议。。市长``  ``发展， ，推动``
Fixed:      ``发展，推动``    ``会议。市长``    ``发展，推动``
Left alone: emphasis that writers double on purpose (``！！`` ``？？`` ``……`` ``——``);
runs of three or more (``。。。`` is a typed ellipsis); and a doubled mark beside
other doubled characters (``日日，，两条``, ``。。（（``): that is fake-bold overprint,
where every character is doubled, and ``undo_overprint`` restores the whole run.

Gate: a single regex scan (stdlib ``re``, C speed) for two identical separators in a row;
without one, nothing runs.

>>> [(c.start, c.end, c.after) for c in find("发展，，推动", Options())]
[(2, 4, '，')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..rule import Change, Example, Rule

# Separators never doubled in writing; ``！？…—`` are left out because they are.
_SEPARATORS = "，。、；："
# Copies may be parted by spaces (``， ，``): the space beside a mark is layout and
# ``remove_space_beside_cjk_punct`` would join them afterwards.
_RUN = re.compile("([" + _SEPARATORS + r"])(?:[ \t\u3000\xa0]*\1)+")
# Exactly two copies is the extraction signature (one run boundary).
_DOUBLED = 2


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _is_doubled_pair(text: str, position: int) -> bool:
    """True when ``text[position]`` and ``text[position + 1]`` are one character drawn twice."""
    pair = text[position : position + 2]
    return len(pair) == _DOUBLED and pair[0] == pair[1] and not pair.isspace()


def _beside_overprint(text: str, start: int, end: int) -> bool:
    before = start >= _DOUBLED and _is_doubled_pair(text, start - _DOUBLED)
    return before or _is_doubled_pair(text, end)


def find(text: str, options: Options) -> Iterator[Change]:
    for match in _RUN.finditer(text):
        start, end = match.span()
        copies = match.group().count(match.group(1))
        if copies == _DOUBLED and not _beside_overprint(text, start, end):
            yield Change(start, end, match.group(1), "separator doubled at a text-run boundary")


RULE = Rule(
    id="dedupe_separators",
    summary="Collapse separators that extraction doubled (，， → ，; 。。 → 。).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("发展，，推动", "发展，推动", "comma repeated at a run boundary"),
        Example("真的吗？？太好了！！", "真的吗？？太好了！！", "doubled ？ and ！ are emphasis"),
        Example("等等。。。", "等等。。。", "three full stops are a typed ellipsis"),
    ),
)

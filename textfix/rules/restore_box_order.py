"""Put a column's lower text box back before the box of the next column it runs on into.

Why it arises: pdfminer.six (and tools built on it) groups a page's lines into text
boxes and writes the boxes in an order that mixes their height with their place
across the page. A paragraph that opens with an indent starts a new box, so a
column is often two boxes; the lower one can then be read after the upper box of
the next column. The column's last paragraph stops mid-sentence before the next
column's first box, which starts mid-sentence after a box that ended one::

Broken (pdfminer.six, two columns)::

    … may obtain a different object with the same value.

    return the computed value or raise an
    "AttributeError". If found, it is returned.

    Special names "__getattr__" and "__dir__" can be
    also used to customize access to module attributes.
    The function should accept one argument which is

    The "__dir__" function should accept no arguments.

Fixed: the box that stops mid-sentence (``Special names … which is``) goes before
the box that continues it (``return the computed value …``); the blank line
between the two stays, for paragraph reflow to join across.

Only where every sign agrees: the continuing box starts with a lowercase letter
after a box that ends a sentence (nothing it could continue), the box after it
opens with a capital and stops without closing punctuation, on a line as full as
its others (a column's bottom line, not a paragraph's last), and the box after
that does not continue it. Both boxes hold two lines or more: a one-line box may
be a heading, a caption, or a word the extractor cut off a widely spaced line.

pdfminer.six also ends a line at a gap wider than two characters, which a widely
justified line of a narrow column holds; the words after the gap may then be filed
as a box of their own, read before their line's box, which keeps the line short::

Broken (pdfminer.six, four columns)::

    These equivalences

    implementation,

    assume that "__debug__"
    and "AssertionError" refer
    to the built-in variables
    with those names. In the
    current
    the built-in variable

Fixed: ``current implementation,`` — the piece goes back on the one line of the
next box (not its last) that is short by as much as the piece is long (the two
make a line of the box's measure) and stops mid-sentence; where two lines could
take it, or the box has fewer than three lines, the piece stays.

Left alone: Han text (no letter case tells a continuation, and pdfminer reads CJK
columns in order here); lists and code starting lowercase after a sentence (the box
after them ends its sentence, or starts lowercase itself); one-line boxes but cut-off
pieces; a box whose last line is short (a paragraph's end, a heading without
punctuation).

Gate: a scan (stdlib ``re``, C speed) for a blank line followed by a lowercase
letter; without one, nothing runs.

>>> text = "Ends.\\n\\nrunning on\\ntext.\\n\\nA box that\\nstops mid\\n\\nNext.\\n"
>>> [(c.start, c.end) for c in find(text, Options())]
[(7, 45)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median

from ..chars import CLOSERS, SENTENCE_FINAL, is_unspaced
from ..layout import starts_lowercase, starts_uppercase
from ..rule import Change, Example, Rule

# A box of one line may be a heading, a caption or a word cut off a justified line.
MIN_BOX_LINES = 2
# A column's bottom line is full; a paragraph's last line is usually shorter. Lines of a
# justified proportional face vary in characters by a fifth around their mean.
MIN_FULL_SHARE = 0.7

# A word or a few cut off a widely justified line (pdfminer.six splits the line at a
# gap wider than two characters, and may file the piece as a box of its own, read
# before its line's box): the piece is shorter than the box's lines (their median, in
# characters) by this share at least, its line is short by this share at least, and
# the two together make a line of the box's measure within a proportional face's spread.
MAX_PIECE_SHARE = 0.8
MAX_HOST_SHARE = 0.6
MIN_JOINED_SHARE = 0.75
MAX_JOINED_SHARE = 1.2
# A box with fewer lines shows no measure to match.
MIN_HOST_BOX_LINES = 3
_CUT_OFF = "words cut off a justified line, read as a box of their own, back on their line"

# A line's end, blank lines (spaces allowed) and the next box's first letter, perhaps
# after quotes or brackets: where a continuing box may start. The match starts only
# after a visible character, so each run of blank lines is scanned once.
_BOX_START = re.compile(r"(?<=\S)[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*[\"'_(\[“‘]*[^\W\d_]")
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_STOPS_SENTENCE = frozenset(SENTENCE_FINAL | {":", "："})
_CLOSER_CHARS = "".join(sorted(CLOSERS))


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


@dataclass(frozen=True)
class _Box:
    start: int
    end: int  # after its last non-blank character

    def lines(self, text: str) -> list[str]:
        return text[self.start : self.end].split("\n")


def find(text: str, options: Options) -> Iterator[Change]:
    if not any(text[start.end() - 1].islower() for start in _BOX_START.finditer(text)):
        return
    boxes = _boxes(text)
    index = 0
    while index + 1 < len(boxes):
        box, following = boxes[index], boxes[index + 1]
        after = boxes[index + 2] if index + 2 < len(boxes) else None
        if index and _misordered(text, boxes[index - 1], box, following, after):
            between = text[box.end : following.start]
            moved = text[following.start : following.end] + between
            yield Change(
                box.start,
                following.end,
                moved + text[box.start : box.end],
                "a column's lower box, read after the next column's box it runs on into",
            )
            index += 3
            continue
        host = _host_line_end(text, box, following)
        if host is not None:
            piece = text[box.start : box.end]
            yield Change(box.start, following.start, "", _CUT_OFF)
            yield Change(host, host, " " + piece, _CUT_OFF)
            index += 2
            continue
        index += 1


def _boxes(text: str) -> list[_Box]:
    """The runs of non-blank lines, each from its first to its last non-blank character."""
    boxes = []
    start = 0
    for blank in _BLANK_LINES.finditer(text):
        _add_box(text, start, blank.start(), boxes)
        start = blank.end()
    _add_box(text, start, len(text), boxes)
    return boxes


def _add_box(text: str, start: int, end: int, boxes: list[_Box]) -> None:
    content = text[start:end]
    stripped = content.strip()
    if stripped:
        lead = len(content) - len(content.lstrip())
        boxes.append(_Box(start + lead, start + lead + len(stripped)))


def _misordered(
    text: str, before: _Box, continuing: _Box, stopped: _Box, after: _Box | None
) -> bool:
    continuing_lines = continuing.lines(text)
    stopped_lines = stopped.lines(text)
    if len(continuing_lines) < MIN_BOX_LINES or len(stopped_lines) < MIN_BOX_LINES:
        return False
    if not starts_lowercase(continuing_lines[0]) or not _ends_sentence(text, before):
        return False
    if not starts_uppercase(stopped_lines[0]) or _ends_sentence(text, stopped):
        return False
    if after is not None and starts_lowercase(text[after.start : after.end]):
        return False
    widths = [len(line.strip()) for line in stopped_lines]
    return widths[-1] >= MIN_FULL_SHARE * max(widths)


def _host_line_end(text: str, piece: _Box, box: _Box) -> int | None:
    """Where ``piece``, a one-line box of Latin words starting lowercase, goes back: the
    end of the one line of the next ``box`` (not its last) that is short by as much
    as the piece is long and stops mid-sentence; None unless there is exactly one."""
    content = text[piece.start : piece.end]
    if "\n" in content or not starts_lowercase(content) or _holds_unspaced(content):
        return None
    lines = box.lines(text)
    if len(lines) < MIN_HOST_BOX_LINES:
        return None
    # Widths without line-end spaces or a CRLF's carriage return.
    widths = [len(line.rstrip()) for line in lines]
    measure = median(widths)
    if len(content) > MAX_PIECE_SHARE * measure:
        return None
    hosts = []
    offset = box.start
    for line, width in zip(lines[:-1], widths, strict=False):
        joined = width + 1 + len(content)
        if (
            width < MAX_HOST_SHARE * measure
            and MIN_JOINED_SHARE * measure <= joined <= MAX_JOINED_SHARE * measure
            and line[width - 1 : width] not in _STOPS_SENTENCE
            and not _holds_unspaced(line)
        ):
            hosts.append(offset + width)
        offset += len(line) + 1
    return hosts[0] if len(hosts) == 1 else None


def _holds_unspaced(text: str) -> bool:
    return any(map(is_unspaced, text))


def _ends_sentence(text: str, box: _Box) -> bool:
    """The box's last character, closing quotes and brackets set aside, ends a sentence."""
    return text[box.start : box.end].rstrip(_CLOSER_CHARS)[-1:] in _STOPS_SENTENCE


RULE = Rule(
    id="restore_box_order",
    summary="Reorder pdfminer.six boxes: a column's lower box read late, words cut off a line.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "Ends here.\n\nrunning on from\nthe other column.\n\n"
            "A column that is\ncut at its foot by\n",
            "Ends here.\n\nA column that is\ncut at its foot by\n\n"
            "running on from\nthe other column.\n",
            "the column's bottom box goes before the box that continues it",
        ),
        Example(
            "implementation,\n\nto the built-in variables\nwith those names. In the\n"
            "current\nthe built-in variable is\ntrue.\n",
            "to the built-in variables\nwith those names. In the\n"
            "current implementation,\nthe built-in variable is\ntrue.\n",
            "words cut off a justified line go back on the line short by their length",
        ),
        Example(
            "Ends here.\n\nrunning on from\nthe other column.\n\nA heading\n\nNext.\n",
            "Ends here.\n\nrunning on from\nthe other column.\n\nA heading\n\nNext.\n",
            "a one-line box may be a heading: left alone",
        ),
    ),
)

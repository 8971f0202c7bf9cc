"""Staircases whose pieces an extractor put out of order: pdfminer.six's text boxes.

pdfminer.six groups the lines it finds into text boxes, set apart by a blank line; it
sorts the lines of a box top-down and the boxes by its own grouping. The pieces of one
fake-bold line (see ``_overprint_lines``) all lie on one baseline, so within a box they
keep no order, and the boxes that hold them may come in any order too:
``Photo 22:: TheThe harbour`` / ``Photo`` / / ``harbour atat dawn`` / / ``dawn..`` is
``Photo 2: The harbour at dawn.``. A line printed below the fake-bold line may share a
box with one of its pieces, and then comes out among them: ``市长指出`` /
``市长指出，，今年要办好十件实事`` / ``。。（（记者记者 王明王明 摄摄））`` / / ``推动城市更新`` /
``今年要办好十件实事，，推动城市更新`` is ``市长指出，今年要办好十件实事，推动城市更新`` /
``。（记者 王明 摄）``.

The pieces are put back in order by the runs they share (each ends with the run that
the next begins with), looked for among the lines nearby. Read in that order they must
make one line that the repairs of ``_overprint_lines`` restore whole, every break
between two pieces closed; else nothing changes. The other lines of the boxes that
hold the pieces were printed above the fake-bold line (they come before the pieces in
their box) or below it (after them), and are put before or after the restored line.

The search starts from the lines of the rule's gate (a line that shares a run with
the next, or holds runs doubled in place), and only from one that may be a piece:
between its first and last runs, nothing but glyphs and runs doubled in place, as
pdfminer.six keeps every copy it did not cut.

Left alone: pieces in order (``_overprint_lines`` repairs them where they are); a
box among the pieces that holds none of them, or a line between two pieces of one
box (pdfminer.six sorts a box top-down, so neither can arise from one baseline);
pieces none of which is followed by the next and none with a telltale doubled run
(``The  thethe..`` / / ``The``): no gate line to start from.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence

from ..rule import Change
from ._overprint_evidence import kind
from ._overprint_lines import (
    MAX_BLANK_LINES,
    Page,
    chain_from,
    describe,
    kept_in_place,
    may_be_kept_in_place,
    may_share,
    repair,
    shared_run,
)

# Pieces of one fake-bold line lie within a few text boxes: the widest shuffle in the
# benchmark's pdfminer.six extractions spans 8 lines (four boxes, the blank lines
# between them); 12 holds it with room, and bounds the search around each line.
MAX_SHUFFLE_LINES = 12

Repairer = Callable[[int], str]


def shuffled_staircases(
    page: Page, seeds: Collection[int], bound: int, repaired_alone: Repairer
) -> Iterator[Change]:
    """The repair of each staircase whose pieces are out of order, found from the lines
    ``seeds`` (those that share a run with the next, or hold doubled runs);
    ``repaired_alone`` gives a line other than a piece as repaired in place."""
    seen: set[int] = set()
    taken: set[int] = set()
    ends: _LineEnds | None = None
    for seed in sorted(seeds):
        if seed in seen or not may_be_kept_in_place(page.contents[seed]):
            continue
        ends = ends or _LineEnds(page.contents)
        pieces = _pieces(page, ends, seed, bound)
        seen.update(pieces)
        span = range(min(pieces), max(pieces) + 1)
        if len(pieces) < 2 or _in_order(page, pieces) or not taken.isdisjoint(span):
            continue
        change = _restored(page, pieces, bound, repaired_alone)
        if change is not None:
            taken.update(span)
            yield change


def _in_order(page: Page, pieces: Sequence[int]) -> bool:
    return all(page.following(a) == b for a, b in zip(pieces, pieces[1:], strict=False))


# The lines are sorted by the kinds of their ends in blocks of this many, each when a
# piece near it is first looked for: a page with few seeds has few of its lines read.
BLOCK_LINES = 64


class _LineEnds:
    """The non-blank lines of a page by the kind of their first and of their last
    character. A shared run is one kind of character, spaces aside (``shared_run``),
    so a line ends with a run that another begins with only if the one's last
    character and the other's first are of one kind, or one of them is a space: the
    lines near a piece that may follow or precede it are found without reading the
    others (many identical lines, ``word..``, are all seeds and link to none)."""

    def __init__(self, contents: Sequence[str]) -> None:
        self._contents = contents
        self._blocks: dict[int, tuple[dict[str, list[int]], dict[str, list[int]]]] = {}

    def _block(self, number: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Block ``number``'s lines by the kind of their first, and of their last character."""
        block = self._blocks.get(number)
        if block is None:
            first: dict[str, list[int]] = defaultdict(list)
            last: dict[str, list[int]] = defaultdict(list)
            for index in range(
                number * BLOCK_LINES, min(len(self._contents), (number + 1) * BLOCK_LINES)
            ):
                content = self._contents[index]
                if content:
                    first[kind(content[0])].append(index)
                    last[kind(content[-1])].append(index)
            block = self._blocks[number] = (first, last)
        return block

    def near(self, index: int, *, backwards: bool) -> Sequence[int]:
        """The lines within ``MAX_SHUFFLE_LINES`` of line ``index`` that may begin with a
        run that it ends with, or ``backwards``, end with a run that it begins with."""
        low = max(0, index - MAX_SHUFFLE_LINES)
        high = min(len(self._contents), index + MAX_SHUFFLE_LINES + 1)
        content = self._contents[index]
        meeting = kind(content[0] if backwards else content[-1])
        if meeting == "space":
            return range(low, high)
        found: list[int] = []
        for number in range(low // BLOCK_LINES, (high - 1) // BLOCK_LINES + 1):
            lines = self._block(number)[backwards]
            for other in (meeting, "space"):
                if other in lines:
                    found += lines[other][
                        bisect_left(lines[other], low) : bisect_left(lines[other], high)
                    ]
        return found


def _pieces(page: Page, ends: _LineEnds, seed: int, bound: int) -> list[int]:
    """The lines linked to ``seed`` by shared runs, in the order the runs give: each line
    ends with a run that the next begins with, and that run starts after the run the
    line shares with the one before (as in ``_overprint_lines.chain_from``)."""
    contents = page.contents
    pieces, used = [seed], {seed}
    floor = 0  # where the run that the last piece shares with the one before it ends
    while (found := _only_link(page, ends, pieces[-1], used, bound, floor=floor)) is not None:
        pieces.append(found[0])
        used.add(found[0])
        floor = found[1]
    # Where the run that the first piece shares with the second starts: a piece before
    # it shares a run that ends there at the latest.
    room = len(contents[seed]) - (
        shared_run(contents[seed], contents[pieces[1]], 0, bound) if len(pieces) > 1 else 0
    )
    while (found := _only_link(page, ends, pieces[0], used, bound, backwards=True)) is not None:
        if found[1] > room:
            break
        pieces.insert(0, found[0])
        used.add(found[0])
        room = len(contents[found[0]]) - found[1]
    return pieces


def _only_link(
    page: Page,
    ends: _LineEnds,
    index: int,
    used: set[int],
    bound: int,
    *,
    floor: int = 0,
    backwards: bool = False,
) -> tuple[int, int] | None:
    """The line near ``index``, not in ``used``, that may be a piece and begins with a run
    that line ``index`` ends with (starting at or after ``floor``), or ``backwards``,
    ends with a run that line ``index`` begins with: its index and the run's length.
    None if there are several: a run shared twice leaves the order open."""
    found = None
    # Lines alike link alike: a page of one repeated line reads it once per call.
    links: dict[str, int] = {}
    for candidate in ends.near(index, backwards=backwards):
        content = page.contents[candidate]
        if candidate == index or candidate in used or not content:
            continue
        size = links.get(content)
        if size is None:
            size = links[content] = _link(page.contents[index], content, floor, bound, backwards)
        if size:
            if found is not None:
                return None
            found = candidate, size
    return found


def _link(content: str, candidate: str, floor: int, bound: int, backwards: bool) -> int:
    """The length of the run that ``content`` ends with and ``candidate`` begins with
    (``backwards``: ``candidate`` ends with and ``content`` begins with), 0 if none or
    if ``candidate`` may not be a piece."""
    line, following = (candidate, content) if backwards else (content, candidate)
    size = (
        shared_run(line, following, floor, bound)
        if following[0] in line[-bound:] and may_share(line, following, bound)
        else 0
    )
    return size if size and may_be_kept_in_place(candidate) else 0


def _boxes(page: Page, first: int, last: int) -> list[list[int]] | None:
    """The text boxes (runs of non-blank lines) of lines ``first`` … ``last``; None if
    more blank lines than a box separator part two of them."""
    boxes: list[list[int]] = [[]]
    blank = 0
    for index in range(first, last + 1):
        if not page.contents[index]:
            blank += 1
            continue
        if blank > MAX_BLANK_LINES:
            return None
        if blank:
            boxes.append([])
        boxes[-1].append(index)
        blank = 0
    return boxes


def _restored(
    page: Page, pieces: Sequence[int], bound: int, repaired_alone: Repairer
) -> Change | None:
    """The pieces restored as one line, the other lines of their boxes above or below
    it; None unless every break between two pieces is closed."""
    first, last = min(pieces), max(pieces)
    boxes = _boxes(page, first, last)
    if boxes is None:
        return None
    members = set(pieces)
    above: list[int] = []
    below: list[int] = []
    for box in boxes:
        inside = [position for position, index in enumerate(box) if index in members]
        if not inside or inside[-1] - inside[0] + 1 != len(inside):
            return None
        above += box[: inside[0]]
        below += box[inside[-1] + 1 :]
    contents = [page.contents[index] for index in pieces]
    shared = []
    floor = 0
    for line, following in zip(contents, contents[1:], strict=False):
        floor = shared_run(line, following, floor, bound)
        shared.append(floor)
    # The extractor that shuffles pieces keeps every copy it did not cut in place.
    if not all(shared) or not kept_in_place(contents, shared):
        return None
    # Pieces read from several boxes are set apart as boxes are: ``repair`` reads that
    # as the extractor that keeps the copies it could have merged.
    text = ("\n\n" if len(boxes) > 1 else "\n").join(contents)
    in_order = Page(text)
    chain = chain_from(in_order, 0, bound)
    if len(chain.lines) != len(pieces):
        return None
    for start, end, after, _ in reversed(repair(in_order, chain, bound)):
        text = text[:start] + after + text[end:]
    if "\n" in text:
        return None
    runs = [following[:size] for following, size in zip(contents[1:], shared, strict=True)]
    lines = [*map(repaired_alone, above), text, *map(repaired_alone, below)]
    top, bottom = page.line(first), page.line(last)
    end = bottom.lead + len(bottom.content)
    return Change(top.lead, end, "\n".join(lines), describe(runs, "pieces out of order"))

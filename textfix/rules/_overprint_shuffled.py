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

from collections.abc import Callable, Collection, Iterator, Sequence

from ..rule import Change
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
    for seed in sorted(seeds):
        if seed in seen or not may_be_kept_in_place(page.contents[seed]):
            continue
        pieces = _pieces(page, seed, bound)
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


def _pieces(page: Page, seed: int, bound: int) -> list[int]:
    """The lines linked to ``seed`` by shared runs, in the order the runs give: each line
    ends with a run that the next begins with, and that run starts after the run the
    line shares with the one before (as in ``_overprint_lines.chain_from``)."""
    contents = page.contents
    pieces, used = [seed], {seed}
    floor = 0  # where the run that the last piece shares with the one before it ends
    while (found := _only_link(page, pieces[-1], used, bound, floor=floor)) is not None:
        pieces.append(found[0])
        used.add(found[0])
        floor = found[1]
    # Where the run that the first piece shares with the second starts: a piece before
    # it shares a run that ends there at the latest.
    room = len(contents[seed]) - (
        shared_run(contents[seed], contents[pieces[1]], 0, bound) if len(pieces) > 1 else 0
    )
    while (found := _only_link(page, pieces[0], used, bound, backwards=True)) is not None:
        if found[1] > room:
            break
        pieces.insert(0, found[0])
        used.add(found[0])
        room = len(contents[found[0]]) - found[1]
    return pieces


def _only_link(
    page: Page, index: int, used: set[int], bound: int, *, floor: int = 0, backwards: bool = False
) -> tuple[int, int] | None:
    """The line near ``index``, not in ``used``, that may be a piece and begins with a run
    that line ``index`` ends with (starting at or after ``floor``), or ``backwards``,
    ends with a run that line ``index`` begins with: its index and the run's length.
    None if there are several: a run shared twice leaves the order open."""
    found = None
    for candidate in range(
        max(0, index - MAX_SHUFFLE_LINES), min(len(page.contents), index + MAX_SHUFFLE_LINES + 1)
    ):
        if candidate == index or candidate in used or not page.contents[candidate]:
            continue
        line, following = (
            (page.contents[candidate], page.contents[index])
            if backwards
            else (page.contents[index], page.contents[candidate])
        )
        size = (
            following[0] in line[-bound:]
            and may_share(line, following, bound)
            and shared_run(line, following, floor, bound)
        )
        if size and may_be_kept_in_place(page.contents[candidate]):
            if found is not None:
                return None
            found = candidate, size
    return found


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

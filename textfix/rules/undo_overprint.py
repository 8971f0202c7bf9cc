"""Restore fake-bold text that was extracted twice: ``22月月2020日日`` → ``2月20日``.

Why it arises: newspapers and many PDF producers fake bold type by painting every
text run twice (fill then stroke, or a second fill a hair to the side). A *run* is
whatever the PDF drew in one call, so it changes with the font — digits, Han,
punctuation — and may be one glyph or a whole phrase. Extractors that do not merge
overlapping glyphs emit every run twice, each in its own way:

1. in place on one line (pdfminer.six): ``11月月1717日上午日上午``;
2. glyph by glyph when lines of several columns are merged (pdfplumber), Latin
   included with its doubled spaces: ``图图为为一一月月``, ``TThhee  PPrreessss``;
3. the two copies separated by a space: ``13 13日日，，一名一名39 39岁岁``;
4. each copy on its own line (pypdf): ``13`` / ``13`` / ``日`` / ``日`` / …;
5. a *staircase*: a copy that starts left of where the one before it ended looks
   like a new line, so the line is cut between the two copies of every run of two
   glyphs or more, the copies of single glyphs merged (or kept in place, by
   pdftotext -layout: ``18日日，…``). pdftotext: ``2月18`` / ``18日`` /
   ``日，市委…座谈会`` / ``市委…座谈会。`` / ``。（张伟 摄）``; PyMuPDF: ``2月18`` /
   ``18日，市委…座谈会`` / ``市委…座谈会。（张伟`` / ``张伟摄）``;
6. the same cut, every run else doubled in place, one text box per copy
   (pdfminer.six): ``22月月1818日日，，市委…座谈会`` / / ``市委…座谈会。。（（张伟张伟 摄摄））``;
7. the pieces of form 6 out of order (pdfminer.six keeps no order among lines of one
   baseline in a box, and orders boxes its own way): ``Photo 22:: TheThe harbour`` /
   ``Photo`` / / ``harbour atat dawn`` / / ``dawn..``;
8. the last word and closing mark of a Latin line's second painting, past the first's
   end, on a line of their own (pdftotext): ``… refer to`` / ``to..``;
9. the staircase of form 5 joined back into one line (PyMuPDF's sorted text joins the
   lines of one baseline): every run of two glyphs or more doubled in place, every
   single glyph once: ``2月1818日，市委…座谈会市委…座谈会。（张伟张伟摄）``.

Broken:     ``22月月2020日日，，两条挖泥船两条挖泥船。。``
Fixed:      ``2月20日，两条挖泥船。``
Broken:     ``2月18`` / ``18日`` / ``日，市委召开座谈会`` / ``市委召开座谈会。``
Fixed:      ``2月18日，市委召开座谈会。``

Repaired, when the evidence (``LINE_EVIDENCE``, ``SEGMENT_EVIDENCE`` in ``_overprint_evidence``)
holds:

- forms 1–3 when a whole line decomposes completely into doubled runs, a single
  space between two of them being the extractor's gap (``还月亮还月亮 摄摄``); or
  when a segment of a line does, bounded by a change of script, a space or a mark
  (a bold lead-in: ``【【重要提示重要提示】】【【请注意请注意】】市民…``);
- form 4 when consecutive line pairs are copies of each other (first copies kept,
  lines not joined);
- forms 5 and 6 on *chains* of lines of which each ends with a run that the next
  begins with (see ``_overprint_lines``): when the chain read as one string is
  doubled in place with that evidence, every line break between two copies; or
  when at least ``MIN_STAIRCASE_OVERLAPS`` distinct runs are shared and every line
  between two of them holds nothing else but glyphs drawn alone. The lines are
  joined into one;
- form 7 when the nearby lines that share runs, put in the order the runs give,
  make such a chain and it is restored whole (see ``_overprint_shuffled``);
- form 8 when the line is exactly the last word of the line before and a doubled
  full stop, comma, colon or semicolon, layout spaces aside (see ``_overprint_tail``);
- form 9 when a line, or a stretch of it between layout gaps, reads as doubled runs
  and single glyphs that are each a run of their own, with the evidence of a line and
  telltale runs holding half its text (see ``_overprint_joined``); its repair is
  preferred to any other on its lines.

Each restored span is one edit whose note lists the runs found.

Left alone (only the shape is there, or too little of it):
reduplication in clean text (``谢谢``, ``天天天天``, ``2020``, ``1111``, ``哈哈哈哈``,
``bookkeeper``, ``……``, ``研究研究``, ``高高兴兴快快乐乐``); a line doubled as ONE
run (``四座大桥将改建四座大桥将改建``) or as too few or too short runs
(``22月月2020日日``, ``通通知知``); a single pair of identical lines (a repeated
headline, a refrain) and identical lines not in pairs; doubled runs mixed with runs
drawn once (``13 13日日，一名一名`` — the comma is single) unless the doubled part
is a bounded segment with enough evidence and a doubled mark; a glyph-doubled
segment inside a line (``TThhee  PPrreessss reports``: single glyphs are all clean
text may double); a line that begins with the last word of the line before
(``坚持高质量发展`` / ``发展是第一要务``: no run boundary; ``一、发展`` / ``发展，是…``: one
shared run), or lines that each share a run with the next but hold more
(``增长到2024`` / ``2024年全市GDP`` / ``GDP增长5%``); a list whose lines each hold one
entry, consecutive entries sharing an item (``北京—上海`` / ``上海—广州`` / ``广州—深圳``,
in order or not). A gap space that the extractor lost
(``张伟摄）``, ``本报记者陈静``) is not put back.
Doubled text that is also the doubling of another text is repaired one way only
(``高高兴兴高高兴兴``: the run ``高高兴兴`` or the glyphs of ``高兴高兴``); see
``_squares`` for the choice.

Gate: only lines found by whole-text scans are looked at: lines at least twice
``LINE_EVIDENCE.restored_chars`` long that open with a square (a whole line doubled)
or hold a mark doubled that clean text never doubles (a doubled segment needs
telltale runs, and a bold lead-in is set off by marks, doubled with it); lines
that start a block of copied lines or share a run with the next line. The square
search itself only looks at the ends of squares, found by one regular-expression
scan of the line, and there only at earlier occurrences of a character within
``max_run_length`` + 1 characters.

>>> from textfix.rule import Change
>>> list(find("22月月2020日日，，两条挖泥船两条挖泥船。。", Options()))[0].after
'2月20日，两条挖泥船。'
>>> list(find("2月18\\n18日\\n日，市委召开座谈会\\n市委召开座谈会。", Options()))[0].after
'2月18日，市委召开座谈会。'
>>> shuffled = "Photo 22:: TheThe harbour\\nPhoto\\n\\nharbour atat dawn\\n\\ndawn.."
>>> list(find(shuffled, Options()))[0].after
'Photo 2: The harbour at dawn.'
>>> list(find("谢谢谢谢，天天天天", Options()))
[]
>>> list(find("北京—上海\\n上海—广州\\n广州—深圳", Options()))
[]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..chars import is_cjk_punct
from ..rule import Change, Example, Rule, minimal_change
from ._overprint_evidence import (
    CONVENTIONAL_DOUBLES,
    LINE_EVIDENCE,
    doubled_spans,
    is_telltale,
)
from ._overprint_joined import joined_staircases
from ._overprint_lines import (
    Line,
    Page,
    chain_from,
    copied_block_end,
    describe,
    repair,
)
from ._overprint_shuffled import shuffled_staircases
from ._overprint_tail import DOUBLED_MARKS as TAIL_MARKS
from ._overprint_tail import tail_repairs
from ._squares import Run

# Longest run tried (characters). A fake-bold run is a phrase drawn in one call:
# headline and caption runs are under ~30 characters (the seed caption's longest is
# 19); the search costs O(bound²) only on repetitive text, so 32 is cheap and ample.
MAX_RUN_LENGTH = 32

# Characters beyond the Basic Multilingual Plane, taken as marks by the gate below
# (``is_telltale`` checks each hit): one range keeps the class a fast bitmap.
_ASTRAL = "\U00010000-\U0010ffff"


@lru_cache(maxsize=1)
def _doubled_mark() -> re.Pattern[str]:
    r"""Two copies in a row of a mark that clean text never doubles (``，，``, ``【【``),
    or of one that ends a fake-bold tail (``to..``, ``_overprint_tail``): one scan of the
    text finds what both gates look for.

    The class lists the marks of the Basic Multilingual Plane as ranges, which the
    standard library's engine matches from a bitmap: twice as fast as ``[^\w\s]`` and
    several times faster than ``regex``'s ``\p{P}`` over a whole text. Built on first
    use (about 20 ms), not at import.
    """
    marks = [
        char
        for char in map(chr, range(0x10000))
        if (unicodedata.category(char)[0] in "PS" or is_cjk_punct(char))
        and not char.isspace()
        and (char not in CONVENTIONAL_DOUBLES or char in TAIL_MARKS)
    ]
    ranges: list[list[str]] = []
    for char in marks:
        if ranges and ord(ranges[-1][1]) == ord(char) - 1:
            ranges[-1][1] = char
        else:
            ranges.append([char, char])
    members = "".join(f"{re.escape(low)}-{re.escape(high)}" for low, high in ranges)
    return re.compile(f"([{members}{_ASTRAL}])\\1")


@dataclass(frozen=True)
class Options:
    """``max_run_length``: the longest run (half of a square) searched for."""

    max_run_length: int = MAX_RUN_LENGTH


def _starts_with_square(content: str, bound: int) -> bool:
    """True when ``content`` opens with a run and its copy (``22月月``, ``13 13日日``)."""
    # A copy starts where the first character comes back, right after the run or
    # after one space more.
    longest = min(bound, len(content) // 2)
    copy = content.find(content[:1], 1, longest + 2)
    while copy > 0:
        if copy <= longest and content.startswith(content[:copy], copy):
            return True
        half = copy - 1
        if half and content[half] == " " and content.startswith(content[:half], copy):
            return True
        copy = content.find(content[:1], copy + 1, longest + 2)
    return False


def _in_place_lines(page: Page, doubled: list[re.Match[str]], bound: int) -> set[int]:
    """The gate of forms 1–3: the lines that open with a square (a whole line doubled)
    or hold a doubled mark that clean text never doubles (a doubled segment needs
    telltale runs, and a bold lead-in is set off by marks that fake bold doubles too)."""
    shortest = 2 * LINE_EVIDENCE.restored_chars
    lines = {
        index
        for index, content in enumerate(page.contents)
        # Where a copy could start, the first character recurs, and the first two
        # (unless the run is one glyph): most lines fail here, cheaply.
        if len(content) >= shortest
        and content.find(content[0], 1, bound + 2) > 0
        and (content[1] in (content[0], " ") or content.find(content[:2], 2, bound + 3) > 0)
        and _starts_with_square(content, bound)
    }
    for match in doubled:
        if is_telltale(match.group(1)):
            index = page.index_at(match.start())
            if len(page.contents[index]) >= shortest:
                lines.add(index)
    return lines


def _in_place(line: Line, bound: int) -> Iterator[Change]:
    """Forms 1–3: doubled runs covering the whole line or a bounded segment of it."""
    for runs in doubled_spans(line.content, bound):
        glyphs = all(len(run.run) == 1 for run in runs)
        yield Change(
            line.lead + runs[0].start,
            line.lead + runs[-1].end,
            "".join(run.run for run in runs),
            describe(
                [run.run for run in runs],
                "doubled glyph by glyph" if glyphs else "doubled in place",
            ),
        )


def _copied_lines(page: Page, first: int, end: int) -> Change | None:
    """Form 4: copied line pairs ``first`` … ``end`` - 1, the first copy of each kept."""
    runs = [Run(0, 0, page.contents[k]) for k in range(first, end, 2)]
    if not LINE_EVIDENCE.is_met_by(runs):
        return None
    kept = "\n".join(page.raw[k] for k in range(first, end, 2))
    note = describe([run.run for run in runs], "copied lines")
    return Change(page.line(first).start, page.line(end - 1).end, kept, note)


def _line_forms(page: Page, first: int, bound: int) -> tuple[int, list[Change], Sequence[int]]:
    """Forms 4–6 from line ``first``: (end of the lines they span, their repairs, the
    lines left to search one by one)."""
    end = copied_block_end(page, first)
    if end > first:
        change = _copied_lines(page, first, end)
        return (end, [change], []) if change else (end, [], range(first, end))
    chain = chain_from(page, first, bound)
    changes = repair(page, chain, bound)
    ends = [change.end for change in changes]
    alone = []
    for index in chain.lines:
        line = page.line(index)
        after = bisect_right(ends, line.lead)
        if after == len(changes) or changes[after].start >= line.lead + len(line.content):
            alone.append(index)
    return chain.lines[-1] + 1, changes, alone


def _repaired_alone(page: Page, index: int, in_place: set[int], bound: int) -> str:
    """Line ``index`` with its runs doubled in place (forms 1–3) restored."""
    content = page.contents[index]
    if index not in in_place:
        return content
    return _applied(content, list(_in_place(Line(0, 0, 0, content), bound)), 0)


def find(text: str, options: Options) -> Iterator[Change]:
    # The repairs are all found before the first is handed on: the page (the text's
    # lines, a copy of it) is let go before the engine builds the repaired text.
    yield from _repairs(text, max(1, options.max_run_length))


def _repairs(text: str, bound: int) -> list[Change]:
    """The repairs, each checked on its lines and ``CONTEXT_LINES`` around them: text
    of one character repeated (``一一一一``), or a line whose copies were also set apart
    on lines of their own, can be cut into doubled runs more than one way, and a cut
    may leave doubled runs that a second look repairs further. There the lines are
    repaired again, up to ``MAX_PASSES`` times, and the result is one repair; lines
    still changing after that are left as they are. Either way a second run of the
    rule finds nothing more to do."""
    changes = _found(text, bound)
    if not changes:
        return changes
    kept: list[Change] = []
    for start, end, region in _windows(text, changes):
        window = text[start:end]
        once = _applied(window, region, start)
        settled = _settled(once, bound)
        if settled == once:
            kept += region
        elif settled is not None:
            note = region[0].note + "; repaired again where the first cut left doubled runs"
            kept.append(minimal_change(start, window, settled, note))
    return kept


# The lines around a repair that its check reads: a copy of a line set apart (a blank
# line between) and the line it was cut from.
CONTEXT_LINES = 2
# A window's lines repaired this many times over without settling are left alone.
MAX_PASSES = 3


def _windows(text: str, changes: list[Change]) -> Iterator[tuple[int, int, list[Change]]]:
    """``changes`` (in order) grouped by overlapping windows: the lines each touches
    and ``CONTEXT_LINES`` on either side; each group with its window's span."""
    group: list[Change] = []
    low = high = 0
    for change in changes:
        start = _line_start(text, change.start, CONTEXT_LINES)
        if group and start > high:
            yield low, high, group
            group = []
        if not group:
            low = start
        group.append(change)
        high = _line_end(text, change.end, CONTEXT_LINES)
    yield low, high, group


def _line_start(text: str, position: int, before: int) -> int:
    """Where the line ``before`` lines above the one holding ``position`` starts."""
    for _ in range(before + 1):
        position = text.rfind("\n", 0, position)
        if position < 0:
            return 0
    return position + 1


def _line_end(text: str, position: int, after: int) -> int:
    """Where the line ``after`` lines below the one holding ``position`` ends."""
    position -= 1
    for _ in range(after + 1):
        position = text.find("\n", position + 1)
        if position < 0:
            return len(text)
    return position


def _applied(window: str, changes: list[Change], offset: int) -> str:
    """``window`` (found at ``offset``) with ``changes`` made."""
    pieces, at = [], 0
    for change in changes:
        pieces += [window[at : change.start - offset], change.after]
        at = change.end - offset
    pieces.append(window[at:])
    return "".join(pieces)


def _settled(text: str, bound: int) -> str | None:
    """``text`` repaired until nothing more is found (None if it still changes after
    ``MAX_PASSES`` repairs)."""
    for _ in range(MAX_PASSES):
        changes = _found(text, bound)
        if not changes:
            return text
        text = _applied(text, changes, 0)
    return None


def _found(text: str, bound: int) -> list[Change]:
    page = Page(text)
    doubled = list(_doubled_mark().finditer(text))
    in_place = _in_place_lines(page, doubled, bound)
    starts = page.chain_starts(bound)
    shuffled = list(
        shuffled_staircases(
            page, starts | in_place, bound, lambda k: _repaired_alone(page, k, in_place, bound)
        )
    )
    changes: list[Change] = []
    done = 0
    for index in sorted(in_place | starts):
        if index < done:
            continue
        done, found, alone = _line_forms(page, index, bound)
        found += [
            change for k in alone if k in in_place for change in _in_place(page.line(k), bound)
        ]
        changes += found
    # A joined staircase explains its whole line or stretch, unless a repair of another form
    # takes in all of it (a line doubled in place whose gap space, doubled too, set a
    # stretch apart); a shuffled staircase's lines are its repair's. Other repairs reaching
    # into them (a segment of a joined line, a chain of some of a shuffled staircase's
    # pieces, a piece doubled in place) are left out.
    line_starts = (page.line(index).start for index in in_place)
    joined = [
        change
        for change in joined_staircases(text, bound, line_starts)
        if not _inside(change, changes)
    ]
    kept = _without_overlaps(joined, shuffled)
    kept = _without_overlaps(kept, changes)
    # A fake-bold line's tail that pdftotext set apart (``refer to`` / ``to..``).
    return _without_overlaps(kept, tail_repairs(text, doubled))


def _inside(change: Change, others: list[Change]) -> bool:
    """``change`` lies within one of ``others`` (in order, not overlapping)."""
    before = bisect_right(others, change.start, key=lambda other: other.start) - 1
    return before >= 0 and others[before].end >= change.end


def _without_overlaps(kept: list[Change], extra: Iterable[Change]) -> list[Change]:
    """``kept`` (in order) and those of ``extra`` that touch none of them, in order."""
    ends = [change.end for change in kept]
    added = [
        change
        for change in extra
        if (after := bisect_right(ends, change.start)) == len(kept)
        or kept[after].start >= change.end
    ]
    return sorted(kept + added) if added else kept


RULE = Rule(
    id="undo_overprint",
    summary="Restore fake-bold text extracted twice (22月月2020日日 → 2月20日).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            "22月月2020日日，，两条挖泥船两条挖泥船。。",
            "2月20日，两条挖泥船。",
            "runs doubled in place",
        ),
        Example("TThhee  PPrreessss", "The Press", "Latin doubled glyph by glyph"),
        Example("谢谢谢谢，天天天天向上", "谢谢谢谢，天天天天向上", "natural reduplication"),
    ),
)

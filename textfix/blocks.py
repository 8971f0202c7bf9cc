"""What each paragraph of a repaired text is: headline, subtitle, body, caption, byline.

Extraction keeps no type information, but the layout and the wording keep enough:

- a **caption** ends with a photo credit, ``（还月亮 摄）`` (also when fake bold
  doubled it: ``（（还月亮还月亮 摄摄））``);
- a **byline** is a parenthesised name alone, ``（王怡荻）``, or a reporter line
  (``本报记者 张三``) without sentence punctuation;
- a dateline (``本报讯``, ``新华社北京3月5日电``) opens a **body** paragraph, and so
  does anything that ends a sentence or ran over several printed lines;
- the rest — single printed lines without closing punctuation, short or wider
  than the page's column — are titles. A run of them is a headline followed by
  its **subtitle** lines when it belongs to an article, else a **standalone** line.

Which article a title run belongs to depends on the extraction order: e-paper
pages (the seed pages) place the headline after its article, a PDF text layer
usually before. The document's edges tell: a title run with body before it and
nothing after can only close an article, one with nothing before and body after
can only open one. Where the edges disagree or say nothing, headlines follow
their article (the e-paper order) — a run at the very top with no article before
it is then a standalone line (``联系我们``), not a headline.

Spans are offsets into the ORIGINAL input, mapped back through the repair's edits.
``furniture`` blocks are the page furniture the repair removed, for reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from .chars import CLOSERS, SENTENCE_FINAL
from .layout import is_wider_than, read_page

if TYPE_CHECKING:
    from .report import Repair

BLOCK_TYPES = ("headline", "subtitle", "body", "caption", "byline", "standalone", "furniture")

# A title is one printed line; the longest Chinese headlines run to about 30
# characters. A longer line without closing punctuation is body text cut short
# (unless it is wider than the column: then it was set in larger type).
MAX_TITLE_CHARS = 40

_CREDIT = regex.compile(r"[（(]+[^（）()]{1,40}?(?:摄影|摄|供图|制图)+\s*[）)]+\s*$")
_NAME_BYLINE = regex.compile(r"[（(][\p{Han}\p{L}·\s、]{2,20}[）)]")
_REPORTER_BYLINE = regex.compile(r"(?:本报|特约)?(?:记者|通讯员|实习生|撰稿)[\s：:]*\p{L}.{0,28}")
_DATELINE = regex.compile(r"(?:本报|新华社|中新社)[^，。\s]{0,14}?(?:讯|电)")
_FURNITURE_RULE = "remove_page_furniture"


@dataclass(frozen=True)
class Block:
    """A paragraph of the repaired text, its type, and its span in the original input."""

    type: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class _Paragraph:
    text: str
    start: int
    end: int
    kind: str  # a final type, or "title" while undecided


def classify(repair: Repair, *, furniture: bool = False) -> tuple[Block, ...]:
    """The blocks of ``repair.text`` in order; with ``furniture``, the removed furniture too.

    >>> import textfix
    >>> raw = "本报讯 昨日，会议召开。\\n（王怡荻）\\n市政府召开常务会议\\n"
    >>> [block.type for block in classify(textfix.explain(raw))]
    ['body', 'byline', 'headline']
    """
    paragraphs = _typed(repair)
    blocks = [Block(p.kind, p.text, p.start, p.end) for p in _resolve_titles(paragraphs)]
    if furniture:
        blocks.extend(_furniture(repair))
        blocks.sort(key=lambda block: (block.start, block.end))
    return tuple(blocks)


def _typed(repair: Repair) -> list[_Paragraph]:
    text, original = repair.text, repair.original
    page = read_page(original)
    lines = {line.start: line for line in page.lines}
    paragraphs = []
    position = 0
    for line in text.split("\n"):
        content = line.strip()
        if content:
            offset = position + line.index(content)
            start = repair.to_original(offset)
            end = repair.to_original(offset + len(content), is_end=True)
            printed = [row for row in original[start:end].split("\n") if row.strip()]
            first = lines.get(start)
            wide = first is not None and is_wider_than(
                original, first, page.column, page.punct_cells
            )
            kind = _kind(content, len(printed), wide and page.column > 0)
            paragraphs.append(_Paragraph(content, start, end, kind))
        position += len(line) + 1
    return paragraphs


def _kind(paragraph: str, printed_lines: int, wide: bool) -> str:
    if _CREDIT.search(paragraph):
        return "caption"
    if _NAME_BYLINE.fullmatch(paragraph) or (
        _REPORTER_BYLINE.fullmatch(paragraph) and not _ends_sentence(paragraph)
    ):
        return "byline"
    if _DATELINE.match(paragraph) or _ends_sentence(paragraph):
        return "body"
    if wide and printed_lines == 1:
        return "title"
    if printed_lines > 1 or len(paragraph) > MAX_TITLE_CHARS:
        return "body"
    return "title"


def _ends_sentence(paragraph: str) -> bool:
    end = len(paragraph)
    while end > 1 and paragraph[end - 1] in CLOSERS:
        end -= 1
    return paragraph[end - 1] in SENTENCE_FINAL


def _resolve_titles(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Title runs become headline + subtitles, or standalone lines (see module doc)."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(paragraphs):
        if paragraphs[index].kind != "title":
            index += 1
            continue
        end = index
        while end < len(paragraphs) and paragraphs[end].kind == "title":
            end += 1
        runs.append((index, end))
        index = end
    bodies = [index for index, p in enumerate(paragraphs) if p.kind == "body"]
    article_before = [bool(bodies) and bodies[0] < start for start, _ in runs]
    article_after = [bool(bodies) and bodies[-1] >= end for _, end in runs]
    closing = sum(b and not a for b, a in zip(article_before, article_after, strict=True))
    opening = sum(a and not b for b, a in zip(article_before, article_after, strict=True))
    headlines_lead = opening > closing
    resolved = list(paragraphs)
    for (start, end), before, after in zip(runs, article_before, article_after, strict=True):
        belongs = after if headlines_lead else before
        for position in range(start, end):
            kind = ("headline" if position == start else "subtitle") if belongs else "standalone"
            paragraph = paragraphs[position]
            resolved[position] = _Paragraph(paragraph.text, paragraph.start, paragraph.end, kind)
    return resolved


def _furniture(repair: Repair) -> list[Block]:
    blocks = []
    for edit in repair.edits:
        if edit.rule != _FURNITURE_RULE:
            continue
        position = edit.start
        for line in repair.original[edit.start : edit.end].split("\n"):
            content = line.strip()
            if content:
                start = position + line.index(content)
                blocks.append(Block("furniture", content, start, start + len(content)))
            position += len(line) + 1
    return blocks

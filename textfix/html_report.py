"""``textfix explain --html``: the repair as a page a person can review.

The input is shown as it reads after repair, with every edit marked in place: what
was removed struck through (``<del>``), what was written underlined (``<ins>``),
coloured by rule, the rule and its note on hover (``title``), and a legend of the
rules with their edit counts. In removed text ``↵`` marks a removed line break.

Edits whose spans in the input touch or overlap (a later rule working on an earlier
rule's output) are shown as one mark listing every rule involved: their combined
output is the stretch of the repaired text between the surrounding unchanged text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from .registry import RULES
from .report import Edit, Repair

# One colour per rule, by pipeline position, readable under dark text.
PALETTE = (
    "#ffd8a8",
    "#b2f2bb",
    "#a5d8ff",
    "#eebefa",
    "#ffec99",
    "#99e9f2",
    "#fcc2d7",
    "#d0bfff",
    "#c0eb75",
    "#ffc9c9",
)
REMOVED_LINE_BREAK = "↵"

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; }
pre.text { white-space: pre-wrap; font-size: 1.1em; line-height: 1.6; }
.edit { border-radius: 3px; padding: 0 1px; }
.edit del { opacity: 0.7; }
.edit ins { text-decoration: underline; }
ul.legend { list-style: none; padding: 0; }
ul.legend li { margin: 0.2em 0; }
"""


@dataclass(frozen=True)
class Mark:
    """Edits with touching or overlapping input spans: ``original[start:end]`` became ``after``."""

    start: int
    end: int
    before: str
    after: str
    edits: tuple[Edit, ...]


def marks(repair: Repair) -> list[Mark]:
    """The edits grouped into marks, in input order.

    A group's output length is its input length plus each edit's change in length,
    which places every group's output in the repaired text.
    """
    groups: list[list[Edit]] = []
    ends: list[int] = []
    for edit in sorted(repair.edits, key=lambda edit: (edit.start, edit.end)):
        if groups and edit.start <= ends[-1]:
            groups[-1].append(edit)
            ends[-1] = max(ends[-1], edit.end)
        else:
            groups.append([edit])
            ends.append(edit.end)
    result = []
    shift = 0
    for group, end in zip(groups, ends, strict=True):
        start = group[0].start
        growth = sum(len(edit.after) - len(edit.before) for edit in group)
        out_start = start + shift
        after = repair.text[out_start : out_start + end - start + growth]
        result.append(Mark(start, end, repair.original[start:end], after, tuple(group)))
        shift += growth
    return result


def render(repair: Repair, name: str) -> str:
    """A self-contained HTML page showing ``repair`` of the input called ``name``."""
    colours = {rule.id: PALETTE[i % len(PALETTE)] for i, rule in enumerate(RULES)}
    counts = Counter(edit.rule for edit in repair.edits)
    style = _STYLE + "".join(
        f".rule-{rule} {{ background: {colour}; }}\n" for rule, colour in colours.items()
    )
    body = "".join(_text(repair))
    legend = "".join(
        f'<li><span class="edit rule-{rule.id}">{escape(rule.id)}</span> '
        f"{counts[rule.id]} edit{'s' if counts[rule.id] != 1 else ''} — {escape(rule.summary)}</li>"
        for rule in RULES
        if counts[rule.id]
    )
    total = len(repair.edits)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="und">\n<head>\n<meta charset="utf-8">\n'
        f"<title>textfix explain: {escape(name)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n<h1>textfix explain: {escape(name)}</h1>\n"
        f'<p class="summary">{total} edit{"s" if total != 1 else ""}; hover over a mark '
        f"for its rule. {REMOVED_LINE_BREAK} marks a removed line break.</p>\n"
        f'<ul class="legend">{legend}</ul>\n'
        f'<pre class="text">{body}</pre>\n</body>\n</html>\n'
    )


def _text(repair: Repair) -> Iterator[str]:
    position = 0
    for mark in marks(repair):
        yield escape(repair.original[position : mark.start])
        yield _mark(mark)
        position = mark.end
    yield escape(repair.original[position:])


def _mark(mark: Mark) -> str:
    rules = list(dict.fromkeys(edit.rule for edit in mark.edits))
    title = "\n".join(
        f"{edit.rule}: {edit.note}" if edit.note else edit.rule for edit in mark.edits
    )
    removed = mark.before.replace("\n", REMOVED_LINE_BREAK)
    parts = [f"<del>{escape(removed)}</del>" if removed else ""]
    parts.append(f"<ins>{escape(mark.after)}</ins>" if mark.after else "")
    return (
        f'<span class="edit rule-{rules[0]}" data-rules="{escape(" ".join(rules))}" '
        f'title="{escape(title)}">{"".join(parts)}</span>'
    )

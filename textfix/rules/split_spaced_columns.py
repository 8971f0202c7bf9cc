"""Read columns that an extractor joined line by line with a space or a few in turn.

Why it arises: extractors that build each text line from the glyphs sharing a baseline
across the whole page (pdfplumber's ``extract_text`` and others that cluster characters by
height) write one space where two glyphs stand apart; PyMuPDF's sorted text
(``get_text(sort=True)``) a run of one to a few, not aligned from line to line. On a page
of side-by-side columns set on one baseline grid, as Chinese newspapers are, each output
line holds a line of column 1, a space, the line of column 2 at the same height, and so on:
read line by line, the columns interleave. CJK glyphs are square, so the cells each line
fills measure it on the page; the joining spaces fall where a column's measure ends
(``textfix.spaced_columns`` finds the blocks and proves them).

Broken (two columns of 14 characters joined at a space)::

    本报讯市委书记杜小刚主持召开 源汽车生物医药等重点领域加强
    人工智能产业发展座谈会他强调 人工智能对产业模式和企业形态
    要深入学习贯彻习近平总书记关 的转型赋能促进人工智能同现代
    于发展人工智能的重要论述。 产业集群和未来产业深度融合。

Fixed: column 1's lines, then column 2's, a blank line between two columns (pdftotext's mark
of a column break, which ``reflow_paragraphs`` joins across when a column ends
mid-sentence)::

    本报讯市委书记杜小刚主持召开
    人工智能产业发展座谈会他强调
    要深入学习贯彻习近平总书记关
    于发展人工智能的重要论述。

    源汽车生物医药等重点领域加强
    ...

Latin columns joined by PyMuPDF's sorted text, a gutter two spaces or more, are read too
(``textfix.proportional_columns``): each distance between two words became spaces by a known
rule, so with estimated character widths the words go back to their places on the page, and
the words after a gutter pile up where columns begin::

    These equivalences assume that  code for the expression that failed in
    "__debug__" and "AssertionError"    the error message; it will be displa-
    refer to the built-in variables with  yed as part of the stack trace.
    those names. In the current implem-     An assignment statement evalu-

Fixed: ``These equivalences assume that`` / ``"__debug__" and "AssertionError"`` / … then
``code for the expression that failed in`` / … (the justification's double spaces single).

Left alone: Latin columns joined by one space (pdfplumber: letters do not measure a
proportional font's line), lines with a space or two that do not fall at one measure on four
lines, tables, rows whose first column is empty (more than an indent of spaces before them),
and a single justified column.

Gate: text with fewer than four lines holding spaces beside a wide character (a Han
character, a full-width mark) or two spaces between words is returned untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..proportional_columns import find_blocks as find_latin_blocks
from ..rule import Change, Example, Rule
from ..spaced_columns import find_blocks


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def find(text: str, options: Options) -> Iterator[Change]:
    cjk = list(find_blocks(text))
    latin = [
        block
        for block in find_latin_blocks(text)
        if not any(block.start < other.end and other.start < block.end for other in cjk)
    ]
    for block, script in sorted(
        [(block, "CJK") for block in cjk] + [(block, "Latin") for block in latin],
        key=lambda found: found[0].start,
    ):
        newline = "\r\n" if text[block.start : block.end].count("\r\n") else "\n"
        columns = (newline.join(column) for column in block.columns)
        note = f"{len(block.columns)} {script} columns joined line by line, read in turn"
        yield Change(block.start, block.end, (newline * 2).join(columns), note)


_BROKEN = (
    "本报讯市委书记杜小刚主持召开 源汽车生物医药等重点领域加强\n"
    "人工智能产业发展座谈会他强调 人工智能对产业模式和企业形态\n"
    "要深入学习贯彻习近平总书记关 的转型赋能促进人工智能同现代\n"
    "于发展人工智能的重要论述。 产业集群和未来产业深度融合。"
)

_BROKEN_LATIN = (
    "These equivalences assume that  code for the expression that failed in\n"
    '"__debug__" and "AssertionError"    the error message; it will be displa-\n'
    "refer to the built-in variables with  yed as part of the stack trace.\n"
    "those names. In the current implem-     An assignment statement evalu-\n"
    "entation,  the  built-in  variable       ates the expression  list (remember\n"
    '"__debug__" is "True" under normal   that this can be a single expression'
)

RULE = Rule(
    id="split_spaced_columns",
    summary="Read columns joined line by line with spaces (pdfplumber, PyMuPDF sorted) in turn.",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example(
            _BROKEN,
            "本报讯市委书记杜小刚主持召开\n人工智能产业发展座谈会他强调\n"
            "要深入学习贯彻习近平总书记关\n于发展人工智能的重要论述。\n\n"
            "源汽车生物医药等重点领域加强\n人工智能对产业模式和企业形态\n"
            "的转型赋能促进人工智能同现代\n产业集群和未来产业深度融合。",
            "two CJK columns joined at one space",
        ),
        Example(
            _BROKEN_LATIN,
            "These equivalences assume that\n"
            '"__debug__" and "AssertionError"\n'
            "refer to the built-in variables with\n"
            "those names. In the current implem-\n"
            "entation, the built-in variable\n"
            '"__debug__" is "True" under normal\n\n'
            "code for the expression that failed in\n"
            "the error message; it will be displa-\n"
            "yed as part of the stack trace.\n"
            "An assignment statement evalu-\n"
            "ates the expression list (remember\n"
            "that this can be a single expression",
            "two justified Latin columns joined by PyMuPDF's sorted text",
        ),
        Example(
            "本报讯 2月18日，市委书记杜小刚主持召开人工智能产业发展座谈会。",
            "本报讯 2月18日，市委书记杜小刚主持召开人工智能产业发展座谈会。",
            "a dateline's space in one line of prose",
        ),
    ),
)

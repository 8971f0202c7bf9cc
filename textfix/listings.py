"""Code listings among CJK prose: lines that are lines of their own, never wrapped prose.

A manual or report in Chinese sets its commands, program output and code in
listings between its paragraphs: lines of ASCII text, each ended where its author
ended it, however much room the column had left. Reflow must not read such a line
as the head of a wrapped sentence: its next line starts with a word that would
have fitted (``fits_next``), which in Latin prose is also what a justified line
split into fragments at its wide gaps looks like (pdfminer.six), so the line kinds
alone cannot tell the two apart. A listing shows itself by its code: a shell
prompt, a command-line option, an assignment, a path, a URL, a call or a
statement's brace or semicolon; prose, and a fragment of a justified prose line,
holds none of them. The page must be CJK prose (no more than half its text in
ASCII lines), so that Latin prose, which may quote a path or a URL in a paragraph,
is read as it is.

A listing is a run of consecutive ASCII lines of which half at least hold code
(a command's output follows it in lines of plain words). Its lines are lines of
their own: a listing is set verbatim, never wrapped, never justified.
"""

from __future__ import annotations

import re
from itertools import compress, groupby

# At least one line in two of a listing holds code; an English paragraph quoting a
# URL in a CJK page holds it in one of its lines.
LISTING_CODE_SHARE_DENOMINATOR = 2

# Code in an ASCII line: a shell or REPL prompt opening it, an option after a space
# (``--all``, ``-e``), an assignment (``PATH=/usr``), a path of two or more parts, a
# URL, a call (``main(``), or a brace or semicolon ending it.
_CODE = re.compile(r"^(?:\$|>>>) |(?:^|\s)--?[A-Za-z]|\w=\S|/\w[\w.-]*/|://|\w\(|[{};]$")


def listing_lines(contents: list[str]) -> frozenset[int]:
    """The lines (by index) of the listings among CJK prose lines.

    >>> lines = ["本文介绍在系统中安装的方法，请按下列步骤操作：", "$ tlmgr --all", "running"]
    >>> lines.append("安装完成。")
    >>> sorted(listing_lines(lines))
    [1, 2]
    >>> sorted(listing_lines(["一二三", "四五六", "plain English words", "七八九"]))
    []
    """
    ascii_lines = list(map(str.isascii, contents))
    lengths = list(map(len, contents))
    if 2 * sum(compress(lengths, ascii_lines)) > sum(lengths):
        return frozenset()  # not a page of CJK prose
    found: set[int] = set()
    position = 0
    for is_ascii, run in groupby(ascii_lines):
        size = sum(1 for _ in run)
        lines = range(position, position + size)
        position += size
        if not is_ascii:
            continue
        code = sum(1 for line in map(contents.__getitem__, lines) if _CODE.search(line))
        if code * LISTING_CODE_SHARE_DENOMINATOR >= size:
            found.update(lines)
    return frozenset(found)

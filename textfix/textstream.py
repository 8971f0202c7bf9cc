"""Streaming a large plain-text file as documents separated by a chosen separator.

Why a separator, and not automatic chunking: ``reflow_paragraphs`` reads the layout
of the WHOLE text — it estimates the column width from every line, gates on the
share of wrapped lines in the text, and joins lines across blank lines and page
breaks (``\\f``) because columns and pages end in mid-sentence. So no point inside
one document is a safe place to cut: for any cut there are texts ``a + b`` where
``fix(a) + fix(b) != fix(a + b)`` (e.g. ``a`` hard-wrapped and ``b`` one paragraph per
line: together they pass the rule's gate, apart only ``a`` does). A plain-text file is
therefore one document unless the user says how documents are separated
(``textfix fix --doc-sep SEP``), and then each document is repaired on its own.

Guarantee: the output is ``SEP.join(fix(d) for d in text.split(SEP))`` whatever the
read size, chunk size and number of jobs; with no SEP in the input that is
``fix(text)``. Memory holds a few chunks and the longest document, never the file.
Streamed input must be UTF-8 (a byte-order mark is dropped).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .config import Config
from .io import FileError
from .records import ChunkResult
from .tally import fix_counted

READ_BYTES = 1 << 16
"""Bytes read from the input at a time; any value gives the same documents."""


def read_documents(
    stream: BinaryIO, separator: str, name: str, read_bytes: int = READ_BYTES
) -> Iterator[str]:
    r"""The documents of a UTF-8 stream, as ``text.split(separator)`` would give them.

    A separator split across two reads is still found; each document is built once
    from its pieces, so a long document costs linear time.

    >>> from io import BytesIO
    >>> list(read_documents(BytesIO(b"a\fb\f\fc"), "\f", "x", read_bytes=1))
    ['a', 'b', '', 'c']
    """
    if not separator:
        raise ValueError("the document separator must not be empty")
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    keep = len(separator) - 1  # the longest separator prefix that may end a read
    pieces: list[str] = []
    carry = ""
    offset = 0
    while True:
        block = stream.read(read_bytes)
        try:
            text = carry + decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            raise FileError(
                f"{name} is not UTF-8 (near byte {offset + error.start}); streaming with "
                "--doc-sep needs UTF-8: convert it with `iconv -f ENCODING -t UTF-8`"
            ) from None
        offset += len(block)
        start = 0
        while (found := text.find(separator, start)) >= 0:
            pieces.append(text[start:found])
            yield "".join(pieces)
            pieces = []
            start = found + len(separator)
        if not block:
            pieces.append(text[start:])
            yield "".join(pieces)
            return
        cut = max(start, len(text) - keep)
        pieces.append(text[start:cut])
        carry = text[cut:]


@dataclass(frozen=True)
class DocumentChunk:
    """Consecutive documents of a stream."""

    documents: list[str]


@dataclass(frozen=True)
class TextRepair:
    """Repair each document of a chunk; the output is the documents joined by the separator."""

    separator: str
    config: Config | None

    def __call__(self, chunk: DocumentChunk) -> ChunkResult[bytes]:
        result: ChunkResult[bytes] = ChunkResult(b"")
        fixed = [fix_counted(document, self.config, result.tally) for document in chunk.documents]
        result.output = self.separator.join(fixed).encode("utf-8")
        return result

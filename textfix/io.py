"""Reading and writing text files for the command line: decoding, atomic writes, folders.

Decoding. Input is read as bytes and decoded here, in this order:

1. a byte-order mark decides: UTF-8 (the mark is dropped), UTF-32 or UTF-16;
2. a NUL byte without a mark means binary data or UTF-16 without a mark: refused;
3. UTF-8;
4. GB18030, the Chinese national encoding (a superset of GBK and GB2312), with a
   notice, because Chinese newspaper text still often comes that way.

Anything else is refused with a message saying how to convert it; nothing guesses further.

Line endings pass through untouched. Decoding bytes ourselves is the ``newline=''``
of ``open``: rules see ``\\r\\n`` where the input has it, and a CRLF file stays CRLF
unless a rule changes it. Output is always UTF-8 without a byte-order mark, written
as bytes, so the platform never translates line endings either.

Writing. Every file is written atomically: to a temporary file in the target's folder,
flushed to disk, then moved over the target with ``os.replace``. A crash leaves either
the old file or the new one, never half of one. An existing target keeps its
permission bits; a new one gets the usual ``0o666`` less the umask.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

STDIN = "-"
"""The file name that means standard input (and, for output, standard output)."""

STDIN_NAME = "<stdin>"
"""How standard input is named in messages and diffs."""

DEFAULT_GLOB = "*.txt"
"""Files taken from a folder given as input, searched recursively."""

FALLBACK_ENCODING = "gb18030"

# Longest marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONVERT_HINT = "convert it to UTF-8 first, e.g. `iconv -f ENCODING -t UTF-8 FILE > FILE.utf8`"


class FileError(Exception):
    """A problem with an input or output file that the user can fix; the message says how."""


@dataclass(frozen=True)
class Decoded:
    """Text read from a file, and the encoding it was read with."""

    text: str
    encoding: str

    def notice(self, name: str) -> str | None:
        """A one-line notice when the encoding was guessed rather than known."""
        if self.encoding != FALLBACK_ENCODING:
            return None
        return f"{name} is not UTF-8; read it as GB18030 (output is UTF-8)"


def decode(data: bytes, name: str) -> Decoded:
    """Decode file content, or raise ``FileError`` saying how to make it readable.

    >>> decode("部署".encode("utf-8-sig"), "a.txt")
    Decoded(text='部署', encoding='utf-8')
    >>> decode("部署".encode("gb18030"), "a.txt").encoding
    'gb18030'
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _decode_marked(data, encoding, name)
    if b"\x00" in data:
        raise FileError(
            f"{name} contains NUL bytes: it is binary, or UTF-16 without a byte-order mark; "
            f"{_CONVERT_HINT}"
        )
    with contextlib.suppress(UnicodeDecodeError):
        return Decoded(data.decode("utf-8"), "utf-8")
    try:
        return Decoded(data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING)
    except UnicodeDecodeError as error:
        raise FileError(
            f"{name} is neither UTF-8 nor GB18030 (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); {_CONVERT_HINT}"
        ) from None


def _decode_marked(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        label = encoding.removesuffix("-sig").upper()
        raise FileError(
            f"{name} starts with a {label} byte-order mark but is not valid {label} "
            f"(offset {error.start}); {_CONVERT_HINT}"
        ) from None
    return Decoded(text, encoding.removesuffix("-sig"))


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input when ``path`` is None.

    ``relative`` is where its output lands under an output folder: the path below
    the input folder for files found in a folder, else the bare file name.
    """

    path: Path | None
    relative: PurePath
    in_folder: bool = False

    @property
    def name(self) -> str:
        return STDIN_NAME if self.path is None else str(self.path)


STDIN_SOURCE = Source(None, PurePath(STDIN))


def find_sources(names: Sequence[str], pattern: str = DEFAULT_GLOB) -> list[Source]:
    """Every input named on the command line; folders contribute their files matching ``pattern``.

    Raises ``FileError`` for a missing path, a folder with no matching file, or
    standard input named together with other inputs.
    """
    if STDIN in names and len(names) > 1:
        raise FileError("standard input ('-') cannot be combined with other inputs")
    sources: list[Source] = []
    for name in names:
        if name == STDIN:
            sources.append(STDIN_SOURCE)
            continue
        path = Path(name)
        if path.is_dir():
            sources.extend(_folder_sources(path, pattern))
        elif path.exists():
            sources.append(Source(path, PurePath(path.name)))
        else:
            raise FileError(f"{name}: no such file or folder; check the path")
    return sources


def _folder_sources(folder: Path, pattern: str) -> list[Source]:
    files = sorted(path for path in folder.rglob(pattern) if path.is_file())
    if not files:
        raise FileError(
            f"{folder}: no file in this folder matches {pattern!r}; "
            "choose others with --glob PATTERN"
        )
    return [Source(path, path.relative_to(folder), in_folder=True) for path in files]


def read(source: Source) -> Decoded:
    """Read and decode one input; ``FileError`` if it cannot be read or decoded."""
    if source.path is None:
        stream = sys.stdin
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
        return decode(data, source.name)
    try:
        data = source.path.read_bytes()
    except OSError as error:
        raise FileError(f"cannot read {source.name}: {error.strerror}; check the path") from None
    return decode(data, source.name)


def output_targets(sources: Sequence[Source], output: Path) -> list[Path]:
    """Where ``-o OUTPUT`` sends each source.

    One file goes into OUTPUT if that is a folder, else to OUTPUT itself. Several
    inputs, or any from a folder, are mirrored under the folder OUTPUT. Raises
    ``FileError`` if OUTPUT is a file where a folder is needed, if two inputs would
    land on the same output, or if an output would overwrite an input (that is
    what ``--in-place`` is for).
    """
    if len(sources) == 1 and not sources[0].in_folder:
        targets = [_single_target(sources[0], output)]
    elif output.exists() and not output.is_dir():
        raise FileError(f"{output} is a file; -o needs a folder when there are several inputs")
    else:
        targets = [output / source.relative for source in sources]
    _refuse_clashes(sources, targets)
    return targets


def _single_target(source: Source, output: Path) -> Path:
    if not output.is_dir():
        return output
    if source.path is None:
        raise FileError(f"{output} is a folder; give a file name to write standard input to")
    return output / source.relative


def _refuse_clashes(sources: Sequence[Source], targets: Sequence[Path]) -> None:
    inputs = {source.path.resolve(): source.name for source in sources if source.path}
    seen: dict[Path, str] = {}
    for source, target in zip(sources, targets, strict=True):
        resolved = target.resolve()
        if resolved in inputs:
            raise FileError(
                f"writing {target} would overwrite the input {inputs[resolved]}; "
                "use --in-place to rewrite inputs, or choose another -o"
            )
        if resolved in seen:
            raise FileError(
                f"{seen[resolved]} and {source.name} would both be written to {target}; "
                "process them in separate runs"
            )
        seen[resolved] = source.name


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; create missing parent folders.

    A symbolic link is followed: the file it points to is replaced, the link stays.
    Raises ``FileError`` if the file cannot be written; no temporary file is left behind.
    """
    with atomic_output(path) as stream:
        stream.write(text.encode("utf-8"))


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary stream that replaces ``path`` atomically when the block ends without error.

    If the block raises, the temporary file is removed and ``path`` is left as it was,
    so a run stopped half-way never leaves half a file. An ``OSError`` (raised while
    writing) becomes a ``FileError``; callers turn their own read errors into
    ``FileError`` first. Same guarantees as ``write_atomic``.
    """
    target = Path(os.path.realpath(path))
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(target)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".textfix-tmp"
        )
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            raise FileError(
                f"cannot write {path}: {error.strerror}; check that its folder is writable"
            ) from None
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8 bytes, whatever the locale or platform."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()

"""Worker process: time one tool on one generated input, report JSON on stdout.

Run by ``speed.py`` as ``python -m benchmarks._measure '{"tool": ..., "kind": ..., "size": ...}'``
so that every measurement starts from a fresh interpreter and its peak RSS is its own.
"""

from __future__ import annotations

import json
import resource
import sys
import textwrap
import time
from pathlib import Path

from textfix import text_cache

from . import texts
from .peers import tool_by_name

# English prose is hard-wrapped at this width, like text extracted from a single-column page.
WRAP_COLUMNS = 72
# The first call runs on this many characters before timing, so that lazily built tables are
# not counted as throughput.
WARM_UP_CHARS = 10_000


def speed_unit() -> list[str]:
    """Damaged mixed input: the seed pages as extracted plus as many bytes of wrapped English."""
    chinese = [path.read_text(encoding="utf-8") for path in texts.raw_files()]
    chinese_bytes = sum(len(page.encode("utf-8")) for page in chinese)
    english: list[str] = []
    english_bytes = 0
    for paragraph in texts.english_paragraphs():
        if english_bytes >= chinese_bytes:
            break
        english.append(textwrap.fill(paragraph, WRAP_COLUMNS) + "\n")
        english_bytes += len(english[-1])  # ASCII apart from a few quotes: chars ≈ bytes
    return chinese + english


def make_input(kind: str, size: int) -> str:
    """``size`` is in bytes of UTF-8, except for ``empty lines`` where it counts lines."""
    if kind == "mixed":
        return texts.tiled(speed_unit(), size, distinct=True)
    if kind == "newspaper":
        pages = [path.read_text(encoding="utf-8") for path in texts.raw_files()]
        return texts.tiled(pages, size, distinct=True)
    if kind == "one line":
        return texts.tiled(speed_unit(), size, distinct=True).replace("\n", " ")
    if kind == "月 only":
        return "月" * (size // len("月".encode()))
    if kind == "empty lines":
        return "\n" * size
    raise ValueError(f"unknown input kind {kind!r}")


def _status_kb(field: str) -> int | None:
    """A ``VmRSS``/``VmHWM`` figure of this process in KiB, where ``/proc`` tells it.

    On Linux ``ru_maxrss`` survives ``exec``: a worker started by a big parent reports the
    parent's peak. ``/proc/self/status`` belongs to the worker's own address space.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def _rss_kb() -> int:
    """Peak resident set size of this process so far (since ``_input_rss_kb``), in KiB."""
    peak = _status_kb("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS


def _input_rss_kb() -> int:
    """What the worker holds once its input is built, in KiB, and the peak reset to it.

    Building the input passes through copies of it (the tiled text, its UTF-8 bytes, a
    slice of them): counted in the peak, they would hide as much of the tool's own use.
    Linux resets the peak when "5" is written to ``clear_refs``; elsewhere the peak so far
    stands in for the resident size.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return _rss_kb()
    return _status_kb("VmRSS") or _rss_kb()


def measure(tool_name: str, kind: str, size: int, repeat: int) -> dict[str, float | int]:
    text = make_input(kind, size)
    rss_input = _input_rss_kb()
    fixer = tool_by_name(tool_name).load()
    fixer(text[:WARM_UP_CHARS])
    best = float("inf")
    output = ""
    for _ in range(repeat):
        # textfix remembers per-text facts (layout, protected regions) for the texts of one
        # run: a repeat on the same text must not be served the previous repeat's work.
        text_cache.clear()
        # The previous repeat's output goes first: the peak is one call's, not two outputs'.
        output = ""
        start = time.perf_counter()
        output = fixer(text)
        best = min(best, time.perf_counter() - start)
    return {
        "seconds": best,
        "bytes": len(text.encode("utf-8")),
        "rss_input_kb": rss_input,
        "rss_peak_kb": _rss_kb(),
        "output_chars": len(output),
    }


def main() -> None:
    spec = json.loads(sys.argv[1])
    result = measure(spec["tool"], spec["kind"], spec["size"], spec.get("repeat", 1))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()

"""textfix benchmarks: accuracy on real PDF extractions and OCR, speed against peers.

Run ``python -m benchmarks`` (full) or ``python -m benchmarks --quick`` (CI smoke). ``main`` is
the entry point for ``textfix bench``.
"""

from __future__ import annotations

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks with command-line ``argv``; returns the exit code."""
    from .run import main as run_main

    return run_main(argv)

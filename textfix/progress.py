"""What a corpus run shows on standard error: a progress bar, and a summary at the end."""

from __future__ import annotations

import sys
import time
from typing import Any

from .tally import Tally

MEGABYTE = 1_000_000


class Progress:
    """A tqdm bar counting documents (rate in documents/s) with the text rate in MB/s.

    Shown only when ``enabled`` (the CLI enables it when standard error is a terminal
    and ``--quiet`` is not given); ``total`` is the number of documents when known.
    """

    def __init__(self, enabled: bool, total: int | None = None) -> None:
        self.started = time.monotonic()
        self._bar: Any = None
        self._bytes = 0
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", unit_scale=True, file=sys.stderr)

    def update(self, tally: Tally) -> None:
        if self._bar is None:
            return
        self._bytes += tally.text_bytes
        seconds = max(time.monotonic() - self.started, 1e-9)
        self._bar.set_postfix_str(f"{self._bytes / MEGABYTE / seconds:.1f} MB/s", refresh=False)
        self._bar.update(tally.documents)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def elapsed(self) -> float:
        return time.monotonic() - self.started


def summary(tally: Tally, seconds: float, on_error: str) -> str:
    """The end-of-run report: documents, bytes, rates, edits by rule, malformed records.

    >>> from collections import Counter
    >>> print(summary(Tally(2000, 3_000_000, Counter(a=5, b=7), 1), 2.0, "skip"), end="")
    textfix: 2,000 documents, 3.0 MB in 2.0 s (1,000 documents/s, 1.5 MB/s)
    textfix: edits by rule: b 7, a 5
    textfix: malformed records: 1 (skipped)
    """
    seconds = max(seconds, 1e-9)
    megabytes = tally.text_bytes / MEGABYTE
    lines = [
        f"{tally.documents:,} documents, {megabytes:.1f} MB in {seconds:.1f} s "
        f"({tally.documents / seconds:,.0f} documents/s, {megabytes / seconds:.1f} MB/s)",
        "edits by rule: "
        + (", ".join(f"{rule} {count:,}" for rule, count in tally.edits.most_common()) or "none"),
    ]
    if tally.errors:
        handled = {"keep": "kept unchanged", "skip": "skipped", "fail": "run stopped"}[on_error]
        lines.append(f"malformed records: {tally.errors:,} ({handled})")
    return "".join(f"textfix: {line}\n" for line in lines)

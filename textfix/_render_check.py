"""How ``textfix check`` shows quality: a line or a JSON object per document, a histogram."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .quality import Quality

HISTOGRAM_BINS = 10
HISTOGRAM_WIDTH = 40


def quality_line(path: str, quality: Quality) -> str:
    """``score  path  artifact count, ...`` (``clean`` when none).

    >>> quality_line("a.txt", Quality(0.8, {"unbalanced_quote": 1}, 10))
    '0.800  a.txt  unbalanced_quote 1\\n'
    """
    found = ", ".join(f"{kind} {count}" for kind, count in quality.artifacts.items())
    return f"{quality.score:.3f}  {path}  {found or 'clean'}\n"


def quality_json(path: str, quality: Quality) -> str:
    """``{"path", "score", "characters", "artifacts": {type: count}}`` on one line."""
    return json.dumps({"path": path, **quality.to_dict()}, ensure_ascii=False) + "\n"


def score_histogram(scores: Sequence[float], fail_under: float | None) -> str:
    """The corpus summary: documents per score band, the mean, and how many fail.

    >>> print(score_histogram([1.0, 1.0, 0.35], 0.5), end="")
    textfix: 3 documents, mean score 0.783
    textfix:  0.3–0.4      1 ####################
    textfix:      1.0      2 ########################################
    textfix: 1 below --fail-under 0.5
    """
    counts = [0] * (HISTOGRAM_BINS + 1)  # the last band is exactly 1.0: clean documents
    for score in scores:
        band = HISTOGRAM_BINS if score >= 1.0 else int(score * HISTOGRAM_BINS)
        counts[band] += 1
    peak = max(counts, default=0) or 1
    mean = sum(scores) / len(scores) if scores else 1.0
    lines = [f"{len(scores)} documents, mean score {mean:.3f}"]
    for band, count in enumerate(counts):
        if not count:
            continue
        label = "1.0" if band == HISTOGRAM_BINS else f"{band / 10:.1f}–{(band + 1) / 10:.1f}"
        bar = "#" * max(1, round(count / peak * HISTOGRAM_WIDTH))
        lines.append(f"{label:>8} {count:>6} {bar}")
    if fail_under is not None:
        failing = sum(score < fail_under for score in scores)
        lines.append(f"{failing} below --fail-under {fail_under}")
    return "".join(f"textfix: {line}\n" for line in lines)

"""Fit the reflow rule's break-decision weights on generated layouts.

Generates documents (``tests/layouts.py``: CJK and Latin text typeset into
columns of many widths, with indents, line-breaking rules, headlines, bylines
and each extractor's or OCR engine's blank-line convention), computes ``textfix.layout``
features for every line break, fits an L2-regularised logistic regression
(Newton's method) and rewrites ``textfix/layout_weights.py``.

    pip install -e '.[test,fit]'
    python tools/fit_reflow_weights.py [--documents 3000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.layouts import (  # noqa: E402
    STRAY_GLYPHS,
    expected,
    extract,
    random_document,
    random_layout,
)
from textfix.layout import FEATURES, features, read_page  # noqa: E402

L2 = 1.0  # keeps weights finite on separable features (e.g. wide lines always break)


def labelled_breaks(text: str, gold: str) -> tuple[list[tuple[float, ...]], list[int]] | None:
    """Features of every break in ``text`` with 1 where ``gold`` has a paragraph boundary."""
    page = read_page(text)
    lines = page.lines
    # A break is a boundary when the gold has a newline between the two lines' characters.
    squeezed_gold = gold.replace(" ", "")
    rows, labels = [], []
    cursor = 0
    for a, facts in zip(lines, page.break_facts(), strict=False):
        piece = text[a.start : a.end].replace(" ", "").strip(STRAY_GLYPHS).rstrip("-")
        found = squeezed_gold.find(piece, cursor)
        if found < 0:
            return None
        cursor = found + len(piece)
        boundary = squeezed_gold[cursor : cursor + 1] == "\n"
        starts_block = not labels or labels[-1] == 1
        rows.append(features(page, facts, starts_block))
        labels.append(int(boundary))
    return rows, labels


def generate(documents: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(seed)
    rows: list[tuple[float, ...]] = []
    labels: list[int] = []
    for _ in range(documents):
        latin = rng.random() < 0.3
        blocks = random_document(rng, latin, wide_articles=True)
        layout = random_layout(rng, latin, fragmenting=True)
        result = labelled_breaks(extract(blocks, layout, rng), expected(blocks))
        if result:
            rows.extend(result[0])
            labels.extend(result[1])
    return np.array(rows), np.array(labels, dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    weights = np.zeros(x.shape[1])
    penalty = L2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) + penalty @ weights
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def write(weights: np.ndarray, documents: int, seed: int, accuracy: float) -> None:
    body = "\n".join(
        f'    "{name}": {value:.4f},' for name, value in zip(FEATURES, weights, strict=True)
    )
    (ROOT / "textfix" / "layout_weights.py").write_text(
        '"""Weights of the reflow rule\'s line-break decision (``textfix.layout.FEATURES``).\n\n'
        "Written by ``tools/fit_reflow_weights.py`` "
        f"(--documents {documents} --seed {seed}); training accuracy {accuracy:.4f}.\n"
        'Do not edit by hand: change the features or the layout simulator and refit.\n"""\n\n'
        f"WEIGHTS = {{\n{body}\n}}\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    x, y = generate(args.documents, args.seed)
    weights = fit(x, y)
    accuracy = float((((x @ weights) > 0) == (y > 0.5)).mean())
    write(weights, args.documents, args.seed, accuracy)
    print(f"{len(y)} breaks, {int(y.sum())} boundaries, training accuracy {accuracy:.4f}")
    for name, value in zip(FEATURES, weights, strict=True):
        print(f"  {name:20s} {value:+.3f}")


if __name__ == "__main__":
    main()

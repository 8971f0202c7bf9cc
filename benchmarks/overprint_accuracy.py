"""How precise and how complete ``undo_overprint`` is.

False positives: lines of clean text the rule changes — the gold page, the raw seed
pages (only their doubled caption may change), clean paragraphs generated with
natural reduplications (谢谢, 天天, 2020, 哈哈哈哈 …), the same hard-wrapped as a PDF
column prints them, lines that begin with the last word of the line before (a
heading taken up by its paragraph), and real English prose (the docstrings of
Python's standard library, hard-wrapped as written).

Recall: generated headline- and caption-length lines, cut into the runs a PDF draws
(a run changes with the font: digits, Han, Latin, marks) and doubled in each shape
the extractors produce, the line cut between the copies of its runs for the
staircases and text boxes; a line counts as recovered when the repair gives it back
exactly.

    python benchmarks/overprint_accuracy.py [--examples 4000]
"""

from __future__ import annotations

import argparse
import ast
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import textfix  # noqa: E402
from tests import strategies as s  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "corpus"
ONLY = textfix.Config(disable=[r.id for r in textfix.rules() if r.id != "undo_overprint"])


def repair(text: str) -> str:
    return textfix.fix(text, ONLY)


def draw_many(strategy: st.SearchStrategy[str], count: int) -> list[str]:
    """Up to ``count`` distinct examples of ``strategy``, reproducibly.

    Hypothesis repeats simple examples; repeated in a row, they would be copied
    lines, which clean text does not hold.
    """
    drawn: list[str] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(example: str) -> None:
        drawn.append(example)

    collect()
    return list(dict.fromkeys(drawn))


def stdlib_prose(limit: int) -> list[str]:
    """Lines of the standard library's docstrings: real, hard-wrapped English prose."""
    lines: list[str] = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                doc = ast.get_docstring(node) or ""
                lines += [line for line in doc.splitlines() if line.strip()]
        if len(lines) >= limit:
            break
    return lines[:limit]


def changed_lines(lines: list[str]) -> int:
    """How many lines a repair of the whole text changes (repaired in one go)."""
    edits = textfix.explain("\n".join(lines), ONLY).edits
    return sum(edit.before.count("\n") + 1 for edit in edits)


def false_positives(examples: int) -> list[tuple[str, int, int]]:
    """(source, lines, lines changed) for every clean source."""
    results = []
    gold = (CORPUS / "000.gold.txt").read_text(encoding="utf-8").splitlines()
    results.append(("gold page 000", len(gold), changed_lines(gold)))
    for name in ("000.raw.txt", "004.raw.txt"):
        raw = (CORPUS / name).read_text(encoding="utf-8").splitlines()
        doubled = 1 if name == "000.raw.txt" else 0  # the fake-bold caption
        results.append(
            (
                f"raw page {name}, fake-bold lines aside",
                len(raw) - doubled,
                changed_lines(raw) - doubled,
            )
        )
    paragraphs = draw_many(s.reduplicated_paragraph(), examples)
    results.append(
        ("generated paragraphs with reduplications", len(paragraphs), changed_lines(paragraphs))
    )
    wrapped = "".join(draw_many(s.wrapped_document(), examples // 4)).splitlines()
    results.append(("the same, hard-wrapped", len(wrapped), changed_lines(wrapped)))
    echoing = "".join(draw_many(s.echoing_document(), examples // 4)).splitlines()
    results.append(("lines that repeat the last word before", len(echoing), changed_lines(echoing)))
    prose = stdlib_prose(examples * 2)
    results.append(("stdlib docstrings (real English)", len(prose), changed_lines(prose)))
    return results


def _cut_long_runs(runs: list[str]) -> list[bool]:
    """The runs an extractor cuts between their copies: those of two glyphs or more."""
    return [len(run) > 1 and not run.isspace() for run in runs]


def _without_cjk_gaps(runs: list[str]) -> list[str]:
    """PyMuPDF sees no gap between two CJK runs (``张伟摄）``): their space is lost."""
    return [
        run
        for k, run in enumerate(runs)
        if not (run.isspace() and 0 < k < len(runs) - 1)
        or runs[k - 1].isascii()
        or runs[k + 1].isascii()
    ]


FORMS: dict[str, Callable[[str, list[str]], tuple[str, str]]] = {
    "in place (pdfminer.six)": lambda t, runs: (s.double_in_place(runs), t),
    "spaces as single gaps": lambda t, runs: (s.double_with_gaps(runs), t),
    "glyph by glyph (pdfplumber)": lambda t, runs: (s.double_glyphs(t), t),
    "copies apart by a space": lambda t, runs: (
        s.double_separated(runs, [run.isdigit() for run in runs]),
        t,
    ),
    "copies on own lines (pypdf)": lambda t, runs: (
        s.double_on_lines([r for r in runs if r.strip()]),
        "\n".join(r for r in runs if r.strip()),
    ),
    "text boxes per copy (pdfminer.six)": lambda t, runs: (
        s.double_in_boxes(runs, _cut_long_runs(runs)),
        t,
    ),
    "staircase, all cut (pdftotext)": lambda t, runs: (
        s.staircase(runs, [not run.isspace() for run in runs]),
        t,
    ),
    "staircase, glyphs kept (-layout)": lambda t, runs: (
        s.staircase(runs, _cut_long_runs(runs), keep_glyph_copies=True),
        t,
    ),
    "staircase, glyphs merged (PyMuPDF)": lambda t, runs: (
        s.staircase(_without_cjk_gaps(runs), _cut_long_runs(_without_cjk_gaps(runs))),
        "".join(_without_cjk_gaps(runs)),
    ),
    "staircase joined (PyMuPDF sorted)": lambda t, runs: (
        s.joined_staircase(_without_cjk_gaps(runs)),
        "".join(_without_cjk_gaps(runs)),
    ),
}


def recall(examples: int) -> Iterator[tuple[str, int, int, int, int]]:
    """(form, lines, recovered, lines without a twin, recovered of those) per shape.

    A line that repeats a phrase (``as as``, ``可湖路员可湖路员``) doubles into the
    doubling of another line too (its *twin*); no repair can tell the two apart.
    """
    short = st.one_of(s.cjk_sentence(), s.mixed_paragraph(), s.latin_sentence()).filter(
        lambda text: 12 <= len(text) <= 80
    )
    lines = draw_many(short, examples)
    for form, corrupt in FORMS.items():
        counts = [0, 0, 0, 0]
        for line in lines:
            broken, expected = corrupt(line, s.font_runs(line))
            good = repair(broken) == expected
            twin_free = not s.has_square(line, letters=2)
            counts = [
                counts[0] + 1,
                counts[1] + good,
                counts[2] + twin_free,
                counts[3] + (good and twin_free),
            ]
        yield form, *counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=4_000, help="generated lines per set")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print("False positives (clean lines changed):")
    total = changed = 0
    for source, lines, bad in false_positives(args.examples):
        total += lines
        changed += bad
        print(f"  {source:48} {bad:5} / {lines:6}")
    print(f"  {'all clean lines':48} {changed:5} / {total:6}  = {changed / total:.4%}")
    print("Recall (doubled lines restored exactly): all lines | lines without a twin")
    for form, lines, good, twin_free, good_twin_free in recall(args.examples // 4):
        print(
            f"  {form:32} {good:5} / {lines:5} = {good / max(lines, 1):6.1%}"
            f" | {good_twin_free:5} / {twin_free:5} = {good_twin_free / max(twin_free, 1):6.1%}"
        )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

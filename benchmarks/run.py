"""``python -m benchmarks [--quick]``: accuracy and speed, written to ``benchmarks/results/``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from . import machine, report
from .accuracy import AccuracyResult, run_accuracy
from .speed import SpeedResult, run_speed
from .targets import targets

RESULTS = Path(__file__).resolve().parent / "results"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure textfix against its peers: accuracy on real PDF extractions and OCR, "
        "speed, scaling and memory. Writes Markdown, PNG and JSON results.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="small inputs, under two minutes (CI smoke)"
    )
    parser.add_argument(
        "--only", choices=("accuracy", "speed"), help="run one half of the benchmark"
    )
    parser.add_argument(
        "--out", type=Path, default=RESULTS, help=f"folder for the results (default {RESULTS})"
    )
    parser.add_argument(
        "--check-targets",
        action="store_true",
        help="exit 1 when a release target is measured and missed",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks: 0 when done, 1 if --check-targets and one is missed, 2 on bad use."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    mode = ("quick" if args.quick else "full") + (f"-{args.only}" if args.only else "")
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    accuracy: AccuracyResult | None = None
    speed: SpeedResult | None = None
    with tempfile.TemporaryDirectory(prefix="textfix-bench-") as workdir:
        if args.only in (None, "accuracy"):
            accuracy = run_accuracy(args.quick, Path(workdir), workers=os.cpu_count() or 1, log=log)
    if args.only in (None, "speed"):
        speed = run_speed(args.quick, log=log)
    facts = machine.facts()
    notes = machine.busy_notes()
    facts["benchmark time"] = f"{time.perf_counter() - started:.0f} s"
    args.out.mkdir(parents=True, exist_ok=True)
    chart_name = f"{mode}.png"
    has_chart = report.chart(args.out / chart_name, accuracy, speed)
    text = report.markdown(mode, facts, accuracy, speed, chart_name if has_chart else None, notes)
    (args.out / f"{mode}.md").write_text(text + "\n", encoding="utf-8")
    (args.out / f"{mode}.json").write_text(
        report.as_json(facts, accuracy, speed) + "\n", encoding="utf-8"
    )
    log(f"results written to {args.out}/{mode}.md")
    judged = targets(accuracy, speed)
    for target in judged:
        print(f"{target.name}: {target.measured} — {report.verdict(target.met)}")
    missed = any(target.met is False for target in judged)
    return 1 if args.check_targets and missed else 0

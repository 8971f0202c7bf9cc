"""Corpus scale: throughput of ``--jobs 1`` vs ``--jobs 2`` and peak memory vs corpus size.

Generates JSONL corpora from the seed pages (raw and gold, each record varied so
that no two are equal), runs the installed ``textfix fix`` on them in fresh
processes, and prints:

- throughput (MB/s of input) for each ``--jobs`` value, the speed-up, and whether
  the outputs are byte-identical;
- peak resident memory (the largest single process: the reader/writer or a worker)
  for each corpus size, with ``--jobs 1`` and ``--jobs 2``.

    python benchmarks/corpus_scale.py                    # 50 MB; RSS at 25 and 100 MB
    python benchmarks/corpus_scale.py --throughput-mb 200 --rss-mb 100 400
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "corpus").glob("*.txt"))
MEGABYTE = 1_000_000

# Run a command and print the peak RSS of its largest process and the CPU seconds of all.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    "sys.exit(code)\n"
)


def make_corpus(path: Path, megabytes: float, seed: int = 0) -> None:
    """A JSONL corpus of about ``megabytes``: seed pages with varied lines, plus metadata."""
    rng = random.Random(seed)
    pages = [page.read_text(encoding="utf-8").split("\n") for page in PAGES]
    size = 0
    with path.open("w", encoding="utf-8") as stream:
        number = 0
        while size < megabytes * MEGABYTE:
            lines = list(rng.choice(pages))
            start = rng.randrange(len(lines))
            lines = lines[start:] + lines[:start]  # a different page start each time
            record = {"id": number, "source": "seed", "text": "\n".join(lines)}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            stream.write(line)
            size += len(line.encode("utf-8"))
            number += 1


def textfix_command(source: Path, target: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "textfix.cli", "fix", str(source), "-o", str(target),
            "--jobs", str(jobs), "--quiet"]  # fmt: skip


@dataclass(frozen=True)
class Measure:
    wall: float  # seconds
    cpu: float  # seconds of CPU over all processes (the reader/writer and the workers)
    peak_rss: int  # MB, the largest single process


def run_measured(command: list[str]) -> Measure:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    kilobytes, cpu = done.stdout.split()
    return Measure(wall, float(cpu), int(kilobytes) // 1024)


def throughput(folder: Path, megabytes: float, jobs_values: list[int]) -> None:
    source = folder / "throughput.jsonl"
    make_corpus(source, megabytes)
    size = source.stat().st_size / MEGABYTE
    print(f"throughput on {size:.0f} MB of JSONL ({_machine()}):")
    outputs = {}
    measures = {}
    for jobs in jobs_values:
        target = folder / f"out-{jobs}.jsonl"
        measures[jobs] = run_measured(textfix_command(source, target, jobs))
        outputs[jobs] = target
        m = measures[jobs]
        print(f"  --jobs {jobs}: {m.wall:7.1f} s wall  {size / m.wall:6.2f} MB/s  "
              f"CPU {m.cpu:7.1f} s  peak RSS {m.peak_rss} MB  (load now {_load()})")  # fmt: skip
    base = jobs_values[0]
    for jobs in jobs_values[1:]:
        same = outputs[jobs].read_bytes() == outputs[base].read_bytes()
        wall = measures[base].wall / measures[jobs].wall
        # With ``jobs`` idle cores, wall time is the CPU time spread over them: this
        # bounds the speed-up a loaded machine hides (reading and writing included).
        bound = measures[base].cpu / (measures[jobs].cpu / jobs)
        print(f"  --jobs {jobs} vs --jobs {base}: wall speed-up {wall:.2f}x, CPU-bound "
              f"speed-up on idle cores {bound:.2f}x; output identical: {same}")  # fmt: skip


def memory(folder: Path, sizes: list[float], jobs_values: list[int]) -> None:
    print("peak RSS (largest single process) by corpus size:")
    for megabytes in sizes:
        source = folder / f"rss-{megabytes:g}.jsonl"
        make_corpus(source, megabytes, seed=1)
        size = source.stat().st_size / MEGABYTE
        for jobs in jobs_values:
            m = run_measured(textfix_command(source, folder / "rss-out.jsonl", jobs))
            print(f"  {size:6.0f} MB, --jobs {jobs}: peak RSS {m.peak_rss:5d} MB  ({m.wall:.1f} s)")
        source.unlink()


def _machine() -> str:
    return f"{os.cpu_count()} cores, load average {_load()}"


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--throughput-mb", type=float, default=50)
    parser.add_argument("--rss-mb", type=float, nargs="*", default=[25, 100])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        throughput(Path(folder), args.throughput_mb, args.jobs)
        memory(Path(folder), args.rss_mb, args.jobs)


if __name__ == "__main__":
    main()

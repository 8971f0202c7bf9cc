"""Speed: throughput against peers, scaling, adversarial inputs, peak memory and import time.

Each measurement runs in its own subprocess (``benchmarks._measure``), one after the other on
the same generated input, so numbers within one run are comparable as ratios.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass, field

from .peers import all_tools
from .texts import REPO_ROOT

MB = 1_000_000  # throughput is reported in 10^6 bytes of UTF-8 per second
# Linear scaling: seconds per MB on the largest input within this factor of the smallest.
LINEAR_TOLERANCE = 1.5
# Below this many seconds, timer and scheduler noise swamp the difference between linear and
# quadratic growth (a 1 ms run measured as 3 ms looks like ×3): such pairs are not judged.
JUDGED_MIN_SECONDS = 0.05
# The repairers also timed on Chinese newspaper pages as extracted (the seed pages tiled,
# each repetition's words shuffled), the input the speed target names.
NEWSPAPER_TOOLS = ("textfix", "ftfy", "autocorrect", "pangu")
# Fresh interpreters started to time `import textfix`; the median is reported.
IMPORT_RUNS = 5


@dataclass(frozen=True)
class Plan:
    """Sizes for one mode (bytes, except empty lines: a count of lines)."""

    base: int
    repeat: int
    scaling: tuple[int, ...]
    adversarial: tuple[tuple[str, int], ...]
    timeout: float


QUICK = Plan(
    base=1 * MB,
    repeat=3,
    scaling=(1 * MB, 4 * MB),
    adversarial=(("one line", 2 * MB), ("月 only", MB // 2), ("empty lines", 250_000)),
    timeout=60,
)
FULL = Plan(
    base=5 * MB,
    repeat=3,
    scaling=(1 * MB, 10 * MB, 50 * MB),
    adversarial=(("one line", 10 * MB), ("月 only", 1 * MB), ("empty lines", 1_000_000)),
    timeout=900,
)
# Each adversarial input is also timed at this fraction of its size: linear time means the
# time ratio is close to the size ratio.
ADVERSARIAL_SHRINK = 4


@dataclass(frozen=True)
class Measurement:
    tool: str
    kind: str
    size: int
    seconds: float | None = None
    bytes: int = 0
    rss_peak_mb: float = 0.0
    rss_work_mb: float = 0.0  # peak minus what the worker held once its input was built
    status: str = "ok"

    @property
    def mb_per_s(self) -> float | None:
        if self.seconds is None or self.seconds <= 0:
            return None
        return self.bytes / MB / self.seconds


@dataclass
class SpeedResult:
    throughput: list[Measurement] = field(default_factory=list)
    newspaper: list[Measurement] = field(default_factory=list)
    scaling: list[Measurement] = field(default_factory=list)
    adversarial: list[tuple[Measurement, Measurement]] = field(default_factory=list)
    import_seconds: float | None = None
    what: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def measure(tool: str, kind: str, size: int, repeat: int, timeout: float) -> Measurement:
    spec = json.dumps({"tool": tool, "kind": kind, "size": size, "repeat": repeat})
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks._measure", spec],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return Measurement(tool, kind, size, status=f"timeout > {timeout:.0f} s")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return Measurement(tool, kind, size, status=f"error: {last}")
    data = json.loads(done.stdout)
    return Measurement(
        tool,
        kind,
        size,
        seconds=data["seconds"],
        bytes=data["bytes"],
        rss_peak_mb=data["rss_peak_kb"] / 1024,
        rss_work_mb=(data["rss_peak_kb"] - data["rss_input_kb"]) / 1024,
    )


def import_time() -> float:
    """Median seconds of ``import textfix`` in a fresh interpreter."""
    probe = "import time; t = time.perf_counter(); import textfix; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(IMPORT_RUNS)
    ]
    return statistics.median(runs)


def is_linear(small: Measurement, large: Measurement) -> bool | None:
    """Seconds per byte on ``large`` within LINEAR_TOLERANCE of ``small``.

    None when either was not measured or ``large`` ran too briefly to judge.
    """
    if small.seconds is None or large.seconds is None or not small.bytes or not large.bytes:
        return None
    if large.seconds < JUDGED_MIN_SECONDS:
        return None
    per_byte_small = small.seconds / small.bytes
    per_byte_large = large.seconds / large.bytes
    return per_byte_large <= LINEAR_TOLERANCE * per_byte_small


def run_speed(quick: bool, log=print) -> SpeedResult:
    plan = QUICK if quick else FULL
    result = SpeedResult()
    for tool in all_tools():
        reason = tool.missing()
        if reason:
            result.skipped.append(f"{tool.name}: {reason}")
            continue
        result.what[tool.name] = tool.what
        log(f"speed: {tool.name} on {plan.base / MB:g} MB")
        result.throughput.append(measure(tool.name, "mixed", plan.base, plan.repeat, plan.timeout))
        if tool.name in NEWSPAPER_TOOLS:
            log(f"speed: {tool.name} on {plan.base / MB:g} MB of newspaper pages")
            result.newspaper.append(
                measure(tool.name, "newspaper", plan.base, plan.repeat, plan.timeout)
            )
    for size in plan.scaling:
        log(f"speed: textfix scaling, {size / MB:g} MB")
        result.scaling.append(measure("textfix", "mixed", size, plan.repeat, plan.timeout))
    for kind, size in plan.adversarial:
        log(f"speed: adversarial {kind}")
        small = measure("textfix", kind, size // ADVERSARIAL_SHRINK, plan.repeat, plan.timeout)
        large = measure("textfix", kind, size, plan.repeat, plan.timeout)
        result.adversarial.append((small, large))
    result.import_seconds = import_time()
    return result

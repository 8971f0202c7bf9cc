"""The release targets of issue 7, judged on what one benchmark run measured.

A target is met (True), missed (False) or not measured in this run (None); the report shows
each with the figure it was judged on, so a reader can check the verdict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .accuracy import RAW, AccuracyResult, Row
from .speed import MB, Measurement, SpeedResult, is_linear

# textfix keeps at most this share of the raw CER on every PDF extraction.
TARGET_CER_SHARE = 0.20
# The default pipeline runs at least this fast (MB/s) on damaged text,
TARGET_MB_PER_S = 10.0
# at least this many times as fast as ftfy.fix_text on the same input,
TARGET_TIMES_FTFY = 10.0
# and every rule alone at least this fast (MB/s).
TARGET_RULE_MB_PER_S = 20.0
# Memory a fix adds while it runs (peak RSS minus RSS once the input exists), per input byte:
# the output string alone is about one input's worth.
TARGET_RSS_PER_INPUT = 3.0
# Linear time is claimed from the smallest to this input size; a run that stops short says so.
TARGET_LARGEST_MB = 50
# Rows of a sample that are not peers; every other row (the naive join included) is a tool
# textfix must beat on that sample.
RAW_AND_OURS = (RAW, "textfix")


@dataclass(frozen=True)
class Target:
    name: str
    measured: str
    met: bool | None  # None: not measured in this run


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} MB/s"


def by_sample(rows: list[Row]) -> dict[tuple[str, str], dict[str, Row]]:
    grouped: dict[tuple[str, str], dict[str, Row]] = defaultdict(dict)
    for row in rows:
        grouped[(row.source, row.setting)][row.tool] = row
    return grouped


def targets(accuracy: AccuracyResult | None, speed: SpeedResult | None) -> list[Target]:
    """Every target this run can judge; the CER share on PDF extractions comes first."""
    found: list[Target] = []
    if accuracy is not None:
        found += [_cer_share(accuracy), _below_peers(accuracy), _clean_text(accuracy)]
    if speed is not None:
        found += [
            _pipeline_rate(speed),
            _times_peer(speed, "ftfy", TARGET_TIMES_FTFY),
            _times_peer(speed, "autocorrect", 1.0),
            _slowest_rule(speed),
            _linear(speed),
            _memory(speed),
        ]
    return found


def _cer_share(accuracy: AccuracyResult) -> Target:
    by_extractor: dict[str, list[float]] = defaultdict(list)
    for (source, setting), tools in by_sample(accuracy.rows).items():
        if source.startswith("PDF") and "textfix" in tools and tools[RAW].scores.cer > 0:
            by_extractor[setting].append(tools["textfix"].scores.cer / tools[RAW].scores.cer)
    shares = [share for values in by_extractor.values() for share in values]
    worst = max(shares) if shares else None
    detail = ", ".join(f"{name} {percent(max(values))}" for name, values in by_extractor.items())
    return Target(
        f"CER after textfix ≤ {TARGET_CER_SHARE:.0%} of raw CER on PDF extractions",
        f"worst {percent(worst)} (worst per extractor: {detail})",
        None if worst is None else worst <= TARGET_CER_SHARE,
    )


def _below_peers(accuracy: AccuracyResult) -> Target:
    samples = 0
    behind: list[str] = []
    for (source, setting), tools in by_sample(accuracy.rows).items():
        peers = [row for tool, row in tools.items() if tool not in RAW_AND_OURS]
        if "textfix" not in tools or not peers:
            continue
        samples += 1
        ours = tools["textfix"].scores.cer
        best = min(peers, key=lambda row: row.scores.cer)
        if ours >= best.scores.cer:
            behind.append(f"{source} {setting}: {best.tool} {percent(best.scores.cer)}")
    measured = f"lowest on {samples - len(behind)} of {samples} samples"
    if behind:
        measured += " (not on " + "; ".join(behind) + ")"
    return Target(
        "CER after textfix below every peer on every sample",
        measured,
        None if not samples else not behind,
    )


def _clean_text(accuracy: AccuracyResult) -> Target:
    clean = next((check for check in accuracy.clean if check.tool == "textfix"), None)
    return Target(
        "textfix changes no clean text",
        "—" if clean is None else f"{clean.false_change_rate:.1%} of {clean.texts} texts",
        None if clean is None else clean.false_change_rate == 0,
    )


def _named(measurements: list[Measurement], tool: str) -> Measurement | None:
    return next((m for m in measurements if m.tool == tool), None)


def _inputs(speed: SpeedResult) -> list[tuple[str, list[Measurement]]]:
    return [
        (name, measured)
        for name, measured in (("mixed", speed.throughput), ("newspaper", speed.newspaper))
        if _named(measured, "textfix") is not None
    ]


def _pipeline_rate(speed: SpeedResult) -> Target:
    rates = {name: _named(measured, "textfix").mb_per_s for name, measured in _inputs(speed)}
    known = [rate for rate in rates.values() if rate is not None]
    return Target(
        f"default pipeline ≥ {TARGET_MB_PER_S:g} MB/s",
        ", ".join(f"{name} {_rate(rate)}" for name, rate in rates.items()) or "—",
        None if not known else min(known) >= TARGET_MB_PER_S,
    )


def _times_peer(speed: SpeedResult, peer: str, times: float) -> Target:
    ratios: dict[str, float] = {}
    for name, measured in _inputs(speed):
        ours, theirs = _named(measured, "textfix").mb_per_s, None
        other = _named(measured, peer)
        if other is not None:
            theirs = other.mb_per_s
        if ours and theirs:
            ratios[name] = ours / theirs
    wording = f"≥ {times:g}× {peer}" if times != 1.0 else f"faster than {peer}"
    return Target(
        f"default pipeline {wording} on the same input",
        ", ".join(f"{name} {ratio:.1f}×" for name, ratio in ratios.items()) or "—",
        None if not ratios else min(ratios.values()) >= times,
    )


def _slowest_rule(speed: SpeedResult) -> Target:
    rules = [m for m in speed.throughput if m.tool.startswith("rule ") and m.mb_per_s]
    if not rules:
        return Target(f"each rule alone ≥ {TARGET_RULE_MB_PER_S:g} MB/s", "—", None)
    slow = sorted(rules, key=lambda m: m.mb_per_s)
    missing = [m for m in slow if m.mb_per_s < TARGET_RULE_MB_PER_S]
    shown = missing or slow[:1]
    return Target(
        f"each rule alone ≥ {TARGET_RULE_MB_PER_S:g} MB/s",
        ("below: " if missing else "slowest: ")
        + ", ".join(f"{m.tool.removeprefix('rule ')} {_rate(m.mb_per_s)}" for m in shown),
        not missing,
    )


def _linear(speed: SpeedResult) -> Target:
    measured = [m for m in speed.scaling if m.seconds is not None and m.bytes]
    name = f"linear time from 1 to {TARGET_LARGEST_MB} MB"
    if len(measured) < 2:
        return Target(name, "—", None)
    small, large = measured[0], measured[-1]
    per_mb = " → ".join(f"{m.seconds / (m.bytes / MB):.3f}" for m in measured)
    sizes = " → ".join(f"{m.size / MB:g}" for m in measured)
    note = "" if large.size >= TARGET_LARGEST_MB * MB else " (this run stops short of 50 MB)"
    return Target(name, f"s/MB at {sizes} MB: {per_mb}{note}", is_linear(small, large))


def _memory(speed: SpeedResult) -> Target:
    measured = [m for m in speed.scaling if m.seconds is not None and m.bytes]
    name = f"memory added by fix ≤ {TARGET_RSS_PER_INPUT:g}× input"
    if not measured:
        return Target(name, "—", None)
    largest = measured[-1]
    share = largest.rss_work_mb * 1024 * 1024 / largest.bytes
    return Target(
        name,
        f"{largest.rss_work_mb:.0f} MB added for {largest.bytes / MB:g} MB ({share:.1f}×; "
        f"peak RSS {largest.rss_peak_mb:.0f} MB with the interpreter and input)",
        share <= TARGET_RSS_PER_INPUT,
    )

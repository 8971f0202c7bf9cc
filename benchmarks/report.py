"""Write the results: a Markdown report, a PNG chart and the raw numbers as JSON."""

from __future__ import annotations

import dataclasses
import json
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from .accuracy import RAW, AccuracyResult, Row
from .metrics import ARTIFACT_PATTERNS
from .speed import JUDGED_MIN_SECONDS, LINEAR_TOLERANCE, MB, Measurement, SpeedResult, is_linear
from .targets import TARGET_MB_PER_S, by_sample, percent, targets

SOURCES_NOTE = (
    "Clean text: the seed corpus gold pages (`corpus/*.gold.txt`, hand-made), and English prose "
    "paragraphs of the Python Language Reference as shipped with CPython in `pydoc_data.topics` "
    "(PSF licence); headlines, bylines and captions are generated from them. PDFs are built at run "
    "time by `benchmarks/newspaper_pdf.py` (newspaper pages) and `benchmarks/report_pdf.py` (a "
    "one-column report: contents, headings, listings among wrapped paragraphs of mixed Han and "
    "Latin text); nothing is stored. Each PDF sample is scored against "
    "the gold with every article's titles where that extractor read them (the PDF draws titles "
    "after the body but prints them above it; textfix keeps document order as extracted)."
)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def verdict(met: bool | None, unknown: str = "not measured") -> str:
    return {True: "yes", False: "**no**", None: unknown}[met]


def _accuracy_section(accuracy: AccuracyResult) -> list[str]:
    tools = accuracy.tools
    grouped = by_sample(accuracy.rows)
    lines = ["## Accuracy", "", "### Character error rate (lower is better)", ""]
    lines += _table(
        ["source", "setting", *tools],
        (
            [
                source,
                setting,
                *(percent(by_tool[t].scores.cer) if t in by_tool else "—" for t in tools),
            ]
            for (source, setting), by_tool in grouped.items()
        ),
    )
    lines += ["### Mean over all samples", ""]
    header = ["tool", "CER", "exact paragraphs", "boundary F1", *ARTIFACT_PATTERNS]
    per_tool: dict[str, list[Row]] = defaultdict(list)
    for row in accuracy.rows:
        per_tool[row.tool].append(row)
    lines += _table(
        header,
        (
            [
                tool,
                percent(statistics.mean(r.scores.cer for r in rows)),
                percent(statistics.mean(r.scores.exact_paragraphs for r in rows)),
                _num(statistics.mean(r.scores.boundary_f1 for r in rows)),
                *(sum(r.scores.residual[kind] for r in rows) for kind in ARTIFACT_PATTERNS),
            ]
            for tool, rows in per_tool.items()
        ),
    )
    lines += [
        "Artifact columns count what is left beyond the gold's own count, summed over samples.",
        "",
        "### textfix against raw, per sample",
        "",
    ]
    lines += _table(
        ["source", "setting", "exact paragraphs", "boundary F1", "residual artifacts"],
        (
            [
                source,
                setting,
                f"{percent(by_tool[RAW].scores.exact_paragraphs)} → "
                f"{percent(by_tool['textfix'].scores.exact_paragraphs)}",
                f"{_num(by_tool[RAW].scores.boundary_f1)} → "
                f"{_num(by_tool['textfix'].scores.boundary_f1)}",
                f"{sum(by_tool[RAW].scores.residual.values())} → "
                f"{sum(by_tool['textfix'].scores.residual.values())}",
            ]
            for (source, setting), by_tool in grouped.items()
            if "textfix" in by_tool
        ),
    )
    lines += _damage_section(accuracy)
    return lines


def _damage_section(accuracy: AccuracyResult) -> list[str]:
    grouped = by_sample(accuracy.rows)
    lines = [
        "### Where a tool damages text",
        "",
        "A tool damages an extraction when its output is further from the gold than its input "
        "was (CER up). On clean text every change is damage.",
        "",
    ]
    rows = []
    for check in accuracy.clean:
        deltas = [
            by_tool[check.tool].scores.cer - by_tool[RAW].scores.cer
            for by_tool in grouped.values()
            if check.tool in by_tool
        ]
        worse = sum(delta > 0 for delta in deltas)
        rows.append(
            [
                check.tool,
                f"{worse} of {len(deltas)}",
                f"{'+' if deltas and statistics.mean(deltas) > 0 else ''}"
                f"{percent(statistics.mean(deltas) if deltas else None)}",
                percent(check.false_change_rate),
                f"`{check.example}`" if check.example else "",
            ]
        )
    lines += _table(
        [
            "tool",
            "extractions made worse",
            "mean CER change",
            "clean texts changed",
            "first change on clean text",
        ],
        rows,
    )
    return lines


def _throughput_table(title: str, measured: list[Measurement], what: dict[str, str]) -> list[str]:
    reference = next((m for m in measured if m.tool == "textfix"), None)
    base = reference.mb_per_s if reference else None

    def ratio(measurement: Measurement) -> str:
        rate = measurement.mb_per_s
        return "—" if rate is None or not base else f"{rate / base:.2f}×"

    lines = [f"### {title}", ""]
    return lines + _table(
        ["tool", "call", "MB/s", "vs textfix", "peak RSS MB", "RSS added by tool MB", "status"],
        (
            [
                m.tool,
                f"`{what.get(m.tool, '')}`",
                _num(m.mb_per_s, 1),
                ratio(m),
                _num(m.rss_peak_mb, 0),
                _num(m.rss_work_mb, 0),
                m.status,
            ]
            for m in measured
        ),
    )


def _speed_section(speed: SpeedResult) -> list[str]:
    lines = ["## Speed", "", "Single process, same input, one tool per fresh subprocess.", ""]
    if speed.throughput:
        size = speed.throughput[0].size / MB
        title = f"Throughput on {size:g} MB of damaged mixed text"
        lines += _throughput_table(title, speed.throughput, speed.what)
    if speed.newspaper:
        size = speed.newspaper[0].size / MB
        title = f"Throughput on {size:g} MB of Chinese newspaper pages as extracted"
        lines += _throughput_table(title, speed.newspaper, speed.what)
    if speed.scaling:
        linear = is_linear(speed.scaling[0], speed.scaling[-1])
        too_brief = f"under {JUDGED_MIN_SECONDS} s"
        lines += [
            "### Scaling of textfix (default rules)",
            "",
            f"Linear: {verdict(linear, too_brief)} (seconds per MB on the largest input within "
            f"{LINEAR_TOLERANCE}× of the smallest).",
            "",
        ]
        lines += _table(
            ["input MB", "seconds", "MB/s", "peak RSS MB", "status"],
            (
                [
                    f"{m.size / MB:g}",
                    _num(m.seconds, 3),
                    _num(m.mb_per_s, 1),
                    _num(m.rss_peak_mb, 0),
                    m.status,
                ]
                for m in speed.scaling
            ),
        )
    if speed.adversarial:
        lines += [
            "### Adversarial inputs (textfix, default rules)",
            "",
            "Each input is timed at two sizes: in linear time, time grows as size does.",
            "",
        ]
        lines += _table(
            ["input", "sizes", "ms", "MB/s (large)", "time ratio", "linear", "status"],
            (
                [
                    small.kind,
                    f"{_size(small)} / {_size(large)}",
                    f"{_ms(small.seconds)} / {_ms(large.seconds)}",
                    _num(large.mb_per_s, 1),
                    _time_ratio(small, large),
                    verdict(is_linear(small, large), f"under {JUDGED_MIN_SECONDS} s"),
                    large.status if large.status != "ok" else small.status,
                ]
                for small, large in speed.adversarial
            ),
        )
    if speed.import_seconds is not None:
        lines += [
            f"Import time of textfix (median of fresh interpreters): "
            f"{speed.import_seconds * 1000:.1f} ms.",
            "",
        ]
    return lines


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.1f}"


def _size(measurement: Measurement) -> str:
    if measurement.kind == "empty lines":
        return f"{measurement.size:,} lines"
    return f"{measurement.size / MB:g} MB"


def _time_ratio(small: Measurement, large: Measurement) -> str:
    if not small.seconds or large.seconds is None:
        return "—"
    return f"{large.seconds / small.seconds:.1f} (size ×{large.size / small.size:g})"


def markdown(
    mode: str,
    facts: dict[str, str],
    accuracy: AccuracyResult | None,
    speed: SpeedResult | None,
    chart: str | None,
    notes: Sequence[str] = (),
) -> str:
    command = "python -m benchmarks" + (" --quick" if mode.startswith("quick") else "")
    if "-" in mode:
        command += f" --only {mode.split('-', 1)[1]}"
    lines = [f"# textfix benchmarks ({mode})", "", f"Reproduce: `{command}`.", ""]
    lines += [f"> {note}" for note in notes] + ([""] if notes else [])
    lines += ["## Targets", ""]
    lines += _table(
        ["target", "measured", "met"],
        ([t.name, t.measured, verdict(t.met)] for t in targets(accuracy, speed)),
    )
    if chart:
        lines += [f"![accuracy and speed]({chart})", ""]
    if accuracy is not None:
        lines += _accuracy_section(accuracy)
    if speed is not None:
        lines += _speed_section(speed)
    skipped = (accuracy.skipped if accuracy else []) + (speed.skipped if speed else [])
    if skipped:
        lines += ["## Skipped", ""] + [f"- {reason}" for reason in skipped] + [""]
    lines += ["## Inputs", "", SOURCES_NOTE, ""]
    if accuracy is not None:
        lines += [f"- {document}" for document in accuracy.documents] + [""]
    lines += ["## Machine and versions", ""]
    lines += _table(["", ""], facts.items())
    return "\n".join(lines)


def chart(path: Path, accuracy: AccuracyResult | None, speed: SpeedResult | None) -> bool:
    """Draw the PNG; False (and no file) when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(17, 5.5))
    if accuracy is not None and accuracy.rows:
        _plot_cer(left, accuracy)
    if speed is not None and speed.throughput:
        _plot_throughput(middle, speed)
    if speed is not None and speed.scaling:
        _plot_scaling(right, speed)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return True


def _group(source: str) -> str:
    return source.split(" ")[0]  # "PDF", "OCR" or "seed"


def _plot_cer(axes, accuracy: AccuracyResult) -> None:
    groups = sorted({_group(row.source) for row in accuracy.rows})
    tools = accuracy.tools
    width = 0.8 / len(tools)
    for index, tool in enumerate(tools):
        means = [
            statistics.mean(
                [r.scores.cer for r in accuracy.rows if r.tool == tool and _group(r.source) == g]
                or [0.0]
            )
            * 100
            for g in groups
        ]
        positions = [g + index * width for g in range(len(groups))]
        axes.bar(positions, means, width, label=tool)
    axes.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))], groups)
    axes.set_ylabel("mean CER, % (lower is better)")
    axes.set_title("Accuracy by input kind")
    axes.legend(fontsize=8)


def _plot_throughput(axes, speed: SpeedResult) -> None:
    measured = [m for m in speed.throughput if m.mb_per_s]
    axes.barh([m.tool for m in measured], [m.mb_per_s for m in measured], color="tab:green")
    axes.set_xscale("log")
    axes.invert_yaxis()
    axes.set_xlabel("MB/s (log scale, higher is better)")
    axes.set_title("Throughput, single process")
    axes.axvline(TARGET_MB_PER_S, color="grey", linestyle="--", linewidth=1)


def _plot_scaling(axes, speed: SpeedResult) -> None:
    measured = [m for m in speed.scaling if m.seconds is not None]
    sizes = [m.bytes / MB for m in measured]
    axes.plot(sizes, [m.seconds for m in measured], marker="o", label="textfix")
    if measured:
        per_mb = measured[0].seconds / sizes[0]
        axes.plot(sizes, [per_mb * s for s in sizes], linestyle=":", color="grey", label="linear")
    axes.set_xlabel("input MB")
    axes.set_ylabel("seconds")
    axes.set_title("Scaling of the default pipeline")
    axes.legend(fontsize=8)


def as_json(
    facts: dict[str, str], accuracy: AccuracyResult | None, speed: SpeedResult | None
) -> str:
    def plain(value: object) -> object:
        return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value

    document = {
        "facts": facts,
        "targets": [plain(t) for t in targets(accuracy, speed)],
        "accuracy": plain(accuracy),
        "speed": plain(speed),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)

"""The release targets are judged on the figures a run measured, and can be missed."""

from __future__ import annotations

from benchmarks.accuracy import RAW, AccuracyResult, Row
from benchmarks.metrics import Scores
from benchmarks.speed import MB, Measurement, SpeedResult
from benchmarks.targets import targets


def _row(setting: str, tool: str, cer: float) -> Row:
    return Row(
        "PDF zh", setting, tool, Scores(cer=cer, exact_paragraphs=0, boundary_f1=0, residual={})
    )


def _named(found, start: str):
    return next(target for target in found if target.name.startswith(start))


def _timed(
    tool: str, seconds: float, size: int = MB, kind: str = "mixed", work_mb: float = 1
) -> Measurement:
    return Measurement(
        tool, kind, size, seconds=seconds, bytes=size, rss_peak_mb=40, rss_work_mb=work_mb
    )


def test_textfix_must_beat_every_peer_on_every_sample() -> None:
    rows = [_row("a", RAW, 0.5), _row("a", "textfix", 0.1), _row("a", "ftfy", 0.4)]
    rows += [_row("b", RAW, 0.5), _row("b", "textfix", 0.3), _row("b", "naive join", 0.2)]
    target = _named(targets(AccuracyResult(rows=rows), None), "CER after textfix below")
    assert target.met is False
    assert "lowest on 1 of 2" in target.measured
    assert "naive join 20.0%" in target.measured
    rows[-1] = _row("b", "naive join", 0.35)
    assert _named(targets(AccuracyResult(rows=rows), None), "CER after textfix below").met is True


def test_speed_targets_compare_textfix_with_peers_on_each_input() -> None:
    speed = SpeedResult(
        throughput=[_timed("textfix", 0.05), _timed("ftfy", 1.0), _timed("autocorrect", 0.2)],
        newspaper=[_timed("textfix", 0.2, kind="newspaper"), _timed("ftfy", 1.0, kind="newspaper")],
    )
    found = targets(None, speed)
    rate = _named(found, "default pipeline ≥ 10 MB/s")
    assert rate.met is False  # 20 MB/s on mixed text, 5 on newspaper pages
    assert "newspaper 5.0 MB/s" in rate.measured
    assert _named(found, "default pipeline ≥ 10× ftfy").met is False  # 20× and 5×
    assert _named(found, "default pipeline faster than autocorrect").met is True


def test_each_rule_target_names_the_rules_below_it() -> None:
    speed = SpeedResult(throughput=[_timed("rule fast", 0.01), _timed("rule slow", 0.1)])
    target = _named(targets(None, speed), "each rule alone")
    assert target.met is False
    assert target.measured == "below: slow 10.0 MB/s"
    speed.throughput[1] = _timed("rule slow", 0.04)
    assert _named(targets(None, speed), "each rule alone").met is True


def test_memory_is_judged_per_input_byte_on_the_largest_size() -> None:
    scaling = [
        _timed("textfix", 0.1, size=MB, work_mb=20),
        _timed("textfix", 1.0, size=10 * MB, work_mb=25),
    ]
    target = _named(targets(None, SpeedResult(scaling=scaling)), "memory added")
    assert target.met is True  # 25 MiB for 10 MB: 2.6× (the small size's 20× does not count)
    scaling[-1] = _timed("textfix", 1.0, size=10 * MB, work_mb=40)
    assert _named(targets(None, SpeedResult(scaling=scaling)), "memory added").met is False


def test_linear_target_says_when_a_run_stops_short_of_its_size() -> None:
    scaling = [_timed("textfix", 0.1, size=MB), _timed("textfix", 0.4, size=4 * MB)]
    target = _named(targets(None, SpeedResult(scaling=scaling)), "linear time")
    assert target.met is True
    assert "stops short" in target.measured
    scaling[-1] = _timed("textfix", 1.6, size=4 * MB)  # quadratic: 4× the size, 16× the time
    assert _named(targets(None, SpeedResult(scaling=scaling)), "linear time").met is False

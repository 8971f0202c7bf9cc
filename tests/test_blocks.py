"""Paragraph types and their spans in the original input (``textfix.blocks``, ``fix --format``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given

import textfix
from tests.strategies import any_text
from textfix.blocks import MAX_TITLE_CHARS, classify
from textfix.cli import main
from textfix.report import Repair

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Page 000, annotated by hand: each article's title lines (headline first) and the caption.
PAGE_000_TITLES = (
    ("市委召开人工智能产业发展座谈会", "更好赋能新型工业化培育新质生产力"),
    ("“无难事 悉心办”外资企业新春座谈会在太湖游轮举行", "赵建军与在锡重点外企高管畅谈合作共话发展"),
    ("苏南运河无锡段“三改二”配套工程积极筹划中", "四座大桥将改建"),
)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _json_blocks(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["fix", "--format", "json", str(path)]) == 0
    return json.loads(capsys.readouterr().out)["blocks"]


def test_json_lists_every_headline_and_the_caption_of_page_000(
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocks = _json_blocks(CORPUS / "000.raw.txt", capsys)
    typed = {block["text"]: block["type"] for block in blocks}
    for headline, subtitle in PAGE_000_TITLES:
        assert typed[headline] == "headline"
        assert typed[subtitle] == "subtitle"
    captions = [block for block in blocks if block["type"] == "caption"]
    gold = (CORPUS / "000.gold.txt").read_text(encoding="utf-8").split("\n")
    assert len(captions) == 1 and captions[0]["text"] in gold
    assert captions[0]["text"].endswith("摄）")


@pytest.mark.parametrize("page", ["000", "004"])
def test_spans_point_at_the_paragraph_in_the_original(
    page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = (CORPUS / f"{page}.raw.txt").read_text(encoding="utf-8")
    blocks = _json_blocks(CORPUS / f"{page}.raw.txt", capsys)
    assert [b["text"] for b in blocks] == [p for p in textfix.fix(raw).split("\n") if p]
    edits = [e for e in textfix.explain(raw).edits if raw[e.start : e.end] == e.before]
    for block in blocks:
        start, end = block["start"], block["end"]
        span = raw[start:end]
        inside = [e for e in edits if start <= e.start and e.end <= end]
        for edit in sorted(inside, key=lambda e: e.start, reverse=True):
            span = span[: edit.start - start] + edit.after + span[edit.end - start :]
        assert _squash(span) == _squash(block["text"])
    assert [b["start"] for b in blocks] == sorted(b["start"] for b in blocks)


def test_page_004_bylines_and_body_start_with_datelines() -> None:
    raw = (CORPUS / "004.raw.txt").read_text(encoding="utf-8")
    blocks = textfix.explain(raw).blocks
    assert [b.text for b in blocks if b.type == "byline"] == ["（王怡荻）"]
    assert all(b.type == "body" for b in blocks if b.text.startswith("本报讯"))
    assert blocks[-1].type == "subtitle" and blocks[-3].type == "headline"


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("联系我们\n本报讯 昨日，会议召开。\n会议召开\n", ["standalone", "body", "headline"]),
        ("会议召开\n本报讯 昨日，会议召开。\n", ["headline", "body"]),
        ("本报讯 会议召开。\n本报记者 张三\n", ["body", "byline"]),
        ("会议召开。\n" + "长" * MAX_TITLE_CHARS + "\n", ["body", "headline"]),
        ("会议召开。\n" + "长" * (MAX_TITLE_CHARS + 1) + "\n", ["body", "body"]),
    ],
    ids=["top-line-before-articles", "title-leads", "reporter", "at-max-title", "over-max-title"],
)
def test_types_follow_layout_and_wording(text: str, types: list[str]) -> None:
    assert [block.type for block in textfix.explain(text).blocks] == types


def test_furniture_blocks_are_reported_with_their_original_spans() -> None:
    bodies = ("正文从这里开始，", "接着写下去，", "到这里写完。")
    raw = "\f".join(f"日报 第{n}版\n\n{b}\n\n- {n} -\n" for n, b in enumerate(bodies, 1))
    repair = textfix.explain(raw)
    furniture = [b for b in classify(repair, furniture=True) if b.type == "furniture"]
    assert [b.text for b in furniture] == [
        "日报 第1版",
        "- 1 -",
        "日报 第2版",
        "- 2 -",
        "日报 第3版",
        "- 3 -",
    ]
    assert all(raw[b.start : b.end] == b.text for b in furniture)
    assert all(b.type != "furniture" for b in repair.blocks)


def test_blocks_need_the_edit_record() -> None:
    with pytest.raises(ValueError, match="textfix.explain"):
        Repair("a \n", "a\n", ()).blocks  # noqa: B018


def test_format_json_refuses_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("部署。 （高美梅）\n", encoding="utf-8")
    assert main(["fix", "--format", "json", "--check", str(source)]) == 2
    assert "--format json" in capsys.readouterr().err


@given(any_text)
def test_to_original_maps_every_paragraph_inside_the_input(text: str) -> None:
    repair = textfix.explain(text)
    for block in repair.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for offset in range(len(repair.text) + 1):
        assert 0 <= repair.to_original(offset) <= len(text)

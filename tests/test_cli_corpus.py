"""``textfix fix`` on corpora, driven through ``main([...])``."""

from __future__ import annotations

import json
from io import BytesIO, TextIOWrapper
from pathlib import Path

import pytest

import textfix
from textfix.cli import main
from textfix.corpus import CorpusJob
from textfix.io import STDIN_SOURCE

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BROKEN = "部署。 （高美梅）"
FIXED = "部署。（高美梅）"
PAGES = [(CORPUS / name).read_text(encoding="utf-8") for name in ("000.raw.txt", "004.raw.txt")]

Capture = pytest.CaptureFixture[str]


def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    return _jsonl(
        tmp_path / "corpus.jsonl", [{"id": n, "text": p} for n, p in enumerate(PAGES * 4)]
    )


def test_summary_counts_documents_edits_and_errors(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "c.jsonl"
    source.write_text(f'{{"text": "{BROKEN}"}}\nnot json\n', encoding="utf-8")
    assert main(["fix", str(source), "-o", str(tmp_path / "out.jsonl"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "line 2: not valid JSON" in err
    assert "textfix: 1 documents" in err
    assert "remove_space_beside_cjk_punct 1" in err
    assert "malformed records: 1 (kept unchanged)" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_quiet_prints_nothing_but_problems(tmp_path: Path, capsys: Capture) -> None:
    source = _jsonl(tmp_path / "c.jsonl", [{"text": BROKEN}])
    assert main(["fix", str(source), "-o", str(tmp_path / "o.jsonl"), "-q", "-j", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal_shows_rates(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _jsonl(tmp_path / "c.jsonl", [{"text": BROKEN}] * 3)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["fix", str(source), "-o", str(tmp_path / "o.jsonl"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "3/?" in err or "3doc" in err.replace(" ", "")
    assert "MB/s" in err and "doc/s" in err


def test_fail_stops_with_exit_2_and_leaves_the_target_as_it_was(
    tmp_path: Path, capsys: Capture
) -> None:
    source = _jsonl(tmp_path / "c.jsonl", [{"text": BROKEN}, {"title": "x"}])
    target = tmp_path / "out.jsonl"
    target.write_text("before")
    assert main(["fix", str(source), "-o", str(target), "--on-error", "fail", "-q"]) == 2
    assert "line 2: no field 'text'" in capsys.readouterr().err
    assert target.read_text() == "before"
    assert not any(p.name.endswith(".textfix-tmp") for p in tmp_path.iterdir())


def test_two_jobs_write_the_bytes_of_one(tmp_path: Path, corpus_file: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.jsonl"
        assert main(["fix", str(corpus_file), "-o", str(target), "-j", jobs, "-q"]) == 0
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    texts = [json.loads(line)["text"] for line in outputs[0].decode().splitlines()]
    assert texts == [textfix.fix(page) for page in PAGES * 4]


def test_parquet_with_two_jobs_writes_the_rows_of_one(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet support needs pyarrow")
    import pyarrow as pa

    source = tmp_path / "c.parquet"
    pq.write_table(pa.table({"id": list(range(8)), "text": PAGES * 4}), source)
    tables = []
    for jobs in ("1", "2"):
        target = tmp_path / f"out{jobs}.parquet"
        assert main(["fix", str(source), "-o", str(target), "-j", jobs, "-q"]) == 0
        tables.append(pq.read_table(target))
    assert tables[0].equals(tables[1])
    assert tables[0].column("text").to_pylist() == [textfix.fix(p) for p in PAGES * 4]


def test_doc_sep_streams_pages_of_a_text_file(tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text("\f".join(PAGES * 2), encoding="utf-8")
    target = tmp_path / "fixed.txt"
    assert main(["fix", str(source), "--doc-sep", "\\f", "-o", str(target), "-j", "2", "-q"]) == 0
    assert target.read_text(encoding="utf-8") == "\f".join(textfix.fix(p) for p in PAGES * 2)


def test_jsonl_from_standard_input_to_standard_output(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = f'{{"text": "{BROKEN}"}}\n'.encode()
    monkeypatch.setattr("sys.stdin", TextIOWrapper(BytesIO(data), encoding="utf-8"))
    assert main(["fix", "--format", "jsonl", "-q", "-j", "1"]) == 0
    assert json.loads(capsysbinary.readouterr().out) == {"text": FIXED}


def test_several_text_files_with_two_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("textfix.cli.PARALLEL_MIN_CHARS", 0)
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, page in enumerate(PAGES):
        (folder / f"{n}.txt").write_text(page, encoding="utf-8")
    assert main(["fix", str(folder), "-o", str(tmp_path / "out"), "-j", "2"]) == 0
    for n, page in enumerate(PAGES):
        assert (tmp_path / "out" / f"{n}.txt").read_text(encoding="utf-8") == textfix.fix(page)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["c.parquet"], "Parquet output goes to a file"),
        (["c.jsonl", "--doc-sep", "\\f"], "--doc-sep splits plain text"),
        (["c.jsonl", "--field", "a..b"], "empty part"),
        (["c.jsonl", "c.jsonl"], "reads one file"),
        (["c.jsonl", "--check"], "not on JSONL/Parquet"),
        (["c.txt", "--engine", "dask"], "--engine and --scheduler run corpora"),
        (["c.txt", "--doc-sep", ""], "--doc-sep needs a separator"),
    ],
)
def test_impossible_corpus_command_lines_exit_2(
    tmp_path: Path, capsys: Capture, arguments: list[str], message: str
) -> None:
    for name in ("c.jsonl", "c.parquet", "c.txt"):
        (tmp_path / name).write_text("")
    paths = [str(tmp_path / a) if a.startswith("c.") else a for a in arguments]
    assert main(["fix", *paths]) == 2
    assert message in capsys.readouterr().err


def test_in_place_rewrites_a_jsonl_file(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "c.jsonl", [{"text": BROKEN, "n": 1}])
    assert main(["fix", str(source), "--in-place", "-q", "-j", "1"]) == 0
    assert json.loads(source.read_text()) == {"text": FIXED, "n": 1}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": "csv"}, "unknown format"),
        ({"on_error": "ignore"}, "on_error must be"),
        ({"format": "text"}, "needs a doc_sep"),
        ({"doc_sep": "\f"}, "needs a doc_sep"),
    ],
)
def test_a_corpus_job_refuses_impossible_settings(changes: dict[str, str], message: str) -> None:
    settings = {"format": "jsonl", **changes}
    with pytest.raises(ValueError, match=message):
        CorpusJob(STDIN_SOURCE, None, config=None, **settings)  # type: ignore[arg-type]

"""The ``textfix`` command, driven through ``main([...])`` (and once as the installed script)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import sysconfig
from io import BytesIO, TextIOWrapper
from pathlib import Path

import pytest

import textfix
from textfix import _render
from textfix.cli import REFLOW_RULE, main, parse_escapes
from textfix.report import Edit, Repair

RULE = "remove_space_beside_cjk_punct"
BROKEN = "部署。 （高美梅）\n"
FIXED = "部署。（高美梅）\n"
CLEAN = "“无难事 悉心办”\n"

Capture = pytest.CaptureFixture[str]
ROOT = Path(__file__).resolve().parents[1]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", TextIOWrapper(BytesIO(data), encoding="utf-8"))


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _error_line(capsys: Capture) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("textfix: error: ")
    return lines[0]


# ---- help and version ----


def test_help_lists_commands_examples_and_exit_codes(capsys: Capture) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("fix", "explain", "rules", "examples:", "exit codes", "GB18030"):
        assert word in out


@pytest.mark.parametrize("command", ["fix", "explain", "rules"])
def test_every_command_has_help_with_examples(command: str, capsys: Capture) -> None:
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"textfix {command}" in out


def test_version(capsys: Capture) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"textfix {textfix.__version__}"


def test_no_command_is_a_usage_error(capsys: Capture) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


# ---- fix: where input comes from and output goes ----


@pytest.mark.parametrize("args", [[], ["-"]])
def test_fix_reads_stdin_and_writes_stdout(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", *args]) == 0
    assert capsys.readouterr().out == FIXED


def test_fix_keeps_crlf_line_endings(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    _stdin(monkeypatch, BROKEN.replace("\n", "\r\n").encode())
    assert main(["fix"]) == 0
    assert capsys.readouterr().out == FIXED.replace("\n", "\r\n")


def test_fix_one_file_to_stdout_leaves_the_file_alone(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", str(source)]) == 0
    assert capsys.readouterr().out == FIXED
    assert source.read_text(encoding="utf-8") == BROKEN


def test_fix_one_file_to_output_file(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", str(source), "-o", str(tmp_path / "b.txt")]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == FIXED


def test_fix_one_file_into_output_folder(tmp_path: Path) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    (tmp_path / "out").mkdir()
    assert main(["fix", str(source), "-o", str(tmp_path / "out")]) == 0
    assert _tree(tmp_path / "out") == {"a.txt": FIXED.encode()}


def test_fix_refuses_output_onto_its_input(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", str(source), "-o", str(source)]) == 2
    assert "--in-place" in _error_line(capsys)
    assert source.read_text(encoding="utf-8") == BROKEN


def test_fix_folder_mirrors_its_tree(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", BROKEN)
    _write(tmp_path / "in" / "sub" / "deeper" / "b.txt", CLEAN)
    _write(tmp_path / "in" / "notes.md", BROKEN)
    assert main(["fix", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    assert _tree(tmp_path / "out") == {
        "a.txt": FIXED.encode(),
        "sub/deeper/b.txt": CLEAN.encode(),
    }


def test_fix_folder_with_glob(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", BROKEN)
    _write(tmp_path / "in" / "sub" / "notes.md", BROKEN)
    args = ["fix", str(tmp_path / "in"), "--glob", "*.md", "-o", str(tmp_path / "out")]
    assert main(args) == 0
    assert _tree(tmp_path / "out") == {"sub/notes.md": FIXED.encode()}


def test_fix_glob_needs_a_folder(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", "--glob", "*.md", str(source)]) == 2
    assert "--glob chooses files inside folders" in _error_line(capsys)


def test_fix_stdin_to_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", "-o", str(tmp_path / "b.txt")]) == 0
    assert capsys.readouterr().out == ""
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == FIXED


def test_fix_several_files_into_a_folder(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.txt", BROKEN)
    second = _write(tmp_path / "b.txt", CLEAN)
    assert main(["fix", str(first), str(second), "-o", str(tmp_path / "out")]) == 0
    assert _tree(tmp_path / "out") == {"a.txt": FIXED.encode(), "b.txt": CLEAN.encode()}


@pytest.mark.parametrize("inputs", [["a.txt", "b.txt"], ["in"]], ids=["several", "folder"])
def test_fix_without_output_folder_is_refused(
    inputs: list[str], tmp_path: Path, capsys: Capture
) -> None:
    _write(tmp_path / "a.txt", BROKEN)
    _write(tmp_path / "b.txt", BROKEN)
    _write(tmp_path / "in" / "c.txt", BROKEN)
    before = _tree(tmp_path)
    assert main(["fix", *(str(tmp_path / name) for name in inputs)]) == 2
    assert "-o FOLDER" in _error_line(capsys)
    assert _tree(tmp_path) == before


def test_fix_refuses_two_inputs_with_one_output_name(tmp_path: Path, capsys: Capture) -> None:
    first = _write(tmp_path / "x" / "a.txt", BROKEN)
    second = _write(tmp_path / "y" / "a.txt", BROKEN)
    assert main(["fix", str(first), str(second), "-o", str(tmp_path / "out")]) == 2
    assert "would both be written" in _error_line(capsys)
    assert not (tmp_path / "out").exists()


# ---- fix: in place ----


def _temporaries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".textfix-tmp")]


def test_fix_in_place_rewrites_and_keeps_the_mode(tmp_path: Path) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    source.chmod(0o640)
    assert main(["fix", "--in-place", str(source)]) == 0
    assert source.read_text(encoding="utf-8") == FIXED
    if os.name == "posix":
        assert stat.S_IMODE(source.stat().st_mode) == 0o640
    assert _temporaries(tmp_path) == []


def test_fix_in_place_leaves_unchanged_files_byte_for_byte(tmp_path: Path) -> None:
    clean = _write(tmp_path / "in" / "clean.txt", CLEAN, "gb18030")
    broken = _write(tmp_path / "in" / "broken.txt", BROKEN, "gb18030")
    assert main(["fix", "--in-place", str(tmp_path / "in")]) == 0
    assert clean.read_bytes() == CLEAN.encode("gb18030")
    assert broken.read_bytes() == FIXED.encode("utf-8")


def test_fix_in_place_failure_keeps_the_input_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)

    def fail(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    assert main(["fix", "--in-place", str(source)]) == 2
    assert "cannot write" in _error_line(capsys)
    assert source.read_text(encoding="utf-8") == BROKEN
    assert _temporaries(tmp_path) == []


def test_fix_in_place_needs_files(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", "--in-place"]) == 2
    assert "--in-place needs files" in _error_line(capsys)


def test_fix_in_place_and_output_exclude_each_other(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", "--in-place", "-o", str(tmp_path / "b.txt"), str(source)]) == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == BROKEN


# ---- fix: check and diff ----


def test_check_exits_1_names_changed_inputs_and_writes_nothing(
    tmp_path: Path, capsys: Capture
) -> None:
    _write(tmp_path / "in" / "broken.txt", BROKEN)
    _write(tmp_path / "in" / "clean.txt", CLEAN)
    before = _tree(tmp_path)
    assert main(["fix", "--check", str(tmp_path / "in")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"would fix {tmp_path / 'in' / 'broken.txt'}"]
    assert _tree(tmp_path) == before


def test_check_exits_0_on_clean_input(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "clean.txt", CLEAN)
    assert main(["fix", "--check", str(source)]) == 0
    assert capsys.readouterr() == ("", "")


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", "标题\n" + BROKEN)
    assert main(["fix", "--diff", str(source)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"--- a/{source}",
        f"+++ b/{source}",
        "@@ -1,2 +1,2 @@",
        " 标题",
        "-" + BROKEN.rstrip("\n"),
        "+" + FIXED.rstrip("\n"),
    ]
    assert source.read_text(encoding="utf-8") == "标题\n" + BROKEN


def test_diff_marks_a_missing_final_newline(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.rstrip("\n").encode())
    assert main(["fix", "--diff", "--check"]) == 1
    out = capsys.readouterr().out
    assert out.count("\\ No newline at end of file") == 2
    assert "--- a/<stdin>" in out


def test_check_refuses_an_output(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN)
    assert main(["fix", "--check", str(source), "-o", str(tmp_path / "b.txt")]) == 2
    assert "write nothing" in _error_line(capsys)
    assert not (tmp_path / "b.txt").exists()


# ---- fix: rule selection ----


@pytest.mark.parametrize("spelling", [[f"--disable={RULE}"], ["--disable", f"{RULE},"]])
def test_disable_turns_a_rule_off(
    spelling: list[str], monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", *spelling]) == 0
    assert capsys.readouterr().out == BROKEN


def test_unknown_rule_is_an_actionable_error(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", "--enable", f"{RULE},no_such_rule"]) == 2
    assert "unknown rule 'no_such_rule'; run `textfix rules`" in _error_line(capsys)


def test_enabling_and_disabling_one_rule_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", "--enable", RULE, "--disable", RULE]) == 2
    assert "both enabled and disabled" in _error_line(capsys)


def test_preset_ocr_turns_on_the_ocr_rules(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, "增长l0.4%，风力5一6级\n".encode())
    assert main(["fix", "--preset", "ocr"]) == 0
    assert capsys.readouterr().out == "增长10.4%，风力5～6级\n"


def test_preset_rules_can_be_disabled_one_by_one(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    _stdin(monkeypatch, "增长l0.4%，风力5一6级\n".encode())
    assert main(["explain", "--preset", "ocr", "--disable", "normalize_range_dash"]) == 0
    out = capsys.readouterr().out
    assert "fix_numeric_lookalikes 'l0.4' → '10.4'" in out
    assert "normalize_range_dash" not in out


def test_unknown_preset_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, BROKEN.encode())
    assert main(["fix", "--preset", "no_such_preset"]) == 2


def test_paragraph_separator_escapes() -> None:
    assert parse_escapes(r"\n\n") == "\n\n"
    assert parse_escapes(r"\r\n\t\\") == "\r\n\t\\"
    assert parse_escapes(r"\n\u3000\u3000") == "\n\u3000\u3000"
    assert parse_escapes("¶") == "¶"


def test_paragraph_separator_rejects_unknown_escapes(capsys: Capture) -> None:
    assert main(["fix", "--paragraph-sep", r"\q"]) == 2
    assert r"unknown escape \q" in capsys.readouterr().err


def test_paragraph_separator_reaches_the_reflow_rule(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    # Two hard-wrapped paragraphs; the second starts indented, as the seed pages print them.
    text = (
        "市委书记杜小\n刚主持召开人工智\n能产业座谈会。\n\n他强调，要深\n入学习贯彻讲话精\n神。\n"
    )

    def fixed_with(separator: str) -> str:
        options = {REFLOW_RULE: {"paragraph_sep": separator}}
        return textfix.fix(text, textfix.Config(options=options))

    assert fixed_with("\n\n") != fixed_with("\n"), "the input must show the separator"
    _stdin(monkeypatch, text.encode())
    assert main(["fix", "--paragraph-sep", r"\n\n"]) == 0
    assert capsys.readouterr().out == fixed_with("\n\n")


def test_window_size_reaches_the_engine(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    # Wrapped paragraphs, each a dozen lines: read in windows of a few lines, the
    # column and its wraps show within each window only as far as its lines go.
    paragraph = "市委书记杜小\n刚主持召开人工智\n能产业座谈会，\n" * 4 + "他强调要深入学习。\n\n"
    text = paragraph * 6

    def fixed_with(window_chars: int) -> str:
        return textfix.fix(text, textfix.Config(window_chars=window_chars))

    assert fixed_with(40) != fixed_with(0), "the input must show the window size"
    for window_chars in (40, 0):
        _stdin(monkeypatch, text.encode())
        assert main(["fix", "--window-chars", str(window_chars)]) == 0
        assert capsys.readouterr().out == fixed_with(window_chars)


def test_a_negative_window_size_is_a_usage_error(capsys: Capture) -> None:
    assert main(["fix", "--window-chars", "-1"]) == 2
    assert "window_chars" in _error_line(capsys)


# ---- fix: input errors ----


def test_missing_file_is_exit_2_and_nothing_written(tmp_path: Path, capsys: Capture) -> None:
    present = _write(tmp_path / "a.txt", BROKEN)
    missing = tmp_path / "missing.txt"
    args = ["fix", str(present), str(missing), "-o", str(tmp_path / "out")]
    assert main(args) == 2
    assert _error_line(capsys) == (
        f"textfix: error: {missing}: no such file or folder; check the path"
    )
    assert not (tmp_path / "out").exists()


def test_undecodable_input_is_exit_2_and_nothing_written(tmp_path: Path, capsys: Capture) -> None:
    _write(tmp_path / "in" / "a.txt", BROKEN)
    (tmp_path / "in" / "b.txt").write_bytes(b"caf\xe9 au lait\n")
    assert main(["fix", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 2
    assert "neither UTF-8 nor GB18030" in _error_line(capsys)
    assert not (tmp_path / "out").exists()


def test_gb18030_input_is_read_with_a_notice(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", BROKEN, "gb18030")
    assert main(["fix", str(source)]) == 0
    captured = capsys.readouterr()
    assert captured.out == FIXED
    assert captured.err.splitlines() == [
        f"textfix: note: {source} is not UTF-8; read it as GB18030 (output is UTF-8)"
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_marked_input_is_decoded_and_written_as_utf8(
    encoding: str, tmp_path: Path, capsys: Capture
) -> None:
    source = _write(tmp_path / "a.txt", BROKEN, encoding)
    assert main(["fix", str(source), "-o", str(tmp_path / "b.txt")]) == 0
    assert (tmp_path / "b.txt").read_bytes() == FIXED.encode("utf-8")
    assert capsys.readouterr().err == ""


# ---- explain ----


def test_explain_prints_one_line_per_edit_at_its_input_position(
    tmp_path: Path, capsys: Capture
) -> None:
    source = _write(tmp_path / "a.txt", "标题\n意见》 《无锡市 部署。\t（高美梅）\n")
    assert main(["explain", str(source)]) == 0
    note = "  (space beside full-width punctuation)"
    assert capsys.readouterr().out.splitlines() == [
        f"2:4 {RULE} ' ' → ''{note}",
        f"2:13 {RULE} '\\t' → ''{note}",
    ]


def test_explain_lines_escape_newlines_and_sort_by_position() -> None:
    original = "ab\n\ncd  ef"
    edits = (
        Edit("second_rule", 6, 8, "  ", " "),
        Edit("first_rule", 2, 4, "\n\n", "\n", note="join"),
    )
    repair = Repair(original, "ab\ncd ef", edits)
    assert _render.explain_lines(repair).splitlines() == [
        "1:3 first_rule '\\n\\n' → '\\n'  (join)",
        "3:3 second_rule '  ' → ' '",
    ]


def test_explain_json_schema(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    _stdin(monkeypatch, ("标题\n" + BROKEN).encode())
    assert main(["explain", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "path": "-",
        "edits": [
            {
                "rule": RULE,
                "start": 6,
                "end": 7,
                "line": 2,
                "column": 4,
                "before": " ",
                "after": "",
                "note": "space beside full-width punctuation",
            }
        ],
        "text": "标题\n" + FIXED,
    }


def test_explain_of_clean_text_lists_nothing(tmp_path: Path, capsys: Capture) -> None:
    source = _write(tmp_path / "a.txt", CLEAN)
    assert main(["explain", "--json", str(source)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == {"path": str(source), "edits": [], "text": CLEAN}


def test_explain_refuses_a_folder(tmp_path: Path, capsys: Capture) -> None:
    _write(tmp_path / "a.txt", BROKEN)
    assert main(["explain", str(tmp_path)]) == 2
    assert "explain reads one file" in _error_line(capsys)


def test_explain_missing_file_is_exit_2(tmp_path: Path, capsys: Capture) -> None:
    assert main(["explain", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in _error_line(capsys)


# ---- rules ----


def test_rules_lists_id_default_and_summary(capsys: Capture) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(textfix.rules())
    for line, rule in zip(lines, textfix.rules(), strict=True):
        identifier, state, summary = line.split(maxsplit=2)
        assert (identifier, state, summary) == (
            rule.id,
            "on" if rule.default else "off",
            rule.summary,
        )


def test_rules_json(capsys: Capture) -> None:
    assert main(["rules", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in document] == [rule.id for rule in textfix.rules()]
    for entry, rule in zip(document, textfix.rules(), strict=True):
        assert set(entry) == {"id", "default", "summary", "options"}
        assert entry["default"] is rule.default
        assert entry["summary"] == rule.summary
        assert isinstance(entry["options"], dict)


# ---- the installed console script ----


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sysconfig.get_path("scripts")) / ("textfix.exe" if os.name == "nt" else "textfix")
    if not script.exists():
        pytest.skip(f"the console script is not installed at {script}; run `pip install -e .`")
    source = _write(tmp_path / "a.txt", BROKEN)
    result = subprocess.run(
        [str(script), "fix", "--check", str(source)], capture_output=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip() == f"would fix {source}"
    result = subprocess.run(
        [str(script), "fix"], input=BROKEN.encode(), capture_output=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, FIXED.encode())


# ---- bench ----


def test_bench_outside_a_checkout_says_where_to_run_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Capture
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".", str(ROOT))])
    monkeypatch.delitem(sys.modules, "benchmarks", raising=False)
    assert main(["bench", "--quick"]) == 2
    assert "repository root" in _error_line(capsys)


def test_bench_passes_its_options_to_the_runner(
    monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["bench", "--only", "nonsense"]) == 2
    assert "--only" in capsys.readouterr().err

"""Decoding, finding inputs, choosing outputs and writing atomically (``textfix.io``)."""

from __future__ import annotations

import codecs
import os
import stat
from io import BytesIO, TextIOWrapper
from pathlib import Path, PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix import io
from textfix.io import FileError, Source

TEXT = "部署。（高美梅）\n"


# ---- decoding ----


def test_decodes_utf8() -> None:
    decoded = io.decode(TEXT.encode("utf-8"), "a.txt")
    assert decoded == io.Decoded(TEXT, "utf-8")
    assert decoded.notice("a.txt") is None


def test_strips_utf8_byte_order_mark() -> None:
    assert io.decode(codecs.BOM_UTF8 + TEXT.encode(), "a.txt").text == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_decodes_utf16_and_utf32_by_byte_order_mark(encoding: str) -> None:
    data = ("\ufeff" + TEXT).encode(encoding)
    decoded = io.decode(data, "a.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding[:6]
    assert decoded.notice("a.txt") is None


def test_falls_back_to_gb18030_with_a_notice() -> None:
    decoded = io.decode(TEXT.encode("gb18030"), "a.txt")
    assert decoded.text == TEXT
    notice = decoded.notice("a.txt")
    assert notice is not None and "a.txt" in notice and "GB18030" in notice
    assert "\n" not in notice


def test_refuses_bytes_that_are_neither_utf8_nor_gb18030() -> None:
    with pytest.raises(FileError, match=r"a\.txt is neither UTF-8 nor GB18030.*offset 3.*iconv"):
        io.decode(b"caf\xe9 au lait", "a.txt")


def test_refuses_nul_bytes_without_byte_order_mark() -> None:
    with pytest.raises(FileError, match="NUL bytes"):
        io.decode("ab 部署".encode("utf-16-le"), "a.txt")


def test_refuses_invalid_text_after_a_byte_order_mark() -> None:
    with pytest.raises(FileError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        io.decode(codecs.BOM_UTF16_LE + b"\x00\xd8", "a.txt")


def test_keeps_crlf_line_endings() -> None:
    assert io.decode(b"a\r\nb\r\n", "a.txt").text == "a\r\nb\r\n"


@given(st.text().filter(lambda text: "\x00" not in text and not text.startswith("\ufeff")))
def test_utf8_round_trips(text: str) -> None:
    assert io.decode(text.encode("utf-8"), "a.txt").text == text


# A leading NUL would make the UTF-16-LE mark read as the UTF-32-LE one (FF FE 00 00):
# the ambiguity of every byte-order-mark sniffer, and no text starts with NUL.
@given(st.text().filter(lambda text: not text.startswith("\x00")))
def test_utf16_with_byte_order_mark_round_trips(text: str) -> None:
    assert io.decode(text.encode("utf-16"), "a.txt").text == text


# ---- finding inputs ----


def test_finds_files_and_folder_contents_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ["in/b.txt", "in/a.txt", "in/sub/c.txt", "in/skip.md", "one.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    sources = io.find_sources([str(tmp_path / "one.txt"), str(tmp_path / "in")])
    assert [source.relative for source in sources] == [
        PurePath("one.txt"),
        PurePath("a.txt"),
        PurePath("b.txt"),
        PurePath("sub/c.txt"),
    ]
    assert [source.in_folder for source in sources] == [False, True, True, True]


def test_glob_chooses_folder_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")
    sources = io.find_sources([str(tmp_path)], "*.md")
    assert [source.relative for source in sources] == [PurePath("b.md")]


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file or folder"):
        io.find_sources([str(tmp_path / "missing.txt")])


def test_folder_without_matching_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileError, match=r"no file in this folder matches '\*\.txt'.*--glob"):
        io.find_sources([str(tmp_path)])


def test_stdin_cannot_be_combined_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FileError, match="standard input"):
        io.find_sources(["-", str(tmp_path / "a.txt")])


def test_reads_stdin_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = codecs.BOM_UTF8 + "a\r\n部署".encode()
    monkeypatch.setattr("sys.stdin", TextIOWrapper(BytesIO(data), encoding="latin-1"))
    assert io.read(io.STDIN_SOURCE).text == "a\r\n部署"


# ---- choosing outputs ----


def _file(path: Path) -> Source:
    path.write_text("x", encoding="utf-8")
    return Source(path, PurePath(path.name))


def test_single_output_is_the_file_named(tmp_path: Path) -> None:
    source = _file(tmp_path / "a.txt")
    assert io.output_targets([source], tmp_path / "b.txt") == [tmp_path / "b.txt"]


def test_single_output_into_a_folder_keeps_the_name(tmp_path: Path) -> None:
    source = _file(tmp_path / "a.txt")
    (tmp_path / "out").mkdir()
    assert io.output_targets([source], tmp_path / "out") == [tmp_path / "out" / "a.txt"]


def test_stdin_needs_an_output_file_name(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="give a file name"):
        io.output_targets([io.STDIN_SOURCE], tmp_path)


def test_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    source = _file(tmp_path / "a.txt")
    with pytest.raises(FileError, match="would overwrite the input.*--in-place"):
        io.output_targets([source], tmp_path / "a.txt")


def test_several_outputs_mirror_under_a_folder(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "c.txt").write_text("x", encoding="utf-8")
    sources = [_file(tmp_path / "a.txt"), *io.find_sources([str(tmp_path / "in")])]
    targets = io.output_targets(sources, tmp_path / "out")
    assert targets == [tmp_path / "out" / "a.txt", tmp_path / "out" / "sub" / "c.txt"]


def test_two_inputs_landing_on_one_output_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    sources = [_file(tmp_path / "x" / "a.txt"), _file(tmp_path / "y" / "a.txt")]
    with pytest.raises(FileError, match="would both be written to"):
        io.output_targets(sources, tmp_path / "out")


def test_several_outputs_need_a_folder_not_a_file(tmp_path: Path) -> None:
    sources = [_file(tmp_path / "a.txt"), _file(tmp_path / "b.txt")]
    with pytest.raises(FileError, match="is a file; -o needs a folder"):
        io.output_targets(sources, tmp_path / "a.txt")


# ---- writing ----


def _leftovers(folder: Path) -> list[str]:
    return [path.name for path in folder.iterdir() if path.name.endswith(".textfix-tmp")]


def test_write_atomic_writes_utf8_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "a.txt"
    io.write_atomic(target, "a\r\n部署")
    assert target.read_bytes() == "a\r\n部署".encode()
    assert _leftovers(target.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    io.write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_write_atomic_gives_new_files_the_umask_mode(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        io.write_atomic(tmp_path / "a.txt", "new")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_failed_write_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def fail(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileError, match=r"cannot write .*a\.txt: No space left on device"):
        io.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_write_atomic_follows_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    io.write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_write_stdout_writes_utf8_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    io.write_stdout("a\r\n部署")
    assert capsysbinary.readouterr().out == "a\r\n部署".encode()

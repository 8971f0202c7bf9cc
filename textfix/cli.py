"""The ``textfix`` command: ``fix``, ``explain`` and ``rules``.

This module only reads arguments and routes them: repairing is ``textfix.fix`` and
``textfix.explain``, files are ``textfix.io``, formatting is ``textfix._render``.
Exit codes: 0 ok, 1 ``--check`` found inputs that would change, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__, _render, io
from ._api import explain, fix, rules
from .config import PRESET_DOCS, PRESETS, Config
from .io import FileError, Source

EXIT_OK = 0
EXIT_CHANGES = 1
EXIT_USAGE = 2

REFLOW_RULE = "reflow_paragraphs"

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)

_MAIN_EPILOG = """\
examples:
  textfix fix page.txt                    repaired text on standard output
  pdftotext -layout a.pdf - | textfix fix > a.txt
  textfix fix --in-place page.txt         rewrite the file (atomically)
  textfix fix pages/ -o fixed/            every *.txt under pages/, mirrored into fixed/
  textfix fix --check pages/              exit 1 if any file would change
  textfix explain page.txt                every edit: line:col rule 'before' → 'after'
  textfix rules                           the rules, on or off by default

input is read as UTF-8 (a byte-order mark is fine), UTF-16/32 with a byte-order mark,
or else GB18030 with a notice; output is UTF-8. Line endings are kept as they are.

exit codes: 0 ok, 1 --check found inputs that would change, 2 usage or input error.
Run `textfix COMMAND --help` for the options of a command.
"""

_FIX_EPILOG = """\
where the output goes:
  no FILE, or -          standard input to standard output
  one FILE               standard output, or -o OUT (a file, or a folder to write into)
  several FILEs / DIR    -o DIR: outputs mirror the inputs' tree under DIR (required)
  --in-place             rewrite each input that changes, atomically, keeping its mode
  --check / --diff       write nothing; report instead

examples:
  textfix fix < raw.txt > fixed.txt
  textfix fix raw.txt -o fixed.txt
  textfix fix corpus/ --glob '*.md' -o fixed/
  textfix fix --in-place a.txt b.txt
  textfix fix --check --diff corpus/
  textfix fix --disable remove_space_beside_cjk_punct raw.txt
  tesseract scan.png - -l chi_sim | textfix fix --preset ocr
  textfix fix --paragraph-sep '\\n\\n' raw.txt    blank line between paragraphs
"""

_EXPLAIN_EPILOG = """\
each edit is one line, in input order; positions are 1-based line:column of where
the edit starts in the ORIGINAL input; newlines and invisible characters are
escaped, so '\\n' is a line break and '\\u3000' an ideographic space:

  1:4 remove_space_beside_cjk_punct ' ' → ''  (space beside full-width punctuation)

--json prints {"path", "edits": [{"rule", "start", "end", "line", "column",
"before", "after", "note"}], "text"}; start and end are offsets (in characters)
into the input, "text" is the repaired text.

examples:
  textfix explain page.txt
  textfix explain --json page.txt | jq '.edits[] | .rule'
  echo '部署。 （高美梅）' | textfix explain
"""

_RULES_EPILOG = """\
examples:
  textfix rules
  textfix rules --json | jq '.[] | select(.default) | .id'
"""


class UsageError(Exception):
    """The command line asks for something impossible; the message says what to do instead."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``textfix`` with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and argparse's own usage errors
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except (FileError, UsageError) as error:
        print(f"textfix: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (`| head`) stopped early: not an error. Silence the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textfix",
        description="Repair text damaged by PDF extraction, e-paper scraping and OCR, "
        "and explain every edit.",
        epilog=_MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"textfix {__version__}")
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    selection = _rule_selection_parser()
    _add_fix(commands, selection)
    _add_explain(commands, selection)
    _add_rules(commands)
    return parser


def _subcommand(
    commands: argparse._SubParsersAction,
    name: str,
    summary: str,
    epilog: str,
    run: Callable[[argparse.Namespace], int],
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=epilog,
        parents=list(parents),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(command=name, run=run)
    return command


def _rule_selection_parser() -> argparse.ArgumentParser:
    selection = argparse.ArgumentParser(add_help=False)
    group = selection.add_argument_group("rule selection")
    group.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="RULE",
        help="also run RULE (repeatable, or comma-separated); see `textfix rules`",
    )
    group.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        help="do not run RULE (repeatable, or comma-separated)",
    )
    group.add_argument(
        "--preset",
        choices=list(PRESETS),
        default="default",
        metavar="NAME",
        help="start from a preset rule selection (then --enable/--disable apply): "
        + "; ".join(f"{name}: {doc.split(':')[0]}" for name, doc in PRESET_DOCS.items()),
    )
    group.add_argument(
        "--paragraph-sep",
        type=parse_escapes,
        metavar="SEP",
        help=f"text written between paragraphs by the rule {REFLOW_RULE}; escapes \\n \\r \\t "
        "\\\\ \\uXXXX are understood (default: one newline)",
    )
    return selection


def _add_fix(commands: argparse._SubParsersAction, selection: argparse.ArgumentParser) -> None:
    command = _subcommand(
        commands, "fix", "Repair files or standard input.", _FIX_EPILOG, _run_fix, [selection]
    )
    command.add_argument(
        "files", nargs="*", metavar="FILE", help="files or folders; none or - for standard input"
    )
    where = command.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="output file, or folder to write into")
    where.add_argument("--in-place", action="store_true", help="rewrite the inputs atomically")
    command.add_argument(
        "--glob",
        metavar="PATTERN",
        help=f"files taken from a folder, recursively (default: {io.DEFAULT_GLOB})",
    )
    command.add_argument(
        "--check",
        action="store_true",
        help="write nothing; name each input that would change and exit 1 if any would",
    )
    command.add_argument(
        "--diff", action="store_true", help="write nothing; print a unified diff of each change"
    )


def _add_explain(commands: argparse._SubParsersAction, selection: argparse.ArgumentParser) -> None:
    command = _subcommand(
        commands,
        "explain",
        "List every edit the repair makes, with its rule and position.",
        _EXPLAIN_EPILOG,
        _run_explain,
        [selection],
    )
    command.add_argument(
        "file", nargs="?", default=io.STDIN, metavar="FILE", help="file; none or - for stdin"
    )
    command.add_argument("--json", action="store_true", help="print JSON for machines")


def _add_rules(commands: argparse._SubParsersAction) -> None:
    command = _subcommand(
        commands,
        "rules",
        "List the rules in pipeline order: id, on/off by default, summary.",
        _RULES_EPILOG,
        _run_rules,
    )
    command.add_argument("--json", action="store_true", help="print JSON, with rule options")


def parse_escapes(value: str) -> str:
    r"""Read ``\n``, ``\r``, ``\t``, ``\\`` and ``\uXXXX`` in a command-line value.

    >>> parse_escapes(r"\n\u3000\u3000")
    '\n\u3000\u3000'
    """

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code in _ESCAPES:
            return _ESCAPES[code]
        if len(code) == 5:
            return chr(int(code[1:], 16))
        raise argparse.ArgumentTypeError(
            f"unknown escape \\{code} in {value!r}; use \\n, \\r, \\t, \\\\ or \\uXXXX"
        )

    return _ESCAPE.sub(replace, value)


def _config(args: argparse.Namespace) -> Config:
    preset = Config.preset(args.preset)
    options = dict(preset.options)
    if args.paragraph_sep is not None:
        options[REFLOW_RULE] = {"paragraph_sep": args.paragraph_sep}
    enable, disable = _rule_ids(args.enable), _rule_ids(args.disable)
    try:
        return Config(
            enable=(preset.enable - disable) | enable,
            disable=(preset.disable - enable) | disable,
            options=options,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None


def _rule_ids(values: Sequence[str]) -> frozenset[str]:
    return frozenset(part.strip() for value in values for part in value.split(",") if part.strip())


def _read(source: Source) -> str:
    decoded = io.read(source)
    notice = decoded.notice(source.name)
    if notice:
        print(f"textfix: note: {notice}", file=sys.stderr)
    return decoded.text


def _run_fix(args: argparse.Namespace) -> int:
    config = _config(args)
    sources = io.find_sources(args.files or [io.STDIN], args.glob or io.DEFAULT_GLOB)
    if args.glob and not any(source.in_folder for source in sources):
        raise UsageError("--glob chooses files inside folders and no input is a folder; drop it")
    targets = _targets(args, sources)
    # Read and repair everything first: a bad input stops the run before anything is written.
    texts = [_read(source) for source in sources]
    repaired = [fix(text, config) for text in texts]
    if args.check or args.diff:
        return _report(sources, texts, repaired, check=args.check, diff=args.diff)
    if targets is None:
        io.write_stdout(repaired[0])
        return EXIT_OK
    for target, before, after in zip(targets, texts, repaired, strict=True):
        # In place, an unchanged file is left alone: same bytes, encoding and timestamp.
        if not (args.in_place and before == after):
            io.write_atomic(target, after)
    return EXIT_OK


def _targets(args: argparse.Namespace, sources: Sequence[Source]) -> list[Path] | None:
    """The file each source is written to; None for standard output or when writing nothing."""
    if args.check or args.diff:
        if args.output or args.in_place:
            raise UsageError("--check and --diff write nothing; drop -o/--in-place")
        return None
    if args.in_place:
        paths = [source.path for source in sources if source.path is not None]
        if len(paths) < len(sources):
            raise UsageError("--in-place needs files; standard input goes to standard output or -o")
        return paths
    if args.output:
        return io.output_targets(sources, Path(args.output))
    if len(sources) == 1 and not sources[0].in_folder:
        return None
    raise UsageError(
        "several inputs or a folder need -o FOLDER to mirror them into "
        "(or --in-place, --check, --diff); standard output takes one input"
    )


def _report(
    sources: Sequence[Source],
    texts: Sequence[str],
    repaired: Sequence[str],
    *,
    check: bool,
    diff: bool,
) -> int:
    changed = False
    for source, before, after in zip(sources, texts, repaired, strict=True):
        if before == after:
            continue
        changed = True
        if diff:
            io.write_stdout(_render.unified_diff(before, after, source.name))
        if check:
            print(f"would fix {source.name}", file=sys.stderr)
    return EXIT_CHANGES if check and changed else EXIT_OK


def _run_explain(args: argparse.Namespace) -> int:
    config = _config(args)
    sources = io.find_sources([args.file])
    if len(sources) != 1 or sources[0].in_folder:
        raise UsageError(f"explain reads one file and {args.file} is a folder; name a file in it")
    repair = explain(_read(sources[0]), config)
    if args.json:
        io.write_stdout(_render.explain_json(repair, args.file))
    else:
        io.write_stdout(_render.explain_lines(repair))
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    render = _render.rules_json if args.json else _render.rules_table
    io.write_stdout(render(rules()))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""The ``textfix`` command: ``fix``, ``explain``, ``check`` and ``rules``.

This module only reads arguments and routes them: repairing is ``textfix.fix`` and
``textfix.explain``, files are ``textfix.io``, formatting is ``textfix._render``,
corpora (JSONL, Parquet, separated text) are ``textfix._cli_corpus``, quality is
``textfix.quality``. Exit codes: 0 ok, 1 ``--check`` found inputs that would change
(or ``check --fail-under`` found a document scoring below it), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from . import __version__, _cli_corpus, _render, _render_check, html_report, io
from ._api import explain, fix, rules
from .config import PRESET_DOCS, PRESETS, WINDOW_CHARS, Config
from .corpus import FORMATS, CorpusError
from .io import FileError, Source
from .parallel import PARALLEL_MIN_CHARS, default_jobs, executor_for, ordered_map
from .quality import quality
from .records import ON_ERROR

EXIT_OK = 0
EXIT_CHANGES = 1
EXIT_USAGE = 2

REFLOW_RULE = "reflow_paragraphs"

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "f": "\f", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)

_BENCH_EPILOG = """\
examples:
  textfix bench --quick                   smoke run, under two minutes
  textfix bench                           full run: accuracy on PDF/OCR round trips, speed
  textfix bench --only speed --check-targets
"""

_MAIN_EPILOG = """\
examples:
  textfix fix page.txt                    repaired text on standard output
  pdftotext -layout a.pdf - | textfix fix > a.txt
  textfix fix --in-place page.txt         rewrite the file (atomically)
  textfix fix pages/ -o fixed/            every *.txt under pages/, mirrored into fixed/
  textfix fix --check pages/              exit 1 if any file would change
  textfix explain page.txt                every edit: line:col rule 'before' → 'after'
  textfix explain --html report.html page.txt   the edits marked in a page to review
  textfix fix corpus.jsonl --field text -o clean.jsonl   one field of each record
  textfix check --json pages/             quality score and artifacts per document
  textfix rules                           the rules, on or off by default
  textfix bench --quick                   benchmarks against peers (from a checkout)

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
  textfix fix --format json page.txt       {"blocks": [{"type": "headline", "text", "start", ...}]}
  textfix fix --disable remove_page_furniture raw.txt   keep running heads and page numbers

corpora (read and written in chunks, in order, on --jobs cores; summary on stderr):
  textfix fix corpus.jsonl --field text -o clean.jsonl    JSON Lines (.jsonl, .ndjson)
  textfix fix corpus.jsonl --field meta.body --on-error skip -o clean.jsonl
  textfix fix data.parquet --field text -o clean.parquet  Parquet (needs textfix[parquet])
  textfix fix big.txt --doc-sep '\\f' -o fixed.txt        plain text, one document per page
  textfix fix corpus.jsonl --engine dask --scheduler tcp://HOST:8786 -o clean.jsonl

A plain-text file is one document: rules such as reflow_paragraphs read the layout
of the whole text, so it is never cut. --doc-sep SEP says the file holds documents
separated by SEP; each is repaired on its own (output: SEP.join(fix(d) for d in docs)).
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

_CHECK_EPILOG = """\
one line per document on standard output: score, path, artifacts found; a histogram
of scores on standard error. --json prints one JSON object per line:
{"path", "score", "characters", "artifacts": {type: count}}.

artifacts: the edits each rule would make (by rule id), replacement_character
(U+FFFD), gbk_mojibake (锟斤拷), unbalanced_bracket, unbalanced_quote, mixed_han_scripts.
score = 1 - min(1, weighted artifacts per 1000 characters / 10); see textfix.quality.

examples:
  textfix check corpus/
  textfix check --json page.txt | jq .score
  textfix check --fail-under 0.9 pages/      exit 1 if any document scores below 0.9
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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["bench"] and argv[1:2] != ["-h"] and argv[1:2] != ["--help"]:
        # The runner's options belong to it: pass them through untouched.
        argv = ["bench", "--", *[arg for arg in argv[1:] if arg != "--"]]
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and argparse's own usage errors
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except (FileError, UsageError, CorpusError) as error:
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
    _add_check(commands, selection)
    _add_rules(commands)
    _add_bench(commands)
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
        help=f"text written between paragraphs by the rule {REFLOW_RULE}; escapes \\n \\r \\t \\f "
        "\\\\ \\uXXXX are understood (default: one newline)",
    )
    group.add_argument(
        "--window-chars",
        type=int,
        default=WINDOW_CHARS,
        metavar="N",
        help="repair a longer text a window of about N characters at a time, cut where a "
        f"paragraph ends; 0 reads it whole (default: {WINDOW_CHARS:,})",
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
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    _add_corpus_options(command)


def _add_corpus_options(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group("corpora (JSONL, Parquet, or text split by --doc-sep)")
    group.add_argument(
        "--format",
        choices=(*FORMATS, "json"),
        help="input and output format (default: by extension: .jsonl/.ndjson, .parquet/.pq, "
        'else text); json: a text input\'s paragraphs as {"blocks": [{type, text, start, end}]}, '
        "each typed headline, subtitle, body, caption, byline or standalone, spans in the input",
    )
    group.add_argument(
        "--field",
        default="text",
        help="the field holding the text; a.b for nested objects (default: text)",
    )
    group.add_argument(
        "--on-error",
        choices=ON_ERROR,
        default="keep",
        help="a malformed record (bad JSON, missing or non-string field) is kept unchanged, "
        "skipped, or stops the run with exit 2 (default: keep)",
    )
    group.add_argument(
        "--doc-sep",
        type=parse_escapes,
        metavar="SEP",
        help="plain text holds documents separated by SEP (e.g. '\\f'): stream it, repairing "
        "each document on its own",
    )
    group.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run chunks on local processes, or on a Dask cluster (needs textfix[dask])",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (default with --engine dask: a local cluster)",
    )
    group.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
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
    output = command.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON for machines")
    output.add_argument(
        "--html",
        metavar="REPORT",
        help="write a page marking every edit in place, coloured by rule (a file name)",
    )


def _add_check(commands: argparse._SubParsersAction, selection: argparse.ArgumentParser) -> None:
    command = _subcommand(
        commands,
        "check",
        "Report the text quality of each document: artifacts found and a score in [0, 1].",
        _CHECK_EPILOG,
        _run_check,
        [selection],
    )
    command.add_argument(
        "files", nargs="*", metavar="FILE", help="files or folders; none or - for standard input"
    )
    command.add_argument(
        "--glob",
        metavar="PATTERN",
        help=f"files taken from a folder, recursively (default: {io.DEFAULT_GLOB})",
    )
    command.add_argument("--json", action="store_true", help="one JSON object per document")
    command.add_argument(
        "--fail-under",
        type=_score,
        metavar="SCORE",
        help="exit 1 if any document scores below SCORE (0 to 1)",
    )


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return int(value)


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a score from 0 to 1, got {value!r}")
    return score


def _add_rules(commands: argparse._SubParsersAction) -> None:
    command = _subcommand(
        commands,
        "rules",
        "List the rules in pipeline order: id, on/off by default, summary.",
        _RULES_EPILOG,
        _run_rules,
    )
    command.add_argument("--json", action="store_true", help="print JSON, with rule options")


def _add_bench(commands: argparse._SubParsersAction) -> None:
    command = _subcommand(
        commands,
        "bench",
        "Run the accuracy and speed benchmarks against peers (from a source checkout).",
        _BENCH_EPILOG,
        _run_bench,
    )
    command.add_argument(
        "bench_args",
        nargs="*",
        metavar="OPTION",
        help="options of the benchmark runner (`textfix bench -- --help` lists them): "
        "--quick, --only accuracy|speed, --out DIR, --check-targets",
    )


def _run_bench(args: argparse.Namespace) -> int:
    # The benchmarks are not installed with the package (they need the corpus and peers):
    # they run from the repository root, where `benchmarks/` sits next to `textfix/`.
    root = Path.cwd()
    if (root / "benchmarks" / "__init__.py").is_file() and str(root) not in sys.path:
        sys.path.insert(0, str(root))
    try:
        import benchmarks
    except ImportError:
        raise UsageError(
            "the benchmarks live in the source checkout: run `textfix bench` from the "
            "repository root after `pip install -e '.[bench]'`"
        ) from None
    try:
        return int(benchmarks.main(list(args.bench_args)))
    except SystemExit as runner_exit:  # the runner's own --help and usage errors
        return runner_exit.code if isinstance(runner_exit.code, int) else EXIT_OK


def parse_escapes(value: str) -> str:
    r"""Read ``\n``, ``\r``, ``\t``, ``\f``, ``\\`` and ``\uXXXX`` in a command-line value.

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
            f"unknown escape \\{code} in {value!r}; use \\n, \\r, \\t, \\f, \\\\ or \\uXXXX"
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
            window_chars=args.window_chars,
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
    jobs = args.jobs or default_jobs()
    if _cli_corpus.wants_corpus(args):
        problem = _cli_corpus.usage_problem(args)
        if problem:
            raise UsageError(problem)
        _cli_corpus.run(args, config, jobs)
        return EXIT_OK
    if args.engine != "local" or args.scheduler:
        raise UsageError("--engine and --scheduler run corpora (JSONL, Parquet, --doc-sep)")
    sources = io.find_sources(args.files or [io.STDIN], args.glob or io.DEFAULT_GLOB)
    if args.glob and not any(source.in_folder for source in sources):
        raise UsageError("--glob chooses files inside folders and no input is a folder; drop it")
    targets = _targets(args, sources)
    # Read and repair everything first: a bad input stops the run before anything is written.
    texts = [_read(source) for source in sources]
    if sum(map(len, texts)) < PARALLEL_MIN_CHARS:
        jobs = 1
    repair = partial(_fix_as, args.format or "text", config=config)
    with executor_for("local", min(jobs, len(texts))) as (executor, window):
        repaired = list(ordered_map(repair, texts, executor, window))
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


def _fix_as(output_format: str, text: str, config: Config) -> str:
    """The repaired text, or its blocks as JSON."""
    if output_format == "json":
        return _render.blocks_json(explain(text, config))
    return fix(text, config)


def _targets(args: argparse.Namespace, sources: Sequence[Source]) -> list[Path] | None:
    """The file each source is written to; None for standard output or when writing nothing."""
    if args.format == "json" and (args.check or args.diff or args.in_place):
        raise UsageError(
            f"--format {args.format} writes a new file; drop --check/--diff/--in-place"
        )
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
    if args.html:
        io.write_atomic(Path(args.html), html_report.render(repair, sources[0].name))
    elif args.json:
        io.write_stdout(_render.explain_json(repair, args.file))
    else:
        io.write_stdout(_render.explain_lines(repair))
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    config = _config(args)
    sources = io.find_sources(args.files or [io.STDIN], args.glob or io.DEFAULT_GLOB)
    render = _render_check.quality_json if args.json else _render_check.quality_line
    scores = []
    for source in sources:
        report = quality(_read(source), config)
        scores.append(report.score)
        io.write_stdout(render(source.name, report))
    print(_render_check.score_histogram(scores, args.fail_under), end="", file=sys.stderr)
    if args.fail_under is not None and any(score < args.fail_under for score in scores):
        return EXIT_CHANGES
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    render = _render.rules_json if args.json else _render.rules_table
    io.write_stdout(render(rules()))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

"""``textfix fix`` on a corpus (JSONL, Parquet, or text with ``--doc-sep``).

Kept apart from ``cli`` so that ``cli`` only reads arguments: this module turns
them into a ``CorpusJob``, opens the executor, and reports on standard error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path, PurePath

from . import corpus, io
from .config import Config
from .corpus import CorpusJob
from .io import Source
from .parallel import executor_for
from .progress import Progress, summary
from .records import FieldPath


def wants_corpus(args: argparse.Namespace) -> bool:
    """True when ``fix`` reads records or separated documents rather than whole files."""
    return _format(args) not in ("text", "json") or args.doc_sep is not None


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    names = [name for name in args.files if name != io.STDIN]
    return corpus.detect_format(names[0]) if names else "text"


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with a corpus command line, or None."""
    if len(args.files) > 1 or any(Path(name).is_dir() for name in args.files):
        return "a corpus run reads one file (or standard input); run once per file"
    if args.check or args.diff or args.glob:
        return "--check, --diff and --glob work on whole text files, not on JSONL/Parquet corpora"
    if args.in_place and args.files in ([], [io.STDIN]):
        return "--in-place needs a file; standard input goes to standard output or -o"
    if _format(args) == "parquet" and not (args.output or args.in_place):
        return "Parquet output goes to a file: add -o OUT.parquet (or --in-place)"
    if _format(args) != "text" and args.doc_sep is not None:
        return "--doc-sep splits plain text; JSONL and Parquet already hold one document a record"
    if args.doc_sep == "":
        return "--doc-sep needs a separator, e.g. '\\f' (page break) or '\\n\\n\\n'"
    try:
        FieldPath.parse(args.field)
    except ValueError as error:
        return str(error)
    return None


def run(args: argparse.Namespace, config: Config, jobs: int) -> None:
    """Run the corpus repair, or raise ``CorpusError`` / ``FileError`` (exit 2)."""
    name = args.files[0] if args.files else io.STDIN
    source = io.STDIN_SOURCE if name == io.STDIN else Source(Path(name), PurePath(name))
    target = source.path if args.in_place else (Path(args.output) if args.output else None)
    job = CorpusJob(
        source=source,
        target=target,
        format=_format(args),
        config=config,
        field=FieldPath.parse(args.field),
        on_error=args.on_error,
        doc_sep=args.doc_sep,
    )
    show_progress = not args.quiet and sys.stderr.isatty()
    started = time.monotonic()
    with executor_for(args.engine, jobs, args.scheduler) as (executor, window):
        tally = corpus.run(
            job, executor, window, lambda total: Progress(show_progress, total), _warn
        )
    if not args.quiet:
        elapsed = time.monotonic() - started
        print(summary(tally, elapsed, args.on_error), end="", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"textfix: {message}", file=sys.stderr)

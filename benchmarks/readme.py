"""``python -m benchmarks.readme [quick|full]``: copy the latest results into README.md.

README.md marks the place with ``<!-- results:start -->`` and ``<!-- results:end -->``; what
lies between is replaced by the report's targets, accuracy and throughput sections, so the
README never quotes figures that no run produced.
"""

from __future__ import annotations

import sys

from textfix.io import write_atomic

from .run import RESULTS
from .texts import REPO_ROOT

START = "<!-- results:start -->"
END = "<!-- results:end -->"
# The report's sections a README reader needs; the rest stays in benchmarks/results/.
COPIED = (
    "## Targets",
    "### Character error rate (lower is better)",
    "### Mean over all samples",
    "### Where a tool damages text",
    "### Throughput on",
    "### Scaling of textfix (default rules)",
)


def sections(report: str) -> dict[str, str]:
    """The report's sections by heading, each up to the next heading of any level."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in report.splitlines():
        if line.startswith("#"):
            current = found.setdefault(line, [])
        if current is not None:
            current.append(line)
    return {heading: "\n".join(lines).strip() for heading, lines in found.items()}


def excerpt(report: str, mode: str) -> str:
    """The copied sections, headings one level down, with a line saying where they came from."""
    chosen = [
        body
        for heading, body in sections(report).items()
        if any(heading.startswith(wanted) for wanted in COPIED)
    ]
    where = f"From `benchmarks/results/{mode}.md` (chart `{mode}.png`); the report has the rest."
    demoted = ["#" + body if body.startswith("## ") else body for body in chosen]
    # The report links its chart beside itself; README sits two folders up.
    block = "\n\n".join([where, *demoted])
    return block.replace(f"]({mode}.png)", f"](benchmarks/results/{mode}.png)")


def updated(readme: str, block: str) -> str:
    """``readme`` with ``block`` between the markers; ValueError when they are missing."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README has no {START} … {END} block")
    return readme[: start + len(START)] + "\n" + block + "\n" + readme[end:]


def main(argv: list[str] | None = None) -> int:
    mode = (argv if argv is not None else sys.argv[1:] or ["quick"])[0]
    report = RESULTS / f"{mode}.md"
    readme = REPO_ROOT / "README.md"
    if not report.exists():
        print(f"error: {report} not found; run python -m benchmarks first", file=sys.stderr)
        return 2
    try:
        text = updated(readme.read_text(encoding="utf-8"), excerpt(report.read_text("utf-8"), mode))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_atomic(readme, text)
    print(f"README.md: results from {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

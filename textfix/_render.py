"""How the command line shows a repair and the rules: lines for people, JSON for machines."""

from __future__ import annotations

import dataclasses
import difflib
import json
from collections.abc import Iterable, Sequence

from .report import Edit, Repair
from .rule import Rule

_NO_NEWLINE = "\n\\ No newline at end of file\n"


def edits_by_position(repair: Repair) -> list[Edit]:
    """Edits ordered by where they start in the input; pipeline order breaks ties."""
    return sorted(repair.edits, key=lambda edit: (edit.start, edit.end))


def explain_lines(repair: Repair) -> str:
    r"""One line per edit: ``line:col rule 'before' → 'after'``, positions in the input.

    ``repr`` quoting shows newlines and invisible characters (``'\n'``, ``'\u3000'``),
    so every edit stays on one line and every removed character is visible.
    """
    lines = []
    for edit in edits_by_position(repair):
        line, column = repair.line_col(edit.start)
        text = f"{line}:{column} {edit.rule} {edit.before!r} → {edit.after!r}"
        lines.append(f"{text}  ({edit.note})" if edit.note else text)
    return "".join(f"{line}\n" for line in lines)


def explain_json(repair: Repair, path: str) -> str:
    """``{"path", "edits": [{rule, start, end, line, column, before, after, note}], "text"}``."""
    edits = []
    for edit in edits_by_position(repair):
        line, column = repair.line_col(edit.start)
        edits.append(
            {
                "rule": edit.rule,
                "start": edit.start,
                "end": edit.end,
                "line": line,
                "column": column,
                "before": edit.before,
                "after": edit.after,
                "note": edit.note,
            }
        )
    document = {"path": path, "edits": edits, "text": repair.text}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def blocks_json(repair: Repair) -> str:
    """``{"blocks": [{"type", "text", "start", "end"}]}``; spans are offsets into the input."""
    document = {"blocks": [block.to_dict() for block in repair.blocks]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of two texts, lines split on ``\\n`` only (form feeds stay inside lines)."""
    return "".join(
        difflib.unified_diff(_diff_lines(before), _diff_lines(after), f"a/{name}", f"b/{name}")
    )


def _diff_lines(text: str) -> list[str]:
    lines = [f"{line}\n" for line in text.split("\n")]
    last = lines.pop()[:-1]
    if last:
        lines.append(last + _NO_NEWLINE)
    return lines


def rules_table(rules: Sequence[Rule]) -> str:
    """``id  on|off  summary``, one rule a line, in pipeline order."""
    width = max((len(rule.id) for rule in rules), default=0)
    return "".join(
        f"{rule.id:<{width}}  {'on ' if rule.default else 'off'}  {rule.summary}\n"
        for rule in rules
    )


def rules_json(rules: Iterable[Rule]) -> str:
    """``[{"id", "default", "summary", "options": {name: default value}}]`` in pipeline order."""
    document = [
        {
            "id": rule.id,
            "default": rule.default,
            "summary": rule.summary,
            "options": dataclasses.asdict(rule.options),
        }
        for rule in rules
    ]
    return json.dumps(document, ensure_ascii=False, indent=2, default=repr) + "\n"

"""Properties of split_layout_columns of its own: arbitrary grids and Unicode come through
unharmed, and work stays linear on grids built to look like columns everywhere. What it
shares with split_spaced_columns (pages read in turn, idempotence, clean text and tables
unchanged) is in ``test_column_pages_properties.py``.
"""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

import textfix
from tests.strategies import (
    any_text,
    lay_side_by_side,
    only,
    repair_is_sound,
    text_table,
)

RULE = "split_layout_columns"
ONLY = only(RULE)


@given(text_table())
def test_tables_keep_their_rows(table: str) -> None:
    assert textfix.fix(table, ONLY) == table


_GRID_CELL = st.text(
    st.one_of(st.sampled_from("甲乙 ab\n"), st.characters(exclude_categories=["Cs"])), max_size=30
)


@given(st.lists(_GRID_CELL, min_size=2, max_size=4))
def test_arbitrary_grids_keep_every_character(cells: list[str]) -> None:
    columns = [cell.split("\n") for cell in cells]
    text = "\n".join(lay_side_by_side(columns, [2] * len(columns), len))
    repaired = textfix.fix(text, ONLY)
    assert sorted(repaired.replace(" ", "").replace("\n", "")) == sorted(
        text.replace(" ", "").replace("\n", "")
    )


@given(any_text)
def test_never_raises_and_edits_are_valid(text: str) -> None:
    assert repair_is_sound(text, ONLY)


def _python_steps(text: str) -> int:
    """Python line events while the rule runs: a measure of work that load does not skew."""
    steps = 0

    def count(frame, event, arg):  # noqa: ARG001 - the tracer's signature
        nonlocal steps
        steps += 1
        return count

    sys.settrace(count)
    try:
        textfix.fix(text, ONLY)
    finally:
        sys.settrace(None)
    return steps


# Inputs that make many positions look like column edges: every line gapped alike, gaps
# that shift a little from line to line, crossing lines between aligned ones, one very
# long gapped line among short ones.
ADVERSARIAL = {
    "uniform grid": lambda n: "ab  cd  ef  gh  ij  kl  mn  op\n" * n,
    "drifting gaps": lambda n: "".join(
        "x" * (k % 7) + "  yy  " + "z" * (k % 5) + "  w\n" for k in range(n)
    ),
    "crossing every fifth": lambda n: "".join(
        ("aaaa  bbbb  cccc  dddd\n" if k % 5 else "aaaaaaaaaaaaaaaaaaaaaa\n") for k in range(n)
    ),
    "long gapped line": lambda n: "a  " * (8 * n) + "\n" + "word  word\n" * n,
}
# Four times the input may take at most this many times the work (4 for linear time, with
# room for the per-call constant of the smaller input).
MAX_GROWTH = 4.5


def test_work_grows_linearly_on_adversarial_input() -> None:
    for name, make in ADVERSARIAL.items():
        small, large = _python_steps(make(200)), _python_steps(make(800))
        assert large <= MAX_GROWTH * small, f"{name}: {small} → {large} steps"

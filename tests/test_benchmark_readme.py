"""README quotes the benchmark report's own sections, between its markers."""

from __future__ import annotations

import pytest

from benchmarks.readme import END, START, excerpt, updated

REPORT = """# textfix benchmarks (quick)

## Targets

| target | measured | met |
|---|---|---|
| default pipeline ≥ 10 MB/s | 12 MB/s | yes |

![accuracy and speed](quick.png)

## Accuracy

### Character error rate (lower is better)

| source | raw | textfix |
|---|---|---|
| PDF | 20% | 1% |

### textfix against raw, per sample

| not | copied |
|---|---|

## Machine and versions
"""


def test_excerpt_copies_the_chosen_sections_one_level_down() -> None:
    block = excerpt(REPORT, "quick")
    assert "### Targets\n\n| target | measured | met |" in block
    assert "| default pipeline ≥ 10 MB/s | 12 MB/s | yes |" in block
    assert "### Character error rate (lower is better)\n\n| source | raw | textfix |" in block
    assert "not | copied" not in block
    assert "Machine and versions" not in block
    assert "benchmarks/results/quick.md" in block
    assert "![accuracy and speed](benchmarks/results/quick.png)" in block


def test_updated_replaces_only_the_marked_block_and_is_idempotent() -> None:
    readme = f"# textfix\n\nintro\n\n{START}\nold figures\n{END}\n\nafter\n"
    once = updated(readme, "new figures")
    assert once == f"# textfix\n\nintro\n\n{START}\nnew figures\n{END}\n\nafter\n"
    assert updated(once, "new figures") == once


def test_updated_refuses_a_readme_without_markers() -> None:
    with pytest.raises(ValueError, match="results:start"):
        updated("# textfix\n", "figures")

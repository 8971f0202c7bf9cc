"""Protected regions: what each pattern covers, what it leaves, and the span invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix.protect import protected

from .strategies import any_text


def _regions(text: str) -> list[str]:
    return [text[start:end] for start, end in protected(text).spans]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("见http://a.cn/x?y=1,2，了解", ["http://a.cn/x?y=1,2"]),
        ("see https://a.cn/x.", ["https://a.cn/x"]),
        ("(see http://x.cn/a(b))", ["http://x.cn/a(b)"]),
        ("访问www.a.cn。", ["www.a.cn"]),
        ("邮件a@b.com，谢谢", ["a@b.com"]),
        ("路径C:\\dir\\a.txt。", ["C:\\dir\\a.txt"]),
        ("run /usr/bin/python, ~/x or ../a/b", ["/usr/bin/python", "~/x", "../a/b"]),
        ("代码`f(x, y)`后", ["`f(x, y)`"]),
        ("```\nf(x)\n```\n正文", ["```\nf(x)\n```"]),
        ("中&nbsp;文&#12;", ["&nbsp;", "&#12;"]),
        ("12:30，3.14，1,000，192.168.0.1", ["12:30", "3.14", "1,000", "192.168.0.1"]),
    ],
)
def test_finds_region(text: str, regions: list[str]) -> None:
    assert _regions(text) == regions


@pytest.mark.parametrize(
    "text",
    [
        "你好,世界",  # a comma between words is prose
        "km/h 和/或 1/2",  # a single slash is not a path
        "2024年，共3个",  # a number without separators needs no protection
        "Hello, world: yes; no?",
        "a `b",  # an unclosed backtick is not code
    ],
)
def test_leaves_prose_unprotected(text: str) -> None:
    assert _regions(text) == []


def test_covers_characters_and_inside_gaps() -> None:
    guard = protected("见a@b.com了")
    assert [guard.covers(i) for i in range(9)] == [False] + [True] * 7 + [False]
    assert not guard.inside(1) and guard.inside(2) and not guard.inside(8)


@given(st.one_of(any_text, st.text(st.sampled_from("a1.,:/\\@`~&#; 中\nhttp:w"), max_size=60)))
def test_spans_are_sorted_disjoint_and_in_bounds(text: str) -> None:
    spans = protected(text).spans
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(
        previous[1] < current[0] for previous, current in zip(spans, spans[1:], strict=False)
    )

"""The tools compared: textfix and its peers, each called the way its documentation suggests.

A ``Tool`` is loaded lazily (importing it is part of nothing we time) and knows why it cannot
run here when its package is missing.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass

import regex

Fixer = Callable[[str], str]


@dataclass(frozen=True)
class Tool:
    name: str
    distribution: str  # the pip name whose version is reported
    load: Callable[[], Fixer]
    what: str  # the call, as shown in the report
    extra: str = "bench"  # the textfix extra that installs it

    def missing(self) -> str:
        """Why this tool cannot run here ("" when it can)."""
        try:
            self.load()
        except ImportError as error:
            missing = error.name or self.distribution
            return f"not installed ({missing}): pip install -e '.[{self.extra}]'"
        return ""

    def version(self) -> str:
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"


def _textfix() -> Fixer:
    import textfix

    return textfix.fix


def textfix_rule_alone(rule_id: str) -> Tool:
    """textfix with only ``rule_id`` enabled."""

    def load() -> Fixer:
        import textfix

        others = [rule.id for rule in textfix.rules() if rule.id != rule_id]
        config = textfix.Config(enable=[rule_id], disable=others)
        return lambda text: textfix.fix(text, config)

    return Tool(
        f"rule {rule_id}",
        "textfix",
        load,
        f"textfix.fix(text, Config(enable=[{rule_id!r}], disable=others))",
    )


def _ftfy() -> Fixer:
    import ftfy

    return ftfy.fix_text


def _autocorrect() -> Fixer:
    import autocorrect_py

    return autocorrect_py.format


def _pangu() -> Fixer:
    import pangu

    # pangu.py renamed spacing_text to space_text in 5.x; accept either.
    return getattr(pangu, "spacing_text", None) or pangu.space_text


def _unstructured() -> Fixer:
    from unstructured.cleaners.core import clean_extra_whitespace, group_broken_paragraphs

    return lambda text: clean_extra_whitespace(group_broken_paragraphs(text))


def _opencc_t2s() -> Fixer:
    import opencc

    return opencc.OpenCC("t2s").convert


def _clean_text() -> Fixer:
    import cleantext

    return cleantext.clean


_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef"
_BLOCK_SPLIT = regex.compile(r"\n[ \t]*\n")


def naive_join(text: str) -> str:
    """Join the lines of each blank-line-separated block: no space between CJK, else one.

    The one-liner most pipelines start with; blocks become one paragraph per line.

    >>> naive_join("中文\\n断行\\nplain\\ntext\\n\\n下一段")
    '中文断行 plain text\\n下一段'
    """
    blocks = (block.strip() for block in _BLOCK_SPLIT.split(text))
    return "\n".join(_join_lines(block) for block in blocks if block)


def _join_lines(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    joined = lines[0]
    for line in lines[1:]:
        both_cjk = regex.match(rf"[{_CJK}]", joined[-1]) and regex.match(rf"[{_CJK}]", line[0])
        joined += ("" if both_cjk else " ") + line
    return joined


def _naive() -> Fixer:
    return naive_join


# The practical speed limit: one pass of a single CJK-aware regex substitution over the text.
_ONE_PASS = regex.compile(r"(?<=\p{Han})[ \t]+(?=\p{Han})")


def _regex_pass() -> Fixer:
    return lambda text: _ONE_PASS.sub("", text)


TEXTFIX = Tool("textfix", "textfix", _textfix, "textfix.fix(text)")
NAIVE_JOIN = Tool("naive join", "textfix", _naive, "join lines within blank-line blocks")

# Compared on accuracy and speed: they claim to repair or tidy text.
REPAIR_PEERS = (
    Tool("ftfy", "ftfy", _ftfy, "ftfy.fix_text(text)"),
    Tool("autocorrect", "autocorrect-py", _autocorrect, "autocorrect_py.format(text)"),
    Tool("pangu", "pangu", _pangu, "pangu.space_text(text)"),
    Tool(
        "unstructured",
        "unstructured",
        _unstructured,
        "clean_extra_whitespace(group_broken_paragraphs(text))",
        extra="bench-full",
    ),
    NAIVE_JOIN,
)

# Compared on speed only: text transforms of the same kind, not repairers.
SPEED_ONLY_PEERS = (
    Tool("OpenCC t2s", "opencc", _opencc_t2s, "opencc.OpenCC('t2s').convert(text)"),
    Tool("clean-text", "clean-text", _clean_text, "cleantext.clean(text)"),
    Tool("one regex.sub", "regex", _regex_pass, "regex.sub(Han-space-Han) — one pass"),
)


def all_tools() -> list[Tool]:
    """Every tool that can be measured in a subprocess, by name (rules included)."""
    import textfix

    rules = [textfix_rule_alone(rule.id) for rule in textfix.rules()]
    return [TEXTFIX, *rules, *REPAIR_PEERS, *SPEED_ONLY_PEERS]


def tool_by_name(name: str) -> Tool:
    for tool in all_tools():
        if tool.name == name:
            return tool
    raise ValueError(f"unknown tool {name!r}")

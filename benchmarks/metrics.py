"""Accuracy metrics: how far a text is from its gold, and which artifacts are left in it.

Gold texts hold one paragraph (or title) per line. Every metric is a pure function of
``(output, gold)`` strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex
from rapidfuzz.distance import Levenshtein

# Artifact detectors, each counting occurrences in a text. Some patterns also occur in clean
# text (Chinese reduplication such as 常常 is a doubled run), so what is reported is the count
# in the output minus the count in the gold, never below zero.
ARTIFACT_PATTERNS: dict[str, regex.Pattern[str]] = {
    # Fake bold extracted twice: a Han run, a punctuation mark or a Latin word repeated at once
    # (22月月, ，，, FigureFigure). Bounded lengths keep the search linear.
    "doubled runs": regex.compile(
        r"(\p{Han}{1,12}|[\p{Ps}\p{Pe}\p{Pi}\p{Pf}，。、；：？！]|[A-Za-z]{3,12})\1"
    ),
    # Layout or OCR spaces between two Han characters (Chinese has no inter-word spaces).
    "spaces between Han": regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})"),
    # Half-width punctuation touching Han, full-width letters or digits, or full-width
    # punctuation between Latin words.
    "wrong-width punctuation": regex.compile(
        r"(?<=\p{Han})[,;:!?()]|[,;:!?()](?=\p{Han})|[０-９Ａ-Ｚａ-ｚ]"
        r"|(?<=[A-Za-z])[，；：！？](?=[ A-Za-z])"
    ),
    # CJK compatibility ideographs and Kangxi radicals that a font's ToUnicode map gives
    # instead of the unified ideograph (力 read back as U+F98A); NFC maps them back.
    "compatibility ideographs": regex.compile(r"[\uF900-\uFAFF\u2F00-\u2FDF\u2E80-\u2EFF]"),
    # A hyphen that only marked a line break, left inside a joined or unjoined word.
    "line-break hyphens": regex.compile(r"(?<=[a-z])-[ \t]*\n?[ \t]*(?=[a-z])"),
}


@dataclass(frozen=True)
class Scores:
    cer: float
    exact_paragraphs: float
    boundary_f1: float
    residual: dict[str, int]


def cer(output: str, gold: str) -> float:
    """Character error rate: Levenshtein distance over the gold length.

    >>> cer("abd", "abc")
    0.3333333333333333
    """
    if not gold:
        return float(bool(output))
    return Levenshtein.distance(output, gold) / len(gold)


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped: one paragraph each in gold convention."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def exact_paragraph_rate(output: str, gold: str) -> float:
    """Share of gold paragraphs that appear, exactly, as a line of the output.

    >>> exact_paragraph_rate("a\\nb c\\n", "a\\nb\\nc")
    0.3333333333333333
    """
    wanted = Counter(paragraphs(gold))
    found = Counter(paragraphs(output))
    total = sum(wanted.values())
    return sum((wanted & found).values()) / total if total else 1.0


def _content_and_breaks(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and the offsets in it where a new non-empty line begins."""
    pieces: list[str] = []
    breaks: list[int] = []
    length = 0
    for line in text.split("\n"):
        content = "".join(line.split())
        if not content:
            continue
        if length:
            breaks.append(length)
        pieces.append(content)
        length += len(content)
    return "".join(pieces), breaks


def _position_map(source: str, target: str) -> list[int]:
    """For each offset in ``source`` (0..len), the aligned offset in ``target``."""
    mapping = [0] * (len(source) + 1)
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(source, target):
        for k in range(i2 - i1):
            if tag == "equal":
                mapping[i1 + k] = j1 + k
            elif tag == "replace":
                mapping[i1 + k] = j1 + min(k, j2 - j1)
            else:  # delete
                mapping[i1 + k] = j1
    mapping[len(source)] = len(target)
    return mapping


def boundary_f1(output: str, gold: str) -> float:
    """F1 of paragraph boundaries, output aligned to gold on non-whitespace characters.

    A boundary is the start of a non-empty line. Output boundaries are carried into gold
    coordinates through a Levenshtein alignment, so content errors do not count twice.

    >>> boundary_f1("ab\\ncd\\nef", "abcd\\nef")
    0.6666666666666666
    """
    out_content, out_breaks = _content_and_breaks(output)
    gold_content, gold_breaks = _content_and_breaks(gold)
    if not out_breaks and not gold_breaks:
        return 1.0
    mapping = _position_map(out_content, gold_content)
    predicted = {mapping[offset] for offset in out_breaks}
    expected = set(gold_breaks)
    hits = len(predicted & expected)
    if not hits:
        return 0.0
    precision = hits / len(predicted)
    recall = hits / len(expected)
    return 2 * precision * recall / (precision + recall)


def artifact_counts(text: str) -> dict[str, int]:
    """Occurrences of each artifact pattern in ``text``.

    >>> counts = artifact_counts("22月月2020日日，中 文")
    >>> counts["doubled runs"], counts["spaces between Han"]
    (2, 1)
    """
    return {name: len(pattern.findall(text)) for name, pattern in ARTIFACT_PATTERNS.items()}


def residual_artifacts(output: str, gold: str) -> dict[str, int]:
    """Artifacts in ``output`` beyond those the gold itself contains."""
    found = artifact_counts(output)
    baseline = artifact_counts(gold)
    return {name: max(0, found[name] - baseline[name]) for name in found}


def score(output: str, gold: str) -> Scores:
    return Scores(
        cer=cer(output, gold),
        exact_paragraphs=exact_paragraph_rate(output, gold),
        boundary_f1=boundary_f1(output, gold),
        residual=residual_artifacts(output, gold),
    )


def false_change_rate(tool: Callable[[str], str], clean: Iterable[str]) -> tuple[float, str]:
    """Share of clean paragraphs that ``tool`` changes, and the first change as an example.

    >>> false_change_rate(str.upper, ["abc", "中文"])
    (0.5, 'abc → ABC')
    """
    items = list(clean)
    changed = [(text, tool(text)) for text in items]
    changed = [(before, after) for before, after in changed if after != before]
    example = f"{_excerpt(*changed[0])}" if changed else ""
    return (len(changed) / len(items) if items else 0.0), example


# Characters of context shown on each side of the first difference in a damage example, and
# the most characters of the differing region itself: enough to see what a tool did.
EXCERPT_CONTEXT = 12
EXCERPT_SPAN = 24


def _excerpt(before: str, after: str) -> str:
    """The first region where ``after`` differs from ``before``, as 'before → after'."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while (
        end_before > start and end_after > start and before[end_before - 1] == after[end_after - 1]
    ):
        end_before -= 1
        end_after -= 1
    left = max(0, start - EXCERPT_CONTEXT)

    def shown(text: str, end: int) -> str:
        right = min(end, start + EXCERPT_SPAN) + EXCERPT_CONTEXT
        return text[left:right].replace("\n", "⏎")

    return f"{shown(before, end_before)} → {shown(after, end_after)}"

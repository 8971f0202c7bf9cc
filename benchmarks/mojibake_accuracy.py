"""Precision and recall of ``fix_mojibake``, side by side with ftfy's encoding repair.

Precision: false repairs on >= 1 MB of clean CJK text (sentences of frequent characters, their
OpenCC-traditional form, and every line of the seed gold page) and >= 1 MB of clean Latin
text (accented words of European languages, symbols, all-caps). Recall: exact repair of
generated mojibake, one line per sample (no document context) and as 20-line documents.

    python benchmarks/mojibake_accuracy.py [--seed N]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

import ftfy
import opencc

import textfix
from textfix.plausibility import FREQUENT_HAN

GOLD = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "000.gold.txt"
MEGABYTE = 1_000_000
# Lines of generated text per mojibake kind; UTF-8 read as a double-byte code is lossless for
# few of them (a run of an odd byte count loses its last byte), hence the many.
RECALL_LINES = 20000
CLAUSE_MARKS = "，，，、；："
FINAL_MARKS = "。。。！？"
LATIN_WORDS = (
    "the of and to in is was for on that with by from city river school report people water "
    "café naïve façade résumé déjà crème brûlée élève où très être Noël Zürich Müller Straße "
    "über Größe Ärger Öl Übung señor año niño mañana corazón José São Paulo ação ações não "
    "coração Ærøskøbing Þórður fjörður Łódź Kraków Gdańsk Dvořák ÉTÉ AÇÃO CAFÉ ÜBER NIÑO "
    "25°C ±0.5 µg/kg ©2024 ®Brand ½ ¼ ¾ €10 £5 ¥300 §12 ¶3 «quoted» „Anführung“ — – … “ ” ‘ ’"
).split()

_FIX_MOJIBAKE_ONLY = textfix.Config(
    disable=[rule.id for rule in textfix.rules() if rule.id != "fix_mojibake"]
)


def cjk_line(rng: random.Random) -> str:
    clauses = []
    for _ in range(rng.randint(1, 4)):
        clause = "".join(rng.choice(FREQUENT_HAN) for _ in range(rng.randint(2, 14)))
        if rng.random() < 0.2:
            cut = rng.randint(0, len(clause))
            term = rng.choice(["2025年", "AI", "GDP", " 5G ", "DeepSeek", "10.4%"])
            clause = clause[:cut] + term + clause[cut:]
        clauses.append(clause)
    marks = [rng.choice(CLAUSE_MARKS) for _ in clauses[1:]] + [rng.choice(FINAL_MARKS)]
    return "".join(clause + mark for clause, mark in zip(clauses, marks, strict=True))


def latin_line(rng: random.Random) -> str:
    words = [rng.choice(LATIN_WORDS) for _ in range(rng.randint(4, 18))]
    return " ".join(words).capitalize() + rng.choice(".?!")


def clean_cjk(rng: random.Random) -> list[str]:
    gold = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    lines = list(gold)
    while sum(len(line.encode()) for line in lines) < MEGABYTE // 2:
        lines.append(cjk_line(rng))
    to_traditional = opencc.OpenCC("s2t")
    return lines + [to_traditional.convert(line) for line in lines]


def clean_latin(rng: random.Random) -> list[str]:
    lines: list[str] = []
    while sum(len(line.encode()) for line in lines) < MEGABYTE:
        lines.append(latin_line(rng))
    return lines


def false_repairs(lines: list[str], repair: Callable[[str], str]) -> tuple[int, float]:
    started = time.perf_counter()
    changed = sum(repair(line) != line for line in lines)
    return changed, time.perf_counter() - started


def garble(lines: list[str], encoding: str, decoding: str) -> list[tuple[str, str]]:
    pairs = []
    for line in lines:
        try:
            pairs.append((line, line.encode(encoding).decode(decoding)))
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return pairs


def recall(pairs: list[tuple[str, str]], repair: Callable[[str], str]) -> float:
    """Share of lines repaired exactly, each line a text of its own."""
    return sum(repair(broken) == clean for clean, broken in pairs) / max(len(pairs), 1)


def document_recall(pairs: list[tuple[str, str]], repair: Callable[[str], str]) -> float:
    """Share of lines repaired exactly when repaired as documents of 20 lines."""
    exact = 0
    for index in range(0, len(pairs), 20):
        chunk = pairs[index : index + 20]
        fixed = repair("\n".join(broken for _, broken in chunk)).split("\n")
        exact += sum(line == clean for line, (clean, _) in zip(fixed, chunk, strict=False))
    return exact / max(len(pairs), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20250218)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    def ours(text: str) -> str:
        return textfix.fix(text, _FIX_MOJIBAKE_ONLY)

    cjk, latin = clean_cjk(rng), clean_latin(rng)
    print("precision on clean text (lines changed; fewer is better)")
    for name, lines in (("CJK", cjk), ("Latin", latin)):
        megabytes = sum(len(line.encode()) + 1 for line in lines) / MEGABYTE
        changed, seconds = false_repairs(lines, ours)
        peer, _ = false_repairs(lines, ftfy.fix_encoding)
        print(
            f"  {name:6} {megabytes:.2f} MB, {len(lines)} lines: textfix {changed} "
            f"({seconds:.1f} s, {megabytes / seconds:.1f} MB/s), ftfy.fix_encoding {peer}"
        )

    simplified = [cjk_line(rng) for _ in range(RECALL_LINES)]
    traditional = opencc.OpenCC("s2t").convert("\n".join(simplified)).split("\n")
    cases = {
        "UTF-8 read as GBK": garble(simplified, "utf-8", "gbk"),
        "UTF-8 read as Big5": garble(traditional, "utf-8", "cp950"),
        "GBK read as Latin-1": garble(simplified, "gbk", "latin-1"),
        "Big5 read as Latin-1": garble(traditional, "big5", "latin-1"),
        "UTF-8 read as windows-1252": garble(simplified, "utf-8", "sloppy-windows-1252"),
    }
    print("recall on mojibake (share repaired exactly)")
    for name, pairs in cases.items():
        print(
            f"  {name:27} {len(pairs):5} lines: textfix {recall(pairs, ours):.3f} "
            f"(in 20-line documents {document_recall(pairs, ours):.3f}), "
            f"ftfy.fix_encoding {recall(pairs, ftfy.fix_encoding):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Clean text for the benchmarks, and where it comes from.

Three sources, all clean (nothing to repair):

* the hand-made gold pages of the seed corpus (``corpus/NNN.gold.txt`` at the repository root when
  present, else the shared seed folder beside the repository);
* English prose paragraphs from the Python Language Reference, which CPython ships as
  ``pydoc_data.topics`` (PSF licence, part of every Python install);
* articles assembled from those paragraphs, with made-up headlines, bylines and captions.

Every function here is deterministic: the same inputs give the same articles.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
REPO_CORPUS = REPO_ROOT / "corpus"

# A gold line shorter than this (in characters) is a headline, subtitle or caption; body
# paragraphs of the seed pages are at least ~120 characters, titles at most ~95.
TITLE_MAX_CHARS = 100
# English paragraphs shorter than this many words are mostly definitions or list leads.
MIN_PROSE_WORDS = 30


@dataclass(frozen=True)
class Article:
    """One newspaper article, in reading order."""

    headline: str
    subtitle: str
    byline: str
    paragraphs: tuple[str, ...]
    caption: str

    def gold_lines(self, *, titles_after: int = 0, cut: int = 0) -> list[str]:
        """The article as its repaired text: one paragraph (or title) per line.

        Titles come after the first ``titles_after`` paragraphs: first by default, after
        the body when it counts them all (the order in which many e-paper PDFs draw
        titles, and so the order most extractors read them in), or wherever an extractor
        read them. A ``cut`` splits the last of those paragraphs after that many
        characters, the rest coming after the titles: an extractor that reads a page's
        titles after its body reads them inside a paragraph that runs on to the next page.
        """
        titles = [self.headline, self.subtitle, self.byline]
        body = list(self.paragraphs)
        if cut and 0 < titles_after <= len(body):
            split = body[titles_after - 1]
            body[titles_after - 1 : titles_after] = [split[:cut].rstrip(), split[cut:].lstrip()]
        lines = [*body[:titles_after], *titles, *body[titles_after:]]
        return [line for line in [*lines, self.caption] if line]


def gold_files() -> list[Path]:
    """Gold pages: the repository's ``corpus/`` when it has any, else the shared seed folder."""
    for folder in (REPO_CORPUS, SHARED_CORPUS):
        found = sorted(folder.glob("*.gold.txt"))
        if found:
            return found
    return []


def gold_lines() -> list[str]:
    """Every non-empty line of every gold page, in file order."""
    lines: list[str] = []
    for path in gold_files():
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line)
    return lines


def english_paragraphs() -> list[str]:
    """Prose paragraphs of the Python Language Reference (``pydoc_data.topics``, PSF licence).

    Code samples, indented blocks and paragraphs with reST markup are left out.
    """
    from pydoc_data.topics import topics

    paragraphs = []
    for name in sorted(topics):
        for block in re.split(r"\n[ \t]*\n", topics[name]):
            lines = block.split("\n")
            if any(line[:1] in (" ", "\t") for line in lines) or re.search(r"::|>>>|[*`|]", block):
                continue
            # The reference puts two spaces after a full stop; one is what a page shows.
            paragraph = " ".join(block.split())
            if len(paragraph.split()) >= MIN_PROSE_WORDS and paragraph.endswith("."):
                paragraphs.append(paragraph)
    return paragraphs


_CJK_BYLINES = ("（本报记者 王明）", "（记者 李华 通讯员 周宁）", "（高美梅）", "（本报评论员）")
_CJK_CAPTION_CREDITS = ("（张伟 摄）", "（本报记者 陈静 摄）")
_LATIN_BYLINES = ("By Anna Reed", "By Tomás Ortega and Li Wei", "From our correspondent")


def chinese_articles(paragraphs_per_article: int = 2) -> list[Article]:
    """Articles from the gold pages: body paragraphs grouped, titles taken from the short lines."""
    lines = gold_lines()
    bodies = [line for line in lines if len(line) >= TITLE_MAX_CHARS]
    titles = [line for line in lines if len(line) < TITLE_MAX_CHARS]
    if not bodies:
        return []
    articles = []
    for index, start in enumerate(range(0, len(bodies), paragraphs_per_article)):
        body = tuple(bodies[start : start + paragraphs_per_article])
        first_sentence = re.split(r"(?<=[。！？])", body[0])[0]
        caption_text = first_sentence.removeprefix("本报讯 ")[:60].rstrip("，、；：。！？")
        articles.append(
            Article(
                headline=_pick(titles, 2 * index),
                subtitle=_pick(titles, 2 * index + 1),
                byline=_pick(_CJK_BYLINES, index),
                paragraphs=body,
                caption=caption_text + "。" + _pick(_CJK_CAPTION_CREDITS, index),
            )
        )
    return articles


def english_articles(paragraphs_per_article: int = 3, limit: int | None = None) -> list[Article]:
    """Articles from the Language Reference prose, headlines from each article's first words."""
    paragraphs = english_paragraphs()
    articles = []
    for index, start in enumerate(range(0, len(paragraphs), paragraphs_per_article)):
        if limit is not None and index >= limit:
            break
        body = tuple(paragraphs[start : start + paragraphs_per_article])
        words = re.findall(r"[A-Za-z]+", body[0])
        articles.append(
            Article(
                headline=" ".join(word.capitalize() for word in words[:5]),
                subtitle=_deck(words[5:14]),
                byline=_pick(_LATIN_BYLINES, index),
                paragraphs=body,
                caption=f"Figure {index + 1}: " + " ".join(words[:9]) + ".",
            )
        )
    return articles


# Words a deck (a subtitle) never ends on: cut from a paragraph at a word count, it
# would stop mid-phrase (``…statements cannot be an``), as no printed deck does.
_NO_DECK_END = frozenset(
    "a an the of to in on at by for with from and or but if that which where as is are be".split()
)


def _deck(words: Sequence[str]) -> str:
    """A deck from ``words``: sentence case, ending on a word that can end a phrase.

    >>> _deck(["statements", "cannot", "be", "an"])
    'Statements cannot'
    """
    words = list(words)
    while words and words[-1].lower() in _NO_DECK_END:
        words.pop()
    return " ".join(words).capitalize()


def _pick(pool: Sequence[str], index: int) -> str:
    return pool[index % len(pool)] if pool else ""


def tiled(pieces: Sequence[str], size_bytes: int, distinct: bool = False) -> str:
    """Repeat ``pieces`` (joined by newlines) until the UTF-8 text reaches ``size_bytes``.

    ``distinct``: each repetition after the first is ``varied``, so that no line recurs
    from one repetition to the next, as in a long document of ordinary text.
    """
    unit = "\n".join(pieces) + "\n"
    unit_bytes = len(unit.encode("utf-8"))
    if unit_bytes == 0:
        raise ValueError("cannot tile empty text")
    count = size_bytes // unit_bytes + 1
    text = "".join(varied(unit, n) for n in range(count)) if distinct else unit * count
    return text.encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")


def varied(unit: str, seed: int) -> str:
    """``unit`` with its Han characters and its lowercase Latin letters each shuffled
    among themselves (``seed`` 0: unchanged).

    Lines keep their widths, punctuation, doubled runs and page layout, and the text
    its characters' frequencies, but the words differ: timing a tiled text must not
    measure caches hit by the repetitions (or furniture removal of lines that recur
    on every tile).
    """
    if seed == 0:
        return unit
    shuffle = random.Random(seed).shuffle
    table: dict[int, int] = {}
    for alphabet in (sorted(set(regex.findall(r"\p{Han}", unit))), list(string.ascii_lowercase)):
        renamed = list(alphabet)
        shuffle(renamed)
        table.update(zip(map(ord, alphabet), map(ord, renamed), strict=True))
    return unit.translate(table)


def raw_files() -> Iterator[Path]:
    """Raw extracted pages (damaged input), repository corpus first."""
    for folder in (REPO_CORPUS, SHARED_CORPUS):
        found = sorted(folder.glob("*.raw.txt"))
        if found:
            yield from found
            return

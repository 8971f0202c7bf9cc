"""Repair mojibake: text whose bytes were decoded with the wrong character set.

Why it arises: a page, feed or database field stores bytes in one encoding and a later step
decodes them with another. UTF-8 read as windows-1252 gives ``Ã©`` for ``é``; UTF-8 read as
GBK gives ``鍙戝睍`` for ``发展``; GBK read as Latin-1 gives ``·¢Õ¹`` for ``发展``. The
damage is reversible exactly when no byte was lost: encode with the wrong codec, decode with
the right one. Latin mojibake is ftfy's domain and ftfy repairs it here (encoding repair only:
no quote, width or line-break normalization, so ``，`` stays ``，``). ftfy knows nothing of the
Chinese code pages, so those readings are tried here, each judged by ``implausibility``.

Broken:     ``Ã©t鍙戝睍浜哄伐鏅鸿兘 ·¢Õ¹`` ``â€œquotedâ€\\x9d``
Fixed:      ``ét发展人工智能 发展`` ``“quoted”``
Left alone: clean text of every script; ``锟斤拷`` and ``�`` (the bytes are lost: they are
reported by ``findings``, never rewritten); a run whose repair is not clearly more plausible
than the run itself, or that two encodings would repair equally well.

Gate: ASCII text is returned untouched. A run is decoded only when its implausibility is
already at least ``MIN_GAIN``, or when a reading was proven elsewhere in the same text; a
run is scored only when its share of countable characters (``plausibility.countable``)
reaches ``MIN_GAIN``, or, Western, when it holds two Western characters or a control. ftfy
sees only lines holding a character its badness pattern needs, and only when the pattern
matches near one (``textfix.mojibake_gate``). Clean Chinese and English cost a few scans.

>>> [change.after for change in find("â€œquotedâ€\\x9d, ·¢Õ¹", Options())]
['“', '”', '发展']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import ftfy
import regex

from ..mojibake_gate import is_bad, suspect_lines
from ..plausibility import LATIN_HIGH, countable, han_count, implausibility, reading_rank
from ..rule import Change, Example, Notice, Rule, minimal_change

# A repair must lower implausibility by at least this much. Measured on runs of 2-16
# characters of the seed pages (simplified and OpenCC-traditional): 95% of their UTF-8→GBK
# mojibake scores >= 0.33 while 95% of clean runs score 0.0, so 0.3 separates the two.
MIN_GAIN = 0.3
# In a document where a reading is proven, a short run (``¡C`` → ``。``) repairs when the
# reading is no worse than the run: the decoder that made the rest made it too.
TRUSTED_MIN_GAIN = 0.0
# A repaired run may itself contain rare characters (names, places), but not many: real
# Chinese scores below 0.05 on long runs; 0.2 leaves room for a rare name in a short run.
MAX_REPAIRED_IMPLAUSIBILITY = 0.2
# Fewer than two Han characters of output is too little evidence: "Ã©" (UTF-8 é) and
# "ÇÃ" (Portuguese caps) each read as one plausible GBK character.
MIN_HAN = 2
# The best reading must beat every other reading of the same span by this much in
# ``reading_rank``, else it is a guess (short runs that GBK and Big5 read equally well).
MIN_LEAD = 0.1
# Re-aligning a truncated run to whole characters takes at most two steps for these codecs
# (UTF-8's 3-byte and GBK's 2-byte units realign every 6 bytes); the cap bounds the work.
MAX_REALIGN_STEPS = 4

# A run of non-ASCII characters: what UTF-8 multi-byte text becomes in a CJK decoder.
_WIDE_RUN = regex.compile(r"[^\x00-\x7f]+")
_WIDE_RUN_UP_TO = regex.compile(r"(?r)[^\x00-\x7f]*")  # matched backwards from a position
# A run of Western high characters, each perhaps followed by one ASCII byte that a double-byte
# encoding uses as a trail byte (Big5 ``是`` = AC 4F reads ``¬O``).
_BYTE_RUN = regex.compile(f"(?:[{LATIN_HIGH}][\\x40-\\x7e]?)+")
# The byte runs whose implausibility may be above zero: two Western characters (in a row or
# one ASCII byte apart) or a C1 control. A lone one (“, é, ’s) is ordinary text. Written
# to start with one character class, so that the scan skips everything else at C speed.
_SUSPECT_BYTE_RUN = re.compile(
    f"[{LATIN_HIGH}]"
    f"(?:[\\x40-\\x7e]?(?:[{LATIN_HIGH}][\\x40-\\x7e]?)+"  # two or more
    r"|(?<=[\x80-\x9f])[\x40-\x7e]?)"  # a control alone
)
# What ftfy repairs: non-ASCII runs, spaces inside them, and one trailing space (a UTF-8
# byte 0xA0 that became a space: ``voilÃ le``).
_FTFY_RUN = regex.compile(r"[^\x00-\x7f]+(?: [^\x00-\x7f]+)* ?")
# Irrecoverable: replacement characters, and their UTF-8 bytes read as GBK.
_LOST = regex.compile(r"\ufffd+|(?:锟斤拷)+")


@dataclass(frozen=True)
class Options:
    """This rule has no options."""


def _western_bytes(text: str) -> bytes:
    """The bytes a Latin-1 or windows-1252 decoder turned into ``text``."""
    return bytes(
        ord(char) if ord(char) < 0x100 else char.encode("windows-1252")[0] for char in text
    )


class _Reading(NamedTuple):
    """A way text was misread: ``encode`` recovers the bytes, ``codec`` decodes them right."""

    note: str
    encode: Callable[[str], bytes]
    codec: str


def _encoder(codec: str) -> Callable[[str], bytes]:
    return lambda text: text.encode(codec)


_UTF8_AS_GBK = _Reading("UTF-8 text read as GBK", _encoder("gb18030"), "utf-8")
_UTF8_AS_BIG5 = _Reading("UTF-8 text read as Big5", _encoder("cp950"), "utf-8")
_GBK_AS_LATIN = _Reading("GBK text read as Latin-1/windows-1252", _western_bytes, "gbk")
_BIG5_AS_LATIN = _Reading("Big5 text read as Latin-1/windows-1252", _western_bytes, "cp950")
# Not repaired here but weighed: if a run reads well as UTF-8, it is ftfy's, not a CJK case.
_UTF8_AS_LATIN = _Reading("UTF-8 text read as Latin-1/windows-1252", _western_bytes, "utf-8")

_RUN_READINGS = (
    (_WIDE_RUN, (_UTF8_AS_GBK, _UTF8_AS_BIG5)),
    (_BYTE_RUN, (_GBK_AS_LATIN, _BIG5_AS_LATIN, _UTF8_AS_LATIN)),
)
_REPAIRS_HERE = frozenset((_UTF8_AS_GBK, _UTF8_AS_BIG5, _GBK_AS_LATIN, _BIG5_AS_LATIN))


def _character_ends(run: str, reading: _Reading, stop: int) -> list[int]:
    """Where the first characters of ``run`` end in its bytes, up to byte ``stop``: each
    retry of ``_decoded_prefix`` decodes less than the one before, so none looks further."""
    ends = []
    for end in accumulate(len(reading.encode(char)) for char in run):
        if end > stop:
            break
        ends.append(end)
    return ends


def _decoded_prefix(run: str, reading: _Reading) -> tuple[int, str] | None:
    """The longest whole-character prefix of ``run`` that decodes: (its length, its text).

    A run whose last character lost a byte (odd byte count) still repairs up to it.
    """
    try:
        data = reading.encode(run)
    except UnicodeEncodeError:
        return None
    ends: list[int] | None = None
    limit = len(data)
    for _ in range(MAX_REALIGN_STEPS):
        try:
            decoded = data[:limit].decode(reading.codec)
        except UnicodeDecodeError as error:
            if ends is None:
                ends = _character_ends(run, reading, error.start)
            limit = max((end for end in ends if end <= error.start), default=0)
            if limit == 0:
                return None
            continue
        length = len(run) if ends is None else ends.index(limit) + 1
        return length, decoded
    return None


class _Repair(NamedTuple):
    length: int
    text: str
    reading: _Reading


def _best_repair(
    run: str, readings: Iterable[_Reading], min_han: int, min_gain: float
) -> _Repair | None:
    decoded = [(_decoded_prefix(run, reading), reading) for reading in readings]
    repairs = [_Repair(*prefix, reading) for prefix, reading in decoded if prefix is not None]
    if not repairs:
        return None
    # Readings compete on the same span: the one that decodes the longest prefix, and rivals
    # that decode as far; a shorter reading (``Ñ§`` is UTF-8 for ѧ) explains less of the run.
    longest = max(repair.length for repair in repairs)
    finalists = [repair for repair in repairs if repair.length == longest]
    best = finalists[0]
    if len(finalists) > 1:  # a reading alone needs no rank (and no frequency table)
        ranked = sorted((reading_rank(repair.text), repair) for repair in finalists)
        best = ranked[0][1]
        if ranked[1][0] - ranked[0][0] < MIN_LEAD:
            return None
    if best.reading not in _REPAIRS_HERE or han_count(best.text) < min_han:
        return None
    score = implausibility(best.text)
    if score > MAX_REPAIRED_IMPLAUSIBILITY:
        return None
    if implausibility(run[:longest]) - score < min_gain:
        return None
    return best


def _suspect_wide_runs(text: str) -> Iterator[regex.Match[str]]:
    """The ``_WIDE_RUN`` runs whose implausibility may reach ``MIN_GAIN``: those whose share
    of countable characters does (``plausibility.countable``), in reading order."""
    run: regex.Match[str] | None = None
    counted = 0
    for position in countable(text):
        if run is not None and position < run.end():
            counted += 1
            continue
        if run is not None and counted / len(run.group()) >= MIN_GAIN:
            yield run
        run = _WIDE_RUN.match(text, _WIDE_RUN_UP_TO.match(text, 0, position).start())
        counted = 1
    if run is not None and counted / len(run.group()) >= MIN_GAIN:
        yield run


def _cjk_changes(text: str) -> Iterator[Change]:
    """Repairs of CJK readings. A reading proven on a run of ``MIN_HAN`` characters is then
    trusted, alone, on the document's other runs (``2025Äê`` → ``2025年``, ``¡£`` → ``。``
    next to a repaired sentence): one document was misread one way."""
    repairs: list[tuple[int, _Repair]] = []
    repaired = set()
    suspects = (_suspect_wide_runs(text), _SUSPECT_BYTE_RUN.finditer(text))
    for runs, (pattern, readings) in zip(suspects, _RUN_READINGS, strict=True):
        for match in runs:
            repair = None
            if implausibility(match.group()) >= MIN_GAIN:
                repair = _best_repair(match.group(), readings, MIN_HAN, MIN_GAIN)
            if repair is not None:
                repairs.append((match.start(), repair))
                repaired.add((pattern, match.start()))
    trusted = {repair.reading for _, repair in repairs}
    if trusted:
        for pattern, readings in _RUN_READINGS:
            narrowed = [r for r in readings if r in trusted or r not in _REPAIRS_HERE]
            for match in pattern.finditer(text):
                if (pattern, match.start()) in repaired:
                    continue
                repair = _best_repair(match.group(), narrowed, min_han=0, min_gain=TRUSTED_MIN_GAIN)
                if repair is not None:
                    repairs.append((match.start(), repair))
    for start, repair in repairs:
        before = text[start : start + repair.length]
        yield minimal_change(start, before, repair.text, repair.reading.note)


@lru_cache(maxsize=1)
def _ftfy_config() -> ftfy.TextFixerConfig:
    """ftfy's encoding repair alone: every normalizing fixer is off."""
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
    )


def _replayed(run: str, plan: list[tuple[str, str]]) -> str:
    """``run`` repaired by ftfy's plan for its line; a run the plan cannot decode is one
    that ftfy's line repair left as it was (the caller checks the sum). A plan that repairs
    spans inside the line (``decode_inconsistent_utf8``) is ftfy's own repair of each run."""
    if any(action == "apply" for action, _ in plan):
        return ftfy.fix_encoding(run, _ftfy_config())
    try:
        return ftfy.apply_plan(run, plan)
    except UnicodeError:
        return run


def _per_run(start: int, line: str, fixed: str, plan: list[tuple[str, str]]) -> list[Change]:
    """ftfy's repair of a line as one change per repaired run when replaying its plan run by
    run gives ftfy's line exactly; otherwise one change spanning what ftfy changed."""
    note = "mojibake (ftfy: " + ", ".join(f"{action} {name}" for action, name in plan) + ")"
    changes, pieces, position = [], [], 0
    for match in _FTFY_RUN.finditer(line):
        repaired = _replayed(match.group(), plan)
        pieces += [line[position : match.start()], repaired]
        position = match.end()
        if repaired != match.group():
            changes.append(minimal_change(start + match.start(), match.group(), repaired, note))
    if "".join(pieces) + line[position:] == fixed:
        return changes
    return [minimal_change(start, line, fixed, note)]


def _ftfy_changes(text: str) -> Iterator[Change]:
    """ftfy decides per line, as ``ftfy.fix_text`` does: a run reads as mojibake in the
    context of its line (``ä¿¡`` alone is not evidence enough, a line of such runs is).
    ftfy leaves a line alone unless ``ftfy.badness.is_bad`` finds mojibake in it, so one
    search of the whole text rules out every line at once, and only the lines holding a
    character that mojibake is made of are handed to ftfy (``textfix.mojibake_gate``)."""
    if not is_bad(text):
        return
    for start, end in suspect_lines(text):
        line = text[start:end]
        fixed, plan = ftfy.fix_encoding_and_explain(line, _ftfy_config())
        if fixed != line:
            yield from _per_run(start, line, fixed, plan or [])


def _without_overlaps(changes: Iterable[Change]) -> Iterator[Change]:
    """In start order, drop a change that overlaps one kept before it (the earlier wins)."""
    position = 0
    for change in sorted(changes, key=lambda change: (change.start, change.end)):
        if change.start >= position:
            yield change
            position = max(change.end, change.start + 1)


def find(text: str, options: Options) -> Iterator[Change]:
    if text.isascii():
        return
    cjk = list(_cjk_changes(text))
    taken = _Taken(cjk)
    latin = [change for change in _ftfy_changes(text) if not taken.overlaps(change)]
    yield from _without_overlaps(cjk + latin)


class _Taken:
    """Spans of changes already made, asked whether a change overlaps any of them."""

    def __init__(self, changes: list[Change]) -> None:
        spans = sorted((change.start, change.end) for change in changes)
        self._starts = [start for start, _ in spans]
        # The furthest end among the spans starting at or before each one.
        self._reach = list(accumulate((end for _, end in spans), max))

    def overlaps(self, change: Change) -> bool:
        """True when some span has ``start < change.end`` and ``change.start < end``."""
        before_end = bisect_left(self._starts, change.end)
        return before_end > 0 and self._reach[before_end - 1] > change.start


def findings(text: str, options: Options) -> Iterator[Notice]:
    """Runs whose bytes were lost before the text reached us: reported, not repaired.

    >>> [(n.start, n.end, n.note) for n in findings("发展锟斤拷锟斤拷人工", Options())]
    [(2, 8, '锟斤拷: replacement characters read as GBK; the text is lost')]
    """
    for match in _LOST.finditer(text):
        if match.group().startswith("\ufffd"):
            note = "replacement characters: the decoder dropped bytes here; the text is lost"
        else:
            note = "锟斤拷: replacement characters read as GBK; the text is lost"
        yield Notice(match.start(), match.end(), match.group(), note)


RULE = Rule(
    id="fix_mojibake",
    summary="Repair text decoded with the wrong charset (Ã© → é, 鍙戝睍 → 发展, ·¢Õ¹ → 发展).",
    default=True,
    find=find,
    options=Options(),
    examples=(
        Example("cafÃ©", "café", "UTF-8 read as windows-1252 (ftfy)"),
        Example("鍙戝睍浜哄伐鏅鸿兘", "发展人工智能", "UTF-8 read as GBK"),
        Example("·¢Õ¹", "发展", "GBK read as Latin-1"),
        Example("部署，发展。", "部署，发展。", "clean Chinese, full-width punctuation kept"),
        Example("锟斤拷锟斤拷", "锟斤拷锟斤拷", "lost bytes stay and are reported"),
    ),
    findings=findings,
)

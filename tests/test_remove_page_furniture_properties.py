"""Properties of remove_page_furniture on multi-page documents built by ``tests/layouts.py``.

Furniture (running heads with dates, page numbers in many forms, footers with
URLs) is added per page; form feeds mark pages as pdftotext writes them, or not
at all (pdfminer, PyMuPDF). Scope, as the rule states it: furniture is recognised
when it repeats — on two pages or more with form feeds, three or more without;
a block around a page counter at each page start (``head_block_pages``, the way
PyMuPDF writes pages) on two pages when it holds three lines, else three.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import textfix
from tests.layouts import (
    Layout,
    PagedText,
    expected,
    extract_pages,
    random_document,
    random_furniture,
    random_layout,
)
from tests.strategies import (
    any_text,
    bylined_pages,
    cjk_paragraph,
    feet_read_with_columns,
    head_block_pages,
    head_read_in_column_order,
    latin_paragraph,
    numbered_sections_document,
    only,
    paged_document,
    repeated_line_document,
)
from textfix.rules import remove_page_furniture
from textfix.rules._counted_pages import MIN_TWO_PAGE_BLOCK_ROWS
from textfix.rules.remove_page_furniture import (
    MIN_PAGE_LINES,
    MIN_PAGE_SHARE,
    MIN_REPEATS,
    ZONE_LINES,
)

RULE = "remove_page_furniture"
ONLY = only(RULE)

# Measured over 100 generated documents per setting (seeds 0-99, see ``_measure``;
# documents of one page, or of two without form feeds, are out of scope):
#   with form feeds (pdftotext): precision 1.000, recall 1.000 (CJK and Latin);
#     every body character recovered in 100 % of documents; paragraphs recovered
#     exactly in 38 of 99 / 10 of 84 documents, the same documents as when the pages
#     carry no furniture (reflow's boundary model sets that rate);
#   without (pdfminer, PyMuPDF): precision 1.000, recall 1.000 / 0.995; a head with
#     no number stays when no page break falls inside a wrapped paragraph.
MIN_RECALL_MARKED = 1.0
# One Latin document of 165 repeats a generated headline at the foot of both its
# pages: indistinguishable from a running foot, and removed as one.
MIN_PRECISION = 0.995
MIN_RECALL_UNMARKED = 0.95
MIN_CHARACTERS_EXACT_MARKED = 0.98  # the ambiguous repeated headline above
MEASURED_DOCUMENTS = 100
MAX_EXACT_LOSS = 1  # documents
# Each example typesets a multi-page document: fewer examples keep each test ~3 s.
PAGE_EXAMPLES = 100


def _squash(text: str) -> str:
    return re.sub(r"[\s-]+", "", text)


def _is_subsequence(needle: str, haystack: str) -> bool:
    remaining = iter(haystack)
    return all(char in remaining for char in needle)


def _removed_lines(paged: PagedText) -> set[tuple[int, int]]:
    edits = [(e.start, e.end) for e in textfix.explain(paged.text, ONLY).edits]
    found = set()
    position = 0
    for line in paged.text.split("\n"):
        content = line.strip(" \t\f\u3000")
        if content:
            start = position + line.index(content)
            span = (start, start + len(content))
            if any(a <= span[0] and span[1] <= b for a, b in edits):
                found.add(span)
        position += len(line) + 1
    return found


def _in_scope(paged: PagedText, marked: bool) -> bool:
    return paged.pages >= (2 if marked else MIN_REPEATS)


@settings(max_examples=PAGE_EXAMPLES)
@given(paged_document(marked=True))
def test_furniture_between_form_feeds_is_removed_and_text_survives(document) -> None:
    paged, blocks = document
    assume(_in_scope(paged, marked=True))
    assert _removed_lines(paged) == set(paged.furniture)
    repaired = textfix.fix(paged.text)
    assert _squash(repaired) == _squash(expected(blocks))
    assert "\f" not in repaired


@settings(max_examples=PAGE_EXAMPLES)
@given(paged_document(marked=False))
def test_without_page_marks_only_furniture_is_removed(document) -> None:
    paged, blocks = document
    removed = _removed_lines(paged)
    assert removed <= set(paged.furniture)
    kept = _squash(textfix.fix(paged.text, ONLY))
    body = _squash(expected(blocks))
    assert _is_subsequence(body, kept), "every body character survives, in order"


@settings(max_examples=PAGE_EXAMPLES)
@given(head_block_pages())
def test_head_blocks_with_a_page_counter_are_removed(document) -> None:
    """PyMuPDF's layout: each page opens with its furniture, no separator between pages."""
    paged, blocks, block_rows = document
    removed = _removed_lines(paged)
    kept = _squash(textfix.fix(paged.text, ONLY))
    assert _is_subsequence(_squash(expected(blocks)), kept), "every body character survives"
    two_pages_enough = "\f" in paged.text or block_rows >= MIN_TWO_PAGE_BLOCK_ROWS
    if paged.pages >= MIN_REPEATS or (paged.pages == 2 and two_pages_enough):
        assert removed == set(paged.furniture)
    else:
        assert removed <= set(paged.furniture), "one page has no furniture to learn"


@given(numbered_sections_document())
def test_numbered_sections_inside_the_text_survive(document) -> None:
    text, lines = document
    assert textfix.fix(text, ONLY).split("\n")[:-1] == lines


@given(
    st.lists(latin_paragraph(), min_size=2 * MIN_PAGE_LINES, max_size=40, unique=True),
    st.integers(2, 4),
)
def test_numbered_captions_beside_a_page_foot_survive(paragraphs, count) -> None:
    """Pages that each end with a numbered caption over their foot (an editor line, a
    page number): ``Figure 1: …``, ``Figure 2: …`` count as the page number does, but
    captions differ in their words: only the foot goes."""
    size = len(paragraphs) // count
    lines, kept = [], []
    for number in range(count):
        body = paragraphs[number * size : (number + 1) * size]
        body.append(f"Figure {number + 1}: {body[0][:40].strip()}")
        lines += [*body, "Editor: Anna Reed", f"Page {number + 1}"]
        kept += body
    repaired = textfix.fix("\n".join(lines) + "\n", ONLY).split("\n")
    assert [line for line in repaired if line in kept] == kept


@given(repeated_line_document())
def test_repeated_content_lines_survive(document) -> None:
    text, lines = document
    pages = text.split("\f")
    zone_hits = 0
    for page in pages:
        rows = [row for row in page.split("\n") if row.strip()]
        edges = rows[:ZONE_LINES] + rows[-ZONE_LINES:]
        zone_hits += any(row in edges for row in (lines[0],))
    assume(len(pages) < 2 or zone_hits < MIN_PAGE_SHARE * len(pages))
    repaired = textfix.fix(text, ONLY)
    assert [row.strip("\f") for row in repaired.split("\n") if row.strip()] == lines


@settings(max_examples=PAGE_EXAMPLES)
@given(paged_document())
def test_repair_is_idempotent(document) -> None:
    paged, _ = document
    once = textfix.fix(paged.text, ONLY)
    assert textfix.fix(once, ONLY) == once
    full = textfix.fix(paged.text)
    assert textfix.fix(full) == full


@given(st.one_of(any_text, st.text(st.sampled_from("\f\n 12-第版页/Pagewww.c上一版甲乙"))))
def test_never_raises_and_edits_are_valid(text: str) -> None:
    repair = textfix.explain(text, ONLY)
    for edit in repair.edits:
        assert text[edit.start : edit.end] == edit.before
    assert textfix.fix(repair.text, ONLY) == repair.text


@settings(max_examples=PAGE_EXAMPLES)
@given(paged_document(marked=True))
def test_removed_furniture_is_reported_as_furniture_blocks(document) -> None:
    paged, _ = document
    assume(_in_scope(paged, marked=True))
    repair = textfix.explain(paged.text)
    furniture = [
        b for b in textfix.blocks.classify(repair, furniture=True) if b.type == "furniture"
    ]
    assert {(b.start, b.end) for b in furniture} == set(paged.furniture)
    removed = {i for piece in furniture for i in range(piece.start, piece.end)}
    for block in repair.blocks:
        # A paragraph running over a page break spans the furniture there.
        span = "".join(
            repair.original[i] for i in range(block.start, block.end) if i not in removed
        )
        assert _squash(span) == _squash(block.text)


def _measure(latin: bool, extractor: str) -> tuple[float, float, float, int, int, int]:
    """Precision and recall of removed lines; share of documents whose characters the
    whole pipeline recovers; documents whose paragraphs it recovers exactly, with the
    furniture and with the same pages printed without furniture; documents in scope."""
    true_positive = false_positive = false_negative = characters = documents = 0
    exact = exact_without_furniture = 0
    for seed in range(MEASURED_DOCUMENTS):
        rng = random.Random(seed)
        blocks = random_document(rng, latin) + random_document(rng, latin)
        layout = random_layout(rng, latin)
        layout = Layout(
            **{
                **layout.__dict__,
                "column_height": rng.randint(6, 20),
                "extractor": extractor,
                "stray_glyph_rate": 0.0,
                "paragraph_blank_rate": 0.0,
            }
        )
        furniture = random_furniture(rng, latin)
        state = rng.getstate()
        paged = extract_pages(blocks, layout, furniture, rng)
        if not _in_scope(paged, extractor == "pdftotext"):
            continue
        documents += 1
        gold, found = set(paged.furniture), _removed_lines(paged)
        true_positive += len(gold & found)
        false_positive += len(found - gold)
        false_negative += len(gold - found)
        repaired = textfix.fix(paged.text)
        characters += _squash(repaired) == _squash(expected(blocks))
        exact += repaired == expected(blocks)
        rng.setstate(state)
        plain = extract_pages(blocks, layout, None, rng)
        exact_without_furniture += textfix.fix(plain.text) == expected(blocks)
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    return precision, recall, characters / documents, exact, exact_without_furniture, documents


@pytest.mark.parametrize("extractor", ["pdftotext", "pdfminer", "pymupdf"])
@pytest.mark.parametrize("latin", [False, True], ids=["cjk", "latin"])
def test_precision_and_recall_on_generated_pages(latin: bool, extractor: str) -> None:
    precision, recall, characters, exact, exact_without_furniture, _ = _measure(latin, extractor)
    assert precision >= MIN_PRECISION
    if extractor == "pdftotext":
        assert recall >= MIN_RECALL_MARKED
        assert characters >= MIN_CHARACTERS_EXACT_MARKED
        # Removing furniture leaves reflow the page breaks it would see without any.
        assert exact >= exact_without_furniture - MAX_EXACT_LOSS
    else:
        assert recall >= MIN_RECALL_UNMARKED


@settings(max_examples=PAGE_EXAMPLES)
@given(bylined_pages())
def test_a_byline_repeated_under_headlines_survives(document) -> None:
    """Unless it stands at the edge of most pages, where it is a running head or foot."""
    paged, byline = document
    pages = paged.text.split("\f")
    at_edges = 0
    for page in pages:
        rows = [row.strip() for row in page.split("\n") if row.strip()]
        at_edges += byline in rows[:ZONE_LINES] + rows[-ZONE_LINES:]
    assume(at_edges < MIN_PAGE_SHARE * len(pages))
    lines = [row.strip(" \f") for row in textfix.fix(paged.text, ONLY).split("\n")]
    assert lines.count(byline) == paged.text.count(byline)


@settings(max_examples=PAGE_EXAMPLES)
@given(head_read_in_column_order())
def test_a_head_read_in_column_order_goes_like_the_heads_at_page_tops(document) -> None:
    """Tesseract reads a head printed above a later column inside the page, where the
    column starts mid-sentence: it goes, and the text is what it is with the head in place."""
    moved, in_place, head = document
    repaired = textfix.fix(moved, ONLY)
    assert head not in repaired
    assert _squash(repaired) == _squash(textfix.fix(in_place, ONLY))


@settings(max_examples=PAGE_EXAMPLES)
@given(feet_read_with_columns())
def test_a_foot_read_with_a_column_goes_and_a_word_it_split_is_whole(document) -> None:
    """In scope: the foot also closes two pages or more, half of them at least, where
    it is found as furniture; no headline repeats (one at two page edges is furniture
    by every sign, see ``MIN_PRECISION``)."""
    text, blocks, foot, inside = document
    assume(inside and text.count(foot) - inside >= 2)
    headlines = [block.text for block in blocks if block.standalone]
    assume(len(set(headlines)) == len(headlines))
    repaired = textfix.fix(text, ONLY)
    assert foot not in repaired
    for glued in re.finditer(rf"(\w+){re.escape(foot)}\n\n(\w+)", text):
        assert glued[1] + glued[2] in repaired, "the hyphenated word is whole again"
    assert _squash(repaired) == _squash(expected(blocks))
    assert textfix.fix(repaired, ONLY) == repaired


@pytest.mark.parametrize(
    ("line", "removed"),
    [("the email report reporting", ""), ("the email rereport reporting", "report reporting\n")],
)
def test_the_longest_foot_ending_a_line_decides_if_it_is_glued(line: str, removed: str) -> None:
    # Both feet end the line; set apart by a space, the longer one was printed there.
    text = f"port reporting\nreport reporting\n{line}\nwell-known council\n"
    doc = remove_page_furniture._Document(text)
    found = {doc.content[0]: "foot", doc.content[1]: "foot"}
    changes = list(remove_page_furniture._feet_glued_to_words(doc, found))
    assert "".join(text[change.start : change.end] for change in changes) == removed


@given(st.lists(cjk_paragraph(), min_size=2, max_size=5), st.integers(1, 400))
def test_a_page_number_under_found_furniture_is_at_the_page_break(
    bodies: list[str], first: int
) -> None:
    # The running head above the number is furniture: past it, the number is the
    # page's first line, and goes in the same pass (not in a second one).
    pages = [f"User’s guide\n\n{n}\n\n{body}\n" for n, body in enumerate(bodies, first)]
    doc = remove_page_furniture._Document("\f".join(pages))
    heads = {index: "head" for index in doc.content if doc.contents[index] == "User’s guide"}
    numbers = {index for index in doc.content if doc.contents[index].isdigit()}
    assert not numbers & set(remove_page_furniture._edge_page_numbers(doc))
    assert numbers <= set(remove_page_furniture._edge_page_numbers(doc, heads))


@pytest.mark.parametrize("narrow_width", [8, 6])
def test_pages_of_narrower_lines_are_pages_all_the_same(narrow_width: int) -> None:
    """Pages are compared by the text they hold, not by their lines: a page of four narrow
    columns read in turn holds two to four times the lines of a page of two (PyMuPDF's
    sorted text, once ``split_spaced_columns`` has read it)."""
    from tests.layouts import cjk_paragraph as make_paragraph

    rng = random.Random(7)
    pages = []
    for number in range(1, 5):
        body = "".join(make_paragraph(rng) for _ in range(12))[: 20 * 24]
        width = narrow_width if number % 2 else 24
        lines = [body[k : k + width] for k in range(0, len(body), width)]
        head = ["锡城日报 · 要闻", "2025年2月21日 星期五", f"A{number}"]
        pages.append("\n".join(head + lines))
    kept = textfix.fix("\n".join(pages) + "\n", ONLY)
    assert "锡城日报" not in kept and "星期五" not in kept
    assert not re.search(r"^A\d$", kept, re.M)

"""Building blocks of the benchmarks: metrics, baselines, inputs and the newspaper PDF builder.

The benchmark itself is run by ``python -m benchmarks --quick``; these tests check its parts
on small known inputs. PDF tests need the ``bench`` extra and a CJK font, and skip otherwise.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from benchmarks import main
from benchmarks._measure import make_input
from benchmarks.metrics import (
    artifact_counts,
    boundary_f1,
    cer,
    exact_paragraph_rate,
    false_change_rate,
    residual_artifacts,
)
from benchmarks.newspaper_pdf import NewspaperPdf, paragraphs_before_titles
from benchmarks.peers import naive_join
from benchmarks.speed import Measurement, is_linear
from benchmarks.texts import Article, english_paragraphs, tiled

# ---- metrics ----


def test_cer_is_edit_distance_over_gold_length() -> None:
    assert cer("本报讯", "本报讯") == 0.0
    assert cer("本报讯讯", "本报讯") == pytest.approx(1 / 3)
    assert cer("", "abcd") == 1.0
    assert cer("ab\ncd", "abcd") == pytest.approx(1 / 4)


def test_cer_of_empty_gold_is_zero_only_for_empty_output() -> None:
    assert cer("", "") == 0.0
    assert cer("x", "") == 1.0


def test_exact_paragraph_rate_counts_duplicates_once_each() -> None:
    gold = "甲\n乙\n甲"
    assert exact_paragraph_rate("甲\n乙\n甲", gold) == 1.0
    assert exact_paragraph_rate("甲\n乙", gold) == pytest.approx(2 / 3)
    assert exact_paragraph_rate("  甲  \n\n丙", gold) == pytest.approx(1 / 3)


def test_boundary_f1_is_perfect_for_the_gold_itself_and_zero_for_one_line() -> None:
    gold = "第一段。\n第二段。\n第三段。"
    assert boundary_f1(gold, gold) == 1.0
    assert boundary_f1("第一段。第二段。第三段。", gold) == 0.0


def test_boundary_f1_counts_a_hard_wrap_as_a_false_boundary() -> None:
    gold = "第一段文字。\n第二段。"
    wrapped = "第一段\n文字。\n第二段。"
    # predicted {3, 6}, expected {6}: precision 1/2, recall 1
    assert boundary_f1(wrapped, gold) == pytest.approx(2 / 3)


def test_boundary_f1_aligns_through_content_errors() -> None:
    gold = "第一段。\n第二段。"
    doubled = "第第一段。\n第二段。"  # one extra character before the boundary
    assert boundary_f1(doubled, gold) == 1.0


def test_artifact_counts_find_each_kind() -> None:
    counts = artifact_counts("22月月2020日日，，中 文, 字 extrac-\ntion ＡＢ")
    assert counts["doubled runs"] == 3  # 月月 日日 ，，
    assert counts["spaces between Han"] == 1  # 中 文 (文, 字 has a comma between)
    assert counts["wrong-width punctuation"] == 3  # 文, and Ａ Ｂ
    assert counts["line-break hyphens"] == 1


def test_residual_artifacts_do_not_count_what_the_gold_has() -> None:
    gold = "天天向上，常常见面。"
    assert residual_artifacts(gold, gold)["doubled runs"] == 0
    assert residual_artifacts("天天向上，常常见见面。", gold)["doubled runs"] == 1


def test_false_change_rate_reports_the_first_change() -> None:
    rate, example = false_change_rate(lambda t: t.replace("，", ","), ["中文，标点", "abc", "甲乙"])
    assert rate == pytest.approx(1 / 3)
    assert example == "中文，标点 → 中文,标点"
    assert false_change_rate(str, ["x"]) == (0.0, "")


# ---- baselines and inputs ----


def test_naive_join_joins_cjk_without_space_and_latin_with_one() -> None:
    assert naive_join("中文\n断行") == "中文断行"
    assert naive_join("plain\ntext") == "plain text"
    assert naive_join("一段\n\n  二段  \n") == "一段\n二段"


def test_tiled_reaches_the_byte_size_without_splitting_a_character() -> None:
    text = tiled(["月亮", "moon"], 1000)
    assert 997 <= len(text.encode("utf-8")) <= 1000
    assert text.startswith("月亮\nmoon\n月亮")


def test_distinct_tiles_keep_the_layout_but_repeat_no_line() -> None:
    unit = "市委书记杜小刚主持召开\n22月月2020日日，，座谈会。\nThe council met.\n"
    text = tiled([unit.rstrip("\n")], 3 * len(unit.encode("utf-8")), distinct=True)
    tiles = [text.split("\n")[n * 3 : n * 3 + 3] for n in range(3)]
    assert tiles[0] == unit.rstrip("\n").split("\n")
    for tile in tiles[1:]:
        assert [len(line) for line in tile] == [len(line) for line in tiles[0]]
        assert not set(tile) & set(tiles[0])
        assert tile[1][2] == tile[1][3] and tile[1][8] == tile[1][9] and "，，" in tile[1]


def test_adversarial_inputs_have_the_requested_size() -> None:
    assert make_input("empty lines", 5) == "\n" * 5
    assert make_input("月 only", 9) == "月月月"
    one_line = make_input("one line", 5000)
    assert "\n" not in one_line and len(one_line.encode("utf-8")) > 4990


def test_is_linear_accepts_proportional_time_and_rejects_quadratic() -> None:
    small = Measurement("textfix", "mixed", 1, seconds=1.0, bytes=1_000_000)
    linear = Measurement("textfix", "mixed", 4, seconds=4.2, bytes=4_000_000)
    quadratic = Measurement("textfix", "mixed", 4, seconds=16.0, bytes=4_000_000)
    assert is_linear(small, linear) is True
    assert is_linear(small, quadratic) is False
    assert is_linear(small, Measurement("textfix", "mixed", 4, status="timeout")) is None


def test_is_linear_does_not_judge_runs_too_brief_to_time() -> None:
    small = Measurement("textfix", "月 only", 1, seconds=0.001, bytes=250_000)
    large = Measurement("textfix", "月 only", 4, seconds=0.012, bytes=1_000_000)
    assert is_linear(small, large) is None


def test_english_prose_is_single_spaced_sentences() -> None:
    paragraphs = english_paragraphs()
    assert len(paragraphs) > 50
    assert all("  " not in p and "\n" not in p and p.endswith(".") for p in paragraphs)


def test_article_gold_puts_titles_where_they_are_drawn() -> None:
    article = Article("标题", "副题", "（记者）", ("正文一。", "正文二。"), "图片说明（摄）")
    assert article.gold_lines() == [
        "标题",
        "副题",
        "（记者）",
        "正文一。",
        "正文二。",
        "图片说明（摄）",
    ]
    assert article.gold_lines(titles_after=2)[:3] == ["正文一。", "正文二。", "标题"]
    assert article.gold_lines(titles_after=1)[:2] == ["正文一。", "标题"]


def test_scored_gold_keeps_titles_where_the_extractor_read_them() -> None:
    article = Article(
        "人工智能产业发展座谈会召开",
        "",
        "",
        ("本报讯 市委书记主持召开人工智能产业发展座谈会，听取企业意见。",),
        "",
    )
    built = NewspaperPdf(Path("x.pdf"), "", (), 1, (article,))
    headline = "人工智能产业发\n展座谈会召开\n"
    body = "本报讯 市委书记主持召开人工智\n能产业发展座谈会，听取企业意见。\n"
    titles_first, titles_last = headline + body, body + headline
    assert built.gold_as_read(titles_first).split("\n")[0] == article.headline
    assert built.gold_as_read(titles_last).split("\n")[-1] == article.headline
    # Compatibility forms (a font's ToUnicode map giving U+F98A for 力) do not hide a title.
    assert paragraphs_before_titles(article, titles_first.replace("力", "\uf98a")) == 0


def test_scored_gold_finds_paragraphs_whose_opening_another_column_interleaves() -> None:
    paragraph = "本报讯 市委书记主持召开人工智能产业发展座谈会，听取企业意见。"
    article = Article("人工智能产业发展座谈会召开", "", "", (paragraph,), "")
    # pdfplumber joins each line of this column with the line of the next column beside it:
    # the paragraph's 24-character anchor is cut by the other column's text.
    rows = (
        "本报讯 市委书记主持召开 加快成为现代产业新支柱\n"
        "人工智能产业发展座谈会 一要优化制度设计抓紧\n"
    )
    titles_first = "人工智能产业发展座谈会召开\n" + rows
    assert paragraphs_before_titles(article, titles_first) == 0
    assert paragraphs_before_titles(article, rows + "人工智能产业发展座谈会召开\n") == 1


def test_scored_gold_places_titles_between_the_paragraphs_read_around_them() -> None:
    opening = "An augmented assignment evaluates the target"
    earlier = Article("Earlier Story", "", "", (opening + " first.",), "")
    article = Article(
        "Later Story Headline", "", "", (opening + " again.", "Its second paragraph."), ""
    )
    built = NewspaperPdf(Path("x.pdf"), "", (), 1, (earlier, article))
    # The later article's first paragraph opens like the earlier one's, read further from
    # the headline than the later article is long: only its own opening counts.
    between = "Another story read in between the two.\n" * 10
    read = f"Earlier Story\n{opening} first.\n{between}Later Story Headline\n{opening} again.\n"
    assert paragraphs_before_titles(article, read + "Its second paragraph.\n") == 0
    # Titles read between two paragraphs (PyMuPDF, an article across pages) stay there.
    mid = f"{opening} again.\nLater Story Headline\nIts second paragraph.\n"
    assert paragraphs_before_titles(article, mid) == 1
    assert built.gold_as_read(mid).split("\n")[-2:] == [
        "Later Story Headline",
        "Its second paragraph.",
    ]


def test_scored_gold_splits_a_paragraph_the_titles_were_read_inside() -> None:
    first = "The default behavior for attribute access is to get, set, or delete the attribute."
    rest = "For instance, a lookup chain starts with the instance dictionary of the object."
    article = Article("The Attribute Is Interpreted", "", "By Anna Reed", (f"{first} {rest}",), "")
    built = NewspaperPdf(Path("x.pdf"), "", (), 1, (article,))
    # The paragraph runs on to the next page; the titles, drawn on the first page after
    # the body, are read between its two parts (the first part ends in a hyphenated word).
    wrapped = first.replace("attribute.", "attri-\nbute.")
    read = f"{wrapped}\nThe Attribute Is Interpreted\nBy Anna Reed\n{rest}\n"
    assert built.gold_as_read(read).split("\n") == [first, article.headline, "By Anna Reed", rest]
    assert article.gold_lines(titles_after=1, cut=len(first))[:2] == [first, article.headline]
    # A paragraph read whole before its titles is not split.
    whole = f"{first} {rest}\nThe Attribute Is Interpreted\nBy Anna Reed\n"
    assert built.gold_as_read(whole).split("\n")[0] == f"{first} {rest}"


def test_main_reports_usage_errors_with_exit_code_2(capsys) -> None:
    assert main(["--no-such-option"]) == 2
    assert main(["--help"]) == 0
    assert "--quick" in capsys.readouterr().out


# ---- the newspaper PDF builder ----


def _require_pdf_builder() -> None:
    if importlib.util.find_spec("pymupdf") is None:
        pytest.skip("PyMuPDF not installed: pip install -e '.[bench]'")
    from benchmarks.newspaper_pdf import find_cjk_font

    if find_cjk_font() is None:
        pytest.skip("no CJK font: run benchmarks/setup_system.sh")


_ARTICLES = (
    Article(
        "市委召开座谈会",
        "更好赋能新型工业化",
        "（本报记者 王明）",
        (
            "本报讯 2月18日，市委书记主持召开人工智能产业发展座谈会。" * 20,
            "他强调，要深入学习贯彻重要讲话精神，扎实有力推动人工智能健康发展。" * 30,
        ),
        "2月20日，两条挖泥船在运河进行疏浚作业。（还月亮 摄）",
    ),
    Article(
        "Assignment Statements",
        "Evaluate the expression list",
        "By Anna Reed",
        tuple(english_paragraphs()[:3]),
        "Figure 1: assignment in action.",
    ),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    _require_pdf_builder()
    from benchmarks.newspaper_pdf import Layout, build_newspaper_pdf

    path = tmp_path_factory.mktemp("pdf") / "paper.pdf"
    return build_newspaper_pdf(_ARTICLES, path, layout=Layout(columns=(4, 3)))


def _squeezed(text: str) -> str:
    """Whitespace removed; NFC undoes the compatibility ideographs (U+F9xx) that the font's
    ToUnicode map gives some glyphs (力 → U+F98A), an artifact the benchmark measures apart."""
    return unicodedata.normalize("NFC", "".join(text.split()))


def test_builder_gold_is_the_articles_one_paragraph_per_line(built) -> None:
    expected = [
        line
        for article in _ARTICLES
        for line in article.gold_lines(titles_after=len(article.paragraphs))
    ]
    assert built.gold.split("\n") == expected
    assert built.pages >= 2
    assert "A1" in built.furniture and "A2" in built.furniture


def test_builder_draws_every_paragraph_in_gold_order(built) -> None:
    import pymupdf

    with pymupdf.open(built.path) as doc:
        drawn = _squeezed("".join(page.get_text(sort=False) for page in doc))
    for furniture in set(built.furniture):
        drawn = drawn.replace(_squeezed(furniture), "")
    position = 0
    for paragraph in _ARTICLES[0].paragraphs:
        found = drawn.find(_squeezed(paragraph), position)
        assert found >= position, f"paragraph not drawn intact, in order: {paragraph[:20]}"
        position = found


def test_builder_draws_the_caption_runs_twice(built) -> None:
    import pymupdf

    with pymupdf.open(built.path) as doc:
        spans = ["".join(chr(c[0]) for c in s["chars"]) for p in doc for s in p.get_texttrace()]
    assert spans.count("两条挖泥船在运河进行疏浚作业") == 2
    assert spans.count("还月亮") == 2


def test_builder_spreads_word_spaces_no_wider_than_a_typesetter_would(built) -> None:
    import pymupdf

    from benchmarks.newspaper_pdf import MAX_SPACE_STRETCH, Layout

    size = Layout().body_size
    space = pymupdf.get_text_length(" ", fontsize=size)
    gaps = []
    with pymupdf.open(built.path) as doc:
        for page in doc:
            runs = page.get_texttrace()  # one per word drawn, in drawing order
            for before, after in zip(runs, runs[1:], strict=False):
                latin = all(chr(c[0]).isascii() for run in (before, after) for c in run["chars"])
                same_line = abs(before["bbox"][3] - after["bbox"][3]) < 0.5
                if latin and same_line and before["size"] == size:
                    gaps.append(after["bbox"][0] - before["bbox"][2])
    assert gaps, "the English article was drawn"
    assert max(gaps) <= MAX_SPACE_STRETCH * space + 0.5
    assert max(gaps) > 1.5 * space  # lines are still justified


def test_builder_breaks_lines_by_chinese_rules(built) -> None:
    import pymupdf

    from benchmarks.newspaper_pdf import NO_LINE_START

    with pymupdf.open(built.path) as doc:
        lines = [line for page in doc for line in page.get_text(sort=False).splitlines()]
    assert lines, "no text extracted"
    assert not [line for line in lines if line[:1] in NO_LINE_START]


def test_pdftotext_reads_the_built_pdf(built) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found: run benchmarks/setup_system.sh (poppler-utils)")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(built.path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    squeezed = _squeezed(text)
    for title in ("市委召开座谈会", "更好赋能新型工业化", "AssignmentStatements"):
        assert title in squeezed
    assert "本报讯2月18日，市委书记" in squeezed


# ---- report ----


def _rows(source: str, setting: str, raw_cer: float, fixed_cer: float) -> list:
    from benchmarks.accuracy import RAW, Row
    from benchmarks.metrics import Scores

    def scores(value: float) -> Scores:
        return Scores(cer=value, exact_paragraphs=0.5, boundary_f1=0.5, residual={})

    return [
        Row(source, setting, RAW, scores(raw_cer)),
        Row(source, setting, "textfix", scores(fixed_cer)),
    ]


def test_cer_target_is_judged_on_the_worst_pdf_sample() -> None:
    from benchmarks.accuracy import AccuracyResult
    from benchmarks.targets import targets

    result = AccuracyResult(
        rows=_rows("PDF zh", "pdftotext", 0.5, 0.05)
        + _rows("PDF zh", "PyMuPDF", 0.4, 0.2)
        + _rows("OCR zh", "clean", 0.5, 0.5)  # OCR samples do not count for this target
    )
    cer_target = targets(result, None)[0]
    assert cer_target.met is False
    assert "worst 50.0%" in cer_target.measured
    result.rows = _rows("PDF zh", "pdftotext", 0.5, 0.05) + _rows("OCR zh", "clean", 0.5, 0.5)
    assert targets(result, None)[0].met is True


def test_markdown_names_what_was_skipped_and_why() -> None:
    from benchmarks.accuracy import AccuracyResult
    from benchmarks.report import markdown

    result = AccuracyResult(skipped=["OCR: tesseract not found (apt-get install tesseract-ocr)"])
    text = markdown("quick", {"Python": "3.11"}, result, None, None)
    assert "## Skipped" in text
    assert "- OCR: tesseract not found (apt-get install tesseract-ocr)" in text
    assert "python -m benchmarks --quick" in text


# ---- the report PDF builder ----

# Running head left and right, footer, page number (``_Writer.new_page``).
_FURNITURE_PER_PAGE = 4


@pytest.fixture(scope="module")
def built_report(tmp_path_factory):
    _require_pdf_builder()
    from benchmarks.report_pdf import build_report_pdf, report_sections

    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    return build_report_pdf(report_sections(_ARTICLES[:1] * 3), path)


def test_report_builder_draws_every_gold_line_in_order(built_report) -> None:
    import pymupdf

    with pymupdf.open(built_report.path) as doc:
        drawn = _squeezed("".join(page.get_text(sort=False) for page in doc))
    # Each page's furniture is drawn as the page opens, inside a paragraph that runs over.
    furniture, per_page = built_report.furniture, _FURNITURE_PER_PAGE
    for page in range(0, len(furniture), per_page):
        drawn = drawn.replace(_squeezed("".join(furniture[page : page + per_page])), "", 1)
    position = 0
    for line in built_report.gold.split("\n"):
        found = drawn.find(_squeezed(line), position)
        assert found >= position, f"line not drawn intact, in order: {line[:20]}"
        position = found


def test_report_gold_holds_contents_headings_paragraphs_and_listings(built_report) -> None:
    from benchmarks.report_pdf import LISTING, SUBSECTIONS, TERMS

    gold = built_report.gold.split("\n")
    assert gold[0] == "目录"
    assert sum(line.endswith(" . 2") for line in gold) == 1 + len(SUBSECTIONS)
    assert sum(line in LISTING for line in gold) == 3 * len(LISTING)
    paragraphs = [line for line in gold if len(line) > 200]
    assert len(paragraphs) == 3 * len(_ARTICLES[0].paragraphs)
    assert all(any(term in paragraph for term in TERMS) for paragraph in paragraphs)
    assert built_report.pages >= 2

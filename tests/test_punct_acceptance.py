"""The examples of the punctuation, width and spacing issue, through ``textfix.fix``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import textfix

from .test_punct_properties import RULE_IDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PUNCT_RULES = set(RULE_IDS) - {"remove_space_beside_cjk_punct"}


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("你好,世界", "你好，世界"),
        ("3．14", "3.14"),
        ("ＡＩ２０２５年", "AI2025年"),
        ("１０．４％", "10.4%"),
        ("版本v1.2,发布", "版本v1.2，发布"),
        ('他说"你好"。', "他说“你好”。"),
        ("发展，，推动。。数字化、、网络化", "发展，推动。数字化、网络化"),
        ("真的吗？？太好了！！他说……好——吧", "真的吗？？太好了！！他说……好——吧"),
        ("人 工 智 能", "人工智能"),
        ("方案; 各板块", "方案；各板块"),
        ("深度求索 (DeepSeek) 全尺寸", "深度求索（DeepSeek）全尺寸"),
        ("意见》 《无锡市", "意见》《无锡市"),
    ],
)
def test_issue_example_is_repaired(broken: str, fixed: str) -> None:
    assert textfix.fix(broken) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "“无难事 悉心办”",
        "（还月亮 摄）",
        "本报讯 2月18日",
        "12:30, 3.14, 1,000",
        "见http://a.cn/x?y=1,2，发a@b.com，存C:\\dir，运行`code(x)`",
    ],
)
def test_issue_example_is_left_alone(clean: str) -> None:
    assert textfix.fix(clean) == clean


TESSERACT = (
    "近 年 来 , 我 市 牢 牢 把 握 数 字 化 、 网 络 化 、 智 能 化 发 展 机 遇 , "
    "扎 实 推 动 人 工 智 能 产 业 高 质 量 发 展\n"
    "细化制订本条线本领域具体工作方案; 各板块要立足资源禀赋, 因地制宜\n"
    "创环境下深度求索 (DeepSeek) 全尺寸模型部署\n"
    '《市政府关于建设"人工智能+"标杆城市的政策意见》 《无锡市支持人工智能产业人才发展的若干措施》\n'
    "同比增长１０．４％; 已建成智算中心１７个\n"
)
TESSERACT_REPAIRED = (
    "近年来，我市牢牢把握数字化、网络化、智能化发展机遇，扎实推动人工智能产业高质量发展\n"
    "细化制订本条线本领域具体工作方案；各板块要立足资源禀赋，因地制宜\n"
    "创环境下深度求索（DeepSeek）全尺寸模型部署\n"
    "《市政府关于建设“人工智能+”标杆城市的政策意见》《无锡市支持人工智能产业人才发展的若干措施》\n"
    "同比增长10.4%；已建成智算中心17个\n"
)


def test_tesseract_style_output_comes_out_clean() -> None:
    assert textfix.fix(TESSERACT) == TESSERACT_REPAIRED


@pytest.mark.parametrize("name", ["000.raw.txt", "004.raw.txt"])
def test_seed_raw_page_gets_no_punctuation_edits(name: str) -> None:
    """The seed pages' punctuation and spacing artifacts belong to other rules.

    Their only in-line spacing artifacts are spaces beside full-width brackets,
    which ``remove_space_beside_cjk_punct`` removes; the doubled marks of the
    fake-bold caption (``日日，，``) are overprint, left to ``undo_overprint``.
    """
    edits = textfix.explain((CORPUS / name).read_text(encoding="utf-8")).edits
    assert Counter(edit.rule for edit in edits if edit.rule in PUNCT_RULES) == Counter()

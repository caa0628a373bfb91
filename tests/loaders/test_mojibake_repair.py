"""GBK off-by-one mojibake of seed 004 is repaired where possible and masked where not."""

from __future__ import annotations

import pytest

from innograph.loaders.mojibake import MASK, repair_edits
from innograph.loaders.normalising import normalise
from innograph.model import SourceText


def _repaired(text: str) -> str:
    for edit in reversed(repair_edits(text)):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _shifted(text: str) -> str:
    """What a decoder one byte out of step makes of ``text``'s GBK bytes (the corruption itself)."""
    return text.encode("gbk")[1:].decode("gbk", errors="replace")


def test_mojibake_seed_004_quote_and_name_recovered(seeds):
    source, text = seeds["004"]
    assert "?!笔锌萍季窒嚓P(guān)" in source.text
    assert f"不断优化{MASK}”市科技局相关负责人介绍" in text.text
    for garbage in ("笔锌萍", "季窒嚓", "鄙鲜鲐", "〉脷", "nèi", "fù"):
        assert garbage not in text.text


def test_mojibake_seed_004_all_stretches(seeds):
    _, text = seeds["004"]
    assert f"我市国、省创新创业大赛成绩{MASK}得历史性突破" in text.text
    assert f"{MASK}”上述{MASK}责人介绍" in text.text
    assert f"成果转化项目落地{MASK}州" in text.text


def test_mojibake_seed_003_lost_characters_masked(seeds):
    _, text = seeds["003"]
    assert "jǐn" not in text.text and "jiǎng" not in text.text and "恿" not in text.text
    assert f"用以支持{MASK}{MASK}字经济时代产业创新集群发展" in text.text
    assert f"平台型企业是提升产业能级的重要{MASK}" in text.text


def test_mojibake_question_marks_that_are_questions_stay(seeds):
    _, text = seeds["004"]
    assert "推动产业科创名城建设?记者" in text.text
    assert "全市科技创新工作如何推进?“全市科技系统" in text.text


@pytest.mark.parametrize(
    "original",
    ["。”市科技局相關負責人介紹", "。”上述負責人介紹,我市將", "”蘇州工業園區管委會"],
)
def test_mojibake_made_by_the_slip_is_undone(original):
    # The slip loses the first byte (shown as "?"); full-width punctuation was folded to ASCII.
    corrupted = "化" + "?" + _shifted(original).replace("！", "!")
    repaired = _repaired(corrupted)
    assert repaired.startswith("化" + MASK)
    assert original[1:8] in repaired


def test_mojibake_ordinary_text_untouched():
    text = "今年是“实干争先年”,全市科技创新工作如何推进?“全市科技系统将全面实施五大工程?”他问。"
    assert repair_edits(text) == []


def test_mojibake_offsets_point_into_the_stretch(seeds):
    source, text = seeds["004"]
    start = text.text.index("市科技局相关")
    a, b = text.source_span(start, start + 6)
    assert source.text[a:b] == "笔锌萍季窒嚓"  # the six source characters that carried those bytes


def test_mojibake_in_normalise_keeps_mask_out_of_names():
    source = SourceText(
        path="m.txt",
        doc_id="0",
        text="优化?!笔锌萍季窒嚓P(guān)负责人介绍。",
        encoding="utf-8",
        media_type="text/plain",
    )
    assert normalise(source).text == f"优化{MASK}”市科技局相关负责人介绍。"


@pytest.mark.parametrize(
    ("corrupted", "original"),
    [
        # The slip began on a byte that made a valid character (no "?"): the letter that
        # brought the decoder back in step is swallowed into the last character ...
        ("企業,組織棇嵤└咝录夹g企業A認定計劃;", "企業,組織實施高新技術企業A認定計劃;"),
        ("時,通過“肮た品蛛x”,A推動有條件", "時,通過“工科分離”,A推動有條件"),
        # ... or stays visible after it.
        ("推動我市材牧匣瘜W工程國家A重點實驗室", "推動我市材料化學工程國家A重點實驗室"),
    ],
)
def test_mojibake_without_marker_repaired(corrupted, original):
    assert _repaired(corrupted) == original


def test_mojibake_without_marker_leaves_seeds_alone():
    from loader_corpus import seed_paths

    for path in seed_paths()[:3]:
        assert repair_edits(path.read_text(encoding="utf-8")) == []

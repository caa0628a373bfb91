"""Pinyin readings after Traditional characters go; other brackets stay."""

from __future__ import annotations

import pytest

from innograph.loaders.normalising import normalise
from innograph.loaders.pinyin import reading_spans
from innograph.model import SourceText


def _normalised(text: str) -> str:
    return normalise(SourceText(path="p.txt", doc_id="0", text=text, encoding="utf-8", media_type="text/plain")).text


def _without_readings(text: str) -> str:
    for start, end in reversed(reading_spans(text)):
        text = text[:start] + text[end:]
    return text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("當(dāng)前", "當前"),
        ("園區(qū)", "園區"),
        ("蘇州工業(yè)園區(qū)", "蘇州工業園區"),
        ("打造數(shù)字經(jīng)濟(jì)時(shí)代", "打造數字經濟時代"),
        ("綠(lǜ)色", "綠色"),
        ("他們(men)的", "他們的"),  # neutral tone after a character that t2s changes
    ],
)
def test_pinyin_reading_removed(raw, clean):
    assert _without_readings(raw) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "德國醫谷長三角(昆山)創新中心",
        "版權所有(C)本站",
        "局部〈N(12A)-a-01單元〉調整",
        "若干措施(2024-2026)",
        "控制性詳細規劃(修編)",
        "科技(de)",  # toneless, and 技 is the same in Simplified: not an annotation
        "CEO(ceo)",
        "(dāng)開頭",  # nothing before the bracket
    ],
)
def test_pinyin_other_brackets_kept(kept):
    assert _without_readings(kept) == kept


def test_pinyin_seed_003_breadcrumb_and_body(seeds):
    source, text = seeds["003"]
    assert "(dāng)" in source.text
    assert "dāng" not in text.text and "qū" not in text.text
    assert "苏州工业园区博世智改数转赋能中心" in text.text
    assert "国家第三代半导体技术创新中心" in text.text


def test_pinyin_full_width_brackets():
    assert _normalised("園區（qū）規劃") == "园区规划"

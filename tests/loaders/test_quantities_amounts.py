"""Amounts and counts with hedges, including forms cn2an cannot read alone."""

from __future__ import annotations

import pytest

from innograph.loaders.quantities import parse_number, sentence_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        ("动态投入超1000亿元专项资金", 1000e8, "元", "超"),
        ("子基金规模约120亿元", 120e8, "元", "约"),
        ("累计决策参股子基金41支", 41, "支", ""),
        ("金额4.8亿元", 4.8e8, "元", ""),
        ("总规模达1.2万亿元", 1.2e12, "元", ""),
        ("新增企业两千家", 2000, "家", ""),
        ("研发投入近50亿元", 50e8, "元", "近"),
        ("引进人才逾300名", 300, "名", "逾"),
        ("营收500亿元以上", 500e8, "元", "以上"),
        ("科研助理岗位完成率215%", 215, "%", ""),
        ("集聚科技创新型企业超万家", 1e4, "家", "超"),
        ("研发投入超千亿元", 1e11, "元", "超"),
    ],
)
def test_quantities_value_unit_hedge(text: str, value: float, unit: str, hedge: str) -> None:
    found = sentence_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert q.value == pytest.approx(value)
    assert (q.unit, q.hedge) == (unit, hedge)
    assert text[q.start : q.end] == q.text


def test_quantities_none_in_plain_text() -> None:
    assert sentence_quantities("园区将持续完善服务体系。") == []


def test_quantities_parse_number_rejects_non_numerals() -> None:
    assert parse_number("三十五") == 35
    assert parse_number("园区") is None

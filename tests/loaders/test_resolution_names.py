"""Canonical names, the document's subject and the ties names state."""

from __future__ import annotations

import pytest

from innograph.loaders.actors import sentence_candidates
from innograph.loaders.resolution import canonical_name, resolve


@pytest.mark.parametrize(
    ("surface", "type_", "name"),
    [
        ("2024年度省前沿技术研发计划项目", "Programme", "省前沿技术研发计划"),
        ("国家科学技术进步奖二等奖", "Programme", "国家科学技术进步奖"),
        ("第二十五届中国专利优秀奖", "Programme", "中国专利优秀奖"),
        ("2024年江苏省独角兽企业评估结果", "Programme", "江苏省独角兽企业评估"),
        ("扬州", "Region", "扬州市"),
        ("中科院", "Lab", "中科院"),
        ("“金凤凰人才计划”", "TalentProgramme", "金凤凰人才计划"),
    ],
)
def test_resolution_canonical_name(surface: str, type_: str, name: str) -> None:
    assert canonical_name(surface, type_) == name


def _resolve(sentences: list[str]):
    cands = []
    offset = 0
    for index, text in enumerate(sentences):
        for cand in sentence_candidates(text):
            cands.append((index, offset, cand))
        offset += len(text)
    return resolve(cands)


def test_resolution_subject_is_the_park_its_pronouns_name() -> None:
    result = _resolve(["南京江北新区:打造集成电路产业高地。", "园区引进台积电等龙头企业。", "园区将持续完善服务体系。"])
    assert result.subject == ("Park", "南京江北新区")
    assert "园区" in result.names[result.subject]


def test_resolution_park_prefix_owned_by_subject() -> None:
    result = _resolve(["苏州工业园区:科技创新再出发。", "园区管委会出资参股。"])
    assert ("Agency", "苏州工业园区管委会") in result.names
    assert (("Agency", "苏州工业园区管委会"), "PART_OF", ("Park", "苏州工业园区")) in {s[:3] for s in result.structural}


@pytest.mark.parametrize(
    ("sentence", "tie"),
    [
        ("复旦大学义乌研究院正式揭牌。", (("Lab", "复旦大学义乌研究院"), "PART_OF", ("University", "复旦大学"))),
        ("江宁开发区是江宁区的创新高地。", (("Park", "江宁开发区"), "PART_OF", ("Region", "江宁区"))),
        ("昆山高新区是昆山市的创新引擎。", (("Park", "昆山高新区"), "PART_OF", ("Region", "昆山市"))),
        ("海尔集团卡奥斯研究院成立。", (("Lab", "海尔集团卡奥斯研究院"), "PART_OF", ("Enterprise", "海尔集团"))),
    ],
)
def test_resolution_ties_stated_by_names(sentence: str, tie: tuple) -> None:
    result = _resolve([sentence])
    assert tie in {s[:3] for s in result.structural}
    assert tie[2] in result.names  # the implied parent becomes an actor


def test_resolution_region_inside_a_word_is_not_a_parent() -> None:
    result = _resolve(["胶州湾产业园加快建设。"])
    assert not [s for s in result.structural if s[1] == "PART_OF"]


def test_resolution_park_pronoun_never_names_a_city() -> None:
    result = _resolve(["扬州市科技创新工作会议召开。", "我市将支持园区建设。"])
    assert result.subject == ("Region", "扬州市")
    assert "我市" in result.names[result.subject]
    assert "园区" not in result.names[result.subject]

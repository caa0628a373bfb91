"""Ties read from hand-written sentences of the genre, through the real pipeline stages.

Each case is one or two sentences of the kind found in city work reports and innovation
news; the expected ties are what the annotation guide says the sentence states, and the
negative cases are sentences where nearest-actor linking would invent a tie.
"""

from __future__ import annotations

import hashlib

import pytest

from innograph.loaders.extraction import extract
from innograph.loaders.normalising import normalise
from innograph.loaders.sentences import split_sentences
from innograph.model import Batch, SourceText


def run(text: str) -> Batch:
    source = SourceText(
        path="case.txt",
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        encoding="utf-8",
        media_type="text/plain",
    )
    normalised = normalise(source)
    return extract(normalised, split_sentences(normalised))


def ties(batch: Batch) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in batch.actors.values()}
    return {(names[t.subject_id], t.predicate, names[t.object_id]) for t in batch.ties.values()}


CASES = [
    (
        "由中关村发展集团牵头成立的中关村前沿技术创新中心正式揭牌。",
        {("中关村发展集团", "LEADS", "中关村前沿技术创新中心")},
    ),
    (
        "南京大学、东南大学和南京市政府共建南京集成电路产业技术研究院。",
        {
            ("南京大学", "CO_BUILDS", "南京集成电路产业技术研究院"),
            ("东南大学", "CO_BUILDS", "南京集成电路产业技术研究院"),
            ("南京市政府", "CO_BUILDS", "南京集成电路产业技术研究院"),
        },
    ),
    (
        "重庆两江新区与重庆大学共建重庆大学两江协同创新中心。",
        {
            ("重庆两江新区", "CO_BUILDS", "重庆大学两江协同创新中心"),
            ("重庆大学", "CO_BUILDS", "重庆大学两江协同创新中心"),
            ("重庆大学两江协同创新中心", "PART_OF", "重庆大学"),
        },
    ),
    (
        "背靠深创投、国家中小企业发展基金等投资方，云鲸智能完成超3亿元B轮融资。",
        {("深创投", "FUNDS", "云鲸智能"), ("国家中小企业发展基金", "FUNDS", "云鲸智能")},
    ),
    ("中芯国际在北京经济技术开发区落地12英寸晶圆项目。", {("北京经济技术开发区", "HOSTS", "中芯国际")}),
    (
        "青岛市聚焦海洋经济、集成电路和新能源汽车等产业。",
        {("青岛市", "FOCUSES_ON", s) for s in ("海洋经济", "集成电路", "新能源汽车")},
    ),
    (
        "广州黄埔区企业小鹏汽车获评国家级专精特新“小巨人”企业。",
        {("黄埔区", "HOSTS", "小鹏汽车"), ("小鹏汽车", "SELECTED_BY", "专精特新小巨人")},
    ),
    (
        "沈阳市与中国科学院沈阳自动化研究所合作，推动机器人产业发展。",
        {("沈阳市", "COLLABORATES_WITH", "中国科学院沈阳自动化研究所"), ("沈阳市", "FOCUSES_ON", "机器人")},
    ),
    (
        "华为与重庆市人民政府签署合作协议，双方将联合建设华为(重庆)人工智能创新中心。",
        {
            ("华为", "CO_BUILDS", "华为(重庆)人工智能创新中心"),
            ("重庆市人民政府", "CO_BUILDS", "华为(重庆)人工智能创新中心"),
        },
    ),
    (
        "2023年，南京江北新区集成电路产业规模突破500亿元，台积电、紫光展锐等龙头企业相继落户。",
        {("南京江北新区", "HOSTS", "台积电"), ("南京江北新区", "HOSTS", "紫光展锐")},
    ),
    (
        "深圳市高效运作“天使母基金”“人才创新创业基金”，引导社会资本投早投小。",
        {("深圳市", "RUNS", "天使母基金"), ("深圳市", "RUNS", "人才创新创业基金")},
    ),
    ("东莞松山湖高新区管委会出台新政。", {("东莞松山湖高新区管委会", "PART_OF", "东莞松山湖高新区")}),
    ("被科技部火炬中心评为“优秀国家级孵化器”，启迪之星再获认可。", {("科技部火炬中心", "RUNS", "优秀国家级孵化器")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_ties_stated_by_the_sentence(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= ties(run(text))


def test_ties_work_plan_verbs_attach_to_the_documents_subject() -> None:
    text = "扬州市2024年科技创新工作要点\n1.深化与南京大学、东南大学的全面合作。\n2.高效运作扬州科创母基金。"
    found = ties(run(text))
    assert ("扬州市", "COLLABORATES_WITH", "南京大学") in found
    assert ("扬州市", "COLLABORATES_WITH", "东南大学") in found
    assert ("扬州市", "RUNS", "扬州科创母基金") in found


@pytest.mark.parametrize(
    "text",
    [
        "昆山市入选省级人才工程12名。",  # a place standing for unnamed winners is not selected
        "南京市统计局发布的数据显示，紫金山实验室成果显著。",  # no settling verb: no HOSTS
        "联合中兴通讯举办元宇宙产业发展论坛。",  # an event's topic is not a focus
    ],
)
def test_ties_not_invented_by_proximity(text: str) -> None:
    found = ties(run(text))
    assert not {t for t in found if t[1] in ("SELECTED_BY", "HOSTS", "FOCUSES_ON")}


def test_ties_respect_the_ontology() -> None:
    batch = run("生物医药产业与苏州实验室合作。园区企业人工智能获评优秀企业奖。")
    from innograph.ontology import load_ontology

    tie_types = load_ontology().tie_types
    types = {a.id: a.type for a in batch.actors.values()}
    for tie in batch.ties.values():
        assert tie_types[tie.predicate].allows(types[tie.subject_id], types[tie.object_id])


def test_ties_collaboration_is_stored_once() -> None:
    batch = run("南京大学与东南大学合作。东南大学与南京大学深化合作。")
    collab = [t for t in batch.ties.values() if t.predicate == "COLLABORATES_WITH"]
    assert len(collab) == 1
    assert len(collab[0].evidence) == 2

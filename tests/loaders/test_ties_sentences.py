"""Ties read from hand-written sentences of the genre, through the real pipeline stages.

Each case is one or two sentences of the kind found in city work reports and innovation
news; the expected ties are what the annotation guide says the sentence states, and the
negative cases are sentences where nearest-actor linking would invent a tie.
"""

from __future__ import annotations

import pytest
from sentence_extraction import run, ties

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


def test_ties_relative_clause_topic_invests() -> None:
    found = ties(
        run("由江宁开发区国资平台牵头成立的江宁开发区科创投资基金规模达50亿元，已投资长晶科技、芯德半导体等企业。")
    )
    assert ("江宁开发区国资平台", "LEADS", "江宁开发区科创投资基金") in found
    assert ("江宁开发区科创投资基金", "FUNDS", "长晶科技") in found
    assert ("江宁开发区科创投资基金", "FUNDS", "芯德半导体") in found


def test_ties_partners_named_after_lianhe_build_together() -> None:
    found = ties(run("青岛西海岸新区联合海尔集团、海信集团打造工业互联网创新中心。"))
    assert {
        ("青岛西海岸新区", "CO_BUILDS", "工业互联网创新中心"),
        ("海尔集团", "CO_BUILDS", "工业互联网创新中心"),
        ("海信集团", "CO_BUILDS", "工业互联网创新中心"),
    } <= found
    assert not {t for t in found if t[1] == "COLLABORATES_WITH"}


def test_ties_settling_in_the_zone_named_by_a_bare_zone_word() -> None:
    text = "青岛西海岸新区加快建设海洋科技高地\n中国海洋大学、哈尔滨工程大学青岛创新发展基地等高校院所相继在新区落地。"
    found = ties(run(text))
    assert ("青岛西海岸新区", "HOSTS", "中国海洋大学") in found
    assert ("青岛西海岸新区", "HOSTS", "哈尔滨工程大学青岛创新发展基地") in found
    assert ("哈尔滨工程大学青岛创新发展基地", "PART_OF", "哈尔滨工程大学") in found


def test_ties_county_work_plan_subject_from_its_title() -> None:
    text = (
        "沭阳县2024年科技创新工作要点\n1.深化与中国农业科学院的合作。\n"
        "2.深入实施“沭阳英才计划”。\n3.推动沭阳经济技术开发区加快发展。"
    )
    batch = run(text)
    found = ties(batch)
    assert ("沭阳县", "COLLABORATES_WITH", "中国农业科学院") in found
    assert ("沭阳县", "RUNS", "沭阳英才计划") in found
    assert ("沭阳经济技术开发区", "PART_OF", "沭阳县") in found
    assert batch.actors["TalentProgramme:沭阳英才计划"].type == "TalentProgramme"


def test_ties_zone_and_its_region_prefixed_form_are_one_actor() -> None:
    text = (
        "南京江宁开发区：打造创新高地\n江宁开发区聚焦智能电网、新能源汽车、绿色智能制造三大主导产业。\n"
        "开发区管委会出台新政。\n开发区将持续优化服务,助力江宁区发展。"
    )
    batch = run(text)
    parks = [a for a in batch.actors.values() if a.type == "Park"]
    assert [p.name for p in parks] == ["南京江宁开发区"]
    assert {"江宁开发区", "开发区"} <= parks[0].aliases
    found = ties(batch)
    assert {("南京江宁开发区", "FOCUSES_ON", s) for s in ("智能电网", "新能源汽车", "绿色智能制造")} <= found
    assert ("南京江宁开发区管委会", "PART_OF", "南京江宁开发区") in found
    assert ("南京江宁开发区", "PART_OF", "江宁区") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("华为南京研究所位于南京市雨花台区。", ("雨花台区", "HOSTS", "华为南京研究所")),
        ("南京市与华为签约，推动鲲鹏生态建设。", ("南京市", "COLLABORATES_WITH", "华为")),
    ],
)
def test_ties_location_and_signing(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in ties(run(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "由苏州市政府、元禾控股共同出资设立的苏州天使母基金规模达60亿元。",
            {("苏州市政府", "FUNDS", "苏州天使母基金"), ("元禾控股", "FUNDS", "苏州天使母基金")},
        ),
        ("中芯国际发起设立中芯聚源股权投资基金。", {("中芯国际", "LEADS", "中芯聚源股权投资基金")}),
        ("华虹宏力是华虹集团的全资子公司。", {("华虹宏力", "PART_OF", "华虹集团")}),
        ("云鲸智能获得深创投的支持。", {("深创投", "FUNDS", "云鲸智能")}),
        (
            "南京大学与紫金山实验室联合成立南京未来网络研究院。",
            {("南京大学", "CO_BUILDS", "南京未来网络研究院"), ("紫金山实验室", "CO_BUILDS", "南京未来网络研究院")},
        ),
    ],
)
def test_ties_funding_founding_and_groups(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= ties(run(text))

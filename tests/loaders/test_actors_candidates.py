"""Actor candidates in hand-written sentences of the genre: boundaries, types, generic rejections."""

from __future__ import annotations

import pytest

from innograph.loaders.actors import pick, sentence_candidates


def _names(text: str) -> dict[str, str]:
    return {c.surface: c.type for c in sentence_candidates(text) if c.rule != "actor.pronoun"}


@pytest.mark.parametrize(
    ("sentence", "name", "type_"),
    [
        ("加快推进南京集成电路产业技术研究院建设。", "南京集成电路产业技术研究院", "Lab"),
        ("重庆两江新区与重庆大学共建重庆大学两江协同创新中心。", "重庆大学两江协同创新中心", "Lab"),
        ("支持青岛西海岸新区打造海洋经济示范区。", "青岛西海岸新区", "Park"),
        ("东莞松山湖高新区管委会发布新政。", "东莞松山湖高新区管委会", "Agency"),
        ("深入实施“金凤凰人才计划”。", "金凤凰人才计划", "TalentProgramme"),
        ("依托“宁创融”平台提供融资服务。", "宁创融", "Platform"),
        ("台积电、紫光展锐等龙头企业相继落户。", "紫光展锐", "Enterprise"),
        ("北京市海淀区人民政府与清华大学签署战略合作协议。", "清华大学", "University"),
        ("联合航空工业成都所开展攻关。", "航空工业成都所", "Lab"),
    ],
)
def test_actors_named_with_their_left_edge(sentence: str, name: str, type_: str) -> None:
    assert _names(sentence).get(name) == type_


@pytest.mark.parametrize(
    "sentence",
    [
        "探索打造高能级创新平台。",
        "引导共建研发机构强化成果转化。",
        "支持龙头企业牵头组建创新联合体。",
        "这是一家创新型生物技术公司。",
        "形成“一区两中心”发展格局。",
        "举办第五届中国软件产业大会。",
        "实施“三个一批”工程。",
        "建设世界一流高科技园区。",
    ],
)
def test_actors_generic_mentions_are_rejected(sentence: str) -> None:
    assert _names(sentence) == {}


def test_actors_verb_never_starts_a_name() -> None:
    names = _names("共同勾勒出昆山高新区科技创新的壮美画卷。")
    assert names == {"昆山高新区": "Park"}


def test_actors_pronouns_are_candidates_without_type() -> None:
    cands = [c for c in sentence_candidates("园区将持续完善服务体系。") if c.rule == "actor.pronoun"]
    assert [(c.surface, c.type) for c in cands] == [("园区", "")]


def test_actors_pronoun_inside_a_name_is_not_separate() -> None:
    cands = sentence_candidates("园区管委会出资参股。")
    assert [c.surface for c in cands] == ["园区管委会"]


def test_actors_single_character_countries_only_in_a_list() -> None:
    assert set(_names("面向美、日、韩等国家开展合作。")) == {"美", "日", "韩"}
    assert _names("美好生活。") == {}


def test_actors_pick_prefers_the_longest_span() -> None:
    cands = sentence_candidates("复旦大学宁波研究院正式揭牌。")
    assert [c.surface for c in pick(cands)] == ["复旦大学宁波研究院"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("小鹏汽车、粤芯半导体等重大项目落户黄埔。", "小鹏汽车"),
        ("龙头企业宁德时代在宜宾投资建设动力电池基地。", "宁德时代"),
    ],
)
def test_actors_company_short_names(sentence: str, name: str) -> None:
    assert _names(sentence).get(name) == "Enterprise"


@pytest.mark.parametrize(
    "sentence", ["张三获全国劳动模范称号。", "面向美、日、韩等科技水平领先国家。", "为企业赋能科技创新。"]
)
def test_actors_no_company_from_persons_or_phrases(sentence: str) -> None:
    assert "Enterprise" not in _names(sentence).values()


def test_actors_two_zone_names_side_by_side_stay_two() -> None:
    names = _names("西部（重庆）科学城重庆高新区新增科技型企业420家。".replace("（", "(").replace("）", ")"))
    assert names.get("西部(重庆)科学城") == "Park"
    assert names.get("重庆高新区") == "Park"


def test_actors_projects_are_not_actors() -> None:
    names = _names("华润微电子12英寸功率半导体晶圆生产线项目总投资75.5亿元。")
    assert not [n for n in names if "项目" in n]


@pytest.mark.parametrize(
    "sentence", ["新增国家级科技企业孵化器3家。", "认定省级工程技术研究中心12家。", "聚焦三大新兴产业。"]
)
def test_actors_category_nouns_are_not_names(sentence: str) -> None:
    assert _names(sentence) == {}


def test_actors_single_sector_after_a_focus_verb() -> None:
    assert _names("重点发展海工装备产业，培育壮大低空经济。") == {"海工装备": "Industry", "低空经济": "Industry"}


def test_actors_yu_inside_an_institute_name_but_not_between_names() -> None:
    assert _names("引进中国科学院青岛生物能源与过程研究所。").get("中国科学院青岛生物能源与过程研究所") == "Lab"
    names = _names("苏州实验室与南京大学材料研究院合作。")
    assert names.get("苏州实验室") == "Lab" and names.get("南京大学材料研究院") == "Lab"


def test_actors_counted_list_types_its_items() -> None:
    names = _names("恒瑞医药、豪森药业、正大天晴3家企业入选。")
    assert {n: t for n, t in names.items() if t == "Enterprise"}.keys() >= {"豪森药业", "正大天晴"}


def test_actors_inside_a_policy_title_only_the_place_counts() -> None:
    names = _names("出台《南京江北新区关于支持集成电路产业园发展的若干措施》。")
    assert "南京江北新区" not in names and "集成电路产业园" not in names
    assert _names("《南京市促进科技成果转化条例》正式施行。") == {"南京市": "Region"}


def test_actors_task_force_named_by_the_fields_it_joins() -> None:
    names = _names("园区成立数字经济和数字化发展工作专班。")
    assert names.get("数字经济和数字化发展工作专班") == "Agency"


def test_actors_names_may_begin_with_shu_but_not_with_a_count() -> None:
    assert _names("数字江苏研究院揭牌。").get("数字江苏研究院") == "Lab"
    assert _names("三大产业园加快建设。") == {}


def test_actors_company_speaking_as_representative() -> None:
    assert _names("会上，天合光能作为企业代表发言。".replace("，", ",")).get("天合光能") == "Enterprise"


def test_actors_event_named_after_an_actor_is_not_the_actor() -> None:
    assert "中关村" not in _names("海淀区委书记在中关村论坛上表示。")
    assert _names("举办元宇宙产业发展论坛。").get("元宇宙") == "Industry"

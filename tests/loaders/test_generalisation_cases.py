"""General rules of the genre, each checked on sentences about places none of the rules were written from.

Every case is a failure seen on unseen documents, rewritten with other names and cities:
the rule must hold for the construction, not for the document it was found in.
"""

from __future__ import annotations

import pytest
from sentence_extraction import actors, run, ties


def test_time_word_before_a_zone_word_is_the_documents_zone() -> None:
    batch = run("合肥经开区召开科技创新大会。会议提出,明年开发区将围绕人工智能、新材料两大产业加快发展。")
    assert not any(name.startswith("明年") for _, name in actors(batch))
    assert {("合肥经开区", "FOCUSES_ON", "人工智能"), ("合肥经开区", "FOCUSES_ON", "新材料")} <= ties(batch)


def test_evidence_starts_at_the_stating_clause() -> None:
    text = "合肥经开区召开科技创新大会。会议提出,明年开发区将围绕人工智能、新材料两大产业加快发展。"
    batch = run(text)
    spans = [text[e.start : e.end] for t in batch.ties.values() if t.predicate == "FOCUSES_ON" for e in t.evidence]
    assert spans and all(span.startswith("明年开发区") for span in spans)


def test_evidence_of_an_intake_starts_after_the_time_word_comma() -> None:
    text = "成都天府国际生物城加快建设。据介绍,目前,天府国际生物城已引进四川大学华西医院研究院等研发机构。"
    batch = run(text)
    spans = [text[e.start : e.end] for t in batch.ties.values() if t.predicate == "HOSTS" for e in t.evidence]
    assert spans and all(span.startswith("天府国际生物城") for span in spans)


def test_a_park_named_by_its_tail_is_the_fuller_park() -> None:
    text = (
        "长沙高新区召开大会。去年,长沙高新区麓谷创新园新引进研发机构12家。"
        "湖南大学与长沙高新区合作共建的智能传感技术研究院落户麓谷创新园。"
    )
    batch = run(text)
    assert ("Park", "麓谷创新园") not in actors(batch)
    assert {
        ("长沙高新区麓谷创新园", "HOSTS", "智能传感技术研究院"),
        ("长沙高新区麓谷创新园", "PART_OF", "长沙高新区"),
        ("湖南大学", "CO_BUILDS", "智能传感技术研究院"),
        ("长沙高新区", "CO_BUILDS", "智能传感技术研究院"),
    } <= ties(batch)


def test_a_tail_the_document_writes_out_joins_its_park() -> None:
    batch = run("西安高新区大力建设丝路科学城创新区。目前,科学城创新区已引进西北大学先进材料研究院。")
    names = {name for type_, name in actors(batch) if type_ == "Park"}
    assert "科学城创新区" not in names


def test_a_verb_that_names_a_technique_stays_in_the_name() -> None:
    batch = run("清华大学与无锡市合作共建的激光焊接技术研究院落户无锡。")
    assert ("Lab", "激光焊接技术研究院") in actors(batch)


def test_a_field_verb_before_the_type_word_stays_in_the_name() -> None:
    batch = run("由浙江大学牵头组建的杭州城西智能计算创新中心正式投运。")
    assert ("浙江大学", "LEADS", "杭州城西智能计算创新中心") in ties(batch)


def test_a_bare_verb_and_type_word_is_no_name() -> None:
    assert ("Park", "国家赋予开发区") not in actors(run("南京江宁开发区积极承接国家赋予开发区的改革任务。"))
    assert not {name for _, name in actors(run("我市将加快建设创新中心,全力打造研究院。"))} & {
        "建设创新中心",
        "打造研究院",
    }


def test_joint_lab_keeps_its_joint_word() -> None:
    batch = run("比亚迪联合深圳大学共建新能源汽车联合实验室。")
    assert ("Lab", "新能源汽车联合实验室") in actors(batch)
    assert {("比亚迪", "CO_BUILDS", "新能源汽车联合实验室"), ("深圳大学", "CO_BUILDS", "新能源汽车联合实验室")} <= ties(
        batch
    )


def test_joint_initiators_lead_the_fund_and_it_invests_in_the_next_clause() -> None:
    text = (
        "广州开发区资本持续发力。广州开发区产业投资集团联合深创投发起设立规模20亿元的生物医药产业基金,"
        "已投资百济神州、康方生物等项目。"
    )
    batch = run(text)
    assert ("Fund", "广州开发区产业投资集团") in actors(batch)
    found = ties(batch)
    assert {
        ("广州开发区产业投资集团", "LEADS", "生物医药产业基金"),
        ("深创投", "LEADS", "生物医药产业基金"),
        ("生物医药产业基金", "FUNDS", "百济神州"),
        ("生物医药产业基金", "FUNDS", "康方生物"),
    } <= found
    assert not any(p == "COLLABORATES_WITH" for _, p, _ in found)
    assert not any(p == "RUNS" and o == "生物医药产业基金" for _, p, o in found)


def test_a_place_word_inside_a_known_company_gives_way_in_a_list() -> None:
    text = "江北新区企业南京诺唯赞获评高新技术企业。江北产业基金已投资南京诺唯赞、芯华科技等项目。"
    batch = run(text)
    assert ("江北产业基金", "FUNDS", "南京诺唯赞") in ties(batch)
    assert ("Region", "南京市") not in actors(batch)  # named only inside the company's name


def test_quoted_slogan_before_a_talent_scheme_word_is_a_talent_programme() -> None:
    batch = run("人才方面,开发区深入实施“筑梦南沙”人才计划,全年引进高层次人才团队40个。")
    assert ("TalentProgramme", "筑梦南沙人才计划") in actors(batch)


def test_the_list_one_enters_is_a_programme() -> None:
    batch = run("苏州高新区企业华兴源创入选江苏省瞪羚企业名单,国芯科技入选国家级智能制造示范工厂。")
    found = ties(batch)
    assert ("华兴源创", "SELECTED_BY", "江苏省瞪羚企业") in found
    assert ("国芯科技", "SELECTED_BY", "国家级智能制造示范工厂") in found
    assert ("Region", "江苏省") not in actors(batch)


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "2.支持重庆大学、西南大学建设高水平创新平台,与长安汽车共建智能网联汽车技术创新中心。",
            {
                ("重庆大学", "CO_BUILDS", "智能网联汽车技术创新中心"),
                ("西南大学", "CO_BUILDS", "智能网联汽车技术创新中心"),
                ("长安汽车", "CO_BUILDS", "智能网联汽车技术创新中心"),
            },
            set(),
        ),
        (
            "成都市2024年科技工作要点。4.推动成都高新区聚焦集成电路、生物医药等产业,打造特色产业集群。",
            {("成都高新区", "FOCUSES_ON", "集成电路"), ("成都高新区", "FOCUSES_ON", "生物医药")},
            {("成都市", "FOCUSES_ON", "集成电路")},
        ),
    ],
)
def test_the_actor_a_causative_verb_governs_is_the_agent(
    text: str, expected: set[tuple[str, str, str]], wrong: set[tuple[str, str, str]]
) -> None:
    found = ties(run(text))
    assert expected <= found
    assert not (wrong & found)


def test_a_region_only_implied_by_a_zones_name_is_not_an_actor() -> None:
    batch = run("成都天府新区聚焦人工智能产业。天府新区将持续优化营商环境。")
    assert ("Region", "成都市") not in actors(batch)
    named = run("成都天府新区聚焦人工智能产业。成都市支持天府新区优化营商环境。")
    assert ("成都天府新区", "PART_OF", "成都市") in ties(named)


def test_a_body_named_with_a_bare_province_word_is_the_named_provinces() -> None:
    batch = run("浙江省科技厅召开会议。温州市与省科技信息研究院签署合作协议,入选省重点研发计划。")
    names = {name for _, name in actors(batch)}
    assert "浙江省科技信息研究院" in names
    assert "省科技信息研究院" not in names


def test_a_carrier_an_organisation_names_after_itself_is_its_lab() -> None:
    batch = run("西安高新区大力建设丝路科学城。目前,丝路科学城已引进哈尔滨工程大学西安科创中心。")
    assert ("Lab", "哈尔滨工程大学西安科创中心") in actors(batch)
    assert ("哈尔滨工程大学西安科创中心", "PART_OF", "哈尔滨工程大学") in ties(batch)


def test_a_known_company_and_a_trade_word_is_the_company_itself() -> None:
    batch = run("比亚迪汽车入选国家级智能制造示范工厂。")
    assert ("比亚迪汽车", "SELECTED_BY", "国家级智能制造示范工厂") in ties(batch)
    assert not any(p == "PART_OF" for _, p, _ in ties(batch))


def test_a_lab_the_place_is_building_is_hosted_there() -> None:
    batch = run("济南市将加快建设泉城实验室,推动山东大学与浪潮集团协同发展。")
    assert ("济南市", "HOSTS", "泉城实验室") in ties(batch)


def test_evidence_of_a_partnership_starts_at_its_subject() -> None:
    text = "温州市与浙江大学签署战略合作协议。"
    batch = run(text)
    spans = [text[e.start : e.end] for t in batch.ties.values() for e in t.evidence]
    assert spans and all(span.startswith("温州市") for span in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("由深创投发起设立的坪山新兴产业基金规模达30亿元。", {("深创投", "LEADS", "坪山新兴产业基金")}),
        (
            "商汤科技联合上海交通大学成立人工智能联合研究院。",
            {("商汤科技", "CO_BUILDS", "人工智能联合研究院"), ("上海交通大学", "CO_BUILDS", "人工智能联合研究院")},
        ),
        (
            "苏州市科技局会同苏州大学组建苏州先进技术研究院。",
            {("苏州市科技局", "CO_BUILDS", "苏州先进技术研究院"), ("苏州大学", "CO_BUILDS", "苏州先进技术研究院")},
        ),
        (
            "芯原微电子完成新一轮融资,由国投创业领投,元禾控股跟投。",
            {("国投创业", "FUNDS", "芯原微电子"), ("元禾控股", "FUNDS", "芯原微电子")},
        ),
    ],
)
def test_founding_building_and_funding_frames(text: str, expected: set[tuple[str, str, str]]) -> None:
    found = ties(run(text))
    assert expected <= found
    assert not any(p == "COLLABORATES_WITH" for _, p, _ in found)  # a joint act is not a standing partnership


def test_a_zones_core_name_is_the_zone() -> None:
    batch = run("华为与东莞松山湖高新区签约,华为终端总部将在松山湖落户。")
    assert ("Park", "松山湖") not in actors(batch)
    assert ("东莞松山湖高新区", "HOSTS", "华为") in ties(batch)


def test_a_counted_description_is_no_name() -> None:
    batch = run("北京怀柔科学城建设提速。怀柔科学城已集聚29个科学设施平台。")
    assert ("Platform", "科学设施平台") not in actors(batch)


def test_both_parties_build_a_third_thing_not_one_another() -> None:
    found = ties(run("青岛市政府与中国科学院签署战略合作协议,双方将共建中国科学院青岛科教园。"))
    assert ("青岛市政府", "CO_BUILDS", "中国科学院青岛科教园") in found
    assert ("青岛市政府", "CO_BUILDS", "中国科学院") not in found


def test_a_level_led_platform_one_is_selected_into_is_a_title() -> None:
    found = ties(run("海尔卡奥斯工业互联网平台入选国家级跨行业跨领域工业互联网平台。"))
    assert ("海尔卡奥斯工业互联网平台", "SELECTED_BY", "国家级跨行业跨领域工业互联网平台") in found


def test_a_scheme_needs_more_than_a_verb() -> None:
    named = run("3.实施专精特新企业倍增计划,全年新增专精特新企业200家。")
    assert ("Programme", "专精特新企业倍增计划") in actors(named)
    bare = run("深入实施中小企业、专精特新企业“倍增计划”。")
    assert ("Programme", "倍增计划") not in actors(bare)


def test_a_branch_institute_is_part_of_its_institute() -> None:
    text = "近年来,即墨区引进中国科学院青岛生物能源与过程研究所即墨分所、北京航空航天大学青岛研究院等平台。"
    found = ties(run(text))
    branch = "中国科学院青岛生物能源与过程研究所即墨分所"
    assert (branch, "PART_OF", "中国科学院青岛生物能源与过程研究所") in found
    assert {("即墨区", "HOSTS", branch), ("即墨区", "HOSTS", "北京航空航天大学青岛研究院")} <= found


def test_a_sector_list_after_a_time_clause_starts_at_its_focus_verb() -> None:
    batch = run("即墨区召开大会。今年,区里将聚焦海洋装备、新能源汽车两大产业。")
    assert {("Industry", "海洋装备"), ("Industry", "新能源汽车")} <= actors(batch)


def test_a_knowledge_city_is_a_zone_and_its_university_institute_a_lab() -> None:
    text = "中新广州知识城与华南理工大学签署战略合作框架协议,双方将共同建设华南理工大学知识城研究院。"
    batch = run(text)
    assert {("Park", "中新广州知识城"), ("Lab", "华南理工大学知识城研究院")} <= actors(batch)
    assert ("华南理工大学", "CO_BUILDS", "华南理工大学知识城研究院") in ties(batch)


def test_funders_named_after_the_topic_fund_the_topic() -> None:
    text = "重庆市与清华大学签署合作协议。清华大学重庆研究院落户两江新区,由清华大学与重庆市共同出资建设。"
    found = ties(run(text))
    assert {("清华大学", "FUNDS", "清华大学重庆研究院"), ("重庆市", "FUNDS", "清华大学重庆研究院")} <= found

"""Families of phrasing common in Chinese innovation news, each checked with names no rule was written from."""

from __future__ import annotations

from sentence_extraction import actors, run, ties


def test_an_agency_named_after_a_region_the_text_names_is_part_of_it() -> None:
    found = ties(run("江西省科学技术厅近日印发通知。江西省将加快建设创新平台。"))
    assert ("江西省科学技术厅", "PART_OF", "江西省") in found


def test_explicit_belonging_is_part_of() -> None:
    found = ties(run("隶属于广东省科学院的广东省智能制造研究所近日发布新成果。"))
    assert ("广东省智能制造研究所", "PART_OF", "广东省科学院") in found
    found = ties(run("苏州高新区下辖浒墅关经开区、苏州科技城等片区。"))
    assert ("浒墅关经开区", "PART_OF", "苏州高新区") in found
    found = ties(run("成都天府软件园是成都高新区的核心板块。"))
    assert ("成都天府软件园", "PART_OF", "成都高新区") in found
    found = ties(run("作为宁波高新区的核心片区,宁波新材料科技城已集聚研发机构50余家。"))
    assert ("宁波新材料科技城", "PART_OF", "宁波高新区") in found


def test_who_manages_or_publishes_runs() -> None:
    found = ties(run("深圳市科技创新局管理的深圳天使投资引导基金今年新投项目30个。"))
    assert ("深圳市科技创新局", "RUNS", "深圳天使投资引导基金") in found
    found = ties(run("浙江省科学技术厅公布2025年度浙江省未来工厂名单。"))
    assert ("浙江省科学技术厅", "RUNS", "浙江省未来工厂") in found
    found = ties(run("宁波市天使投资引导基金规模10亿元,基金管理人为宁波通商投资管理有限公司。"))
    assert ("宁波通商投资管理有限公司", "RUNS", "宁波市天使投资引导基金") in found


def test_funders_of_a_fund_named_before_or_set_up_after() -> None:
    found = ties(run("江苏省战略性新兴产业母基金由江苏省财政厅、江苏金财投资有限公司和南京市共同出资。"))
    assert {
        ("江苏省财政厅", "FUNDS", "江苏省战略性新兴产业母基金"),
        ("南京市", "FUNDS", "江苏省战略性新兴产业母基金"),
    } <= found
    found = ties(run("杭州市产业投资有限公司与杭州高新区共同出资设立规模30亿元的杭州高新科创基金。"))
    assert {
        ("杭州市产业投资有限公司", "FUNDS", "杭州高新科创基金"),
        ("杭州高新区", "FUNDS", "杭州高新科创基金"),
    } <= found


def test_a_place_that_gathers_named_companies_hosts_them() -> None:
    found = ties(run("目前,武汉东湖高新区已集聚长飞光纤、华工科技等一批龙头企业。"))
    assert {("武汉东湖高新区", "HOSTS", "长飞光纤"), ("武汉东湖高新区", "HOSTS", "华工科技")} <= found


def test_cooperation_with_a_list_of_kinds_of_partnership() -> None:
    found = ties(run("吉林省将深化与中国科学院、清华大学等的院地、校地合作。"))
    assert {("吉林省", "COLLABORATES_WITH", "中国科学院"), ("吉林省", "COLLABORATES_WITH", "清华大学")} <= found


def test_a_kind_of_investment_belongs_to_the_funds_name() -> None:
    batch = run("重庆市设立重庆天使投资引导基金和重庆股权投资基金。")
    names = {name for type_, name in actors(batch) if type_ == "Fund"}
    assert {"重庆天使投资引导基金", "重庆股权投资基金"} <= names


def test_this_fund_or_company_is_the_last_one_named() -> None:
    text = "南京市设立南京创新投资基金,规模20亿元。该基金已投资南京芯视界科技有限公司。"
    assert ("南京创新投资基金", "FUNDS", "南京芯视界科技有限公司") in ties(run(text))


def test_investors_leading_a_round_fund_the_company_the_clause_is_about() -> None:
    text = "杭州云深处科技有限公司专注四足机器人,早前获杭州科创基金联同启明创投领投天使轮融资。"
    found = ties(run(text))
    assert {
        ("杭州科创基金", "FUNDS", "杭州云深处科技有限公司"),
        ("启明创投", "FUNDS", "杭州云深处科技有限公司"),
    } <= found


def test_a_company_that_invests_or_manages_a_fund_is_a_fund() -> None:
    batch = run("安徽省种子投资基金由安徽省投资集团控股有限公司和合肥市共同出资。")
    assert ("Fund", "安徽省投资集团控股有限公司") in actors(batch)


def test_what_a_fund_invests_in_is_its_focus_not_the_speakers() -> None:
    text = "四川省设立总规模50亿元的四川省科技成果转化投资基金,重点投向生物医药、人工智能等领域。"
    found = ties(run(text))
    assert ("四川省科技成果转化投资基金", "FOCUSES_ON", "生物医药") in found
    assert ("四川省", "FOCUSES_ON", "生物医药") not in found


def test_a_place_the_dictionary_tags_as_an_adverb_still_opens_a_company_name() -> None:
    batch = run("大连华锐储能技术有限公司获评国家技术创新示范企业。")
    assert ("Enterprise", "大连华锐储能技术有限公司") in actors(batch)


def test_a_zones_description_before_a_company_is_no_part_of_its_name() -> None:
    batch = run("苏州工业园区召开大会。园区企业苏州信达生物制药有限公司宣布完成新一轮融资。")
    assert ("Enterprise", "苏州信达生物制药有限公司") in actors(batch)
    assert ("苏州工业园区", "HOSTS", "苏州信达生物制药有限公司") in ties(batch)

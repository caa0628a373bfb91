"""Phrasings of the genre met on unseen documents, each checked with other names and places.

Every case states a construction of Chinese (a bracketed short form, a funding round, a
resultative verb before a name), written about actors none of the rules were taken from.
"""

from __future__ import annotations

from sentence_extraction import actors, run, ties


def test_a_bracketed_short_form_is_the_full_name_everywhere() -> None:
    batch = run(
        "浙江省科学技术委员会(浙科委)今天表示,杭州未来科技城(未科城)新引进企业20家。"
        "隶属浙科委的未科城管理局指出,园区运行良好。"
    )
    names = actors(batch)
    assert {("Agency", "浙江省科学技术委员会"), ("Park", "杭州未来科技城"), ("Agency", "杭州未来科技城管理局")} <= names
    assert not {n for _, n in names} & {"浙科委", "未科城", "未科城管理局"}


def test_a_name_cut_by_a_conjunction_is_read_back_from_its_short_form() -> None:
    batch = run("上海市经济及信息化委员会(上海经信委)今天公布名单。")
    assert ("Agency", "上海市经济及信息化委员会") in actors(batch)


def test_an_investment_company_keeps_its_company_form_and_is_a_fund() -> None:
    batch = run("苏州市天使投资有限公司旗下管理苏州市种子投资基金、苏州市科创投资基金等多只基金。")
    assert ("Fund", "苏州市天使投资有限公司") in actors(batch)
    assert ("苏州市天使投资有限公司", "RUNS", "苏州市种子投资基金") in ties(batch)


def test_a_registered_company_form_is_not_a_branch_of_its_group() -> None:
    batch = run("山东重工集团有限公司牵头组建研究院。")
    assert ("Enterprise", "山东重工集团") not in actors(batch)


def test_verbs_and_ordinals_glued_on_the_left_are_no_part_of_a_name() -> None:
    names = {n for _, n in actors(run("三是建强创新平台。用好成都高新区人才服务中心。我代表成都高新区管委会讲话。"))}
    assert "成都高新区人才服务中心" in names and "成都高新区管委会" in names
    assert not any(n.startswith(("三是", "好", "代表")) for n in names)


def test_a_university_short_form_and_a_trade_word_is_a_company() -> None:
    batch = run("华工科技与深圳大学共建激光实验室。")
    assert ("Enterprise", "华工科技") in actors(batch)
    assert ("University", "华工") not in actors(batch)


def test_investors_of_a_round_fund_the_company_that_raised_it() -> None:
    batch = run("去年,苏州工业园区科创基金领投了半导体初创企业芯联微电的B轮融资,苏州市天使投资基金跟投。")
    assert {("苏州工业园区科创基金", "FUNDS", "芯联微电"), ("苏州市天使投资基金", "FUNDS", "芯联微电")} <= ties(batch)


def test_a_round_in_taiwanese_usage_funds_the_startup_not_the_park() -> None:
    batch = run("台南科學園區也傳出好消息。行政院開發基金(開發基金)今年領投台南園區新創公司晶采光電的A輪募資。")
    assert ("行政院开发基金", "FUNDS", "晶采光电") in ties(batch)
    assert not any(p == "FUNDS" and o == "台南科学园区" for _, p, o in ties(batch))


def test_jointly_set_up_with_is_a_co_build_not_a_collaboration_or_a_run() -> None:
    batch = run("国立成功大学与南科管理局合作设立的「南科创新育成中心」今天揭牌。")
    found = ties(batch)
    assert ("国立成功大学", "CO_BUILDS", "南科创新育成中心") in found
    assert not {p for _, p, _ in found} & {"COLLABORATES_WITH", "RUNS"}


def test_a_leader_with_a_partner_clause_leads_what_is_built() -> None:
    batch = run("由浙江大学牵头、联合杭州高新区共同建设的杭州生命科学未来产业科技园正式揭牌。")
    assert ("浙江大学", "LEADS", "杭州生命科学未来产业科技园") in ties(batch)


def test_an_initiator_leads_through_a_description_of_what_it_set_up() -> None:
    batch = run("由中国科学院长春光学精密机械与物理研究所发起设立的硬科技投资机构吉林光机基金,已投资企业50家。")
    assert ("中国科学院长春光学精密机械与物理研究所", "LEADS", "吉林光机基金") in ties(batch)


def test_the_body_a_centre_is_built_on_leads_it() -> None:
    batch = run("依托四川大学组建的成都生物治疗国家研究中心取得一批成果。")
    assert ("四川大学", "LEADS", "成都生物治疗国家研究中心") in ties(batch)
    batch = run("加快推进电子科技大学牵头组建的四川省集成电路创新中心建设。")
    assert ("电子科技大学", "LEADS", "四川省集成电路创新中心") in ties(batch)


def test_a_founder_that_puts_up_the_money_funds_and_leads() -> None:
    batch = run("长沙产业投资有限公司出资设立规模30亿元的长沙智能制造产业基金。")
    assert {
        ("长沙产业投资有限公司", "FUNDS", "长沙智能制造产业基金"),
        ("长沙产业投资有限公司", "LEADS", "长沙智能制造产业基金"),
    } <= ties(batch)
    assert not any(p == "RUNS" for _, p, _ in ties(batch))


def test_a_management_committee_issuing_a_report_makes_its_park_the_subject() -> None:
    batch = run(
        "成都高新区管委会2024年工作报告\n"
        "为成都市建设国家中心城市贡献力量。\n"
        "一是做强主导产业。围绕电子信息、生物医药两大主导产业精准招商。\n"
        "二是壮大创新主体。深入实施科技型企业“领航计划”。"
    )
    found = ties(batch)
    assert {("成都高新区", "FOCUSES_ON", "电子信息"), ("成都高新区", "RUNS", "领航计划")} <= found
    assert not any(s == "成都市" for s, _, _ in found)


def test_what_is_run_is_the_head_of_a_relative_clause_not_its_funders() -> None:
    batch = run(
        "成都高新区召开会议。"
        "用好由成都高新区创业投资基金与四川省成果转化引导基金共同出资的成都高新生物产业基金。"
    )
    found = ties(batch)
    assert ("成都高新区", "RUNS", "成都高新生物产业基金") in found
    assert ("成都高新区", "RUNS", "四川省成果转化引导基金") not in found
    assert ("成都高新区创业投资基金", "FUNDS", "成都高新生物产业基金") in found


def test_companies_rooted_here_or_listed_as_newcomers_are_hosted() -> None:
    batch = run("苏州工业园区召开大会。目前园区已集聚生物医药企业2000家,信达生物、博瑞医药等龙头企业扎根于此。")
    assert {("苏州工业园区", "HOSTS", "信达生物"), ("苏州工业园区", "HOSTS", "博瑞医药")} <= ties(batch)
    batch = run("台南科學園區今年新核准廠商進駐。南科管理局指出,新進駐廠商包括晶采光電、立碁電子等。")
    assert ("台南科学园区", "HOSTS", "晶采光电") in ties(batch)


def test_companies_already_settled_and_within_the_zone_are_hosted() -> None:
    batch = run("成都高新区召开会议。服务保障京东方(中国)光电有限公司、英特尔成都等已落户企业扩产增效。")
    assert ("成都高新区", "HOSTS", "京东方(中国)光电有限公司") in ties(batch)
    batch = run("苏州工业园区召开会议。区内的信达生物已入选国家生物医药创新示范企业。")
    assert ("苏州工业园区", "HOSTS", "信达生物") in ties(batch)


def test_a_body_confers_a_years_title_on_named_winners() -> None:
    batch = run(
        "四川省科学技术厅关于公布名单的通知。四川省科学技术厅决定认定成都中科微电子研究院等6家单位为2024年度四川省新型研发机构。"
        "其中,四川大学产业技术研究院同时获批2024年度四川省重大新型研发机构。"
    )
    found = ties(batch)
    assert {
        ("成都中科微电子研究院", "SELECTED_BY", "四川省新型研发机构"),
        ("四川省科学技术厅", "RUNS", "四川省新型研发机构"),
        ("四川大学产业技术研究院", "SELECTED_BY", "四川省重大新型研发机构"),
    } <= found
    assert ("Programme", "四川省新型研发机构") in actors(batch)


def test_a_scheme_a_body_hosts_selects_its_entrants() -> None:
    batch = run("科技部火炬中心(火炬中心)今天发布消息。晶采光電日前入選火炬中心主辦的「創新創業激勵計畫」。")
    assert ("晶采光电", "SELECTED_BY", "创新创业激励计划") in ties(batch)


def test_partnership_phrasings_are_collaborations() -> None:
    batch = run("四川省科学技术厅发布通知。省科技厅将会同省财政厅开展绩效评价。")
    assert ("四川省科学技术厅", "COLLABORATES_WITH", "四川省财政厅") in ties(batch)
    batch = run("成都高新区召开会议。深化与四川大学、西南交通大学等高校的校地合作。")
    partners = {o for s, p, o in ties(batch) if s == "成都高新区" and p == "COLLABORATES_WITH"}
    assert {"四川大学", "西南交通大学"} <= partners
    batch = run("中国科学院微电子研究所与中芯国际今天签署合作备忘录。")
    assert ("中国科学院微电子研究所", "COLLABORATES_WITH", "中芯国际") in ties(batch)

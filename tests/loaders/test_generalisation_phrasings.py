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

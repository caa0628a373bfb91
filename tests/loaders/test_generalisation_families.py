"""Families of phrasing common in Chinese innovation news, each checked with names no rule was written from."""

from __future__ import annotations

from sentence_extraction import run, ties


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

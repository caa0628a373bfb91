"""Families of phrasing common in Chinese innovation news, each checked with names no rule was written from."""

from __future__ import annotations

from sentence_extraction import run, ties


def test_an_agency_named_after_a_region_the_text_names_is_part_of_it() -> None:
    found = ties(run("江西省科学技术厅近日印发通知。江西省将加快建设创新平台。"))
    assert ("江西省科学技术厅", "PART_OF", "江西省") in found

"""The Actor page finds an actor by any of its names and shows its ties with the sentences behind them."""

from __future__ import annotations

import pytest


def _search(page, text: str):
    at = page("actor").run()
    at.text_input(key="actor_q").input(text).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("typed", ["苏州工业园区", "蘇州工業園區", "工业园", "園區"])
def test_actor_search_accepts_simplified_traditional_alias_and_fragment(page, typed: str) -> None:
    at = _search(page, typed)
    assert at.selectbox(key="actor_pick").value == "Park:苏州工业园区"


def test_actor_search_without_match_says_so(page) -> None:
    at = _search(page, "不存在的机构")
    assert not at.selectbox
    assert "不存在的机构" in at.info[0].value


def test_actor_profile_shows_ties_grouped_with_highlighted_evidence(page, ui_batch) -> None:
    at = _search(page, "苏州工业园区")
    park = ui_batch.actors["Park:苏州工业园区"]
    expanders = [e.label for e in at.expander]
    hosted = [t for t in ui_batch.ties.values() if t.subject_id == park.id and t.predicate == "HOSTS"]
    assert any("HOSTS" in label and label.endswith(f"· {len(hosted)}") for label in expanders)
    text = "\n".join(m.value for m in at.markdown)
    unmarked = text.replace("<mark>", "").replace("</mark>", "")
    for tie in hosted:
        other = ui_batch.actors[tie.object_id].name
        assert f"<mark>{other}</mark>" in text
        assert tie.evidence[0].sentence in unmarked
    assert "docs/suzhou.txt" in text
    assert "蘇州工業園區" in text  # the Traditional alias in the profile


def test_actor_profile_shows_quantities(page, ui_batch) -> None:
    at = _search(page, "人才一号母基金")
    quantity = ui_batch.quantities[0]
    table = at.dataframe[0].value
    assert quantity.text in list(table["text"])

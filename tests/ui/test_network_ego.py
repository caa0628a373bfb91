"""The Network page draws the ego network, filters it by type, caps it, and re-centres."""

from __future__ import annotations

from innograph.ontology import load_ontology


def _network(page, text: str = "苏州工业园区"):
    at = page("network").run()
    at.text_input(key="net_q").input(text).run()
    assert not at.exception
    return at


def test_network_depth_one_draws_the_neighbours(page, ui_batch, drawn) -> None:
    at = _network(page)
    html = drawn(at)
    park = "Park:苏州工业园区"
    neighbours = {t.object_id for t in ui_batch.ties.values() if t.subject_id == park}
    neighbours |= {t.subject_id for t in ui_batch.ties.values() if t.object_id == park}
    for actor_id in neighbours:
        assert ui_batch.actors[actor_id].name in html
    assert "vis.DataSet" in html and "cdn.jsdelivr" not in html
    assert f"{len(neighbours) + 1} actors" in at.subheader[0].value


def test_network_depth_two_reaches_further(page, drawn) -> None:
    at = _network(page)
    assert "复旦大学" not in drawn(at)
    at.slider(key="net_depth").set_value(2).run()
    assert "复旦大学" in drawn(at)


def test_network_type_filter_drops_excluded_types(page, drawn) -> None:
    at = _network(page)
    types = [t for t in load_ontology().actor_types if t != "Enterprise"]
    at.multiselect(key="net_types").set_value(types).run()
    assert "博世" not in drawn(at)
    assert "苏州实验室" in drawn(at)


def test_network_cap_says_what_was_cut(page, drawn) -> None:
    at = _network(page)
    assert not at.warning
    at.number_input(key="net_max").set_value(3).run()
    assert "only the first 3 are drawn" in at.warning[0].value
    assert "3 actors" in at.subheader[0].value


def test_network_recentre_on_a_neighbour(page, drawn) -> None:
    at = _network(page)
    at.selectbox(key="net_recentre_choice").set_value("Enterprise:博世").run()
    assert at.subheader[0].value.startswith("博世:")
    assert "人才一号母基金" in drawn(at)

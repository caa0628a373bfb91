"""The Queries page builds a form for every canned query from its declared parameters and runs it."""

from __future__ import annotations

import pytest

from innograph.queries import load_queries

QUERIES = sorted(load_queries())


@pytest.mark.parametrize("name", QUERIES)
def test_queries_every_canned_query_runs_from_its_form(page, name: str) -> None:
    at = page("queries").run()
    at.selectbox(key="q_name").set_value(name).run()
    query = load_queries()[name]
    for param in query.params:
        assert at.get_by_key(f"q_{name}_{param.name}") is not None
    at.button[0].click().run()
    assert not at.exception
    assert not at.error, at.error[0].value if at.error else ""
    assert at.caption[-1].value.endswith("row(s)")


def test_queries_place_hosts_lists_the_hosted_actors(page, ui_batch) -> None:
    at = page("queries").run()
    at.selectbox(key="q_name").set_value("place_hosts").run()
    at.text_input(key="q_place_hosts_place").input("蘇州工業園區")
    at.button[0].click().run()
    shown = at.dataframe[0].value.to_string()
    for tie in ui_batch.ties.values():
        if tie.subject_id == "Park:苏州工业园区" and tie.predicate == "HOSTS":
            assert ui_batch.actors[tie.object_id].name in shown
    assert at.get("download_button")


def test_queries_path_result_is_drawn_as_a_graph(page, drawn) -> None:
    at = page("queries").run()
    at.selectbox(key="q_name").set_value("connection_paths").run()
    at.text_input(key="q_connection_paths_source").input("复旦大学")
    at.text_input(key="q_connection_paths_target").input("博世")
    at.button[0].click().run()
    assert not at.error
    html = drawn(at)
    for name in ("复旦大学", "复旦苏州研究院", "苏州工业园区", "博世"):
        assert name in html

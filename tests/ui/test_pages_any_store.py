"""The explorer's pages on every store: the embedded engine, and Neo4j when NEO4J_URI names a server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from innograph.graph.store import open_store


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def ui_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Overrides the package fixture: the hand-built graph on each kind of store."""
    from innograph.graph.falkordb_engine import stop_engine

    build_batch = request.getfixturevalue("ui_batch_factory")
    if request.param == "neo4j":
        location = os.environ.get("NEO4J_URI")
        if not location:
            pytest.skip("NEO4J_URI is not set: start a Bolt server (e.g. .ci/start_bolt_server.py) and export it")
    else:
        location = str(tmp_path_factory.mktemp("ui-any-store"))
    with open_store(location) as store:
        store.clear()
        store.write(build_batch())
    yield location
    if request.param == "neo4j":
        with open_store(location) as store:
            store.clear()
    else:
        stop_engine(location)


def test_pages_overview_counts(page, ui_batch) -> None:
    at = page("overview").run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Ties 关系"] == str(len(ui_batch.ties))


def test_pages_actor_by_traditional_name_with_evidence(page) -> None:
    at = page("actor").run()
    at.text_input(key="actor_q").input("蘇州工業園區").run()
    assert not at.exception and not at.error
    assert at.selectbox(key="actor_pick").value == "Park:苏州工业园区"
    assert any("<mark>苏州实验室</mark>" in m.value for m in at.markdown)


def test_pages_network_depth_two(page, drawn) -> None:
    at = page("network").run()
    at.text_input(key="net_q").input("苏州工业园区").run()
    at.slider(key="net_depth").set_value(2).run()
    assert not at.exception and not at.error
    assert "复旦大学" in drawn(at)


def test_pages_paths_chain(page) -> None:
    at = page("paths").run()
    at.text_input(key="path_from_q").input("复旦大学").run()
    at.text_input(key="path_to_q").input("博世").run()
    assert not at.exception and not at.error
    assert at.expander[0].label == "1. 复旦大学 → 复旦苏州研究院 → 苏州工业园区 → 博世"


def test_pages_cypher_refuses_a_write(page, ui_store, ui_batch) -> None:
    at = page("cypher").run()
    at.text_area(key="cypher_text").input("MATCH (a:Actor) DETACH DELETE a")
    at.button[0].click().run()
    assert at.error
    with open_store(ui_store) as store:
        assert store.run("MATCH (a:Actor) RETURN count(a) AS n")[0]["n"] == len(ui_batch.actors)

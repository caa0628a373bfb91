"""The Cypher page runs the analyst's query read-only: the store refuses writes, limits hold."""

from __future__ import annotations

import json

import pytest

from innograph.graph.store import open_store


def _run(page, text: str, params: dict | None = None, rows: int = 1000):
    at = page("cypher").run()
    at.text_area(key="cypher_text").input(text)
    at.text_area(key="cypher_params").input(json.dumps(params or {}, ensure_ascii=False))
    at.number_input(key="cypher_rows").set_value(rows)
    at.button[0].click().run()
    assert not at.exception
    return at


def test_cypher_reads_with_parameters(page, ui_batch) -> None:
    at = _run(page, "MATCH (p:Park {name: $name})-[:HOSTS]->(x:Actor) RETURN x.name AS hosted ORDER BY hosted",
              {"name": "苏州工业园区"})
    hosted = sorted(ui_batch.actors[t.object_id].name for t in ui_batch.ties.values() if t.predicate == "HOSTS")
    assert list(at.dataframe[0].value["hosted"]) == hosted


@pytest.mark.parametrize("write", ["CREATE (:Actor {id: 'x'})", "MATCH (a:Actor) DETACH DELETE a",
                                   "MATCH (a:Actor) SET a.name = 'x'"])
def test_cypher_refuses_writes(page, ui_env, ui_batch, write: str) -> None:
    at = _run(page, write)
    assert at.error, "a write was not refused"
    with open_store(ui_env) as store:
        assert store.run("MATCH (a:Actor) RETURN count(a) AS n")[0]["n"] == len(ui_batch.actors)
        assert store.run("MATCH (a:Actor {name: 'x'}) RETURN count(a) AS n")[0]["n"] == 0


def test_cypher_row_limit_is_applied_and_said(page) -> None:
    at = _run(page, "MATCH (a:Actor) RETURN a.name AS name", rows=2)
    assert len(at.dataframe[0].value) == 2
    assert "row limit" in at.warning[0].value


def test_cypher_bad_parameters_are_explained(page) -> None:
    at = page("cypher").run()
    at.text_area(key="cypher_params").input("{name: 1}")
    at.button[0].click().run()
    assert "not valid JSON" in at.error[0].value


def test_cypher_syntax_error_is_a_message(page) -> None:
    at = _run(page, "MATCH (a:Actor RETURN a")
    assert at.error

"""The example SPARQL queries on an export answer exactly what the equivalent Cypher answers on the store."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph

from innograph.graph.rdf_export import export_store
from innograph.graph.sparql import run_sparql, sparql_queries
from innograph.model import Batch


def _params(batch: Batch) -> dict[str, dict[str, str]]:
    """Parameters picked from the data: the park hosting most, a co-built thing stated by evidence."""
    hosts = Counter(t.subject_id for t in batch.ties.values()
                    if t.predicate == "HOSTS" and batch.actors[t.subject_id].type == "Park")
    park = batch.actors[hosts.most_common(1)[0][0]].name
    co_built = next(t for t in batch.ties.values() if t.predicate == "CO_BUILDS" and t.evidence)
    return {
        "who_funds_whom": {},
        "park_hosts": {"park": park},
        "tie_evidence": {"subject": batch.actors[co_built.subject_id].name, "tie": "CO_BUILDS",
                         "object": batch.actors[co_built.object_id].name},
    }


def _rows(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(str(v) for v in row.values()) for row in rows)


@pytest.fixture
def loaded(any_store, seeds: Batch, tmp_path):
    any_store.write(seeds)
    path = tmp_path / "seeds.nt"
    with path.open("w", encoding="utf-8") as out:
        export_store(any_store, out, "nt")
    return any_store, Graph().parse(path, format="nt")


def test_rdf_sparql_examples_are_the_three_documented(seeds: Batch) -> None:
    assert set(sparql_queries()) == set(_params(seeds))


def test_rdf_sparql_matches_cypher(loaded, seeds: Batch) -> None:
    """Each example query against the Cypher its header names, on the store the export came from."""
    store, graph = loaded
    for name, params in _params(seeds).items():
        query = sparql_queries()[name]
        sparql = _rows(run_sparql(graph, name, **params))
        cypher = _rows(store.run(query.cypher, params, read_only=True))
        assert sparql == cypher, name
        assert len(sparql) >= 1, name


def test_rdf_sparql_matches_the_canned_queries(loaded, seeds: Batch) -> None:
    """The same answers as the explorer's canned Cypher (innograph/queries) for funders and tie evidence."""
    from innograph.queries import run_query

    store, graph = loaded
    funding = run_sparql(graph, "who_funds_whom")
    for funded in sorted({row["funded"] for row in funding}):
        canned = {row["funder"] for row in run_query(store, "who_funds", actor=funded)}
        assert canned == {row["funder"] for row in funding if row["funded"] == funded}

    params = _params(seeds)["tie_evidence"]
    canned_rows = run_query(store, "tie_evidence", **params)
    assert canned_rows
    assert _rows(run_sparql(graph, "tie_evidence", **params)) == sorted(
        (row["document"], row["sentence"], str(row["start"]), str(row["end"])) for row in canned_rows)

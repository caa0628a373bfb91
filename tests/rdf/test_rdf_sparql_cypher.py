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


@pytest.mark.parametrize("name", ["who_funds_whom", "park_hosts", "tie_evidence"])
def test_rdf_sparql_matches_cypher(loaded, seeds: Batch, name: str) -> None:
    store, graph = loaded
    query = sparql_queries()[name]
    params = _params(seeds)[name]
    sparql = _rows(run_sparql(graph, name, **params))
    cypher = _rows(store.run(query.cypher, params, read_only=True))
    assert sparql == cypher
    assert len(sparql) >= 1

"""export rdf -> import rdf on a real store gives back the same graph: every record, link and count."""

from __future__ import annotations

import pytest
from rdf_batches import snapshot

from innograph.cli.store_cmds import store_stats
from innograph.errors import StoreError
from innograph.graph.rdf_export import FORMATS, export_store
from innograph.graph.rdf_import import import_rdf, store_is_empty
from innograph.model import Batch

LINKS = "MATCH (n)-[r]->(m) WHERE NOT (n:Actor AND m:Actor) RETURN type(r) AS t, count(*) AS n ORDER BY t"


def _graph(store) -> tuple:
    """Records, per-type counts, and the provenance links (IN_DOCUMENT, MENTIONS, DESCRIBES)."""
    stats = store_stats(store)
    stats.pop("store")
    links = [(row["t"], row["n"]) for row in store.run(LINKS, read_only=True)]
    return snapshot(store), stats, links


def _round_trip(store, batch: Batch, fmt: str, tmp_path) -> None:
    store.write(batch)
    before = _graph(store)
    path = tmp_path / f"graph.{fmt}"
    with path.open("w", encoding="utf-8") as out:
        written = export_store(store, out, fmt, page_size=45)  # several pages per kind
    assert written.counts["tie"] == before[1]["ties"]
    store.clear()
    assert store_is_empty(store) == 0
    stats = import_rdf(store, path)
    assert stats.ties_created == before[1]["ties"]
    assert _graph(store) == before


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdf_roundtrip_store_every_format(embedded_store, seeds: Batch, fmt: str, tmp_path) -> None:
    _round_trip(embedded_store, seeds, fmt, tmp_path)


def test_rdf_roundtrip_store_on_each_engine(any_store, seeds: Batch, tmp_path) -> None:
    _round_trip(any_store, seeds, "nt", tmp_path)


def test_rdf_roundtrip_store_refuses_a_store_that_is_not_empty(embedded_store, seed_one: Batch, tmp_path) -> None:
    embedded_store.write(seed_one)
    path = tmp_path / "one.ttl"
    with path.open("w", encoding="utf-8") as out:
        export_store(embedded_store, out, "ttl")
    before = _graph(embedded_store)
    with pytest.raises(StoreError, match=r"already holds \d+ nodes; import .*one\.ttl into an empty store"):
        import_rdf(embedded_store, path)
    assert _graph(embedded_store) == before


def test_rdf_roundtrip_store_refuses_a_file_that_is_not_an_export(embedded_store, tmp_path) -> None:
    from innograph.errors import LoadError
    from innograph.ontology import ontology_path

    with pytest.raises(LoadError, match="holds no innograph documents or actors"):
        import_rdf(embedded_store, ontology_path())
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(LoadError, match=r"broken\.ttl: cannot parse as turtle"):
        import_rdf(embedded_store, broken)
    assert store_is_empty(embedded_store) == 0

"""Every export format parses back in rdflib to the same statements, and carries names, alignment and provenance."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Dataset, Graph, Literal

from innograph.graph.rdf_export import FORMATS, batch_pages, export_batch, export_quads, write_quads
from innograph.graph.rdf_import import graph_to_batch, read_rdf
from innograph.graph.vocab import DCTERMS, IGT, ORG, PROV, RDF, SCHEMA, SKOS, iri_for, site_iri
from innograph.model import Batch
from innograph.ontology import IG

SUFFIX = {"ttl": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig"}


def _export(batch: Batch, fmt: str, tmp_path, page_size: int = 2000):
    path = tmp_path / f"export.{SUFFIX[fmt]}"
    with path.open("w", encoding="utf-8") as out:
        write_quads(export_quads(batch_pages(batch, page_size=page_size)), out, fmt)
    return path


def _triples(path) -> set:
    return set(read_rdf(path).triples((None, None, None)))


@pytest.fixture(scope="module")
def reference(seeds: Batch) -> set:
    buffer = io.StringIO()
    export_batch(seeds, buffer, "nt")
    return set(Graph().parse(data=buffer.getvalue(), format="nt"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdf_export_every_format_parses_back_to_the_same_statements(fmt: str, seeds: Batch, reference: set,
                                                                     tmp_path) -> None:
    path = _export(seeds, fmt, tmp_path, page_size=60)  # several pages per kind: the pieces must join up
    assert _triples(path) == reference
    assert len(reference) > 3000


def test_rdf_export_jsonld_is_one_json_document(seeds: Batch, tmp_path) -> None:
    doc = json.loads(_export(seeds, "jsonld", tmp_path, page_size=50).read_text(encoding="utf-8"))
    assert doc["@context"]["ig"] == str(IG)
    assert len(doc["@graph"]) > len(seeds.actors)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's TriG parser uses its deprecated API
def test_rdf_export_trig_puts_provenance_in_one_graph_per_document(seeds: Batch, tmp_path) -> None:
    dataset = Dataset()
    dataset.parse(_export(seeds, "trig", tmp_path), format="trig")
    docs = {iri_for("document", d.doc_id) for d in seeds.documents}
    named = {g.identifier for g in dataset.graphs()} - {dataset.default_graph.identifier}
    assert named == docs
    for doc in docs:
        graph = dataset.graph(doc)
        assert set(graph.objects(None, PROV.wasDerivedFrom)) == {doc}
    assert (None, RDF.type, IGT.Tie) in dataset.default_graph


def test_rdf_export_actor_names_by_script(seed_traditional: Batch, tmp_path) -> None:
    graph = read_rdf(_export(seed_traditional, "ttl", tmp_path))
    park = iri_for("actor", "Park:昆山高新区")
    assert set(graph.objects(park, SKOS.prefLabel)) == {Literal("昆山高新区", lang="zh-Hans"),
                                                        Literal("昆山高新區", lang="zh-Hant")}
    assert (park, RDF.type, IG.Park) in graph
    assert (park, DCTERMS.identifier, Literal("Park:昆山高新区")) in graph
    simplified_aliases = {a for a in seed_traditional.actors["Park:昆山高新区"].aliases if a != "昆山高新區"}
    assert {str(x) for x in graph.objects(park, SKOS.altLabel)} == simplified_aliases


def test_rdf_export_alignment_triples(seeds: Batch, tmp_path) -> None:
    graph = read_rdf(_export(seeds, "nt", tmp_path))
    part_of_region = [t for t in seeds.ties.values() if t.predicate == "PART_OF"
                      and seeds.actors[t.subject_id].type == "Park" and seeds.actors[t.object_id].type == "Region"]
    assert part_of_region
    for tie in part_of_region:
        s, o = iri_for("actor", tie.subject_id), iri_for("actor", tie.object_id)
        assert (s, IG.partOf, o) in graph
        assert (site_iri(s), SCHEMA.containedInPlace, o) in graph
        assert (s, ORG.subOrganizationOf, o) not in graph
    for tie in (t for t in seeds.ties.values() if t.predicate == "FUNDS"):
        assert (iri_for("actor", tie.object_id), SCHEMA.funder, iri_for("actor", tie.subject_id)) in graph
    for tie in (t for t in seeds.ties.values() if t.predicate == "CO_BUILDS"):
        built = iri_for("actor", tie.object_id)
        assert (built, ORG.hasMember, iri_for("actor", tie.subject_id)) in graph
        assert (built, RDF.type, ORG.OrganizationalCollaboration) in graph
    industries = [a for a in seeds.actors.values() if a.type == "Industry"]
    assert industries
    assert all((iri_for("actor", a.id), SKOS.inScheme, IG.Industries) in graph for a in industries)


def test_rdf_export_evidence_and_quantities_as_provenance(seed_one: Batch, tmp_path) -> None:
    graph = read_rdf(_export(seed_one, "ttl", tmp_path))
    tie = next(t for t in seed_one.ties.values() if t.predicate == "HOSTS")
    node = iri_for("tie", tie.id)
    assert (node, RDF.subject, iri_for("actor", tie.subject_id)) in graph
    assert (node, RDF.predicate, IG.hosts) in graph
    evidence = list(graph.subjects(IGT.supports, node))
    assert len(evidence) == len(tie.evidence)
    ev = tie.evidence[0]
    assert (evidence[0], PROV.value, Literal(ev.sentence)) in graph
    assert (evidence[0], IGT.start, Literal(ev.start)) in graph
    assert (evidence[0], PROV.wasDerivedFrom, iri_for("document", ev.doc_id)) in graph
    q = seed_one.quantities[0]
    [node] = [n for n in graph.subjects(IGT.describes, iri_for("actor", q.actor_id))
              if (n, IGT.start, Literal(q.evidence.start)) in graph]
    value = graph.value(node, SCHEMA.value)
    assert str(value.datatype) == "http://www.w3.org/2001/XMLSchema#decimal" and float(value) == q.value
    assert str(graph.value(node, IGT.hedge)) == q.hedge
    assert (node, RDF.type, SCHEMA.MonetaryAmount if q.unit == "元" else SCHEMA.QuantitativeValue) in graph


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdf_export_reads_back_to_the_same_batch(fmt: str, seed_traditional: Batch, tmp_path) -> None:
    back = graph_to_batch(read_rdf(_export(seed_traditional, fmt, tmp_path)))
    assert _rows(back) == _rows(seed_traditional)


def _rows(batch: Batch) -> dict[str, list]:
    """What a store would hold after writing the batch, record by record."""
    return {kind: sorted(map(repr, rows)) for kind, rows in _merged_pages(batch).items()}


def _merged_pages(batch: Batch) -> dict[str, list]:
    merged: dict[str, list] = {}
    for kind, rows in batch_pages(batch):
        merged.setdefault(kind, []).extend(rows)
    return merged

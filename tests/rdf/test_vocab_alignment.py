"""The ontology's alignment and the export vocabulary: declared, labelled, and read back by the code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import OWL, RDF, RDFS, URIRef

from innograph.graph.vocab import IGT, ORG, SCHEMA, SKOS, alignment, id_from_iri, iri_for, site_iri
from innograph.ontology import IG, load_ontology


def _supers(graph, node) -> set:
    return set(graph.transitive_objects(node, RDFS.subClassOf))


def test_vocab_alignment_keeps_the_model_the_code_reads() -> None:
    onto = load_ontology()
    assert len(onto.actor_types) == 11
    assert set(onto.tie_types) == {"HOSTS", "FUNDS", "CO_BUILDS", "COLLABORATES_WITH", "LEADS", "PART_OF", "RUNS",
                                   "SELECTED_BY", "FOCUSES_ON"}
    # alignment classes and helper properties must not turn into actor or tie types
    assert not {"Territory", "Sited", "Document", "Tie", "Evidence", "Quantity"} & set(onto.actor_types)


def test_vocab_alignment_does_not_make_industries_or_regions_organisations() -> None:
    graph = load_ontology().graph
    assert ORG.Organization not in _supers(graph, IG.Actor)
    assert SCHEMA.Organization not in _supers(graph, IG.Actor)
    assert ORG.Organization not in _supers(graph, IG.Industry)
    assert SKOS.Concept in _supers(graph, IG.Industry)
    assert ORG.Organization not in _supers(graph, IG.Region)
    assert SCHEMA.AdministrativeArea in _supers(graph, IG.Region)


@pytest.mark.parametrize(("cls", "expected"), [
    ("Enterprise", {ORG.FormalOrganization, SCHEMA.Corporation, ORG.Organization}),
    ("Lab", {SCHEMA.ResearchOrganization, ORG.Organization}),
    ("University", {SCHEMA.CollegeOrUniversity}),
    ("Agency", {SCHEMA.GovernmentOrganization}),
    ("Programme", {SCHEMA.FundingScheme}),
    ("TalentProgramme", {SCHEMA.FundingScheme}),
    ("Park", {ORG.Organization, SCHEMA.Organization}),
])
def test_vocab_alignment_classes(cls: str, expected: set) -> None:
    assert expected <= _supers(load_ontology().graph, IG[cls])


def test_vocab_alignment_hosting_is_never_sub_organisation() -> None:
    graph = load_ontology().graph
    for prop in (IG.hosts, *graph.subjects(RDFS.subPropertyOf, IG.hosts)):
        assert SCHEMA.subOrganization not in set(graph.transitive_objects(prop, RDFS.subPropertyOf))
    assert ORG.linkedTo in set(graph.objects(IG.hosts, RDFS.subPropertyOf))


def test_vocab_every_class_and_property_has_english_and_simplified_labels() -> None:
    graph = load_ontology().graph
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.Restriction)
    terms = {s for kind in kinds for s in graph.subjects(RDF.type, kind)
             if isinstance(s, URIRef) and str(s).startswith(str(IG))}
    assert len(terms) > 40
    missing = sorted(str(t) for t in terms
                     if {"en", "zh-Hans"} - {label.language for label in graph.objects(t, RDFS.label)})
    assert missing == []


def test_vocab_closed_namespace_terms_are_declared_in_the_ontology() -> None:
    graph = load_ontology().graph
    undeclared = [name for name in IGT.__annotations__ if (IG[name], RDF.type, None) not in graph]
    assert undeclared == []
    with pytest.raises(AttributeError):
        _ = IGT.hostz


def test_vocab_alignment_part_of_depends_on_end_types() -> None:
    align = alignment(load_ontology())
    park, region = iri_for("actor", "Park:昆山高新区"), iri_for("actor", "Region:昆山市")
    branch, parent = iri_for("actor", "Lab:理光中国研究院长三角分院"), iri_for("actor", "Lab:理光中国研究院")
    agency = iri_for("actor", "Agency:某管委会")
    assert set(align.tie_triples("PART_OF", "Park", park, "Region", region)) == {
        (site_iri(park), SCHEMA.containedInPlace, region)}
    assert set(align.tie_triples("PART_OF", "Lab", branch, "Lab", parent)) == {
        (branch, ORG.subOrganizationOf, parent)}
    assert set(align.tie_triples("PART_OF", "Agency", agency, "Region", region)) == set()
    assert set(align.tie_triples("FUNDS", "Fund", agency, "Lab", branch)) == {(branch, SCHEMA.funder, agency)}
    assert set(align.tie_triples("CO_BUILDS", "University", agency, "Lab", branch)) == {
        (branch, ORG.hasMember, agency), (branch, RDF.type, ORG.OrganizationalCollaboration)}


@given(st.text(min_size=1, max_size=40))
def test_vocab_iris_give_back_the_id(record_id: str) -> None:
    for kind in ("actor", "tie", "evidence"):
        assert id_from_iri(kind, iri_for(kind, record_id)) == record_id
    assert id_from_iri("actor", iri_for("tie", record_id)) is None

"""ontology.ttl is the one source of types and ties: it parses, and the code's lists come from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from innograph.errors import OntologyError
from innograph.ontology import IG, load_ontology, parse_ontology

ROOT = Path(__file__).resolve().parents[1]


def test_ontology_parses_with_rdflib_and_declares_every_type_and_tie() -> None:
    graph = Graph().parse(ROOT / "ontology.ttl", format="turtle")
    classes = {str(c).split("#")[-1] for c in graph.subjects(RDFS.subClassOf, IG.Actor)}
    ties = {str(graph.value(p, IG.tieName)) for p in graph.subjects(RDF.type, OWL.ObjectProperty)} - {"None"}
    ontology = load_ontology(ROOT / "ontology.ttl")
    assert set(ontology.actor_types) == classes
    assert set(ontology.tie_types) == ties
    assert {"Park", "Region", "Lab", "University", "Enterprise", "Fund", "TalentProgramme", "Programme",
            "Platform", "Agency", "Industry"} <= classes
    assert {"HOSTS", "FUNDS", "CO_BUILDS", "COLLABORATES_WITH", "LEADS", "PART_OF", "RUNS", "SELECTED_BY",
            "FOCUSES_ON"} <= ties


def test_ontology_labels_are_in_english_and_chinese() -> None:
    ontology = load_ontology(ROOT / "ontology.ttl")
    for item in [*ontology.actor_types.values(), *ontology.tie_types.values()]:
        assert item.label_en and item.label_zh and item.label_en != item.label_zh, item.name


def test_ontology_domains_and_ranges_follow_the_guide() -> None:
    ties = load_ontology(ROOT / "ontology.ttl").tie_types
    assert ties["FOCUSES_ON"].range == {"Industry"}
    assert ties["HOSTS"].domain == {"Park", "Region"}
    assert ties["SELECTED_BY"].range == {"Programme", "TalentProgramme"}
    assert ties["FOCUSES_ON"].allows("Region", "Industry")
    assert not ties["FOCUSES_ON"].allows("Industry", "Region")
    assert ties["COLLABORATES_WITH"].symmetric and ties["COLLABORATES_WITH"].allows("Lab", "Region")
    assert not ties["HOSTS"].allows("Enterprise", "Lab")


def test_ontology_a_new_type_in_the_file_reaches_the_code(tmp_path: Path) -> None:
    text = (ROOT / "ontology.ttl").read_text(encoding="utf-8")
    text += '\nig:Incubator a owl:Class ; rdfs:subClassOf ig:Actor ; rdfs:label "Incubator"@en , "孵化器"@zh-Hans .\n'
    extended = tmp_path / "ontology.ttl"
    extended.write_text(text, encoding="utf-8")
    ontology = parse_ontology(extended)
    assert ontology.actor_type("Incubator").label_zh == "孵化器"
    assert len(ontology.actor_types) == len(load_ontology(ROOT / "ontology.ttl").actor_types) + 1


@pytest.mark.parametrize("content", ["not turtle at all {", "@prefix ig: <https://w3id.org/innograph/ontology#> ."])
def test_ontology_a_broken_file_is_an_error_naming_it(tmp_path: Path, content: str) -> None:
    broken = tmp_path / "ontology.ttl"
    broken.write_text(content, encoding="utf-8")
    with pytest.raises(OntologyError, match=str(broken)):
        parse_ontology(broken)


def test_ontology_a_missing_file_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="INNOGRAPH_ONTOLOGY"):
        load_ontology(tmp_path / "missing.ttl")

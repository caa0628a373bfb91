"""shapes.ttl is what the ontology gives; a good export conforms; a broken one is reported exactly."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from innograph.cli import app
from innograph.graph.rdf_export import export_batch
from innograph.graph.rdf_validate import Violation, validate_file, validate_graph
from innograph.graph.shapes import generate_shapes, shapes_path
from innograph.graph.vocab import IGT, RDF, SKOS, iri_for
from innograph.model import Batch
from innograph.ontology import IG

runner = CliRunner()


def _export(batch: Batch) -> Graph:
    buffer = io.StringIO()
    export_batch(batch, buffer, "nt")
    return Graph().parse(data=buffer.getvalue(), format="nt")


@pytest.fixture(scope="module")
def good(seed_one: Batch) -> Graph:
    return _export(seed_one)


def test_rdf_shapes_file_is_generated_from_the_ontology() -> None:
    assert shapes_path().read_text(encoding="utf-8") == generate_shapes(), (
        "shapes.ttl is stale: run `python -m innograph.graph.shapes > shapes.ttl`")


def test_rdf_validate_seeds_export_conforms(seeds: Batch, tmp_path: Path) -> None:
    path = tmp_path / "seeds.ttl"
    with path.open("w", encoding="utf-8") as out:
        export_batch(seeds, out, "ttl")
    report = validate_file(path)
    assert report.violations == []
    assert report.conforms


@pytest.mark.slow
def test_rdf_validate_seeds_loaded_by_the_loaders_conform(embedded_store, tmp_path: Path) -> None:
    """The seeds as `innograph load` reads them, written to the store and exported from it."""
    from rdf_batches import SEEDS

    from innograph.graph.rdf_export import export_store
    from innograph.loaders.pipeline import extract_file

    for seed in sorted(SEEDS.glob("*.txt")):
        embedded_store.write(extract_file(seed))
    path = tmp_path / "seeds.trig"
    with path.open("w", encoding="utf-8") as out:
        stats = export_store(embedded_store, out, "trig")
    assert stats.counts["document"] == 5 and stats.counts["tie"] > 0
    report = validate_file(path)
    assert report.violations == []
    assert report.conforms


PARK = "Park:苏州工业园区"
LAB = "Lab:苏州实验室"
HOSTS = f"{PARK}|HOSTS|{LAB}"


def _drop_name(graph: Graph) -> None:
    graph.remove((iri_for("actor", PARK), SKOS.prefLabel, Literal("苏州工业园区", lang="zh-Hans")))


def _second_type(graph: Graph) -> None:
    graph.add((iri_for("actor", PARK), RDF.type, IG.Region))


def _wrong_end_type(graph: Graph) -> None:
    """A well-formed FOCUSES_ON tie, with evidence, whose object is a lab rather than an industry."""
    park, lab = iri_for("actor", PARK), iri_for("actor", LAB)
    tie = iri_for("tie", f"{PARK}|FOCUSES_ON|{LAB}")
    graph.add((park, IG.focusesOn, lab))
    for p, o in ((RDF.type, IGT.Tie), (RDF.subject, park), (RDF.predicate, IG.focusesOn), (RDF.object, lab)):
        graph.add((tie, p, o))
    source = next(graph.subjects(IGT.supports, iri_for("tie", HOSTS)))
    evidence = iri_for("evidence", "broken")
    for p, o in list(graph.predicate_objects(source)):
        graph.add((evidence, p, tie if p == IGT.supports else o))


def _no_evidence(graph: Graph) -> None:
    for evidence in list(graph.subjects(IGT.supports, iri_for("tie", HOSTS))):
        graph.remove((evidence, None, None))


def _untyped_tie_subject(graph: Graph) -> None:
    graph.remove((iri_for("actor", PARK), RDF.type, IG.Park))


TYPES = "Agency, Enterprise, Fund, Industry, Lab, Park, Platform, Programme, Region, TalentProgramme, University"
BROKEN: dict[str, tuple[Callable[[Graph], None], list[Violation]]] = {
    "no Simplified name": (_drop_name, [
        Violation(f"igid:actor/{PARK}", "skos:prefLabel",
                  "an actor needs exactly one Simplified Chinese name: a skos:prefLabel tagged @zh-Hans", "",
                  "Violation", "QualifiedMinCountConstraintComponent"),
    ]),
    "two actor types": (_second_type, [
        Violation(f"igid:actor/{PARK}", "rdf:type", f"an actor needs exactly one innograph actor type, one of: {TYPES}",
                  "", "Violation", "QualifiedMaxCountConstraintComponent"),
    ]),
    "tie object of a type the ontology does not allow": (_wrong_end_type, [
        Violation(f"igid:actor/{PARK}", "ig:focusesOn", "the object of FOCUSES_ON must be one of: Industry",
                  f"igid:actor/{LAB}", "Violation", "NodeConstraintComponent"),
    ]),
    "tie without evidence": (_no_evidence, [
        Violation(f"igid:actor/{PARK}", "ig:hosts",
                  "this tie has no evidence: no ig:Tie node for it that an ig:Evidence supports",
                  f"igid:actor/{LAB}", "Violation", "SPARQLConstraintComponent"),
        Violation(f"igid:tie/{HOSTS}", "^ig:supports",
                  "a tie needs evidence: at least one ig:Evidence that ig:supports it", "", "Violation",
                  "MinCountConstraintComponent"),
    ]),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_rdf_validate_reports_the_exact_violation(good: Graph, case: str) -> None:
    breaker, expected = BROKEN[case]
    broken = Graph()
    for triple in good:
        broken.add(triple)
    breaker(broken)
    report = validate_graph(broken)
    assert not report.conforms
    assert report.violations == expected


def test_rdf_validate_an_actor_that_lost_its_type_is_still_checked(good: Graph) -> None:
    broken = Graph()
    for triple in good:
        broken.add(triple)
    _untyped_tie_subject(broken)
    report = validate_graph(broken)
    found = {(v.focus, v.path, v.constraint) for v in report.violations}
    assert (f"igid:actor/{PARK}", "rdf:type", "QualifiedMinCountConstraintComponent") in found


def test_rdf_validate_command_prints_violations_and_fails(good: Graph, tmp_path: Path) -> None:
    ok = tmp_path / "ok.nt"
    good.serialize(ok, format="nt", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(ok)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output

    broken = Graph()
    for triple in good:
        broken.add(triple)
    _drop_name(broken)
    bad = tmp_path / "bad.nt"
    broken.serialize(bad, format="nt", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert (f"igid:actor/{PARK}  skos:prefLabel  an actor needs exactly one Simplified Chinese name: "
            "a skos:prefLabel tagged @zh-Hans") in result.output.splitlines()

"""shapes.ttl, the SHACL statement of what a valid export is, generated from ontology.ttl.

The rules that depend on the model (which classes are actor types, which end types
each tie allows) are written out from the ontology's classes and domains/ranges, so there
is no second hand-kept list to drift: ``python -m innograph.graph.shapes > shapes.ttl``
rewrites the file, and a test fails when the committed file is not what the ontology
gives. The rules that do not depend on the model (documents, evidence, quantities, tie
nodes) are the fixed part below.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rdflib import Literal, URIRef

from innograph.ontology import IG, Ontology, TieType, load_ontology

SHAPES = "https://w3id.org/innograph/shapes#"

_HEADER = """\
# GENERATED from ontology.ttl by `python -m innograph.graph.shapes > shapes.ttl`; do not edit by hand.
# What a valid innograph RDF export is (see innograph/graph/rdf_export.py for the model):
# every actor has exactly one innograph type and one Simplified (@zh-Hans) skos:prefLabel;
# every tie joins actors of the types the ontology allows; every tie has evidence.

@prefix sh:      <http://www.w3.org/ns/shacl#> .
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
@prefix ig:      <https://w3id.org/innograph/ontology#> .
@prefix igsh:    <https://w3id.org/innograph/shapes#> .

# ------------------------------------------------------------- fixed rules

igsh:DocumentShape a sh:NodeShape ;
    sh:targetClass ig:Document ;
    sh:property [ sh:path ig:sha256 ; sh:minCount 1 ; sh:maxCount 1 ; sh:pattern "^[0-9a-f]{64}$" ;
                  sh:message "a document needs its sha256 (64 hex digits)" ] ;
    sh:property [ sh:path ig:path ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
                  sh:message "a document needs exactly one ig:path" ] ;
    sh:property [ sh:path ig:chars ; sh:maxCount 1 ; sh:datatype xsd:integer ] .

igsh:EvidenceShape a sh:NodeShape ;
    sh:targetClass ig:Evidence ;
    sh:property [ sh:path prov:wasDerivedFrom ; sh:minCount 1 ; sh:maxCount 1 ; sh:class ig:Document ;
                  sh:message "evidence needs exactly one prov:wasDerivedFrom, an ig:Document of the export" ] ;
    sh:property [ sh:path prov:value ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
                  sh:message "evidence needs its sentence as one prov:value string" ] ;
    sh:property [ sh:path ig:start ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:integer ;
                  sh:message "evidence needs one integer ig:start offset" ] ;
    sh:property [ sh:path ig:end ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:integer ;
                  sh:message "evidence needs one integer ig:end offset" ] ;
    sh:property [ sh:path ig:kind ; sh:minCount 1 ; sh:maxCount 1 ; sh:in ( "tie" "mention" ) ;
                  sh:message "evidence kind must be \\"tie\\" or \\"mention\\"" ] ;
    sh:property [ sh:path ig:supports ; sh:maxCount 1 ; sh:class ig:Tie ] ;
    sh:property [ sh:path ig:mentions ; sh:maxCount 1 ] ;
    sh:xone ( [ sh:path ig:supports ; sh:minCount 1 ] [ sh:path ig:mentions ; sh:minCount 1 ] ) ;
    sh:message "evidence supports exactly one tie (ig:supports) or mentions one actor (ig:mentions)" .

igsh:TieShape a sh:NodeShape ;
    sh:targetClass ig:Tie ;
    sh:property [ sh:path rdf:subject ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ;
                  sh:message "a tie node needs exactly one rdf:subject" ] ;
    sh:property [ sh:path rdf:object ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ;
                  sh:message "a tie node needs exactly one rdf:object" ] ;
    sh:property [ sh:path [ sh:inversePath ig:supports ] ; sh:minCount 1 ;
                  sh:message "a tie needs evidence: at least one ig:Evidence that ig:supports it" ] .

igsh:QuantityShape a sh:NodeShape ;
    sh:targetClass ig:Quantity ;
    sh:property [ sh:path schema:value ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:decimal ;
                  sh:message "a quantity needs one xsd:decimal schema:value" ] ;
    sh:property [ sh:path schema:unitText ; sh:minCount 1 ; sh:maxCount 1 ;
                  sh:message "a quantity needs one schema:unitText" ] ;
    sh:property [ sh:path ig:hedge ; sh:maxCount 1 ; sh:datatype xsd:string ] ;
    sh:property [ sh:path ig:describes ; sh:minCount 1 ; sh:maxCount 1 ; sh:nodeKind sh:IRI ;
                  sh:message "a quantity describes exactly one actor" ] ;
    sh:property [ sh:path prov:wasDerivedFrom ; sh:minCount 1 ; sh:maxCount 1 ; sh:class ig:Document ;
                  sh:message "a quantity needs exactly one prov:wasDerivedFrom, an ig:Document of the export" ] .
"""


def _n3(term: URIRef) -> str:
    text = str(term)
    if text.startswith(str(IG)):
        return f"ig:{text[len(str(IG)):]}"
    return f"<{text}>"


def _lit(text: str) -> str:
    return Literal(text).n3()


def _classes(ontology: Ontology, names: frozenset[str]) -> str:
    return " ".join(_n3(URIRef(ontology.actor_types[n].iri)) for n in sorted(names))


def _tie_shape(ontology: Ontology, tie: TieType) -> str:
    prop = _n3(URIRef(tie.iri))
    domain, range_ = tie.domain, tie.range
    if tie.symmetric and domain != range_:
        domain = range_ = domain | range_
    subject_msg = f"the subject of {tie.name} must be one of: {', '.join(sorted(domain))}"
    object_msg = f"the object of {tie.name} must be one of: {', '.join(sorted(range_))}"
    return f"""
igsh:{tie.name}Shape a sh:NodeShape ;
    rdfs:comment {_lit(f"{tie.name} ({tie.label_en}): end types from the rdfs:domain and rdfs:range of {prop}")} ;
    sh:targetSubjectsOf {prop} ;
    sh:property [
        sh:path rdf:type ;
        sh:qualifiedValueShape [ sh:in ( {_classes(ontology, domain)} ) ] ;
        sh:qualifiedMinCount 1 ;
        sh:message {_lit(subject_msg)} ] ;
    sh:property [
        sh:path {prop} ;
        sh:node igsh:{tie.name}ObjectShape ;
        sh:message {_lit(object_msg)} ] .

igsh:{tie.name}ObjectShape a sh:NodeShape ;
    sh:property [
        sh:path rdf:type ;
        sh:qualifiedValueShape [ sh:in ( {_classes(ontology, range_)} ) ] ;
        sh:qualifiedMinCount 1 ] .
"""


def generate_shapes(ontology: Ontology | None = None) -> str:
    """The text of shapes.ttl for an ontology (the one in force by default)."""
    onto = ontology or load_ontology()
    types = frozenset(onto.actor_types)
    ties = [onto.tie_types[name] for name in sorted(onto.tie_types)]
    tie_props = " ".join(_n3(URIRef(t.iri)) for t in ties)
    targets_s = "\n".join(f"    sh:targetSubjectsOf {_n3(URIRef(t.iri))} ;" for t in ties)
    targets_o = "\n".join(f"    sh:targetObjectsOf {_n3(URIRef(t.iri))} ;" for t in ties)
    targets_c = "\n".join(f"    sh:targetClass {_n3(URIRef(onto.actor_types[n].iri))} ;" for n in sorted(types))
    actor_msg = f"an actor needs exactly one innograph actor type, one of: {', '.join(sorted(types))}"
    generated = f"""
# ------------------------------------------------------- rules from the ontology

igsh:ActorShape a sh:NodeShape ;
    rdfs:comment "Anything typed with an actor class, or at either end of a tie." ;
{targets_c}
{targets_s}
{targets_o}
    sh:targetObjectsOf ig:mentions ;
    sh:targetObjectsOf ig:describes ;
    sh:property [
        sh:path rdf:type ;
        sh:qualifiedValueShape [ sh:in ( {_classes(onto, types)} ) ] ;
        sh:qualifiedMinCount 1 ;
        sh:qualifiedMaxCount 1 ;
        sh:message {_lit(actor_msg)} ] ;
    sh:property [
        sh:path skos:prefLabel ;
        sh:qualifiedValueShape [ sh:languageIn ( "zh-Hans" ) ] ;
        sh:qualifiedMinCount 1 ;
        sh:qualifiedMaxCount 1 ;
        sh:message "an actor needs exactly one Simplified Chinese name: a skos:prefLabel tagged @zh-Hans" ] ;
    sh:property [
        sh:path dcterms:identifier ;
        sh:minCount 1 ;
        sh:maxCount 1 ;
        sh:message "an actor needs exactly one dcterms:identifier, its graph id" ] .

igsh:TiePredicateShape a sh:NodeShape ;
    sh:targetClass ig:Tie ;
    sh:property [
        sh:path rdf:predicate ;
        sh:minCount 1 ;
        sh:maxCount 1 ;
        sh:in ( {tie_props} ) ;
        sh:message "a tie node's rdf:predicate must be one innograph tie property" ] .
"""
    # a UNION of one indexed pattern per tie property: rdflib scans the whole graph for "?this ?path ?value"
    tie_triples = " UNION ".join(f"{{ ?this <{t.iri}> ?value . BIND (<{t.iri}> AS ?path) }}" for t in ties)
    unsupported = (
        f"{{ {tie_triples} "
        "FILTER NOT EXISTS { ?tie <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?this ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?path ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?value . "
        f"?evidence <{IG}supports> ?tie }} }}"
    )
    evidence_shape = f"""
# One whole-graph query finds the subjects of tie triples without evidence (a SHACL-AF SPARQL target:
# pySHACL runs it with advanced=True); the constraint then runs only for those, so a valid export
# costs one query instead of one per actor.
igsh:TieEvidenceShape a sh:NodeShape ;
    rdfs:comment "Every direct tie triple has an ig:Tie node that an ig:Evidence supports." ;
    sh:target [ a sh:SPARQLTarget ; sh:select {_lit("SELECT DISTINCT ?this WHERE " + unsupported)} ] ;
    sh:sparql [
        sh:message "this tie has no evidence: no ig:Tie node for it that an ig:Evidence supports" ;
        sh:select {_lit("SELECT $this ?path ?value WHERE " + unsupported.replace("?this", "$this"))} ] .
"""
    return _HEADER + generated + evidence_shape + "".join(_tie_shape(onto, tie) for tie in ties)


def shapes_path() -> Path:
    """Where shapes.ttl lives: INNOGRAPH_SHAPES, else the packaged copy, else beside ontology.ttl in a checkout."""
    override = os.environ.get("INNOGRAPH_SHAPES")
    if override:
        return Path(override)
    package = Path(__file__).resolve().parent.parent
    packaged = package / "shapes.ttl"
    return packaged if packaged.exists() else package.parent / "shapes.ttl"


if __name__ == "__main__":
    sys.stdout.write(generate_shapes())

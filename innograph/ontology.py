"""The model as ontology.ttl defines it: actor types, tie types, labels, domains, ranges.

Everything else in innograph (schema constraints, validation, the explorer's legend,
RDF export) asks this module instead of keeping its own list, so adding a type to
ontology.ttl is the only change needed to add it to the product.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from innograph.errors import OntologyError

IG = Namespace("https://w3id.org/innograph/ontology#")
ONTOLOGY_IRI = URIRef("https://w3id.org/innograph/ontology")


def ontology_path() -> Path:
    """Where ontology.ttl lives: INNOGRAPH_ONTOLOGY, else the copy packaged with the code."""
    override = os.environ.get("INNOGRAPH_ONTOLOGY")
    if override:
        return Path(override)
    packaged = Path(__file__).with_name("ontology.ttl")
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parent.parent / "ontology.ttl"


@dataclass(frozen=True)
class ActorType:
    name: str  # the class's local name, also the node label: "Park"
    iri: str
    label_en: str
    label_zh: str
    comment: str


@dataclass(frozen=True)
class TieType:
    name: str  # the relationship type: "HOSTS"
    iri: str
    label_en: str
    label_zh: str
    comment: str
    domain: frozenset[str]  # actor type names allowed as subject
    range: frozenset[str]  # actor type names allowed as object
    symmetric: bool

    def allows(self, subject_type: str, object_type: str) -> bool:
        """Whether a tie of this type may join actors of these types, either order if symmetric."""
        if subject_type in self.domain and object_type in self.range:
            return True
        return self.symmetric and object_type in self.domain and subject_type in self.range


@dataclass(frozen=True)
class Ontology:
    path: str
    actor_types: dict[str, ActorType]
    tie_types: dict[str, TieType]
    graph: Graph

    def actor_type(self, name: str) -> ActorType:
        try:
            return self.actor_types[name]
        except KeyError:
            raise OntologyError(
                f"unknown actor type {name!r}; ontology.ttl defines {sorted(self.actor_types)}"
            ) from None

    def tie_type(self, name: str) -> TieType:
        try:
            return self.tie_types[name]
        except KeyError:
            raise OntologyError(
                f"unknown tie type {name!r}; ontology.ttl defines {sorted(self.tie_types)}"
            ) from None


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    for value in graph.objects(node, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return node.split("#")[-1]


def _comment(graph: Graph, node: URIRef) -> str:
    for value in graph.objects(node, RDFS.comment):
        if isinstance(value, Literal) and value.language in (None, "en"):
            return str(value)
    return ""


def _class_members(graph: Graph, node: URIRef, actor_iris: dict[URIRef, str]) -> frozenset[str]:
    """A domain or range as a set of actor type names, expanding owl:unionOf."""
    if node in actor_iris:
        if actor_iris[node] == "Actor":
            return frozenset(name for name in actor_iris.values() if name != "Actor")
        return frozenset({actor_iris[node]})
    union = graph.value(node, OWL.unionOf)
    if union is None:
        raise OntologyError(f"{node} is used as a domain or range but is neither an actor type nor a union")
    members: set[str] = set()
    for member in Collection(graph, union):
        members |= _class_members(graph, URIRef(member), actor_iris)
    return frozenset(members)


def parse_ontology(path: Path) -> Ontology:
    """Read and check an ontology file; raise OntologyError naming the file if it is unusable."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError(f"{path}: not found; set INNOGRAPH_ONTOLOGY to the ontology.ttl to use") from None
    except Exception as exc:  # rdflib raises many parser exception types
        raise OntologyError(f"{path}: cannot parse as Turtle: {exc}") from exc

    actor_iris: dict[URIRef, str] = {IG.Actor: "Actor"}
    for cls in graph.subjects(RDFS.subClassOf, IG.Actor):
        if isinstance(cls, URIRef):
            actor_iris[cls] = cls.split("#")[-1]
    if len(actor_iris) < 2:
        raise OntologyError(f"{path}: defines no subclasses of {IG.Actor}")

    actor_types = {
        name: ActorType(name, str(iri), _label(graph, iri, "en"), _label(graph, iri, "zh-Hans"), _comment(graph, iri))
        for iri, name in actor_iris.items()
        if name != "Actor"
    }

    tie_types: dict[str, TieType] = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        tie_name = graph.value(prop, IG.tieName)
        if tie_name is None or not isinstance(prop, URIRef):
            continue
        domain = graph.value(prop, RDFS.domain)
        range_ = graph.value(prop, RDFS.range)
        if domain is None or range_ is None:
            raise OntologyError(f"{path}: {prop} needs rdfs:domain and rdfs:range")
        symmetric = (prop, RDF.type, OWL.SymmetricProperty) in graph or bool(graph.value(prop, IG.symmetric))
        tie_types[str(tie_name)] = TieType(
            name=str(tie_name),
            iri=str(prop),
            label_en=_label(graph, prop, "en"),
            label_zh=_label(graph, prop, "zh-Hans"),
            comment=_comment(graph, prop),
            domain=_class_members(graph, URIRef(domain), actor_iris),
            range=_class_members(graph, URIRef(range_), actor_iris),
            symmetric=symmetric,
        )
    if not tie_types:
        raise OntologyError(f"{path}: defines no object properties with ig:tieName")
    return Ontology(str(path), actor_types, tie_types, graph)


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Ontology:
    return parse_ontology(Path(path))


def load_ontology(path: Path | None = None) -> Ontology:
    """The ontology in force, parsed once per file version."""
    target = path or ontology_path()
    try:
        mtime = target.stat().st_mtime
    except FileNotFoundError:
        raise OntologyError(f"{target}: not found; set INNOGRAPH_ONTOLOGY to the ontology.ttl to use") from None
    return _cached(str(target), mtime)

"""The RDF vocabulary of innograph's exports: IRIs for graph records, and the alignment read from ontology.ttl.

Two things live here so the exporter, the importer and the shape generator agree on them:

- IRIs. Every record gets a stable IRI under ``https://w3id.org/innograph/id/`` made from
  its graph id as one percent-encoded path segment (so ``/`` inside an id cannot clash
  with the path; Chinese stays readable): ``id/actor/Park:苏州工业园区``, ``id/document/<sha256>``,
  ``id/tie/<tie id>``,
  ``id/evidence/<id>``, ``id/quantity/<id>``; a park's territory is ``<park IRI>/site``.
- The alignment. Which standard terms an actor or a tie also gets in an export is not
  listed in Python: ``Alignment`` reads it from the ontology's axioms and materialises
  them, so a consumer without a reasoner still sees org:/schema:/skos: terms:

  * ``T ⊑ [owl:onProperty p; owl:hasValue v]`` -> ``actor p v`` (industries in ig:Industries);
  * ``T ⊑ [owl:onProperty p; owl:someValuesFrom C]`` -> ``actor p <actor>/site``, ``site a C``
    (a park's territory);
  * a refinement ``r ⊑ P`` of a tie property with domain D and range R -> ``s' sup o'`` for
    each non-innograph super-property ``sup`` of ``r``, when the subject's type is ⊑ D and
    the object's ⊑ R; a subject whose own class is not ⊑ D but whose territory class is
    stands in through its territory (PART_OF: ``org:subOrganizationOf`` between
    organisations, ``schema:containedInPlace`` from a park's territory into a region);
  * an inverse ``i owl:inverseOf P`` -> ``o sup s`` for each non-innograph super-property
    of ``i``, plus ``o a D`` for its domain D (FUNDS: ``schema:funder``; CO_BUILDS:
    ``org:hasMember`` and ``org:OrganizationalCollaboration``).

``IGT`` is a closed namespace of the export's own terms: a misspelt term fails at import
time, and a test checks every one is declared in ontology.ttl.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from rdflib import OWL, RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace
from rdflib.term import Node

from innograph.ontology import IG, Ontology

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/innograph/id/"

Triple = tuple[Node, Node, Node]

__all__ = [
    "DCTERMS",
    "ID",
    "IG",
    "IGT",
    "ORG",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "Alignment",
    "alignment",
    "id_from_iri",
    "iri_for",
    "site_iri",
]


class IGT(DefinedNamespace):
    """innograph's own export terms (closed: an unknown name raises AttributeError)."""

    _NS = Namespace(str(IG))
    _fail = True

    Document: URIRef
    Tie: URIRef
    Evidence: URIRef
    Quantity: URIRef
    Territory: URIRef
    Industries: URIRef
    supports: URIRef
    mentions: URIRef
    describes: URIRef
    kind: URIRef
    start: URIRef
    end: URIRef
    rule: URIRef
    confidence: URIRef
    surface: URIRef
    hedge: URIRef
    text: URIRef
    path: URIRef
    sha256: URIRef
    encoding: URIRef
    chars: URIRef
    tieName: URIRef


RECORD_KINDS = ("actor", "document", "tie", "evidence", "quantity")


# What an IRI path segment may hold as itself (RFC 3987: iunreserved incl. ucschar, sub-delims, ":" "@");
# everything else, and any space character, is percent-encoded.
_ENCODE = re.compile(
    r"\s|[^A-Za-z0-9\-._~!$&'()*+,;=:@\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000efffd]"
)


def _encode_segment(text: str) -> str:
    return _ENCODE.sub(lambda m: quote(m.group(0), safe=""), text)


def iri_for(kind: str, record_id: str) -> URIRef:
    """The stable IRI of a graph record (kind is one of RECORD_KINDS).

    The id is one path segment, percent-encoded where an IRI needs it (``/``, ``|``, ``%``,
    spaces, ASCII punctuation) and left as is elsewhere, so Chinese names stay readable:
    ``id/actor/Park:苏州工业园区``, ``id/tie/Park:苏州工业园区%7CHOSTS%7CLab:苏州实验室``.
    """
    return URIRef(f"{ID}{kind}/{_encode_segment(record_id)}")


def id_from_iri(kind: str, iri: Node) -> str | None:
    """The graph id an IRI of ``iri_for(kind, ...)`` encodes, or None if it is not one."""
    prefix = f"{ID}{kind}/"
    text = str(iri)
    if not isinstance(iri, URIRef) or not text.startswith(prefix) or "/" in text[len(prefix):]:
        return None
    return unquote(text[len(prefix):])


def site_iri(actor: URIRef) -> URIRef:
    return URIRef(f"{actor}/site")


def _external(term: Node) -> bool:
    return isinstance(term, URIRef) and not str(term).startswith(str(IG))


@dataclass(frozen=True)
class _Refinement:
    supers: tuple[URIRef, ...]
    domain: URIRef | None
    range: URIRef | None


@dataclass(frozen=True)
class _Inverse:
    supers: tuple[URIRef, ...]
    domain: URIRef | None


@dataclass
class Alignment:
    """What an export adds to each actor and tie, read once from the ontology's axioms."""

    ontology: Ontology
    type_iri: dict[str, URIRef] = field(default_factory=dict)  # actor type name -> class
    type_of_iri: dict[URIRef, str] = field(default_factory=dict)
    tie_iri: dict[str, URIRef] = field(default_factory=dict)  # tie name -> property
    tie_of_iri: dict[URIRef, str] = field(default_factory=dict)
    _supers: dict[str, frozenset[URIRef]] = field(default_factory=dict)  # type -> its superclasses
    _values: dict[str, tuple[tuple[URIRef, Node], ...]] = field(default_factory=dict)  # hasValue
    _site: dict[str, tuple[URIRef, URIRef]] = field(default_factory=dict)  # type -> (property, class)
    _site_supers: dict[str, frozenset[URIRef]] = field(default_factory=dict)
    _refinements: dict[str, tuple[_Refinement, ...]] = field(default_factory=dict)
    _inverses: dict[str, tuple[_Inverse, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        graph = self.ontology.graph
        for name, actor_type in self.ontology.actor_types.items():
            cls = URIRef(actor_type.iri)
            self.type_iri[name] = cls
            self.type_of_iri[cls] = name
            supers = frozenset(t for t in graph.transitive_objects(cls, RDFS.subClassOf) if isinstance(t, Node))
            self._supers[name] = frozenset(s for s in supers if isinstance(s, URIRef))
            values: list[tuple[URIRef, Node]] = []
            for sup in supers:
                prop = graph.value(sup, OWL.onProperty)
                if prop is None:
                    continue
                value = graph.value(sup, OWL.hasValue)
                if value is not None:
                    values.append((URIRef(prop), value))
                some = graph.value(sup, OWL.someValuesFrom)
                if isinstance(some, URIRef):
                    self._site[name] = (URIRef(prop), some)
                    self._site_supers[name] = frozenset(
                        t for t in graph.transitive_objects(some, RDFS.subClassOf) if isinstance(t, URIRef)
                    )
            self._values[name] = tuple(sorted(values))
        for name, tie_type in self.ontology.tie_types.items():
            prop = URIRef(tie_type.iri)
            self.tie_iri[name] = prop
            self.tie_of_iri[prop] = name
            refinements = []
            for sub in graph.subjects(RDFS.subPropertyOf, prop):
                supers = tuple(sorted(s for s in graph.objects(sub, RDFS.subPropertyOf) if _external(s)))
                if supers:
                    dom, rng = graph.value(sub, RDFS.domain), graph.value(sub, RDFS.range)
                    refinements.append(_Refinement(supers, _uri(dom), _uri(rng)))
            self._refinements[name] = tuple(refinements)
            inverses = []
            for inv in set(graph.subjects(OWL.inverseOf, prop)) | set(graph.objects(prop, OWL.inverseOf)):
                supers = tuple(sorted(s for s in graph.objects(inv, RDFS.subPropertyOf) if _external(s)))
                if supers:
                    inverses.append(_Inverse(supers, _uri(graph.value(inv, RDFS.domain))))
            self._inverses[name] = tuple(inverses)

    def has_site(self, type_name: str) -> bool:
        return type_name in self._site

    def actor_triples(self, type_name: str, iri: URIRef, name: str) -> Iterator[Triple]:
        """The alignment triples of one actor: scheme membership, a park's territory."""
        for prop, value in self._values.get(type_name, ()):
            yield iri, prop, value
        if type_name in self._site:
            prop, cls = self._site[type_name]
            site = site_iri(iri)
            yield iri, prop, site
            yield site, RDF.type, cls
            yield site, RDFS.label, Literal(name, lang="zh-Hans")

    def _stand_in(self, type_name: str, iri: URIRef, cls: URIRef | None) -> URIRef | None:
        """The node that plays ``cls`` for this actor: itself, its territory, or none."""
        if cls is None or cls in self._supers.get(type_name, ()):
            return iri
        if cls in self._site_supers.get(type_name, ()):
            return site_iri(iri)
        return None

    def tie_triples(self, tie: str, s_type: str, s: URIRef, o_type: str, o: URIRef) -> Iterator[Triple]:
        """The standard-vocabulary triples a tie implies for these end types."""
        for ref in self._refinements.get(tie, ()):
            s2 = self._stand_in(s_type, s, ref.domain)
            o2 = self._stand_in(o_type, o, ref.range)
            if s2 is not None and o2 is not None:
                for sup in ref.supers:
                    yield s2, sup, o2
        for inv in self._inverses.get(tie, ()):
            for sup in inv.supers:
                yield o, sup, s
            if inv.domain is not None:
                yield o, RDF.type, inv.domain


def _uri(node: Node | None) -> URIRef | None:
    return node if isinstance(node, URIRef) else None


_ALIGNMENTS: dict[int, tuple[Ontology, Alignment]] = {}


def alignment(ontology: Ontology) -> Alignment:
    """The alignment of an ontology, computed once per loaded ontology."""
    kept = _ALIGNMENTS.get(id(ontology))
    if kept is None or kept[0] is not ontology:
        kept = (ontology, Alignment(ontology))
        _ALIGNMENTS[id(ontology)] = kept
    return kept[1]

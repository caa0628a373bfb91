"""An RDF export back into a store: RDF -> ``Batch`` -> ``store.write``.

Going through ``Batch`` means an import is written exactly like a load (the same ids,
merges and provenance nodes), so export -> import gives back the same graph. Only the
innograph terms are read (types, labels, ``ig:Tie`` nodes, evidence, quantities); the
alignment triples an export adds (org:, schema:) are derived again on the next export.
A tie stated only as a direct triple (``<s> ig:hosts <o>``, no ``ig:Tie`` node) is read
too, with no evidence, so hand-written RDF can be loaded.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from innograph.errors import LoadError, StoreError
from innograph.graph.store import Store, WriteStats
from innograph.graph.vocab import DCTERMS, IGT, PROV, RDF, SCHEMA, SKOS, alignment, id_from_iri
from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie, tie_id
from innograph.ontology import Ontology, load_ontology

SUFFIX_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".jsonld": "json-ld",
    ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
}
QUAD_FORMATS = {"trig", "nquads", "json-ld"}  # parsed through a Dataset
CLI_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}


def rdf_format(path: Path, fmt: str | None = None) -> str:
    """The rdflib parser name for a file: from ``fmt`` if given, else from its suffix."""
    if fmt:
        return CLI_FORMATS.get(fmt, fmt)
    try:
        return SUFFIX_FORMATS[path.suffix.lower()]
    except KeyError:
        raise LoadError(
            str(path), f"cannot tell the RDF format from the suffix {path.suffix!r}",
            f"name it .ttl, .nt, .jsonld or .trig, or pass --format ({', '.join(CLI_FORMATS)})",
        ) from None


def read_rdf(path: Path, fmt: str | None = None) -> Graph:
    """Parse an RDF file into one graph; the named graphs of TriG / N-Quads are merged into it."""
    rdflib_format = rdf_format(path, fmt)
    graph = Graph()
    try:
        if rdflib_format in QUAD_FORMATS:
            with warnings.catch_warnings():  # these rdflib parsers use its deprecated ConjunctiveGraph API
                warnings.simplefilter("ignore", DeprecationWarning)
                dataset = Dataset()
                dataset.parse(path, format=rdflib_format)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    graph.add((s, p, o))
        else:
            graph.parse(path, format=rdflib_format)
    except FileNotFoundError:
        raise LoadError(str(path), "not found") from None
    except Exception as exc:  # rdflib's parsers raise many exception types
        raise LoadError(str(path), f"cannot parse as {rdflib_format}: {exc}", "is it an innograph export?") from exc
    return graph


def _text(graph: Graph, node: Node, prop: URIRef, default: str = "") -> str:
    value = graph.value(node, prop)
    return default if value is None else str(value)


def _int(graph: Graph, node: Node, prop: URIRef) -> int:
    value = graph.value(node, prop)
    return 0 if value is None else int(value.toPython() if isinstance(value, Literal) else value)


def _float(graph: Graph, node: Node, prop: URIRef) -> float:
    value = graph.value(node, prop)
    return 0.0 if value is None else float(value.toPython() if isinstance(value, Literal) else value)


def _doc_id(graph: Graph, node: Node, where: str) -> str:
    doc = graph.value(node, PROV.wasDerivedFrom)
    doc_id = id_from_iri("document", doc) if doc is not None else None
    if doc_id is None:
        raise LoadError(where, f"{node} has no prov:wasDerivedFrom pointing at an innograph document")
    return doc_id


def _evidence(graph: Graph, node: Node, where: str) -> Evidence:
    return Evidence(
        doc_id=_doc_id(graph, node, where),
        sentence=_text(graph, node, PROV.value),
        start=_int(graph, node, IGT.start),
        end=_int(graph, node, IGT.end),
        rule=_text(graph, node, IGT.rule),
        confidence=_float(graph, node, IGT.confidence),
    )


def graph_to_batch(graph: Graph, ontology: Ontology | None = None, where: str = "<rdf>") -> Batch:
    """The Batch an export describes; ``where`` names the file in error messages."""
    align = alignment(ontology or load_ontology())
    batch = Batch()
    for doc in sorted(graph.subjects(RDF.type, IGT.Document)):
        doc_id = id_from_iri("document", doc) or _text(graph, doc, DCTERMS.identifier)
        batch.documents.append(Document(
            doc_id=doc_id,
            path=_text(graph, doc, IGT.path),
            title=_text(graph, doc, DCTERMS.title),
            date=_text(graph, doc, DCTERMS.date),
            encoding=_text(graph, doc, IGT.encoding),
            media_type=_text(graph, doc, DCTERMS.format, "text/plain"),
            chars=_int(graph, doc, IGT.chars),
        ))

    for cls, type_name in sorted(align.type_of_iri.items()):
        for node in sorted(graph.subjects(RDF.type, cls)):
            labels = set(graph.objects(node, SKOS.prefLabel)) | set(graph.objects(node, SKOS.altLabel))
            names = [o for o in labels if isinstance(o, Literal) and o.language == "zh-Hans"
                     and (node, SKOS.prefLabel, o) in graph]
            if len(names) != 1:
                raise LoadError(where, f"actor {node} has {len(names)} skos:prefLabel@zh-Hans, needs exactly one",
                                "run `innograph validate` on the file")
            name = str(names[0])
            aliases = {str(label) for label in labels if label != names[0]}
            stated = id_from_iri("actor", node)
            actor = Actor(type=type_name, name=name, aliases=aliases)
            if stated is not None and stated != actor.id:
                raise LoadError(where, f"actor {node} is typed {type_name} and named {name!r}, "
                                       f"so its id would be {actor.id!r}, not {stated!r}")
            batch.add_actor(actor)

    tie_evidence: dict[Node, list[Evidence]] = defaultdict(list)
    for node in sorted(graph.subjects(RDF.type, IGT.Evidence)):
        ev = _evidence(graph, node, where)
        kind = _text(graph, node, IGT.kind)
        if kind == "mention":
            target = graph.value(node, IGT.mentions)
            target_id = id_from_iri("actor", target) if target is not None else None
            if target_id not in batch.actors:
                raise LoadError(where, f"mention evidence {node} mentions {target}, which is not an actor of the file")
            batch.actors[target_id].mentions.append(Mention(target_id, _text(graph, node, IGT.surface), ev))
        else:
            target = graph.value(node, IGT.supports)
            if target is None:
                raise LoadError(where, f"tie evidence {node} has no ig:supports")
            tie_evidence[target].append(ev)

    for node in sorted(graph.subjects(RDF.type, IGT.Tie)):
        prop = graph.value(node, RDF.predicate)
        ends = id_from_iri("actor", graph.value(node, RDF.subject)), id_from_iri("actor", graph.value(node, RDF.object))
        if prop not in align.tie_of_iri or None in ends:
            raise LoadError(where, f"tie {node} needs rdf:subject and rdf:object actors and an innograph tie "
                                   f"property as rdf:predicate (has {prop})")
        subject, obj = ends
        for end in ends:
            if end not in batch.actors:
                raise LoadError(where, f"tie {node} joins {end}, which is not an actor of the file")
        batch.add_tie(Tie(str(subject), align.tie_of_iri[URIRef(prop)], str(obj), evidence=tie_evidence[node]))

    for prop, tie_name in align.tie_of_iri.items():
        for s, o in graph.subject_objects(prop):
            sid, oid = id_from_iri("actor", s), id_from_iri("actor", o)
            if sid in batch.actors and oid in batch.actors and tie_id(sid, tie_name, oid) not in batch.ties:
                batch.add_tie(Tie(sid, tie_name, oid))

    for node in sorted(graph.subjects(RDF.type, IGT.Quantity)):
        described = id_from_iri("actor", graph.value(node, IGT.describes))
        if described not in batch.actors:
            raise LoadError(where, f"quantity {node} describes {described}, which is not an actor of the file")
        batch.quantities.append(Quantity(
            actor_id=described,
            value=_float(graph, node, SCHEMA.value),
            unit=_text(graph, node, SCHEMA.unitText),
            hedge=_text(graph, node, IGT.hedge),
            text=_text(graph, node, IGT.text),
            evidence=_evidence(graph, node, where),
        ))
    return batch


def store_is_empty(store: Store) -> int:
    """How many nodes the store holds (0 when empty)."""
    rows = store.run("MATCH (n) RETURN count(n) AS n", {}, read_only=True)
    return int(rows[0]["n"]) if rows else 0


def import_rdf(store: Store, path: Path, fmt: str | None = None, *, ontology: Ontology | None = None) -> WriteStats:
    """Load an export into an empty store; refuse a non-empty one rather than merge silently."""
    held = store_is_empty(store)
    if held:
        raise StoreError(
            f"{store.location}: the store already holds {held} nodes; import {path} into an empty store "
            "(another --store directory, or clear this one first)"
        )
    batch = graph_to_batch(read_rdf(path, fmt), ontology, str(path))
    if not batch.documents and not batch.actors:
        raise LoadError(str(path), "holds no innograph documents or actors", "is it an `innograph export rdf` file?")
    return store.write(batch)


__all__ = ["graph_to_batch", "import_rdf", "rdf_format", "read_rdf", "store_is_empty"]

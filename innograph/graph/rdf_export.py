"""The graph as RDF (Turtle, N-Triples, JSON-LD, TriG), written page by page.

Provenance model: qualified tie nodes. Each tie is exported twice, as the direct triple
``<s> ig:hosts <o>`` (what most SPARQL wants) and as an ``ig:Tie`` node (an
``rdf:Statement``: ``rdf:subject``/``rdf:predicate``/``rdf:object``) with the tie's id.
Each piece of evidence is an ``ig:Evidence`` (a ``prov:Entity``) that ``ig:supports`` its
tie node (or ``ig:mentions`` an actor, with ``ig:surface``), ``prov:wasDerivedFrom`` its
``ig:Document``, carries the sentence as ``prov:value`` and the offsets as ``ig:start`` /
``ig:end``. This works the same in every format; in TriG the evidence and quantities of
a document are also placed in a named graph named by the document's IRI, so per-document
provenance can be queried with ``GRAPH``, while actors and ties stay in the default graph.
"Every sentence that says A co-builds B" in SPARQL::

    ?tie rdf:subject ?a ; rdf:predicate ig:coBuilds ; rdf:object ?b .
    ?ev ig:supports ?tie ; prov:value ?sentence ; prov:wasDerivedFrom ?doc .

Actors: the type class, ``dcterms:identifier`` (the graph id), ``skos:prefLabel``@zh-Hans
(the canonical name), a Traditional alias that converts to the name as
``skos:prefLabel``@zh-Hant, other aliases ``skos:altLabel`` (@zh-Hant when OpenCC t2s changes
them, @zh-Hans when they hold Han characters, untagged otherwise), plus the ontology's
alignment triples (see ``innograph.graph.vocab``). Quantities are ``ig:Quantity`` /
``schema:QuantitativeValue`` (``schema:MonetaryAmount`` for amounts in 元) with an
``xsd:decimal`` ``schema:value``, ``schema:unitText`` and ``ig:hedge``. Numbers that must
come back exactly (values, confidences) are ``xsd:decimal`` from the float's shortest
repr: rdflib's Turtle writer rounds doubles.

Streaming: rows are read from the store in pages keyed on ids (``WHERE n.id > $after
ORDER BY n.id LIMIT $limit``, parameterised, the same on FalkorDB and Neo4j), each page
becomes a list of statements, and the page is written (``rdf_writers``) before the next
is read: N-Triples, Turtle and TriG blocks concatenate, JSON-LD writes one ``@graph``
array whose node objects come page by page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace
from typing import Any, TextIO

from rdflib import Literal, URIRef
from rdflib.term import Node

from innograph.errors import InnographError
from innograph.graph.rdf_writers import writer_for
from innograph.graph.store import Row, Store
from innograph.graph.vocab import DCTERMS as _DCTERMS
from innograph.graph.vocab import IGT as _IGT
from innograph.graph.vocab import ORG, RDFS, SCHEMA, Alignment, alignment, iri_for
from innograph.graph.vocab import PROV as _PROV
from innograph.graph.vocab import RDF as _RDF
from innograph.graph.vocab import SKOS as _SKOS
from innograph.graph.vocab import XSD as _XSD
from innograph.graph.writer import quantity_id
from innograph.model import Batch, evidence_id
from innograph.ontology import IG, Ontology, load_ontology


def _resolved(namespace: Any, *names: str) -> SimpleNamespace:
    """Terms looked up once: rdflib's closed namespaces are slow to query once per statement."""
    return SimpleNamespace(**{name: getattr(namespace, name) for name in names})


DCTERMS = _resolved(_DCTERMS, "date", "format", "identifier", "title")
IGT = _resolved(_IGT, *_IGT.__annotations__)
PROV = _resolved(_PROV, "Entity", "value", "wasDerivedFrom")
RDF = _resolved(_RDF, "object", "predicate", "subject", "type")
SKOS = _resolved(_SKOS, "altLabel", "prefLabel")
XSD = _resolved(_XSD, "date", "decimal")

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
PREFIXES = {
    "ig": str(IG),
    "igid": "https://w3id.org/innograph/id/",
    "org": str(ORG),
    "schema": str(SCHEMA),
    "skos": str(_SKOS),
    "prov": str(_PROV),
    "dcterms": str(_DCTERMS),
    "rdf": str(_RDF),
    "rdfs": str(RDFS),
    "xsd": str(_XSD),
}
CURRENCIES = {"元": "CNY", "万元": "CNY", "亿元": "CNY", "美元": "USD", "欧元": "EUR", "港元": "HKD", "日元": "JPY"}
KINDS = ("document", "actor", "tie", "evidence", "quantity")
DEFAULT_PAGE_SIZE = 2000

Quad = tuple[Node, Node, Node, URIRef | None]


@dataclass
class ExportStats:
    """What an export wrote, per kind of record, and the number of statements."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    triples: int = 0


# ------------------------------------------------------------------ sources of rows

_CYPHER = {
    "document": "MATCH (n:Document) WHERE n.id > $after RETURN n.id AS id, n.path AS path, n.title AS title, "
    "n.date AS date, n.encoding AS encoding, n.media_type AS media_type, n.chars AS chars "
    "ORDER BY n.id LIMIT $limit",
    "actor": "MATCH (n:Actor) WHERE n.id > $after RETURN n.id AS id, n.name AS name, n.type AS type, "
    "n.aliases AS aliases ORDER BY n.id LIMIT $limit",
    "tie": "MATCH (s:Actor)-[r]->(o:Actor) WHERE type(r) IN $ties AND r.id > $after "
    "RETURN r.id AS id, s.id AS subject, s.type AS subject_type, type(r) AS predicate, o.id AS object, "
    "o.type AS object_type ORDER BY r.id LIMIT $limit",
    "evidence": "MATCH (n:Evidence) WHERE n.id > $after RETURN n.id AS id, n.kind AS kind, n.target AS target, "
    "n.doc_id AS doc_id, n.sentence AS sentence, n.start AS `start`, n.end AS `end`, n.rule AS rule, "
    "n.confidence AS confidence, n.surface AS surface ORDER BY n.id LIMIT $limit",
    "quantity": "MATCH (n:Quantity) WHERE n.id > $after RETURN n.id AS id, n.actor_id AS actor_id, "
    "n.value AS value, n.unit AS unit, n.hedge AS hedge, n.text AS text, n.doc_id AS doc_id, "
    "n.sentence AS sentence, n.start AS `start`, n.end AS `end`, n.rule AS rule, n.confidence AS confidence "
    "ORDER BY n.id LIMIT $limit",
}


def store_pages(store: Store, ontology: Ontology | None = None,
                page_size: int = DEFAULT_PAGE_SIZE) -> Iterator[tuple[str, list[Row]]]:
    """Every record of a store as (kind, rows) pages, reading one page at a time."""
    onto = ontology or load_ontology()
    ties = sorted(onto.tie_types)
    for kind in KINDS:
        after = ""
        while True:
            params: dict[str, Any] = {"after": after, "limit": page_size}
            if kind == "tie":
                params["ties"] = ties
            rows = store.run(_CYPHER[kind], params, read_only=True)
            if not rows:
                break
            yield kind, rows
            if len(rows) < page_size:
                break
            after = rows[-1]["id"]


def batch_pages(batch: Batch, ontology: Ontology | None = None,
                page_size: int = DEFAULT_PAGE_SIZE) -> Iterator[tuple[str, list[Row]]]:
    """The records a store would hold after writing ``batch``, as (kind, rows) pages."""
    onto = ontology or load_ontology()
    docs = {d.doc_id: d for d in batch.documents}
    evidence: dict[str, Row] = {}
    for actor in batch.actors.values():
        for mention in actor.mentions:
            _add_evidence(evidence, "mention", actor.id, mention.evidence, mention.surface)
    for tie in batch.ties.values():
        for ev in tie.evidence:
            _add_evidence(evidence, "tie", tie.id, ev, "")
    types = {a.id: a.type for a in batch.actors.values()}
    quantities = {}
    for q in batch.quantities:
        ev = q.evidence
        qid = quantity_id(q.actor_id, ev)
        quantities[qid] = {
            "id": qid, "actor_id": q.actor_id, "value": q.value, "unit": q.unit, "hedge": q.hedge, "text": q.text,
            "doc_id": ev.doc_id, "sentence": ev.sentence, "start": ev.start, "end": ev.end, "rule": ev.rule,
            "confidence": ev.confidence,
        }
    tables: dict[str, list[Row]] = {
        "document": [
            {"id": d.doc_id, "path": d.path, "title": d.title, "date": d.date, "encoding": d.encoding,
             "media_type": d.media_type, "chars": d.chars}
            for d in docs.values()
        ],
        "actor": [
            {"id": a.id, "name": a.name, "type": a.type, "aliases": sorted(x for x in a.aliases if x and x != a.name)}
            for a in batch.actors.values()
        ],
        "tie": [_tie_row(t.id, *_stored_ends(onto, t.subject_id, t.predicate, t.object_id), types)
                for t in batch.ties.values()],
        "evidence": list(evidence.values()),
        "quantity": list(quantities.values()),
    }
    for kind in KINDS:
        rows = sorted(tables[kind], key=lambda row: row["id"])
        for i in range(0, len(rows), page_size):
            yield kind, rows[i:i + page_size]


def _stored_ends(onto: Ontology, subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """A tie's ends in the order the store keeps them: symmetric ties sorted, as tie_id keys them."""
    if onto.tie_type(predicate).symmetric and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


def _tie_row(tid: str, subject: str, predicate: str, obj: str, types: dict[str, str]) -> Row:
    return {"id": tid, "subject": subject, "subject_type": types.get(subject, subject.split(":")[0]),
            "predicate": predicate, "object": obj, "object_type": types.get(obj, obj.split(":")[0])}


def _add_evidence(table: dict[str, Row], kind: str, target: str, ev: Any, surface: str) -> None:
    eid = evidence_id(kind, target, ev)
    table[eid] = {
        "id": eid, "kind": kind, "target": target, "doc_id": ev.doc_id, "sentence": ev.sentence,
        "start": ev.start, "end": ev.end, "rule": ev.rule, "confidence": ev.confidence, "surface": surface,
    }


# ------------------------------------------------------------------ rows to triples

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """Whether OpenCC's Traditional-to-Simplified conversion changes the text."""
    return _t2s().convert(text) != text


def decimal_literal(value: float | int) -> Literal:
    """An xsd:decimal that reads back as exactly the same float."""
    text = format(Decimal(repr(float(value))), "f")
    return Literal(text, datatype=XSD.decimal)


def _str(value: Any) -> str:
    return "" if value is None else str(value)


class _Triples:
    """Turns rows of one kind into quads; the graph name is a document IRI for provenance in TriG."""

    def __init__(self, align: Alignment) -> None:
        self.align = align

    def rows(self, kind: str, rows: Iterable[Row]) -> Iterator[Quad]:
        method = getattr(self, kind)
        for row in rows:
            yield from method(row)

    def document(self, row: Row) -> Iterator[Quad]:
        d = iri_for("document", row["id"])
        yield d, RDF.type, IGT.Document, None
        yield d, RDF.type, PROV.Entity, None
        yield d, DCTERMS.identifier, Literal(row["id"]), None
        yield d, IGT.sha256, Literal(row["id"]), None
        yield d, IGT.path, Literal(_str(row["path"])), None
        if row.get("title"):
            yield d, DCTERMS.title, Literal(row["title"]), None
        date = _str(row.get("date"))
        if date:
            typed = Literal(date, datatype=XSD.date) if _ISO_DATE.fullmatch(date) else Literal(date)
            yield d, DCTERMS.date, typed, None
        if row.get("encoding"):
            yield d, IGT.encoding, Literal(row["encoding"]), None
        if row.get("media_type"):
            yield d, DCTERMS.format, Literal(row["media_type"]), None
        yield d, IGT.chars, Literal(int(row.get("chars") or 0)), None

    def actor(self, row: Row) -> Iterator[Quad]:
        a = iri_for("actor", row["id"])
        type_name, name = row["type"], row["name"]
        cls = self.align.type_iri.get(type_name)
        if cls is None:
            raise InnographError(
                f"actor {row['id']!r} has type {type_name!r}, which ontology.ttl does not define; "
                "export with the ontology the graph was loaded with (INNOGRAPH_ONTOLOGY)"
            )
        yield a, RDF.type, cls, None
        yield a, DCTERMS.identifier, Literal(row["id"]), None
        yield a, SKOS.prefLabel, Literal(name, lang="zh-Hans"), None
        hant_pref = False
        for alias in sorted(set(row.get("aliases") or [])):
            if alias == name:
                continue
            if is_traditional(alias):
                if not hant_pref and _t2s().convert(alias) == name:
                    hant_pref = True
                    yield a, SKOS.prefLabel, Literal(alias, lang="zh-Hant"), None
                else:
                    yield a, SKOS.altLabel, Literal(alias, lang="zh-Hant"), None
            elif _HAN.search(alias):
                yield a, SKOS.altLabel, Literal(alias, lang="zh-Hans"), None
            else:
                yield a, SKOS.altLabel, Literal(alias), None
        for s, p, o in self.align.actor_triples(type_name, a, name):
            yield s, p, o, None

    def tie(self, row: Row) -> Iterator[Quad]:
        prop = self.align.tie_iri.get(row["predicate"])
        if prop is None:
            raise InnographError(
                f"tie {row['id']!r} has type {row['predicate']!r}, which ontology.ttl does not define; "
                "export with the ontology the graph was loaded with (INNOGRAPH_ONTOLOGY)"
            )
        s, o, t = iri_for("actor", row["subject"]), iri_for("actor", row["object"]), iri_for("tie", row["id"])
        yield s, prop, o, None
        yield t, RDF.type, IGT.Tie, None
        yield t, DCTERMS.identifier, Literal(row["id"]), None
        yield t, RDF.subject, s, None
        yield t, RDF.predicate, prop, None
        yield t, RDF.object, o, None
        for s2, p2, o2 in self.align.tie_triples(row["predicate"], row["subject_type"], s, row["object_type"], o):
            yield s2, p2, o2, None

    def _provenance(self, node: URIRef, row: Row) -> Iterator[Quad]:
        doc = iri_for("document", row["doc_id"])
        yield node, PROV.wasDerivedFrom, doc, doc
        yield node, PROV.value, Literal(_str(row["sentence"])), doc
        yield node, IGT.start, Literal(int(row["start"])), doc
        yield node, IGT.end, Literal(int(row["end"])), doc
        yield node, IGT.rule, Literal(_str(row["rule"])), doc
        yield node, IGT.confidence, decimal_literal(row["confidence"] or 0.0), doc

    def evidence(self, row: Row) -> Iterator[Quad]:
        e = iri_for("evidence", row["id"])
        doc = iri_for("document", row["doc_id"])
        yield e, RDF.type, IGT.Evidence, doc
        yield e, RDF.type, PROV.Entity, doc
        yield e, DCTERMS.identifier, Literal(row["id"]), doc
        yield e, IGT.kind, Literal(row["kind"]), doc
        if row["kind"] == "tie":
            yield e, IGT.supports, iri_for("tie", row["target"]), doc
        else:
            yield e, IGT.mentions, iri_for("actor", row["target"]), doc
            yield e, IGT.surface, Literal(_str(row.get("surface"))), doc
        yield from self._provenance(e, row)

    def quantity(self, row: Row) -> Iterator[Quad]:
        q = iri_for("quantity", row["id"])
        doc = iri_for("document", row["doc_id"])
        unit = _str(row["unit"])
        yield q, RDF.type, IGT.Quantity, doc
        if unit.endswith("元"):
            yield q, RDF.type, SCHEMA.MonetaryAmount, doc
            if unit in CURRENCIES:
                yield q, SCHEMA.currency, Literal(CURRENCIES[unit]), doc
        else:
            yield q, RDF.type, SCHEMA.QuantitativeValue, doc
        yield q, DCTERMS.identifier, Literal(row["id"]), doc
        yield q, IGT.describes, iri_for("actor", row["actor_id"]), doc
        yield q, SCHEMA.value, decimal_literal(row["value"]), doc
        yield q, SCHEMA.unitText, Literal(unit), doc
        yield q, IGT.hedge, Literal(_str(row.get("hedge"))), doc
        yield q, IGT.text, Literal(_str(row.get("text"))), doc
        yield from self._provenance(q, row)


def export_quads(pages: Iterable[tuple[str, list[Row]]], ontology: Ontology | None = None,
                 stats: ExportStats | None = None) -> Iterator[list[Quad]]:
    """Pages of rows to pages of quads (graph name None = default graph)."""
    maker = _Triples(alignment(ontology or load_ontology()))
    for kind, rows in pages:
        quads = list(maker.rows(kind, rows))
        if stats is not None:
            stats.counts[kind] += len(rows)
            stats.triples += len(quads)
        yield quads


# ------------------------------------------------------------------ writers

def write_quads(pages: Iterable[list[Quad]], out: TextIO, fmt: str) -> None:
    """Serialise pages of quads to ``out`` in one of FORMATS, one page in memory at a time."""
    if fmt not in FORMATS:
        raise InnographError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    writer = writer_for(fmt, out, PREFIXES)
    for quads in pages:
        if quads:
            writer.page(quads)
    writer.close()


def export_store(store: Store, out: TextIO, fmt: str = "ttl", *, ontology: Ontology | None = None,
                 page_size: int = DEFAULT_PAGE_SIZE) -> ExportStats:
    """Write a store's whole graph to ``out``, reading and writing one page at a time."""
    stats = ExportStats()
    onto = ontology or load_ontology()
    write_quads(export_quads(store_pages(store, onto, page_size), onto, stats), out, fmt)
    return stats


def export_batch(batch: Batch, out: TextIO, fmt: str = "ttl", *, ontology: Ontology | None = None) -> ExportStats:
    """Write what a store would hold after writing ``batch`` (tests, and exports without a store)."""
    stats = ExportStats()
    onto = ontology or load_ontology()
    write_quads(export_quads(batch_pages(batch, onto), onto, stats), out, fmt)
    return stats

"""Streaming writers for N-Triples, Turtle, TriG and JSON-LD, a page of statements at a time.

rdflib's serialisers build a graph per call and spend most of their time computing
prefixed names for long percent-encoded IRIs (a few hundred statements per second on
the export's IRIs). An export only ever writes the few term shapes ``rdf_export``
makes, so these writers format them directly: full IRIs for records, prefixed names
for vocabulary terms, literals with their language or datatype kept as given (so
decimals round-trip exactly). Statements are grouped by subject within a page; a
subject split across pages is simply written twice, which every format allows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import TextIO

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

Quad = tuple[Node, Node, Node, URIRef | None]

_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_ESCAPE = re.compile(r'[\\"\n\r]')


def _iri(term: URIRef) -> str:
    text = str(term)
    if _IRI_UNSAFE.search(text):
        text = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode("utf-8")), text)
    return f"<{text}>"


def _string(text: str) -> str:
    return '"' + _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text) + '"'


class _Names:
    """Prefixed names for vocabulary IRIs (record IRIs stay full: their local parts are not valid names)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda item: -len(item[0]))
        self.cache: dict[str, str] = {}

    def iri(self, term: URIRef) -> str:
        text = str(term)
        found = self.cache.get(text)
        if found is None:
            found = _iri(term)
            for ns, prefix in self.prefixes:
                if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                    found = f"{prefix}:{text[len(ns):]}"
                    break
            self.cache[text] = found
        return found

    def term(self, term: Node) -> str:
        if isinstance(term, Literal):
            body = _string(str(term))
            if term.language:
                return f"{body}@{term.language}"
            if term.datatype is not None and term.datatype != XSD.string:
                return f"{body}^^{self.iri(term.datatype)}"
            return body
        if isinstance(term, URIRef):
            return self.iri(term)
        return f"_:{term}"


def _nt_term(term: Node) -> str:
    if isinstance(term, Literal):
        body = _string(str(term))
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{body}^^{_iri(term.datatype)}"
        return body
    if isinstance(term, URIRef):
        return _iri(term)
    return f"_:{term}"


def _by_subject(quads: Iterable[Quad]) -> dict[tuple[URIRef | None, Node], list[tuple[Node, Node]]]:
    grouped: dict[tuple[URIRef | None, Node], list[tuple[Node, Node]]] = {}
    seen: set[Quad] = set()
    for quad in quads:
        if quad in seen:
            continue
        seen.add(quad)
        s, p, o, g = quad
        grouped.setdefault((g, s), []).append((p, o))
    return grouped


class NTriplesWriter:
    def __init__(self, out: TextIO, prefixes: dict[str, str]) -> None:
        self.out = out

    def page(self, quads: list[Quad]) -> None:
        self.out.write("".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o, _ in dict.fromkeys(quads)))

    def close(self) -> None:
        pass


class TurtleWriter:
    """Turtle, or TriG when ``graphs`` is set (provenance in one named graph per document)."""

    def __init__(self, out: TextIO, prefixes: dict[str, str], graphs: bool = False) -> None:
        self.out = out
        self.names = _Names(prefixes)
        self.graphs = graphs
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()) + "\n")

    def _block(self, subject: Node, pairs: list[tuple[Node, Node]], indent: str) -> str:
        term = self.names.term
        lines = [f"{indent}{term(subject)}"]
        for i, (p, o) in enumerate(pairs):
            verb = "a" if p == RDF.type else term(p)
            end = " ." if i == len(pairs) - 1 else " ;"
            lines.append(f"{indent}    {verb} {term(o)}{end}")
        return "\n".join(lines) + "\n"

    def page(self, quads: list[Quad]) -> None:
        grouped = _by_subject(quads if self.graphs else [(s, p, o, None) for s, p, o, _ in quads])
        parts: list[str] = []
        by_graph: dict[URIRef | None, list[str]] = {}
        for (graph, subject), pairs in grouped.items():
            by_graph.setdefault(graph, []).append(self._block(subject, pairs, "" if graph is None else "    "))
        for graph, blocks in by_graph.items():
            if graph is None:
                parts.extend(blocks)
            else:
                parts.append(f"{self.names.term(graph)} {{\n" + "".join(blocks) + "}\n")
        self.out.write("\n".join(parts) + "\n")

    def close(self) -> None:
        pass


class JsonLdWriter:
    """One JSON-LD document: the context, then one node object per subject and page in ``@graph``."""

    def __init__(self, out: TextIO, prefixes: dict[str, str]) -> None:
        self.out = out
        self.names = _Names(prefixes)
        self.first = True
        out.write('{\n"@context": ' + json.dumps(prefixes, ensure_ascii=False) + ',\n"@graph": [\n')

    def _key(self, term: URIRef) -> str:
        name = self.names.iri(term)
        return name[1:-1] if name.startswith("<") else name

    def _value(self, term: Node) -> dict[str, str]:
        if isinstance(term, Literal):
            value = {"@value": str(term)}
            if term.language:
                value["@language"] = term.language
            elif term.datatype is not None and term.datatype != XSD.string:
                value["@type"] = self._key(term.datatype)
            return value
        return {"@id": str(term)}

    def page(self, quads: list[Quad]) -> None:
        for (_, subject), pairs in _by_subject((s, p, o, None) for s, p, o, _ in quads).items():
            node: dict[str, object] = {"@id": str(subject)}
            for p, o in pairs:
                if p == RDF.type:
                    node.setdefault("@type", []).append(self._key(o))  # type: ignore[union-attr]
                else:
                    node.setdefault(self._key(p), []).append(self._value(o))  # type: ignore[union-attr]
            self.out.write(("" if self.first else ",\n") + json.dumps(node, ensure_ascii=False))
            self.first = False

    def close(self) -> None:
        self.out.write("\n]\n}\n")


def writer_for(fmt: str, out: TextIO, prefixes: dict[str, str]) -> NTriplesWriter | TurtleWriter | JsonLdWriter:
    if fmt == "nt":
        return NTriplesWriter(out, prefixes)
    if fmt == "ttl":
        return TurtleWriter(out, prefixes)
    if fmt == "trig":
        return TurtleWriter(out, prefixes, graphs=True)
    return JsonLdWriter(out, prefixes)

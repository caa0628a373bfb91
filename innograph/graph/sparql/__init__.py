"""Example SPARQL queries over an RDF export, each beside the Cypher that answers the same question.

Each ``.rq`` file starts with a comment header::

    # name: park_hosts
    # parameters: park:name            (name:kind, comma-separated; kinds: name, tie)
    # description: ...
    # cypher: MATCH ... RETURN ...     (the same question on the property graph)

A ``name`` parameter is bound as a ``@zh-Hans`` literal (canonical names are
skos:prefLabel@zh-Hans), a ``tie`` parameter as the ontology property of a tie name
("CO_BUILDS" -> ig:coBuilds). Values are bound, never pasted into the query text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from innograph.errors import QueryFileError
from innograph.ontology import load_ontology

HERE = Path(__file__).resolve().parent
_KINDS = {"name", "tie"}


@dataclass(frozen=True)
class SparqlQuery:
    name: str
    path: Path
    parameters: dict[str, str]  # parameter -> kind
    description: str
    cypher: str
    text: str


def _parse(path: Path) -> SparqlQuery:
    header: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].partition(":")
        if not sep:
            raise QueryFileError(f"{path}: header line {line!r} is not '# key: value'")
        header[key.strip()] = value.strip()
    missing = {"name", "parameters", "description", "cypher"} - header.keys()
    if missing:
        raise QueryFileError(f"{path}: header lacks {', '.join(sorted(missing))}")
    params: dict[str, str] = {}
    for spec in filter(None, (p.strip() for p in header["parameters"].split(","))):
        param, _, kind = spec.partition(":")
        if kind not in _KINDS:
            raise QueryFileError(f"{path}: parameter {spec!r} needs a kind, one of {sorted(_KINDS)}")
        params[param] = kind
    return SparqlQuery(header["name"], path, params, header["description"], header["cypher"],
                       path.read_text(encoding="utf-8"))


def sparql_queries() -> dict[str, SparqlQuery]:
    """Every example query, by name."""
    queries = [_parse(path) for path in sorted(HERE.glob("*.rq"))]
    return {q.name: q for q in queries}


def sparql_query(name: str) -> SparqlQuery:
    queries = sparql_queries()
    if name not in queries:
        raise QueryFileError(f"no SPARQL query named {name!r}; there are {sorted(queries)} in {HERE}")
    return queries[name]


def run_sparql(graph: Graph, name: str, **params: str) -> list[dict[str, Any]]:
    """Run a named query on an export, binding parameters by kind; rows of plain Python values."""
    query = sparql_query(name)
    if set(params) != set(query.parameters):
        raise QueryFileError(f"{query.path}: takes parameters {sorted(query.parameters)}, got {sorted(params)}")
    bindings: dict[str, Any] = {}
    for param, value in params.items():
        if query.parameters[param] == "tie":
            bindings[param] = URIRef(load_ontology().tie_type(value).iri)
        else:
            bindings[param] = Literal(value, lang="zh-Hans")
    result = graph.query(query.text, initBindings=bindings)
    names = [str(v) for v in result.vars or []]
    return [{n: (row[n].toPython() if row[n] is not None else None) for n in names} for row in result]

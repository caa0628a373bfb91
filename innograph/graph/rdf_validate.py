"""Check an RDF export against shapes.ttl with pySHACL and say, readably, what is wrong.

The export is flattened to one graph first: pySHACL validates each named graph of a
dataset on its own, and a TriG export keeps evidence in per-document graphs while the
ties they support sit in the default graph. pySHACL runs with SHACL-AF (``advanced``) on,
for the one SPARQL target in shapes.ttl.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from innograph.errors import InnographError
from innograph.graph.rdf_export import PREFIXES
from innograph.graph.rdf_import import read_rdf
from innograph.graph.shapes import generate_shapes, shapes_path


@dataclass(frozen=True)
class Violation:
    """One failed rule: the node at fault, the property, what the rule says, and the offending value."""

    focus: str
    path: str
    message: str
    value: str
    severity: str
    constraint: str  # the SHACL component, e.g. "QualifiedMinCountConstraintComponent"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation]


def short(term: Node | None) -> str:
    """A term as a reader wants it: prefixed, ids percent-decoded, literals quoted."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return term.n3()
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if text.startswith(ns):
                return f"{prefix}:{unquote(text[len(ns):])}"
        return f"<{text}>"
    return f"_:{text}"


def _path(results: Graph, node: Node | None) -> str:
    """A result path, including the inverse paths the fixed shapes use."""
    if node is None:
        return ""
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{short(inverse)}"
    return short(node)


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes: ``path``, else shapes.ttl, else (an install without the file) generated from the ontology."""
    target = path or shapes_path()
    if path is None and not target.exists() and not os.environ.get("INNOGRAPH_SHAPES"):
        return Graph().parse(data=generate_shapes(), format="turtle")
    try:
        return Graph().parse(target, format="turtle")
    except FileNotFoundError:
        raise InnographError(
            f"{target}: shapes file not found; regenerate it with `python -m innograph.graph.shapes > shapes.ttl` "
            "or set INNOGRAPH_SHAPES"
        ) from None
    except Exception as exc:  # rdflib parser errors
        raise InnographError(f"{target}: cannot parse the SHACL shapes as Turtle: {exc}") from exc


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate one graph; violations sorted by focus node and path so output is stable."""
    import pyshacl

    flat = Graph()
    for triple in data.triples((None, None, None)):
        flat.add(triple)
    try:
        conforms, results, _text = pyshacl.validate(
            flat, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none",
            abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=True,
        )
    except Exception as exc:  # pySHACL reports bad shapes and SPARQL with its own exception types
        raise InnographError(f"SHACL validation could not run: {exc}; check shapes.ttl") from exc
    if not isinstance(results, Graph):  # pySHACL's ValidationFailure: the shapes themselves are wrong
        raise InnographError(f"SHACL validation could not run: {results}; check shapes.ttl")
    violations = []
    for result in results.objects(None, SH.result):  # top-level results, not sh:detail ones
        component = results.value(result, SH.sourceConstraintComponent)
        violations.append(Violation(
            focus=short(results.value(result, SH.focusNode)),
            path=_path(results, results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or ""),
            value=short(results.value(result, SH.value)),
            severity=short(results.value(result, SH.resultSeverity)).removeprefix("<http://www.w3.org/ns/shacl#")
            .rstrip(">"),
            constraint=str(component).rsplit("#", 1)[-1] if component is not None else "",
        ))
    violations.sort(key=lambda v: (v.focus, v.path, v.message, v.value))
    return ValidationReport(bool(conforms), violations)


def validate_file(path: Path, fmt: str | None = None, shapes: Path | None = None) -> ValidationReport:
    """Validate an export file (format from ``fmt`` or its suffix) against shapes.ttl."""
    return validate_graph(read_rdf(path, fmt), load_shapes(shapes) if shapes else None)

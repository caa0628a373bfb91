"""innograph's one exception tree.

Exceptions of the libraries underneath (redis/falkordb, the neo4j driver, rdflib,
OpenCC, file I/O) are converted where they enter innograph, with ``raise X from exc``,
so callers only ever catch these::

    InnographError
    ├── OntologyError        ontology.ttl is missing or does not define the model
    ├── LoadError            a document cannot be read (binary, undecodable, empty, too big)
    ├── ExtractionError      a stage of the extraction pipeline broke its contract
    ├── StoreError           the graph store failed
    │   ├── StoreUnavailable     the engine or server cannot be reached or started
    │   └── QueryError           a query was refused (syntax, parameters, write in read-only)
    ├── QueryFileError       a canned .cypher file has a bad header or is unknown
    └── EvaluationError      gold or predicted files cannot be scored

Every message names the file or query at fault and says what to do next.
"""

from __future__ import annotations


class InnographError(Exception):
    """Root of every error innograph raises on purpose."""


class OntologyError(InnographError):
    """ontology.ttl is missing, unparsable, or lacks a type or tie the code needs."""


class LoadError(InnographError):
    """A document cannot be turned into text: the message names the file and the reason."""

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        self.path = path
        self.reason = reason
        self.hint = hint
        message = f"{path}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class ExtractionError(InnographError):
    """An extraction stage returned something other than what its contract says."""


class StoreError(InnographError):
    """The graph store failed; the message says which store and what to do."""


class StoreUnavailable(StoreError):
    """The embedded engine cannot be started, or the Neo4j server cannot be reached."""


class QueryError(StoreError):
    """A Cypher query was refused: bad syntax, bad parameters, or a write in read-only mode."""


class QueryFileError(InnographError):
    """A canned query file is unknown or its header cannot be parsed."""


class EvaluationError(InnographError):
    """Gold or predicted extraction files cannot be read or scored."""

"""The store contract: write a batch, run parameterised Cypher, close.

Two stores implement it: the embedded FalkorDB engine (a directory) and Neo4j (a
bolt:// or neo4j:// URI). ``open_store`` picks one from a location string. What the
engines do differently is declared once per store in its ``Dialect``; nothing else
in innograph branches on the engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from innograph.model import Batch

Row = dict[str, Any]


@dataclass(frozen=True)
class Dialect:
    """What one engine needs said differently. Queries pick variants by ``name``."""

    name: str  # "falkordb" or "neo4j": the key of a query file's engine variant
    shortest_path_in_match: bool  # Neo4j: MATCH p = shortestPath(...); FalkorDB: algo.SPpaths
    relationship_uniqueness: bool  # False where variable-length patterns may reuse a relationship
    fulltext: bool  # a full-text index over actor names is available


@dataclass
class WriteStats:
    """What a write changed; all zero when the same batch is written twice."""

    documents: int = 0
    actors_created: int = 0
    ties_created: int = 0
    evidence_created: int = 0
    properties_set: int = 0
    extra: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class Store(Protocol):
    """What every store does. Implementations convert their engine's errors to StoreError."""

    dialect: Dialect
    location: str  # a directory or a URI, without credentials

    def write(self, batch: Batch) -> WriteStats:
        """Write a batch idempotently; each document in it lands whole or not at all."""
        ...

    def run(self, query: str, params: dict[str, Any] | None = None, *, read_only: bool = False,
            timeout_ms: int | None = None, row_limit: int | None = None) -> list[Row]:
        """Run parameterised Cypher and return rows as dicts keyed by the RETURN names."""
        ...

    def forget(self, doc_id: str) -> WriteStats:
        """Remove what a document stated; ties and actors left with no evidence go too."""
        ...

    def clear(self) -> None:
        """Remove everything (tests, ``innograph import`` into an empty store)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def shorten_query(query: str, limit: int = 200) -> str:
    """A query on one line, cut to what an error message can carry."""
    flat = " ".join(query.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def one_line(exc: BaseException) -> str:
    """An engine's or driver's error text on one line (they carry newlines)."""
    return " ".join(str(exc).split())


def default_location() -> str:
    """The per-user embedded store directory, unless INNOGRAPH_STORE says otherwise."""
    configured = os.environ.get("INNOGRAPH_STORE")
    if configured:
        return configured
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("innograph")) / "store")


def is_neo4j_uri(location: str) -> bool:
    return location.split("://", 1)[0] in {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"} \
        and "://" in location


def open_store(location: str | None = None) -> Store:
    """Open the store a location names: a bolt:// or neo4j:// URI, else an embedded directory.

    Backends are imported only when asked for, so the embedded path never loads the
    Neo4j driver and vice versa.
    """
    target = location or default_location()
    if is_neo4j_uri(target):
        from innograph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(target)
    from innograph.graph.falkordb_store import FalkorDBStore

    return FalkorDBStore(target)

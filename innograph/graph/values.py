"""Engine values to plain Python, the same on every store.

Callers (DataFrames, the explorer, JSON output) never see a driver's Node or Path, so
code written against the embedded store works unchanged on Neo4j:

- node -> ``{"labels": [...sorted], **properties}``
- relationship -> ``{"type": ..., **properties}``
- path -> ``{"nodes": [...], "relationships": [...]}``

Each engine's converter imports its own library only when called, so the embedded
path never loads the Neo4j driver.
"""

from __future__ import annotations

from typing import Any


def from_falkordb(value: Any) -> Any:
    """A value from a FalkorDB result set as plain Python."""
    from falkordb import Edge, Node, Path

    if isinstance(value, Node):
        return {"labels": sorted(value.labels or []), **_plain_properties(value.properties, from_falkordb)}
    if isinstance(value, Edge):
        return {"type": value.relation, **_plain_properties(value.properties, from_falkordb)}
    if isinstance(value, Path):
        return {
            "nodes": [from_falkordb(node) for node in value.nodes()],
            "relationships": [from_falkordb(edge) for edge in value.edges()],
        }
    return _plain_scalar(value, from_falkordb)


def from_neo4j(value: Any) -> Any:
    """A value from a neo4j driver record as plain Python."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **_plain_properties(dict(value), from_neo4j)}
    if isinstance(value, Relationship):
        return {"type": value.type, **_plain_properties(dict(value), from_neo4j)}
    if isinstance(value, Path):
        return {
            "nodes": [from_neo4j(node) for node in value.nodes],
            "relationships": [from_neo4j(rel) for rel in value.relationships],
        }
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Time/Duration
        return value.iso_format()
    return _plain_scalar(value, from_neo4j)


def _plain_properties(properties: dict[str, Any] | None, convert: Any) -> dict[str, Any]:
    return {str(key): convert(item) for key, item in (properties or {}).items()}


def _plain_scalar(value: Any, convert: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [convert(item) for item in value]
    if isinstance(value, dict):
        return {str(key): convert(item) for key, item in value.items()}
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value

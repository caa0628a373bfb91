"""Constraints and indexes, derived from the ontology and rendered per engine.

What is indexed is declared once (``schema_specs``); each engine gets it in its own
DDL. Unique ids make MERGE idempotent and fast; the per-type name indexes serve
``MATCH (a:Park {name: $name})``; the per-tie id indexes serve ``[r:HOSTS {id: $id}]``.
Adding an actor or tie type to ontology.ttl adds its indexes with no code change.
"""

from __future__ import annotations

from dataclasses import dataclass

from innograph.ontology import Ontology, load_ontology


@dataclass(frozen=True)
class IndexSpec:
    label: str  # node label, or relationship type when ``relationship``
    prop: str
    unique: bool = False
    relationship: bool = False

    @property
    def name(self) -> str:
        """A stable index name (Neo4j wants one)."""
        kind = "unique" if self.unique else "index"
        return f"ig_{self.label.lower()}_{self.prop}_{kind}"


def schema_specs(ontology: Ontology | None = None) -> list[IndexSpec]:
    """Every index and uniqueness constraint innograph's graph needs."""
    onto = ontology or load_ontology()
    specs = [
        IndexSpec("Actor", "id", unique=True),
        IndexSpec("Actor", "name"),
        # Canned queries find an actor by ``a.name = $x OR $x IN a.aliases``: FalkorDB answers
        # both sides from these two indexes (array values are indexed element by element)
        # instead of scanning every actor; ``a.type = $type`` starts type-filtered queries.
        IndexSpec("Actor", "aliases"),
        IndexSpec("Actor", "type"),
        IndexSpec("Document", "id", unique=True),
        IndexSpec("Document", "path"),
        # Evidence and Quantity ids are content hashes the writer never repeats (it looks them
        # up for stored documents); a unique constraint on them added about a fifth to the
        # engine time of each evidence row (measured).
        IndexSpec("Evidence", "id"),
        IndexSpec("Evidence", "target"),
        IndexSpec("Evidence", "doc_id"),
        IndexSpec("Quantity", "id"),
        IndexSpec("Quantity", "doc_id"),
        IndexSpec("Quantity", "actor_id"),
    ]
    specs += [IndexSpec(name, "name") for name in sorted(onto.actor_types)]
    specs += [IndexSpec(name, "id", relationship=True) for name in sorted(onto.tie_types)]
    return specs


def falkordb_index_query(spec: IndexSpec) -> str:
    """FalkorDB's CREATE INDEX (it has no IF NOT EXISTS: callers skip existing ones)."""
    if spec.relationship:
        return f"CREATE INDEX FOR ()-[r:{spec.label}]-() ON (r.{spec.prop})"
    return f"CREATE INDEX FOR (n:{spec.label}) ON (n.{spec.prop})"


FALKORDB_FULLTEXT_QUERY = "CALL db.idx.fulltext.createNodeIndex({label: 'Actor', language: 'chinese'}, 'name')"


def neo4j_statements(spec: IndexSpec) -> str:
    """Neo4j 5's idempotent DDL for one spec."""
    if spec.unique:
        return f"CREATE CONSTRAINT {spec.name} IF NOT EXISTS FOR (n:{spec.label}) REQUIRE n.{spec.prop} IS UNIQUE"
    if spec.relationship:
        return f"CREATE INDEX {spec.name} IF NOT EXISTS FOR ()-[r:{spec.label}]-() ON (r.{spec.prop})"
    return f"CREATE INDEX {spec.name} IF NOT EXISTS FOR (n:{spec.label}) ON (n.{spec.prop})"


NEO4J_FULLTEXT_QUERY = (
    "CREATE FULLTEXT INDEX ig_actor_name_fulltext IF NOT EXISTS FOR (n:Actor) ON EACH [n.name] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)

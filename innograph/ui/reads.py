"""The read queries the pages need that are not canned queries: counts, search, profiles, ego networks.

All parameterised, all on the agreed schema, all plain Cypher that runs on FalkorDB and
Neo4j 5. Ties are only relationships between two ``:Actor`` nodes, so provenance
(Evidence, Quantity, Document links) never enters a count, a degree or a network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from innograph.graph.store import Row
from innograph.ui.session import read, to_simplified

ACTOR_COUNTS = "MATCH (a:Actor) RETURN a.type AS type, count(a) AS actors ORDER BY actors DESC"
TIE_COUNTS = "MATCH (:Actor)-[r]->(:Actor) RETURN type(r) AS tie, count(r) AS ties ORDER BY ties DESC"
DOCUMENT_COUNT = "MATCH (d:Document) RETURN count(d) AS documents"
DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (e:Evidence)-[:IN_DOCUMENT]->(d)
WITH d,
     count(DISTINCT CASE WHEN e.kind = 'mention' THEN e.target END) AS actors,
     count(DISTINCT CASE WHEN e.kind = 'tie' THEN e.target END) AS ties
RETURN d.path AS path, d.title AS title, d.date AS date, d.chars AS chars, actors, ties, d.id AS doc_id
ORDER BY path
"""
SEARCH = """
MATCH (a:Actor)
WHERE a.name CONTAINS $q OR any(x IN coalesce(a.aliases, []) WHERE x CONTAINS $q OR x CONTAINS $raw)
WITH a, CASE WHEN a.name = $q THEN 0 WHEN a.name STARTS WITH $q THEN 1 ELSE 2 END AS rank
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases
ORDER BY rank, size(a.name), name LIMIT $limit
"""
ACTOR = "MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases"
QUANTITIES = """
MATCH (q:Quantity)-[:DESCRIBES]->(:Actor {id: $id})
OPTIONAL MATCH (q)-[:IN_DOCUMENT]->(d:Document)
RETURN q.text AS text, q.value AS value, q.unit AS unit, q.hedge AS hedge, q.sentence AS sentence, d.path AS document
ORDER BY value DESC
"""
OUTGOING = """
MATCH (a:Actor {id: $id})-[r]->(b:Actor)
RETURN type(r) AS tie, r.id AS tie_id, b.id AS other_id, b.name AS other, b.type AS other_type,
       b.aliases AS other_aliases
ORDER BY tie, other
"""
INCOMING = """
MATCH (a:Actor {id: $id})<-[r]-(b:Actor)
RETURN type(r) AS tie, r.id AS tie_id, b.id AS other_id, b.name AS other, b.type AS other_type,
       b.aliases AS other_aliases
ORDER BY tie, other
"""
TIE_EVIDENCE = """
MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document)
WHERE e.kind = 'tie' AND e.target IN $ids
RETURN e.target AS tie_id, e.sentence AS sentence, e.start AS start, e.end AS end, e.rule AS rule,
       e.confidence AS confidence, d.path AS document, d.title AS title
ORDER BY document, start
"""
NEIGHBOURS = """
MATCH (a:Actor)-[r]-(b:Actor)
WHERE a.id IN $frontier AND type(r) IN $ties AND b.type IN $types
RETURN DISTINCT b.id AS id, b.name AS name, b.type AS type
LIMIT $limit
"""
INDUCED = """
MATCH (a:Actor)-[r]->(b:Actor)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $ties
RETURN a.id AS source, type(r) AS tie, b.id AS target
LIMIT $limit
"""
ACTORS_BY_ID = """
MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases
"""
ALL_ACTORS = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases ORDER BY id"
ALL_TIES = """
MATCH (s:Actor)-[r]->(o:Actor)
RETURN r.id AS id, s.name AS subject, s.type AS subject_type, type(r) AS tie, o.name AS object, o.type AS object_type,
       s.id AS subject_id, o.id AS object_id
ORDER BY id
"""


def search_actors(text: str, limit: int = 50) -> list[Row]:
    """Actors whose name or an alias contains the text, typed in either script."""
    raw = text.strip()
    if not raw:
        return []
    return read(SEARCH, {"q": to_simplified(raw), "raw": raw, "limit": limit})


def actor(actor_id: str) -> Row | None:
    rows = read(ACTOR, {"id": actor_id})
    return rows[0] if rows else None


def ties_of(actor_id: str) -> list[Row]:
    """Every tie of an actor with its direction, so the page can say 'hosts' or 'hosted by'."""
    rows = [{**r, "direction": "out"} for r in read(OUTGOING, {"id": actor_id})]
    rows += [{**r, "direction": "in"} for r in read(INCOMING, {"id": actor_id})]
    return rows


def names_of(actor_ids: list[str]) -> dict[str, list[str]]:
    """Every form of each actor's name (canonical and aliases), to mark them in evidence sentences."""
    rows = read(ACTORS_BY_ID, {"ids": actor_ids}) if actor_ids else []
    return {r["id"]: [r["name"], *(r.get("aliases") or [])] for r in rows}


def evidence_for(tie_ids: list[str]) -> list[Row]:
    return read(TIE_EVIDENCE, {"ids": tie_ids}) if tie_ids else []


@dataclass
class Network:
    """An ego network as drawn: nodes by id, edges as (source, tie, target), and whether it was cut."""

    nodes: dict[str, Row] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)
    capped: bool = False


def ego(centre: str, depth: int, ties: list[str], types: list[str], max_nodes: int) -> Network:
    """The actors within ``depth`` ties of ``centre``, ring by ring, stopping at ``max_nodes``.

    Expanding one ring per query keeps every query bounded by ``max_nodes`` (a plain
    variable-length pattern would enumerate paths, which explodes on hubs) and lets the
    page stop before it draws more than a browser can lay out.
    """
    network = Network()
    first = read(ACTORS_BY_ID, {"ids": [centre]})
    if not first:
        return network
    network.nodes[centre] = {**first[0], "ring": 0}
    frontier = [centre]
    for ring in range(1, depth + 1):
        if not frontier:
            break
        room = max_nodes - len(network.nodes) + 1  # one more than fits tells us the ring was cut
        limit = room + len(network.nodes)
        rows = read(NEIGHBOURS, {"frontier": frontier, "ties": ties, "types": types, "limit": limit})
        next_frontier: list[str] = []
        for row in rows:
            if row["id"] not in network.nodes:
                if len(network.nodes) >= max_nodes:
                    network.capped = True
                    continue
                network.nodes[row["id"]] = {**row, "ring": ring}
                next_frontier.append(row["id"])
        frontier = next_frontier
    ids = list(network.nodes)
    for row in read(INDUCED, {"ids": ids, "ties": ties, "limit": max_nodes * 20}):
        network.edges.add((row["source"], row["tie"], row["target"]))
    return network


def read_quantities(actor_id: str) -> list[Row]:
    return read(QUANTITIES, {"id": actor_id})

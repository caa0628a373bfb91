"""Network analytics over the actor graph: centrality, communities, brokers, ego networks.

Plain functions that take a networkx graph and return DataFrames or graphs, so the
notebook API, the CLI and the explorer share them. Two views of the ecosystem:

- the tie graph: every actor and every tie between actors (provenance such as
  Evidence, Quantity and Document nodes is never part of it);
- the collaboration projection: actors joined when they collaborate, or co-build or
  co-fund the same thing. The thing built is not itself a partner, which is why the
  projection, not the tie graph, answers "who works with whom".

Centralities and communities treat ties as undirected and unweighted by type;
communities are seeded so the same graph always gives the same answer.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from innograph.errors import QueryError
from innograph.graph.store import Store

PROJECTION_TIES = ("CO_BUILDS", "FUNDS")  # ties whose shared object makes its subjects partners
SYMMETRIC_TIE = "COLLABORATES_WITH"
NODE_COLUMNS = ["id", "name", "type"]
EXACT_BETWEENNESS_MAX = 500  # above this many actors, betweenness is estimated from sampled sources
BETWEENNESS_SAMPLES = 200  # exact betweenness is O(actors x ties): minutes in pure Python at a few thousand
EIGEN_MAX_ITER = 5000
EIGEN_TOL = 1e-9

_NODES = "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases"
_EDGES = (
    "MATCH (s:Actor)-[r]->(o:Actor) WHERE type(r) IN $ties "
    "RETURN s.id AS source, type(r) AS tie, o.id AS target, r.id AS id"
)


def load_actor_graph(store: Store) -> nx.MultiDiGraph:
    """The whole tie graph from a store: nodes keyed by actor id, one edge per tie keyed by tie type."""
    from innograph.ontology import load_ontology

    ties = sorted(load_ontology().tie_types)
    nodes = store.run(_NODES, read_only=True)
    edges = store.run(_EDGES, {"ties": ties}, read_only=True)
    return build_actor_graph(nodes, edges)


def build_actor_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """A tie graph from node rows (id, name, type, aliases) and edge rows (source, tie, target, id)."""
    graph = nx.MultiDiGraph()
    for row in nodes:
        graph.add_node(row["id"], name=row.get("name") or row["id"], type=row.get("type") or "",
                       aliases=list(row.get("aliases") or []))
    for row in edges:
        for end in (row["source"], row["target"]):
            if end not in graph:
                graph.add_node(end, name=end, type="", aliases=[])
        graph.add_edge(row["source"], row["target"], key=row["tie"], tie=row["tie"], id=row.get("id", ""))
    return graph


def select_ties(graph: nx.MultiDiGraph, ties: list[str] | tuple[str, ...] | None) -> nx.MultiDiGraph:
    """The tie graph with only ties of the given types (every actor kept); None or empty keeps all.

    Centrality over every tie makes industries look like brokers (places share them
    through FOCUSES_ON); leaving such ties out asks a narrower question.
    """
    if not ties:
        return graph
    from innograph.ontology import load_ontology

    known = load_ontology().tie_types
    unknown = sorted(set(ties) - set(known))
    if unknown:
        raise QueryError(f"unknown tie type(s) {', '.join(unknown)}; ontology.ttl defines {', '.join(sorted(known))}")
    kept = nx.MultiDiGraph()
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from((s, o, k, d) for s, o, k, d in graph.edges(keys=True, data=True) if d.get("tie") in ties)
    return kept


def undirected(graph: nx.Graph) -> nx.Graph:
    """One undirected edge per pair of actors, ``weight`` = number of ties between them, ``ties`` their types."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        tie = data.get("tie", "")
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += data.get("weight", 1)
            if tie and tie not in simple[source][target]["ties"]:
                simple[source][target]["ties"].append(tie)
        else:
            simple.add_edge(source, target, weight=data.get("weight", 1), ties=[tie] if tie else [])
    return simple


def collaboration_projection(graph: nx.MultiDiGraph) -> nx.Graph:
    """Actors joined when they collaborate or co-build / co-fund the same thing; ``via`` says how.

    Only actors with at least one partner are nodes; each edge carries ``via`` (a sorted
    list like ``["CO_BUILDS 苏州实验室", "COLLABORATES_WITH"]``) and ``weight`` = len(via).
    """
    projection = nx.Graph()
    links: dict[tuple[str, str], set[str]] = {}

    def link(a: str, b: str, how: str) -> None:
        if a != b:
            links.setdefault((min(a, b), max(a, b)), set()).add(how)

    by_object: dict[tuple[str, str], list[str]] = {}
    for source, target, data in graph.edges(data=True):
        tie = data.get("tie")
        if tie == SYMMETRIC_TIE:
            link(source, target, SYMMETRIC_TIE)
        elif tie in PROJECTION_TIES:
            by_object.setdefault((tie, target), []).append(source)
    for (tie, target), subjects in by_object.items():
        name = graph.nodes[target].get("name", target)
        for i, a in enumerate(subjects):
            for b in subjects[i + 1:]:
                link(a, b, f"{tie} {name}")
    for (a, b), via in links.items():
        for end in (a, b):
            projection.add_node(end, **graph.nodes[end])
        projection.add_edge(a, b, via=sorted(via), weight=len(via))
    return projection


def centrality(graph: nx.Graph, top: int | None = None, seed: int = 0) -> pd.DataFrame:
    """Degree, betweenness and eigenvector centrality of every actor, most central first.

    ``degree`` counts distinct neighbours; betweenness is normalised, and estimated from
    BETWEENNESS_SAMPLES seeded sources on graphs of more than EXACT_BETWEENNESS_MAX
    actors; eigenvector centrality is computed per connected component (scaled by the
    component's share of the actors), since it is undefined across components.
    """
    simple = graph if _is_simple_undirected(graph) else undirected(graph)
    if simple.number_of_nodes() == 0:
        return _empty(["degree", "degree_centrality", "betweenness", "eigenvector"])
    degree_c = nx.degree_centrality(simple)
    betweenness = betweenness_centrality(simple, seed)
    eigen = _eigenvector(simple)
    rows = [
        {**_node_fields(simple, node), "degree": simple.degree(node), "degree_centrality": degree_c[node],
         "betweenness": betweenness[node], "eigenvector": eigen[node]}
        for node in simple.nodes
    ]
    frame = pd.DataFrame(rows).sort_values(["betweenness", "degree", "eigenvector", "name"],
                                           ascending=[False, False, False, True], ignore_index=True)
    return frame.head(top) if top else frame


def betweenness_centrality(simple: nx.Graph, seed: int = 0) -> dict[str, float]:
    """Normalised betweenness: exact on small graphs, from seeded sampled sources on large ones."""
    if simple.number_of_nodes() <= EXACT_BETWEENNESS_MAX:
        return nx.betweenness_centrality(simple, normalized=True)
    return nx.betweenness_centrality(simple, k=BETWEENNESS_SAMPLES, normalized=True, seed=seed)


def _eigenvector(simple: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per component by power iteration on A + I, vectorised with numpy.

    networkx's pure-Python iteration takes minutes on long chains (slow to converge);
    here an iteration costs one pass over the edge arrays, and the last iterate is kept
    if EIGEN_MAX_ITER is reached.
    """
    scores: dict[str, float] = dict.fromkeys(simple.nodes, 0.0)
    total = simple.number_of_nodes()
    component_of: dict[str, int] = {}
    members: list[list[str]] = []
    for number, component in enumerate(nx.connected_components(simple)):
        members.append(sorted(component, key=str))
        component_of.update(dict.fromkeys(component, number))
    edges: list[list[tuple[str, str]]] = [[] for _ in members]
    for a, b in simple.edges():
        if a != b:
            edges[component_of[a]].append((a, b))
    for nodes, pairs in zip(members, edges, strict=True):
        if len(nodes) < 2:
            continue
        index = {node: i for i, node in enumerate(nodes)}
        ends = np.array([(index[a], index[b]) for a, b in pairs], dtype=np.int64)
        source = np.concatenate([ends[:, 0], ends[:, 1]])
        target = np.concatenate([ends[:, 1], ends[:, 0]])
        x = np.full(len(nodes), 1.0 / len(nodes))
        for _ in range(EIGEN_MAX_ITER):
            new = x + np.bincount(target, weights=x[source], minlength=len(nodes))
            new /= np.linalg.norm(new)
            done = np.abs(new - x).sum() < len(nodes) * EIGEN_TOL
            x = new
            if done:
                break
        share = len(nodes) / total
        for node, value in zip(nodes, x, strict=True):
            scores[node] = float(value) * share
    return scores


def communities(graph: nx.Graph, seed: int = 0, method: str = "louvain", resolution: float = 1.0) -> pd.DataFrame:
    """Each actor's community (0 = largest), by seeded Louvain or greedy modularity.

    Isolated actors are left out: a community of one says nothing about the ecosystem.
    """
    simple = graph if _is_simple_undirected(graph) else undirected(graph)
    simple = simple.subgraph([n for n in simple if simple.degree(n) > 0]).copy()
    if simple.number_of_nodes() == 0:
        return _empty(["community", "community_size"])
    if method == "louvain":
        found = nx.community.louvain_communities(simple, weight="weight", resolution=resolution, seed=seed)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(simple, weight="weight", resolution=resolution)
    else:
        raise QueryError(f"unknown community method {method!r}; use 'louvain' or 'greedy'")
    ordered = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    rows = [
        {**_node_fields(simple, node), "community": index, "community_size": len(members)}
        for index, members in enumerate(ordered)
        for node in members
    ]
    return pd.DataFrame(rows).sort_values(["community", "name"], ignore_index=True)


def community_map(frame: pd.DataFrame) -> dict[str, int]:
    """Actor id -> community number, from a ``communities`` result."""
    return dict(zip(frame["id"], frame["community"], strict=True))


def brokers(graph: nx.Graph, membership: dict[str, int] | None = None, seed: int = 0,
            top: int | None = None) -> pd.DataFrame:
    """Actors whose ties reach into communities other than their own, most bridging first.

    ``communities_reached`` counts the other communities an actor has ties into and
    ``bridging_ties`` how many such ties it has; betweenness breaks ties between them.
    ``membership`` defaults to the seeded Louvain communities of the graph.
    """
    simple = graph if _is_simple_undirected(graph) else undirected(graph)
    if membership is None:
        membership = community_map(communities(simple, seed=seed))
    if not membership:
        return _empty(["community", "communities_reached", "bridging_ties", "betweenness", "reaches"])
    betweenness = betweenness_centrality(simple, seed)
    rows = []
    for node in simple.nodes:
        own = membership.get(node)
        if own is None:
            continue
        reached = Counter(membership[n] for n in simple.neighbors(node) if n in membership and membership[n] != own)
        if not reached:
            continue
        rows.append({**_node_fields(simple, node), "community": own, "communities_reached": len(reached),
                     "bridging_ties": sum(reached.values()), "betweenness": betweenness[node],
                     "reaches": sorted(reached)})
    if not rows:
        return _empty(["community", "communities_reached", "bridging_ties", "betweenness", "reaches"])
    frame = pd.DataFrame(rows).sort_values(
        ["communities_reached", "bridging_ties", "betweenness", "name"],
        ascending=[False, False, False, True], ignore_index=True)
    return frame.head(top) if top else frame


def find_actor(graph: nx.Graph, actor: str) -> str:
    """The node id for an actor given by id, name or alias (Traditional input is converted)."""
    if actor in graph:
        return actor
    from innograph.queries import to_simplified

    wanted = {actor, to_simplified(actor)}
    by_name = [n for n, d in graph.nodes(data=True) if d.get("name") in wanted]
    if not by_name:
        by_name = [n for n, d in graph.nodes(data=True) if wanted & set(d.get("aliases") or [])]
    if not by_name:
        raise QueryError(f"no actor named {actor!r} in the graph; find names with "
                         "`innograph query actors_of_type --param fragment=...`")
    return sorted(by_name, key=lambda n: (-graph.degree(n), n))[0]


def ego(graph: nx.Graph, actor: str, depth: int = 2) -> nx.Graph:
    """The actors within ``depth`` ties of an actor (either direction), with the ties among them."""
    if not 1 <= depth <= 5:
        raise QueryError(f"ego depth {depth} is outside 1..5")
    centre = find_actor(graph, actor)
    view = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    kept = nx.single_source_shortest_path_length(view, centre, cutoff=depth)
    sub = graph.subgraph(kept).copy()
    for node, distance in kept.items():
        sub.nodes[node]["distance"] = distance
    return sub


def ego_table(graph: nx.Graph, actor: str, depth: int = 2) -> pd.DataFrame:
    """An ego network as rows: each actor in it, its distance from the centre and its degree there."""
    sub = ego(graph, actor, depth)
    rows = [{**_node_fields(sub, node), "distance": data["distance"], "degree": sub.degree(node)}
            for node, data in sub.nodes(data=True)]
    return pd.DataFrame(rows).sort_values(["distance", "degree", "name"], ascending=[True, False, True],
                                          ignore_index=True)


def _node_fields(graph: nx.Graph, node: str) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"id": node, "name": data.get("name", node), "type": data.get("type", "")}


def _is_simple_undirected(graph: nx.Graph) -> bool:
    return not graph.is_directed() and not graph.is_multigraph()


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=[*NODE_COLUMNS, *columns])

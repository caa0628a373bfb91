"""The notebook API: a store, Cypher and canned queries as DataFrames, and networkx graphs.

    import innograph
    g = innograph.connect()                        # INNOGRAPH_STORE or the per-user store
    g.cypher("MATCH (p:Park)-[:HOSTS]->(x) RETURN p.name, x.name")
    g.query("who_funds", actor="多玛医药")
    G = g.to_networkx()

It is a thin layer over ``Store.run``, ``innograph.queries`` and
``innograph.graph.analytics`` so a notebook and the CLI get the same answers. Values
always travel as query parameters.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from innograph.errors import QueryError
from innograph.graph import analytics
from innograph.graph.store import Row, Store, open_store
from innograph.queries import get_query, load_queries, run_query

# Column pairs recognised as the two ends of an edge in a query's rows, in order of preference.
# The third item is the edge type when the rows have no ``tie`` column.
EDGE_COLUMNS = (("subject", "object", "RELATED"), ("source", "target", "RELATED"), ("funder", "funded", "FUNDS"),
                ("builder", "built", "CO_BUILDS"), ("actor", "partner", "PARTNER"), ("from", "to", "RELATED"))


class Graph:
    """One open store, seen from a notebook. Use as a context manager or call ``close()``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- queries -------------------------------------------------------------------------
    def cypher(self, query: str, params: dict[str, Any] | None = None, *, read_only: bool = True,
               **kwargs: Any) -> pd.DataFrame:
        """Run Cypher with parameters (``params=`` and/or keyword arguments) and return a DataFrame.

        Read-only by default, so an exploratory notebook cannot change the graph by mistake;
        pass ``read_only=False`` to write.
        """
        values = {**(params or {}), **kwargs}
        rows = self.store.run(query, values, read_only=read_only)
        return _frame(rows)

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a canned query (see ``queries()``) by name; parameters are checked and typed first."""
        query = get_query(name)
        rows = run_query(self.store, name, **params)
        frame = _frame(rows)
        frame.attrs["query"] = query.name
        frame.attrs["title"] = query.title_en
        return frame

    def queries(self) -> pd.DataFrame:
        """The canned queries: name, titles, the question each answers and its parameters."""
        rows = [
            {"name": q.name, "title_en": q.title_en, "title_zh": q.title_zh, "description": q.description,
             "params": ", ".join(p.name + ("" if p.required else "?") for p in q.params)}
            for q in load_queries().values()
        ]
        return pd.DataFrame(rows)

    def stats(self) -> dict[str, Any]:
        """How big the graph is: actors by type, ties by type, documents, evidence, quantities."""
        run = self.store.run
        actors = {r["type"]: r["n"] for r in run("MATCH (a:Actor) RETURN a.type AS type, count(*) AS n",
                                                 read_only=True)}
        ties = {r["tie"]: r["n"] for r in run("MATCH (:Actor)-[r]->(:Actor) RETURN type(r) AS tie, count(*) AS n",
                                              read_only=True)}
        documents = run("MATCH (d:Document) RETURN count(d) AS n", read_only=True)[0]["n"]
        evidence = run("MATCH (e:Evidence) RETURN count(e) AS n", read_only=True)[0]["n"]
        quantities = run("MATCH (q:Quantity) RETURN count(q) AS n", read_only=True)[0]["n"]
        return {
            "store": self.store.location,
            "engine": self.store.dialect.name,
            "actors": sum(actors.values()),
            "ties": sum(ties.values()),
            "documents": documents,
            "evidence": evidence,
            "quantities": quantities,
            "actors_by_type": dict(sorted(actors.items())),
            "ties_by_type": dict(sorted(ties.items())),
        }

    # -- graphs --------------------------------------------------------------------------
    def to_networkx(self, data: pd.DataFrame | list[Row] | None = None) -> nx.MultiDiGraph:
        """The whole tie graph, or the graph a query's rows describe.

        With no argument: every actor (node id = actor id, with ``name`` and ``type``) and
        every tie (edge ``tie`` = its type). With rows: the two end columns of the first
        pair found in EDGE_COLUMNS become nodes named by their values (``<end>_type``
        columns give node types, a ``tie`` column the edge type, other columns edge
        attributes); rows of paths (``actors`` with ``ties`` lists) become chains.
        """
        if data is None:
            return analytics.load_actor_graph(self.store)
        rows = data.to_dict("records") if isinstance(data, pd.DataFrame) else list(data)
        return rows_to_networkx(rows)

    def projection(self) -> nx.Graph:
        """The collaboration projection of the whole graph (see ``analytics.collaboration_projection``)."""
        return analytics.collaboration_projection(self.to_networkx())

    def ego(self, actor: str, depth: int = 2) -> nx.MultiDiGraph:
        """The actors within ``depth`` ties of an actor, given by name, alias or id, with their ties."""
        return analytics.ego(self.to_networkx(), actor, depth)

    def centrality(self, projection: bool = False, top: int | None = None,
                   ties: list[str] | None = None) -> pd.DataFrame:
        """Degree, betweenness and eigenvector centrality over the tie graph (only ``ties`` if given)
        or the collaboration projection."""
        return analytics.centrality(self._view(projection, ties), top=top)

    def communities(self, projection: bool = False, seed: int = 0, method: str = "louvain",
                    ties: list[str] | None = None) -> pd.DataFrame:
        """Seeded communities over the tie graph (only ``ties`` if given) or the collaboration projection."""
        return analytics.communities(self._view(projection, ties), seed=seed, method=method)

    def brokers(self, projection: bool = False, seed: int = 0, top: int | None = None,
                ties: list[str] | None = None) -> pd.DataFrame:
        """Actors that tie communities together, most bridging first."""
        return analytics.brokers(self._view(projection, ties), seed=seed, top=top)

    def _view(self, projection: bool, ties: list[str] | None = None) -> nx.Graph:
        whole = analytics.select_ties(self.to_networkx(), ties)
        return analytics.collaboration_projection(whole) if projection else analytics.undirected(whole)

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"innograph.Graph({self.store.location!r}, engine={self.store.dialect.name!r})"


def connect(location: str | None = None) -> Graph:
    """Open a store (a directory or a bolt:// / neo4j:// URI; default INNOGRAPH_STORE or the per-user store)."""
    return Graph(open_store(location))


def rows_to_networkx(rows: list[Row]) -> nx.MultiDiGraph:
    """A graph from a query's rows: see ``Graph.to_networkx``."""
    graph = nx.MultiDiGraph()
    if not rows:
        return graph
    columns = set(rows[0])
    if {"actors", "ties"} <= columns:
        for row in rows:
            _add_chain(graph, row)
        return graph
    found = next(((a, b, t) for a, b, t in EDGE_COLUMNS if {a, b} <= columns), None)
    if found is None:
        raise QueryError(
            f"cannot tell the edges in rows with columns {sorted(columns)}: return two end columns "
            f"such as {' / '.join(f'{a}+{b}' for a, b, _ in EDGE_COLUMNS)}, or 'actors' and 'ties' lists")
    left, right, default_tie = found
    for row in rows:
        ends = []
        for column in (left, right):
            values = row[column] if isinstance(row[column], list) else [row[column]]
            types = row.get(f"{column}_type")
            types = types if isinstance(types, list) else [types] * len(values)
            for value, type_name in zip(values, types, strict=False):
                if value is not None and value != "":
                    graph.add_node(value, name=value, type=type_name or graph.nodes.get(value, {}).get("type", ""))
            ends.append([v for v in values if v is not None and v != ""])
        tie = row.get("tie") or default_tie
        attributes = {k: v for k, v in row.items() if k not in (left, right) and not k.endswith("_type")}
        for a in ends[0]:
            for b in ends[1]:
                graph.add_edge(a, b, **{**attributes, "tie": tie})
    return graph


def _add_chain(graph: nx.MultiDiGraph, row: Row) -> None:
    actors, ties = row["actors"], row["ties"]
    types = row.get("types") or [""] * len(actors)
    for name, type_name in zip(actors, types, strict=False):
        graph.add_node(name, name=name, type=type_name)
    for i, tie in enumerate(ties):
        if not graph.has_edge(actors[i], actors[i + 1], key=tie) and not graph.has_edge(actors[i + 1], actors[i],
                                                                                      key=tie):
            graph.add_edge(actors[i], actors[i + 1], key=tie, tie=tie)


def _frame(rows: list[Row]) -> pd.DataFrame:
    return pd.DataFrame.from_records(rows) if rows else pd.DataFrame()

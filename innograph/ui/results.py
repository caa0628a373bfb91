"""A query result as analysts want it: a table, a CSV download, and a picture when the rows hold a graph."""

from __future__ import annotations

from typing import Any

import streamlit as st

from innograph.api import rows_to_networkx
from innograph.errors import InnographError
from innograph.graph.store import Row
from innograph.ui import graphview
from innograph.ui.widgets import table

MAX_DRAWN = 500


def _collect(value: Any, nodes: dict[str, dict], edges: set[tuple[str, str, str]]) -> None:
    """Actors and ties found in a value: nodes ({labels, id, ...}) and paths ({nodes, relationships})."""
    if isinstance(value, list):
        for item in value:
            _collect(item, nodes, edges)
    elif isinstance(value, dict):
        if "nodes" in value and "relationships" in value:
            chain = [n for n in value["nodes"] if isinstance(n, dict)]
            for node in chain:
                _collect(node, nodes, edges)
            for left, right, rel in zip(chain, chain[1:], value["relationships"], strict=False):
                if "Actor" in left.get("labels", []) and "Actor" in right.get("labels", []):
                    source, target = _ends(rel, left["id"], right["id"])
                    edges.add((source, str(rel.get("type", "")), target))
        elif "Actor" in value.get("labels", []) and "id" in value:
            nodes[value["id"]] = {"id": value["id"], "name": value.get("name", value["id"]), "type": value.get("type")}


def _ends(rel: dict, left: str, right: str) -> tuple[str, str]:
    """A path step's direction: the relationship's id is subject|TIE|object when the store keeps it."""
    tie_id = str(rel.get("id", ""))
    if tie_id.startswith(right + "|") and tie_id.endswith("|" + left):
        return right, left
    return left, right


def graph_of(rows: list[Row]) -> tuple[dict[str, dict], set[tuple[str, str, str]]]:
    """The graph in a result: returned nodes and paths, else the ends the notebook API reads from the columns."""
    nodes: dict[str, dict] = {}
    edges: set[tuple[str, str, str]] = set()
    for row in rows:
        _collect(list(row.values()), nodes, edges)
    if edges:
        return nodes, edges
    try:
        graph = rows_to_networkx(rows)
    except InnographError:
        return {}, set()
    nodes = {str(n): {"name": d.get("name", n), "type": d.get("type") or ""} for n, d in graph.nodes(data=True)}
    edges = {(str(a), str(d.get("tie") or ""), str(b)) for a, b, d in graph.edges(data=True)}
    return nodes, edges


def show(rows: list[Row], look: graphview.Styles, *, key: str, file_name: str) -> None:
    st.caption(f"{len(rows)} row(s)")
    if not rows:
        return
    frame = table(rows)
    st.dataframe(frame, hide_index=True)
    st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8-sig"), file_name=file_name,
                       mime="text/csv", key=f"{key}_csv")
    nodes, edges = graph_of(rows)
    if len(nodes) > 1 and edges:
        if len(nodes) > MAX_DRAWN:
            st.warning(f"The result holds {len(nodes)} actors; the picture is drawn for tables up to {MAX_DRAWN}.")
            return
        graphview.legend(look, {n["type"] for n in nodes.values()}, {e[1] for e in edges})
        graphview.draw(nodes, edges, look, height=480)

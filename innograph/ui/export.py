"""Export: the actor graph as CSV (actors, ties), GraphML, and RDF where the RDF exporter is installed."""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import streamlit as st

from innograph.ui import reads
from innograph.ui.session import read


def graphml(actors: pd.DataFrame, ties: pd.DataFrame) -> bytes:
    """Actors as nodes (name, type, aliases joined with |), ties as edges keyed by tie type."""
    graph = nx.MultiDiGraph()
    for row in actors.itertuples(index=False):
        graph.add_node(row.id, name=row.name, type=row.type, aliases="|".join(row.aliases or []))
    for row in ties.itertuples(index=False):
        graph.add_edge(row.subject_id, row.object_id, key=row.tie, tie=row.tie, id=row.id)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def render() -> None:
    st.title("Export 导出")
    actors = pd.DataFrame(read(reads.ALL_ACTORS), columns=["id", "name", "type", "aliases"])
    ties = pd.DataFrame(read(reads.ALL_TIES), columns=["id", "subject", "subject_type", "tie", "object", "object_type",
                                                      "subject_id", "object_id"])
    st.caption(f"{len(actors)} actors, {len(ties)} ties.")
    csv_actors = actors.assign(aliases=actors["aliases"].map(lambda a: "|".join(a or [])))
    c1, c2, c3 = st.columns(3)
    c1.download_button("Actors (CSV)", csv_actors.to_csv(index=False).encode("utf-8-sig"), "actors.csv",
                       "text/csv", key="export_actors")
    ties_csv = ties.drop(columns=["subject_id", "object_id"]).to_csv(index=False).encode("utf-8-sig")
    c2.download_button("Ties (CSV)", ties_csv, "ties.csv", "text/csv",
                       key="export_ties")
    c3.download_button("Graph (GraphML)", graphml(actors, ties), "innograph.graphml", "application/graphml+xml",
                       key="export_graphml")
    _rdf()


def _rdf() -> None:
    st.subheader("RDF")
    try:
        from innograph.graph import rdf  # noqa: F401
    except ImportError:
        st.info("RDF export is not installed in this version; use the CSV or GraphML files, or "
                "`innograph export rdf` once available.")
        return
    st.info("Use `innograph export rdf --format ttl -o graph.ttl` for RDF.")

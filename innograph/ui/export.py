"""Export: the actor graph as CSV (actors, ties), GraphML, and RDF where the RDF exporter is installed."""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd
import streamlit as st

from innograph.ui import reads
from innograph.ui.session import read, store


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


RDF_FORMATS = {"ttl": ("Turtle", "text/turtle"), "nt": ("N-Triples", "application/n-triples"),
               "trig": ("TriG", "application/trig"), "jsonld": ("JSON-LD", "application/ld+json")}


def _rdf() -> None:
    """RDF with provenance, from the RDF exporter; built on request, as it is the largest of the files."""
    st.subheader("RDF")
    from innograph.graph.rdf_export import export_store

    fmt = st.selectbox("Format", list(RDF_FORMATS), format_func=lambda f: RDF_FORMATS[f][0], key="export_rdf_fmt")
    if st.button("Prepare RDF", key="export_rdf_go"):
        out = io.StringIO()
        with st.spinner("Writing RDF…"):
            export_store(store(), out, fmt)
        st.session_state["export_rdf"] = (fmt, out.getvalue().encode("utf-8"))
    prepared = st.session_state.get("export_rdf")
    if prepared and prepared[0] == fmt:
        st.download_button(f"Graph ({RDF_FORMATS[fmt][0]})", prepared[1], f"innograph.{fmt}", RDF_FORMATS[fmt][1],
                           key="export_rdf_file")
    st.caption("Large graphs: `innograph export rdf --format nt -o graph.nt` streams instead of building in memory.")

"""Cypher: the analyst's own read-only query; the engine refuses writes, within a time and row limit."""

from __future__ import annotations

import json

import streamlit as st

from innograph.errors import QueryError
from innograph.ui import graphview, results
from innograph.ui.session import ontology, store

EXAMPLE = "MATCH (p:Park)-[r:HOSTS]->(x:Actor)\nRETURN p.name AS park, x.name AS hosted, x.type AS type\nLIMIT 25"


def render() -> None:
    st.title("Cypher")
    st.caption("Read-only: the store refuses anything that writes. Pass values as $parameters, never in the text.")
    with st.form("cypher_form"):
        text = st.text_area("Query", value=EXAMPLE, height=160, key="cypher_text")
        params_text = st.text_area("Parameters (JSON object)", value="{}", height=68, key="cypher_params")
        c1, c2 = st.columns(2)
        timeout_s = c1.number_input("Time limit (s)", 1, 120, 10, key="cypher_timeout")
        row_limit = c2.number_input("Row limit", 1, 100_000, 1000, key="cypher_rows")
        submitted = st.form_submit_button("Run")
    if not submitted:
        return
    try:
        params = json.loads(params_text or "{}")
    except json.JSONDecodeError as exc:
        st.error(f"Parameters are not valid JSON ({exc.msg} at line {exc.lineno}): write an object like "
                 '{"name": "苏州工业园区"}.')
        return
    if not isinstance(params, dict):
        st.error('Parameters must be a JSON object, like {"name": "苏州工业园区"}.')
        return
    try:
        rows = store().run(text, params, read_only=True, timeout_ms=int(timeout_s) * 1000, row_limit=int(row_limit))
    except QueryError as exc:
        st.error(str(exc))
        return
    if len(rows) >= int(row_limit):
        st.warning(f"Stopped at the row limit ({int(row_limit)} rows); raise it or add LIMIT to see more.")
    results.show(rows, graphview.styles(ontology()), key="cypher", file_name="cypher.csv")

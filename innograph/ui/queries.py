"""Queries: every canned query, with a form built from its declared parameters, as a table, graph and CSV."""

from __future__ import annotations

from typing import Any

import streamlit as st

from innograph.errors import InnographError
from innograph.ui import graphview, results
from innograph.ui.session import ontology, store


def _field(query_name: str, param: Any) -> Any:
    """One form field for a declared parameter, typed as the header declares; coerce() checks it."""
    key = f"q_{query_name}_{param.name}"
    label = f"{param.name}{' *' if param.required else ''}"
    help_ = f"{param.description} (e.g. {param.example})" if param.example not in (None, "") else param.description
    default = param.default if param.default is not None else param.example
    choices = param.choices()
    if param.type == "list[str]" and choices:
        chosen = [v for v in (default or []) if v in choices]
        return st.multiselect(label + " (none = all)", choices, default=chosen, key=key, help=help_)
    if param.type == "str" and choices:
        options = ["", *choices]
        return st.selectbox(label, options, index=options.index(default) if default in options else 0, key=key,
                            help=help_)
    if param.type == "int":
        low = int(param.minimum) if param.minimum is not None else None
        high = int(param.maximum) if param.maximum is not None else None
        return int(st.number_input(label, min_value=low, max_value=high, value=int(default or low or 0), step=1,
                                   key=key, help=help_))
    if param.type == "float":
        return float(st.number_input(label, value=float(default or 0.0), key=key, help=help_))
    if param.type == "bool":
        return st.checkbox(label, value=bool(default), key=key, help=help_)
    if param.type == "list[str]":
        text = ",".join(default) if isinstance(default, list | tuple) else str(default or "")
        return st.text_input(label + " (comma-separated)", value=text, key=key, help=help_)
    return st.text_input(label, value="" if default is None else str(default), key=key, help=help_)


def render() -> None:
    st.title("Queries 查询")
    from innograph.queries import load_queries, run_query

    catalogue = load_queries()
    if not catalogue:
        st.info("No canned queries are installed.")
        return
    names = sorted(catalogue)
    linked = st.query_params.get("query", "")  # /queries?query=place_hosts opens on that query
    name = st.selectbox("Query", names, key="q_name", index=names.index(linked) if linked in names else 0,
                        format_func=lambda n: f"{catalogue[n].title_zh} · {catalogue[n].title_en}  ({n})")
    query = catalogue[name]
    st.caption(query.description)
    with st.form(f"q_form_{name}"):
        raw = {param.name: _field(name, param) for param in query.params}
        submitted = st.form_submit_button("Run")
    if not submitted and st.session_state.get("q_last") != name:
        return
    st.session_state["q_last"] = name
    try:
        rows = run_query(store(), name, **raw)  # checked and typed by the query's own coerce()
    except InnographError as exc:
        st.error(str(exc))
        return
    results.show(rows, graphview.styles(ontology()), key=f"q_{name}", file_name=f"{name}.csv")

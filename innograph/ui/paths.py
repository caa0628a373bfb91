"""Paths (关系发现): how two actors are connected, drawn and listed with the sentences behind each tie."""

from __future__ import annotations

import html

import streamlit as st

from innograph.model import actor_id, tie_id
from innograph.ui import graphview, reads
from innograph.ui.session import ontology, store
from innograph.ui.widgets import actor_picker, highlight

QUERY = "connection_paths"  # the canned query this page is a form for


def _steps(row: dict) -> list[tuple[str, str, str]]:
    """A path row's ties as (left id, tie, right id), in the order the chain walks them."""
    ids = [actor_id(t, n) for t, n in zip(row["types"], row["actors"], strict=True)]
    return [(ids[i], tie, ids[i + 1]) for i, tie in enumerate(row["ties"])]


def render() -> None:
    st.title("Paths 关系发现")
    from innograph.queries import load_queries, run_query

    onto = ontology()
    left, right = st.columns(2)
    with left:
        source = actor_picker("From", key="path_from")
    with right:
        target = actor_picker("To", key="path_to")
    c1, c2 = st.columns([1, 3])
    query = load_queries()[QUERY]
    depth_param = query.param("depth")
    depth = c1.slider("Max ties in a chain", int(depth_param.minimum or 1), int(depth_param.maximum or 6),
                      int(depth_param.default or 4), key="path_depth")
    ties = c2.multiselect("Tie types (none = all)", sorted(onto.tie_types), key="path_ties",
                          format_func=lambda t: f"{onto.tie_types[t].label_zh} {t}")
    if not source or not target:
        st.caption("Choose two actors.")
        return
    if source == target:
        st.info("Choose two different actors.")
        return
    names = {source: reads.actor(source), target: reads.actor(target)}
    rows = run_query(store(), QUERY, source=names[source]["name"], target=names[target]["name"], depth=depth,
                     ties=ties)
    rows = [r for r in rows if actor_id(r["types"][0], r["actors"][0]) == source
            and actor_id(r["types"][-1], r["actors"][-1]) == target]
    if not rows:
        st.warning(f"No chain of at most {depth} ties joins them with these tie types. Raise the limit or allow "
                   "more tie types.")
        return

    # Each step may run either way; the stored tie id says which, and finds the step's evidence.
    candidates = {tie_id(a, t, b): (a, t, b) for row in rows for a, t, b in _steps(row)}
    candidates |= {tie_id(b, t, a): (b, t, a) for row in rows for a, t, b in _steps(row)}
    evidence: dict[str, list[dict]] = {}
    for ev in reads.evidence_for(sorted(candidates)):
        evidence.setdefault(ev["tie_id"], []).append(ev)
    stored = {tid: candidates[tid] for tid in evidence} or candidates

    nodes = {}
    for row in rows:
        for type_name, name in zip(row["types"], row["actors"], strict=True):
            nodes[actor_id(type_name, name)] = {"name": name, "type": type_name}
    edges = {edge for edge in stored.values() if edge[0] in nodes and edge[2] in nodes}
    look = graphview.styles(onto)
    st.subheader(f"{len(rows)} shortest chain(s), {rows[0]['hops']} tie(s) long")
    graphview.legend(look, {n["type"] for n in nodes.values()}, {e[1] for e in edges})
    graphview.draw(nodes, edges, look, centre=source, height=420)

    forms = reads.names_of(sorted(nodes))
    for number, row in enumerate(rows, start=1):
        with st.expander(f"{number}. {' → '.join(row['actors'])}", expanded=number == 1):
            for a, tie, b in _steps(row):
                forward, backward = tie_id(a, tie, b), tie_id(b, tie, a)
                found = evidence.get(forward) or evidence.get(backward) or []
                subject, obj = (b, a) if backward in evidence and forward not in evidence else (a, b)
                st.markdown(f"**{nodes[subject]['name']}** {onto.tie_types[tie].label_zh} `{tie}` "
                            f"**{nodes[obj]['name']}**")
                for ev in found[:3]:
                    marked = highlight(ev["sentence"] or "", [*forms.get(a, []), *forms.get(b, [])])
                    source_ref = html.escape(f"{ev['document']} [{ev['start']}:{ev['end']}]")
                    st.markdown(f"<div style='margin-left:1.5em'>“{marked}”<br/><small>— {source_ref}</small></div>",
                                unsafe_allow_html=True)

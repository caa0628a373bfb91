"""Overview: what the graph holds, by actor type and tie type, its hubs and its documents."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from innograph.queries import run_query
from innograph.ui import reads
from innograph.ui.session import location, ontology, read, store
from innograph.ui.widgets import table, type_label


def render() -> None:
    st.title("Overview 总览")
    st.caption(f"Store: {location()}")
    actors = pd.DataFrame(read(reads.ACTOR_COUNTS), columns=["type", "actors"])
    ties = pd.DataFrame(read(reads.TIE_COUNTS), columns=["tie", "ties"])
    documents = read(reads.DOCUMENT_COUNT)[0]["documents"]
    a, b, c = st.columns(3)
    a.metric("Documents 文档", documents)
    b.metric("Actors 主体", int(actors["actors"].sum()) if len(actors) else 0)
    c.metric("Ties 关系", int(ties["ties"].sum()) if len(ties) else 0)
    if actors.empty:
        st.info("The store is empty. Load documents on the Load page, or run `innograph load FILES`.")
        return

    left, right = st.columns(2)
    with left:
        st.subheader("Actors by type")
        actors["label"] = actors["type"].map(type_label)
        st.bar_chart(actors, x="label", y="actors", horizontal=True, sort="-actors", x_label="", y_label="")
        st.dataframe(actors[["label", "actors"]], hide_index=True)
    with right:
        st.subheader("Ties by type")
        labels = {name: f"{t.label_zh} {name}" for name, t in ontology().tie_types.items()}
        ties["label"] = ties["tie"].map(lambda name: labels.get(name, name))
        st.bar_chart(ties, x="label", y="ties", horizontal=True, sort="-ties", x_label="", y_label="")
        st.dataframe(ties[["label", "ties"]], hide_index=True)

    st.subheader("Most connected actors")
    hubs = table(run_query(store(), "most_connected", limit=20))
    if not hubs.empty:
        hubs["type"] = hubs["type"].map(type_label)
    st.dataframe(hubs, hide_index=True)

    st.subheader("Documents loaded")
    st.dataframe(pd.DataFrame(read(reads.DOCUMENTS)), hide_index=True)

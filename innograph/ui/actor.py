"""Actor: find an actor by any name, see its profile, its ties by type, and the sentences behind each tie."""

from __future__ import annotations

import html
from collections import defaultdict

import pandas as pd
import streamlit as st

from innograph.ui import reads
from innograph.ui.session import ontology
from innograph.ui.widgets import actor_picker, highlight, type_label

SENTENCES_PER_TIE = 5  # a tie stated by many documents would otherwise bury the rest of the page


def _direction_label(name: str, tie: str, direction: str) -> str:
    """A heading that reads as a statement: 'X —承载 HOSTS→ …' or '… —隶属 PART_OF→ X'."""
    known = ontology().tie_types.get(tie)
    zh = known.label_zh if known else tie
    if known and known.symmetric:
        return f"{name} —{zh} {tie}— …"
    return f"{name} —{zh} {tie}→ …" if direction == "out" else f"… —{zh} {tie}→ {name}"


def render() -> None:
    st.title("Actor 主体")
    chosen = actor_picker("Search an actor (Simplified, Traditional, alias or fragment)", key="actor",
                          default=st.query_params.get("actor", ""))
    if chosen is None:
        return
    profile = reads.actor(chosen)
    if profile is None:
        st.warning("That actor is no longer in the store.")
        return
    aliases = [a for a in (profile.get("aliases") or []) if a != profile["name"]]
    st.header(profile["name"])
    st.markdown(f"**Type:** {type_label(profile['type'])}  \n**Aliases:** {'、'.join(aliases) or '—'}  \n"
                f"**Id:** `{profile['id']}`")

    quantities = reads.read_quantities(chosen)
    if quantities:
        st.subheader("Quantities 数量")
        st.dataframe(pd.DataFrame(quantities), hide_index=True)

    ties = reads.ties_of(chosen)
    if not ties:
        st.info("No ties stated for this actor yet.")
        return
    evidence = defaultdict(list)
    for row in reads.evidence_for(sorted({t["tie_id"] for t in ties})):
        evidence[row["tie_id"]].append(row)
    grouped: dict[str, list[dict]] = defaultdict(list)
    for tie in ties:
        grouped[_direction_label(profile["name"], tie["tie"], tie["direction"])].append(tie)

    st.subheader(f"Ties 关系 ({len(ties)})")
    own_names = [profile["name"], *aliases]
    for heading, group in sorted(grouped.items()):
        with st.expander(f"{heading} · {len(group)}", expanded=True):
            for tie in group:
                st.markdown(f"**{tie['other']}** · {type_label(tie['other_type'])}")
                stated = evidence.get(tie["tie_id"], [])
                for ev in stated[:SENTENCES_PER_TIE]:
                    names = [*own_names, tie["other"], *(tie.get("other_aliases") or [])]
                    marked = highlight(ev["sentence"] or "", names)
                    source = html.escape(f"{ev['document']} [{ev['start']}:{ev['end']}]")
                    st.markdown(f"<div class='evidence' style='margin-left:1.5em'>“{marked}”<br/>"
                                f"<small>— {source}</small></div>",
                                unsafe_allow_html=True)
                if len(stated) > SENTENCES_PER_TIE:
                    st.caption(f"… and {len(stated) - SENTENCES_PER_TIE} more sentence(s): the tie_evidence query "
                               "on the Queries page lists them all.")

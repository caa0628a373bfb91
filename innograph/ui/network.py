"""Network: the ego network of an actor to depth 1–3, filtered by actor and tie type, capped to stay drawable."""

from __future__ import annotations

import streamlit as st

from innograph.ui import graphview, reads
from innograph.ui.session import ontology
from innograph.ui.widgets import actor_picker, type_label

DEFAULT_MAX_NODES = 300
HARD_MAX_NODES = 1500


def _linked(name: str, default: int, low: int, high: int) -> int:
    """A starting value from the page's link (?actor=…&depth=2&max=500), so a view can be shared."""
    try:
        return min(high, max(low, int(st.query_params.get(name, default))))
    except ValueError:
        return default


def _recentre(target_key: str, source_key: str) -> None:
    st.session_state[target_key] = st.session_state[source_key]


def render() -> None:
    st.title("Network 网络")
    onto = ontology()
    picked = actor_picker("Centre actor", key="net", default=st.query_params.get("actor", ""))
    if picked and st.session_state.get("net_picked") != picked:
        st.session_state["net_picked"] = picked
        st.session_state["net_centre"] = picked
    centre = st.session_state.get("net_centre")
    if centre is None:
        st.caption("Search an actor to draw its network.")
        return

    all_types = sorted(onto.actor_types)
    all_ties = sorted(onto.tie_types)
    c1, c2 = st.columns([1, 3])
    depth = c1.slider("Depth", 1, 3, _linked("depth", 1, 1, 3), key="net_depth")
    max_nodes = c1.number_input("Max nodes", 2, HARD_MAX_NODES, _linked("max", DEFAULT_MAX_NODES, 2, HARD_MAX_NODES),
                                step=50, key="net_max")
    types = c2.multiselect("Actor types", all_types, default=all_types, format_func=type_label, key="net_types")
    ties = c2.multiselect("Tie types", all_ties, default=all_ties, key="net_ties",
                          format_func=lambda t: f"{onto.tie_types[t].label_zh} {t}")
    if not types or not ties:
        st.warning("Choose at least one actor type and one tie type.")
        return

    network = reads.ego(centre, depth, ties, types, int(max_nodes))
    if not network.nodes:
        st.warning("That actor is no longer in the store.")
        return
    name = network.nodes[centre]["name"]
    st.subheader(f"{name}: {len(network.nodes)} actors, {len(network.edges)} ties within depth {depth}")
    if network.capped:
        st.warning(f"This network has more than {int(max_nodes)} actors within depth {depth}; only the first "
                   f"{len(network.nodes)} are drawn. Lower the depth, narrow the actor or tie types, or raise "
                   f"“Max nodes” (up to {HARD_MAX_NODES}).")
    look = graphview.styles(onto)
    graphview.legend(look, {n["type"] for n in network.nodes.values()}, {e[1] for e in network.edges})
    graphview.draw(network.nodes, network.edges, look, centre=centre)

    others = sorted((n for n in network.nodes if n != centre), key=lambda n: network.nodes[n]["name"])
    if others:
        st.selectbox("Re-centre on", [centre, *others], key="net_recentre_choice",
                     format_func=lambda n: f"{network.nodes[n]['name']} · {type_label(network.nodes[n]['type'])}",
                     on_change=_recentre, args=("net_centre", "net_recentre_choice"))

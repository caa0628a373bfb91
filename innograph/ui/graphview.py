"""Actors and ties drawn with pyvis: colour and shape by actor type, colour and label by tie type.

Styles are handed out over the ontology's types in name order, so a type added to
ontology.ttl gets a style of its own without touching this file; only the palettes
(what a type looks like, never which types exist) live here.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import streamlit as st
from pyvis.network import Network

from innograph.ontology import Ontology

NODE_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#bcbd22")
NODE_SHAPES = ("dot", "square", "diamond", "triangle", "star", "triangleDown", "hexagon", "box", "ellipse")
TIE_COLOURS = ("#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#ff7f0e", "#17becf")
UNKNOWN = ("#cccccc", "dot")
# Above this many nodes the layout runs fewer stabilisation rounds so the page stays responsive.
LARGE = 150

# Marks the page once the layout has settled and the picture is drawn (redraw() draws at once), so tests
# and benchmarks can wait for it.
_DRAWN_MARK = """<script>
if (typeof network !== "undefined") {
  var markDrawn = function () {
    if (!document.body.dataset.drawn) { network.redraw(); document.body.dataset.drawn = String(performance.now()); }
  };
  if (network.physics.options.enabled === false) {
    markDrawn();
  } else {
    network.once("stabilizationIterationsDone", markDrawn);
    var settled = setInterval(function () {  // in case the event came and went unseen
      if (network.physics.ready) { clearInterval(settled); markDrawn(); }
    }, 250);
  }
}
</script>
</body>"""

# pyvis's template links bootstrap from a CDN; the explorer runs offline and needs none of it.
_CDN = re.compile(r"<link[^>]*cdn\.jsdelivr\.net[^>]*/>|<script[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>", re.S)


_compiled: dict[str, object] = {}  # pyvis compiles its template (with vis-network inlined) per Network: do it once


@dataclass(frozen=True)
class Styles:
    node: dict[str, tuple[str, str]]  # actor type -> (colour, shape)
    tie: dict[str, str]  # tie type -> colour
    ontology: Ontology

    def node_style(self, type_name: str) -> tuple[str, str]:
        return self.node.get(type_name, UNKNOWN)

    def tie_label(self, tie: str) -> str:
        known = self.ontology.tie_types.get(tie)
        return known.label_zh if known else tie


def styles(ontology: Ontology) -> Styles:
    actor_names = sorted(ontology.actor_types)
    tie_names = sorted(ontology.tie_types)
    node = {name: (NODE_COLOURS[i % len(NODE_COLOURS)], NODE_SHAPES[i % len(NODE_SHAPES)])
            for i, name in enumerate(actor_names)}
    tie = {name: TIE_COLOURS[i % len(TIE_COLOURS)] for i, name in enumerate(tie_names)}
    return Styles(node, tie, ontology)


def ring_positions(nodes: Mapping[str, Mapping[str, object]]) -> dict[str, tuple[float, float]]:
    """Concentric rings by distance from the centre, same types side by side: drawn at once, no simulation.

    Large ego networks are laid out here rather than by the browser's physics, which
    takes seconds for hundreds of nodes and leaves the page busy meanwhile.
    """
    rings: dict[int, list[str]] = {}
    for node_id, node in nodes.items():
        rings.setdefault(int(node.get("ring", 1)), []).append(node_id)  # type: ignore[call-overload]
    positions: dict[str, tuple[float, float]] = {}
    radius = 0.0
    for ring in sorted(rings):
        members = sorted(rings[ring], key=lambda n: (str(nodes[n].get("type", "")), str(nodes[n].get("name", ""))))
        if ring == 0 and len(members) == 1:
            positions[members[0]] = (0.0, 0.0)
            continue
        radius = max(radius + 250.0, len(members) * 28.0 / (2 * math.pi))
        for i, node_id in enumerate(members):
            angle = 2 * math.pi * i / len(members)
            positions[node_id] = (radius * math.cos(angle), radius * math.sin(angle))
    return positions


def network_html(nodes: Mapping[str, Mapping[str, object]], edges: Iterable[tuple[str, str, str]], look: Styles,
                 centre: str | None = None, height: int = 620) -> str:
    """A self-contained HTML page (vis-network inlined) drawing the given actors and ties."""
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    if net.path not in _compiled:
        _compiled[net.path] = net.templateEnv.get_template(net.path)
    net.template = _compiled[net.path]
    fixed = len(nodes) > LARGE and all("ring" in node for node in nodes.values())
    positions = ring_positions(nodes) if fixed else {}
    for node_id, node in nodes.items():
        type_name = str(node.get("type", ""))
        colour, shape = look.node_style(type_name)
        actor_type = look.ontology.actor_types.get(type_name)
        type_label = f"{actor_type.label_zh} {type_name}" if actor_type else type_name
        net.add_node(node_id, label=str(node.get("name", node_id)), title=f"{node.get('name', node_id)}\n{type_label}",
                     color=colour, shape=shape, size=26 if node_id == centre else 14,
                     borderWidth=4 if node_id == centre else 1,
                     **({"x": positions[node_id][0], "y": positions[node_id][1]} if fixed else {}))
    for source, tie, target in edges:
        if source in nodes and target in nodes:
            symmetric = bool(look.ontology.tie_types.get(tie) and look.ontology.tie_types[tie].symmetric)
            # On large pictures the legend's colours name the ties; hundreds of labels would hide the actors.
            label = {} if fixed else {"label": look.tie_label(tie)}
            net.add_edge(source, target, title=f"{look.tie_label(tie)} {tie}", color=look.tie.get(tie, "#999999"),
                         arrows="" if symmetric else "to", font={"size": 10, "align": "middle"}, **label)
    physics = {"enabled": False} if fixed else {
        "solver": "forceAtlas2Based", "stabilization": {"iterations": 200 if len(nodes) <= LARGE else 60, "fit": True}}
    net.set_options(json.dumps({
        "physics": physics,
        "interaction": {"hover": True, "navigationButtons": False},
        # vis-network's improved initial layout is quadratic and gives up on large graphs anyway.
        "layout": {"improvedLayout": len(nodes) <= LARGE},
        "edges": {"smooth": False},
    }))
    # notebook=True only makes pyvis use ``net.template``, the template compiled once above.
    page = _CDN.sub("", net.generate_html(notebook=True))
    head, _, tail = page.rpartition("</body>")
    return head + _DRAWN_MARK + tail


def draw(nodes: Mapping[str, Mapping[str, object]], edges: Iterable[tuple[str, str, str]], look: Styles,
         centre: str | None = None, height: int = 620) -> None:
    st.iframe(network_html(nodes, edges, look, centre, height), height=height + 30)


def legend(look: Styles, actor_types: Iterable[str], ties: Iterable[str]) -> None:
    """A legend for the types actually drawn, in the ontology's Chinese and English labels."""
    parts = []
    shape_marks = {"dot": "●", "square": "■", "diamond": "◆", "triangle": "▲", "star": "★",
                   "triangleDown": "▼", "hexagon": "⬢", "box": "▬", "ellipse": "⬮"}
    for name in sorted(set(actor_types)):
        colour, shape = look.node_style(name)
        known = look.ontology.actor_types.get(name)
        label = f"{known.label_zh} {known.label_en}" if known else name
        parts.append(f'<span style="color:{colour};font-size:1.2em">{shape_marks.get(shape, "●")}</span> '
                     f"{html.escape(label)}")
    for name in sorted(set(ties)):
        parts.append(f'<span style="color:{look.tie.get(name, "#999")};font-weight:bold">⟶</span> '
                     f"{html.escape(look.tie_label(name))} {html.escape(name)}")
    st.markdown("&nbsp;&nbsp;".join(parts), unsafe_allow_html=True)

"""The Export page offers the actor graph as CSV and GraphML that read back to the same graph."""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd


def test_export_graphml_round_trips(ui_env, ui_batch) -> None:
    from innograph.ui import export, reads
    from innograph.ui.session import read

    actors = pd.DataFrame(read(reads.ALL_ACTORS))
    ties = pd.DataFrame(read(reads.ALL_TIES))
    graph = nx.read_graphml(io.BytesIO(export.graphml(actors, ties)))
    assert set(graph.nodes) == set(ui_batch.actors)
    edges = {(s, d["tie"], o) for s, o, d in graph.edges(data=True)}
    assert edges == {(t.subject_id, t.predicate, t.object_id) for t in ui_batch.ties.values()}
    assert "蘇州工業園區" in graph.nodes["Park:苏州工业园区"]["aliases"]


def test_export_page_offers_three_files(page, ui_batch) -> None:
    at = page("export").run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:3] == ["Actors (CSV)", "Ties (CSV)", "Graph (GraphML)"]
    assert f"{len(ui_batch.actors)} actors, {len(ui_batch.ties)} ties" in at.caption[0].value


def test_export_rdf_parses_back_with_every_actor(page, ui_batch) -> None:
    import rdflib

    at = page("export").run()
    at.selectbox(key="export_rdf_fmt").set_value("nt").run()
    at.button(key="export_rdf_go").click().run()
    assert not at.exception
    button = at.get("download_button")[-1]
    assert button.proto.label == "Graph (N-Triples)"
    data = at.session_state["export_rdf"][1]
    graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
    labels = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
    for actor in ui_batch.actors.values():
        assert actor.name in labels

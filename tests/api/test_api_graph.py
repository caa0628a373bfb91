"""The notebook API on the sample graph: DataFrames, canned queries, networkx, stats, ego."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import innograph
from innograph.api import Graph, rows_to_networkx
from innograph.errors import QueryError, QueryFileError
from innograph.ontology import load_ontology


def test_api_exports_are_exactly_all():
    assert sorted(innograph.__all__) == ["Graph", "connect"]
    assert innograph.Graph is Graph
    assert callable(innograph.connect)
    with pytest.raises(AttributeError):
        innograph.no_such_name  # noqa: B018


def test_api_cypher_returns_a_dataframe_with_params(sample_graph):
    frame = sample_graph.cypher("MATCH (p:Park)-[:HOSTS]->(x) RETURN p.name AS park, x.name AS hosted ORDER BY hosted")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["park", "hosted"]
    assert frame["hosted"].tolist() == ["多玛医药", "苏州实验室"]
    by_kwarg = sample_graph.cypher("MATCH (a:Actor {name: $name}) RETURN a.type AS type", name="复旦大学")
    by_params = sample_graph.cypher("MATCH (a:Actor {name: $name}) RETURN a.type AS type", params={"name": "复旦大学"})
    assert by_kwarg["type"].tolist() == by_params["type"].tolist() == ["University"]


def test_api_cypher_is_read_only_by_default(sample_graph):
    with pytest.raises(QueryError):
        sample_graph.cypher("CREATE (:Actor {name: $name})", name="新主体")
    assert sample_graph.cypher("MATCH (a:Actor {name: $n}) RETURN a", n="新主体").empty


def test_api_query_runs_a_canned_query(sample_graph):
    frame = sample_graph.query("who_funds", actor="多瑪醫藥")
    assert frame[["funder", "funder_type"]].values.tolist() == [["人才一号母基金", "Fund"]]
    assert frame.attrs["query"] == "who_funds"
    with pytest.raises(QueryFileError, match="who_funds"):
        sample_graph.query("who_fund", actor="多玛医药")
    with pytest.raises(QueryError, match="depth"):
        sample_graph.query("collaboration_network", actor="多玛医药", depth=9)
    assert set(sample_graph.queries()["name"]) >= {"who_funds", "connection_paths", "tie_evidence"}


def test_api_to_networkx_whole_graph_has_only_actors_and_ties(sample_graph):
    graph = sample_graph.to_networkx()
    assert graph.number_of_nodes() == 11
    assert graph.number_of_edges() == 12
    assert graph.nodes["Enterprise:多玛医药"]["name"] == "多玛医药"
    assert graph.nodes["Enterprise:多玛医药"]["type"] == "Enterprise"
    ties = {data["tie"] for _, _, data in graph.edges(data=True)}
    assert ties <= set(load_ontology().tie_types)
    assert graph.has_edge("Fund:人才一号母基金", "Enterprise:多玛医药", key="FUNDS")


def test_api_to_networkx_from_query_rows(sample_graph):
    funders = sample_graph.to_networkx(sample_graph.query("fund_portfolio", funder="人才一号母基金"))
    assert list(funders.edges(keys=False, data="tie")) == [("人才一号母基金", "多玛医药", "FUNDS")]
    assert funders.nodes["多玛医药"]["type"] == "Enterprise"
    paths = sample_graph.to_networkx(sample_graph.query("connection_paths", source="复旦大学", target="苏州工业园区"))
    assert nx.shortest_path_length(paths.to_undirected(), "复旦大学", "苏州工业园区") == 3
    assert rows_to_networkx([]).number_of_nodes() == 0
    with pytest.raises(QueryError, match="end columns"):
        rows_to_networkx([{"name": "甲", "type": "Park"}])


def test_api_stats_counts_the_sample(sample_graph):
    stats = sample_graph.stats()
    assert (stats["actors"], stats["ties"], stats["documents"], stats["quantities"]) == (11, 12, 2, 2)
    assert stats["actors_by_type"]["Park"] == 2
    assert stats["ties_by_type"]["CO_BUILDS"] == 2
    assert stats["evidence"] > stats["ties"]


def test_api_ego_and_analytics(sample_graph):
    ego = sample_graph.ego("復旦大學", depth=1)
    assert sorted(ego.nodes[n]["name"] for n in ego) == ["复旦大学", "昆山高新区", "苏州生物医药实验室"]
    projection = sample_graph.projection()
    assert {projection.nodes[n]["name"] for n in projection} == {"复旦大学", "多玛医药", "昆山高新区"}
    central = sample_graph.centrality(top=1)
    assert central["name"].tolist() == ["多玛医药"]
    assert not sample_graph.communities().empty
    only_hosts = sample_graph.centrality(ties=["HOSTS"])
    assert set(only_hosts.loc[only_hosts["degree"] > 0, "name"]) == {"苏州工业园区", "苏州实验室", "多玛医药"}
    assert set(sample_graph.brokers(projection=True)["name"]) <= {"复旦大学", "多玛医药", "昆山高新区"}


def test_api_connect_opens_a_directory_and_closes(tmp_path):
    from innograph.graph.falkordb_engine import stop_engine

    location = tmp_path / "store"
    try:
        with innograph.connect(str(location)) as graph:
            assert graph.store.dialect.name == "falkordb"
            assert graph.stats()["actors"] == 0
            assert "falkordb" in repr(graph)
    finally:
        stop_engine(location)

"""Analytics on graphs whose answers are known: a path, two cliques joined by a bridge, a co-built lab."""

from __future__ import annotations

import networkx as nx
import pytest

from innograph.errors import QueryError
from innograph.graph import analytics


def tie_graph(ties: list[tuple[str, str, str]], types: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """A tie graph as load_actor_graph builds it, from (subject, TIE, object) names."""
    names = sorted({end for s, _, o in ties for end in (s, o)})
    nodes = [{"id": f"{(types or {}).get(n, 'Enterprise')}:{n}", "name": n, "type": (types or {}).get(n, "Enterprise"),
              "aliases": [n + "別名"]} for n in names]
    ids = {row["name"]: row["id"] for row in nodes}
    edges = [{"source": ids[s], "tie": t, "target": ids[o], "id": f"{s}|{t}|{o}"} for s, t, o in ties]
    return analytics.build_actor_graph(nodes, edges)


def path_graph(n: int) -> nx.MultiDiGraph:
    return tie_graph([(f"P{i}", "COLLABORATES_WITH", f"P{i + 1}") for i in range(n - 1)])


def two_cliques() -> nx.MultiDiGraph:
    """Two 4-cliques {A1..A4} and {B1..B4}, joined only by the tie A1 - B1."""
    ties = []
    for side in "AB":
        members = [f"{side}{i}" for i in range(1, 5)]
        ties += [(a, "COLLABORATES_WITH", b) for i, a in enumerate(members) for b in members[i + 1:]]
    ties.append(("A1", "FUNDS", "B1"))
    return tie_graph(ties)


def by_name(frame, column):
    return dict(zip(frame["name"], frame[column], strict=True))


def test_analytics_betweenness_of_a_path_graph():
    n = 5
    frame = analytics.centrality(path_graph(n))
    betweenness = by_name(frame, "betweenness")
    pairs = (n - 1) * (n - 2) / 2
    for i in range(n):
        # node i lies on the shortest path of every pair with one end on each side of it
        assert betweenness[f"P{i}"] == pytest.approx(i * (n - 1 - i) / pairs)
    assert list(frame["name"][:1]) == ["P2"]
    assert by_name(frame, "degree") == {"P0": 1, "P1": 2, "P2": 2, "P3": 2, "P4": 1}


def test_analytics_eigenvector_is_symmetric_on_a_path():
    eigen = by_name(analytics.centrality(path_graph(5)), "eigenvector")
    assert eigen["P0"] == pytest.approx(eigen["P4"])
    assert eigen["P1"] == pytest.approx(eigen["P3"])
    assert eigen["P2"] > eigen["P1"] > eigen["P0"] > 0


def test_analytics_isolated_actor_has_zero_centrality():
    graph = path_graph(3)
    graph.add_node("Enterprise:孤立", name="孤立", type="Enterprise", aliases=[])
    frame = analytics.centrality(graph)
    assert by_name(frame, "eigenvector")["孤立"] == 0
    assert by_name(frame, "degree")["孤立"] == 0
    assert list(frame.columns[:3]) == ["id", "name", "type"]


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_analytics_communities_split_two_cliques(method):
    frame = analytics.communities(two_cliques(), seed=7, method=method)
    groups = frame.groupby("community")["name"].apply(sorted).tolist()
    assert sorted(groups) == [["A1", "A2", "A3", "A4"], ["B1", "B2", "B3", "B4"]]
    assert set(frame["community_size"]) == {4}


def test_analytics_communities_are_deterministic_for_a_seed():
    graph = two_cliques()
    first = analytics.communities(graph, seed=3)
    again = analytics.communities(graph, seed=3)
    assert first.equals(again)


def test_analytics_communities_unknown_method_is_refused():
    with pytest.raises(QueryError, match="louvain"):
        analytics.communities(two_cliques(), method="spectral")


def test_analytics_brokers_are_the_bridge_ends():
    frame = analytics.brokers(two_cliques(), seed=1)
    assert sorted(frame["name"]) == ["A1", "B1"]
    assert set(frame["communities_reached"]) == {1}
    assert set(frame["bridging_ties"]) == {1}
    assert frame["betweenness"].iloc[0] > 0


def test_analytics_brokers_with_given_membership():
    graph = path_graph(4)  # P0 - P1 - P2 - P3
    membership = {"Enterprise:P0": 0, "Enterprise:P1": 0, "Enterprise:P2": 1, "Enterprise:P3": 1}
    frame = analytics.brokers(graph, membership=membership)
    assert sorted(frame["name"]) == ["P1", "P2"]


def test_analytics_projection_joins_co_builders_and_co_funders_not_the_thing_built():
    types = {"实验室": "Lab", "大学": "University", "基金甲": "Fund", "基金乙": "Fund", "园区": "Park"}
    graph = tie_graph([
        ("大学", "CO_BUILDS", "实验室"),
        ("企业", "CO_BUILDS", "实验室"),
        ("基金甲", "FUNDS", "企业"),
        ("基金乙", "FUNDS", "企业"),
        ("园区", "HOSTS", "企业"),
        ("大学", "COLLABORATES_WITH", "园区"),
    ], types)
    projection = analytics.collaboration_projection(graph)
    pairs = {tuple(sorted((projection.nodes[a]["name"], projection.nodes[b]["name"]))): data["via"]
             for a, b, data in projection.edges(data=True)}
    assert pairs == {
        ("企业", "大学"): ["CO_BUILDS 实验室"],
        ("基金乙", "基金甲"): ["FUNDS 企业"],
        ("园区", "大学"): ["COLLABORATES_WITH"],
    }
    assert "Lab:实验室" not in projection


def test_analytics_undirected_counts_ties_per_pair():
    graph = tie_graph([("甲", "CO_BUILDS", "乙"), ("甲", "COLLABORATES_WITH", "乙"), ("乙", "FUNDS", "甲")])
    simple = analytics.undirected(graph)
    assert simple.number_of_edges() == 1
    data = simple.get_edge_data("Enterprise:甲", "Enterprise:乙")
    assert data["weight"] == 3
    assert sorted(data["ties"]) == ["COLLABORATES_WITH", "CO_BUILDS", "FUNDS"]


def test_analytics_ego_by_depth_and_alias():
    graph = path_graph(5)
    assert sorted(graph.nodes[n]["name"] for n in analytics.ego(graph, "P2", depth=1)) == ["P1", "P2", "P3"]
    two = analytics.ego(graph, "P0別名", depth=2)
    assert {two.nodes[n]["name"]: two.nodes[n]["distance"] for n in two} == {"P0": 0, "P1": 1, "P2": 2}
    table = analytics.ego_table(graph, "Enterprise:P4", depth=1)
    assert list(zip(table["name"], table["distance"], strict=True)) == [("P4", 0), ("P3", 1)]


def test_analytics_ego_unknown_actor_says_how_to_find_names():
    with pytest.raises(QueryError, match="actors_of_type"):
        analytics.ego(path_graph(3), "不存在")


def test_analytics_empty_graph_gives_empty_frames():
    empty = nx.MultiDiGraph()
    assert analytics.centrality(empty).empty
    assert analytics.communities(empty).empty
    assert analytics.brokers(empty).empty


def test_analytics_large_graph_betweenness_is_sampled_but_seeded():
    n = analytics.EXACT_BETWEENNESS_MAX + 101
    graph = analytics.undirected(path_graph(n))
    first = analytics.centrality(graph, seed=5)
    again = analytics.centrality(graph, seed=5)
    assert first.equals(again)
    middle = {f"P{i}" for i in range(n // 2 - 30, n // 2 + 31)}
    assert first["name"].iloc[0] in middle  # the estimate still ranks the middle of the path first
    assert by_name(first, "betweenness")["P0"] == 0


def test_analytics_eigenvector_matches_networkx_on_a_connected_graph():
    karate = nx.relabel_nodes(nx.karate_club_graph(), str)
    nx.set_node_attributes(karate, "Enterprise", "type")
    expected = nx.eigenvector_centrality(karate, max_iter=5000, tol=1e-10)
    got = by_name(analytics.centrality(karate), "eigenvector")
    assert got == pytest.approx(expected, abs=1e-6)


def test_analytics_select_ties_keeps_actors_and_only_chosen_ties():
    graph = tie_graph([("甲", "HOSTS", "乙"), ("乙", "FOCUSES_ON", "丙"), ("丁", "FOCUSES_ON", "丙")])
    hosts = analytics.select_ties(graph, ["HOSTS"])
    assert hosts.number_of_nodes() == 4
    assert [d["tie"] for _, _, d in hosts.edges(data=True)] == ["HOSTS"]
    assert analytics.select_ties(graph, None) is graph
    # without FOCUSES_ON the shared industry no longer lies between anyone
    assert by_name(analytics.centrality(graph), "betweenness")["丙"] > 0
    assert by_name(analytics.centrality(hosts), "betweenness")["丙"] == 0
    with pytest.raises(QueryError, match="LIKES"):
        analytics.select_ties(graph, ["LIKES"])

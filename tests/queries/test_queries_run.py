"""Every canned query on the hand-built sample graph (sample_graph.py), on each store."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sample_graph import ACTORS, DOC_TEXT

from innograph.errors import QueryError
from innograph.queries import load_queries, run_query, to_simplified


def names(rows, column):
    return sorted(row[column] for row in rows)


def test_queries_run_every_query_with_its_examples(sample_store):
    for query in load_queries().values():
        params = {p.name: p.example for p in query.params}
        rows = run_query(sample_store, query.name, **params)
        assert isinstance(rows, list), query.name


def test_queries_actors_of_type_matches_traditional_fragment_and_aliases(sample_store):
    rows = run_query(sample_store, "actors_of_type", type="Park", fragment="蘇州")
    assert [(r["name"], r["type"], r["ties"]) for r in rows] == [("苏州工业园区", "Park", 4)]
    assert "蘇州工業園區" in rows[0]["aliases"]
    by_alias = run_query(sample_store, "actors_of_type", fragment="园区")
    assert names(by_alias, "name") == ["苏州工业园区"]
    everything = run_query(sample_store, "actors_of_type")
    assert len(everything) == 11
    assert [r["ties"] for r in everything] == sorted((r["ties"] for r in everything), reverse=True)


def test_queries_place_hosts_groups_by_type_and_reaches_parks_of_a_region(sample_store):
    park = run_query(sample_store, "place_hosts", place="蘇州工業園區")
    assert {r["type"]: (r["count"], r["actors"]) for r in park} == {
        "Enterprise": (1, ["多玛医药"]),
        "Lab": (1, ["苏州实验室"]),
    }
    region = run_query(sample_store, "place_hosts", place="苏州市")
    assert {r["type"]: r["actors"] for r in region} == {
        "Enterprise": ["多玛医药 (苏州工业园区)"],
        "Lab": ["苏州实验室 (苏州工业园区)"],
    }


def test_queries_who_funds_with_amount_from_the_same_sentence(sample_store):
    rows = run_query(sample_store, "who_funds", actor="多瑪醫藥")
    assert [(r["funder"], r["funder_type"], r["amounts"], r["statements"]) for r in rows] == [
        ("人才一号母基金", "Fund", ["5000万元"], 1)]
    portfolio = run_query(sample_store, "fund_portfolio", funder="人才一号母基金")
    assert [(r["funded"], r["funded_type"], r["amounts"]) for r in portfolio] == [
        ("多玛医药", "Enterprise", ["5000万元"])]
    assert run_query(sample_store, "who_funds", actor="人才一号母基金") == []


def test_queries_co_built_lists_the_other_builders(sample_store):
    rows = run_query(sample_store, "co_built", actor="复旦大学")
    assert [(r["built"], r["built_type"], r["partners"], r["partner_types"]) for r in rows] == [
        ("苏州生物医药实验室", "Lab", ["多玛医药"], ["Enterprise"])]


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (1, {"复旦大学": 1}),
        (2, {"复旦大学": 1, "昆山高新区": 2}),
        (3, {"复旦大学": 1, "昆山高新区": 2}),
    ],
)
def test_queries_collaboration_network_by_depth(sample_store, depth, expected):
    rows = run_query(sample_store, "collaboration_network", actor="多玛医药", depth=depth)
    assert {r["partner"]: r["distance"] for r in rows} == expected
    assert "苏州生物医药实验室" not in {r["partner"] for r in rows}  # what was built is no partner
    chains = {r["partner"]: r["via"] for r in rows}
    assert chains["复旦大学"] == ["多玛医药", "苏州生物医药实验室", "复旦大学"]


def test_queries_collaboration_network_is_symmetric_for_collaborators(sample_store):
    rows = run_query(sample_store, "collaboration_network", actor="昆山高新区", depth=1)
    assert {r["partner"]: r["distance"] for r in rows} == {"复旦大学": 1}


def test_queries_connection_paths_shortest_chain_and_tie_filter(sample_store):
    rows = run_query(sample_store, "connection_paths", source="复旦大学", target="苏州工业园区", depth=4)
    assert {r["hops"] for r in rows} == {3}
    assert sorted(tuple(r["actors"]) for r in rows) == sorted([
        ("复旦大学", "苏州生物医药实验室", "多玛医药", "苏州工业园区"),
        ("复旦大学", "昆山高新区", "苏州市", "苏州工业园区"),
    ])
    only_cobuild_hosts = run_query(sample_store, "connection_paths", source="复旦大学", target="苏州工业园区",
                                   ties=["CO_BUILDS", "HOSTS"])
    assert [r["ties"] for r in only_cobuild_hosts] == [["CO_BUILDS", "CO_BUILDS", "HOSTS"]]
    assert "苏州工业园区 -HOSTS-> 多玛医药" in only_cobuild_hosts[0]["statements"]
    assert run_query(sample_store, "connection_paths", source="复旦大学", target="苏州工业园区", depth=2) == []


def test_queries_connection_paths_either_direction_and_depth_bound(sample_store):
    # Ties are walked either way; the chain reads from the source whichever end the search met at.
    rows = run_query(sample_store, "connection_paths", source="苏州工业园区", target="复旦大学", depth=3)
    assert sorted(tuple(r["actors"]) for r in rows) == sorted([
        ("苏州工业园区", "多玛医药", "苏州生物医药实验室", "复旦大学"),
        ("苏州工业园区", "苏州市", "昆山高新区", "复旦大学"),
    ])
    one = run_query(sample_store, "connection_paths", source="人才一号母基金", target="多玛医药", depth=1)
    assert [(r["hops"], r["statements"]) for r in one] == [(1, ["人才一号母基金 -FUNDS-> 多玛医药"])]
    assert run_query(sample_store, "connection_paths", source="孤立公司", target="多玛医药", depth=6) == []
    with pytest.raises(QueryError):
        run_query(sample_store, "connection_paths", source="复旦大学", target="苏州工业园区", depth=7)


def test_queries_brokers_between_two_parks(sample_store):
    rows = run_query(sample_store, "brokers_between", first="苏州工业园区", second="昆山高新区")
    assert [(r["broker"], r["ties_to_first"], r["ties_to_second"]) for r in rows] == [
        ("苏州市", ["PART_OF"], ["PART_OF"])]


def test_queries_most_connected_by_type_and_by_tie(sample_store):
    rows = run_query(sample_store, "most_connected", limit=3)
    assert [(r["name"], r["degree"]) for r in rows] == [("多玛医药", 5), ("苏州工业园区", 4), ("昆山高新区", 3)]
    assert sorted(rows[1]["by_tie"]) == ["HOSTS 2", "PART_OF 1", "RUNS 1"]
    parks = run_query(sample_store, "most_connected", type="Park", tie="PART_OF")
    assert [(r["name"], r["degree"]) for r in parks] == [("昆山高新区", 1), ("苏州工业园区", 1)]


def test_queries_schemes_by_place_with_selected(sample_store):
    rows = run_query(sample_store, "schemes_by_place", runner="苏州市")
    assert [(r["runner"], r["scheme"], r["scheme_type"], r["selected"]) for r in rows] == [
        ("苏州工业园区", "金鸡湖人才计划", "TalentProgramme", ["多玛医药"])]
    assert run_query(sample_store, "schemes_by_place", runner="昆山高新区") == []
    assert run_query(sample_store, "schemes_by_place", types=["Programme"]) == []


def test_queries_industry_focus_counts_own_and_hosted(sample_store):
    rows = run_query(sample_store, "industry_focus")
    matrix = {(r["place"], r["industry"]): (r["actors"], r["own_focus"]) for r in rows}
    assert matrix == {("昆山高新区", "生物医药"): (1, True), ("苏州工业园区", "生物医药"): (1, False)}


def test_queries_tie_evidence_points_into_the_document(sample_store):
    rows = run_query(sample_store, "tie_evidence", subject="人才一号母基金", tie="FUNDS", object="多玛医药")
    assert len(rows) == 1
    row = rows[0]
    assert row["document"] == "docs/sample_one.txt"
    assert DOC_TEXT[row["start"]:row["end"]] == "人才一号母基金投资多玛医药"
    assert row["sentence"] == "人才一号母基金投资多玛医药5000万元,共1家。"


def test_queries_tie_evidence_symmetric_tie_either_order(sample_store):
    forward = run_query(sample_store, "tie_evidence", subject="复旦大学", tie="COLLABORATES_WITH", object="昆山高新区")
    backward = run_query(sample_store, "tie_evidence", subject="昆山高新区", tie="COLLABORATES_WITH", object="复旦大学")
    assert len(forward) == len(backward) == 1
    assert forward[0]["sentence"] == backward[0]["sentence"] == "复旦大学与昆山高新区合作。"
    assert run_query(sample_store, "tie_evidence", subject="苏州实验室", tie="HOSTS", object="苏州工业园区") == []


def test_queries_actor_documents_gives_surface_and_offsets(sample_store):
    rows = run_query(sample_store, "actor_documents", actor="苏州工业园区")
    first = [r for r in rows if r["document"] == "docs/sample_one.txt"]
    assert [r["surface"] for r in first] == ["苏州工业园区"]
    assert {r["document"] for r in rows} == {"docs/sample_one.txt", "docs/sample_two.txt"}
    for row in first:
        assert DOC_TEXT[row["start"]:row["end"]] == row["surface"]


def test_queries_isolated_actors_are_the_coverage_gaps(sample_store):
    rows = run_query(sample_store, "isolated_actors")
    assert [(r["name"], r["type"], r["mentions"], r["documents"]) for r in rows] == [("孤立公司", "Enterprise", 1, 1)]
    assert run_query(sample_store, "isolated_actors", type="Park") == []


def test_queries_co_built_labs_requires_a_builder_of_the_types(sample_store):
    rows = run_query(sample_store, "co_built_labs")
    assert [(r["built"], r["builders"]) for r in rows] == [("苏州生物医药实验室", ["复旦大学", "多玛医药"])]
    assert run_query(sample_store, "co_built_labs", builders=["Fund"]) == []


def test_queries_document_contents_lists_actors_and_ties(sample_store):
    rows = run_query(sample_store, "document_contents", document="sample_two.txt")
    actors = {r["subject"] for r in rows if r["kind"] == "actor"}
    ties = {(r["subject"], r["tie"], r["object"]) for r in rows if r["kind"] == "tie"}
    assert {"昆山高新区", "苏州市", "孤立公司", "多玛医药"} <= actors
    assert ties == {
        ("昆山高新区", "PART_OF", "苏州市"),
        ("苏州工业园区", "PART_OF", "苏州市"),
        ("昆山高新区", "FOCUSES_ON", "生物医药"),
        ("多玛医药", "FOCUSES_ON", "生物医药"),
    }


def test_queries_values_travel_as_parameters(sample_store):
    hostile = "x' OR 1=1 RETURN 1 //"
    assert run_query(sample_store, "actors_of_type", fragment=hostile) == []
    assert run_query(sample_store, "who_funds", actor="多玛医药\" OR true //") == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1,
                   max_size=30))
def test_queries_any_text_is_only_ever_a_value(sample_embedded, text):
    # Quotes, braces, backticks, comment markers: whatever the text, it is matched, never parsed.
    # (NUL and lone surrogates are left out: the store refuses them, tested below.)
    rows = run_query(sample_embedded, "actors_of_type", fragment=text)
    simplified = to_simplified(text.strip())
    expected = {name for name, (_, aliases) in ACTORS.items()
                if not text.strip()  # a blank field means "any name"
                or simplified in name or any(simplified in alias for alias in aliases)}
    assert {r["name"] for r in rows} == expected


@pytest.mark.parametrize("text", ["园区\x00", "\ud800", "苏州\udfff园区"])
def test_queries_text_the_store_cannot_carry_is_refused_by_name(sample_embedded, text):
    with pytest.raises(QueryError) as refused:
        run_query(sample_embedded, "actors_of_type", fragment=text)
    assert "MATCH (a:Actor" in str(refused.value) and "\n" not in str(refused.value)

"""The query files' headers: parsed into records, checked at load time, coerced parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from innograph.errors import QueryError, QueryFileError
from innograph.graph.store import Dialect
from innograph.ontology import load_ontology
from innograph.queries import QUERY_DIR, load_queries, parse_query_file

GOOD_HEADER = """// name: {name}
// title_en: A test query
// title_zh: 测试查询
// description: What the test asks.
// param: actor | str | required | 多玛医药 | Actor name
// simplify: actor
"""

BRIEF_QUESTIONS = 15  # the brief asks for at least fifteen canned queries


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


def test_queries_registry_loads_every_file_with_titles_and_params():
    queries = load_queries()
    files = sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))
    assert sorted(queries) == files
    assert len(queries) >= BRIEF_QUESTIONS
    for query in queries.values():
        assert query.title_en and query.title_zh and query.description
        assert any("\u4e00" <= ch <= "\u9fff" for ch in query.title_zh), query.name
        for param in query.params:
            assert param.type in ("str", "int", "float", "bool", "list[str]")
            assert param.example is not None and param.example != "", (query.name, param.name)


def test_queries_registry_every_query_has_text_for_both_engines():
    for query in load_queries().values():
        for engine in ("falkordb", "neo4j"):
            text = query.text_for(engine)
            assert "MATCH" in text and "//" not in text.split("\n")[0]


def test_queries_registry_variant_is_chosen_by_dialect():
    ranking = load_queries()["most_connected"]
    falkordb = Dialect("falkordb", shortest_path_in_match=False, relationship_uniqueness=False, fulltext=False)
    neo4j = Dialect("neo4j", shortest_path_in_match=True, relationship_uniqueness=True, fulltext=True)
    assert "outdegree(" in ranking.text_for(falkordb)
    assert "outdegree(" not in ranking.text_for(neo4j)


def test_queries_registry_shared_text_serves_any_engine(tmp_path):
    path = write(tmp_path, "shared", GOOD_HEADER.format(name="shared") + "MATCH (a:Actor {name: $actor}) RETURN a.name")
    query = parse_query_file(path)
    assert query.text_for("falkordb") == query.text_for("neo4j") == query.text_for("other")
    assert query.text_for("neo4j").startswith("MATCH")


def test_queries_registry_variant_only_file_refuses_unknown_engine(tmp_path):
    text = GOOD_HEADER.format(name="only") + "// variant: falkordb\nMATCH (a) RETURN a.name\n"
    query = parse_query_file(write(tmp_path, "only", text))
    assert query.text_for("falkordb") == "MATCH (a) RETURN a.name"
    with pytest.raises(QueryFileError, match=r"only\.cypher.*neo4j"):
        query.text_for("neo4j")


@pytest.mark.parametrize(
    ("header", "complaint"),
    [
        ("// name: bad\n// title_en: T\n// description: D\n", "title_zh"),
        (GOOD_HEADER.format(name="other"), "differs from the file name"),
        (GOOD_HEADER.format(name="bad") + "// param: depth | integer | 1 | 1 | Depth\n", "integer"),
        (GOOD_HEADER.format(name="bad") + "// param: depth | int 1..3 | 1 | Depth\n", "5 fields"),
        (GOOD_HEADER.format(name="bad") + "// param: depth | int 1..3 | 7 | 2 | Depth\n", "outside 1..3"),
        (GOOD_HEADER.format(name="bad") + "// param: depth | int | two | 2 | Depth\n", "not an int"),
        (GOOD_HEADER.format(name="bad") + "// param: kind | str actor_type | Castle | Park | Type\n",
         "not defined in the ontology"),
        (GOOD_HEADER.format(name="bad") + "// param: actor | str | x | y | Again\n", "declared twice"),
        (GOOD_HEADER.format(name="bad") + "// colour: blue\n", "unknown header key"),
        (GOOD_HEADER.format(name="bad").replace("// simplify: actor", "// simplify: place"), "simplify"),
    ],
)
def test_queries_registry_bad_header_names_the_file(tmp_path, header, complaint):
    path = write(tmp_path, "bad", header + "MATCH (a:Actor {name: $actor}) RETURN a.name\n")
    with pytest.raises(QueryFileError) as raised:
        parse_query_file(path)
    assert "bad.cypher" in str(raised.value)
    assert complaint in str(raised.value)


def test_queries_registry_undeclared_parameter_is_refused(tmp_path):
    path = write(tmp_path, "loose", GOOD_HEADER.format(name="loose") + "MATCH (a:Actor {name: $who}) RETURN a\n")
    with pytest.raises(QueryFileError, match=r"loose.cypher.*\$who"):
        parse_query_file(path)


def test_queries_registry_header_without_body_is_refused(tmp_path):
    path = write(tmp_path, "empty", GOOD_HEADER.format(name="empty"))
    with pytest.raises(QueryFileError, match=r"empty\.cypher.*no query text"):
        parse_query_file(path)


def test_queries_registry_bad_file_fails_the_whole_load(tmp_path):
    write(tmp_path, "fine", GOOD_HEADER.format(name="fine") + "MATCH (a:Actor {name: $actor}) RETURN a\n")
    write(tmp_path, "broken", "// name: broken\nMATCH (a) RETURN a\n")
    with pytest.raises(QueryFileError, match=r"broken\.cypher"):
        load_queries(tmp_path)


def test_queries_coerce_types_strings_from_forms():
    query = load_queries()["connection_paths"]
    values = query.coerce({"source": "复旦大学", "target": "苏州工业园区", "depth": "3", "ties": "HOSTS, CO_BUILDS"})
    assert values == {"source": "复旦大学", "target": "苏州工业园区", "depth": 3, "ties": ["HOSTS", "CO_BUILDS"]}


def test_queries_coerce_empty_tie_list_means_every_tie_type():
    values = load_queries()["connection_paths"].coerce({"source": "甲", "target": "乙"})
    assert sorted(values["ties"]) == sorted(load_ontology().tie_types)
    assert values["depth"] == 4


def test_queries_coerce_converts_traditional_names_to_simplified():
    values = load_queries()["who_funds"].coerce({"actor": " 多瑪醫藥\n"})
    assert values == {"actor": "多玛医药"}


@pytest.mark.parametrize(
    ("name", "raw", "complaint"),
    [
        ("collaboration_network", {"actor": "甲", "depth": "4"}, "outside 1..3"),
        ("collaboration_network", {"actor": "甲", "depth": "deep"}, "not an int"),
        ("collaboration_network", {"actor": "甲", "depth": 2.5}, "expected int"),
        ("collaboration_network", {"depth": "2"}, "needs parameter 'actor'"),
        ("who_funds", {"actor": "  "}, "needs parameter 'actor'"),
        ("who_funds", {"actor": "甲", "colour": "red"}, "no parameter colour"),
        ("connection_paths", {"source": "甲", "target": "乙", "ties": "HOSTS,LIKES"}, "'LIKES' not defined"),
        ("actors_of_type", {"type": "Castle"}, "'Castle' not defined"),
        ("who_funds", {"actor": 3}, "expected str"),
    ],
)
def test_queries_coerce_bad_input_says_what_is_wrong(name, raw, complaint):
    with pytest.raises(QueryError) as raised:
        load_queries()[name].coerce(raw)
    assert complaint in str(raised.value)
    assert name in str(raised.value)


def test_queries_unknown_query_lists_the_known_ones():
    from innograph.queries import get_query

    with pytest.raises(QueryFileError, match="who_funds"):
        get_query("no_such_query")


def test_queries_coerce_blank_form_fields_take_defaults():
    query = load_queries()["actors_of_type"]
    assert query.coerce({"type": "", "fragment": "", "limit": ""}) == {"type": "", "fragment": "", "limit": 200}
    paths = load_queries()["connection_paths"]
    assert paths.coerce({"source": "甲", "target": "乙", "depth": "", "ties": ""})["depth"] == 4


def test_queries_registry_degree_functions_count_every_tie_type():
    # FalkorDB variants count ties with outdegree/indegree over a written-out list of tie types;
    # a tie type added to the ontology must be added there too, or degrees would silently drop it.
    tie_types = set(load_ontology().tie_types)
    calls = 0
    for query in load_queries().values():
        for _, text in query.texts:
            for args in re.findall(r"(?:out|in)degree\(a, ('[^)]*')\)", text):
                calls += 1
                assert set(re.findall(r"'([A-Z_]+)'", args)) == tie_types, query.name
    assert calls >= 6


def test_queries_registry_typed_steps_walk_every_tie_type():
    # Path searches name the tie types in their patterns (an untyped step also walks the evidence's
    # MENTIONS edges); a tie type added to the ontology must be added there too.
    tie_types = set(load_ontology().tie_types)
    lists = [set(found.split("|")) for query in load_queries().values() for _, text in query.texts
             for found in re.findall(r"\[r:([A-Z_|]+)\]", text) if "|" in found]
    assert lists
    assert all(found == tie_types for found in lists)


def test_queries_connection_paths_file_is_what_its_generator_renders():
    # The file's repeated step blocks are written by innograph/queries/connection_paths_text.py.
    from innograph.queries.connection_paths_text import QUERY_FILE, current_header, render

    assert QUERY_FILE.read_text(encoding="utf-8") == render(current_header())

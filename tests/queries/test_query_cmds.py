"""``innograph query`` and ``innograph analyse`` on a store directory holding the sample graph."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_graph import sample_batch
from typer.testing import CliRunner

from innograph.cli import app
from innograph.queries import load_queries

runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An embedded store directory (default graph, as the CLI opens it) holding the sample graph."""
    from innograph.graph.falkordb_engine import stop_engine
    from innograph.graph.falkordb_store import FalkorDBStore

    directory = tmp_path_factory.mktemp("cli-store")
    try:
        with FalkorDBStore(directory) as store:
            store.write(sample_batch())
        yield directory
    finally:
        stop_engine(directory)


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_query_cmds_list_json_describes_every_query():
    code, out, _ = invoke("query", "list", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [q["name"] for q in listed] == list(load_queries())
    paths = next(q for q in listed if q["name"] == "connection_paths")
    depth = next(p for p in paths["params"] if p["name"] == "depth")
    assert (depth["type"], depth["minimum"], depth["maximum"], depth["required"]) == ("int", 1, 6, False)
    ties = next(p for p in paths["params"] if p["name"] == "ties")
    assert "CO_BUILDS" in ties["choices"]


def test_query_cmds_list_table_shows_titles():
    code, out, _ = invoke("query", "list")
    assert code == 0
    assert "who_funds" in out and "谁投资了该主体" in out


def test_query_cmds_run_json_and_csv(store_dir):
    code, out, _ = invoke("query", "who_funds", "--param", "actor=多瑪醫藥", "--format", "json",
                          "--store", str(store_dir))
    assert code == 0, out
    assert [(r["funder"], r["amounts"]) for r in json.loads(out)] == [("人才一号母基金", ["5000万元"])]
    code, out, _ = invoke("query", "collaboration_network", "-p", "actor=多玛医药", "-p", "depth=2", "-f", "csv",
                          "--store", str(store_dir))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["partner"], r["distance"]) for r in rows] == [("复旦大学", "1"), ("昆山高新区", "2")]
    assert rows[0]["via"] == "多玛医药; 苏州生物医药实验室; 复旦大学"


def test_query_cmds_table_output(store_dir):
    code, out, _ = invoke("query", "isolated_actors", "--store", str(store_dir))
    assert code == 0
    assert "孤立公司" in out and "1 row" in out


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["query", "collaboration_network", "-p", "actor=甲", "-p", "depth=7"], "outside 1..3"),
        (["query", "who_funds"], "needs parameter 'actor'"),
        (["query", "who_funds", "-p", "actor"], "not key=value"),
        (["query", "no_such_query"], "no canned query named"),
    ],
)
def test_query_cmds_bad_input_is_one_error_line(store_dir, args, complaint):
    from innograph.cli import main

    result = runner.invoke(app, [*args, "--store", str(store_dir)], standalone_mode=True)
    # typer lets InnographError through; innograph.cli.main turns it into one line and exit 1
    assert result.exit_code != 0
    assert complaint in str(result.exception)
    with pytest.raises(SystemExit) as raised:
        import sys

        argv, sys.argv = sys.argv, ["innograph", *args, "--store", str(store_dir)]
        try:
            main()
        finally:
            sys.argv = argv
    assert raised.value.code == 1


def test_query_cmds_analyse_centrality_and_brokers(store_dir):
    code, out, _ = invoke("analyse", "centrality", "--top", "2", "-f", "json", "--store", str(store_dir))
    assert code == 0, out
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["多玛医药", "苏州工业园区"]
    assert rows[0]["degree"] == 5
    code, out, _ = invoke("analyse", "brokers", "--view", "collaboration", "-f", "json", "--store", str(store_dir))
    assert code == 0, out
    assert {r["name"] for r in json.loads(out)} <= {"复旦大学", "多玛医药", "昆山高新区"}


def test_query_cmds_analyse_communities_and_ego(store_dir):
    code, out, _ = invoke("analyse", "communities", "-f", "json", "--store", str(store_dir))
    assert code == 0, out
    members = json.loads(out)
    assert "孤立公司" not in {r["name"] for r in members}
    assert len(members) == 10
    code, out, _ = invoke("analyse", "ego", "复旦大学", "--depth", "1", "-f", "csv", "--store", str(store_dir))
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["name"] == "复旦大学" and rows[0]["distance"] == "0"
    assert {r["name"] for r in rows[1:]} == {"昆山高新区", "苏州生物医药实验室"}


def test_query_cmds_analyse_only_some_ties(store_dir):
    code, out, _ = invoke("analyse", "ego", "复旦大学", "--depth", "2", "--tie", "CO_BUILDS", "-f", "json",
                          "--store", str(store_dir))
    assert code == 0, out
    distances = {r["name"]: r["distance"] for r in json.loads(out)}
    assert distances == {"复旦大学": 0, "苏州生物医药实验室": 1, "多玛医药": 2}

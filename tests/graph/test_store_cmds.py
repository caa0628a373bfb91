"""The store commands against a real embedded store of their own (the CLI uses the default graph name)."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_batches import PARK_TIES, document_batch, park_batch
from typer.testing import CliRunner

from innograph.cli import app
from innograph.graph.falkordb_engine import running_engine, stop_engine
from innograph.graph.falkordb_store import FalkorDBStore
from innograph.ontology import load_ontology

runner = CliRunner()


@pytest.fixture
def cli_store(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "store"
    with FalkorDBStore(directory) as store:
        store.write(park_batch())
        store.write(document_batch("keep.txt", "北京大学与清华大学合作。",
                                   [("University:北京大学", "COLLABORATES_WITH", "University:清华大学")]))
    yield directory
    stop_engine(directory)


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    return result


def test_store_cmds_stats_json_counts_per_type(cli_store):
    result = invoke("stats", "--json", "--store", str(cli_store))
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert (figures["documents"], figures["actors"], figures["ties"]) == (2, 5, len(PARK_TIES) + 1)
    assert all(isinstance(figures[key], int) for key in ("documents", "actors", "ties"))
    assert set(figures["actor_types"]) == set(load_ontology().actor_types)
    assert set(figures["tie_types"]) == set(load_ontology().tie_types)
    assert figures["actor_types"]["University"] == 2
    assert figures["tie_types"]["COLLABORATES_WITH"] == 2
    assert sum(figures["tie_types"].values()) == figures["ties"]


def test_store_cmds_cypher_params_and_formats(cli_store):
    query = "MATCH (a:Actor {name: $n})-[r:CO_BUILDS]->(b:Actor) RETURN b.name AS b, r.id AS id"
    as_json = invoke("cypher", query, "--param", "n=清华大学", "--format", "json", "--store", str(cli_store))
    assert as_json.exit_code == 0, as_json.output
    assert [row["b"] for row in json.loads(as_json.stdout)] == ["深圳研究院"]

    as_csv = invoke("cypher", "MATCH (a:University) RETURN a.name AS name ORDER BY name LIMIT $k",
                    "-p", "k=5", "-f", "csv", "--store", str(cli_store))
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.DictReader(io.StringIO(as_csv.stdout))) == [{"name": "北京大学"}, {"name": "清华大学"}]


def test_store_cmds_cypher_is_read_only(cli_store):
    result = invoke("cypher", "MATCH (a:Actor) DETACH DELETE a", "--store", str(cli_store))
    assert result.exit_code != 0
    after = invoke("stats", "--json", "--store", str(cli_store))
    assert json.loads(after.stdout)["actors"] == 5


def test_store_cmds_cypher_row_limit(cli_store):
    result = invoke("cypher", "MATCH (a:Actor) RETURN a.name AS n", "--limit", "2", "-f", "json",
                    "--store", str(cli_store))
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2


def test_store_cmds_forget_by_path_then_by_id(cli_store):
    result = invoke("forget", "docs/park.txt", "--store", str(cli_store))
    assert result.exit_code == 0, result.output
    figures = json.loads(invoke("stats", "--json", "--store", str(cli_store)).stdout)
    assert (figures["documents"], figures["actors"], figures["ties"]) == (1, 2, 1)

    keep_id = document_batch("keep.txt", "北京大学与清华大学合作。", []).documents[0].doc_id
    assert invoke("forget", keep_id, "--store", str(cli_store)).exit_code == 0
    figures = json.loads(invoke("stats", "--json", "--store", str(cli_store)).stdout)
    assert (figures["documents"], figures["actors"], figures["ties"]) == (0, 0, 0)

    missing = invoke("forget", "no/such/file.txt", "--store", str(cli_store))
    assert missing.exit_code != 0


def test_store_cmds_stop_stops_the_engine(cli_store):
    assert running_engine(cli_store) is not None
    result = invoke("stop", "--store", str(cli_store))
    assert result.exit_code == 0, result.output
    assert running_engine(cli_store) is None
    # the data persisted: the next command restarts the engine and finds it
    figures = json.loads(invoke("stats", "--json", "--store", str(cli_store)).stdout)
    assert figures["documents"] == 2


def test_store_cmds_stats_and_cypher_on_neo4j(neo4j_store):
    neo4j_store.write(park_batch())
    figures = json.loads(invoke("stats", "--json", "--store", os.environ["NEO4J_URI"]).stdout)
    assert (figures["documents"], figures["actors"], figures["ties"]) == (1, 4, len(PARK_TIES))
    result = invoke("cypher", "MATCH (a:Actor {name: $n}) RETURN a.type AS t", "-p", "n=清华大学", "-f", "json",
                    "--store", os.environ["NEO4J_URI"])
    assert json.loads(result.stdout) == [{"t": "University"}]
    refused = invoke("cypher", "CREATE (:Actor {id: 'x'})", "--store", os.environ["NEO4J_URI"])
    assert refused.exit_code != 0
    assert neo4j_store.run("MATCH (a:Actor {id: 'x'}) RETURN count(a) AS n") == [{"n": 0}]


def test_store_cmds_stop_refuses_a_server_uri():
    result = invoke("stop", "--store", "bolt://127.0.0.1:7687")
    assert result.exit_code != 0

"""Outages and the query box: a Neo4j server that is not there, wrong credentials, and free Cypher.

Every failure is one line on stderr starting with ``error:``, exit code 1, no traceback,
and no password anywhere in the output. Free Cypher cannot write (refused by the store
itself), stops at its time limit and at its row limit. The explorer listens on loopback.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from robustness_support import CliResult, free_port, innograph, innograph_command, seed_paths

from innograph.graph.store import open_store

SECRET = "Pw-robustness-7f3a9c"
URI_SECRET = "uri-secret-51d2"
UNREACHABLE_BOUND_S = 60  # the driver's connection timeout plus its bounded retries, with room to spare


def _one_error_line(result: CliResult) -> str:
    assert result.code == 1, result.output
    assert "Traceback" not in result.output, result.output
    lines = result.stderr_lines()
    assert len(lines) == 1, f"expected one error line, got:\n{result.stderr}"
    assert lines[0].startswith("error:"), lines[0]
    return lines[0]


@pytest.mark.parametrize("command", [("stats",), ("load", "SEED"), ("cypher", "MATCH (n) RETURN count(n) AS n")])
def test_outages_neo4j_unreachable_is_one_clear_line_without_secrets(command) -> None:
    uri = f"bolt://analyst:{URI_SECRET}@127.0.0.1:{free_port()}"
    args = [str(seed_paths()[1]) if part == "SEED" else part for part in command]
    started = time.monotonic()
    result = innograph(*args, store=uri, env={"NEO4J_PASSWORD": SECRET, "NEO4J_USER": "analyst"})
    elapsed = time.monotonic() - started
    line = _one_error_line(result)
    assert "Neo4j" in line and "127.0.0.1" in line and "NEO4J_URI" in line, line
    assert SECRET not in result.output and URI_SECRET not in result.output and "analyst" not in result.output
    assert elapsed < UNREACHABLE_BOUND_S, f"gave up after {elapsed:.0f} s"


def test_outages_neo4j_wrong_password_names_the_setting_not_the_password(neo4j_store) -> None:
    result = innograph("stats", store=os.environ["NEO4J_URI"], env={"NEO4J_PASSWORD": SECRET})
    line = _one_error_line(result)
    assert "NEO4J_PASSWORD" in line, line
    assert SECRET not in result.output


WRITES = (
    "CREATE (n:X) RETURN n",
    "MATCH (a:Actor) SET a.name = 'changed' RETURN count(a) AS n",
    "MATCH (d:Document) DETACH DELETE d",
)


def test_safe_querying_cypher_cannot_write(cli_location: str) -> None:
    loaded = innograph("load", "--quiet", seed_paths()[1], store=cli_location)
    assert loaded.code == 0, loaded.output
    names = "MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id"
    with open_store(cli_location) as store:
        before = store.run(names, read_only=True)
    assert before
    for query in WRITES:
        line = _one_error_line(innograph("cypher", query, store=cli_location))
        assert "read-only" in line, f"{query}: {line}"
    with open_store(cli_location) as store:
        assert store.run(names, read_only=True) == before
        assert store.run("MATCH (n:X) RETURN count(n) AS n", read_only=True) == [{"n": 0}]


def test_safe_querying_row_limit_holds(cli_location: str) -> None:
    result = innograph("cypher", "UNWIND range(1, 5000) AS x RETURN x", "--limit", "7", "-f", "json",
                       store=cli_location)
    assert result.code == 0, result.output
    assert [row["x"] for row in json.loads(result.stdout)] == list(range(1, 8))
    assert "--limit 7" in result.stderr


def test_safe_querying_long_query_is_stopped_at_its_time_limit(store_dir: Path) -> None:
    query = "UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n"
    line = _one_error_line(innograph("cypher", query, "--timeout-ms", "100", store=store_dir))
    assert "timed out" in line and "time limit" in line, line  # the engine's own word, and what to do


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as /proc/net/tcp* show them) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.append(address)
    return found


def test_safe_querying_explorer_listens_on_loopback_by_default(store_dir: Path) -> None:
    port = free_port()
    explorer = subprocess.Popen(
        [*innograph_command(), "ui", "--port", str(port)],
        env={**os.environ, "INNOGRAPH_STORE": str(store_dir)},
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not _listening(port) and explorer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        addresses = _listening(port)
        assert addresses, f"the explorer did not listen on {port}: {explorer.poll()=}"
        assert set(addresses) == {"0100007F"}, f"listening on {addresses}, not only 127.0.0.1"
    finally:
        explorer.terminate()
        try:
            explorer.wait(timeout=30)
        except subprocess.TimeoutExpired:
            explorer.kill()
            explorer.wait(timeout=30)

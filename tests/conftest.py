"""Root fixtures: real stores, made cheap.

- ``embedded_store``: a FalkorDBStore with a fresh graph in one engine shared by the
  whole session (starting an engine per test would cost a second each); the graph is
  dropped after the test and the engine stopped at the end of the session.
- ``neo4j_store``: the server NEO4J_URI names (NEO4J_USER / NEO4J_PASSWORD /
  NEO4J_DATABASE), emptied before the test; skipped, with the reason shown, when unset.
- ``any_store``: both of the above, so one test body checks the contract on each.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from innograph.graph.store import Store


@pytest.fixture(scope="session")
def embedded_engine_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The data directory of the session's shared embedded engine (stopped at the end)."""
    from innograph.graph.falkordb_engine import stop_engine

    directory = tmp_path_factory.mktemp("engine")
    yield directory
    stop_engine(directory)


@pytest.fixture
def embedded_store(embedded_engine_dir: Path) -> Iterator[Store]:
    """A FalkorDBStore on a fresh, empty graph of the shared session engine."""
    from innograph.graph.falkordb_store import FalkorDBStore

    store = FalkorDBStore(embedded_engine_dir, graph=f"test_{uuid.uuid4().hex[:12]}")
    try:
        yield store
    finally:
        store.drop()
        store.close()


@pytest.fixture
def neo4j_store() -> Iterator[Store]:
    """The Neo4j (or Bolt-speaking) server NEO4J_URI names, emptied first."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: start a Bolt server (e.g. .ci/start_bolt_server.py) and export it")
    from innograph.graph.neo4j_store import Neo4jStore

    store = Neo4jStore(uri)
    try:
        store.clear()
        yield store
    finally:
        store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def any_store(request: pytest.FixtureRequest) -> Store:
    """Each store in turn: the same test body runs on the embedded engine and on Neo4j."""
    return request.getfixturevalue(f"{request.param}_store")

"""Fixtures for the end-to-end robustness tests.

Every test gets its own embedded store directory (its own engine), so a test that kills
an engine or a loader cannot disturb another; the engine is stopped at teardown.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from innograph.graph.falkordb_engine import stop_engine


@pytest.fixture
def store_dir(tmp_path: Path) -> Iterator[Path]:
    """An embedded store directory of its own; its engine is stopped at teardown."""
    directory = tmp_path / "store"
    yield directory
    stop_engine(directory)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def cli_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where the CLI stores: a fresh embedded directory, then (with NEO4J_URI set) the emptied Bolt server."""
    if request.param == "embedded":
        directory = tmp_path / "store"
        yield str(directory)
        stop_engine(directory)
        return
    request.getfixturevalue("neo4j_store")  # skips without NEO4J_URI; empties the server
    yield os.environ["NEO4J_URI"]

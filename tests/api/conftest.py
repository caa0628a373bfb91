"""The sample graph of tests/queries, for the API and CLI tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "queries"))

from sample_graph import sample_batch

from innograph.api import Graph
from innograph.graph.store import Store


@pytest.fixture
def sample_graph(any_store: Store) -> Graph:
    """A Graph over each store, holding the sample graph."""
    any_store.write(sample_batch())
    return Graph(any_store)

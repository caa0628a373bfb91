"""The sample graph (sample_graph.py) written to each store the root fixtures give."""

from __future__ import annotations

import pytest
from sample_graph import sample_batch

from innograph.graph.store import Store


@pytest.fixture
def sample_store(any_store: Store) -> Store:
    """The embedded store, and Neo4j when NEO4J_URI is set, holding the sample graph."""
    any_store.write(sample_batch())
    return any_store


@pytest.fixture
def sample_embedded(embedded_store: Store) -> Store:
    """The embedded store holding the sample graph."""
    embedded_store.write(sample_batch())
    return embedded_store

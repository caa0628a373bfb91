"""The write sweep against a Bolt server: it measures, and leaves the server's data as it found it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.loading import bench_write_sweep
from innograph.graph.store import open_store

pytestmark = pytest.mark.neo4j


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="needs a Bolt server named by NEO4J_URI")
def test_benchmarks_neo4j_sweep_measures_and_forgets_what_it_wrote(tmp_path: Path) -> None:
    uri = os.environ["NEO4J_URI"]
    count = "MATCH (n) RETURN count(n) AS n"
    with open_store(uri) as store:
        before = store.run(count, read_only=True)[0]["n"]
    result = bench_write_sweep(tmp_path, [2], docs=2, budget_s=0.1, seed=3, neo4j_uri=uri)
    (point,) = result["neo4j"]
    assert point["documents"] == 2 and point["ties"] > 0 and point["ties_per_s"] > 0
    assert result["embedded"][0]["documents"] == 2
    with open_store(uri) as store:
        assert store.run(count, read_only=True)[0]["n"] == before

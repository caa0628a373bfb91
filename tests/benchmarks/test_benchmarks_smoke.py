"""The benchmark command end to end at the 1k size: it runs, and its JSON holds every figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from innograph.graph.falkordb_engine import running_engine

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_benchmarks_smoke_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    table = tmp_path / "bench.md"
    env = {key: value for key, value in os.environ.items() if key != "NEO4J_URI"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--size", "1k", "--json", str(out), "--markdown", str(table),
         "--query-actors", "2000", "--query-runs", "3", "--sweep", "1,100", "--sweep-seconds", "2",
         "--single-sample", "50", "--work", str(tmp_path / "work")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text(encoding="utf-8"))
    # The figures of this run stay beside the other test artefacts (timings are not asserted).
    keep = ROOT / "test-output" / "benchmarks"
    keep.mkdir(parents=True, exist_ok=True)
    (keep / "smoke-1k.md").write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    (keep / "smoke-1k.json").write_text(out.read_text(encoding="utf-8"), encoding="utf-8")

    assert results["documents"] == 1000
    assert {"nproc", "memory_gib", "cpu"} <= set(results["machine"])
    extraction = results["extraction"]
    for part in ("single", "parallel"):
        assert extraction[part]["mb_per_s"] > 0 and extraction[part]["docs_per_s"] > 0
    assert extraction["parallel"]["documents"] == 1000
    assert 0.0 <= extraction["quality"]["ties"]["f1"] <= 1.0
    assert extraction["quality"]["ties"]["gold"] > 0

    sweep = results["loading"]["embedded"]
    assert [point["batch_docs"] for point in sweep] == [1, 100]
    assert all(point["ties_per_s"] > 0 for point in sweep)

    e2e = results["end_to_end"]
    assert e2e["documents"] == 1000 and e2e["loaded"] + e2e["failed"] == 1000
    assert e2e["graph"]["actors"] > 0 and e2e["graph"]["ties"] > 0
    assert e2e["loader_peak_rss_mb"] > 0 and e2e["store_peak_rss_mb"] > 0

    (graph,) = results["queries"]
    assert graph["graph"]["actors"] >= 2000
    assert graph["graph"]["store_peak_rss_mb"] > 0
    queries = graph["queries"]
    assert "skipped" not in queries and queries
    for name, figures in queries.items():
        assert "error" not in figures, (name, figures)
        assert figures["runs"] == 3 and figures["p95_ms"] >= figures["p50_ms"] > 0

    markdown = table.read_text(encoding="utf-8")
    assert markdown == results["markdown"]
    assert "| figure | value | target | met |" in markdown
    assert results["machine"]["cpu"] in markdown
    stores = [path for path in (tmp_path / "work").iterdir() if path.name != "corpus"]
    assert len(stores) == 4  # two sweep points, the end-to-end store, one query graph
    assert all(running_engine(path) is None for path in stores)  # every engine it started is stopped

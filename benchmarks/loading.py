"""Store write speed (ties/s, batch size swept) and files-to-queryable-graph time with peak memory.

The sweep writes the corpus's ground truth (``truth_batch``) rather than extracted
batches, so it measures the store alone; the end-to-end run goes through
``innograph.loading.load_paths`` exactly as ``innograph load`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import CorpusGenerator, truth_batch
from benchmarks.measure import Clock, PeakRss, engine_pid_of
from innograph.graph.store import Store, open_store
from innograph.model import Batch


def stop_embedded(directory: Path, patience_s: float = 180.0) -> None:
    """Stop the engine a benchmark started for a directory (it outlives the store object otherwise).

    After heavy writes the engine may be rewriting its append-only file on its own and
    refuse to stop until that ends, so refusals are retried for ``patience_s``.
    """
    from innograph.errors import StoreUnavailable
    from innograph.graph.falkordb_engine import stop_engine

    deadline = time.monotonic() + patience_s
    while True:
        try:
            stop_engine(directory)
            return
        except StoreUnavailable:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def merged(batches: list[Batch]) -> Batch:
    whole = Batch()
    for batch in batches:
        whole.merge(batch)
    return whole


def graph_counts(store: Store) -> dict[str, int]:
    actors = store.run("MATCH (a:Actor) RETURN count(a) AS n", read_only=True)[0]["n"]
    ties = store.run("MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n", read_only=True)[0]["n"]
    documents = store.run("MATCH (d:Document) RETURN count(d) AS n", read_only=True)[0]["n"]
    return {"actors": int(actors), "ties": int(ties), "documents": int(documents)}


def _sweep_point(store: Store, batches: list[Batch], size: int, budget_s: float,
                 engine_pid: Callable[[], int | None] = lambda: None) -> dict[str, Any]:
    written_docs = written_ties = written_evidence = 0
    started = time.perf_counter()
    elapsed = 0.0
    with PeakRss(engine_pid) as rss:
        for first in range(0, len(batches), size):
            group = merged(batches[first : first + size])
            with Clock() as clock:
                stats = store.write(group)
            elapsed += clock.seconds
            written_docs += len(group.documents)
            written_ties += len(group.ties)
            written_evidence += stats.evidence_created
            if time.perf_counter() - started > budget_s:
                break
    figures = rss.figures()  # CPU seconds include merging the batches, which is the loader's work too
    cpu = figures["loader_cpu_s"] + figures["store_cpu_s"]
    return {
        "batch_docs": size,
        "documents": written_docs,
        "ties": written_ties,
        "seconds": round(elapsed, 3),
        "ties_per_s": round(written_ties / elapsed, 1) if elapsed else 0.0,
        "docs_per_s": round(written_docs / elapsed, 1) if elapsed else 0.0,
        "evidence_per_s": round(written_evidence / elapsed, 1) if elapsed else 0.0,
        "ties_per_cpu_s": round(written_ties / cpu, 1) if cpu else 0.0,
        **figures,
    }


def bench_write_sweep(work: Path, sizes: list[int], docs: int, budget_s: float, seed: int,
                      neo4j_uri: str | None = None) -> dict[str, Any]:
    """ties/s into a fresh embedded store per batch size; into Neo4j too when a URI is given."""
    batches = [truth_batch(doc) for doc in CorpusGenerator(seed + 1).documents(docs)]
    embedded = []
    for size in sizes:
        directory = work / f"sweep-{size}"
        try:
            with open_store(str(directory)) as store:
                embedded.append(_sweep_point(store, batches, size, budget_s, engine_pid_of(directory)))
        finally:
            stop_embedded(directory)
    result: dict[str, Any] = {"embedded": embedded}
    if neo4j_uri:
        result["neo4j"] = _neo4j_sweep(neo4j_uri, batches, sizes, budget_s)
    return result


def _neo4j_sweep(uri: str, batches: list[Batch], sizes: list[int], budget_s: float) -> list[dict[str, Any]]:
    """The same sweep into a Neo4j server; what was written is forgotten again, leaving the data as found."""
    points = []
    with open_store(uri) as store:
        for size in sizes:
            try:
                points.append(_sweep_point(store, batches, size, budget_s))
            finally:
                for batch in batches:
                    store.forget(batch.documents[0].doc_id)
    return points


def bench_end_to_end(work: Path, docs_dir: Path, workers: int) -> dict[str, Any]:
    """Files to a queryable graph as ``innograph load`` does it, with the peak memory of loader and store."""
    from innograph.loading import load_paths

    directory = work / "e2e-store"
    try:
        with PeakRss(engine_pid_of(directory)) as rss, Clock() as clock, open_store(str(directory)) as store:
            report = load_paths(store, [docs_dir], workers=workers)
            counts = graph_counts(store)
        seconds = clock.seconds
    finally:
        stop_embedded(directory)
    documents = len(report.outcomes)
    return {
        "documents": documents,
        "loaded": report.count("loaded"),
        "failed": report.count("failed"),
        "failure_examples": [outcome.reason for outcome in report.failed[:5]],
        "seconds": round(seconds, 2),
        "docs_per_s": round(documents / seconds, 1) if seconds else 0.0,
        "ties_per_s": round(counts["ties"] / seconds, 1) if seconds else 0.0,
        "graph": counts,
        **rss.figures(),
    }

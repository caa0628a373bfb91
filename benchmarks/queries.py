"""Latency (p50/p95) of every canned query on graphs of a given number of actors.

Parameters are drawn from the graph itself (real actor names, ties and documents),
so each run asks something that has an answer, as an analyst would; a query's
optional parameters keep their defaults. Path queries (variable-length patterns or
shortest paths) are flagged, since their target is ten times looser.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import CorpusGenerator, truth_batch
from benchmarks.loading import graph_counts, merged, stop_embedded
from benchmarks.measure import Clock, PeakRss, engine_pid_of, percentile
from innograph.errors import InnographError
from innograph.graph.store import Store, open_store

_PATHLIKE = re.compile(r"SPpaths|shortestPath|allShortestPaths|\*\s*\d*\s*\.\.|\*\s*\$", re.IGNORECASE)
_STEPWISE = re.compile(r"breadth.first", re.IGNORECASE)  # a search written out step by step, said in its comments


def is_path_query(text: str, path: str) -> bool:
    """Variable-length patterns and shortest paths, or a breadth-first search written out step by step."""
    return bool(_PATHLIKE.search(text)) or bool(_STEPWISE.search(Path(path).read_text(encoding="utf-8")))


def build_graph(directory: Path, actors: int, seed: int, docs_per_write: int | None = None) -> dict[str, Any]:
    """Load generated ground truth until the graph holds at least ``actors`` actors."""
    docs_per_write = docs_per_write or max(50, min(1000, actors // 10))
    seen: set[str] = set()
    generator = CorpusGenerator(seed)
    index = 0
    with PeakRss(engine_pid_of(directory)) as rss, Clock() as clock, open_store(str(directory)) as store:
        while len(seen) < actors:
            group = []
            for doc in generator.documents(docs_per_write, start=index):
                batch = truth_batch(doc)
                group.append(batch)
                seen.update(batch.actors)
            index += docs_per_write
            store.write(merged(group))
        counts = graph_counts(store)
    return {"documents": index, "seconds": round(clock.seconds, 2), **counts, **rss.figures()}


class _Sampler:
    """Real values from the graph for each kind of parameter a canned query takes."""

    def __init__(self, store: Store, rng: random.Random) -> None:
        self.rng = rng
        self.ties = store.run(
            "MATCH (s:Actor)-[r]->(o:Actor) RETURN s.name AS s, s.type AS st, type(r) AS t, o.name AS o, "
            "o.type AS ot LIMIT 5000",
            read_only=True,
        )
        self.documents = [row["path"] for row in store.run(
            "MATCH (d:Document) RETURN d.path AS path LIMIT 2000", read_only=True)]
        self.by_type: dict[str, list[str]] = {}
        for row in self.ties:
            self.by_type.setdefault(row["st"], []).append(row["s"])
            self.by_type.setdefault(row["ot"], []).append(row["o"])

    def tie(self, predicate: str | None = None) -> dict[str, Any]:
        rows = [row for row in self.ties if predicate is None or row["t"] == predicate] or self.ties
        return self.rng.choice(rows)

    def actor(self, *types: str) -> str:
        names = [name for t in types for name in self.by_type.get(t, [])] if types else []
        if not names:
            names = [name for values in self.by_type.values() for name in values]
        return self.rng.choice(names)

    def params(self, name: str, required: list[str], example: dict[str, Any]) -> dict[str, Any]:
        """Values for a query's required parameters, chosen by what the parameter names."""
        values: dict[str, Any] = {}
        tie = self.tie("FUNDS" if name in ("who_funds", "fund_portfolio") else None)
        for param in required:
            if param in ("subject", "funder"):
                values[param] = tie["s"]
            elif param == "object":
                values[param] = tie["o"]
            elif param == "tie":
                values[param] = tie["t"]
            elif param in ("place", "first", "second"):
                values[param] = self.actor("Park", "Region")
            elif param == "document":
                values[param] = self.rng.choice(self.documents) if self.documents else example[param]
            elif param == "actor":
                values[param] = tie["o"] if name == "who_funds" else tie["s"]
            elif param in ("source", "target"):
                values[param] = self.actor()
            else:
                values[param] = example[param]
        return values


def bench_queries(store: Store, runs: int, seed: int = 11, timeout_ms: int = 10_000,
                  budget_s: float = 20.0, results: dict[str, Any] | None = None,
                  progress: Callable[[], None] = lambda: None) -> dict[str, Any]:
    """p50/p95 of each canned query over up to ``runs`` runs with parameters drawn from the graph.

    A run that passes ``timeout_ms`` is recorded as a timeout and ends that query's
    runs; a query stops early once it has spent ``budget_s``, so one slow query cannot
    hold the whole benchmark up.
    """
    try:
        from innograph.queries import load_queries
    except ImportError as exc:
        return {"skipped": f"innograph.queries is not available: {exc}"}
    sampler = _Sampler(store, random.Random(seed))
    if not sampler.ties:
        return {"skipped": "the graph has no ties"}
    results = {} if results is None else results
    for name, query in sorted(load_queries().items()):
        text = query.text_for(store.dialect)
        required = [param.name for param in query.params if param.required]
        example = {param.name: param.example for param in query.params}
        timings: list[float] = []
        rows = 0
        error = ""
        spent = 0.0
        for _ in range(runs):
            values = query.coerce(sampler.params(name, required, example))
            try:
                with Clock() as clock:
                    rows += len(store.run(text, values, read_only=True, timeout_ms=timeout_ms))
            except InnographError as exc:
                timed_out = clock.seconds * 1000 >= timeout_ms * 0.95
                error = f"timed out after {timeout_ms} ms" if timed_out else str(exc)[:300]
                break
            timings.append(clock.seconds * 1000)
            spent += clock.seconds
            if spent > budget_s:
                break
        results[name] = {
            "path_query": is_path_query(text, query.path),
            "runs": len(timings),
            "p50_ms": round(percentile(timings, 0.5), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "mean_rows": round(rows / len(timings), 1) if timings else 0.0,
            **({"error": error} if error else {}),
        }
        progress()  # an engine that ignores a timeout must not cost the figures already taken
    return results


def bench_query_graphs(work: Path, sizes: list[int], runs: int, seed: int, timeout_ms: int = 10_000,
                       budget_s: float = 20.0, out: list[dict[str, Any]] | None = None,
                       progress: Callable[[], None] = lambda: None) -> list[dict[str, Any]]:
    """Build one graph per size (actors) and time every canned query on it.

    Figures are added to ``out`` as they are taken and ``progress`` is called after
    each query, so a caller can save them before a later query hangs.
    """
    out = [] if out is None else out
    for actors in sizes:
        directory = work / f"query-graph-{actors}"
        try:
            built = build_graph(directory, actors, seed + actors)
            entry: dict[str, Any] = {"target_actors": actors, "graph": built, "queries": {}}
            out.append(entry)
            with open_store(str(directory)) as store:
                entry["queries"] = bench_queries(store, runs, timeout_ms=timeout_ms, budget_s=budget_s,
                                                 results=entry["queries"], progress=progress)
        finally:
            stop_embedded(directory)
        progress()
    return out

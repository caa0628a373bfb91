"""Run every benchmark at one size: ``python -m benchmarks.run --size 1k|10k|100k|N [--json OUT]``.

Generates the corpus into a temporary folder (never into the repository), then
measures extraction, store writes, files-to-graph loading and canned-query latency,
prints a markdown table of the figures against their targets, and writes every
figure as JSON for machines. Progress goes to stderr; the table to stdout.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from benchmarks.measure import Clock, load_average, machine
from benchmarks.report import TARGETS, markdown

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


def parse_size(text: str) -> int:
    value = SIZES.get(text.lower())
    if value is None:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"size {text!r}: use 1k, 10k, 100k or a number of documents") from None
    if value < 1:
        raise argparse.ArgumentTypeError("size must be at least 1 document")
    return value


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _pipeline_missing() -> str:
    try:
        import innograph.loaders.pipeline  # noqa: F401
    except ImportError as exc:
        return f"the extraction pipeline cannot be imported ({exc})"
    return ""


def run(size: int, *, label: str, work: Path, workers: int, seed: int, query_actors: list[int], query_runs: int,
        sweep: list[int], sweep_docs: int, sweep_seconds: float, single_sample: int, neo4j_uri: str | None,
        skip: set[str], query_timeout_ms: int = 10_000, query_budget_s: float = 20.0,
        parallel_sample: int | None = None, save: Callable[[dict[str, Any]], None] = lambda results: None,
        ) -> dict[str, Any]:
    """Every benchmark in order; a part that cannot run says why instead of stopping the others.

    ``save`` is called after each part with the figures so far, so a run stopped half
    way still leaves what it measured. Each part records the load average it started
    under: wall-clock figures from a busy machine are pessimistic, CPU-second ones are not.
    """
    from benchmarks.extraction import bench_extraction
    from benchmarks.loading import bench_end_to_end, bench_write_sweep
    from benchmarks.queries import bench_query_graphs

    results: dict[str, Any] = {"size": label, "documents": size, "machine": machine(), "targets": TARGETS,
                               "seed": seed, "load_average": {}}
    _log(f"generating {size:,} documents into {work}")
    with Clock() as clock:
        corpus = write_corpus(work / "corpus", size, seed)
    results["corpus_mb"] = round(corpus.bytes / 1e6, 3)
    results["corpus"] = {"seconds": round(clock.seconds, 2), "actors": corpus.actors, "ties": corpus.ties,
                         "mb": results["corpus_mb"]}
    missing = _pipeline_missing()

    def extraction() -> Any:
        if missing:
            return {"skipped": missing}
        count = min(parallel_sample or size, size)
        _log(f"extraction: {min(single_sample, size)} docs in 1 process, {count:,} docs in {workers}")
        return bench_extraction(corpus.docs_dir, corpus.gold_dir, workers, single_sample, parallel_sample)

    def loading() -> Any:
        _log(f"store writes: batch sizes {sweep} over up to {sweep_docs} documents")
        return bench_write_sweep(work, sweep, sweep_docs, sweep_seconds, seed, neo4j_uri)

    def end_to_end() -> Any:
        if missing:
            return {"skipped": missing}
        _log(f"files to graph: {size:,} documents with {workers} extraction processes")
        return bench_end_to_end(work, corpus.docs_dir, workers)

    def queries() -> Any:
        _log(f"canned queries on graphs of {query_actors} actors, up to {query_runs} runs each")
        results["queries"] = []
        return bench_query_graphs(work, query_actors, query_runs, seed, query_timeout_ms, query_budget_s,
                                  out=results["queries"], progress=lambda: save(results))

    parts = (("loading", "loading", loading), ("queries", "queries", queries),
             ("extraction", "extraction", extraction), ("e2e", "end_to_end", end_to_end))
    for flag, key, part in parts:
        if flag in skip:
            results[key] = [] if key == "queries" else {"skipped": f"--skip {flag}"}
            continue
        results["load_average"][key] = load_average()
        results[key] = part()
        save(results)
    return results


def _save(results: dict[str, Any], json_path: Path | None, markdown_path: Path | None) -> str:
    table = markdown(results)
    results["markdown"] = table
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if markdown_path:
        markdown_path.parent.mkdir(parents=True, exist_ok=True)
        markdown_path.write_text(table, encoding="utf-8")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1k", help="1k, 10k, 100k, or a number of documents (default 1k)")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--markdown", type=Path, help="also write the markdown table to this file")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--query-actors", type=_ints, help="actor counts of the query graphs (default 10000 for "
                        "sizes below 10k, else 10000,100000)")
    parser.add_argument("--query-runs", type=int, default=20, help="runs per canned query (default 20)")
    parser.add_argument("--query-timeout-ms", type=int, default=10_000, help="a run slower than this is a timeout")
    parser.add_argument("--query-budget", type=float, default=20.0, help="seconds one query may spend in all runs")
    parser.add_argument("--sweep", type=_ints, default=[1, 10, 100, 1000], help="documents per write to try")
    parser.add_argument("--sweep-docs", type=int, help="documents the sweep may write (default min(size, 2000))")
    parser.add_argument("--sweep-seconds", type=float, default=10.0, help="time budget per sweep point")
    parser.add_argument("--extract-sample", type=int, help="documents extracted in parallel (default: all)")
    parser.add_argument("--single-sample", type=int, default=200, help="documents timed in one process")
    parser.add_argument("--neo4j", default=None, help="also sweep writes into this bolt:// URI (default $NEO4J_URI)")
    parser.add_argument("--no-neo4j", action="store_true", help="ignore $NEO4J_URI")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: extraction,loading,e2e,queries")
    parser.add_argument("--work", type=Path, help="folder for the corpus and stores (default: a new temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)

    try:
        size = parse_size(args.size)
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    import os

    neo4j_uri = None if args.no_neo4j else (args.neo4j or os.environ.get("NEO4J_URI") or None)
    query_actors = args.query_actors or ([10_000] if size < 10_000 else [10_000, 100_000])
    sweep_docs = args.sweep_docs or min(size, 2_000)
    sweep = sorted({n for n in args.sweep if n <= sweep_docs}) or [sweep_docs]
    work = args.work or Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = run(size, label=args.size, work=work, workers=args.workers, seed=args.seed,
                      query_actors=query_actors, query_runs=args.query_runs, sweep=sweep, sweep_docs=sweep_docs,
                      sweep_seconds=args.sweep_seconds, single_sample=args.single_sample, neo4j_uri=neo4j_uri,
                      skip={part.strip() for part in args.skip.split(",") if part.strip()},
                      query_timeout_ms=args.query_timeout_ms, query_budget_s=args.query_budget,
                      parallel_sample=args.extract_sample,
                      save=lambda partial: _save(partial, args.json, args.markdown))
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(_save(results, args.json, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())

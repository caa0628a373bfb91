"""Extraction speed (MB/s, documents/s; one process and one per core) and quality against the truth."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.measure import Clock, PeakRss
from innograph.loaders.evaluation import Score, score_document, symmetric_ties
from innograph.loaders.goldfile import GoldDict, extract_gold


def _extract(path: Path) -> tuple[str, GoldDict | None, str]:
    try:
        return path.name, extract_gold(path), ""
    except Exception as exc:  # a benchmark counts failures instead of stopping on the first
        return path.name, None, f"{type(exc).__name__}: {exc}"


def _run(files: list[Path], workers: int) -> tuple[float, list[tuple[str, GoldDict | None, str]], dict[str, float]]:
    with PeakRss() as rss, Clock() as clock:
        if workers <= 1:
            results = [_extract(path) for path in files]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(1, min(64, len(files) // (workers * 8)))
                results = list(pool.map(_extract, files, chunksize=chunk))
    return clock.seconds, results, rss.figures()


def _rates(files: list[Path], seconds: float, cpu_s: float) -> dict[str, float]:
    size = sum(path.stat().st_size for path in files)
    return {
        "documents": len(files),
        "mb": round(size / 1e6, 3),
        "seconds": round(seconds, 3),
        "mb_per_s": round(size / 1e6 / seconds, 3) if seconds else 0.0,
        "docs_per_s": round(len(files) / seconds, 1) if seconds else 0.0,
        # per CPU second: what one uncontended core does, whatever else the machine was running
        "mb_per_cpu_s": round(size / 1e6 / cpu_s, 3) if cpu_s else 0.0,
        "docs_per_cpu_s": round(len(files) / cpu_s, 1) if cpu_s else 0.0,
    }


def bench_extraction(docs_dir: Path, gold_dir: Path, workers: int, single_sample: int,
                     parallel_sample: int | None = None) -> dict[str, Any]:
    """Extract a sample in one process, then every document (or ``parallel_sample`` of them) with
    ``workers`` processes, and score what the parallel run extracted against the gold."""
    files = sorted(path for path in docs_dir.iterdir() if path.is_file())
    sample = files[: max(1, min(single_sample, len(files)))]
    if parallel_sample:
        files = files[:parallel_sample]
    _extract(files[-1])  # load dictionaries and models first: the one-process figure is the steady rate
    single_s, _, single_rss = _run(sample, 1)
    parallel_s, results, parallel_rss = _run(files, workers)

    symmetric = symmetric_ties()
    total = Score()
    failures: list[str] = []
    for name, predicted, error in results:
        if predicted is None:
            failures.append(f"{name}: {error}")
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        total.add(score_document(gold, predicted, symmetric))
    return {
        "single": {**_rates(sample, single_s, single_rss["loader_cpu_s"]), **single_rss},
        "parallel": {**_rates(files, parallel_s, parallel_rss["loader_cpu_s"]), "workers": workers, **parallel_rss},
        "quality": {
            "actors": total.actors.to_json(),
            "ties": total.ties.to_json(),
            "ties_by_predicate": {k: v.to_json() for k, v in sorted(total.ties_by_predicate.items())},
        },
        "failures": len(failures),
        "failure_examples": failures[:5],
    }

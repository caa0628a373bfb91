"""The figures as a README-ready markdown table, each against its target."""

from __future__ import annotations

from typing import Any

TARGETS = {
    "extraction_mb_per_s": 1.0,  # using both cores
    "load_ties_per_s": 50_000.0,  # into the embedded store
    "query_p50_ms": 20.0,  # canned queries on a 100k-actor graph
    "path_query_p50_ms": 200.0,
    "e2e_100k_minutes": 10.0,  # 100,000 documents from files to a queryable graph
    "memory_mb": 2048.0,
}


def _mark(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def summary(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) rows; a figure that was not measured shows as 'not measured'."""
    rows: list[tuple[str, str, str, bool | None]] = []
    extraction = results.get("extraction") or {}
    if "parallel" in extraction:
        single, parallel = extraction["single"], extraction["parallel"]
        rows.append(("extraction, 1 process", f"{single['mb_per_s']:.2f} MB/s, {single['docs_per_s']:.1f} docs/s "
                     f"({single.get('mb_per_cpu_s', 0):.2f} MB per CPU-s)", "", None))
        rate = parallel["mb_per_s"]
        rows.append((f"extraction, {parallel['workers']} processes",
                     f"{rate:.2f} MB/s, {parallel['docs_per_s']:.1f} docs/s over {parallel['documents']:,} docs",
                     f"≥ {TARGETS['extraction_mb_per_s']:g} MB/s", rate >= TARGETS["extraction_mb_per_s"]))
        quality = extraction["quality"]
        rows.append(("extraction quality on the synthetic corpus (actors / ties F1)",
                     f"{quality['actors']['f1']:.3f} / {quality['ties']['f1']:.3f}", "", None))
    elif extraction.get("skipped"):
        rows.append(("extraction", f"not measured: {extraction['skipped']}", "", None))
    sweep = (results.get("loading") or {}).get("embedded") or []
    if sweep:
        best = max(sweep, key=lambda point: point["ties_per_s"])
        rows.append(("loading, embedded store (best batch size)",
                     f"{best['ties_per_s']:,.0f} ties/s at {best['batch_docs']} docs/write",
                     f"≥ {TARGETS['load_ties_per_s']:,.0f} ties/s", best["ties_per_s"] >= TARGETS["load_ties_per_s"]))
        for point in sweep:
            per_cpu = f", {point['ties_per_cpu_s']:,.0f} ties per CPU-s" if point.get("ties_per_cpu_s") else ""
            rows.append((f"  batch of {point['batch_docs']} docs", f"{point['ties_per_s']:,.0f} ties/s, "
                         f"{point['docs_per_s']:,.1f} docs/s{per_cpu}", "", None))
    for point in (results.get("loading") or {}).get("neo4j") or []:
        rows.append((f"loading, Neo4j, batch of {point['batch_docs']} docs", f"{point['ties_per_s']:,.0f} ties/s",
                     "", None))
    e2e = results.get("end_to_end") or {}
    if "seconds" in e2e and e2e["documents"]:
        per_100k = e2e["seconds"] * 100_000 / e2e["documents"] / 60
        rows.append((f"files to queryable graph, {e2e['documents']:,} docs",
                     f"{e2e['seconds']:.1f} s ({e2e['docs_per_s']:.1f} docs/s; 100k docs ≈ {per_100k:.1f} min)",
                     f"100k docs ≤ {TARGETS['e2e_100k_minutes']:g} min", per_100k <= TARGETS["e2e_100k_minutes"]))
        peak = max(e2e["loader_peak_rss_mb"], e2e["store_peak_rss_mb"])
        rows.append(("peak RSS while loading (loader incl. workers / store)",
                     f"{e2e['loader_peak_rss_mb']:.0f} MB / {e2e['store_peak_rss_mb']:.0f} MB",
                     f"≤ {TARGETS['memory_mb']:.0f} MB", peak <= TARGETS["memory_mb"]))
    for graph in results.get("queries") or []:
        queries = graph["queries"]
        if "skipped" in queries:
            rows.append((f"queries on {graph['target_actors']:,} actors", f"not measured: {queries['skipped']}",
                         "", None))
            continue
        actors = graph["graph"]["actors"]
        plain = [q for q in queries.values() if not q["path_query"] and q["runs"]]
        paths = [q for q in queries.values() if q["path_query"] and q["runs"]]
        broken = sorted(name for name, q in queries.items() if "error" in q)
        if plain:
            worst = max(q["p50_ms"] for q in plain)
            rows.append((f"canned queries, {actors:,} actors: worst p50", f"{worst:.1f} ms",
                         f"≤ {TARGETS['query_p50_ms']:g} ms", worst <= TARGETS["query_p50_ms"]))
        if paths:
            worst = max(q["p50_ms"] for q in paths)
            rows.append((f"path queries, {actors:,} actors: worst p50", f"{worst:.1f} ms",
                         f"≤ {TARGETS['path_query_p50_ms']:g} ms", worst <= TARGETS["path_query_p50_ms"]))
        rows.append((f"graph of {actors:,} actors: store peak RSS", f"{graph['graph']['store_peak_rss_mb']:.0f} MB",
                     "", None))
        if broken:
            rows.append((f"queries that failed on {actors:,} actors", ", ".join(broken), "", False))
    return rows


def markdown(results: dict[str, Any]) -> str:
    """The whole report: machine, summary table, then per-query latencies."""
    info = results["machine"]
    loads = ", ".join(f"{part} {value:g}" for part, value in (results.get("load_average") or {}).items())
    lines = [
        f"Benchmark `{results['size']}` ({results['documents']:,} documents, {results['corpus_mb']:.1f} MB) on "
        f"{info['nproc']} cores, {info['memory_gib']} GiB, {info['cpu']}, Python {info['python']}."
        + (f" Load average when each part started: {loads}." if loads else ""),
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
    ]
    for figure, value, target, met in summary(results):
        lines.append(f"| {figure} | {value} | {target} | {_mark(met) if target else ''} |")
    for graph in results.get("queries") or []:
        queries = graph["queries"]
        if "skipped" in queries:
            continue
        lines += [
            "",
            f"Canned queries on {graph['graph']['actors']:,} actors / {graph['graph']['ties']:,} ties "
            f"({graph['graph']['documents']:,} documents):",
            "",
            "| query | p50 ms | p95 ms | rows | path |",
            "|---|---|---|---|---|",
        ]
        for name, q in sorted(queries.items()):
            if "error" in q:
                lines.append(f"| {name} | error | | | {'yes' if q['path_query'] else ''} |")
            else:
                lines.append(f"| {name} | {q['p50_ms']:.1f} | {q['p95_ms']:.1f} | {q['mean_rows']:.0f} | "
                             f"{'yes' if q['path_query'] else ''} |")
    return "\n".join(lines) + "\n"

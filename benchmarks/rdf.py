"""RDF export, import and validation figures: ``python -m benchmarks.rdf [--docs 2000] [--formats nt,ttl]``.

Builds a synthetic graph (actors of every type, ties of every allowed type, one piece
of evidence per tie and per mention, a quantity per document), writes it to a fresh
embedded store in a temporary folder, then for each format prints the export's time,
statements per second and, with ``--memory``, the peak of Python allocations during
the export (it streams page by page, so the peak should stay far below the size of the
output), the
import into an empty store, and SHACL validation time on the first export.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from innograph.graph.falkordb_engine import stop_engine
from innograph.graph.falkordb_store import FalkorDBStore
from innograph.graph.rdf_export import FORMATS, export_store
from innograph.graph.rdf_import import import_rdf
from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie
from innograph.ontology import load_ontology


def synthetic_batch(docs: int, actors_per_doc: int = 12, ties_per_doc: int = 10, seed: int = 7) -> Batch:
    """A graph shaped like a load: actors shared between documents, ties only where the ontology allows."""
    rng = random.Random(seed)
    onto = load_ontology()
    types = sorted(onto.actor_types)
    pool = [(t, f"{t}样本{i}") for i in range(max(docs * actors_per_doc // 3, 50)) for t in [types[i % len(types)]]]
    batch = Batch()
    for d in range(docs):
        text = f"第{d}号文档。" + "某园区与某实验室合作共建创新中心，总投资约12亿元。" * 4
        doc = hashlib.sha256(text.encode()).hexdigest()
        batch.documents.append(Document(doc, f"synthetic/{d}.txt", title=f"文档{d}", encoding="utf-8", chars=len(text)))
        chosen = rng.sample(pool, actors_per_doc)
        ids = []
        for k, (type_name, name) in enumerate(chosen):
            actor = Actor(type_name, name, {f"{name}简称", "園區" if k == 0 else f"{name}别名"})
            actor.mentions.append(Mention(actor.id, name, Evidence(doc, text[:20], k, k + 4, "bench.mention", 0.9)))
            ids.append(batch.add_actor(actor))
        made = 0
        for attempt in range(ties_per_doc * 20):
            if made == ties_per_doc:
                break
            s, o = rng.sample(ids, 2)
            tie_type = onto.tie_types[sorted(onto.tie_types)[attempt % len(onto.tie_types)]]
            if not tie_type.allows(s.type, o.type):
                continue
            ev = Evidence(doc, text[:40], 10 + made, 20 + made, f"bench.{tie_type.name.lower()}", 0.8)
            batch.add_tie(Tie(s.id, tie_type.name, o.id, [ev]))
            made += 1
        batch.quantities.append(Quantity(ids[0].id, 1.2e9, "元", "约", "约12亿元",
                                         Evidence(doc, text[:40], 30, 35, "bench.amount", 0.7)))
    return batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--page-size", type=int, default=2000)
    parser.add_argument("--validate", action="store_true", help="also time SHACL validation of the first export")
    parser.add_argument("--memory", action="store_true",
                        help="trace Python allocations during exports (peak column; exports run several times slower)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a killed run still stops its engines (finally)

    batch = synthetic_batch(args.docs)
    print(f"synthetic graph: {len(batch.documents)} documents, {len(batch.actors)} actors, {len(batch.ties)} ties")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "source"
        engines = [source]
        try:
            with FalkorDBStore(source) as store:
                started = time.perf_counter()
                store.write(batch)
                print(f"store write: {time.perf_counter() - started:.1f} s")
                print("| format | export s | statements/s | file MiB | peak Python MiB | import s |")
                print("|---|---:|---:|---:|---:|---:|")
                first = None
                for fmt in args.formats.split(","):
                    path = work / f"graph.{fmt}"
                    if args.memory:
                        tracemalloc.start()
                    started = time.perf_counter()
                    with path.open("w", encoding="utf-8") as out:
                        stats = export_store(store, out, fmt, page_size=args.page_size)
                    elapsed = time.perf_counter() - started
                    peak = tracemalloc.get_traced_memory()[1] if args.memory else 0
                    tracemalloc.stop()
                    first = first or path
                    target = work / f"target-{fmt}"
                    engines.append(target)
                    with FalkorDBStore(target) as empty:
                        started = time.perf_counter()
                        import_rdf(empty, path)
                        imported = time.perf_counter() - started
                    peak_text = f"{peak / 2**20:.1f}" if args.memory else "-"
                    print(f"| {fmt} | {elapsed:.1f} | {stats.triples / elapsed:,.0f} | "
                          f"{path.stat().st_size / 2**20:.1f} | {peak_text} | {imported:.1f} |")
            if args.validate and first is not None:
                from innograph.graph.rdf_validate import validate_file

                started = time.perf_counter()
                report = validate_file(first)
                print(f"SHACL validation of {first.name}: {time.perf_counter() - started:.1f} s, "
                      f"conforms={report.conforms}, {len(report.violations)} violations")
        finally:
            for directory in engines:
                stop_engine(directory)


if __name__ == "__main__":
    main()

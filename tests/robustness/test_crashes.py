"""Crashes: a loader SIGKILLed mid-load, and the embedded engine SIGKILLed under a running process.

After each kill every document in the store is whole: the same evidence and quantities
as a clean load of the same file; a rerun completes the load. The kill points are random
(the seed is in every failure message) but always land while documents are being written.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from robustness_support import cli_stats, innograph, innograph_command, location_snapshot, seed_paths, snapshot

from innograph.graph.falkordb_engine import PID_NAME
from innograph.graph.falkordb_store import FalkorDBStore
from innograph.loading import load_paths

COPIES = 14
KILLS = 3


def _variants(folder: Path) -> list[Path]:
    """Copies of the seeds, each a little different, so each is its own document."""
    folder.mkdir()
    seeds = seed_paths()[1:3] + seed_paths()[4:]  # the shorter seeds
    paths = []
    for index in range(COPIES):
        seed = seeds[index % len(seeds)]
        target = folder / f"{index:02d}_{seed.name}"
        text = seed.read_text(encoding="utf-8")
        target.write_text(f"第{index + 1}稿\n\n{text}", encoding="utf-8")
        paths.append(target)
    return paths


def _documents(store: FalkorDBStore) -> int:
    return int(store.run("MATCH (d:Document) RETURN count(d) AS n", read_only=True)[0]["n"])


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return ") Z " not in stat


def _assert_whole(store: FalkorDBStore, reference, note: str) -> int:
    """Every stored document holds exactly its clean-load evidence; returns how many are stored."""
    seen = snapshot(store)
    assert seen.orphans == 0, note
    for doc_id in seen.documents:
        assert doc_id in reference.documents, note
        assert seen.evidence.get(doc_id) == reference.evidence.get(doc_id), f"{note}: {doc_id} is half written"
        assert seen.quantities.get(doc_id) == reference.quantities.get(doc_id), f"{note}: {doc_id} quantities"
    assert set(seen.evidence) <= set(seen.documents), note
    assert seen.ties <= reference.ties and seen.actors <= reference.actors, note
    return len(seen.documents)


def test_crashes_loader_killed_mid_load_leaves_whole_documents_and_resumes(
    store_dir: Path, embedded_store, tmp_path: Path
) -> None:
    paths = _variants(tmp_path / "docs")
    clean = load_paths(embedded_store, paths, workers=2)
    assert clean.ok, [outcome.reason for outcome in clean.failed]
    reference = snapshot(embedded_store)
    assert len(reference.documents) == COPIES

    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    environment = {**os.environ, "INNOGRAPH_STORE": str(store_dir)}
    stored = 0
    with FalkorDBStore(store_dir) as watcher:  # starts the engine, so the loaders find it up
        for kill in range(KILLS):
            if stored >= COPIES - 2:
                break  # a rerun skips what is stored, so too little is left for a kill to land mid-load
            target = max(stored + 1, min(COPIES - 4, stored + rng.randint(1, 3)))
            note = f"kill {kill + 1} after {target} documents (random seed {seed})"
            loader = subprocess.Popen(
                # One document per write, so a kill can land between any two documents; groups
                # of documents are written just as atomically (one MULTI/EXEC), but they land so
                # fast that the rest of this small corpus would be stored before the kill.
                [*innograph_command(), "load", "--quiet", "--workers", "2", "--per-write", "1",
                 str(tmp_path / "docs")],
                env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                start_new_session=True,
            )
            try:
                deadline = time.monotonic() + 300
                while loader.poll() is None and _documents(watcher) < target and time.monotonic() < deadline:
                    time.sleep(0.01)
                time.sleep(rng.uniform(0, 0.05))
                finished_first = loader.poll() is not None
                os.killpg(loader.pid, signal.SIGKILL)  # the loader and its extraction workers
            finally:
                loader.wait(timeout=60)
            assert not finished_first, f"{note}: the load finished before the kill"
            stored = _assert_whole(watcher, reference, note)
            assert stored < COPIES, note

        rerun = innograph("load", "--quiet", tmp_path / "docs", store=store_dir)
        assert rerun.code == 0, rerun.output
        assert f"{COPIES - stored} loaded, {stored} skipped" in rerun.stdout, rerun.stdout
        assert snapshot(watcher) == reference


EXPLORER = """
import json, sys
from innograph.cli.store_cmds import store_stats
from innograph.graph.store import open_store
store = open_store(sys.argv[1])
for line in sys.stdin:
    print(json.dumps(store_stats(store)), flush=True)
"""


def _engine_pid(store_dir: Path) -> int:
    return int((store_dir / PID_NAME).read_text().strip())


def _sigkill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(pid)


def test_crashes_engine_killed_under_a_running_process_is_restarted_with_data_intact(
    store_dir: Path, tmp_path: Path
) -> None:
    with FalkorDBStore(store_dir) as store:
        report = load_paths(store, seed_paths()[1:3], workers=1)
        assert report.ok
    before = location_snapshot(store_dir)
    explorer = subprocess.Popen(
        [sys.executable, "-c", EXPLORER, str(store_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        def ask() -> dict:
            explorer.stdin.write("stats\n")
            explorer.stdin.flush()
            line = explorer.stdout.readline()
            assert line, explorer.stderr.read()
            return json.loads(line)

        first = ask()
        assert first["documents"] == 2
        killed = _engine_pid(store_dir)
        _sigkill(killed)

        assert ask() == first, "the running process reconnects to a restarted engine"
        restarted = _engine_pid(store_dir)
        assert restarted != killed and _alive(restarted)
        assert location_snapshot(store_dir) == before

        _sigkill(restarted)  # and a new process finds the stale pid file and socket
        assert cli_stats(store_dir) == first
        assert _alive(_engine_pid(store_dir))
        assert location_snapshot(store_dir) == before
    finally:
        explorer.stdin.close()
        explorer.wait(timeout=60)

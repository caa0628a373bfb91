"""The embedded engine's lifecycle, on engines of their own: restart, crash, sharing, stale files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from graph_batches import document_batch, park_batch

from innograph.graph.falkordb_engine import (
    PID_NAME,
    answers,
    kill_engine,
    running_engine,
    socket_path,
    stop_engine,
)
from innograph.graph.falkordb_store import FalkorDBStore

GRAPH_COUNTS = "MATCH (n) RETURN count(n) AS nodes"
TIE_COUNT = "MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS ties"


@pytest.fixture
def store_dir(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "store"
    yield directory
    stop_engine(directory)


def snapshot(store: FalkorDBStore) -> tuple[int, int]:
    return store.run(GRAPH_COUNTS)[0]["nodes"], store.run(TIE_COUNT)[0]["ties"]


def test_falkordb_engine_restart_finds_the_data(store_dir):
    with FalkorDBStore(store_dir) as store:
        store.write(park_batch())
        before = snapshot(store)
    assert stop_engine(store_dir) is True
    assert running_engine(store_dir) is None
    with FalkorDBStore(store_dir) as store:
        assert snapshot(store) == before
        assert before[0] > 0


def test_falkordb_engine_sigkill_loses_no_acknowledged_write(store_dir):
    with FalkorDBStore(store_dir) as store:
        store.write(park_batch())
        last = document_batch("last.txt", "华为落户深圳湾科技园。", [("Park:深圳湾科技园", "HOSTS", "Enterprise:华为")])
        store.write(last)
        before = snapshot(store)
    killed = kill_engine(store_dir)
    assert killed is not None
    assert not answers(socket_path(store_dir))
    assert (store_dir / PID_NAME).exists()  # the crash left its pid file (and socket) behind
    with FalkorDBStore(store_dir) as store:
        assert snapshot(store) == before
        assert store.run("MATCH (d:Document {path: $p}) RETURN count(d) AS n", {"p": "last.txt"}) == [{"n": 1}]
    assert running_engine(store_dir).pid != killed


def test_falkordb_store_reconnects_after_engine_crash(store_dir):
    store = FalkorDBStore(store_dir)
    store.write(park_batch())
    before = snapshot(store)
    kill_engine(store_dir)
    assert snapshot(store) == before  # the same store object restarts the engine and carries on
    store.close()


def test_falkordb_engine_stale_pid_file_does_not_block_start(store_dir):
    store_dir.mkdir(parents=True)
    (store_dir / PID_NAME).write_text(f"{os.getpid()}\n")  # a live pid, but not an engine
    Path(socket_path(store_dir)).write_text("")  # a socket path nothing listens on
    with FalkorDBStore(store_dir) as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
    assert int((store_dir / PID_NAME).read_text()) != os.getpid()


def test_falkordb_engine_outlives_the_process_that_started_it(store_dir):
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from graph_batches import park_batch
        from innograph.graph.falkordb_store import FalkorDBStore
        FalkorDBStore({str(store_dir)!r}).write(park_batch())
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert running_engine(store_dir) is not None
    with FalkorDBStore(store_dir) as store:
        assert store.run("MATCH (d:Document) RETURN d.path AS p") == [{"p": "docs/park.txt"}]


def test_falkordb_engine_two_processes_share_one_engine(store_dir):
    """Processes that open the same directory at the same moment get one engine and see each other's writes."""
    code = textwrap.dedent("""
        import json, sys
        sys.path.insert(0, sys.argv[3])
        from graph_batches import document_batch
        from innograph.graph.falkordb_store import FalkorDBStore
        from innograph.graph.falkordb_engine import running_engine
        store = FalkorDBStore(sys.argv[1])
        name = sys.argv[2]
        for i in range(5):
            text = f"{name}第{i}号文件：清华大学与{name}大学合作。"
            store.write(document_batch(f"{name}/{i}.txt", text,
                                       [("University:清华大学", "COLLABORATES_WITH", f"University:{name}大学")]))
        print(json.dumps({"pid": running_engine(sys.argv[1]).pid}))
    """)
    names = ["甲", "乙", "丙"]
    children = [
        subprocess.Popen([sys.executable, "-c", code, str(store_dir), name, str(Path(__file__).parent)],
                         stdout=subprocess.PIPE, text=True)
        for name in names
    ]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0]
    pids = {json.loads(out)["pid"] for out in outputs}
    assert len(pids) == 1
    with FalkorDBStore(store_dir) as store:
        assert store.run("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 15}]
        partners = store.run(
            "MATCH (:University {name: $n})-[:COLLABORATES_WITH]-(b) RETURN b.name AS b ORDER BY b", {"n": "清华大学"}
        )
        assert [row["b"] for row in partners] == sorted(f"{name}大学" for name in names)


def test_falkordb_engine_long_directory_uses_short_socket(tmp_path):
    deep = tmp_path.joinpath(*(["a-rather-long-directory-name"] * 5))
    socket = socket_path(deep)
    assert not socket.startswith(str(deep)) and len(socket.encode()) <= 100
    assert socket == socket_path(deep)  # stable: every process finds the same engine
    try:
        with FalkorDBStore(deep) as store:
            store.write(park_batch())
            assert store.run("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]
    finally:
        stop_engine(deep)
    assert not os.path.exists(socket)


def test_falkordb_engine_stop_without_engine_is_false(tmp_path):
    assert stop_engine(tmp_path / "nothing-here") is False


def test_falkordb_engine_socket_is_private(store_dir):
    FalkorDBStore(store_dir).close()
    mode = os.stat(socket_path(store_dir)).st_mode & 0o777
    assert mode & 0o077 == 0
    client = redis.Redis(unix_socket_path=socket_path(store_dir))
    assert client.ping()
    client.close()


def test_falkordb_engine_stop_compacts_the_log(store_dir, monkeypatch):
    """After a stop the next start loads a snapshot instead of replaying every write."""
    import innograph.graph.falkordb_engine as engine

    monkeypatch.setattr(engine, "COMPACT_ABOVE_BYTES", 0)
    with FalkorDBStore(store_dir) as store:
        store.write(park_batch())
        before = snapshot(store)
    stop_engine(store_dir)
    logs = store_dir / "appendonlydir"
    incr = sum(path.stat().st_size for path in logs.glob("*.incr.aof"))
    base = sum(path.stat().st_size for path in logs.glob("*.base.rdb"))
    assert incr == 0 and base > 0
    with FalkorDBStore(store_dir) as store:
        assert snapshot(store) == before


def test_falkordb_engine_stop_waits_for_a_rewrite_already_running(store_dir, monkeypatch):
    """A rewrite the engine started on its own must not make `innograph stop` fail."""
    import innograph.graph.falkordb_engine as engine

    monkeypatch.setattr(engine, "COMPACT_ABOVE_BYTES", 0)
    with FalkorDBStore(store_dir) as store:
        store.write(park_batch())
        before = snapshot(store)
    client = redis.Redis(unix_socket_path=str(socket_path(engine.data_directory(store_dir))))
    # hold the rewrite open: a rewrite asked for while one runs is what the engine refuses
    client.config_set("rdb-key-save-delay", 200000)
    client.bgrewriteaof()
    with pytest.raises(redis.ResponseError, match="already in progress"):
        client.bgrewriteaof()
    client.config_set("rdb-key-save-delay", 0)
    client.close()
    assert stop_engine(store_dir)
    with FalkorDBStore(store_dir) as store:
        assert snapshot(store) == before

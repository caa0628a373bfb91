"""A Bolt server stopped while ``innograph load`` writes to it, then restarted.

The server is stopped the way an operator restarts it (SIGTERM, a graceful shutdown) and,
in a second case, killed outright (SIGKILL, a crash: transactions cut off mid-flight, then
connections refused, which the driver retries boundedly). Either way the load must end on
its own (no hang) with exit code 1 and one ``failed:`` line per file it could not store,
blaming the server, with no traceback and no password; what it did store is whole (the
same evidence and quantities as a clean load of that file), nothing it reported loaded is
lost, and rerunning the same load against the restarted server completes it to exactly a
clean load. The server is ArcadeDB speaking Bolt, started by .ci/start_bolt_server.py in a
directory of this test's own (so it is independent of any NEO4J_URI the suite runs with);
its database persists across the restart, which may come up on a new port.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from robustness_support import Snapshot, innograph, innograph_command, seed_paths, snapshot

from innograph.graph.neo4j_store import MAX_RETRY_TIME_S, Neo4jStore
from innograph.loading import load_paths

START_SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "start_bolt_server.py"
COPIES = 4  # ArcadeDB takes seconds per document write, and every unstored file costs a full retry period
SERVER_START_TIMEOUT_S = 240
# Per unstored file: the driver's retry period plus one connection timeout; then room for the rest.
PER_FAILED_FILE_S = MAX_RETRY_TIME_S + 10
LOAD_SLACK_S = 60


class BoltServer:
    """The test's own Bolt server; ``start`` (re)reads the URI, as a restart may move the port."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env: dict[str, str] = {}

    @property
    def uri(self) -> str:
        return self.env["NEO4J_URI"]

    def start(self) -> None:
        done = subprocess.run(
            [sys.executable, str(START_SCRIPT), "--root", str(self.root)], capture_output=True, text=True,
            timeout=SERVER_START_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False,
        )
        assert done.returncode == 0, f"the Bolt server did not start:\n{done.stderr}\n{self._log_tail()}"
        self.env = {}
        for line in done.stdout.splitlines():
            name, _, value = line.removeprefix("export ").partition("=")
            self.env[name] = value
        assert self.uri.startswith("bolt://"), done.stdout

    def stop(self) -> None:
        subprocess.run([sys.executable, str(START_SCRIPT), "--stop", "--root", str(self.root)],
                       capture_output=True, timeout=60, stdin=subprocess.DEVNULL, check=False)

    def kill(self) -> None:
        """SIGKILL the server, as a crash or an OOM kill would: no shutdown, transactions cut off."""
        pid = int((self.root / "server.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(pid), f"the server (pid {pid}) survived SIGKILL"
        # As --stop does: else the start script first probes the dead port, which its driver retries for 30 s.
        (self.root / "server.pid").unlink()

    def store(self) -> Neo4jStore:
        return Neo4jStore(self.uri, user=self.env["NEO4J_USER"], password=self.env["NEO4J_PASSWORD"],
                          database=self.env.get("NEO4J_DATABASE"))

    def _log_tail(self) -> str:
        try:
            return "\n".join((self.root / "server.log").read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no server.log)"


@pytest.fixture
def bolt_server(tmp_path: Path) -> Iterator[BoltServer]:
    server = BoltServer(tmp_path / "bolt")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _variants(folder: Path) -> list[Path]:
    """Copies of the shorter seeds, a line changed in each, so each is a document of its own."""
    folder.mkdir()
    seeds = seed_paths()[1:3] + seed_paths()[4:]
    paths = []
    for index in range(COPIES):
        seed = seeds[index % len(seeds)]
        target = folder / f"{index:02d}_{seed.name}"
        target.write_text(f"第{index + 1}稿\n\n{seed.read_text(encoding='utf-8')}", encoding="utf-8")
        paths.append(target)
    return paths


def _alive(pid: int) -> bool:
    try:
        return ") Z " not in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False


def _documents(store: Neo4jStore) -> int:
    return int(store.run("MATCH (d:Document) RETURN count(d) AS n", read_only=True)[0]["n"])


def _assert_whole(seen: Snapshot, reference: Snapshot) -> None:
    """Every stored document holds exactly its clean-load evidence and quantities."""
    assert seen.orphans == 0
    for doc_id, path in seen.documents.items():
        assert reference.documents.get(doc_id) == path, f"{path}: not a document of the clean load"
        assert seen.evidence.get(doc_id) == reference.evidence.get(doc_id), f"{path} is half written (evidence)"
        assert seen.quantities.get(doc_id) == reference.quantities.get(doc_id), f"{path} is half written (quantities)"
    assert set(seen.evidence) <= set(seen.documents) and set(seen.quantities) <= set(seen.documents)
    assert seen.ties <= reference.ties and seen.actors <= reference.actors


# A killed server leaves connections refused, so each unstored file waits out the driver's whole
# retry period: that case lets more documents land first, to keep the run short.
@pytest.mark.parametrize(("how", "stored_first"), [("stop", 1), ("kill", 2)])
def test_bolt_restart_midload_fails_clearly_keeps_whole_documents_and_resumes(
    how: str, stored_first: int, bolt_server: BoltServer, embedded_store, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    paths = _variants(folder)
    clean = load_paths(embedded_store, paths, workers=1)
    assert clean.ok, [outcome.reason for outcome in clean.failed]
    reference = snapshot(embedded_store)
    assert len(reference.documents) == COPIES

    loader = subprocess.Popen(
        # One document per write, so the server can be stopped between two of them.
        [*innograph_command(), "load", "--quiet", "--workers", "1", "--per-write", "1", str(folder)],
        env={**os.environ, **bolt_server.env, "INNOGRAPH_STORE": bolt_server.uri},
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        with bolt_server.store() as watcher:
            deadline = time.monotonic() + 120
            while loader.poll() is None and _documents(watcher) < stored_first and time.monotonic() < deadline:
                time.sleep(0.05)
        assert loader.poll() is None, "the load finished before the server could be stopped"
        stopped = time.monotonic()
        bolt_server.stop() if how == "stop" else bolt_server.kill()
        stdout, stderr = loader.communicate(timeout=COPIES * PER_FAILED_FILE_S + LOAD_SLACK_S)
    except subprocess.TimeoutExpired:
        loader.kill()
        stdout, stderr = loader.communicate()
        pytest.fail(f"the load hung after the server stopped:\n{stdout}\n{stderr}")
    finally:
        if loader.poll() is None:
            loader.kill()
            loader.wait()
    took = time.monotonic() - stopped
    output = stdout + stderr

    assert loader.returncode == 1, output
    failed = _failed_files(stderr, paths)
    assert failed, f"no file failed although the server went away:\n{output}"
    assert f"{COPIES - len(failed)} loaded, 0 skipped (already stored), {len(failed)} failed" in stdout, stdout
    assert took < len(failed) * PER_FAILED_FILE_S + LOAD_SLACK_S, f"{len(failed)} failures took {took:.0f} s"

    bolt_server.start()  # the same database, maybe on another port
    with bolt_server.store() as store:
        seen = snapshot(store)
        _assert_whole(seen, reference)
        reported_loaded = {str(path) for path in paths} - failed
        assert reported_loaded <= set(seen.documents.values()), "a document reported loaded was lost"
        assert len(seen.documents) < COPIES, "every document was stored although the server stopped"

        rerun = innograph("load", "--quiet", folder, store=bolt_server.uri, env=bolt_server.env)
        assert rerun.code == 0, rerun.output
        stored = len(seen.documents)
        assert f"{COPIES - stored} loaded, {stored} skipped" in rerun.stdout, rerun.stdout
        assert snapshot(store) == reference

    # Checked last, so a failure here still says the store itself came through whole.
    problems = _unclear_output(stdout, stderr, paths, bolt_server)
    assert not problems, "\n".join(problems) + f"\n--- the load's stderr:\n{stderr}"


def _failed_files(stderr: str, paths: list[Path]) -> set[str]:
    """The files the ``failed:`` lines name (each line must name exactly one file of the load)."""
    failed: list[str] = []
    for line in stderr.splitlines():
        if line.startswith("failed: "):
            named = [str(path) for path in paths if f"{path}:" in line]
            assert len(named) == 1, f"the line names no file of the load (or several): {line}"
            failed.extend(named)
    assert len(failed) == len(set(failed)), f"a file is reported twice:\n{stderr}"
    return set(failed)


def _unclear_output(stdout: str, stderr: str, paths: list[Path], server: BoltServer) -> list[str]:
    """What is wrong with the failed load's output: stderr must be one line per unstored file,
    blaming the server it names (not the query or the credentials, which were fine), no traceback,
    no password."""
    problems = []
    output = stdout + stderr
    if "Traceback" in output:
        problems.append("a traceback")
    if server.env["NEO4J_PASSWORD"] in output:
        problems.append("the password is in the output")
    host = server.uri.removeprefix("bolt://").rsplit(":", 1)[0]
    for line in (line for line in stderr.splitlines() if line.strip()):
        if not line.startswith("failed: "):
            problems.append(f"not a per-file failure line: {line}")
        elif host not in line or "fix the query" in line or "refused the credentials" in line:
            problems.append(f"does not say the server was the problem: {line}")
    return problems

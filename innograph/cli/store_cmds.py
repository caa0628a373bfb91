"""Store commands: ``stats``, ``cypher``, ``stop``, ``forget``.

``cypher`` always runs read-only, enforced by the engine (FalkorDB GRAPH.RO_QUERY,
Neo4j READ access mode), with a time and a row limit, so an analyst's typo cannot
change or stall the shared store.
"""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from innograph.cli.app import StoreOption, app, console, console_err
from innograph.errors import QueryError, StoreError
from innograph.graph.store import Store, default_location, is_neo4j_uri, open_store
from innograph.ontology import load_ontology


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def store_stats(store: Store) -> dict[str, Any]:
    """Counts of documents, actors and ties, per actor type and per tie type (every ontology type listed)."""
    onto = load_ontology()

    def count(query: str) -> int:
        return int(store.run(query, read_only=True)[0]["n"])

    by_type = {name: 0 for name in sorted(onto.actor_types)}
    for row in store.run("MATCH (a:Actor) RETURN a.type AS t, count(a) AS n", read_only=True):
        by_type[str(row["t"])] = int(row["n"])
    by_tie = {name: 0 for name in sorted(onto.tie_types)}
    for row in store.run("MATCH (:Actor)-[r]->(:Actor) RETURN type(r) AS t, count(r) AS n", read_only=True):
        by_tie[str(row["t"])] = int(row["n"])
    return {
        "store": store.location,
        "documents": count("MATCH (d:Document) RETURN count(d) AS n"),
        "actors": sum(by_type.values()),
        "ties": sum(by_tie.values()),
        "evidence": count("MATCH (e:Evidence) RETURN count(e) AS n"),
        "quantities": count("MATCH (q:Quantity) RETURN count(q) AS n"),
        "actor_types": by_type,
        "tie_types": by_tie,
    }


@app.command()
def stats(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """How many documents, actors and ties the store holds, per actor type and tie type."""
    with open_store(store) as opened:
        figures = store_stats(opened)
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"innograph store {figures['store']}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("documents", "actors", "ties", "evidence", "quantities"):
        table.add_row(key, str(figures[key]))
    for name, n in figures["actor_types"].items():
        table.add_row(f"  actors: {name}", str(n))
    for name, n in figures["tie_types"].items():
        table.add_row(f"  ties: {name}", str(n))
    console.print(table)


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """k=v pairs; v is read as JSON when it parses (5, 1.5, true, [..], "quoted"), else as a string."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair!r} is not k=v; write e.g. --param name=深圳湾科技园")
        try:
            params[key] = json.loads(raw)
        except json.JSONDecodeError:
            params[key] = raw
    return params


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def format_rows(rows: list[dict[str, Any]], fmt: OutputFormat) -> str:
    if fmt is OutputFormat.json:
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str)
    columns = list(rows[0]) if rows else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="A read-only Cypher query; pass values with --param.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="k=v (v read as JSON if it parses).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    timeout_ms: Annotated[int, typer.Option("--timeout-ms", help="Give up after this long.")] = 30_000,
    limit: Annotated[int, typer.Option("--limit", help="Return at most this many rows.")] = 1000,
    store: StoreOption = None,
) -> None:
    """Run a read-only Cypher query and print its rows."""
    params = parse_params(param or [])
    with open_store(store) as opened:
        rows = opened.run(query, params, read_only=True, timeout_ms=timeout_ms, row_limit=limit)
    if fmt is not OutputFormat.table:
        typer.echo(format_rows(rows, fmt), nl=False)
    else:
        table = Table()
        columns = list(rows[0]) if rows else []
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        console.print(table)
    if len(rows) >= limit:
        console_err.print(f"(stopped at --limit {limit} rows)")


@app.command()
def stop(store: StoreOption = None) -> None:
    """Stop the embedded engine serving the store directory (it persists first)."""
    location = store or default_location()
    if is_neo4j_uri(location):
        raise StoreError(f"{location} is a Neo4j server: innograph does not stop servers it did not start")
    from innograph.graph.falkordb_engine import stop_engine

    if stop_engine(location):
        console.print(f"stopped the engine for {location}")
    else:
        console.print(f"no engine was running for {location}")


FIND_DOCUMENTS = """
MATCH (d:Document)
WHERE d.id = $doc OR d.path IN $paths
RETURN d.id AS id, d.path AS path
"""


@app.command()
def forget(
    doc: Annotated[str, typer.Argument(help="A document id (sha256) or the path it was loaded from.")],
    store: StoreOption = None,
) -> None:
    """Remove what one document stated; ties and actors no other document supports go too."""
    from pathlib import Path

    paths = sorted({doc, str(Path(doc).expanduser().resolve())})
    with open_store(store) as opened:
        found = opened.run(FIND_DOCUMENTS, {"doc": doc, "paths": paths}, read_only=True)
        if not found:
            raise StoreError(f"no document with id or path {doc!r} in the store; list them with "
                             "innograph cypher 'MATCH (d:Document) RETURN d.path, d.id'")
        for row in found:
            result = opened.forget(row["id"])
            removed = ", ".join(f"{k.removesuffix('_deleted')} {v}" for k, v in result.extra.items() if v)
            console.print(f"forgot {row['path']} ({row['id'][:12]}): {removed or 'nothing else'}")

"""``innograph query`` (canned queries) and ``innograph analyse`` (network analytics)."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Annotated, Any

import pandas as pd
import typer
from rich.table import Table

from innograph.cli.app import StoreOption, app, console
from innograph.errors import QueryError
from innograph.graph import analytics
from innograph.graph.store import Row, open_store
from innograph.queries import get_query, load_queries, run_query


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class RowFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class View(StrEnum):
    ties = "ties"
    collaboration = "collaboration"


@app.command("query")
def query_command(
    name: Annotated[str, typer.Argument(help="A canned query's name, or 'list' to list them.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value; repeat for each parameter.")]
    = None,
    output: Annotated[RowFormat, typer.Option("--format", "-f", help="table, csv or json.")] = RowFormat.table,
    store: StoreOption = None,
) -> None:
    """Run a canned query by name (`innograph query list` shows them and their parameters)."""
    if name == "list":
        _list_queries(ListFormat.json if output == RowFormat.json else ListFormat.table)
        return
    query = get_query(name)
    raw = _parse_params(name, param or [])
    values = query.coerce(raw)  # bad input fails here, before a store is opened
    with open_store(store) as target:
        rows = run_query(target, name, **values)
    _print_rows(rows, output, title=f"{query.title_en} / {query.title_zh}")


def _parse_params(name: str, items: list[str]) -> dict[str, str]:
    raw: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"query {name!r}: --param {item!r} is not key=value")
        raw[key.strip()] = value
    return raw


def _list_queries(output: ListFormat) -> None:
    queries = load_queries()
    if output == ListFormat.json:
        payload = [
            {"name": q.name, "title_en": q.title_en, "title_zh": q.title_zh, "description": q.description,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                         "example": p.example, "description": p.description,
                         "choices": p.choices(), "minimum": p.minimum, "maximum": p.maximum} for p in q.params]}
            for q in queries.values()
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    table = Table(title="canned queries", show_lines=False)
    for column in ("name", "title", "parameters"):
        table.add_column(column)
    for q in queries.values():
        params = ", ".join(f"{p.name}={_cell(p.example)}" + ("" if p.required else "?") for p in q.params)
        table.add_row(q.name, f"{q.title_en}\n{q.title_zh}", params)
    console.print(table)


def _print_rows(rows: list[Row], output: RowFormat, title: str = "") -> None:
    if output == RowFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    columns = list(rows[0]) if rows else []
    if output == RowFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if columns:
            writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
        typer.echo(buffer.getvalue(), nl=False)
        return
    if not rows:
        console.print(f"{title}: no rows", highlight=False)
        return
    table = Table(title=title or None)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


# -- analyse ------------------------------------------------------------------------------
analyse_app = typer.Typer(help="Network analytics over the actor graph: centrality, communities, brokers, ego.",
                          no_args_is_help=True)
app.add_typer(analyse_app, name="analyse")

ViewOption = Annotated[View, typer.Option("--view", help="ties: every tie; collaboration: co-builders, co-funders "
                                                          "and collaborators joined.")]
TopOption = Annotated[int, typer.Option("--top", "-n", help="At most this many rows (0 for all).")]
FormatOption = Annotated[RowFormat, typer.Option("--format", "-f", help="table, csv or json.")]
SeedOption = Annotated[int, typer.Option(help="Seed for community detection (same seed, same answer).")]
TieOption = Annotated[list[str] | None, typer.Option("--tie", help="Only ties of this type; repeat for several "
                                                                    "(default: every tie).")]


def _graph(store: str | None, view: View, ties: list[str] | None = None) -> Any:
    with open_store(store) as target:
        whole = analytics.select_ties(analytics.load_actor_graph(target), ties)
    if view == View.collaboration:
        return analytics.collaboration_projection(whole)
    return analytics.undirected(whole)


def _print_frame(frame: pd.DataFrame, output: RowFormat, title: str, top: int = 0) -> None:
    if top:
        frame = frame.head(top)
    rows = [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    _print_rows(rows, output, title)


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


@analyse_app.command("centrality")
def centrality_command(view: ViewOption = View.ties, tie: TieOption = None, top: TopOption = 20,
                       output: FormatOption = RowFormat.table, store: StoreOption = None) -> None:
    """Degree, betweenness and eigenvector centrality, most central first."""
    frame = analytics.centrality(_graph(store, view, tie))
    _print_frame(frame.drop(columns=["id"]), output, f"centrality ({view.value})", top)


@analyse_app.command("communities")
def communities_command(view: ViewOption = View.ties, tie: TieOption = None, seed: SeedOption = 0,
                        method: Annotated[str, typer.Option(help="louvain or greedy.")] = "louvain",
                        output: FormatOption = RowFormat.table, store: StoreOption = None) -> None:
    """Communities of actors (0 = largest), seeded so the same graph gives the same answer."""
    frame = analytics.communities(_graph(store, view, tie), seed=seed, method=method)
    _print_frame(frame.drop(columns=["id"]), output, f"communities ({view.value}, {method})")


@analyse_app.command("brokers")
def brokers_command(view: ViewOption = View.ties, tie: TieOption = None, seed: SeedOption = 0, top: TopOption = 20,
                    output: FormatOption = RowFormat.table, store: StoreOption = None) -> None:
    """Actors whose ties reach into other communities, most bridging first."""
    frame = analytics.brokers(_graph(store, view, tie), seed=seed)
    _print_frame(frame.drop(columns=["id"]), output, f"brokers ({view.value})", top)


@analyse_app.command("ego")
def ego_command(actor: Annotated[str, typer.Argument(help="Actor name, alias or id (Traditional is fine).")],
                depth: Annotated[int, typer.Option(min=1, max=5, help="How many ties away.")] = 2,
                view: ViewOption = View.ties, tie: TieOption = None, output: FormatOption = RowFormat.table,
                store: StoreOption = None) -> None:
    """The actors within a few ties of one actor, nearest first."""
    frame = analytics.ego_table(_graph(store, view, tie), actor, depth)
    _print_frame(frame.drop(columns=["id"]), output, f"ego network of {actor} (depth {depth}, {view.value})")

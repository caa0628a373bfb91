"""RDF commands: ``export rdf``, ``import rdf``, ``validate``.

Export streams page by page to a file or stdout; import refuses a store that already
holds anything; validate prints each SHACL violation as focus node, path, message and
exits 1 when the file does not conform, so it can gate a pipeline.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from innograph.cli.app import StoreOption, app, console, console_err
from innograph.errors import InnographError
from innograph.graph.store import open_store


class RdfFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    trig = "trig"


export_app = typer.Typer(help="Write the graph out in other formats.", no_args_is_help=True)
import_app = typer.Typer(help="Read a graph written by `innograph export`.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

FormatOption = Annotated[RdfFormat | None, typer.Option("--format", "-f", help="ttl, nt, jsonld or trig. "
                                                       "Default: from the file's suffix (ttl for stdout).")]


@export_app.command("rdf")
def export_rdf(
    store: StoreOption = None,
    fmt: FormatOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; stdout if omitted.")] = None,
    page_size: Annotated[int, typer.Option(help="Records read from the store per page.")] = 2000,
) -> None:
    """Export the whole graph as RDF (ontology-aligned, with PROV-O evidence), page by page."""
    from innograph.graph.rdf_export import export_store

    chosen = fmt.value if fmt else _format_from_suffix(output)
    with open_store(store) as opened:
        if output is None:
            stats = export_store(opened, sys.stdout, chosen, page_size=page_size)
        else:
            try:
                with output.open("w", encoding="utf-8") as out:
                    stats = export_store(opened, out, chosen, page_size=page_size)
            except OSError as exc:
                raise InnographError(f"{output}: cannot write the export: {exc.strerror}") from exc
    counts = ", ".join(f"{n} {kind}" for kind, n in stats.counts.items())
    console_err.print(f"exported {counts}; {stats.triples} statements as {chosen}"
                      + (f" to {output}" if output else ""), highlight=False)


def _format_from_suffix(path: Path | None) -> str:
    if path is None:
        return "ttl"
    suffix = path.suffix.lower().lstrip(".")
    aliases = {"ttl": "ttl", "turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "json": "jsonld", "trig": "trig"}
    if suffix not in aliases:
        raise InnographError(f"{path}: cannot tell the RDF format from the suffix; pass --format ttl|nt|jsonld|trig")
    return aliases[suffix]


@import_app.command("rdf")
def import_rdf_cmd(
    file: Annotated[Path, typer.Argument(help="An export written by `innograph export rdf`.")],
    store: StoreOption = None,
    fmt: FormatOption = None,
) -> None:
    """Load an RDF export into an empty store (a non-empty store is refused)."""
    from innograph.graph.rdf_import import import_rdf

    with open_store(store) as opened:
        stats = import_rdf(opened, file, fmt.value if fmt else None)
        where = opened.location
    console.print(f"imported {file} into {where}: {stats.documents} documents, {stats.actors_created} actors, "
                  f"{stats.ties_created} ties, {stats.evidence_created} evidence", highlight=False)


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="An RDF export to check against shapes.ttl.")],
    fmt: FormatOption = None,
    shapes: Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes; default: the packaged shapes.ttl.")]
    = None,
) -> None:
    """Check an RDF export with SHACL; print each violation; exit 1 if it does not conform."""
    from innograph.graph.rdf_validate import validate_file

    report = validate_file(file, fmt.value if fmt else None, shapes)
    if report.conforms:
        console.print(f"{file}: conforms to the innograph shapes", highlight=False)
        return
    # One plain line per violation (focus, path, message, value): readable, greppable, never wrapped.
    count = len(report.violations)
    typer.echo(f"{file}: does not conform, {count} violation{'s' if count != 1 else ''}")
    for v in report.violations:
        typer.echo("  ".join(part for part in (v.focus, v.path, v.message) if part)
                   + (f"  (value {v.value})" if v.value else ""))
    raise typer.Exit(1)

"""``innograph load``: documents into the store, with a progress bar and a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from innograph.cli.app import StoreOption, app, console, console_err
from innograph.graph.store import Store, open_store
from innograph.loading import DOCUMENT_SUFFIXES, WRITE_GROUP_DOCS, FileOutcome, LoadReport, load_paths


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents (.txt, .html, .md ...).")],
    store: StoreOption = None,
    workers: Annotated[int | None, typer.Option(help="Extraction processes (default: one per core).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, only the summary.")] = False,
    per_write: Annotated[int, typer.Option(
        min=1, help="Documents written together in one atomic write (1: file by file, slower).")] = WRITE_GROUP_DOCS,
) -> None:
    """Load documents into the graph. Loading the same document twice changes nothing."""
    with open_store(store) as target:
        if quiet:
            report = load_paths(target, paths, workers=workers, group_docs=per_write)
        else:
            report = _load_with_progress(target, paths, workers, per_write)
    _print_summary(report)
    if not report.ok:
        raise typer.Exit(code=1)


def _load_with_progress(target: Store, paths: list[Path], workers: int | None, per_write: int) -> LoadReport:
    columns = (
        TextColumn("[bold]loading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console_err, transient=True) as bar:
        task = bar.add_task("", total=None)

        def advance(done: int, total: int, outcome: FileOutcome) -> None:
            bar.update(task, completed=done, total=total, description=Path(outcome.path).name)

        return load_paths(target, paths, workers=workers, progress=advance, group_docs=per_write)


def _print_summary(report: LoadReport) -> None:
    loaded = [o for o in report.outcomes if o.status == "loaded"]
    table = Table(title="loaded", show_edge=False)
    for column in ("document", "status", "actors", "ties"):
        table.add_column(column, justify="right" if column in ("actors", "ties") else "left")
    for outcome in report.outcomes:
        if outcome.status == "loaded":
            table.add_row(Path(outcome.path).name, outcome.status, str(outcome.actors), str(outcome.ties))
        elif outcome.status == "unchanged":
            table.add_row(Path(outcome.path).name, "skipped (already stored)", "", "")
    if loaded or report.count("unchanged"):
        console.print(table)
    for outcome in report.failed:
        # One line per file however long its path, so logs can be grepped for it.
        console_err.print(f"[red]failed:[/] {outcome.reason}", highlight=False, soft_wrap=True)
    if report.ignored:
        console.print(
            f"{len(report.ignored)} file(s) in the folders named are not documents and were ignored "
            f"(innograph reads {', '.join(sorted(DOCUMENT_SUFFIXES))})",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{report.count('loaded')} loaded, {report.count('unchanged')} skipped (already stored), "
        f"{report.count('failed')} failed",
        highlight=False,
    )

"""``innograph extract`` and ``innograph eval``: what the extraction finds, and how well, without a store.

``extract`` writes the gold format so a person can diff an extraction against an
annotation; ``eval`` scores it, per document and in total, per actor type and per
tie type, so a change to the extraction rules shows at once what it won and lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from innograph.cli.app import app, console, console_err
from innograph.errors import EvaluationError, InnographError
from innograph.loaders.evaluation import Counts, Report, score_corpus
from innograph.loaders.goldfile import GoldDict, extract_gold, gold_file_name, read_gold, write_gold
from innograph.loading import map_files


def _extract_one(path: Path) -> tuple[Path, GoldDict | None, str]:
    """Worker body: never raises, so one bad file cannot stop the others."""
    try:
        return path, extract_gold(path), ""
    except InnographError as exc:
        return path, None, str(exc)
    except OSError as exc:
        return path, None, f"{path}: cannot read: {exc.strerror or exc}"


def _extract_all(files: list[Path], workers: int) -> Iterator[tuple[Path, GoldDict | None, str]]:
    return map_files(_extract_one, files, workers)


def _default_workers() -> int:
    import os

    return os.cpu_count() or 1


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of documents.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for one <document>.json per document.")],
    workers: Annotated[int | None, typer.Option(help="Extraction processes (default: one per core).")] = None,
) -> None:
    """Extract actors and ties into gold-format JSON files (the format of shared/gold), touching no store."""
    from innograph.loading import find_documents

    files = find_documents(paths)
    failed = 0
    for path, gold, error in _extract_all(files, workers or _default_workers()):
        if gold is None:
            failed += 1
            console_err.print(f"[red]failed:[/] {error}", highlight=False)
            continue
        target = write_gold(gold, out)
        console.print(
            f"{path.name}: {len(gold['entities'])} actors, {len(gold['relations'])} ties -> {target}", highlight=False
        )
    console.print(f"{len(files) - failed} extracted, {failed} failed", highlight=False)
    if failed:
        raise typer.Exit(code=1)


def _gold_files(gold_dir: Path) -> list[Path]:
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: not a folder; --gold names the folder of <document>.json gold files")
    files = sorted(path for path in gold_dir.glob("*.json") if not path.name.startswith("."))
    if not files:
        raise EvaluationError(f"{gold_dir}: holds no .json gold files; see shared/gold/GUIDE.md for the format")
    return files


def _predictions_from_docs(golds: list[GoldDict], docs: Path, workers: int) -> list[GoldDict | None]:
    if not docs.is_dir():
        raise EvaluationError(f"{docs}: not a folder; --docs names the folder holding the gold documents")
    wanted = [docs / gold["document"] for gold in golds]
    present = [path for path in wanted if path.is_file()]
    found: dict[Path, GoldDict] = {}
    for path, gold, error in _extract_all(present, workers):
        if gold is None:
            console_err.print(f"[red]failed:[/] {error}", highlight=False)
        else:
            found[path] = gold
    for path in wanted:
        if not path.is_file():
            console_err.print(f"[yellow]missing:[/] {path} (its gold facts count as missed)", highlight=False)
    return [found.get(path) for path in wanted]


def _predictions_from_dir(golds: list[GoldDict], pred: Path) -> list[GoldDict | None]:
    if not pred.is_dir():
        raise EvaluationError(f"{pred}: not a folder; --pred names a folder written by `innograph extract --out`")
    predictions: list[GoldDict | None] = []
    for gold in golds:
        path = pred / gold_file_name(gold["document"])
        if path.is_file():
            predictions.append(read_gold(path))
        else:
            console_err.print(f"[yellow]missing:[/] {path} (its gold facts count as missed)", highlight=False)
            predictions.append(None)
    return predictions


def _prf(counts: Counts) -> str:
    return f"{counts.precision:.2f} {counts.recall:.2f} {counts.f1:.2f}"


def _mpg(counts: Counts) -> str:
    return f"{counts.matched}/{counts.predicted}/{counts.gold}"


def _print_report(report: Report) -> None:
    table = Table(title="per document: P R F1, matched/predicted/gold", show_edge=False)
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=max(14, console.width - 64))
    for group in ("actors", "ties"):
        table.add_column(f"{group} P R F1", justify="right", no_wrap=True, min_width=14)
        table.add_column("m/p/g", justify="right", no_wrap=True, min_width=11)
    for name, score in report.documents:
        table.add_row(name, _prf(score.actors), _mpg(score.actors), _prf(score.ties), _mpg(score.ties))
    total = report.total
    table.add_section()
    table.add_row("[bold]total (micro)", _prf(total.actors), _mpg(total.actors), _prf(total.ties), _mpg(total.ties))
    console.print(table)

    for title, rows in (("actors by type", total.actors_by_type), ("ties by predicate", total.ties_by_predicate)):
        detail = Table(title=title, show_edge=False)
        detail.add_column("")
        detail.add_column("P R F1", justify="right", no_wrap=True)
        detail.add_column("m/p/g", justify="right", no_wrap=True)
        for key in sorted(rows):
            detail.add_row(key, _prf(rows[key]), _mpg(rows[key]))
        console.print(detail)
    if report.missing_predictions:
        console.print(f"no prediction for {len(report.missing_predictions)} document(s)", highlight=False)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold <document>.json files.")],
    docs: Annotated[Path | None, typer.Option("--docs", help="Folder of the documents: extract them now.")] = None,
    pred: Annotated[
        Path | None, typer.Option("--pred", help="Folder of predicted <document>.json files (from `extract`).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    workers: Annotated[int | None, typer.Option(help="Extraction processes (default: one per core).")] = None,
) -> None:
    """Score an extraction against gold annotations: precision, recall and F1 for actors and ties."""
    if (docs is None) == (pred is None):
        raise EvaluationError("give exactly one of --docs (extract the documents now) or --pred (score saved JSON)")
    golds = [read_gold(path) for path in _gold_files(gold)]
    if docs is not None:
        predictions = _predictions_from_docs(golds, docs, workers or _default_workers())
    else:
        assert pred is not None
        predictions = _predictions_from_dir(golds, pred)
    report = score_corpus(zip(golds, predictions, strict=True))
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_report(report)

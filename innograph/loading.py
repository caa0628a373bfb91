"""Many files into a store: extraction in worker processes, one writer, a report per file.

Extraction is CPU-bound pure Python, so it runs in a process pool when there is
enough work to pay for the workers' start-up (each loads the dictionaries once);
writing stays in this process so each document's batch lands whole, in one write.
A file that cannot be read or extracted is reported and skipped: the other files of
the run still load, and nothing already stored is touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from innograph.errors import InnographError, LoadError
from innograph.graph.store import Store
from innograph.model import Batch

# Files a folder is searched for; a file named explicitly is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml"})
# Below this many files the pool's start-up costs more than it saves.
POOL_THRESHOLD = 8

Progress = Callable[[int, int, "FileOutcome"], None]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: loaded, unchanged (already stored), or failed with a reason."""

    path: str
    status: str  # "loaded" | "unchanged" | "failed"
    reason: str = ""
    doc_id: str = ""
    actors: int = 0
    ties: int = 0


@dataclass
class LoadReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to the document files below them, sorted; name a missing path in the error."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            documents = sorted(
                child
                for child in path.rglob("*")
                if child.is_file()
                and child.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
            if not documents:
                suffixes = ", ".join(sorted(DOCUMENT_SUFFIXES))
                raise LoadError(str(path), "the folder holds no documents", f"innograph reads {suffixes}")
            found.extend(documents)
        elif path.exists():
            found.append(path)
        else:
            raise LoadError(str(path), "no such file or folder", "check the path")
    return found


def _extract(path: Path) -> tuple[Path, Batch | None, str]:
    """Worker body: never raises, so one bad file cannot stop the pool."""
    from innograph.loaders.pipeline import extract_file

    try:
        return path, extract_file(path), ""
    except InnographError as exc:
        return path, None, str(exc)
    except OSError as exc:
        return path, None, f"{path}: cannot read: {exc.strerror or exc}"
    except Exception as exc:  # a bug in a stage: report it against the file, keep loading the rest
        return path, None, f"{path}: extraction failed with {type(exc).__name__}: {exc} (please report this file)"


def _extractions(files: list[Path], workers: int) -> Iterator[tuple[Path, Batch | None, str]]:
    if workers <= 1 or len(files) < POOL_THRESHOLD:
        for path in files:
            yield _extract(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract, files, chunksize=max(1, min(64, len(files) // (workers * 8))))


def _already_stored(store: Store, batch: Batch) -> bool:
    document = batch.documents[0]
    rows = store.run(
        "MATCH (d:Document {id: $id}) RETURN d.path AS path",
        {"id": document.doc_id},
        read_only=True,
    )
    return any(row["path"] == document.path for row in rows)


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Load documents into a store, one atomic write per document, and report on every file.

    Each path named is expanded on its own: a missing path or a folder with no documents
    is reported like a bad file, and the other paths of the run still load.
    """
    files: list[Path] = []
    report = LoadReport()
    for raw in paths:
        try:
            files.extend(find_documents([raw]))
        except LoadError as exc:
            report.outcomes.append(FileOutcome(str(raw), "failed", str(exc)))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    for done, (path, batch, error) in enumerate(_extractions(files, workers), start=1):
        if batch is None:
            outcome = FileOutcome(str(path), "failed", error)
        else:
            outcome = _write(store, path, batch)
        report.outcomes.append(outcome)
        if progress is not None:
            progress(done, len(files), outcome)
    return report


def _write(store: Store, path: Path, batch: Batch) -> FileOutcome:
    document = batch.documents[0]
    counts = {"doc_id": document.doc_id, "actors": len(batch.actors), "ties": len(batch.ties)}
    try:
        if _already_stored(store, batch):
            return FileOutcome(str(path), "unchanged", **counts)
        store.write(batch)
    except InnographError as exc:
        return FileOutcome(str(path), "failed", f"{path}: not stored: {exc}", **counts)
    return FileOutcome(str(path), "loaded", **counts)

"""Many files into a store: extraction in worker processes, one writer, a report per file.

Extraction is CPU-bound pure Python, so it runs in a process pool when there is
enough work to pay for the workers' start-up (each loads the dictionaries once);
writing stays in this process, many documents per write, each of them landing whole.
A file that cannot be read or extracted is reported and skipped: the other files of
the run still load, and nothing already stored is touched.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from innograph.errors import InnographError, LoadError, StoreUnavailable
from innograph.graph.store import Store
from innograph.model import Batch

# Files a folder is searched for; a file named explicitly is always tried.
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml"})
# Below this many files the pool's start-up costs more than it saves.
POOL_THRESHOLD = 8
IN_FLIGHT_PER_WORKER = 4  # chunks submitted ahead per worker: enough to keep it busy
# Files per write: one write of many documents costs the engine a fraction of one write
# each (measured on 300 files: 3.4 engine CPU-seconds one by one); a group is also written
# once it is this many seconds old, so progress keeps moving on slow extraction.
WRITE_GROUP_DOCS = 100
WRITE_GROUP_SECONDS = 2.0

Progress = Callable[[int, int, "FileOutcome"], None]
T = TypeVar("T")


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
    ignored: list[str] = field(default_factory=list)  # files in named folders that are not documents

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


def _scan_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder's document files and the other files it holds, sorted, hidden ones left out."""
    documents: list[Path] = []
    others: list[Path] = []
    for child in sorted(folder.rglob("*")):
        if not child.is_file() or any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        (documents if child.suffix.lower() in DOCUMENT_SUFFIXES else others).append(child)
    return documents, others


def _expand(raw: str | Path) -> tuple[list[Path], list[Path]]:
    """One path named by the user: its documents and the files it ignores; LoadError names a bad path."""
    path = Path(raw)
    if path.is_dir():
        documents, others = _scan_folder(path)
        if not documents:
            suffixes = ", ".join(sorted(DOCUMENT_SUFFIXES))
            raise LoadError(str(path), "the folder holds no documents", f"innograph reads {suffixes}")
        return documents, others
    if path.exists():
        return [path], []
    raise LoadError(str(path), "no such file or folder", "check the path")


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to the document files below them, sorted; name a missing path in the error."""
    found: list[Path] = []
    for raw in paths:
        found.extend(_expand(raw)[0])
    return found


def _file_id(path: Path) -> str | None:
    """The id a document gets (SHA-256 of its bytes), or None when it cannot be read now."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None  # reported when the extraction reads it


def _stored_files(store: Store, files: list[Path]) -> set[Path]:
    """Files whose bytes are stored under the same path: a rerun skips them before extracting."""
    by_id: dict[str, list[Path]] = {}
    for path in files:
        digest = _file_id(path)
        if digest is not None:
            by_id.setdefault(digest, []).append(path)
    stored = _stored_pairs(store, list(by_id))
    return {path for doc_id, paths in by_id.items() for path in paths if (doc_id, str(path)) in stored}


def _stored_pairs(store: Store, ids: list[str]) -> set[tuple[str, str]]:
    """(id, path) of each of these document ids that the store holds."""
    pairs: set[tuple[str, str]] = set()
    for start in range(0, len(ids), 1000):
        rows = store.run(
            "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.path AS path",
            {"ids": ids[start : start + 1000]},
            read_only=True,
        )
        pairs.update((row["id"], row["path"]) for row in rows)
    return pairs


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


def map_files(work: Callable[[Path], T], files: list[Path], workers: int) -> Iterator[T]:
    """``work`` over files, in order, in worker processes when there are enough files to pay for them.

    ``work`` must be a module-level function that never raises (it reports failures in
    its result), so one bad file cannot stop the pool.
    """
    if workers <= 1 or len(files) < POOL_THRESHOLD:
        yield from map(work, files)
        return
    size = max(1, min(64, len(files) // (workers * 8)))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    # At most a few chunks per worker are in flight: Executor.map would submit every file
    # at once and hold every result until the writer takes it, so a writer slower than the
    # workers would let memory grow with the size of the corpus.
    window = workers * IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[T]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_map_chunk, work, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _map_chunk(work: Callable[[Path], T], chunk: list[Path]) -> list[T]:
    return [work(path) for path in chunk]


def load_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    group_docs: int = WRITE_GROUP_DOCS,
) -> LoadReport:
    """Load documents into a store, many documents per atomic write, and report on every file.

    Each path named is expanded on its own: a missing path or a folder with no documents
    is reported like a bad file, and the other paths of the run still load. ``progress``
    hears of each file when its group is written (``group_docs`` files, or after
    ``WRITE_GROUP_SECONDS``); ``group_docs=1`` writes and reports file by file.
    """
    files: list[Path] = []
    report = LoadReport()
    for raw in paths:
        try:
            documents, others = _expand(raw)
        except LoadError as exc:
            report.outcomes.append(FileOutcome(str(raw), "failed", str(exc)))
            continue
        files.extend(documents)
        report.ignored.extend(str(other) for other in others)
    stored = _stored_files(store, files)
    to_extract = [path for path in files if path not in stored]
    done = 0
    for path in files:
        if path in stored:
            done += 1
            _record(report, FileOutcome(str(path), "unchanged"), done, len(files), progress)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    pending: list[tuple[Path, Batch | None, str]] = []
    since = time.monotonic()
    for extracted in map_files(_extract, to_extract, workers):
        if not pending:
            since = time.monotonic()
        pending.append(extracted)
        if len(pending) >= group_docs or time.monotonic() - since >= WRITE_GROUP_SECONDS:
            for outcome in _write_group(store, pending):
                done += 1
                _record(report, outcome, done, len(files), progress)
            pending = []
    for outcome in _write_group(store, pending):
        done += 1
        _record(report, outcome, done, len(files), progress)
    return report


def _record(report: LoadReport, outcome: FileOutcome, done: int, total: int, progress: Progress | None) -> None:
    report.outcomes.append(outcome)
    if progress is not None:
        progress(done, total, outcome)


def _write_group(store: Store, items: list[tuple[Path, Batch | None, str]]) -> list[FileOutcome]:
    """Write extracted files together in one write, falling back to one write per file if it fails.

    The fallback gives each file its own outcome, so one bad document still fails alone.
    A document whose content is already in the group (the same file named twice, or a copy)
    is written on its own afterwards, as it would have been in a one-by-one load.
    """
    extracted = [batch for _, batch, _ in items if batch is not None]
    try:
        stored = _stored_pairs(store, sorted({batch.documents[0].doc_id for batch in extracted}))
    except InnographError as exc:
        return [_outcome(path, batch, error or f"{path}: not stored: {exc}") for path, batch, error in items]
    fresh: dict[str, Batch] = {}  # the first batch of each content not stored yet
    for batch in extracted:
        if _key(batch) not in stored:
            fresh.setdefault(batch.documents[0].doc_id, batch)
    written: set[int] = set()
    unavailable = ""
    if len(fresh) > 1:
        whole = Batch()
        for batch in fresh.values():
            whole.merge(batch)
        try:
            store.write(whole)
            written = {id(batch) for batch in fresh.values()}
            stored.update(_key(batch) for batch in fresh.values())
        except StoreUnavailable as exc:
            unavailable = str(exc)  # one file at a time would only wait out the same outage again
        except InnographError:
            pass  # each file is written on its own below and reports its own error
    outcomes = []
    for path, batch, error in items:
        if batch is None:
            outcomes.append(_outcome(path, None, error))
        elif id(batch) in written:
            outcomes.append(_outcome(path, batch, ""))
        elif _key(batch) in stored:
            outcomes.append(_outcome(path, batch, "", "unchanged"))
        elif unavailable:
            outcomes.append(_outcome(path, batch, f"{path}: not stored: {unavailable}"))
        else:
            outcomes.append(_write_one(store, path, batch, stored))
    return outcomes


def _key(batch: Batch) -> tuple[str, str]:
    document = batch.documents[0]
    return document.doc_id, document.path


def _outcome(path: Path, batch: Batch | None, error: str, status: str = "") -> FileOutcome:
    if batch is None:
        return FileOutcome(str(path), "failed", error)
    counts = {"doc_id": batch.documents[0].doc_id, "actors": len(batch.actors), "ties": len(batch.ties)}
    return FileOutcome(str(path), status or ("failed" if error else "loaded"), error, **counts)


def _write_one(store: Store, path: Path, batch: Batch, stored: set[tuple[str, str]]) -> FileOutcome:
    """Write one file's batch; ``stored`` (what the store holds) learns what it wrote."""
    try:
        store.write(batch)
    except InnographError as exc:
        return _outcome(path, batch, f"{path}: not stored: {exc}")
    stored.add(_key(batch))
    return _outcome(path, batch, "")

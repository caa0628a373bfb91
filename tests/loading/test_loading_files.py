"""innograph.loading on real files and the real embedded store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from innograph.errors import LoadError
from innograph.loading import find_documents, load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _counts(store) -> dict[str, int]:
    row = store.run(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships",
        read_only=True,
    )[0]
    return {"nodes": row["nodes"], "relationships": row["relationships"]}


def test_loading_find_documents_expands_folders_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("苏州工业园区", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>园区</p>", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert find_documents([tmp_path]) == [tmp_path / "a.txt", tmp_path / "sub" / "b.html"]


def test_loading_find_documents_names_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=str(tmp_path)):
        find_documents([tmp_path])


def test_loading_find_documents_names_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        find_documents([tmp_path / "missing.txt"])


def test_loading_seeds_twice_changes_nothing(embedded_store) -> None:
    first = load_paths(embedded_store, [SEEDS], workers=1)
    assert first.ok, [o.reason for o in first.failed]
    assert first.count("loaded") == 5
    before = _counts(embedded_store)
    assert before["nodes"] > 0

    second = load_paths(embedded_store, [SEEDS], workers=1)
    assert second.count("unchanged") == 5
    assert _counts(embedded_store) == before


def test_loading_bad_file_is_reported_and_the_rest_load(embedded_store, tmp_path: Path) -> None:
    shutil.copy(SEEDS / "001_fe8180963b412aea.txt", tmp_path / "good.txt")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00")
    report = load_paths(embedded_store, [tmp_path], workers=1)
    statuses = {Path(o.path).name: o.status for o in report.outcomes}
    assert statuses == {"broken.txt": "failed", "good.txt": "loaded"}
    assert "broken.txt" in report.failed[0].reason
    stored = embedded_store.run("MATCH (d:Document) RETURN d.path AS path", read_only=True)
    assert [Path(row["path"]).name for row in stored] == ["good.txt"]


def test_loading_in_worker_processes_matches_in_process(embedded_store, tmp_path: Path) -> None:
    # enough files to use the pool: copies of the seeds under different names
    for index in range(2):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_bytes() + f"\n{index}\n".encode()
            (tmp_path / f"{index}_{seed.name}").write_bytes(text)
    pooled = load_paths(embedded_store, [tmp_path], workers=2)
    assert pooled.ok and pooled.count("loaded") == 10
    ties = {(Path(o.path).name.split("_", 1)[1], o.ties) for o in pooled.outcomes}
    assert len(ties) == 5  # each seed gives the same ties whichever copy and process read it


def test_loading_rerun_skips_stored_files_before_extracting(embedded_store, tmp_path: Path) -> None:
    shutil.copy(SEEDS / "004_c2e15af26f8a97f6.txt", tmp_path / "a.txt")
    assert load_paths(embedded_store, [tmp_path], workers=1).count("loaded") == 1
    shutil.copy(SEEDS / "004_c2e15af26f8a97f6.txt", tmp_path / "same_bytes_other_path.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    seen: list[tuple[int, int, str]] = []
    report = load_paths(embedded_store, [tmp_path], workers=1, progress=lambda d, t, o: seen.append((d, t, o.status)))
    statuses = {Path(o.path).name: (o.status, o.actors) for o in report.outcomes}
    # skipped without extraction (no counts), while the same bytes at a new path are a new load
    assert statuses["a.txt"] == ("unchanged", 0)
    assert statuses["same_bytes_other_path.txt"][0] == "loaded"
    assert report.ignored == [str(tmp_path / "notes.pdf")]
    assert [done for done, _, _ in seen] == [1, 2] and {total for _, total, _ in seen} == {2}


def test_loading_in_groups_equals_loading_file_by_file(embedded_store, tmp_path: Path) -> None:
    grouped = load_paths(embedded_store, [SEEDS], workers=1)
    assert grouped.count("loaded") == len(find_documents([SEEDS]))
    together = _graph_snapshot(embedded_store)
    embedded_store.clear()
    one_by_one = load_paths(embedded_store, [SEEDS], workers=1, group_docs=1)
    assert [o.status for o in one_by_one.outcomes] == [o.status for o in grouped.outcomes]
    assert _graph_snapshot(embedded_store) == together


def test_loading_a_group_with_a_bad_document_stores_the_others(embedded_store, tmp_path: Path) -> None:
    from innograph.loaders.pipeline import extract_file
    from innograph.loading import _write_group

    paths = sorted(SEEDS.glob("*.txt"))[:3]
    batches = [extract_file(path) for path in paths]
    broken = next(iter(batches[1].actors.values()))
    broken.type = "Spaceship"  # not in the ontology: the write refuses this document
    outcomes = _write_group(embedded_store, [(path, batch, "") for path, batch in zip(paths, batches, strict=True)])
    assert [o.status for o in outcomes] == ["loaded", "failed", "loaded"]
    assert paths[1].name in outcomes[1].reason and "Spaceship" in outcomes[1].reason
    stored = embedded_store.run("MATCH (d:Document) RETURN d.path AS path ORDER BY path", read_only=True)
    assert [row["path"] for row in stored] == sorted([str(paths[0]), str(paths[2])])


def _graph_snapshot(store) -> tuple:
    evidence = store.run(
        "MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document) RETURN e.id AS id, d.path AS path ORDER BY id", read_only=True
    )
    ties = store.run("MATCH (s:Actor)-[r]->(o:Actor) RETURN r.id AS id ORDER BY id", read_only=True)
    actors = store.run("MATCH (a:Actor) RETURN a.id AS id, a.aliases AS aliases ORDER BY id", read_only=True)
    aliases = [(row["id"], sorted(row["aliases"] or [])) for row in actors]  # a set, kept in arrival order
    return _counts(store), evidence, ties, aliases

"""Reloading, changing and forgetting documents through the CLI, on each store.

The yardstick is a clean load: after any sequence of loads, changes and forgets, the
store holds exactly what loading the current files into an empty store gives (same
documents, actors, ties, evidence and quantities, by id), so nothing an old version
stated lingers and nothing another document states is lost.
"""

from __future__ import annotations

import re
from pathlib import Path

from robustness_support import innograph, location_snapshot, seed_paths, snapshot

from innograph.cli.store_cmds import store_stats
from innograph.graph.store import open_store
from innograph.loading import load_paths

SUMMARY = re.compile(r"(\d+) loaded, (\d+) skipped \(already stored\), (\d+) failed")


def _summary(stdout: str) -> tuple[int, int, int]:
    found = SUMMARY.search(stdout)
    assert found, stdout
    return tuple(map(int, found.groups()))  # type: ignore[return-value]


def _stats(location: str) -> dict:
    """What ``innograph stats --json`` prints, computed in this process (the command itself is tested elsewhere)."""
    with open_store(location) as store:
        return store_stats(store)


def _clean_load(store, paths: list[Path]):
    store.clear()
    report = load_paths(store, paths, workers=1)
    assert report.ok, [outcome.reason for outcome in report.failed]
    return snapshot(store)


def _halves(text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    return "".join(lines[: len(lines) // 2]), "".join(lines[len(lines) // 2:])


def test_reloads_same_changed_and_forgotten_documents_match_a_clean_load(
    cli_location: str, embedded_store, tmp_path: Path
) -> None:
    seeds = seed_paths()
    text_a = seeds[1].read_text(encoding="utf-8")
    first_half, _ = _halves(text_a)
    docs = tmp_path / "docs"
    docs.mkdir()
    a, c = docs / "a.txt", docs / "c.txt"
    a.write_text(text_a, encoding="utf-8")
    c.write_text(first_half, encoding="utf-8")  # states part of what a states

    loaded = innograph("load", docs, store=cli_location)
    assert loaded.code == 0, loaded.output
    assert _summary(loaded.stdout) == (2, 0, 0)
    original = location_snapshot(cli_location)
    assert original == _clean_load(embedded_store, [a, c])

    # The same documents again: nothing changes, and load says so.
    stats_before = _stats(cli_location)
    again = innograph("load", docs, store=cli_location)
    assert again.code == 0, again.output
    assert _summary(again.stdout) == (0, 2, 0)
    assert re.search(r"a\.txt\s.*\bskipped \(already stored\)", again.stdout)
    assert _stats(cli_location) == stats_before
    assert location_snapshot(cli_location) == original

    # A changed version at the same path replaces what the old one stated.
    a.write_text(seeds[4].read_text(encoding="utf-8"), encoding="utf-8")
    changed = innograph("load", docs, store=cli_location)
    assert changed.code == 0, changed.output
    assert _summary(changed.stdout) == (1, 1, 0)
    after_change = location_snapshot(cli_location)
    expected = _clean_load(embedded_store, [a, c])
    assert after_change == expected
    old_a = next(doc for doc, path in original.documents.items() if path == str(a))
    assert old_a not in after_change.documents and old_a not in after_change.evidence
    only_old_a = original.ties - _clean_load(embedded_store, [c]).ties
    gone = only_old_a - expected.ties
    assert gone and not gone & after_change.ties, "ties only the old a stated are gone"
    shared = original.evidence[next(d for d, p in original.documents.items() if p == str(c))]
    assert shared and shared == after_change.evidence[next(d for d, p in after_change.documents.items()
                                                            if p == str(c))], "what c states is kept"

    # Forget by path, then by id: each time exactly a clean load of what remains.
    forgot = innograph("forget", a, store=cli_location)
    assert forgot.code == 0, forgot.output
    assert location_snapshot(cli_location) == _clean_load(embedded_store, [c])
    c_id = next(doc for doc, path in after_change.documents.items() if path == str(c))
    forgot_c = innograph("forget", c_id, store=cli_location)
    assert forgot_c.code == 0, forgot_c.output
    empty = _stats(cli_location)
    assert (empty["documents"], empty["actors"], empty["ties"], empty["evidence"], empty["quantities"]) == (0,) * 5

    unknown = innograph("forget", a, store=cli_location)
    assert unknown.code == 1 and len(unknown.stderr_lines()) == 1 and "Traceback" not in unknown.output


def test_reloads_forgetting_the_only_document_leaves_no_actor(any_store, tmp_path: Path) -> None:
    """Actors a document only implies (the parent in a PART_OF read from a longer name) go with it too."""
    first_half, _ = _halves(seed_paths()[1].read_text(encoding="utf-8"))
    doc = tmp_path / "c.txt"
    doc.write_text(first_half, encoding="utf-8")
    report = load_paths(any_store, [doc], workers=1)
    assert report.ok and report.outcomes[0].actors > 0
    any_store.forget(report.outcomes[0].doc_id)
    left = any_store.run("MATCH (a:Actor) RETURN a.id AS id", read_only=True)
    assert left == [], f"actors with no evidence left behind: {[row['id'] for row in left]}"

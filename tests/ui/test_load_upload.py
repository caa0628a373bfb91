"""The Load page loads uploaded documents into the store and says what each one added."""

from __future__ import annotations

from pathlib import Path

from innograph.graph.store import open_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _documents(location: str) -> dict[str, str]:
    with open_store(location) as store:
        return {r["id"]: r["path"] for r in store.run("MATCH (d:Document) RETURN d.id AS id, d.path AS path")}


def test_load_uploaded_document_lands_in_the_store(page, ui_env: str, tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    before = _documents(ui_env)
    at = page("load").run()
    at.file_uploader(key="load_files").upload(seed.name, seed.read_bytes(), "text/plain").run()
    at.button(key="load_go").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("1 loaded, 0 unchanged, 0 failed")
    outcome = at.dataframe[0].value
    assert list(outcome["path"]) == [seed.name] and list(outcome["status"]) == ["loaded"]
    assert int(outcome["actors"][0]) > 0
    after = _documents(ui_env)
    added = set(after) - set(before)
    assert len(added) == 1
    stored_path = Path(after[added.pop()])
    assert stored_path.name == seed.name and stored_path.read_bytes() == seed.read_bytes()
    assert str(tmp_path) in str(stored_path)  # kept in the explorer's upload folder, not a temporary one


def test_load_same_document_again_changes_nothing(page, ui_env: str) -> None:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    for expected in ("1 loaded", "0 loaded, 1 unchanged"):
        at = page("load").run()
        at.file_uploader(key="load_files").upload(seed.name, seed.read_bytes(), "text/plain").run()
        at.button(key="load_go").click().run()
        assert at.success[0].value.startswith(expected)


def test_load_unreadable_file_is_reported_not_raised(page) -> None:
    at = page("load").run()
    at.file_uploader(key="load_files").upload("empty.txt", b"   \n", "text/plain").run()
    at.button(key="load_go").click().run()
    assert not at.exception
    assert not at.success and "1 failed" in at.warning[0].value
    assert "empty.txt" in at.error[0].value

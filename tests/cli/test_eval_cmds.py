"""``innograph eval`` and ``innograph extract`` through the real CLI, on real files."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innograph.cli import app
from innograph.errors import EvaluationError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
runner = CliRunner()

GOLD = {
    "document": "a.txt",
    "entities": [
        {"name": "苏州工业园区", "type": "Park", "aliases": ["园区"]},
        {"name": "苏州实验室", "type": "Lab", "aliases": []},
        {"name": "复旦大学", "type": "University", "aliases": []},
    ],
    "relations": [
        {"subject": "苏州工业园区", "predicate": "HOSTS", "object": "苏州实验室", "evidence": "x"},
        {"subject": "苏州工业园区", "predicate": "COLLABORATES_WITH", "object": "复旦大学", "evidence": "y"},
    ],
}
PRED = {
    "document": "a.txt",
    "entities": [
        {"name": "蘇州工業園區", "type": "Park", "aliases": []},
        {"name": "苏州实验室", "type": "Enterprise", "aliases": []},
    ],
    "relations": [
        {"subject": "园区", "predicate": "HOSTS", "object": "苏州实验室", "evidence": ""},
        {"subject": "复旦大学", "predicate": "COLLABORATES_WITH", "object": "苏州工业园区", "evidence": ""},
        {"subject": "复旦大学", "predicate": "FUNDS", "object": "苏州工业园区", "evidence": ""},
    ],
}


def _write(folder: Path, payload: dict, name: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (name or payload["document"] + ".json")).write_text(json.dumps(payload, ensure_ascii=False), "utf-8")


def test_eval_cmds_pred_json_has_per_document_and_total_scores(tmp_path: Path) -> None:
    _write(tmp_path / "gold", GOLD)
    _write(tmp_path / "gold", {**GOLD, "document": "b.txt"})
    _write(tmp_path / "pred", PRED)
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert [doc["document"] for doc in payload["documents"]] == ["a.txt", "b.txt"]
    first = payload["documents"][0]
    assert (first["actors"]["matched"], first["actors"]["predicted"], first["actors"]["gold"]) == (1, 2, 3)
    assert (first["ties"]["matched"], first["ties"]["predicted"], first["ties"]["gold"]) == (2, 3, 2)
    total = payload["total"]
    assert (total["actors"]["matched"], total["actors"]["gold"]) == (1, 6)  # b.txt had no prediction
    assert total["ties"]["recall"] == pytest.approx(0.5)
    assert total["actors_by_type"]["Enterprise"] == {
        "matched": 0, "predicted": 1, "gold": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }
    assert total["ties_by_predicate"]["FUNDS"]["predicted"] == 1
    assert payload["missing_predictions"] == ["b.txt"]
    assert "missing" in result.stderr


def test_eval_cmds_tables_show_each_document_and_the_total(tmp_path: Path) -> None:
    _write(tmp_path / "gold", GOLD)
    _write(tmp_path / "pred", PRED)
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.output
    assert "a.txt" in result.stdout
    assert "total (micro)" in result.stdout
    assert "1/2/3" in result.stdout and "2/3/2" in result.stdout
    assert "COLLABORATES_WITH" in result.stdout and "University" in result.stdout


def test_eval_cmds_needs_exactly_one_source_of_predictions(tmp_path: Path) -> None:
    _write(tmp_path / "gold", GOLD)
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold")])
    assert isinstance(result.exception, EvaluationError)
    assert "--docs" in str(result.exception) and "--pred" in str(result.exception)


def test_eval_cmds_bad_gold_file_is_one_error_line_naming_it(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "pred").mkdir()
    script = "from innograph.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "eval", "--gold", str(gold), "--pred", str(tmp_path / "pred")],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    assert "error:" in done.stderr and "a.txt.json" in done.stderr
    assert "Traceback" not in done.stderr


def test_eval_cmds_empty_gold_folder_says_what_is_expected(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path)])
    assert isinstance(result.exception, EvaluationError)
    assert "no .json gold files" in str(result.exception)


_PIPELINE = all(
    importlib.util.find_spec(f"innograph.loaders.{name}") is not None
    for name in ("reading", "normalising", "sentences", "extraction")
)
needs_pipeline = pytest.mark.skipif(not _PIPELINE, reason="the extraction pipeline modules are not in this tree yet")


@needs_pipeline
def test_eval_cmds_extract_writes_one_gold_file_per_document_and_eval_scores_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, docs / seed.name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(docs), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in out.iterdir())
    assert written == sorted(f"{path.name}.json" for path in docs.iterdir())
    from innograph.loaders.reading import read_document

    for path in out.iterdir():
        payload = json.loads(path.read_text(encoding="utf-8"))
        assert payload["document"] + ".json" == path.name
        source = read_document(docs / payload["document"]).text
        for relation in payload["relations"]:
            assert set(relation) == {"subject", "predicate", "object", "evidence"}
            assert relation["evidence"] in source  # a span of the document as it stands

    # Scoring the saved files and extracting afresh give the same figures.
    gold = tmp_path / "gold"
    shutil.copytree(out, gold)
    saved = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(out), "--json"])
    fresh = runner.invoke(app, ["eval", "--gold", str(gold), "--docs", str(docs), "--json", "--workers", "1"])
    assert saved.exit_code == 0 and fresh.exit_code == 0, saved.output + fresh.output
    assert json.loads(saved.stdout)["total"] == json.loads(fresh.stdout)["total"]
    assert json.loads(fresh.stdout)["total"]["ties"]["recall"] == 1.0


@needs_pipeline
def test_eval_cmds_extract_reports_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], docs / "good.txt")
    (docs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(docs), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert (out / "good.txt.json").is_file()
    assert not (out / "empty.txt.json").exists()

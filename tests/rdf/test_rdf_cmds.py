"""The rdf commands on real embedded stores of their own: export to a file, import into an empty store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdf_batches import snapshot
from typer.testing import CliRunner

from innograph.cli import app
from innograph.graph.falkordb_engine import stop_engine
from innograph.graph.falkordb_store import FalkorDBStore
from innograph.graph.rdf_import import read_rdf
from innograph.graph.vocab import IGT, RDF
from innograph.model import Batch

runner = CliRunner()


@pytest.fixture
def stores(tmp_path: Path, seed_traditional: Batch) -> Iterator[tuple[Path, Path]]:
    source, target = tmp_path / "source", tmp_path / "target"
    with FalkorDBStore(source) as store:
        store.write(seed_traditional)
    yield source, target
    for directory in (source, target):
        stop_engine(directory)


def test_rdf_cmds_export_then_import_into_an_empty_store(stores: tuple[Path, Path], tmp_path: Path,
                                                         seed_traditional: Batch) -> None:
    source, target = stores
    out = tmp_path / "graph.trig"
    result = runner.invoke(app, ["export", "rdf", "--store", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(set(read_rdf(out).subjects(RDF.type, IGT.Tie))) == len(seed_traditional.ties)

    result = runner.invoke(app, ["import", "rdf", str(out), "--store", str(target)])
    assert result.exit_code == 0, result.output
    with FalkorDBStore(source) as a, FalkorDBStore(target) as b:
        assert snapshot(a) == snapshot(b)

    again = runner.invoke(app, ["import", "rdf", str(out), "--store", str(target)])
    assert again.exit_code == 1
    assert "already holds" in str(again.exception) or "already holds" in again.output


def test_rdf_cmds_export_to_stdout_in_a_chosen_format(stores: tuple[Path, Path]) -> None:
    source, _ = stores
    result = runner.invoke(app, ["export", "rdf", "--store", str(source), "--format", "nt"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("<")]
    assert lines and all(line.endswith(" .") for line in lines)


def test_rdf_cmds_export_refuses_an_unknown_suffix(stores: tuple[Path, Path], tmp_path: Path) -> None:
    source, _ = stores
    result = runner.invoke(app, ["export", "rdf", "--store", str(source), "-o", str(tmp_path / "graph.xyz")])
    assert result.exit_code != 0
    assert "--format" in str(result.exception)

"""Fixtures for the loader stages: the seeds read once, files written to a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from loader_corpus import SIMPLIFIED, seed_paths

from innograph.loaders.normalising import normalise
from innograph.loaders.reading import read_document
from innograph.model import NormalisedText, SourceText


@pytest.fixture(scope="session")
def seeds() -> dict[str, tuple[SourceText, NormalisedText]]:
    """Every seed read and normalised once, keyed by its number ("000".."004")."""
    out = {}
    for path in seed_paths():
        source = read_document(path)
        out[path.name[:3]] = (source, normalise(source))
    return out


@pytest.fixture
def write_file(tmp_path: Path):
    """Write ``data`` to a file named ``name`` in a fresh directory; returns its path."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture(scope="session")
def huge_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real 50 MB UTF-8 Chinese text file, written in 1 MB blocks."""
    path = tmp_path_factory.mktemp("huge") / "huge.txt"
    unit = SIMPLIFIED.encode("utf-8")
    block = unit * (1024 * 1024 // len(unit) + 1)
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(block)
    return path

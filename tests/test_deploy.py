"""docker-compose.yml validates (Debian's docker-compose checks a file without a Docker engine)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose is not installed")
def test_deploy_compose_file_validates() -> None:
    env = {**os.environ, "NEO4J_PASSWORD": "not-a-real-password"}
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "neo4j:5" in result.stdout and "INNOGRAPH_STORE: bolt://neo4j:7687" in result.stdout


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose is not installed")
def test_deploy_compose_file_demands_a_password() -> None:
    env = {key: value for key, value in os.environ.items() if key != "NEO4J_PASSWORD"}
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode != 0 and "NEO4J_PASSWORD" in result.stderr


def test_deploy_dockerfile_copies_what_the_package_needs() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for needed in ("pyproject.toml", "ontology.ttl", "shapes.ttl", "innograph"):
        assert needed in dockerfile, needed

"""Fixtures for the RDF tests: the seed documents as Batches (see rdf_batches.py)."""

from __future__ import annotations

import pytest
from rdf_batches import SEEDS, gold_batch, seeds_batch

from innograph.model import Batch


@pytest.fixture(scope="session")
def seeds() -> Batch:
    return seeds_batch()


@pytest.fixture(scope="session")
def seed_one() -> Batch:
    """One Simplified seed document: small enough for the SHACL tests that validate many times."""
    return gold_batch(SEEDS / "000_dce26737975903df.txt")


@pytest.fixture(scope="session")
def seed_traditional() -> Batch:
    """The Traditional-script seed document (Traditional aliases, PART_OF into a region)."""
    return gold_batch(SEEDS / "001_fe8180963b412aea.txt")

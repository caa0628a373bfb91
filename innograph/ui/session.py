"""What every page shares: the store (opened once per process), the ontology, the t2s converter.

Pages read through ``read`` only, which asks the engine to refuse writes; the Load page
is the one place that writes, through the loading function.
"""

from __future__ import annotations

from typing import Any

import opencc
import streamlit as st

from innograph.graph.store import Row, Store, default_location, open_store
from innograph.ontology import Ontology, load_ontology

READ_TIMEOUT_MS = 10_000


@st.cache_resource(show_spinner="Opening the store…")
def _open(location: str) -> Store:
    return open_store(location)


def location() -> str:
    """The store this explorer shows: INNOGRAPH_STORE (set by ``innograph ui --store``) or the default."""
    return default_location()


def store() -> Store:
    return _open(location())


def forget_store() -> None:
    """Drop the open store (e.g. after its engine was stopped) so the next run opens it afresh."""
    _open.clear()


def read(query: str, params: dict[str, Any] | None = None, *, row_limit: int | None = None) -> list[Row]:
    """Run parameterised Cypher read-only: the engine, not the explorer, refuses writes."""
    return store().run(query, params or {}, read_only=True, timeout_ms=READ_TIMEOUT_MS, row_limit=row_limit)


def ontology() -> Ontology:
    return load_ontology()


@st.cache_resource
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Analysts type Traditional or Simplified; names in the graph are Simplified."""
    return _t2s().convert(text)

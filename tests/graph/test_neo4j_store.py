"""What is particular to the Neo4j store: connection failures and credentials."""

from __future__ import annotations

import os
import socket

import pytest

from innograph.errors import StoreUnavailable
from innograph.graph.neo4j_store import Neo4jStore, split_credentials
from innograph.graph.store import open_store

SECRET = "s3cret-Pa55word"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_neo4j_store_split_credentials_keeps_them_out_of_the_location():
    expected = ("neo4j://db.example:7687/x", "alice", SECRET)
    assert split_credentials(f"neo4j://alice:{SECRET}@db.example:7687/x") == expected
    assert split_credentials("bolt://127.0.0.1:7687") == ("bolt://127.0.0.1:7687", None, None)


def test_neo4j_store_unreachable_server_is_store_unavailable_without_secrets():
    uri = f"bolt://alice:{SECRET}@127.0.0.1:{closed_port()}"
    with pytest.raises(StoreUnavailable, match="NEO4J_URI") as caught:
        open_store(uri)
    assert SECRET not in str(caught.value)
    assert "alice" not in str(caught.value)


def test_neo4j_store_wrong_password_says_which_setting(monkeypatch):
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: start a Bolt server (e.g. .ci/start_bolt_server.py) and export it")
    with pytest.raises(StoreUnavailable, match="NEO4J_PASSWORD") as caught:
        Neo4jStore(uri, password=SECRET)
    assert SECRET not in str(caught.value)


def test_neo4j_store_location_has_no_credentials(neo4j_store):
    assert "@" not in neo4j_store.location
    assert neo4j_store.dialect.name == "neo4j"

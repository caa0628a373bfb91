"""The Neo4j store: a Neo4j 5 server (or anything speaking Bolt) through the official driver.

Every write is one managed transaction (``execute_write``), so a batch lands whole or
not at all and the driver retries transient failures with backoff, boundedly. The
superseded version of a changed document is found and forgotten inside that same
transaction. Read-only runs are ``execute_read`` in a READ-mode session, so the
server refuses writes. Credentials come from NEO4J_USER / NEO4J_PASSWORD (or the
URI's user info) and never appear in ``location`` or in messages.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import (
    AuthError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from innograph.errors import QueryError, StoreError, StoreUnavailable
from innograph.graph.schema import NEO4J_FULLTEXT_QUERY, neo4j_statements, schema_specs
from innograph.graph.store import Dialect, Row, WriteStats, one_line, shorten_query
from innograph.graph.values import from_neo4j
from innograph.graph.writer import (
    REPLACED_DOCUMENTS,
    Statement,
    forget_statements,
    replaced_documents_params,
    tally,
    write_statements,
)
from innograph.model import Batch
from innograph.ontology import Ontology, load_ontology

MAX_RETRY_TIME_S = 15.0  # the driver's bounded retry (exponential backoff) of transient failures
CLEAR_CHUNK = 10_000
T = TypeVar("T")




def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """The URI without user info, and the user and password it carried (if any)."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, password = userinfo.partition(":")
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment)), user or None, password or None


# The driver logs each retry and dead connection as a warning; with no handler configured
# Python would print them to stderr between innograph's own one-line errors. Applications
# that configure logging still receive them through propagation.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

# Failures of the server or of the connection's state, not of the query text: a server
# shutting down or restarting answers with these while the query itself is fine.
_SERVER_SIDE_CODES = ("Neo.DatabaseError.", "Neo.TransientError.", "Neo.ClientError.Request.")


class Neo4jStore:
    """The graph in a Neo4j 5 database reached at a bolt:// or neo4j:// URI."""

    def __init__(self, uri: str, *, user: str | None = None, password: str | None = None,
                 database: str | None = None, ontology: Ontology | None = None) -> None:
        clean, uri_user, uri_password = split_credentials(uri)
        self.location = clean
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        auth_user = user or uri_user or os.environ.get("NEO4J_USER", "neo4j")
        auth_password = password or uri_password or os.environ.get("NEO4J_PASSWORD", "")
        self._ontology = ontology or load_ontology()
        self._connected = False  # once true, a refusal means the server changed, not the settings
        try:
            self._driver = GraphDatabase.driver(
                clean, auth=(auth_user, auth_password), max_transaction_retry_time=MAX_RETRY_TIME_S,
                connection_timeout=10,
            )
            self._driver.verify_connectivity()
        except (ValueError, DriverError, Neo4jError, OSError) as exc:
            raise self._unavailable("connecting", exc) from exc
        self.dialect = Dialect(
            name="neo4j",
            shortest_path_in_match=True,
            relationship_uniqueness=True,
            fulltext=self._ensure_schema(),
        )
        self._connected = True

    # ------------------------------------------------------------------ errors

    def _unavailable(self, doing: str, exc: BaseException) -> StoreError:
        if isinstance(exc, AuthError) and self._connected:
            return StoreUnavailable(
                f"Neo4j at {self.location} stopped accepting this session while {doing} (it may be restarting); "
                "run the same command again once the server is back: what was stored is kept"
            )
        if isinstance(exc, AuthError):
            return StoreUnavailable(
                f"Neo4j at {self.location} refused the credentials while {doing}; "
                "set NEO4J_USER and NEO4J_PASSWORD to a user of that server"
            )
        return StoreUnavailable(
            f"cannot reach Neo4j at {self.location} while {doing}: {type(exc).__name__}: {one_line(exc)}; "
            "check that the server runs and NEO4J_URI (and NEO4J_DATABASE) name it"
        )

    def _query_error(self, query: str, exc: BaseException) -> StoreError:
        if isinstance(exc, (ServiceUnavailable, SessionExpired, AuthError)):
            return self._unavailable(f"running {shorten_query(query)!r}", exc)
        code = getattr(exc, "code", None) or type(exc).__name__
        message = " ".join(str(getattr(exc, "message", None) or exc).split())
        if str(code).startswith(_SERVER_SIDE_CODES) and "AccessMode" not in str(code):
            return StoreUnavailable(
                f"Neo4j at {self.location} failed while running {shorten_query(query)!r}: {code}: {message}; "
                "the server may be stopping or restarting: check it and run the same command again"
            )
        if "AccessMode" in str(code) or "read access mode" in str(message).lower():
            hint = "it writes, but was run read-only: only read queries are allowed here"
        elif "TransactionTimedOut" in str(code) or "timed out" in str(message).lower():
            hint = "it ran past its time limit: narrow it or allow more time"
        else:
            hint = "fix the query"
        return QueryError(f"Neo4j refused the query {shorten_query(query)!r}: {code}: {message} ({hint})")

    def _session_call(self, what: str, read_only: bool, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self._driver.session(database=self.database,
                                      default_access_mode=READ_ACCESS if read_only else WRITE_ACCESS) as session:
                if read_only:
                    return session.execute_read(work)
                return session.execute_write(work)
        except (ServiceUnavailable, SessionExpired, AuthError) as exc:
            raise self._unavailable(f"running {shorten_query(what)!r}", exc) from exc
        except (Neo4jError, DriverError) as exc:
            raise self._query_error(what, exc) from exc
        except (TypeError, ValueError) as exc:  # the driver cannot pack a parameter value
            raise QueryError(f"bad parameters for {shorten_query(what)!r}: {one_line(exc)}") from exc

    # ------------------------------------------------------------------ schema

    def _ensure_schema(self) -> bool:
        """Create constraints and indexes (idempotent DDL); True if a full-text index is available."""
        for spec in schema_specs(self._ontology):
            ddl = neo4j_statements(spec)
            try:
                self._session_call(ddl, False, lambda tx, q=ddl: tx.run(q).consume())
            except QueryError as exc:
                if spec.unique and "already exists" not in str(exc).lower():
                    raise
                # A plain index only speeds queries up; a server without it (ArcadeDB for
                # relationship indexes) still answers every query correctly.
        try:
            self._session_call(NEO4J_FULLTEXT_QUERY, False, lambda tx: tx.run(NEO4J_FULLTEXT_QUERY).consume())
        except QueryError:
            return False
        return True

    # ------------------------------------------------------------------ contract

    def run(self, query: str, params: dict[str, Any] | None = None, *, read_only: bool = False,
            timeout_ms: int | None = None, row_limit: int | None = None) -> list[Row]:
        if timeout_ms is not None and (not isinstance(timeout_ms, int) or timeout_ms <= 0):
            raise QueryError(f"timeout_ms must be a positive integer, not {timeout_ms!r}")
        values = dict(params or {})

        @unit_of_work(timeout=None if timeout_ms is None else timeout_ms / 1000)
        def work(tx: ManagedTransaction) -> list[Row]:
            result = tx.run(query, values)
            keys = list(result.keys())
            rows: list[Row] = []
            for record in result:
                if row_limit is not None and len(rows) >= row_limit:
                    break
                rows.append({key: from_neo4j(record[key]) for key in keys})
            counters = result.consume().counters
            if read_only and (counters.contains_updates or counters.contains_system_updates):
                # Servers enforce READ mode; this is the backstop for Bolt servers that do not
                # (ArcadeDB): raising here rolls the transaction back.
                raise QueryError(f"the query {shorten_query(query)!r} writes, but was run read-only: "
                                 "only read queries are allowed here (nothing was changed)")
            return rows

        return self._session_call(query, read_only, work)

    def _transaction(self, statements: list[Statement], batch: Batch | None = None) -> WriteStats:
        def work(tx: ManagedTransaction) -> WriteStats:
            stats = WriteStats()  # fresh per attempt: the driver may retry this function
            todo = list(statements)
            if batch is not None and batch.documents:
                replaced = [record["id"] for record in tx.run(REPLACED_DOCUMENTS, replaced_documents_params(batch))]
                for doc_id in replaced:  # after the new version is written, so shared facts survive
                    todo.extend(forget_statements(doc_id))
                if replaced:
                    stats.extra["documents_replaced"] = len(replaced)
            for statement in todo:
                counters = tx.run(statement.query, statement.params).consume().counters
                tally(stats, statement.kind, {
                    "nodes_created": counters.nodes_created,
                    "nodes_deleted": counters.nodes_deleted,
                    "relationships_created": counters.relationships_created,
                    "relationships_deleted": counters.relationships_deleted,
                    "properties_set": counters.properties_set,
                })
            return stats

        what = statements[0].query if statements else REPLACED_DOCUMENTS
        return self._session_call(what, False, work)

    def write(self, batch: Batch) -> WriteStats:
        return self._transaction(write_statements(batch, self._ontology), batch)

    def forget(self, doc_id: str) -> WriteStats:
        return self._transaction(forget_statements(doc_id))

    def clear(self) -> None:
        """Delete every node and relationship, in chunks (the schema stays)."""
        query = f"MATCH (n) WITH n LIMIT {CLEAR_CHUNK} DETACH DELETE n RETURN count(n) AS n"
        while self._session_call(query, False, lambda tx: tx.run(query).single()["n"]):
            pass

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore({self.location!r})"


__all__ = ["Neo4jStore", "split_credentials"]

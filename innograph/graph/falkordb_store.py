"""The embedded store: a graph in the FalkorDB engine that serves a data directory.

A write is one Redis MULTI/EXEC of GRAPH.QUERY calls, so every document of a batch
lands whole or not at all: a client that dies before EXEC leaves nothing behind, and
an engine killed mid-EXEC drops the half-written block when it replays its AOF. The
superseded version of a changed document is forgotten inside the same transaction.
Read-only runs go through GRAPH.RO_QUERY, so the engine itself refuses writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import redis
from falkordb import FalkorDB, QueryResult
from falkordb.helpers import stringify_param_value

from innograph.errors import QueryError, StoreError, StoreUnavailable
from innograph.graph.falkordb_engine import ensure_engine, no_retry, stop_engine
from innograph.graph.schema import FALKORDB_FULLTEXT_QUERY, falkordb_index_query, schema_specs
from innograph.graph.store import Dialect, Row, WriteStats, one_line, shorten_query
from innograph.graph.values import from_falkordb
from innograph.graph.writer import (
    KNOWN_DOCUMENTS,
    REPLACED_DOCUMENTS,
    Statement,
    forget_statements,
    replaced_documents_params,
    tally,
    undo_statements,
    write_statements,
)
from innograph.model import Batch
from innograph.ontology import Ontology, load_ontology

FALKORDB_DIALECT = Dialect(
    name="falkordb",
    shortest_path_in_match=False,  # shortestPath only in WITH/RETURN; algo.SPpaths for weighted/all
    relationship_uniqueness=True,  # measured: a variable-length pattern never reuses a relationship
    fulltext=True,  # db.idx.fulltext over Actor.name with the Chinese analyser
)

_STAT = re.compile(r"^([A-Za-z ]+): ([0-9.]+)")
_STAT_KEYS = {
    "Nodes created": "nodes_created",
    "Nodes deleted": "nodes_deleted",
    "Relationships created": "relationships_created",
    "Relationships deleted": "relationships_deleted",
    "Properties set": "properties_set",
}
T = TypeVar("T")
CLIENT_GRACE_S = 1.0  # on top of a run's time limit: queueing in the engine and the reply's transfer




def _literal(value: Any) -> str:
    """A parameter value as FalkorDB reads it in the CYPHER header (the client's own version is ~10x slower)."""
    kind = type(value)
    if kind is str:
        if "\x00" in value:
            raise QueryError(f"a parameter holds a NUL character ({shorten_query(value)!r}), which FalkorDB's "
                             "parameter channel cannot carry; remove it from the input")
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind is int or kind is float:
        return repr(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is dict:
        parts = []
        for key, item in value.items():
            name = str(key)
            if not name or "`" in name:
                raise QueryError(f"map key {name!r} cannot be sent to FalkorDB; rename it")
            parts.append(f"`{name}`:{_literal(item)}")
        return "{" + ",".join(parts) + "}"
    if kind is list or kind is tuple:
        return "[" + ",".join([_literal(item) for item in value]) + "]"
    try:
        return str(stringify_param_value(value))
    except (TypeError, ValueError) as exc:
        raise QueryError(f"a parameter of type {kind.__name__} cannot be sent to FalkorDB: {exc}") from exc


def _list_literal(value: list[Any] | tuple[Any, ...]) -> str:
    r"""A list (the rows of a write) in one C call where JSON and FalkorDB's literals agree.

    They agree on lists, strings, numbers, true/false/null and the escapes \\ \" \n \r \t \b \f;
    not on maps (JSON quotes keys) or \uXXXX (JSON's escape for other control characters),
    so a list holding either is written the slow way. Measured: 3.6x faster on evidence rows.
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return _literal(value)
    if '{"' in text or "\\u" in text:
        return _literal(value)
    return text


def _params_header(params: dict[str, Any]) -> str:
    """FalkorDB's parameter channel: a CYPHER k=v prefix the engine parses as values, never as query."""
    if not params:
        return ""
    parts = []
    for key, value in params.items():
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", str(key)):
            raise QueryError(f"parameter name {key!r} is not a plain identifier; rename it")
        literal = _list_literal(value) if type(value) is list else _literal(value)
        parts.append(f"{key}={literal}")
    return "CYPHER " + " ".join(parts) + " "


def _counters(raw_stats: list[Any]) -> dict[str, int]:
    counters: dict[str, int] = {}
    for line in raw_stats:
        text = line.decode() if isinstance(line, bytes) else str(line)
        match = _STAT.match(text)
        if match and match.group(1) in _STAT_KEYS:
            counters[_STAT_KEYS[match.group(1)]] = int(float(match.group(2)))
    return counters


class FalkorDBStore:
    """A graph in the embedded engine serving ``directory`` (started on first use, shared by processes)."""

    dialect: Dialect = FALKORDB_DIALECT

    def __init__(self, directory: str | os.PathLike[str], graph: str = "innograph",
                 ontology: Ontology | None = None) -> None:
        self.directory = str(directory)
        self.location = self.directory
        self.graph_name = graph
        self._ontology = ontology or load_ontology()
        self._connect()
        self._ensure_schema()

    # ------------------------------------------------------------------ connection

    def _connect(self) -> None:
        engine = ensure_engine(self.directory)
        self.socket = engine.socket
        self._db = FalkorDB(unix_socket_path=engine.socket, retry=no_retry())
        self._graph = self._db.select_graph(self.graph_name)

    def _call(self, what: str, action: Callable[[], T]) -> T:
        """Run an engine call; reconnect once (restarting the engine) if the connection is gone."""
        try:
            return action()
        except (redis.ConnectionError, redis.TimeoutError):
            pass
        except redis.ResponseError as exc:
            raise self._query_error(what, exc) from exc
        except UnicodeEncodeError as exc:  # a lone surrogate: nothing stored can equal it
            raise QueryError(
                f"cannot send {shorten_query(what)!r}: a parameter holds {exc.object[exc.start:exc.end]!r}, "
                "which is not a character (a lone surrogate); remove it from the input"
            ) from None
        try:
            self._connect()
            return action()
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            raise StoreUnavailable(
                f"lost the embedded engine for {self.directory} while running {shorten_query(what)}: {one_line(exc)}; "
                "check the store directory's engine.log, then retry"
            ) from exc
        except redis.ResponseError as exc:
            raise self._query_error(what, exc) from exc

    def _query_error(self, query: str, exc: Exception) -> QueryError:
        message = " ".join(str(exc).split())
        if "timed out" in message.lower():
            hint = "it ran past its time limit: narrow it (LIMIT, a label, an indexed property) or allow more time"
        elif "constraint" in message.lower():
            hint = "it conflicts with a unique id already in the graph (a write is taken back whole)"
        elif "RO_QUERY" in message:
            hint = "it writes, but was run read-only: only read queries are allowed here"
        else:
            hint = "fix the query"
        return QueryError(f"FalkorDB refused the query {shorten_query(query)!r}: {message} ({hint})")

    # ------------------------------------------------------------------ schema

    def _ensure_schema(self) -> None:
        """Create missing indexes and uniqueness constraints (FalkorDB has no IF NOT EXISTS)."""
        existing = self._existing_indexes()
        specs = schema_specs(self._ontology)
        for spec in specs:
            key = ("RELATIONSHIP" if spec.relationship else "NODE", spec.label, spec.prop)
            if key not in existing:
                self._create_index(falkordb_index_query(spec))
        if ("NODE", "Actor", "name", "FULLTEXT") not in existing:
            self._create_index(FALKORDB_FULLTEXT_QUERY)
        constraints = self._existing_constraints()
        for spec in specs:
            if spec.unique and (spec.label, spec.prop) not in constraints:
                command = ["GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", spec.label,
                           "PROPERTIES", 1, spec.prop]
                try:
                    self._db.connection.execute_command(*command)
                except redis.ResponseError as exc:
                    if "already exists" not in str(exc):
                        raise StoreError(
                            f"cannot create the unique constraint on {spec.label}.{spec.prop} in graph "
                            f"{self.graph_name!r} of {self.directory}: {exc} (duplicate ids in the data?)"
                        ) from exc
                except redis.ConnectionError as exc:
                    raise StoreUnavailable(f"lost the embedded engine for {self.directory}: {exc}") from exc

    def _create_index(self, query: str) -> None:
        try:
            self._call(query, lambda: self._graph.query(query))
        except QueryError as exc:
            if "already indexed" not in str(exc):  # another process created it a moment ago
                raise

    def _existing_indexes(self) -> set[tuple[str, ...]]:
        query = "CALL db.indexes() YIELD label, types, entitytype RETURN label, types, entitytype"
        try:
            result = self._graph.ro_query(query)
        except redis.ResponseError:
            return set()  # the graph does not exist yet
        except redis.ConnectionError as exc:
            raise StoreUnavailable(f"lost the embedded engine for {self.directory}: {exc}") from exc
        found: set[tuple[str, ...]] = set()
        for label, types, entity in result.result_set:
            for prop, kinds in dict(types).items():
                found.add((entity, label, prop))
                for kind in kinds:
                    found.add((entity, label, prop, kind))
        return found

    def _existing_constraints(self) -> set[tuple[str, str]]:
        query = "CALL db.constraints() YIELD type, label, properties RETURN type, label, properties"
        result = self._call(query, lambda: self._graph.ro_query(query))
        return {(label, props[0]) for kind, label, props in result.result_set if kind == "UNIQUE" and len(props) == 1}

    # ------------------------------------------------------------------ contract

    def run(self, query: str, params: dict[str, Any] | None = None, *, read_only: bool = False,
            timeout_ms: int | None = None, row_limit: int | None = None) -> list[Row]:
        if timeout_ms is not None and (not isinstance(timeout_ms, int) or timeout_ms <= 0):
            raise QueryError(f"timeout_ms must be a positive integer, not {timeout_ms!r}")
        values = dict(params or {})
        for key in values:
            if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", str(key)):
                raise QueryError(f"parameter name {key!r} of {shorten_query(query)!r} is not a plain identifier")
        try:
            header = _params_header(values)
        except QueryError as exc:
            raise QueryError(f"cannot send {shorten_query(query)!r}: {exc}") from None
        command: list[Any] = ["GRAPH.RO_QUERY" if read_only else "GRAPH.QUERY", self.graph_name,
                              header + query, "--compact"]
        if timeout_ms is not None:
            command += ["timeout", timeout_ms]
        result = self._call(query, lambda: QueryResult(self._graph, self._execute(command, query, timeout_ms)))
        names = [column[1] for column in result.header]
        rows = result.result_set if row_limit is None else result.result_set[: max(row_limit, 0)]
        return [{name: from_falkordb(value) for name, value in zip(names, row, strict=False)} for row in rows]

    def _execute(self, command: list[Any], query: str, timeout_ms: int | None) -> Any:
        """Send one command and wait for its reply, at most ``timeout_ms`` plus a grace when one is given.

        The engine applies ``timeout`` only to read plans: procedures such as algo.SPpaths and
        writes run to the end (measured: an SPpaths call with a 10 s timeout ran 5 minutes on a
        100k-actor graph, a MERGE with 200 ms ran 36 s), and the client would wait for them. So
        the client stops waiting itself and drops the connection, whose late reply must never be
        read as the answer to the next command. The engine still finishes that work in the
        background: the limit frees the caller, not the engine's thread.
        """
        if timeout_ms is None:
            return self._db.connection.execute_command(*command)
        pool = self._db.connection.connection_pool
        connection = pool.get_connection()
        try:
            connection.send_command(*command)
            return connection.read_response(timeout=timeout_ms / 1000 + CLIENT_GRACE_S)
        except redis.TimeoutError:
            connection.disconnect()
            raise QueryError(
                f"FalkorDB timed out: no answer to {shorten_query(query)!r} within its time limit of {timeout_ms} ms "
                "(this plan is not stopped by the engine's own limit, so it may go on in the background): "
                "narrow it (LIMIT, a label, an indexed property, fewer steps) or allow more time"
            ) from None
        finally:
            pool.release(connection)

    def _transaction(self, statements: list[Statement], check: bool = True) -> WriteStats:
        """Run statements as one MULTI/EXEC; returns their summed counters (raises on a refused one if check)."""
        stats = WriteStats()
        if not statements:
            return stats

        def execute() -> list[Any]:
            pipe = self._db.connection.pipeline(transaction=True)
            for statement in statements:
                pipe.execute_command("GRAPH.QUERY", self.graph_name,
                                     _params_header(statement.params) + statement.query)
            return pipe.execute(raise_on_error=False)

        replies = self._call(statements[0].query, execute)
        for statement, reply in zip(statements, replies, strict=True):
            if isinstance(reply, Exception):
                if check:
                    raise self._query_error(statement.query, reply) from reply
                continue
            tally(stats, statement.kind, _counters(reply[-1]))
        return stats

    def write(self, batch: Batch) -> WriteStats:
        replaced: list[str] = []
        known: set[str] = set()
        if batch.documents:
            params = replaced_documents_params(batch)
            replaced = [row["id"] for row in self.run(REPLACED_DOCUMENTS, params, read_only=True)]
            known = {row["id"] for row in self.run(KNOWN_DOCUMENTS, {"ids": params["ids"]}, read_only=True)}
        # One MULTI/EXEC runs the whole write, so a token marks the documents it creates.
        statements = write_statements(batch, self._ontology, token=uuid.uuid4().hex, stored_docs=known)
        for doc_id in replaced:  # after the new version is written, so shared facts survive
            statements.extend(forget_statements(doc_id))
        try:
            stats = self._transaction(statements)
        except QueryError:
            # MULTI/EXEC has no rollback: a statement refused at run time leaves the ones
            # before it applied, so take the batch's new documents back out.
            self._transaction(undo_statements(batch, known), check=False)
            raise
        if replaced:
            stats.extra["documents_replaced"] = len(replaced)
        return stats

    def forget(self, doc_id: str) -> WriteStats:
        return self._transaction(forget_statements(doc_id))

    def clear(self) -> None:
        """Delete the graph and its indexes, then recreate the schema."""
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no such graph yet
        except redis.ConnectionError as exc:
            raise StoreUnavailable(f"lost the embedded engine for {self.directory}: {exc}") from exc
        self._ensure_schema()

    def drop(self) -> None:
        """Delete this graph entirely (tests use throwaway graph names)."""
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no such graph
        except redis.ConnectionError as exc:
            raise StoreUnavailable(f"lost the embedded engine for {self.directory}: {one_line(exc)}") from exc

    def stop(self) -> bool:
        """Stop the engine for this directory (every process using it loses it)."""
        self.close()
        return stop_engine(self.directory)

    def close(self) -> None:
        with contextlib.suppress(redis.RedisError, AttributeError):
            self._db.connection.close()

    def __enter__(self) -> FalkorDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FalkorDBStore({self.directory!r}, graph={self.graph_name!r})"

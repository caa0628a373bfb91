"""Clocks, percentiles, memory sampling and a description of the machine the figures came from."""

from __future__ import annotations

import contextlib
import math
import os
import platform
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[rank]


def machine() -> dict[str, Any]:
    """What a reader needs to compare figures: cores, memory, CPU model, Python."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    return {
        "nproc": os.cpu_count() or 1,
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": model or platform.machine(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


class PeakRss:
    """Samples the resident memory of this process tree and of another process (the store's engine).

    The engine is a detached process, not a child, so it is followed by the pid its
    data directory records; ``engine_pid`` is asked again at each sample because the
    engine may start after sampling does.
    """

    def __init__(self, engine_pid: Callable[[], int | None] = lambda: None, interval_s: float = 0.05) -> None:
        self._engine_pid = engine_pid
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.loader_peak = 0
        self.store_peak = 0
        self._store_cpu: dict[int, tuple[float, float]] = {}  # pid -> (cpu at first sight, cpu at last sight)
        self._cpu_start = 0.0
        self.loader_cpu_s = 0.0

    def _sample(self) -> None:
        self.loader_peak = max(self.loader_peak, _tree_rss(psutil.Process()))
        pid = self._engine_pid()
        if pid:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                engine = psutil.Process(pid)
                self.store_peak = max(self.store_peak, engine.memory_info().rss)
                times = engine.cpu_times()
                used = times.user + times.system
                first = self._store_cpu.get(pid, (used, used))[0]
                self._store_cpu[pid] = (first, used)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakRss:
        self._cpu_start = _own_cpu()
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.loader_cpu_s = _own_cpu() - self._cpu_start

    def figures(self) -> dict[str, float]:
        """Peak memory, and CPU seconds used (which, unlike wall time, a busy machine does not inflate)."""
        store_cpu = sum(last - first for first, last in self._store_cpu.values())
        return {"loader_peak_rss_mb": round(self.loader_peak / 2**20, 1),
                "store_peak_rss_mb": round(self.store_peak / 2**20, 1),
                "loader_cpu_s": round(self.loader_cpu_s, 2),
                "store_cpu_s": round(store_cpu, 2)}


def _own_cpu() -> float:
    """CPU seconds of this process and of its finished, waited-for children (pool workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def load_average() -> float:
    """The 1-minute load average: figures taken while it exceeds the core count are contended."""
    return round(os.getloadavg()[0], 2)


def engine_pid_of(directory: Path) -> Callable[[], int | None]:
    """A reader of the embedded engine's pid for a store directory (None until it has started)."""
    from innograph.graph.falkordb_engine import PID_NAME

    def read() -> int | None:
        try:
            return int((directory / PID_NAME).read_text().strip())
        except (OSError, ValueError):
            return None

    return read


class Clock:
    """Wall time of a block: ``with Clock() as clock: ...; clock.seconds``."""

    def __enter__(self) -> Clock:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start

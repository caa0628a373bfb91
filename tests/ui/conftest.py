"""A small hand-built innovation graph in a real embedded store, for the explorer's page tests."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie

DOC_TEXT = (
    "苏州实验室落户苏州工业园区。园区企业博世在苏州工业园区建成智改数转赋能中心。"
    "蘇州工業園區聚焦生物医药产业。复旦大学与苏州工业园区共建复旦苏州研究院。"
    "人才一号母基金投资博世,规模超100亿元。"
)


def _sentence(fragment: str) -> tuple[str, int, int]:
    start = DOC_TEXT.index(fragment)
    return fragment, start, start + len(fragment)


def build_batch() -> Batch:
    """Six actors, five ties, mention and tie evidence, one quantity, one document."""
    doc_id = hashlib.sha256(DOC_TEXT.encode("utf-8")).hexdigest()
    batch = Batch(documents=[Document(doc_id, "docs/suzhou.txt", "苏州工业园区科技创新", "2023-09-24",
                                      "utf-8", "text/plain", len(DOC_TEXT))])
    sentences = {
        "hosts_lab": "苏州实验室落户苏州工业园区。",
        "hosts_bosch": "园区企业博世在苏州工业园区建成智改数转赋能中心。",
        "focus": "蘇州工業園區聚焦生物医药产业。",
        "cobuild": "复旦大学与苏州工业园区共建复旦苏州研究院。",
        "funds": "人才一号母基金投资博世,规模超100亿元。",
    }

    def ev(key: str, rule: str) -> Evidence:
        sentence, start, end = _sentence(sentences[key])
        return Evidence(doc_id, sentence, start, end, rule, 0.9)

    actors = [
        ("Park", "苏州工业园区", {"园区", "蘇州工業園區"}, "hosts_lab"),
        ("Lab", "苏州实验室", set(), "hosts_lab"),
        ("Enterprise", "博世", set(), "hosts_bosch"),
        ("Industry", "生物医药", set(), "focus"),
        ("University", "复旦大学", set(), "cobuild"),
        ("Lab", "复旦苏州研究院", set(), "cobuild"),
        ("Fund", "人才一号母基金", set(), "funds"),
    ]
    ids = {}
    for type_name, name, aliases, key in actors:
        actor = Actor(type_name, name, set(aliases))
        actor.mentions.append(Mention(actor.id, name, ev(key, "actor.test")))
        ids[name] = batch.add_actor(actor).id
    ties = [
        ("苏州工业园区", "HOSTS", "苏州实验室", "hosts_lab"),
        ("苏州工业园区", "HOSTS", "博世", "hosts_bosch"),
        ("苏州工业园区", "FOCUSES_ON", "生物医药", "focus"),
        ("复旦大学", "CO_BUILDS", "复旦苏州研究院", "cobuild"),
        ("苏州工业园区", "CO_BUILDS", "复旦苏州研究院", "cobuild"),
        ("人才一号母基金", "FUNDS", "博世", "funds"),
    ]
    for subject, predicate, obj, key in ties:
        batch.add_tie(Tie(ids[subject], predicate, ids[obj], [ev(key, f"tie.{predicate.lower()}.test")]))
    amount = Quantity(ids["人才一号母基金"], 1e10, "元", "超", "超100亿元", ev("funds", "quantity.test"))
    batch.quantities.append(amount)
    return batch


@pytest.fixture(scope="module")
def ui_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The location of an embedded store holding the hand-built graph; its engine stops afterwards."""
    from innograph.graph.falkordb_engine import stop_engine
    from innograph.graph.store import open_store

    location = str(tmp_path_factory.mktemp("ui-store"))
    with open_store(location) as store:
        store.write(build_batch())
    yield location
    stop_engine(location)


@pytest.fixture
def ui_env(ui_store: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """The explorer pointed at the hand-built store, with uploads kept under the test's own folder."""
    monkeypatch.setenv("INNOGRAPH_STORE", ui_store)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return ui_store


@pytest.fixture
def page(ui_env: str) -> Callable[[str], AppTest]:
    """Makes an AppTest running one explorer page on its own, as its navigation entry would, on the store."""

    def make(module: str) -> AppTest:
        return AppTest.from_string(f"from innograph.ui import {module}\n{module}.render()\n", default_timeout=60)

    return make


@pytest.fixture(scope="session")
def ui_batch_factory() -> Callable[[], Batch]:
    return build_batch


@pytest.fixture
def ui_batch() -> Batch:
    """The batch the store was built from, for tests to compare pages against."""
    return build_batch()


@pytest.fixture
def drawn() -> Callable[[AppTest], str]:
    """The HTML of the last graph a page drew, with vis-network's JSON-escaped labels decoded."""

    def html_of(at: AppTest) -> str:
        frames = at.get("iframe")
        assert frames, "no graph drawn"
        return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), frames[-1].proto.srcdoc)

    return html_of


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def innograph_command() -> list[str]:
    """``innograph`` as installed beside this Python, else the same entry point run from the source tree."""
    script = Path(sys.executable).with_name("innograph")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from innograph.cli import main; main()"]


@contextlib.contextmanager
def running_ui(location: str, log: Path) -> Iterator[str]:
    """``innograph ui`` on a free port on the store at ``location``; yields its URL once it answers."""
    port = free_port()
    env = {**os.environ, "INNOGRAPH_STORE": location, "XDG_DATA_HOME": str(log.parent / "data")}
    with log.open("wb") as out:
        process = subprocess.Popen([*innograph_command(), "ui", "--port", str(port)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[2])
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"innograph ui did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.2)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def serve_ui() -> Callable[[str, Path], contextlib.AbstractContextManager[str]]:
    """Starts ``innograph ui`` on a store location, logging to a file; use as a context manager."""
    return running_ui

"""The explorer in a real browser (Debian's chromium via Playwright) on the seed documents.

Screenshots go to test-output/ui/ at the repository root, to look at after a run.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed: apt-get install chromium"),
]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from innograph.graph.falkordb_engine import stop_engine
    from innograph.graph.store import open_store
    from innograph.loading import load_paths

    location = str(tmp_path_factory.mktemp("seeds-store"))
    with open_store(location) as store:
        report = load_paths(store, [SEEDS])
        assert report.ok, report.failed
    yield location
    stop_engine(location)


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    folder = request.config.rootpath / "test-output" / "ui"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser_page(tmp_path: Path):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1400}, locale="zh-CN")
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def _wait_idle(page) -> None:
    """Until streamlit has finished the current run (its status widget says nothing is running)."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def _graph_frame(page, timeout_s: float = 90.0):
    """The frame holding a drawn pyvis network, once vis-network has laid it out and drawn it."""
    page.wait_for_selector("iframe")
    seen: list = []
    deadline = time.monotonic() + timeout_s  # generous: CI machines are slow and shared
    while time.monotonic() < deadline:
        seen = []
        for frame in page.frames:
            if frame == page.main_frame or frame.is_detached():
                continue
            try:
                state = frame.evaluate(
                    "() => [!!document.querySelector('#mynetwork canvas'), "
                    "document.body ? document.body.dataset.drawn || '' : '', "
                    "typeof network === 'undefined' ? 'no network' : "
                    "[network.physics.ready, network.physics.stabilizationIterations, document.visibilityState]]")
            except Exception as exc:  # a frame being replaced by a rerun
                seen.append(str(exc)[:60])
                continue
            seen.append(state)
            if state[0] and state[1]:
                return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no drawn network found in any frame: {seen}")


def test_explorer_in_browser_search_network_and_query(seeds_store: str, serve_ui, browser_page, shots: Path,
                                                      tmp_path: Path) -> None:
    from innograph.graph.store import open_store

    with open_store(seeds_store) as store:
        hosted = [r["name"] for r in store.run(
            "MATCH (:Actor {name: $n})-[:HOSTS]->(x:Actor) RETURN x.name AS name ORDER BY name",
            {"n": "苏州工业园区"}, read_only=True)]
    assert hosted, "the seeds should say what 苏州工业园区 hosts"
    page = browser_page
    try:
        _walk_through(page, seeds_store, serve_ui, hosted, shots, tmp_path)
    except Exception:
        page.screenshot(path=str(shots / "failure.png"), full_page=True)
        raise


def _walk_through(page, seeds_store: str, serve_ui, hosted: list[str], shots: Path, tmp_path: Path) -> None:
    """Overview, search an actor, its network, a canned query: as an analyst would, with screenshots."""
    with serve_ui(seeds_store, tmp_path / "ui.log") as url:
        page.goto(url)
        page.get_by_text("Actors by type").first.wait_for()
        page.get_by_text("Documents loaded").first.wait_for()
        _wait_idle(page)
        page.screenshot(path=str(shots / "overview.png"), full_page=True)

        page.goto(f"{url}/actor")
        search = page.get_by_label("Search an actor (Simplified, Traditional, alias or fragment)")
        search.fill("苏州工业园区")
        search.press("Enter")
        page.get_by_text("HOSTS", exact=False).first.wait_for()
        for name in hosted[:3]:  # the hosted actors, each under the HOSTS heading with its evidence
            page.locator("strong", has_text=name).first.wait_for()
        page.locator("div.evidence mark").first.wait_for()  # an evidence sentence with a highlighted name
        _wait_idle(page)
        page.screenshot(path=str(shots / "actor.png"), full_page=True)

        page.goto(f"{url}/network?actor=苏州工业园区")
        frame = _graph_frame(page)
        canvas = frame.query_selector("#mynetwork canvas")
        box = canvas.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
        drawn = frame.evaluate("() => Object.keys(network.body.nodes).length")
        assert drawn >= len(hosted) + 1
        page.screenshot(path=str(shots / "network.png"), full_page=True)

        page.goto(f"{url}/queries?query=place_hosts")
        page.get_by_text("Everything a park or region hosts", exact=False).first.wait_for()
        _wait_idle(page)
        page.get_by_role("textbox", name="place *").fill("蘇州工業園區")  # Traditional input, converted by the query
        page.get_by_role("button", name="Run").click()
        page.wait_for_selector("[data-testid='stDataFrame']")
        page.get_by_text("row(s)", exact=False).first.wait_for()
        _wait_idle(page)
        page.screenshot(path=str(shots / "queries.png"), full_page=True)

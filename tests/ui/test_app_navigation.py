"""The explorer's entry script builds the navigation and opens on the Overview of the store."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

import innograph.ui

APP = Path(innograph.ui.__file__).with_name("app.py")


def test_app_opens_on_the_overview_with_every_page(ui_env: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Overview 总览"
    assert ui_env in at.sidebar.caption[0].value


def test_app_shows_store_errors_as_a_message(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INNOGRAPH_STORE", "bolt://127.0.0.1:1")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert at.error and "127.0.0.1:1" in at.error[0].value

"""``innograph ui`` serves the explorer headless on loopback, on the store it is given."""

from __future__ import annotations

import socket
import urllib.parse
import urllib.request
from pathlib import Path

from innograph.cli.ui_cmds import streamlit_command


def test_ui_cmds_command_is_headless_private_and_quiet() -> None:
    command = streamlit_command("127.0.0.1", 8600)
    options = dict(zip(command[5::2], command[6::2], strict=True))
    assert options["--server.address"] == "127.0.0.1"
    assert options["--server.port"] == "8600"
    assert options["--server.headless"] == "true"
    assert options["--browser.gatherUsageStats"] == "false"
    assert Path(command[4]).name == "app.py" and Path(command[4]).exists()


def test_ui_cmds_serves_on_loopback_only(ui_store: str, serve_ui, tmp_path: Path) -> None:
    with serve_ui(ui_store, tmp_path / "ui.log") as url:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert b"<html" in response.read().lower()
        port = urllib.parse.urlparse(url).port
        addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
        for address in addresses - {"127.0.0.1", "127.0.1.1"}:
            with socket.socket() as probe:
                probe.settimeout(1)
                assert probe.connect_ex((address, port)) != 0, f"the explorer answers on {address}"
    assert "explorer on http://127.0.0.1:" in (tmp_path / "ui.log").read_text()


def test_ui_cmds_is_registered_with_its_options() -> None:
    from typer.testing import CliRunner

    from innograph.cli import app

    result = CliRunner().invoke(app, ["ui", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--store"):
        assert option in result.output

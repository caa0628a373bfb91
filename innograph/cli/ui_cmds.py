"""``innograph ui``: the Streamlit explorer on the chosen store, on loopback unless told otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from innograph.cli.app import StoreOption, app, console_err


def streamlit_command(host: str, port: int) -> list[str]:
    """The streamlit invocation: headless, no usage statistics, no browser, no file watching."""
    script = Path(__file__).resolve().parent.parent / "ui" / "app.py"
    return [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
        "--global.showWarningOnDirectExecution", "false",
    ]


@app.command("ui")
def ui(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on. Loopback by default: the explorer has no login.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
) -> None:
    """Open the explorer (Streamlit) on the store; it runs until interrupted."""
    env = dict(os.environ)
    if store:
        env["INNOGRAPH_STORE"] = store
    if host not in ("127.0.0.1", "localhost", "::1"):
        console_err.print(f"[yellow]note:[/] the explorer listens on {host}: anyone who can reach it can read "
                          "the graph and load documents.")
    command = streamlit_command(host, port)
    console_err.print(f"explorer on http://{host}:{port}  (store: {env.get('INNOGRAPH_STORE', 'default')})",
                      highlight=False)
    sys.stderr.flush()
    os.execve(sys.executable, command, env)

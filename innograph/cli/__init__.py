"""The ``innograph`` command. Each command group lives in its own module and registers on ``app``.

Errors from innograph's tree become one red line and exit code 1; nothing else is caught,
so a bug still shows its traceback.
"""

from __future__ import annotations

import sys

from innograph.cli.app import app, console_err
from innograph.errors import InnographError

# Command modules register themselves on ``app`` when imported; one line each.
from innograph.cli import load_cmds  # load
from innograph.cli import eval_cmds  # extract, eval
from innograph.cli import ui_cmds  # ui
from innograph.cli import store_cmds  # stats, cypher, stop, forget
from innograph.cli import query_cmds  # query, analyse
from innograph.cli import rdf_cmds  # export rdf, import rdf, validate

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except InnographError as exc:
        console_err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)

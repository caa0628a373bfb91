"""The typer application and the options every command shares."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    name="innograph",
    help="A knowledge graph of innovation-ecosystem actors, read from Chinese documents.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
console_err = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar="INNOGRAPH_STORE",
        help="Embedded store directory, or a bolt:// / neo4j:// URI. Default: a per-user data directory.",
        show_default=False,
    ),
]

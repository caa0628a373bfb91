"""innograph: a knowledge graph of innovation-ecosystem actors, read from Chinese documents.

``connect`` and ``Graph`` (the notebook API) are imported on first use, so that
``import innograph`` in a loader process or the CLI does not pay for pandas and networkx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from innograph.api import Graph, connect

__all__ = ["Graph", "connect"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from innograph import api

        return getattr(api, name)
    raise AttributeError(f"module 'innograph' has no attribute {name!r}")

"""The explorer's pages and the frame around them; each page is a module with a ``render()``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from innograph.errors import InnographError, StoreUnavailable
from innograph.ui import actor, cypher, export, load, network, overview, paths, queries
from innograph.ui.session import forget_store, location

PAGES = (
    (overview.render, "Overview 总览", "overview", ":material/dashboard:"),
    (actor.render, "Actor 主体", "actor", ":material/search:"),
    (network.render, "Network 网络", "network", ":material/hub:"),
    (paths.render, "Paths 关系发现", "paths", ":material/route:"),
    (queries.render, "Queries 查询", "queries", ":material/list_alt:"),
    (cypher.render, "Cypher", "cypher", ":material/terminal:"),
    (load.render, "Load 导入", "load", ":material/upload_file:"),
    (export.render, "Export 导出", "export", ":material/download:"),
)


def _guarded(render: Callable[[], None]) -> Callable[[], None]:
    """A page whose innograph errors show as a message with what to do, not a traceback."""

    def page() -> None:
        try:
            render()
        except StoreUnavailable as exc:
            forget_store()
            st.error(f"{exc}\n\nReload the page to connect again.")
        except InnographError as exc:
            st.error(str(exc))

    page.__name__ = render.__module__.rsplit(".", 1)[-1]
    return page


def main() -> None:
    st.set_page_config(page_title="innograph explorer", page_icon=":material/hub:", layout="wide")
    navigation = st.navigation([
        st.Page(_guarded(render), title=title, url_path=path, icon=icon, default=path == "overview")
        for render, title, path, icon in PAGES
    ])
    st.sidebar.caption(f"Store: `{location()}`")
    navigation.run()

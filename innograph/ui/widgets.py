"""Pieces several pages share: the actor picker, highlighted evidence, result tables."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
import streamlit as st

from innograph.graph.store import Row
from innograph.ui import reads
from innograph.ui.session import ontology


def type_label(type_name: str) -> str:
    known = ontology().actor_types.get(type_name)
    return f"{known.label_zh} {type_name}" if known else type_name


def actor_picker(label: str, key: str, default: str = "") -> str | None:
    """A search box (Simplified, Traditional, alias or fragment) and a choice among the matches; the actor id."""
    text = st.text_input(label, value=default, key=f"{key}_q", placeholder="苏州工业园区 / 蘇州工業園區 / 园区…")
    if not text.strip():
        return None
    matches = reads.search_actors(text)
    if not matches:
        st.info(f"No actor's name or alias contains “{text}”. Try a shorter fragment.")
        return None
    options = [m["id"] for m in matches]
    names = {m["id"]: f"{m['name']} · {type_label(m['type'])}" for m in matches}
    return st.selectbox(f"{len(matches)} match(es)", options, format_func=names.__getitem__, key=f"{key}_pick")


def highlight(sentence: str, names: Iterable[str]) -> str:
    """The sentence as safe HTML with every given name marked, longest names first."""
    wanted = sorted({n for n in names if n}, key=len, reverse=True)
    if not wanted:
        return html.escape(sentence)
    pattern = re.compile("|".join(re.escape(n) for n in wanted))
    out, last = [], 0
    for match in pattern.finditer(sentence):
        out.append(html.escape(sentence[last:match.start()]))
        out.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    out.append(html.escape(sentence[last:]))
    return "".join(out)


def plain(value: Any) -> Any:
    """Nodes, relationships and paths (dicts and lists) as short text, so any result fits a table."""
    if isinstance(value, dict):
        if "nodes" in value and "relationships" in value:
            return " → ".join(str(n.get("name", n.get("id", ""))) for n in value["nodes"])
        return value.get("name") or value.get("id") or str(value)
    if isinstance(value, list):
        return ", ".join(str(plain(v)) for v in value)
    return value


def table(rows: list[Row]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, dict | list)).any():
            frame[column] = frame[column].map(plain)
    return frame

"""Load: upload documents and load them into the store, with progress and what each file added."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd
import streamlit as st
from platformdirs import user_data_dir

from innograph.loading import DOCUMENT_SUFFIXES, FileOutcome, load_paths
from innograph.ui.session import store


def upload_folder() -> Path:
    """Where uploads are kept: a stable place, so evidence can point at the file and a re-upload replaces it."""
    return Path(user_data_dir("innograph")) / "uploads"


def _save(uploads: list, folder: Path) -> list[Path]:
    """Uploaded files on disk under their own names, so reports and evidence name them as the analyst does."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for upload in uploads:
        target = folder / Path(upload.name).name
        target.write_bytes(upload.getvalue())
        saved.append(target)
    return saved


def render() -> None:
    st.title("Load 导入")
    st.caption("Text or HTML pages in Chinese (Simplified or Traditional). Loading the same document again "
               "changes nothing; a new version of a document replaces the old one's facts.")
    uploads = st.file_uploader("Documents", type=sorted(s.lstrip(".") for s in DOCUMENT_SUFFIXES),
                               accept_multiple_files=True, key="load_files")
    if not uploads or not st.button("Load", type="primary", key="load_go"):
        return
    bar = st.progress(0.0, text="Reading…")

    def progress(done: int, total: int, outcome: FileOutcome) -> None:
        bar.progress(done / total, text=f"{done}/{total}: {Path(outcome.path).name} {outcome.status}")

    files = _save(uploads, upload_folder())
    report = load_paths(store(), files, progress=progress)
    frame = pd.DataFrame([asdict(o) for o in report.outcomes])
    frame["path"] = frame["path"].map(lambda p: Path(p).name)
    summary = (f"{report.count('loaded')} loaded, {report.count('unchanged')} unchanged, "
               f"{report.count('failed')} failed.")
    (st.success if report.ok else st.warning)(summary)
    st.caption(f"Uploaded files are kept in {upload_folder()}.")
    st.dataframe(frame[["path", "status", "actors", "ties", "reason"]], hide_index=True)
    for outcome in report.failed:
        st.error(outcome.reason)

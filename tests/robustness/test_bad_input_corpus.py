"""A folder of what analysts really download, loaded in one ``innograph load`` run.

Unreadable files (binary, PDF, images, empty, blank, too big, HTML without an article,
a folder with no documents) each get one line naming them; readable files in awkward
encodings (UTF-16 with and without BOM, GBK, Big5, UTF-8 cut mid-character) load, and
their text is decoded exactly (the same evidence, at the same offsets, as the UTF-8
original); the store's earlier contents are untouched; the run exits 1.
"""

from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import opencc
import pytest
from robustness_support import cli_stats, innograph, location_snapshot, seed_paths

from innograph.loading import load_paths

SUMMARY = re.compile(r"(\d+) loaded, (\d+) skipped \(already stored\), (\d+) failed")
HUGE_MB = 50


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _huge(path: Path) -> Path:
    """A real 50 MB UTF-8 Chinese document, written in 1 MB blocks."""
    unit = "苏州工业园区与中国科学院共建纳米技术研究院，推动科技成果转化。\n".encode()
    block = unit * (1024 * 1024 // len(unit) + 1)
    with path.open("wb") as handle:
        for _ in range(HUGE_MB):
            handle.write(block)
    return path


NO_ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>首页</title></head><body>
<nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/about">关于我们</a></nav>
<ul><li><a href="/a">政策文件</a></li><li><a href="/b">办事指南</a></li><li><a href="/c">联系我们</a></li></ul>
<footer>版权所有 © 2024 ICP备12345678号</footer></body></html>"""


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, object]:
    """The inbox folder plus explicitly named bad paths; which names must load and which must fail."""
    seeds = seed_paths()
    text_a = seeds[1].read_text(encoding="utf-8")
    text_b = seeds[4].read_text(encoding="utf-8")
    inbox = tmp_path / "inbox"
    rng = random.Random(8)
    loads = {
        "good_a.txt": text_a.encode("utf-8"),
        "good_b.txt": text_b.encode("utf-8"),
        "gbk.txt": text_a.encode("gbk"),
        "utf16_bom.txt": codecs.BOM_UTF16_LE + text_a.encode("utf-16-le"),
        "utf16_nobom.txt": text_a.encode("utf-16-le"),
        "big5.txt": opencc.OpenCC("s2t").convert(text_b).encode("big5", errors="ignore"),
        "truncated.txt": text_a.rstrip().encode("utf-8")[:-1],  # cut inside the last character
    }
    for name, data in loads.items():
        _write(inbox / name, data)
    fails = {
        "binary.txt": rng.randbytes(4096) + b"\x00" * 16,
        "download.txt": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + rng.randbytes(2048),
        "photo.html": b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048),
        "empty.txt": b"",
        "blank.md": " \n\t\r\n\u3000\u3000\n".encode(),
        "nav.html": NO_ARTICLE_HTML.encode("utf-8"),
    }
    for name, data in fails.items():
        _write(inbox / "sub" / name if name.endswith(".md") else inbox / name, data)
    _huge(inbox / "huge.txt")
    named = [
        _write(tmp_path / "paper.pdf", b"%PDF-1.4\n" + rng.randbytes(4096)),
        _write(tmp_path / "scan.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096)),
    ]
    nothing = tmp_path / "nothing"
    (nothing / "deeper").mkdir(parents=True)
    _write(nothing / "notes.docx", b"PK\x03\x04" + rng.randbytes(512))  # not a suffix a folder is searched for
    return {
        "args": [inbox, *named, nothing],
        "loads": list(loads),
        "fails": [*fails, "huge.txt", "paper.pdf", "scan.png", "nothing"],
        "text_a": text_a,
    }


def _evidence_shape(snapshot, doc_id: str) -> set[tuple]:
    """A document's evidence without the ids that embed its document id."""
    return {tuple(item for item in row if item[0] != "id") for row in snapshot.evidence.get(doc_id, ())}


def test_bad_input_corpus_one_line_per_bad_file_good_ones_load(store_dir: Path, corpus) -> None:
    earlier = innograph("load", "--quiet", seed_paths()[0], store=store_dir)
    assert earlier.code == 0, earlier.output
    stats_before = cli_stats(store_dir)
    before = location_snapshot(store_dir)
    assert stats_before["documents"] == 1 and before.actors

    result = innograph("load", *corpus["args"], store=store_dir)

    assert result.code == 1, result.output
    assert "Traceback" not in result.output
    summary = SUMMARY.search(result.stdout)
    assert summary, result.stdout
    assert tuple(map(int, summary.groups())) == (len(corpus["loads"]), 0, len(corpus["fails"]))
    lines = result.stderr_lines()
    for name in corpus["fails"]:
        naming = [line for line in lines if re.search(rf"[/\\]{re.escape(name)}\b", line)]
        assert len(naming) == 1, f"{name}: expected one line naming it in:\n{result.stderr}"
        assert naming[0].startswith("failed:"), naming[0]
        assert re.search(r"\(.+\)\s*$", naming[0]), f"{name}: the line says what to do next: {naming[0]}"
    assert len(lines) == len(corpus["fails"]), f"one line per failure, nothing else:\n{result.stderr}"
    for name in corpus["loads"]:
        assert re.search(rf"^\s*{re.escape(name)}\s.*\bloaded\b", result.stdout, re.MULTILINE), name

    after = location_snapshot(store_dir)
    stats_after = cli_stats(store_dir)
    assert stats_after["documents"] == stats_before["documents"] + len(corpus["loads"])
    for doc_id, path in before.documents.items():  # nothing stored earlier is lost or changed
        assert after.documents[doc_id] == path
        assert after.evidence[doc_id] == before.evidence[doc_id]
        assert after.quantities.get(doc_id) == before.quantities.get(doc_id)
    assert before.actors <= after.actors and before.ties <= after.ties
    assert after.orphans == 0

    by_name = {Path(path).name: doc_id for doc_id, path in after.documents.items()}
    assert set(corpus["loads"]) <= set(by_name)
    reference = _evidence_shape(after, by_name["good_a.txt"])
    assert reference, "the seed yields evidence"
    for name in ("gbk.txt", "utf16_bom.txt", "utf16_nobom.txt"):
        assert _evidence_shape(after, by_name[name]) == reference, f"{name} decodes to the same text"
    truncated = _evidence_shape(after, by_name["truncated.txt"])
    assert len(truncated & reference) >= 0.9 * len(reference), "cut mid-character: only the end is lost"
    assert _evidence_shape(after, by_name["big5.txt"]), "the Big5 copy yields evidence"


def test_bad_input_folder_with_no_documents_alone(tmp_path: Path, store_dir: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = innograph("load", tmp_path / "empty", store=store_dir)
    assert result.code == 1
    lines = result.stderr_lines()
    assert len(lines) == 1 and "empty" in lines[0] and "no documents" in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_bad_input_file_vanishing_mid_run_is_reported_and_the_rest_load(embedded_store, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    paths = []
    for index, seed in enumerate(seed_paths()[1:4]):
        target = folder / f"{index}_{seed.name}"
        target.write_bytes(seed.read_bytes())
        paths.append(target)
    victim = paths[-1]

    def delete_the_last_file(done: int, total: int, outcome) -> None:
        if done == 1:  # the folder was listed already; the last file has not been read yet
            victim.unlink()

    # One file per write, so the progress call after the first file comes before the last is read.
    report = load_paths(embedded_store, [folder], workers=1, progress=delete_the_last_file, group_docs=1)

    statuses = {Path(outcome.path).name: outcome.status for outcome in report.outcomes}
    assert statuses == {paths[0].name: "loaded", paths[1].name: "loaded", victim.name: "failed"}
    reason = report.failed[0].reason
    assert victim.name in reason and "vanished" in reason and "\n" not in reason
    stored = embedded_store.run("MATCH (d:Document) RETURN d.path AS path", read_only=True)
    assert sorted(Path(row["path"]).name for row in stored) == [paths[0].name, paths[1].name]


def test_bad_input_missing_path_is_one_line(store_dir: Path, tmp_path: Path) -> None:
    result = innograph("load", tmp_path / "no-such-folder", store=store_dir)
    assert result.code == 1
    lines = result.stderr_lines()
    assert len(lines) == 1 and "no-such-folder" in lines[0] and "Traceback" not in result.output, result.stderr

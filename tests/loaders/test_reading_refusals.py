"""Every bad input gives a LoadError that names the file, never another exception or a hang."""

from __future__ import annotations

import time

import pytest
from loader_corpus import REFUSED, SIMPLIFIED

from innograph.errors import LoadError
from innograph.loaders.reading import read_document


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_reading_refuses_bad_input(write_file, name):
    path = write_file(name, REFUSED[name])
    with pytest.raises(LoadError) as caught:
        read_document(path)
    assert str(path) in str(caught.value)
    assert caught.value.path == str(path)
    assert caught.value.hint  # says what to do next


@pytest.mark.parametrize(
    ("name", "words"),
    [("report.pdf", "PDF"), ("picture.png", "PNG"), ("archive.zip", "zip"), ("empty.txt", "empty")],
)
def test_reading_refusal_says_why(write_file, name, words):
    path = write_file(name, REFUSED[name])
    with pytest.raises(LoadError, match=words):
        read_document(path)


def test_reading_refuses_huge_document_without_reading_it(huge_document):
    started = time.perf_counter()
    with pytest.raises(LoadError, match="too big") as caught:
        read_document(huge_document)
    assert str(huge_document) in str(caught.value)
    assert time.perf_counter() - started < 5  # refused from its size, not after reading 50 MB


def test_reading_size_limit_is_settable(write_file):
    path = write_file("small.txt", SIMPLIFIED.encode("utf-8"))
    with pytest.raises(LoadError, match="too big"):
        read_document(path, max_bytes=100)
    assert read_document(path, max_bytes=10_000).text == SIMPLIFIED


def test_reading_vanished_file(write_file):
    path = write_file("gone.txt", SIMPLIFIED.encode("utf-8"))
    listed = sorted(path.parent.iterdir())
    path.unlink()
    with pytest.raises(LoadError, match="does not exist") as caught:
        read_document(listed[0])
    assert str(path) in str(caught.value)


def test_reading_directory_is_refused(tmp_path):
    with pytest.raises(LoadError, match="directory"):
        read_document(tmp_path)


def test_reading_unreadable_file(write_file):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    path = write_file("locked.txt", SIMPLIFIED.encode("utf-8"))
    path.chmod(0)
    with pytest.raises(LoadError, match="permission"):
        read_document(path)


def test_reading_named_pipe_refused_without_blocking(tmp_path):
    import os

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(LoadError, match="not a regular file") as caught:
        read_document(pipe)
    assert str(pipe) in str(caught.value)

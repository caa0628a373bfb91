"""read_document decodes every encoding Chinese documents come in, and says which it was."""

from __future__ import annotations

import hashlib

import pytest
from loader_corpus import DECODABLE, SIMPLIFIED, seed_paths

from innograph.loaders.reading import read_document


@pytest.mark.parametrize("name", sorted(DECODABLE))
def test_reading_decodes_encoding(write_file, name):
    data, encoding, expected = DECODABLE[name]
    path = write_file(name, data)
    source = read_document(path)
    assert source.text == expected
    assert source.encoding == encoding
    assert source.media_type == "text/plain"
    assert source.path == str(path)
    assert source.doc_id == hashlib.sha256(data).hexdigest()


def test_reading_truncated_utf8_keeps_the_text(write_file):
    data = SIMPLIFIED.encode("utf-8")
    data = data[: data.rindex("。".encode()) + 2]  # cut inside the last 。 (3 bytes)
    source = read_document(write_file("truncated.txt", data))
    assert source.encoding == "utf-8"
    assert source.text.startswith(SIMPLIFIED[:50])
    assert source.text.endswith("\ufffd")
    assert source.text.count("\ufffd") == 1


def test_reading_utf8_with_one_damaged_byte_stays_utf8(write_file):
    data = bytearray((SIMPLIFIED * 5).encode("utf-8"))
    data[100] = 0xFF
    source = read_document(write_file("damaged.txt", bytes(data)))
    assert source.encoding == "utf-8"
    assert 1 <= source.text.count("\ufffd") <= 2  # one damaged character, not a re-decoded file
    assert "苏州实验室" in source.text


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_reading_seed_is_utf8_text(path):
    source = read_document(path)
    data = path.read_bytes()
    assert source.text == data.decode("utf-8")
    assert source.doc_id == hashlib.sha256(data).hexdigest()


def test_reading_seed_title_is_the_headline():
    source = read_document(seed_paths()[0])
    assert source.title == "苏州工业园区:靶向发力迈向高水平科技自立自强"


def test_reading_byline_date_becomes_iso():
    source = read_document(seed_paths()[3])  # 來源:高新院 ... 日期:2022-01-07
    assert source.date == "2022-01-07"
    assert source.title.startswith("打造數字經濟時代產業創新集群")


def test_reading_front_matter_gives_title_and_date_and_stays_in_text(write_file):
    front = "---\ntitle: 园区科技创新大会召开\ndate: 2024-03-01\nsource: 园区新闻\n---\n"
    source = read_document(write_file("front.md", (front + SIMPLIFIED).encode("utf-8")))
    assert source.title == "园区科技创新大会召开"
    assert source.date == "2024-03-01"
    assert source.text == front + SIMPLIFIED  # offsets count the front matter; normalise skips it

"""Random bytes and random Chinese text through read + normalise + split: LoadError or a valid result.

No other exception may escape, and every result keeps its contracts: offsets inside the
source and increasing, sentences inside the text. pytest-timeout turns a hang into a failure.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from innograph.errors import LoadError
from innograph.loaders.normalising import normalise
from innograph.loaders.reading import read_document
from innograph.loaders.sentences import split_sentences
from innograph.model import NormalisedText, SourceText

pytestmark = pytest.mark.timeout(120)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Characters pages are made of, weighted towards the troublesome ones.
_PIECES = st.sampled_from(
    [
        *"科技创新园区苏州工业產業創新區園關負責發",
        *"。！？；!?;,，、：:“”‘’《》()（）【】\n\n \u3000\t",
        "(dāng)",
        "(qū)",
        "?fù)",
        "?!笔锌萍季窒嚓P",
        "\ufffd",
        "当前位置:首页 > 新闻 > ",
        "相关文章\n",
        "来源:本站 日期:2024-01-02\n",
        "版权所有",
        "---\ntitle: x\n---\n",
        "N(12A)",
        "(2023)",
        "\u200b",
        "\x00",
    ]
)
chinese_text = st.lists(
    st.one_of(_PIECES, st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)), max_size=300
).map("".join)


def _check(text: NormalisedText) -> None:
    source = text.source.text
    assert len(text.to_source) == len(text.text) + 1
    assert all(0 <= j < len(source) for j in text.to_source[:-1])
    assert all(a < b for a, b in itertools.pairwise(text.to_source[:-1]))
    sentences = split_sentences(text)
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert 0 <= sentence.start < sentence.end <= len(text.text)
        assert text.text[sentence.start : sentence.end] == sentence.text
        a, b = text.source_span(sentence.start, sentence.end)
        assert 0 <= a < b <= len(source)


def _run_file(path: Path) -> None:
    try:
        source = read_document(path)
    except LoadError as exc:
        assert str(path) in str(exc)
        return
    _check(normalise(source))


@FUZZ
@given(data=st.binary(max_size=2000))
def test_fuzz_random_bytes(tmp_path, data):
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    _run_file(path)


@FUZZ
@given(text=chinese_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"]))
def test_fuzz_chinese_text_in_any_encoding(tmp_path, text, encoding):
    data = text.encode(encoding, errors="ignore")
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    _run_file(path)


@FUZZ
@given(text=chinese_text)
def test_fuzz_normalise_and_split(text):
    source = SourceText(path="fuzz.txt", doc_id="0", text=text, encoding="utf-8", media_type="text/plain")
    _check(normalise(source))


@FUZZ
@given(body=chinese_text)
def test_fuzz_html(tmp_path, body):
    html = f"<html><head><title>t</title></head><body><article><p>{body}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    _run_file(path)

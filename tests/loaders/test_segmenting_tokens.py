"""The fast segmenter gives jieba's own tokens, token for token, and its cache file is only a cache."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

from innograph.loaders import segmenting
from innograph.loaders.gazetteer import segmenter
from innograph.loaders.sentences import split_sentences

MIXED = [
    "",
    " ",
    "园区",
    "苏州工业园区管委会与中国科学院苏州纳米技术与纳米仿生研究所共建纳米真空互联实验站。",
    "2024年,长晶科技完成新一轮融资,由中金资本领投,华登国际跟投。",
    "支持南京维立志博、沪士电子等企业入选“专精特新”小巨人企业名单(第三批)。",
    "GPU、5G+工业互联网、AI4S 与 C++ 平台;3.5%的增速\r\n下一行\t制表",
    "瞪羚企业数量达到1,234家,同比增长12.5%。",
    "龘靐齉爩麤,鱻猋:未登录字与生僻字。",
    "新一代信息技术、生物医药和高端装备制造三大主导产业",
]


def _jieba(text: str) -> list[tuple[str, int, int]]:
    return list(segmenter().tokenize(text))


@pytest.mark.parametrize("text", MIXED)
def test_segmenting_tokens_equal_jieba(text: str):
    assert segmenting.fast_segmenter().tokenize(text) == _jieba(text)


def test_segmenting_tokens_equal_jieba_on_every_seed_sentence_and_random_windows(seeds):
    rng = random.Random(7)
    fast = segmenting.fast_segmenter()
    for _, text in seeds.values():
        for sentence in split_sentences(text):
            assert fast.tokenize(sentence.text) == _jieba(sentence.text), sentence.text
            start = rng.randrange(len(sentence.text) + 1)
            window = sentence.text[start : start + rng.randrange(1, 20)]
            assert fast.tokenize(window) == _jieba(window), window


def test_segmenting_cache_file_is_rebuilt_when_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A damaged cache file is ignored and replaced; the tokens stay jieba's."""
    monkeypatch.setattr(segmenting, "user_cache_dir", lambda name: str(tmp_path / name))
    tokenizer = segmenter()
    cache = tmp_path / "innograph" / f"words-{segmenting._cache_key(tokenizer)}.pickle"
    cache.parent.mkdir()
    cache.write_bytes(b"not a pickle")
    text = MIXED[3]
    assert segmenting.Segmenter(tokenizer).tokenize(text) == _jieba(text)
    with cache.open("rb") as handle:
        automaton, spans, weights = pickle.load(handle)
    assert len(spans) == len(weights) == len(automaton)
    assert segmenting.Segmenter(tokenizer).tokenize(text) == _jieba(text)  # now read from the file

"""Sentences end at Chinese and ASCII sentence ends and at line breaks, not inside quotes."""

from __future__ import annotations

import itertools

import pytest

from innograph.loaders.normalising import normalise
from innograph.loaders.sentences import split_sentences
from innograph.model import NormalisedText, SourceText


def _text(raw: str) -> NormalisedText:
    return normalise(SourceText(path="s.txt", doc_id="0", text=raw, encoding="utf-8", media_type="text/plain"))


def _sentences(raw: str) -> list[str]:
    return [s.text for s in split_sentences(_text(raw))]


def test_sentences_split_on_chinese_and_ascii_ends():
    raw = "园区成立专班。企业强,产业才能强!如何推进?全市将实施五大工程;推动创新!Yes? 好的;完成"
    assert _sentences(raw) == [
        "园区成立专班。",
        "企业强,产业才能强!",
        "如何推进?",
        "全市将实施五大工程;",
        "推动创新!",
        "Yes?",
        "好的;",
        "完成",
    ]


def test_sentences_commas_stay_inside():
    raw = "去年,全区新增科创承载空间超20万平方米,科创载体总量突破250万平方米，这无疑相当于紧握了一把发展“利器”。"
    assert _sentences(raw) == [raw]


def test_sentences_quote_stays_with_its_sentence():
    raw = "“我们希望依托重大科技平台,承接实施一批国家重大科技项目。同时,打造新型研发机构。”园区科创委负责人说。下一句。"
    assert _sentences(raw) == [raw[: raw.index("下一句")], "下一句。"]


def test_sentences_closing_quote_after_end_belongs_to_the_sentence():
    raw = "他说:“园区是一个适合创新活动的地方。”在大会上,企查查作为企业代表交流发言。"
    assert _sentences(raw) == ["他说:“园区是一个适合创新活动的地方。”在大会上,企查查作为企业代表交流发言。"]


def test_sentences_brackets_do_not_split():
    raw = "累计培育“独角兽”企业(含潜在“独角兽”企业;不含已上市企业)18家。第二句。"
    assert _sentences(raw) == ["累计培育“独角兽”企业(含潜在“独角兽”企业;不含已上市企业)18家。", "第二句。"]


def test_sentences_unbalanced_quote_cannot_swallow_the_line():
    raw = "“" + "园区持续推进创新。" * 60
    assert len(_sentences(raw)) > 10


def test_sentences_line_break_ends_a_sentence():
    raw = "一、用好两项机制\n(一)“一把手抓创新”机制\n1.突出“功能配套区”规划引领。以方案为抓手。"
    assert _sentences(raw) == [
        "一、用好两项机制",
        "(一)“一把手抓创新”机制",
        "1.突出“功能配套区”规划引领。",
        "以方案为抓手。",
    ]


def test_sentences_broken_lines_of_one_sentence_are_joined(seeds):
    _, text = seeds["003"]
    sentences = [s.text for s in split_sentences(text)]
    assert any(s.startswith("瞄准数字经济“新赛道”“主赛道”\n园区正精准发力") for s in sentences)


def test_sentences_offsets_match_text():
    text = _text("  第一句。\n\n第二句,带逗号!  \n 第三句")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["第一句。", "第二句,带逗号!", "第三句"]
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert text.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_sentences_cover_the_seed_text(seeds, number):
    _, text = seeds[number]
    sentences = split_sentences(text)
    assert sentences
    covered = "".join(text.text[s.start : s.end] for s in sentences)
    assert "".join(c for c in covered if not c.isspace()) == "".join(c for c in text.text if not c.isspace())
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_sentences_empty_text():
    assert split_sentences(_text("   \n\n  ")) == []


def test_sentences_short_quoted_line_that_ends_a_sentence_is_not_joined():
    raw = "“园区是一个适合创新的地方。”\n企查查作为企业代表交流发言。"
    assert _sentences(raw) == ["“园区是一个适合创新的地方。”", "企查查作为企业代表交流发言。"]

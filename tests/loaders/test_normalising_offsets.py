"""normalise keeps a map from every normalised character back to the source text."""

from __future__ import annotations

import itertools

import pytest
from loader_corpus import SIMPLIFIED, TRADITIONAL

from innograph.loaders.mojibake import MASK, repair_edits
from innograph.loaders.normalising import normalise
from innograph.loaders.script import to_simplified, to_simplified_mapped
from innograph.model import SourceText


def _source(text: str, media_type: str = "text/plain") -> SourceText:
    return SourceText(path="t.txt", doc_id="0" * 64, text=text, encoding="utf-8", media_type=media_type)


def _repaired_positions(source_text: str) -> set[int]:
    """Source positions inside stretches that mojibake repair rewrote (their characters change)."""
    return {i for edit in repair_edits(source_text) for i in range(edit.start, edit.end)}


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_normalising_offsets_point_at_the_same_character(seeds, number):
    source, text = seeds[number]
    assert len(text.to_source) == len(text.text) + 1
    repaired = _repaired_positions(source.text)
    checked = 0
    for i, char in enumerate(text.text):
        j = text.to_source[i]
        original = source.text[j]
        if j in repaired:
            continue
        assert char == original or to_simplified(original) == char, (i, j, char, original)
        checked += 1
    assert checked > 0.95 * len(text.text)


@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_normalising_offsets_increase(seeds, number):
    _, text = seeds[number]
    assert all(a < b for a, b in itertools.pairwise(text.to_source))


def test_normalising_traditional_becomes_simplified():
    text = normalise(_source(TRADITIONAL))
    assert "创新平台是科技创新的主要阵地" in text.text
    assert "昆山高新区建成投运了国家高新区集成创新中心" in text.text
    start = text.text.index("昆山高新区")
    a, b = text.source_span(start, start + 5)
    assert TRADITIONAL[a:b] == "昆山高新區"


def test_normalising_keeps_line_structure():
    text = normalise(_source(SIMPLIFIED))
    assert text.text.count("\n") == SIMPLIFIED.strip().count("\n")


def test_normalising_strips_indentation_but_maps_it():
    source = "\u3000\u3000加快实现高水平科技自立自强,是推动高质量发展的必由之路。  \n\n\n\n  第二段落的内容在这里。"
    text = normalise(_source(source))
    assert text.text == "加快实现高水平科技自立自强,是推动高质量发展的必由之路。\n\n第二段落的内容在这里。"
    assert source[text.to_source[0]] == "加"
    second = text.text.index("第二")
    assert source[text.to_source[second] : text.to_source[second] + 2] == "第二"


def test_normalising_front_matter_is_skipped_but_offsets_count_it():
    front = "---\ntitle: 园区新闻\ndate: 2024-03-01\n---\n"
    text = normalise(_source(front + SIMPLIFIED))
    assert "title" not in text.text
    assert text.text.startswith("加快实现")
    assert text.to_source[0] == len(front)


def test_normalising_length_changing_conversion_keeps_the_map(monkeypatch):
    # A conversion that changes length (possible with OpenCC phrase tables) must not shift offsets.
    from innograph.loaders import script

    class Shrinking:
        def convert(self, text: str) -> str:
            return text.replace("陽澄湖兩岸", "阳澄湖岸").replace("區", "区")

    monkeypatch.setattr(script, "_converter", lambda: Shrinking())
    source = "近日,陽澄湖兩岸科創中心研發總部二期完成。\n昆山高新區建成投運。"
    text = normalise(_source(source))
    for i, char in enumerate(text.text):
        original = source[text.to_source[i]]
        assert char == original or Shrinking().convert(original) == char, (i, char, original)
    start = text.text.index("昆山高新区")
    a, b = text.source_span(start, start + 5)
    assert source[a:b] == "昆山高新區"


def test_normalising_mask_is_not_han_and_not_punctuation():
    assert not ("\u3400" <= MASK <= "\u9fff")
    assert MASK not in "。！？；!?;,，、"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028", "\x0c"])
def test_normalising_any_line_break_becomes_newline(newline):
    source = f"第一段落的内容在这里。{newline}第二段落的内容在这里。"
    text = normalise(_source(source))
    assert text.text == "第一段落的内容在这里。\n第二段落的内容在这里。"
    second = text.text.index("第二")
    assert source[text.to_source[second]] == "第"


def test_normalising_invisible_characters_dropped():
    source = "苏州\u200b工业\ufeff园区\u00ad科技\x07创新"
    text = normalise(_source(source))
    assert text.text == "苏州工业园区科技创新"
    assert [source[j] for j in text.to_source[:-1]] == list(text.text)


def test_normalising_script_keeps_a_lone_surrogate_and_converts_the_rest():
    # Typed input (a query parameter) can hold one; OpenCC cannot take it.
    assert to_simplified("園區\ud800臺灣") == "园区\ud800台湾"
    assert to_simplified_mapped("園區\ud800灣", [0, 1, 2, 3]) == ("园区\ud800湾", [0, 1, 2, 3])

"""Pinyin readings that some sites print after Traditional characters: 當(dāng)前 -> 當前.

Such sites annotate the characters whose Simplified form differs, so a reading is a
parenthesised lower-case syllable right after a Han character, carrying a tone mark
(or, for neutral-tone syllables, after a character that t2s changes). Everything else
in brackets stays: (昆山), (C), N(12A), (2023), (修编).
"""

from __future__ import annotations

import re

from innograph.loaders.script import to_simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_LETTER = f"a-zü{_TONED}\u0300-\u036f"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# A syllable in ASCII or full-width brackets right after a Han character.
_READING = re.compile(rf"(?<=[{_HAN}])[(（]([{_LETTER}]{{1,7}})[)）]")
_HAS_TONE = re.compile(f"[{_TONED}\u0300-\u036f]")


def reading_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of ``text`` that are pinyin readings to delete."""
    spans = []
    for match in _READING.finditer(text):
        syllable = match.group(1)
        if not _HAS_TONE.search(syllable):
            annotated = text[match.start() - 1]
            if to_simplified(annotated) == annotated:
                continue  # e.g. 的(de) in a language lesson: not the site's annotation
        spans.append(match.span())
    return spans


# A reading whose character was lost to mojibake: "?fù)" (the "(" went with the lost bytes).
LOST_READING = re.compile(rf"[?\ufffd]([{_LETTER}]{{1,7}})[)）]")


def is_toned(syllable: str) -> bool:
    """True if ``syllable`` carries a pinyin tone mark."""
    return bool(_HAS_TONE.search(syllable))

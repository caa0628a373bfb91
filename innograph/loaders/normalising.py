"""Source text -> normalised text: furniture dropped, pinyin and mojibake gone, Simplified.

Every step either deletes spans or replaces them, and carries the offset map along, so
each character of the result still knows the source character it came from; that is
what lets evidence point into the document in its own script. Steps run in this order
because each needs the previous one: a pinyin reading can only be recognised once the
mojibake before it is repaired, and furniture rules are written for Simplified text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from innograph.loaders.furniture import furniture_lines
from innograph.loaders.mojibake import MASK, Edit, repair_edits
from innograph.loaders.pinyin import reading_spans
from innograph.loaders.reading import front_matter_end
from innograph.loaders.script import to_simplified_mapped
from innograph.model import NormalisedText, SourceText

__all__ = ["MASK", "normalise"]

# Invisible characters and stray controls (tab and line breaks stay), and "\r" of "\r\n".
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]|\r(?=\n)")
# Every other line break becomes "\n" (one character for one, so offsets stay put).
_LINE_BREAK = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile("[ \t\u3000\u00a0]+(?=\n|$)")
_LEADING_SPACE = re.compile("(?:(?<=\n)|^)[ \t\u3000\u00a0]+")
_EXTRA_BLANK_LINES = re.compile(r"(?<=\n\n)\n+")
_EDGE_NEWLINES = re.compile(r"^\n+|\n+$")


def normalise(source: SourceText) -> NormalisedText:
    """Clean, Simplified text of ``source`` with ``to_source`` pointing into ``source.text``."""
    text = source.text
    offsets = list(range(len(text)))
    skipped = front_matter_end(text) if source.media_type == "text/plain" else 0
    deletions = [(0, skipped)] if skipped else []
    deletions += [m.span() for m in _INVISIBLE.finditer(text, skipped)]
    text, offsets = _delete(text, offsets, deletions)
    text = _LINE_BREAK.sub("\n", text)
    text, offsets = _apply(text, offsets, repair_edits(text))
    text, offsets = _delete(text, offsets, reading_spans(text))
    text, offsets = to_simplified_mapped(text, offsets)
    text, offsets = _delete(text, offsets, furniture_lines(text))
    text, offsets = _delete(text, offsets, _spaces(text))
    text, offsets = _delete(text, offsets, [m.span() for m in _EXTRA_BLANK_LINES.finditer(text)])
    text, offsets = _delete(text, offsets, [m.span() for m in _EDGE_NEWLINES.finditer(text)])
    end = offsets[-1] + 1 if offsets else 0
    return NormalisedText(source=source, text=text, to_source=(*offsets, end))


def _spaces(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TRAILING_SPACE.finditer(text)]
    spans += [m.span() for m in _LEADING_SPACE.finditer(text)]
    spans.sort()
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _delete(text: str, offsets: list[int], spans: Iterable[tuple[int, int]]) -> tuple[str, list[int]]:
    """``text`` without the sorted, non-overlapping ``spans``; ``offsets`` follow."""
    return _apply(text, offsets, [Edit(start, end, "", ()) for start, end in spans])


def _apply(text: str, offsets: list[int], edits: list[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits; an edit's offsets are positions in ``text``."""
    if not edits:
        return text, offsets
    pieces: list[str] = []
    out: list[int] = []
    position = 0
    for edit in edits:
        if edit.start < position:
            continue  # overlapping edit: the earlier one wins
        pieces.append(text[position : edit.start])
        out.extend(offsets[position : edit.start])
        pieces.append(edit.text)
        out.extend(offsets[i] for i in edit.offsets)
        position = edit.end
    pieces.append(text[position:])
    out.extend(offsets[position:])
    return "".join(pieces), out

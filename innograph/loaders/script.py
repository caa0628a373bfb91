"""Traditional -> Simplified without losing the offset map.

OpenCC converts phrase by phrase, so a conversion may in principle change the length
of a text (one Traditional phrase to a shorter Simplified one). The offset map only
stays right if lengths are checked: each line is converted whole (phrases stay
intact) and, where its length changed, converted again character by character so
every output character still knows its source character.
"""

from __future__ import annotations

import re
from functools import cache

import opencc


@cache
def _converter() -> opencc.OpenCC:
    # Created once per process: building it reads OpenCC's dictionaries.
    return opencc.OpenCC("t2s")


# A lone surrogate cannot be encoded for OpenCC; decoded documents never hold one, but a
# typed query parameter may. Such characters are kept as they are, the rest converted.
_SURROGATES = re.compile(r"([\ud800-\udfff]+)")


def _convert(text: str) -> str:
    convert = _converter().convert
    if not _SURROGATES.search(text):
        return convert(text)
    return "".join(part if i % 2 else convert(part) for i, part in enumerate(_SURROGATES.split(text)))


def to_simplified(text: str) -> str:
    """Simplified form of a short text (a name, a line); length may differ from ``text``."""
    return _convert(text)


def to_simplified_mapped(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Convert ``text`` to Simplified; ``offsets[i]`` is the source offset of ``text[i]``.

    Returns the Simplified text and its offsets. Lines whose conversion keeps their
    length (all lines of the seed corpus) are mapped one to one.
    """
    if text.isascii():
        return text, offsets
    convert = _convert
    out: list[str] = []
    out_offsets: list[int] | None = None  # only built once a line changes length
    position = 0
    for line in text.splitlines(keepends=True):
        converted = convert(line) if not line.isascii() else line
        if len(converted) == len(line):
            out.append(converted)
            if out_offsets is not None:
                out_offsets.extend(offsets[position : position + len(line)])
        else:
            if out_offsets is None:
                out_offsets = list(offsets[:position])
            for i, char in enumerate(line):
                piece = convert(char)
                out.append(piece)
                out_offsets.extend([offsets[position + i]] * len(piece))
        position += len(line)
    return "".join(out), (offsets if out_offsets is None else out_offsets)

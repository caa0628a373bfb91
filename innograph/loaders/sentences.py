"""Normalised text -> sentences.

A sentence ends at 。！？；!?; (with any closing quotes or brackets right after it) or
at a line break. Inside quotes and brackets a sentence end does not split, so a quoted
remark stays with the clause that introduces it; the depth is reset at every line
break so one unbalanced quote cannot swallow a page. A line that stops mid-sentence
(no closing punctuation, short, not a numbered heading) is joined with the next line
of the same paragraph: some pages break one sentence over several short lines.
"""

from __future__ import annotations

import re

from innograph.model import NormalisedText, Sentence

_ENDS = frozenset("。！？；!?;")
_OPENERS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "『": "』", "〈": "〉"}
_CLOSERS = frozenset(_OPENERS.values()) | {'"', "'"}
_EVENT = re.compile("[" + re.escape("".join(_ENDS) + "".join(_OPENERS) + "".join(_CLOSERS)) + "]")
_RUN_AFTER_END = re.compile("[" + re.escape("".join(_ENDS) + "".join(_CLOSERS)) + "]+")
_MAX_QUOTED = 300  # a quote still open after this many characters is taken as unbalanced
_BROKEN_LINE_MAX = 40
_LINE_CLOSED = re.compile(r"[。！？；!?;:：,，、…][”’」』)）]*\s*$")
_NUMERAL = "一二三四五六七八九十"
_NUMBERED = re.compile(rf"^\s*([{_NUMERAL}]+、|[(（][{_NUMERAL}\d]+[)）]|\d+[.、．]|第[{_NUMERAL}]+[章节条部分])")
# Cells apart by tabs, ideographic or double spaces, bars: a table row when a neighbour line has as many.
_CELL_GAP = re.compile(r"(?<=\S)(?:\t|\u3000|  |\s*[|｜]\s*)+(?=\S)")


def split_sentences(text: NormalisedText) -> list[Sentence]:
    """Sentences of ``text`` in order, each without surrounding whitespace, none empty."""
    s = text.text
    spans: list[tuple[int, int]] = []
    lines = s.split("\n")
    position = 0
    pending_start: int | None = None  # start of a sentence carried over a broken line
    for number, line in enumerate(lines):
        line_start = position
        position += len(line) + 1
        pieces = _split_line(line)
        if pending_start is not None and pieces:
            pieces[0] = (pending_start - line_start, pieces[0][1])
            pending_start = None
        if not pieces:
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _is_broken(line, following, lines[number - 1] if number else "", lines[number + 2 : number + 3]):
            pending_start = line_start + pieces[-1][0]
            pieces.pop()
        spans.extend((line_start + a, line_start + b) for a, b in pieces)
    if pending_start is not None:
        spans.append((pending_start, len(s)))
    sentences = []
    for start, end in spans:
        start, end = _trim(s, start, end)
        if end > start:
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=s[start:end]))
    return sentences


def _split_line(line: str) -> list[tuple[int, int]]:
    """[start, end) of the sentences of one line; only brackets, quotes and ends are visited."""
    pieces: list[tuple[int, int]] = []
    start = 0
    stack: list[str] = []
    opened_at = 0
    n = len(line)
    for event in _EVENT.finditer(line):
        i = event.start()
        if i < start:
            continue  # inside a run of ends and closers already taken
        char = line[i]
        if stack and i - opened_at > _MAX_QUOTED:
            stack.clear()
        if char in _OPENERS:
            if not stack:
                opened_at = i
            stack.append(_OPENERS[char])
        elif char in _ENDS:
            if not stack:
                end = _RUN_AFTER_END.match(line, i).end()
                pieces.append((start, end))
                start = end
        elif stack and char == stack[-1]:
            stack.pop()
        elif stack and char in stack:
            while stack and stack.pop() != char:
                pass
    if line[start:].strip():
        pieces.append((start, n))
    return pieces


def _is_broken(line: str, following: str, previous: str = "", after: list[str] | None = None) -> bool:
    """A short line of a paragraph that stops mid-sentence and goes on in the next line."""
    body = line.strip()
    nxt = following.strip()
    return (
        bool(body)
        and bool(nxt)
        and len(body) <= _BROKEN_LINE_MAX
        and not _LINE_CLOSED.search(body)
        and not _NUMBERED.match(body)
        and not _NUMBERED.match(nxt)
        and not _table_row(body, (nxt, previous.strip()))
        and not _table_row(nxt, (body, *(a.strip() for a in after or ())))  # a title over a table
    )


def _table_row(line: str, neighbours: tuple[str, ...]) -> bool:
    """A line of two or more cells beside a line of as many: a table row, which is a line of its own.

    A headline with one ideographic space (竹科新核准12家廠商進駐　投資額逾186億元) is no table.
    """
    gaps = len(_CELL_GAP.findall(line))
    return gaps > 0 and any(len(_CELL_GAP.findall(other)) == gaps for other in neighbours)


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end

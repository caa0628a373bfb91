"""Amounts and counts in a sentence: 超1000亿元 -> (1e11, 元, 超), 41支 -> (41, 支, "").

cn2an reads Chinese numerals but not hedges (超, 约) or 万亿, so those are taken off
first and the magnitude is applied here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

HEDGES = ("超过", "超", "约", "近", "逾", "达", "突破", "累计", "以上", "余")
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
UNITS = "元|美元|支|个|家|项|名|人|件|平方米|亩|%"
QUANTITY = re.compile(
    r"(?P<hedge>超过|超|约|近|逾|突破)?"
    r"(?:(?P<number>\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)(?P<magnitude>万亿|亿|千万|百万|万|千)?"
    r"|(?P<bare>万亿|亿|万))"
    rf"(?P<unit>{UNITS})"
    r"(?P<after>以上|余|多)?"
)


@dataclass(frozen=True)
class FoundQuantity:
    start: int  # sentence offsets
    end: int
    value: float
    unit: str
    hedge: str
    text: str


def parse_number(number: str) -> float | None:
    """A numeral in digits or Chinese characters, or None if it is not one."""
    try:
        return float(number)
    except ValueError:
        pass
    if number in ("十", "百", "千"):
        return {"十": 10.0, "百": 100.0, "千": 1000.0}[number]  # 千亿元: a bare magnitude counts one
    try:
        return float(cn2an.cn2an(number, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def sentence_quantities(text: str) -> list[FoundQuantity]:
    """Every amount or count in a sentence, with its hedge."""
    found = []
    for match in QUANTITY.finditer(text):
        if match.group("bare"):
            value: float | None = 1.0  # 超万家: a bare magnitude counts one
            magnitude = match.group("bare")
        else:
            value = parse_number(match.group("number"))
            magnitude = match.group("magnitude") or ""
        if value is None:
            continue
        value *= MAGNITUDES.get(magnitude, 1.0)
        hedge = match.group("hedge") or match.group("after") or ""
        if hedge in ("余", "多"):
            hedge = "逾"
        found.append(FoundQuantity(match.start(), match.end(), value, match.group("unit"), hedge, match.group(0)))
    return found

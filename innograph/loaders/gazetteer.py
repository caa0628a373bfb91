"""Nationally known actors, type suffixes and the segmenter, each loaded once per process.

The gazetteer is an editable CSV (name,type,aliases,note) so that analysts can add an
actor without touching code; its types are checked against the ontology when it is
loaded, so a misspelt type fails at start-up with the file and line named.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick
import jieba

from innograph.errors import ExtractionError
from innograph.ontology import load_ontology

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: the canonical name, its type and every other surface form."""

    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    """A gazetteer surface form found in a text: [start, end) in that text's offsets."""

    start: int
    end: int
    surface: str
    entry: Entry


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read ({exc}); reinstall innograph or restore the file") from exc
    for number, row in enumerate(rows, start=2):
        if any(not (row.get(column) or "").strip() for column in columns):
            raise ExtractionError(f"{path}:{number}: needs the columns {', '.join(columns)}; fix that line")
    return rows


def _checked_type(path: Path, number: int, type_name: str, types: frozenset[str] | None = None) -> str:
    types = types if types is not None else frozenset(load_ontology().actor_types)
    if type_name not in types:
        raise ExtractionError(
            f"{path}:{number}: unknown actor type {type_name!r}; ontology.ttl defines {sorted(types)}"
        )
    return type_name


class Gazetteer:
    """Surface form -> entry, matched with one Aho-Corasick pass over a text."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_surface: dict[str, Entry] = {}
        self.by_name: dict[str, Entry] = {}
        self.single_chars: dict[str, Entry] = {}  # 美, 日, 韩: only usable inside a list of such forms
        automaton = ahocorasick.Automaton()
        for entry in entries:
            self.by_name.setdefault(entry.name, entry)
            for surface in (entry.name, *entry.aliases):
                if len(surface) < 2:
                    self.single_chars.setdefault(surface, entry)
                    continue
                if surface not in self.by_surface:
                    self.by_surface[surface] = entry
                    automaton.add_word(surface, surface)
        if len(automaton) == 0:
            automaton.add_word("\0", "\0")
        automaton.make_automaton()
        self._automaton = automaton

    def find(self, text: str) -> list[Hit]:
        """Every occurrence of every surface form, overlaps included (the caller picks)."""
        hits = []
        for last, surface in self._automaton.iter(text):
            if surface == "\0":
                continue
            start = last - len(surface) + 1
            hits.append(Hit(start, last + 1, surface, self.by_surface[surface]))
        return hits

    def lookup(self, surface: str) -> Entry | None:
        return self.by_surface.get(surface)


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer in force; parsed once per file version."""
    if path is None and _PACKAGED:
        return _PACKAGED[0]  # the packaged file, read once: no stat per call on the hot path
    target = path or DATA / "gazetteer.csv"
    try:
        mtime = target.stat().st_mtime
    except OSError as exc:
        raise ExtractionError(f"{target}: gazetteer not found; restore innograph/loaders/data/gazetteer.csv") from exc
    gazetteer = _gazetteer(str(target), mtime)
    if path is None:
        _PACKAGED.append(gazetteer)
    return gazetteer


_PACKAGED: list[Gazetteer] = []


@lru_cache(maxsize=4)
def _gazetteer(path: str, mtime: float) -> Gazetteer:
    target = Path(path)
    entries = []
    types = frozenset(load_ontology().actor_types)
    for number, row in enumerate(_read_csv(target, ("name", "type")), start=2):
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(Entry(row["name"].strip(), _checked_type(target, number, row["type"].strip(), types), aliases))
    return Gazetteer(entries)


def suffix_table(quoted: bool = False) -> dict[str, str]:
    """Type suffix -> actor type, from data/suffixes.csv; rows noted quoted-only type only quoted names.

    Both tables are read at once and cached as a pair: callers ask with and without the
    keyword, and a cache keyed on the call's form would re-read the file on the hot path.
    """
    return _suffix_tables()[1 if quoted else 0]


@lru_cache(maxsize=1)
def _suffix_tables() -> tuple[dict[str, str], dict[str, str]]:
    target = DATA / "suffixes.csv"
    plain: dict[str, str] = {}
    quoted: dict[str, str] = {}
    types = frozenset(load_ontology().actor_types)
    for number, row in enumerate(_read_csv(target, ("suffix", "type")), start=2):
        suffix, type_name = row["suffix"].strip(), _checked_type(target, number, row["type"].strip(), types)
        quoted[suffix] = type_name
        if (row.get("note") or "").strip() != "quoted-only":
            plain[suffix] = type_name
    return plain, quoted


@lru_cache(maxsize=8)
def word_list(role: str) -> frozenset[str]:
    """Words of one role in data/words.csv: stop (ends a name on its left), generic, soft_verb, category."""
    rows = _read_csv(DATA / "words.csv", ("word", "role"))
    return frozenset(row["word"].strip() for row in rows if row["role"].strip() == role)


@lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    """A jieba tokenizer that knows every gazetteer form and type suffix as a word."""
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for surface in load_gazetteer().by_surface:
        tokenizer.add_word(surface, freq=3000, tag="nt")
    for suffix in suffix_table():
        if len(suffix) >= 2:
            tokenizer.add_word(suffix, freq=3000, tag="n")
    return tokenizer


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tags, read once: a lookup instead of slow HMM tagging."""
    with segmenter().get_dict_file() as handle:
        text = handle.read().decode("utf-8")
    return dict(re.findall(r"^(\S+) \d+ (\S+)\r?$", text, re.M))

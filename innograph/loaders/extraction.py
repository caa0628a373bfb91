"""One normalised document -> a Batch of actors, ties and quantities, each with evidence.

The stages are candidates (actors.py) -> resolution (resolution.py) -> the document's
repeated names -> ties (ties.py) and quantities (quantities.py). Offsets are converted
to source offsets only here, at the edge, so every Evidence points into the document
as it was read, in its own script.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import ahocorasick
import opencc

from innograph.loaders.actors import PRONOUNS, Candidate, appositions, longest_suffix, sentence_candidates, word_bounds
from innograph.loaders.gazetteer import suffix_table
from innograph.loaders.quantities import sentence_quantities
from innograph.loaders.resolution import Resolution, ResolvedMention, park_tails, resolve, short_forms
from innograph.loaders.tables import Row, header_type, name_cells, table_ties
from innograph.loaders.ties import FoundTie, Key, SentenceMention, sentence_ties, subjects_at
from innograph.model import Actor, Batch, Evidence, Mention, NormalisedText, Quantity, Sentence, Tie, actor_id
from innograph.ontology import load_ontology


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """The title in Simplified script: it is not part of the normalised text, so convert it here."""
    return _converter().convert(text)


# A pinyin reading after a character, kept in the source span but not part of a name.
READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,8}\)")

# Full-width punctuation read as its ASCII form (same length, so offsets hold): rules are written once.
FULLWIDTH = str.maketrans("，；：！？（）　", ",;:!?() ")

# Page furniture that survives normalisation still must not name actors: 相关文章, 版权声明 …
FURNITURE = re.compile(r"^(?:声明|版权|相关文章|分享给朋友|当前位置|上一篇|下一篇|责任编辑|来源)")


# What may follow a name even where the segmenter glues it on: a list's 等, a list comma, a clause end.
CLOSERS = frozenset("等、,。;:")


def _repeats(resolution: Resolution, sentences: list[Sentence]) -> None:
    """Every later use of a name the document has introduced is a mention too (多玛医药 … 多玛医药宣布)."""
    automaton = ahocorasick.Automaton()
    for key, surfaces in resolution.names.items():
        extra = set(short_forms(key[1])) if key[0] == "Region" else set()
        for surface in surfaces | {key[1]} | extra:
            if (len(surface) >= 2 and surface not in PRONOUNS and key[0] != "Region") or len(surface) >= 3:
                automaton.add_word(surface, (surface, key))
    for tail, key in park_tails(resolution.names).items():
        if tail not in automaton:
            automaton.add_word(tail, (tail, key))  # 落户研创园: the park named earlier in full
    if len(automaton) == 0:
        return
    automaton.make_automaton()
    taken: dict[int, bytearray] = {}
    by_sentence: dict[int, list[ResolvedMention]] = {}
    for mention in resolution.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    added = []
    dropped: set[int] = set()
    for sentence in sentences:
        used = taken.setdefault(sentence.index, bytearray(sentence.end - sentence.start + 1))
        places = {}  # a place word inside a known longer name (南京 in 南京维立志博) gives way to the name
        for mention in by_sentence.get(sentence.index, []):
            if mention.key[0] == "Region":
                places[(mention.start - sentence.start, mention.end - sentence.start)] = mention
            for i in range(mention.start - sentence.start, mention.end - sentence.start):
                used[i] = 1
        hits = sorted(
            ((last - len(s) + 1, last + 1, s, key) for last, (s, key) in automaton.iter(sentence.text)),
            key=lambda h: (h[0], -(h[1] - h[0])),
        )
        bounds = word_bounds(sentence.text) if hits else frozenset()
        for start, end, surface, key in hits:
            closed = sentence.text[end : end + 1] in CLOSERS  # 南京维立志博等: the segmenter glues 等 on
            if start not in bounds or (end not in bounds and not closed):
                continue  # inside a longer word (小米 in 小米粥)
            inside = [m for (a, b), m in places.items() if start <= a and b <= end and b - a < end - start]
            inside = inside if key[0] != "Region" else []
            free = bytearray(used[start:end])
            for mention in inside:
                for i in range(mention.start - sentence.start - start, mention.end - sentence.start - start):
                    free[i] = 0
            if any(free):
                continue  # taken by another name
            for mention in inside:
                dropped.add(id(mention))
            for i in range(start, end):
                used[i] = 1
            added.append(
                ResolvedMention(
                    sentence.start + start, sentence.start + end, surface, key, "actor.repeated", 0.6, sentence.index
                )
            )
    if dropped:
        gone = {m.key for m in resolution.mentions if id(m) in dropped}
        resolution.mentions[:] = [m for m in resolution.mentions if id(m) not in dropped]
        # A place seen only inside company names (南京 of 南京维立志博) is no actor of the document.
        for key in gone - {m.key for m in resolution.mentions + added} - {resolution.subject}:
            resolution.names.pop(key, None)
    resolution.mentions.extend(added)


def _evidence(text: NormalisedText, sentence: Sentence, start: int, end: int, rule: str, confidence: float) -> Evidence:
    """Evidence with source offsets and the source sentence, from normalised offsets."""
    source_start, source_end = text.source_span(start, end)
    sentence_start, sentence_end = text.source_span(sentence.start, sentence.end)
    return Evidence(
        doc_id=text.source.doc_id,
        sentence=text.source.text[sentence_start:sentence_end].strip(),
        start=source_start,
        end=source_end,
        rule=rule,
        confidence=confidence,
    )


def _retype_investors(ties: list[tuple[int, FoundTie]]) -> dict[Key, Key]:
    """A company named as an investor in a funding act is a Fund there (中国人寿…等投资方, 某控股集团共同出资).

    So is a company that manages a fund (基金管理人为某投资管理有限公司): an investment institution.
    """
    return {
        tie.subject: ("Fund", tie.subject[1])
        for _, tie in ties
        if tie.subject[0] == "Enterprise"
        and (tie.predicate == "FUNDS" or (tie.predicate == "RUNS" and tie.object[0] == "Fund"))
    }


# 该基金已注资A, 该公司负责B: a demonstrative and a kind word name the last actor of that kind.
ANAPHOR_WORD = re.compile(
    "该(母基金|子基金|基金|公司|企业|集团|研究院|研究所|实验室|创新中心|中心|平台|大学|高校|学院)"
)
ANAPHOR_TYPES = {
    "母基金": ("Fund",),
    "子基金": ("Fund",),
    "基金": ("Fund",),
    "公司": ("Enterprise", "Fund"),
    "企业": ("Enterprise",),
    "集团": ("Enterprise", "Fund"),
    "研究院": ("Lab",),
    "研究所": ("Lab",),
    "实验室": ("Lab",),
    "创新中心": ("Lab",),
    "中心": ("Lab", "Platform"),
    "平台": ("Platform",),
    "大学": ("University",),
    "高校": ("University",),
    "学院": ("University",),
}


def _anaphors(text: str, local: list[SentenceMention], last_named: dict[str, Key]) -> list[SentenceMention]:
    """The sentence's mentions with each 该基金/该公司 read as the last actor of its kind named before it."""
    added = []
    for match in ANAPHOR_WORD.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in local):
            continue
        earlier = [m.key for m in local if m.end <= match.start()]
        kinds = ANAPHOR_TYPES[match.group(1)]
        key = next((k for k in reversed(earlier) if k[0] in kinds), None)
        if key is None:
            key = next((last_named[kind] for kind in kinds if kind in last_named), None)
        if key is not None:
            added.append(SentenceMention(match.start(), match.end(), key))
    return sorted(local + added, key=lambda m: m.start) if added else local


def _has_cells(text: NormalisedText) -> bool:
    return "\t" in text.text or "\u3000" in text.text or "  " in text.text or "|" in text.text


def _name_cells(text: NormalisedText, sentences: list[Sentence]) -> dict[int, list[tuple[int, int, str]]]:
    """Sentence index -> the name cell of a table row in it (see tables.name_cells)."""
    if not _has_cells(text):
        return {}
    cells = name_cells([text.text[s.start : s.end] for s in sentences])
    return {sentences[i].index: cell for i, cell in cells.items()}


def _with_name_cell(sentence: str, picked: list[Candidate], cell: tuple[int, int, str]) -> list[Candidate]:
    """A row's name cell is one actor: the whole cell, typed by its suffix, else by its column's header."""
    start, end, header = cell
    if any(c.start == start and c.end == end for c in picked):
        return picked
    if any(c.start < start < c.end or c.start < end < c.end for c in picked):
        return picked  # a name runs over the cell's edge: the cells are not what they seem
    name = sentence[start:end]
    suffix = longest_suffix(name)
    type_ = suffix_table()[suffix] if suffix else header_type(header)
    inside = [c for c in picked if start <= c.start and c.end <= end]
    whole = any(c.type not in ("Region", "Industry") and c.end - c.start >= end - start - 2 for c in inside)
    if type_ == "Region" or whole:
        return picked  # the cell is already one name
    kept = [c for c in picked if not (start <= c.start and c.end <= end)]
    return sorted([*kept, Candidate(start, end, name, type_, "actor.table.name", 0.7)], key=lambda c: c.start)


def _table_ties(
    text: NormalisedText,
    sentences: list[Sentence],
    mentions_by_sentence: dict[int, list[ResolvedMention]],
    tie_types: dict,
) -> list[tuple[int, FoundTie]]:
    """Ties the rows of the document's tables state; cells are cut in the text as read (ideographic spaces)."""
    if not _has_cells(text):
        return []
    rows = [
        Row(
            text.text[s.start : s.end],
            [
                SentenceMention(m.start - s.start, m.end - s.start, m.key)
                for m in mentions_by_sentence.get(s.index, [])
            ],
        )
        for s in sentences
    ]
    return [(sentences[i].index, tie) for i, tie in table_ties(rows, tie_types)]


def extract(text: NormalisedText, sentences: list[Sentence]) -> Batch:
    """Actors, ties and quantities of one document, every one with evidence."""
    sentences = [
        Sentence(s.index, s.start, s.end, s.text.translate(FULLWIDTH))
        for s in sentences
        if not FURNITURE.match(s.text.strip())
    ]
    candidates = []
    shorts: dict[str, str] = {}
    named_cells = _name_cells(text, sentences)
    for sentence in sentences:
        picked, found = appositions(sentence.text, sentence_candidates(sentence.text))
        for cell in named_cells.get(sentence.index, []):
            picked = _with_name_cell(sentence.text, picked, cell)
        shorts.update(found)
        for cand in picked:
            candidates.append((sentence.index, sentence.start, cand))
    title = sentence_candidates(to_simplified(text.source.title).translate(FULLWIDTH)) if text.source.title else []
    resolution = resolve(candidates, title=title, shorts=shorts)
    _repeats(resolution, sentences)

    by_index = {s.index: s for s in sentences}
    mentions_by_sentence: dict[int, list[ResolvedMention]] = {}
    for mention in sorted(resolution.mentions, key=lambda m: m.start):
        mentions_by_sentence.setdefault(mention.sentence, []).append(mention)

    tie_types = load_ontology().tie_types  # once per document
    found: list[tuple[int, FoundTie]] = []
    last_named: dict[str, Key] = {}  # the last actor of each type named so far, for 该基金, 该公司
    quantities: list[tuple[int, int, object, Key | None]] = []
    for sentence in sentences:
        mentions = mentions_by_sentence.get(sentence.index, [])
        local = [SentenceMention(m.start - sentence.start, m.end - sentence.start, m.key) for m in mentions]
        if ANAPHOR_WORD.search(sentence.text):
            local = _anaphors(sentence.text, local, last_named)
        for mention in local:
            last_named[mention.key[0]] = mention.key
        for tie in sentence_ties(sentence.text, local, resolution.subject, tie_types):
            found.append((sentence.index, tie))
        amounts = sentence_quantities(sentence.text)
        subjects = subjects_at(sentence.text, local, resolution.subject, [q.start for q in amounts], tie_types)
        clause_starts = [0] + [i + 1 for i, ch in enumerate(sentence.text) if ch in ",;:"] if amounts else [0]
        for quantity, clause_subject in zip(amounts, subjects, strict=True):
            described = next((m.key for m in local if 0 < m.start - quantity.end <= 2), None)
            if described is not None and sentence.text[quantity.end : quantity.end + 1] == "的":
                owner = described  # 总规模100亿元的海洋产业引导基金
            else:
                # The last actor named in the same clause, else the clause's subject.
                clause_start = clause_starts[bisect_right(clause_starts, quantity.start) - 1]
                owner = (
                    next(
                        (
                            m.key
                            for m in reversed(local)
                            if clause_start <= m.start and m.end <= quantity.start and m.key[0] != "Industry"
                        ),
                        None,
                    )
                    or clause_subject
                )
            quantities.append((sentence.index, sentence.start, quantity, owner))

    found += _table_ties(text, sentences, mentions_by_sentence, tie_types)
    retype = _retype_investors(found)

    def fix(key: Key) -> Key:
        return retype.get(key, key)

    batch = Batch()
    actors: dict[Key, Actor] = {}
    for key, surfaces in resolution.names.items():
        key = fix(key)
        actor = actors.setdefault(key, Actor(type=key[0], name=key[1]))
        actor.aliases |= {s for s in surfaces if s != key[1]}
    for mention in resolution.mentions:
        key = fix(mention.key)
        actor = actors[key]
        sentence = by_index[mention.sentence]
        evidence = _evidence(text, sentence, mention.start, mention.end, mention.rule, mention.confidence)
        surface = text.source.text[evidence.start : evidence.end]
        alias = READING.sub("", surface)  # 蘇州工業(yè)園區 is the alias 蘇州工業園區
        if alias != actor.name:
            actor.aliases.add(alias)
        actor.mentions.append(Mention(actor.id, surface, evidence))
    for actor in actors.values():
        batch.add_actor(actor)

    for index, tie in found:
        sentence = by_index[index]
        evidence = _evidence(
            text, sentence, sentence.start + tie.start, sentence.start + tie.end, tie.rule, tie.confidence
        )
        subject, obj = fix(tie.subject), fix(tie.object)
        batch.add_tie(Tie(actor_id(*subject), tie.predicate, actor_id(*obj), [evidence]))
    for subject, predicate, obj, start, end in resolution.structural:
        subject, obj = fix(subject), fix(obj)
        if actor_id(*subject) not in batch.actors or actor_id(*obj) not in batch.actors:
            continue
        evidence_list = []
        mention = next((m for m in resolution.mentions if m.start == start and m.end == end), None)
        if start >= 0 and mention is not None:
            evidence_list.append(
                _evidence(text, by_index[mention.sentence], start, end, f"tie.{predicate.lower()}.name", 0.8)
            )
        batch.add_tie(Tie(actor_id(*subject), predicate, actor_id(*obj), evidence_list))

    for index, offset, quantity, owner in quantities:
        if owner is None:
            continue
        owner = fix(owner)
        evidence = _evidence(
            text, by_index[index], offset + quantity.start, offset + quantity.end, "quantity.amount", 0.6
        )
        batch.quantities.append(
            Quantity(
                actor_id(*owner),
                quantity.value,
                quantity.unit,
                quantity.hedge,
                text.source.text[evidence.start : evidence.end],
                evidence,
            )
        )
    return batch

"""The data that flows from a document to a store, declared once.

document file -> ``SourceText`` (decoded, furniture known) -> ``NormalisedText``
(Simplified, pinyin and mojibake removed, with an offset map back to the source) ->
``Batch`` (actors, ties, evidence, quantities) -> a store.

Offsets (``start``, ``end``) are always character offsets into ``SourceText.text``,
the decoded original document, so every fact points back to the sentence that
states it in the document's own script.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceText:
    """A document decoded to text, before any normalisation."""

    path: str  # as given by the user
    doc_id: str  # sha256 of the file's bytes, hex
    text: str  # decoded original text (HTML already reduced to its text)
    encoding: str  # what the bytes were decoded as
    media_type: str  # "text/plain" or "text/html"
    title: str = ""
    date: str = ""  # ISO date if one was found, else ""


@dataclass(frozen=True)
class NormalisedText:
    """Simplified, cleaned text with a map from each of its characters to the source.

    ``to_source[i]`` is the offset in ``SourceText.text`` of character ``i`` of
    ``text``; ``to_source[len(text)]`` is one past the last source character used.
    Characters of the source that belong to page furniture are not in ``text``.
    """

    source: SourceText
    text: str
    to_source: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the normalised span [start, end)."""
        if end <= start:
            return self.to_source[start], self.to_source[start]
        return self.to_source[start], self.to_source[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalised text: [start, end) in normalised offsets."""

    index: int
    start: int
    end: int
    text: str  # normalised (Simplified) text of the sentence


@dataclass(frozen=True)
class Evidence:
    """Where the document states a fact: the sentence in the document's own script."""

    doc_id: str
    sentence: str  # the source sentence as it stands in the document
    start: int  # source offsets of the span that states the fact
    end: int
    rule: str  # id of the rule that produced the fact, e.g. "tie.hosts.luohu"
    confidence: float


@dataclass(frozen=True)
class Mention:
    """One place a document names an actor."""

    actor_id: str
    surface: str  # the form in the document's own script
    evidence: Evidence


@dataclass
class Actor:
    """One actor as a document (or a merged set of documents) knows it."""

    type: str  # an actor type name from the ontology: "Park"
    name: str  # canonical Simplified name
    aliases: set[str] = field(default_factory=set)  # other surface forms, any script
    mentions: list[Mention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return actor_id(self.type, self.name)


@dataclass(frozen=True)
class Quantity:
    """An amount or count a document attaches to an actor: 超1000亿元 -> (1e11, 元, 超)."""

    actor_id: str
    value: float
    unit: str  # "元", "家", "个", "人", "%", ...
    hedge: str  # "", "超", "约", "近", "逾", "以上" ...
    text: str  # the surface form, as in the document
    evidence: Evidence


@dataclass
class Tie:
    """A typed relationship between two actors, with every piece of evidence that states it."""

    subject_id: str
    predicate: str  # a tie type name from the ontology: "HOSTS"
    object_id: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def id(self) -> str:
        return tie_id(self.subject_id, self.predicate, self.object_id)


@dataclass
class Document:
    """What the store keeps about a loaded document."""

    doc_id: str
    path: str
    title: str = ""
    date: str = ""
    encoding: str = ""
    media_type: str = "text/plain"
    chars: int = 0


@dataclass
class Batch:
    """Everything one or more documents add to the graph, ready for one write."""

    documents: list[Document] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)  # by actor id
    ties: dict[str, Tie] = field(default_factory=dict)  # by tie id
    quantities: list[Quantity] = field(default_factory=list)

    def add_actor(self, actor: Actor) -> Actor:
        """Add or merge an actor by id; returns the one the batch keeps."""
        kept = self.actors.get(actor.id)
        if kept is None:
            self.actors[actor.id] = actor
            return actor
        kept.aliases |= actor.aliases
        kept.mentions.extend(actor.mentions)
        return kept

    def add_tie(self, tie: Tie) -> Tie:
        """Add or merge a tie by id; evidence accumulates."""
        kept = self.ties.get(tie.id)
        if kept is None:
            self.ties[tie.id] = tie
            return tie
        kept.evidence.extend(tie.evidence)
        return kept

    def merge(self, other: Batch) -> None:
        """Add another batch's facts; ``other`` is left as it was, so it can still be written alone."""
        self.documents.extend(other.documents)
        for actor in other.actors.values():
            self.add_actor(Actor(actor.type, actor.name, set(actor.aliases), list(actor.mentions)))
        for tie in other.ties.values():
            self.add_tie(Tie(tie.subject_id, tie.predicate, tie.object_id, list(tie.evidence)))
        self.quantities.extend(other.quantities)


def actor_id(type_name: str, name: str) -> str:
    """Stable id from type and canonical name: the same actor in any document is one node."""
    return f"{type_name}:{name}"


def tie_id(subject_id: str, predicate: str, object_id: str) -> str:
    """Stable id of a tie; symmetric ties are keyed with their ends in sorted order."""
    if predicate == "COLLABORATES_WITH" and object_id < subject_id:
        subject_id, object_id = object_id, subject_id
    return f"{subject_id}|{predicate}|{object_id}"


def evidence_id(kind: str, target_id: str, evidence: Evidence) -> str:
    """Stable id of one piece of evidence, so reloading a document writes nothing new."""
    key = f"{kind}|{target_id}|{evidence.doc_id}|{evidence.start}|{evidence.end}|{evidence.rule}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()

"""Hand-written sentences through the real loader stages, for the sentence-level rule tests."""

from __future__ import annotations

import hashlib

from innograph.loaders.extraction import extract
from innograph.loaders.normalising import normalise
from innograph.loaders.sentences import split_sentences
from innograph.model import Batch, SourceText


def run(text: str) -> Batch:
    """What the loaders extract from a text, as if it were a document of its own."""
    source = SourceText(
        path="case.txt",
        doc_id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        text=text,
        encoding="utf-8",
        media_type="text/plain",
    )
    normalised = normalise(source)
    return extract(normalised, split_sentences(normalised))


def actors(batch: Batch) -> set[tuple[str, str]]:
    return {(a.type, a.name) for a in batch.actors.values()}


def ties(batch: Batch) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in batch.actors.values()}
    return {(names[t.subject_id], t.predicate, names[t.object_id]) for t in batch.ties.values()}

"""One document file to one Batch: the stages of ``innograph.loaders`` run in order."""

from __future__ import annotations

from pathlib import Path

from innograph.errors import ExtractionError
from innograph.loaders.extraction import extract
from innograph.loaders.normalising import normalise
from innograph.loaders.reading import read_document
from innograph.loaders.sentences import split_sentences
from innograph.model import Batch, Document, NormalisedText, SourceText


def extract_source(source: SourceText) -> Batch:
    """Extract from an already decoded document; the batch carries its Document record."""
    text = normalise(source)
    if not isinstance(text, NormalisedText):
        raise ExtractionError(f"{source.path}: normalise returned {type(text).__name__}, not NormalisedText")
    sentences = split_sentences(text)
    batch = extract(text, sentences)
    if not isinstance(batch, Batch):
        raise ExtractionError(f"{source.path}: extract returned {type(batch).__name__}, not Batch")
    batch.documents.insert(
        0,
        Document(
            doc_id=source.doc_id,
            path=source.path,
            title=source.title,
            date=source.date,
            encoding=source.encoding,
            media_type=source.media_type,
            chars=len(source.text),
        ),
    )
    return batch


def extract_file(path: str | Path) -> Batch:
    """Read, normalise and extract one file; LoadError names the file if it cannot be read."""
    return extract_source(read_document(Path(path)))

"""Documents -> normalised text -> actors, ties, evidence.

The stages, each a plain function with one job (see ``innograph.model`` for the types):

- ``reading.read_document(path) -> SourceText``: bytes to text (encoding detection,
  HTML to article text, front matter), or ``LoadError`` naming the file.
- ``normalising.normalise(source) -> NormalisedText``: furniture dropped, pinyin
  readings removed, mojibake repaired or masked, Traditional -> Simplified, with an
  offset map back to the source.
- ``sentences.split_sentences(text) -> list[Sentence]``.
- ``extraction.extract(text, sentences) -> Batch``: actors, ties, quantities, evidence.
- ``pipeline.extract_file(path) -> Batch`` runs them all.
"""

"""The synthetic corpus: deterministic, true to the ontology, and its truth agrees with its gold files."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import CorpusGenerator, truth_batch, write_corpus
from innograph.loaders.evaluation import score_document
from innograph.loaders.goldfile import batch_to_gold, read_gold
from innograph.ontology import load_ontology


def test_benchmarks_corpus_is_deterministic() -> None:
    first = [doc.data for doc in CorpusGenerator(3).documents(20)]
    second = [doc.data for doc in CorpusGenerator(3).documents(20)]
    other = [doc.data for doc in CorpusGenerator(4).documents(20)]
    assert first == second
    assert first != other


def test_benchmarks_corpus_gold_is_consistent_with_the_text_and_the_ontology() -> None:
    ontology = load_ontology()
    docs = list(CorpusGenerator(5).documents(60))
    assert {doc.media_type for doc in docs} == {"text/plain", "text/html"}
    assert {doc.encoding for doc in docs} >= {"utf-8", "gbk"}
    for doc in docs:
        gold = doc.gold()
        text = doc.data.decode(doc.encoding)
        types = {(e["name"]): e["type"] for e in gold["entities"]}
        assert gold["relations"], doc.name
        for entity in gold["entities"]:
            assert entity["type"] in ontology.actor_types
            forms = [entity["name"], *entity["aliases"]]
            assert any(form in doc.plain for form in forms), (doc.name, entity)
        for relation in gold["relations"]:
            assert relation["evidence"] in doc.plain
            assert relation["evidence"][:4] in text  # HTML escapes nothing in these spans' first characters
            tie = ontology.tie_type(relation["predicate"])
            assert tie.allows(types[relation["subject"]], types[relation["object"]]), relation


def test_benchmarks_truth_batch_written_as_gold_scores_perfectly_against_the_gold() -> None:
    # Two independent routes to the same truth: the generator's gold dict, and the Batch through goldfile.
    for doc in CorpusGenerator(9).documents(25):
        predicted = batch_to_gold(truth_batch(doc), doc.name, doc.plain)
        score = score_document(doc.gold(), predicted)
        assert score.actors.f1 == 1.0, doc.name
        assert score.ties.f1 == 1.0, doc.name
        for relation in predicted["relations"]:
            assert relation["evidence"] in doc.plain


def test_benchmarks_write_corpus_writes_documents_and_gold_side_by_side(tmp_path: Path) -> None:
    info = write_corpus(tmp_path, 12, seed=2)
    docs = sorted(p.name for p in info.docs_dir.iterdir())
    golds = sorted(p.name for p in info.gold_dir.iterdir())
    assert len(docs) == 12 and golds == [f"{name}.json" for name in docs]
    assert info.bytes == sum((info.docs_dir / name).stat().st_size for name in docs)
    assert info.actors > 12 and info.ties > 12
    assert read_gold(info.gold_dir / golds[0])["document"] == docs[0]

"""The embedded store's fast path: evidence of a document the write itself creates skips the id look-up.

The path is only safe because the write marks the documents it creates and takes the
mark off again; these tests pin both halves, and the race the mark is there for.
"""

from __future__ import annotations

import uuid

from graph_batches import document_batch, park_batch
from test_store_contract import counts

from innograph.graph.writer import write_statements
from innograph.model import Batch


def _evidence_ids(store) -> list[str]:
    return [row["id"] for row in store.run("MATCH (e:Evidence) RETURN e.id AS id ORDER BY id", read_only=True)]


def test_fresh_write_leaves_no_mark_on_its_documents(embedded_store):
    stats = embedded_store.write(park_batch())
    assert stats.evidence_created > 0
    marked = embedded_store.run("MATCH (d:Document) WHERE d.writing IS NOT NULL RETURN d.id AS id", read_only=True)
    assert marked == []


def test_document_stored_by_another_writer_in_between_gets_nothing_twice(embedded_store):
    embedded_store.write(park_batch())
    before = counts(embedded_store)
    evidence = _evidence_ids(embedded_store)
    # This writer read the document as new, then another writer stored it before this write ran.
    statements = write_statements(park_batch(), token=uuid.uuid4().hex, stored_docs=set())
    stats = embedded_store._transaction(statements)
    assert (stats.documents, stats.evidence_created) == (0, 0)
    assert counts(embedded_store) == before
    assert _evidence_ids(embedded_store) == evidence


OTHER_TEXT = "苏州工业园区与中国科学院共建纳米技术研究所，总投资超10亿元。"


def _other_batch() -> Batch:
    return document_batch("docs/other.txt", OTHER_TEXT, [("Park:苏州工业园区", "CO_BUILDS", "Lab:纳米技术研究所")],
                          quantities=(("Park:苏州工业园区", 1e9, "元"),))


def test_batch_of_a_stored_and_a_new_document_equals_a_clean_write(embedded_store):
    embedded_store.write(park_batch())
    both = Batch()
    both.merge(park_batch())
    both.merge(_other_batch())
    stats = embedded_store.write(both)
    assert stats.documents == 1
    assert stats.evidence_created > 0
    mixed = counts(embedded_store), _evidence_ids(embedded_store)

    embedded_store.clear()
    clean = Batch()
    clean.merge(park_batch())
    clean.merge(_other_batch())
    embedded_store.write(clean)
    assert (counts(embedded_store), _evidence_ids(embedded_store)) == mixed

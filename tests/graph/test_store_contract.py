"""The store contract, one body per behaviour, run on the embedded engine and on Neo4j (any_store)."""

from __future__ import annotations

import pytest
from graph_batches import PARK_TEXT, PARK_TIES, document_batch, park_batch

from innograph.errors import QueryError
from innograph.model import tie_id


def counts(store) -> dict[str, int]:
    """Node counts per label set plus relationship counts per type."""
    out: dict[str, int] = {}
    for row in store.run("MATCH (n) RETURN labels(n) AS labels, count(*) AS c"):
        out[":".join(sorted(row["labels"]))] = row["c"]
    for row in store.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c"):
        out[row["t"]] = row["c"]
    return out


def test_store_write_reads_back(any_store):
    stats = any_store.write(park_batch())
    assert stats.documents == 1
    assert stats.actors_created == 4
    assert stats.ties_created == len(PARK_TIES)
    assert stats.evidence_created == 4 + len(PARK_TIES)

    rows = any_store.run(
        "MATCH (a:Actor {name: $a})-[r:CO_BUILDS]->(b:Actor {name: $b}) "
        # (WHERE rather than {target: r.id}: ArcadeDB's Bolt stand-in misreads a relationship's property there)
        "MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document) WHERE e.target = r.id "
        "RETURN d.path AS path, e.sentence AS sentence, e.start AS start, e.end AS end",
        {"a": "清华大学", "b": "深圳研究院"},
        read_only=True,
    )
    assert rows == [{"path": "docs/park.txt", "sentence": PARK_TEXT, "start": 0, "end": len(PARK_TEXT)}]

    park = any_store.run("MATCH (a:Park {name: $n}) RETURN a", {"n": "深圳湾科技园"}, read_only=True)[0]["a"]
    assert park["labels"] == ["Actor", "Park"]
    assert park["id"] == "Park:深圳湾科技园" and park["type"] == "Park"
    assert park["aliases"] == ["深圳湾科技园（别名）"]

    quantity = any_store.run(
        "MATCH (q:Quantity)-[:DESCRIBES]->(a:Actor) RETURN q.value AS v, q.unit AS u, a.name AS n", read_only=True
    )
    assert quantity == [{"v": 1e10, "u": "元", "n": "深圳湾科技园"}]


def test_store_values_are_plain_python(any_store):
    any_store.write(park_batch())
    row = any_store.run(
        "MATCH p = (a:Region)-[r:HOSTS]->(b:Park) RETURN a, r, p", read_only=True
    )[0]
    assert row["r"] == {"type": "HOSTS", "id": tie_id("Region:南山区", "HOSTS", "Park:深圳湾科技园")}
    assert row["p"]["nodes"][0] == row["a"]
    assert [n["name"] for n in row["p"]["nodes"]] == ["南山区", "深圳湾科技园"]
    assert row["p"]["relationships"] == [row["r"]]


def test_store_same_batch_twice_creates_nothing(any_store):
    any_store.write(park_batch())
    before = counts(any_store)
    again = any_store.write(park_batch())
    assert counts(any_store) == before
    assert (again.documents, again.actors_created, again.ties_created, again.evidence_created) == (0, 0, 0, 0)
    assert again.properties_set == 0


def test_store_symmetric_tie_stored_once(any_store):
    thu, pku = "University:清华大学", "University:北京大学"
    one = document_batch("a.txt", "清华大学与北京大学合作。", [(thu, "COLLABORATES_WITH", pku)])
    two = document_batch("b.txt", "北京大学与清华大学合作。", [(pku, "COLLABORATES_WITH", thu)])
    any_store.write(one)
    any_store.write(two)
    rows = any_store.run(
        "MATCH (a:Actor {name: $a})-[r:COLLABORATES_WITH]-(b:Actor) RETURN b.name AS b, r.id AS id",
        {"a": "北京大学"}, read_only=True,
    )
    assert [row["b"] for row in rows] == ["清华大学"]
    evidence = any_store.run("MATCH (e:Evidence {target: $t}) RETURN count(e) AS n", {"t": rows[0]["id"]})
    assert evidence == [{"n": 2}]


def test_store_aliases_merge_as_a_set(any_store):
    first = document_batch("a.txt", "深圳湾科技园。", [], actors=("Park:深圳湾科技园",))
    second = document_batch("b.txt", "深圳湾科技园区。", [], actors=("Park:深圳湾科技园",))
    second.actors["Park:深圳湾科技园"].aliases |= {"深圳灣科技園"}
    any_store.write(first)
    any_store.write(second)
    aliases = any_store.run("MATCH (a:Park) RETURN a.aliases AS al", read_only=True)[0]["al"]
    assert sorted(aliases) == ["深圳湾科技园（别名）", "深圳灣科技園"]


def test_store_forget_removes_only_what_one_document_states(any_store):
    shared = document_batch("other.txt", "南山区设有深圳湾科技园。", [("Region:南山区", "HOSTS", "Park:深圳湾科技园")])
    any_store.write(shared)
    before = counts(any_store)
    park = park_batch()
    any_store.write(park)

    stats = any_store.forget(park.documents[0].doc_id)
    assert stats.extra["documents_deleted"] == 1
    assert counts(any_store) == before
    left = any_store.run("MATCH (a:Actor) RETURN a.name AS n ORDER BY n", read_only=True)
    assert [row["n"] for row in left] == sorted(["南山区", "深圳湾科技园"])
    assert any_store.run("MATCH (q:Quantity) RETURN count(q) AS n") == [{"n": 0}]


def test_store_forget_everything_leaves_empty_graph(any_store):
    park = park_batch()
    any_store.write(park)
    any_store.forget(park.documents[0].doc_id)
    assert counts(any_store) == {}


def test_store_changed_document_replaces_old_version(any_store):
    other = document_batch("keep.txt", "北京大学与清华大学合作。",
                           [("University:北京大学", "COLLABORATES_WITH", "University:清华大学")])
    any_store.write(other)
    any_store.write(park_batch(path="docs/park.txt"))
    new_text = "南山区设有深圳湾科技园，园区引进华为。"
    changed = document_batch("docs/park.txt", new_text, [
        ("Region:南山区", "HOSTS", "Park:深圳湾科技园"),
        ("Park:深圳湾科技园", "HOSTS", "Enterprise:华为"),
    ])
    stats = any_store.write(changed)
    assert stats.extra.get("documents_replaced") == 1

    docs = any_store.run("MATCH (d:Document) RETURN d.path AS p ORDER BY p", read_only=True)
    assert [row["p"] for row in docs] == ["docs/park.txt", "keep.txt"]
    ties = any_store.run(
        "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.name + '-' + type(r) + '-' + b.name AS t ORDER BY t", read_only=True
    )
    assert [row["t"] for row in ties] == sorted([
        "南山区-HOSTS-深圳湾科技园", "深圳湾科技园-HOSTS-华为", "北京大学-COLLABORATES_WITH-清华大学",
    ])
    # the facts of the old version are gone, evidence included; the kept tie now rests on the new text only
    sentences = any_store.run(
        "MATCH (e:Evidence)-[:IN_DOCUMENT]->(d:Document {path: $p}) RETURN DISTINCT e.sentence AS s",
        {"p": "docs/park.txt"}, read_only=True,
    )
    assert sentences == [{"s": new_text}]
    assert any_store.run("MATCH (e:Evidence) WHERE NOT (e)-[:IN_DOCUMENT]->() RETURN count(e) AS n") == [{"n": 0}]
    assert any_store.run("MATCH (a:Lab) RETURN count(a) AS n") == [{"n": 0}]


def test_store_read_only_refuses_a_write(any_store):
    with pytest.raises(QueryError):
        any_store.run("CREATE (:Actor {id: $id})", {"id": "x"}, read_only=True)
    assert any_store.run("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_store_malformed_query_names_it(any_store):
    with pytest.raises(QueryError, match="MATCH \\(n RETURN"):
        any_store.run("MATCH (n RETURN n")


def test_store_row_limit_caps_rows(any_store):
    any_store.write(park_batch())
    rows = any_store.run("MATCH (a:Actor) RETURN a.name AS n", read_only=True, row_limit=2)
    assert len(rows) == 2


def test_store_unknown_actor_type_is_refused(any_store):
    from innograph.errors import OntologyError

    batch = document_batch("x.txt", "某物。", [], actors=("Spaceship:某物",))
    with pytest.raises(OntologyError, match="Spaceship"):
        any_store.write(batch)


def test_store_failed_write_leaves_nothing_of_its_document(any_store):
    keep = document_batch("keep.txt", "北京大学与清华大学合作。",
                          [("University:北京大学", "COLLABORATES_WITH", "University:清华大学")])
    any_store.write(keep)
    before = counts(any_store)
    # An Actor without its type label holding an id the batch needs: the batch's MERGE of
    # (:Actor:Lab {id}) cannot match it and creating one breaks the unique Actor.id constraint.
    any_store.run("CREATE (:Actor {id: $id, name: $name})", {"id": "Lab:深圳研究院", "name": "深圳研究院"})
    with pytest.raises(QueryError):
        any_store.write(park_batch())
    any_store.run("MATCH (a:Actor {id: $id}) WHERE NOT a:Lab DELETE a", {"id": "Lab:深圳研究院"})
    assert counts(any_store) == before
    assert any_store.run("MATCH (d:Document {path: $p}) RETURN count(d) AS n", {"p": "docs/park.txt"}) == [{"n": 0}]


def test_store_timeout_stops_a_long_query(any_store):
    with pytest.raises(QueryError):
        any_store.run("UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n",
                      read_only=True, timeout_ms=50)


TRICKY_TEXTS = [
    '他说："深圳湾科技园"\n是\t园区\\r\\n（全角　空格）',
    "form\x0cfeed\x08back\x01ctl \u2028 sep",
    'ends with backslash \\',
    '"id":"x","kind":"tie"} ` backtick',
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_store_keeps_sentences_exactly(any_store, text):
    batch = document_batch("tricky.txt", text, [], actors=("Park:深圳湾科技园",))
    any_store.write(batch)
    rows = any_store.run("MATCH (e:Evidence)-[:MENTIONS]->(a:Park) RETURN e.sentence AS s, a.aliases AS al",
                         read_only=True)
    assert rows == [{"s": text, "al": ["深圳湾科技园（别名）"]}]
    assert any_store.run("MATCH (d:Document) RETURN d.path AS p") == [{"p": "tricky.txt"}]


def _implied_parent_batch(path: str, text: str):
    """A document whose PART_OF parent is read from the longer name, so the parent is never mentioned."""
    batch = document_batch(path, text, [("Lab:理光中国研究院长三角分院", "PART_OF", "Lab:理光中国研究院")])
    batch.actors["Lab:理光中国研究院"].mentions.clear()
    return batch


def test_store_forget_removes_actors_only_implied_by_the_document(any_store):
    one = _implied_parent_batch("a.txt", "理光中国研究院长三角分院在苏州成立。")
    two = _implied_parent_batch("b.txt", "理光中国研究院长三角分院举办活动。")
    any_store.write(one)
    any_store.write(two)
    any_store.forget(one.documents[0].doc_id)
    left = any_store.run("MATCH (a:Actor) RETURN a.name AS n ORDER BY n", read_only=True)
    assert [row["n"] for row in left] == sorted(["理光中国研究院", "理光中国研究院长三角分院"])  # b still implies it
    any_store.forget(two.documents[0].doc_id)
    assert counts(any_store) == {}


def test_store_unsendable_parameter_is_a_query_error(any_store):
    with pytest.raises(QueryError):
        any_store.run("RETURN $x AS x", {"x": object()})

"""Small hand-built Batches for the store tests: one document stating a few ties."""

from __future__ import annotations

import hashlib

from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie, actor_id


def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_batch(path: str, text: str, ties: list[tuple[str, str, str]], actors: tuple[str, ...] = (),
                   quantities: tuple[tuple[str, float, str], ...] = ()) -> Batch:
    """A batch for one document: each "Type:name" actor is mentioned where its name occurs in the text
    (or at 0), each (subject, TIE, object) tie is stated by the whole text."""
    doc = doc_id_of(text)
    batch = Batch(documents=[Document(doc, path, title=path, encoding="utf-8", chars=len(text))])
    names = list(actors) + [end for s, _, o in ties for end in (s, o)]
    for spec in names:
        type_name, name = spec.split(":", 1)
        start = max(text.find(name), 0)
        evidence = Evidence(doc, text, start, start + len(name), "test.mention", 0.9)
        actor = Actor(type_name, name, {name + "（别名）"})
        actor.mentions.append(Mention(actor.id, name, evidence))
        batch.add_actor(actor)
    for subject, predicate, obj in ties:
        s_id, o_id = actor_id(*subject.split(":", 1)), actor_id(*obj.split(":", 1))
        batch.add_tie(Tie(s_id, predicate, o_id, [Evidence(doc, text, 0, len(text), f"test.{predicate}", 0.8)]))
    for spec, value, unit in quantities:
        a_id = actor_id(*spec.split(":", 1))
        batch.quantities.append(Quantity(a_id, value, unit, "超", f"{value}{unit}",
                                         Evidence(doc, text, 0, len(text), "test.quantity", 0.7)))
    return batch


PARK_TEXT = "南山区高新园区由南山区管理，深圳湾科技园与清华大学共建深圳研究院，总投资超100亿元。"
PARK_TIES = [
    ("Region:南山区", "HOSTS", "Park:深圳湾科技园"),
    ("Park:深圳湾科技园", "CO_BUILDS", "Lab:深圳研究院"),
    ("University:清华大学", "CO_BUILDS", "Lab:深圳研究院"),
    ("University:清华大学", "COLLABORATES_WITH", "Park:深圳湾科技园"),
]


def park_batch(path: str = "docs/park.txt", text: str = PARK_TEXT) -> Batch:
    return document_batch(path, text, PARK_TIES, quantities=(("Park:深圳湾科技园", 1e10, "元"),))

"""Batches for the RDF tests (fixtures in conftest.py), built from the seed documents and their hand-made gold files.

The gold files (copied from the annotation set into ``data/gold``) name each actor, its
aliases and each tie with the span that states it; the builder finds those spans in the
seed text, so every offset, sentence and document hash is real. Quantities are read with
a small pattern so the export has amounts with units and hedges.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).with_name("data") / "gold"
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_AMOUNT = re.compile(r"(超|约|近|逾)?(\d+(?:\.\d+)?)(亿元|万元|家|个)")
_SCALE = {"亿元": (1e8, "元"), "万元": (1e4, "元"), "家": (1, "家"), "个": (1, "个")}


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.end() if right else len(text)].strip()


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _t2s(text: str) -> str:
    return _converter("t2s").convert(text)


def _s2t(text: str) -> str:
    return _converter("s2t").convert(text)


def _find(text: str, forms: list[str]) -> tuple[int, str] | None:
    for form in forms:
        at = text.find(form)
        if at >= 0:
            return at, form
    return None


def gold_batch(seed: Path) -> Batch:
    """One seed document's gold annotations as the Batch an ideal extraction would give."""
    raw = seed.read_bytes()
    text = raw.decode("utf-8")
    doc = hashlib.sha256(raw).hexdigest()
    gold = json.loads((GOLD / f"{seed.name}.json").read_text(encoding="utf-8"))
    batch = Batch(documents=[Document(doc, f"seeds/{seed.name}", title=seed.stem, date="2024-09-24",
                                      encoding="utf-8", media_type="text/plain", chars=len(text))])
    traditional = _t2s(text) != text
    by_name: dict[str, str] = {}
    for entity in gold["entities"]:
        aliases = set(entity["aliases"])
        if traditional:
            aliases |= {form for form in [_s2t(entity["name"])] if form != entity["name"] and form in text}
        actor = Actor(entity["type"], entity["name"], aliases)
        found = _find(text, [entity["name"], _s2t(entity["name"]), *sorted(aliases)])
        if found:
            at, form = found
            ev = Evidence(doc, _sentence(text, at, at + len(form)), at, at + len(form), "gold.mention", 1.0)
            actor.mentions.append(Mention(actor.id, form, ev))
        by_name[entity["name"]] = batch.add_actor(actor).id
    for i, rel in enumerate(gold["relations"]):
        at = text.find(rel["evidence"])
        start, end = (at, at + len(rel["evidence"])) if at >= 0 else (0, 0)
        rule, confidence = f"gold.{rel['predicate'].lower()}", 0.5 + (i % 5) / 10
        ev = Evidence(doc, _sentence(text, start, end), start, end, rule, confidence)
        batch.add_tie(Tie(by_name[rel["subject"]], rel["predicate"], by_name[rel["object"]], [ev]))
    first = next(iter(batch.actors.values()))
    for match in _AMOUNT.finditer(text):
        scale, unit = _SCALE[match.group(3)]
        ev = Evidence(doc, _sentence(text, match.start(), match.end()), match.start(), match.end(), "gold.amount", 0.9)
        batch.quantities.append(Quantity(first.id, float(match.group(2)) * scale, unit, match.group(1) or "",
                                         match.group(0), ev))
    return batch


def seeds_batch() -> Batch:
    """All seed documents merged, as one load of the seeds would write them."""
    batch = Batch()
    for seed in sorted(SEEDS.glob("*.txt")):
        batch.merge(gold_batch(seed))
    return batch


def snapshot(store) -> dict[str, list[tuple]]:
    """Every record of a store, per kind, as sorted tuples: two stores hold the same graph iff equal."""
    from innograph.graph.rdf_export import store_pages

    records: dict[str, list[tuple]] = {}
    for kind, rows in store_pages(store, page_size=500):
        for row in rows:
            values = tuple((k, tuple(sorted(v)) if isinstance(v, list) else v) for k, v in sorted(row.items()))
            records.setdefault(kind, []).append(values)
    return {kind: sorted(rows) for kind, rows in records.items()}

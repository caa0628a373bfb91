"""Batch -> gold JSON on hand-built batches: names, aliases, evidence spans, order, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from innograph.errors import EvaluationError
from innograph.loaders.evaluation import score_document
from innograph.loaders.goldfile import batch_to_gold, gold_file_name, read_gold, write_gold
from innograph.model import Actor, Batch, Evidence, Mention, Tie, actor_id

SOURCE = "蘇州工業園區引進蘇州實驗室。园区与复旦大学合作。"
DOC_ID = "0" * 64


def _evidence(fragment: str, rule: str = "test") -> Evidence:
    start = SOURCE.index(fragment)
    return Evidence(DOC_ID, SOURCE, start, start + len(fragment), rule, 0.9)


def _batch() -> Batch:
    batch = Batch()
    park = Actor("Park", "苏州工业园区", {"蘇州工業園區", "园区", "苏州工业园区"})
    park.mentions.append(Mention(park.id, "蘇州工業園區", _evidence("蘇州工業園區")))
    lab = Actor("Lab", "苏州实验室", {"蘇州實驗室"})
    lab.mentions.append(Mention(lab.id, "蘇州實驗室", _evidence("蘇州實驗室")))
    uni = Actor("University", "复旦大学")
    uni.mentions.append(Mention(uni.id, "复旦大学", _evidence("复旦大学")))
    for actor in (uni, lab, park):  # inserted out of document order on purpose
        batch.add_actor(actor)
    batch.add_tie(Tie(uni.id, "COLLABORATES_WITH", park.id, [_evidence("园区与复旦大学合作")]))
    batch.add_tie(Tie(park.id, "HOSTS", lab.id, [_evidence("蘇州工業園區引進蘇州實驗室"), _evidence("园区")]))
    return batch


def test_goldfile_name_follows_the_gold_files() -> None:
    assert gold_file_name("seeds/000_dce26737975903df.txt") == "000_dce26737975903df.txt.json"
    assert gold_file_name(Path("/x/y/page.html")) == "page.html.json"


def test_goldfile_entities_in_document_order_with_aliases_but_not_the_name() -> None:
    gold = batch_to_gold(_batch(), "doc.txt", SOURCE)
    assert gold["document"] == "doc.txt"
    assert [(e["name"], e["type"]) for e in gold["entities"]] == [
        ("苏州工业园区", "Park"),
        ("苏州实验室", "Lab"),
        ("复旦大学", "University"),
    ]
    assert gold["entities"][0]["aliases"] == sorted(["蘇州工業園區", "园区"])
    assert gold["entities"][2]["aliases"] == []


def test_goldfile_relations_quote_the_first_evidence_span_in_the_source_script() -> None:
    gold = batch_to_gold(_batch(), "doc.txt", SOURCE)
    assert gold["relations"] == [
        {"subject": "苏州工业园区", "predicate": "HOSTS", "object": "苏州实验室",
         "evidence": "蘇州工業園區引進蘇州實驗室"},
        # a symmetric tie keeps the order the extraction gave it (only its id is sorted)
        {"subject": "复旦大学", "predicate": "COLLABORATES_WITH", "object": "苏州工业园区",
         "evidence": "园区与复旦大学合作"},
    ]


def test_goldfile_tie_end_missing_from_batch_is_named_from_its_id() -> None:
    batch = Batch()
    batch.add_tie(Tie(actor_id("Park", "昆山高新区"), "PART_OF", actor_id("Region", "昆山市")))
    gold = batch_to_gold(batch, "d.txt", "")
    assert gold["relations"] == [{"subject": "昆山高新区", "predicate": "PART_OF", "object": "昆山市", "evidence": ""}]


def test_goldfile_write_then_read_round_trips_and_scores_perfectly(tmp_path: Path) -> None:
    gold = batch_to_gold(_batch(), "doc.txt", SOURCE)
    path = write_gold(gold, tmp_path / "out")
    assert path == tmp_path / "out" / "doc.txt.json"
    text = path.read_text(encoding="utf-8")
    assert "苏州工业园区" in text  # written as UTF-8, not \u escapes
    again = read_gold(path)
    assert again == gold
    score = score_document(gold, again)
    assert score.actors.f1 == 1.0 and score.ties.f1 == 1.0


def test_goldfile_output_is_deterministic(tmp_path: Path) -> None:
    first = write_gold(batch_to_gold(_batch(), "doc.txt", SOURCE), tmp_path / "a").read_bytes()
    second = write_gold(batch_to_gold(_batch(), "doc.txt", SOURCE), tmp_path / "b").read_bytes()
    assert first == second


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a UTF-8 JSON file"),
        ("[1, 2]", "top level must be an object"),
        ('{"entities": [{"name": 1, "type": "Park"}]}', r"entities\[0\]"),
        ('{"entities": [{"name": "a", "type": "Park", "aliases": "b"}]}', "aliases must be a list"),
        ('{"relations": [{"subject": "a", "object": "b"}]}', r"relations\[0\]"),
    ],
)
def test_goldfile_read_names_the_file_and_the_fault(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.txt.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=message) as caught:
        read_gold(path)
    assert str(path) in str(caught.value)


def test_goldfile_read_takes_the_document_name_from_the_file_when_absent(tmp_path: Path) -> None:
    path = tmp_path / "page.html.json"
    path.write_text(json.dumps({"entities": [], "relations": []}), encoding="utf-8")
    assert read_gold(path)["document"] == "page.html"


def test_goldfile_reads_the_shared_gold_files() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "gold"  # shared/ sits beside the checkout
    files = sorted(shared.glob("*.json")) if shared.is_dir() else []
    if not files:
        pytest.skip("shared/gold is not beside this checkout")
    for path in files:
        gold = read_gold(path)
        assert gold["document"] + ".json" == path.name
        assert gold["entities"] and gold["relations"]

"""Evidence points into the document as read: source offsets, the document's own script."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from innograph.loaders.evaluation import score_corpus
from innograph.loaders.goldfile import extract_gold, read_gold
from innograph.loaders.pipeline import extract_file

GOLD = Path(os.environ.get("INNOGRAPH_GOLD", "/work/shared/gold"))
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

TRADITIONAL = "去年，昆山高新區與復旦大學共建昆山復旦創新研究院，園區企業華為獲評國家技術發明獎。\n"


def test_extraction_mentions_keep_the_traditional_surface(tmp_path: Path) -> None:
    path = tmp_path / "trad.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    batch = extract_file(path)
    source = path.read_text(encoding="utf-8")
    park = batch.actors["Park:昆山高新区"]
    assert "昆山高新區" in park.aliases
    for actor in batch.actors.values():
        for mention in actor.mentions:
            assert source[mention.evidence.start : mention.evidence.end] == mention.surface
            assert mention.evidence.sentence in source
            assert mention.evidence.doc_id == batch.documents[0].doc_id


def test_extraction_tie_evidence_spans_the_statement(tmp_path: Path) -> None:
    path = tmp_path / "trad.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    batch = extract_file(path)
    source = path.read_text(encoding="utf-8")
    tie = batch.ties["University:复旦大学|CO_BUILDS|Lab:昆山复旦创新研究院"]
    evidence = tie.evidence[0]
    stated = source[evidence.start : evidence.end]
    assert "復旦大學" in stated and "共建" in stated
    assert evidence.rule.startswith("tie.co_builds")
    assert 0 < evidence.confidence <= 1


def test_extraction_quantities_point_at_their_text(tmp_path: Path) -> None:
    path = tmp_path / "amount.txt"
    path.write_text("苏州工业园区引导基金累计决策参股子基金41支，子基金规模约120亿元。\n", encoding="utf-8")
    batch = extract_file(path)
    source = path.read_text(encoding="utf-8")
    found = {(q.value, q.unit, q.hedge) for q in batch.quantities}
    assert (41, "支", "") in found and (120e8, "元", "约") in found
    for quantity in batch.quantities:
        assert source[quantity.evidence.start : quantity.evidence.end] == quantity.text
        assert quantity.actor_id in batch.actors


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not found: set INNOGRAPH_GOLD to their directory")
def test_extraction_seeds_meet_the_quality_targets() -> None:
    pairs = [(read_gold(GOLD / f"{p.name}.json"), extract_gold(p)) for p in sorted(SEEDS.glob("*.txt"))]
    total = score_corpus(pairs).total

    def f1(counts) -> float:
        p = counts.matched / counts.predicted if counts.predicted else 0.0
        r = counts.matched / counts.gold if counts.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    assert f1(total.actors) >= 0.90
    assert f1(total.ties) >= 0.75


TRADITIONAL_ZONE = (
    "南京市江北新區：打造創新高地\n江北新區管委會日前發佈消息。\n扬子江药业集团获评2023年度“中国医药工业百强企业”。\n"
)


def test_extraction_short_zone_name_and_its_committee_join_the_zone(tmp_path: Path) -> None:
    path = tmp_path / "zone.txt"
    path.write_text(TRADITIONAL_ZONE, encoding="utf-8")
    batch = extract_file(path)
    parks = [a for a in batch.actors.values() if a.type == "Park"]
    assert [p.name for p in parks] == ["南京市江北新区"]
    assert "南京市江北新區" in parks[0].aliases
    assert "Agency:江北新区管委会|PART_OF|Park:南京市江北新区" in batch.ties
    assert "Enterprise:扬子江药业集团|SELECTED_BY|Programme:中国医药工业百强企业" in batch.ties


def test_extraction_aliases_leave_out_pinyin_readings(tmp_path: Path) -> None:
    path = tmp_path / "pinyin.txt"
    path.write_text("蘇州工業(yè)園區聚焦生物醫(yī)藥、人工智能等產(chǎn)業。\n", encoding="utf-8")
    batch = extract_file(path)
    park = batch.actors["Park:苏州工业园区"]
    assert "蘇州工業園區" in park.aliases
    source = path.read_text(encoding="utf-8")
    for mention in park.mentions:
        assert source[mention.evidence.start : mention.evidence.end] == mention.surface

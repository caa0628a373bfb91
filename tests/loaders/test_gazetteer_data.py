"""The gazetteer and suffix table: every type is the ontology's, forms are unambiguous, errors name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from innograph.errors import ExtractionError
from innograph.loaders.gazetteer import load_gazetteer, suffix_table
from innograph.ontology import load_ontology


def test_gazetteer_types_come_from_the_ontology() -> None:
    types = set(load_ontology().actor_types)
    assert {entry.type for entry in load_gazetteer().entries} <= types
    assert set(suffix_table().values()) <= types
    assert set(suffix_table(quoted=True).values()) <= types


def test_gazetteer_each_surface_form_names_one_actor() -> None:
    owners: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries:
        for form in (entry.name, *entry.aliases):
            owners.setdefault(form, set()).add(entry.name)
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_gazetteer_finds_every_form_in_one_pass() -> None:
    hits = load_gazetteer().find("南工大与中科院在扬州共建研究院")
    assert {(h.surface, h.entry.name) for h in hits} >= {
        ("南工大", "南京工业大学"),
        ("中科院", "中国科学院"),
        ("扬州", "扬州市"),
    }


def test_gazetteer_unknown_type_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.csv"
    bad.write_text("name,type,aliases,note\n紫金山实验室,Lab,,\n某某,Laboratory,,\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"gazetteer.csv:3: unknown actor type 'Laboratory'"):
        load_gazetteer(bad)


def test_gazetteer_missing_file_says_what_to_restore(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="gazetteer not found"):
        load_gazetteer(tmp_path / "absent.csv")

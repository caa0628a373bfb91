"""The Paths page (关系发现) finds the chain between two actors, draws it and shows its evidence."""

from __future__ import annotations


def _paths(page, source: str, target: str):
    at = page("paths").run()
    at.text_input(key="path_from_q").input(source).run()
    at.text_input(key="path_to_q").input(target).run()
    assert not at.exception
    return at


def test_paths_finds_the_chain_through_the_park(page, ui_batch, drawn) -> None:
    at = _paths(page, "复旦大学", "博世")
    assert "1. 复旦大学 → 复旦苏州研究院 → 苏州工业园区 → 博世" in [e.label for e in at.expander]
    for name in ("复旦大学", "复旦苏州研究院", "苏州工业园区", "博世"):
        assert name in drawn(at)
    text = "\n".join(m.value for m in at.markdown)
    hosts = ui_batch.ties["Park:苏州工业园区|HOSTS|Enterprise:博世"]
    assert hosts.evidence[0].sentence[:5] in text.replace("<mark>", "").replace("</mark>", "")


def test_paths_respects_allowed_tie_types(page) -> None:
    at = _paths(page, "复旦大学", "博世")
    at.multiselect(key="path_ties").set_value(["CO_BUILDS", "FUNDS"]).run()
    assert not at.expander
    assert "No chain" in at.warning[0].value

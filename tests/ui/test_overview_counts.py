"""The Overview page counts what the store holds, by actor type and tie type."""

from __future__ import annotations

from collections import Counter


def test_overview_counts_match_the_graph(page, ui_batch) -> None:
    at = page("overview").run()
    assert not at.exception
    batch = ui_batch
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents 文档"] == str(len(batch.documents))
    assert metrics["Actors 主体"] == str(len(batch.actors))
    assert metrics["Ties 关系"] == str(len(batch.ties))
    by_type = at.dataframe[0].value
    expected = Counter(actor.type for actor in batch.actors.values())
    assert {label.split()[-1]: n for label, n in zip(by_type["label"], by_type["actors"], strict=True)} == expected


def test_overview_lists_documents_with_their_counts(page, ui_batch) -> None:
    at = page("overview").run()
    documents = at.dataframe[-1].value
    batch = ui_batch
    assert list(documents["path"]) == [batch.documents[0].path]
    assert int(documents["actors"][0]) == len(batch.actors)
    assert int(documents["ties"][0]) == len(batch.ties)


def test_overview_most_connected_actor_is_the_hub(page, ui_batch) -> None:
    at = page("overview").run()
    hubs = at.dataframe[2].value
    degree = Counter()
    for tie in ui_batch.ties.values():
        degree[tie.subject_id] += 1
        degree[tie.object_id] += 1
    top_id, top_degree = degree.most_common(1)[0]
    assert hubs["name"][0] == top_id.split(":", 1)[1]
    assert int(hubs["degree"][0]) == top_degree

"""The scorer on small hand-made gold/prediction pairs: each case is one rule of the guide."""

from __future__ import annotations

import pytest

from innograph.loaders.evaluation import Counts, normalise_name, score_corpus, score_document, symmetric_ties


def _doc(entities: list[tuple] | None = None, relations: list[tuple] | None = None, name: str = "d.txt") -> dict:
    return {
        "document": name,
        "entities": [
            {"name": e[0], "type": e[1], "aliases": list(e[2]) if len(e) > 2 else []} for e in (entities or [])
        ],
        "relations": [
            {"subject": s, "predicate": p, "object": o, "evidence": ""} for s, p, o in (relations or [])
        ],
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("蘇州工業園區", "苏州工业园区"),
        ("“园易联”", "园易联"),
        ("《苏州工业园区》", "苏州工业园区"),
        ("苏州 工业\u3000园区", "苏州工业园区"),
        ("「姑蘇領軍人才」", "姑苏领军人才"),
        ('"园易融"', "园易融"),
        ("园易联２.０", "园易联2.0"),
    ],
)
def test_evaluation_normalise_name_folds_script_space_quotes(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


def test_evaluation_traditional_prediction_matches_simplified_gold() -> None:
    gold = _doc([("苏州工业园区", "Park")])
    pred = _doc([("蘇州工業園區", "Park")])
    assert score_document(gold, pred).actors == Counts(1, 1, 1)


def test_evaluation_prediction_matches_a_gold_alias() -> None:
    gold = _doc([("苏州工业园区科技创新委员会", "Agency", ["园区科创委"])])
    pred = _doc([("“園區科創委”", "Agency")])
    assert score_document(gold, pred).actors == Counts(1, 1, 1)


def test_evaluation_gold_name_does_not_match_a_predicted_alias_only() -> None:
    # The guide matches the predicted *name* against gold forms; predicted aliases do not count.
    gold = _doc([("南京工业大学", "University")])
    pred = _doc([("南工大", "University", ["南京工业大学"])])
    assert score_document(gold, pred).actors == Counts(0, 1, 1)


def test_evaluation_type_mismatch_is_both_a_false_positive_and_a_miss() -> None:
    gold = _doc([("苏州实验室", "Lab")])
    pred = _doc([("苏州实验室", "Enterprise")])
    score = score_document(gold, pred)
    assert score.actors == Counts(0, 1, 1)
    assert score.actors_by_type["Lab"] == Counts(0, 0, 1)
    assert score.actors_by_type["Enterprise"] == Counts(0, 1, 0)


def test_evaluation_duplicate_predictions_match_once() -> None:
    gold = _doc([("苏州工业园区", "Park", ["园区"])])
    pred = _doc([("苏州工业园区", "Park"), ("园区", "Park"), ("蘇州工業園區", "Park")])
    score = score_document(gold, pred)
    assert score.actors == Counts(1, 3, 1)
    assert score.actors.precision == pytest.approx(1 / 3)
    assert score.actors.recall == 1.0


def test_evaluation_matching_is_maximal_not_greedy() -> None:
    # "园区" could go to either park; a greedy pass that gives it to the first would lose a match.
    gold = _doc([("苏州工业园区", "Park", ["园区"]), ("昆山高新区", "Park", ["园区", "高新区"])])
    pred = _doc([("园区", "Park"), ("苏州工业园区", "Park")])
    assert score_document(gold, pred).actors == Counts(2, 2, 2)


def test_evaluation_tie_ends_match_by_alias_and_script() -> None:
    gold = _doc(
        [("苏州工业园区", "Park", ["园区"]), ("苏州实验室", "Lab")],
        [("苏州工业园区", "HOSTS", "苏州实验室")],
    )
    pred = _doc(relations=[("園區", "HOSTS", "《蘇州實驗室》")])
    assert score_document(gold, pred).ties == Counts(1, 1, 1)


def test_evaluation_tie_predicate_must_be_equal() -> None:
    gold = _doc(relations=[("苏州工业园区", "HOSTS", "苏州实验室")])
    pred = _doc(relations=[("苏州工业园区", "FUNDS", "苏州实验室")])
    score = score_document(gold, pred)
    assert score.ties == Counts(0, 1, 1)
    assert score.ties_by_predicate == {"HOSTS": Counts(0, 0, 1), "FUNDS": Counts(0, 1, 0)}


def test_evaluation_directed_tie_reversed_does_not_match() -> None:
    gold = _doc(relations=[("苏州工业园区", "HOSTS", "苏州实验室")])
    pred = _doc(relations=[("苏州实验室", "HOSTS", "苏州工业园区")])
    assert score_document(gold, pred).ties.matched == 0


def test_evaluation_symmetric_tie_matches_in_either_order() -> None:
    assert "COLLABORATES_WITH" in symmetric_ties()
    gold = _doc(relations=[("复旦大学", "COLLABORATES_WITH", "博世")])
    pred = _doc(relations=[("博世", "COLLABORATES_WITH", "复旦大学")])
    assert score_document(gold, pred).ties == Counts(1, 1, 1)


def test_evaluation_duplicate_ties_match_once_even_reversed() -> None:
    gold = _doc(relations=[("复旦大学", "COLLABORATES_WITH", "博世")])
    pred = _doc(
        relations=[("博世", "COLLABORATES_WITH", "复旦大学"), ("复旦大学", "COLLABORATES_WITH", "博世")]
    )
    assert score_document(gold, pred).ties == Counts(1, 2, 1)


def test_evaluation_missing_prediction_counts_every_gold_fact_as_missed() -> None:
    gold = _doc([("苏州实验室", "Lab")], [("苏州工业园区", "HOSTS", "苏州实验室")])
    report = score_corpus([(gold, None)])
    assert report.total.actors == Counts(0, 0, 1)
    assert report.total.ties == Counts(0, 0, 1)
    assert report.total.actors.f1 == 0.0
    assert report.missing_predictions == ["d.txt"]


def test_evaluation_totals_are_micro_averaged() -> None:
    # Document a: 1 of 1 right; document b: 0 of 3 right. Micro precision is 1/4, not the mean 1/2.
    gold_a = _doc([("苏州实验室", "Lab")], name="a.txt")
    pred_a = _doc([("苏州实验室", "Lab")], name="a.txt")
    gold_b = _doc([("复旦大学", "University")], name="b.txt")
    pred_b = _doc([("博世", "Enterprise"), ("沙钢集团", "Enterprise"), ("中兴通讯", "Enterprise")], name="b.txt")
    report = score_corpus([(gold_a, pred_a), (gold_b, pred_b)])
    assert [name for name, _ in report.documents] == ["a.txt", "b.txt"]
    assert report.total.actors == Counts(1, 4, 2)
    assert report.total.actors.precision == pytest.approx(0.25)
    assert report.total.actors.recall == pytest.approx(0.5)
    assert report.total.actors.f1 == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert report.total.actors_by_type["Enterprise"] == Counts(0, 3, 0)
    payload = report.to_json()
    assert payload["total"]["actors"]["matched"] == 1
    assert [doc["document"] for doc in payload["documents"]] == ["a.txt", "b.txt"]


def test_evaluation_empty_prediction_and_empty_gold_is_perfect() -> None:
    score = score_document(_doc(), _doc())
    assert (score.actors.precision, score.actors.recall, score.actors.f1) == (1.0, 1.0, 1.0)

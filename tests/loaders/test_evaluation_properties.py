"""Properties of the scorer that must hold for any input: self-agreement and order independence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from innograph.loaders.evaluation import score_document

SYMMETRIC = frozenset({"COLLABORATES_WITH"})
names = st.sampled_from(["苏州工业园区", "蘇州工業園區", "园区", "苏州实验室", "复旦大学", "“博世”", "博世", "高新区"])
types = st.sampled_from(["Park", "Lab", "Enterprise"])
predicates = st.sampled_from(["HOSTS", "FUNDS", "COLLABORATES_WITH"])
entities = st.lists(
    st.fixed_dictionaries({"name": names, "type": types, "aliases": st.lists(names, max_size=2)}), max_size=6
)
relations = st.lists(
    st.fixed_dictionaries({"subject": names, "predicate": predicates, "object": names, "evidence": st.just("")}),
    max_size=6,
)
documents = st.fixed_dictionaries({"document": st.just("d.txt"), "entities": entities, "relations": relations})


@settings(max_examples=80, deadline=None)
@given(documents)
def test_evaluation_property_a_document_scores_perfectly_against_itself(gold: dict) -> None:
    score = score_document(gold, gold, SYMMETRIC)
    assert score.actors.matched == len(gold["entities"])
    assert score.ties.matched == len(gold["relations"])


@settings(max_examples=80, deadline=None)
@given(documents, documents, st.randoms(use_true_random=False))
def test_evaluation_property_counts_do_not_depend_on_order(gold: dict, predicted: dict, rng) -> None:
    first = score_document(gold, predicted, SYMMETRIC)
    shuffled = {**predicted, "entities": list(predicted["entities"]), "relations": list(predicted["relations"])}
    rng.shuffle(shuffled["entities"])
    rng.shuffle(shuffled["relations"])
    second = score_document(gold, shuffled, SYMMETRIC)
    assert (first.actors, first.ties) == (second.actors, second.ties)
    assert first.actors.matched <= min(len(gold["entities"]), len(predicted["entities"]))
    assert first.ties.matched <= min(len(gold["relations"]), len(predicted["relations"]))


@settings(max_examples=50, deadline=None)
@given(documents)
def test_evaluation_property_swapping_symmetric_ties_changes_nothing(gold: dict) -> None:
    swapped = {
        **gold,
        "relations": [
            {**r, "subject": r["object"], "object": r["subject"]} if r["predicate"] in SYMMETRIC else r
            for r in gold["relations"]
        ],
    }
    assert score_document(gold, swapped, SYMMETRIC).ties.matched == len(gold["relations"])

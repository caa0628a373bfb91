"""Score an extraction against gold annotations, as the gold GUIDE defines a match.

Names are compared after folding away what annotators and extractors legitimately
disagree on (script, spaces, quotation marks, brackets, full-width forms), and a
predicted name may also hit one of the gold actor's aliases, because the guide lets
the annotator pick which surface form is canonical. Matching is one-to-one (a
maximum bipartite matching), so duplicates in a prediction cost precision instead of
being absorbed, and totals are micro-averaged over every document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from innograph.loaders.goldfile import GoldDict

# Characters the guide says carry no meaning in a name: spaces, quotes and brackets.
_STRIP = frozenset(
    " \t\r\n\u3000\u00a0"
    "\"'`“”‘’「」『』《》〈〉〔〕【】〖〗()（）[]［］{}｛｝<>〝〞＂＇"
)


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("t2s").convert


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The form two names are compared in: Simplified, NFKC, without spaces, quotes or brackets."""
    folded = unicodedata.normalize("NFKC", _t2s()(name))
    return "".join(ch for ch in folded if ch not in _STRIP and not ch.isspace())


def symmetric_ties() -> frozenset[str]:
    """Tie types that match in either order, as the ontology declares them."""
    from innograph.ontology import load_ontology

    return frozenset(name for name, tie in load_ontology().tie_types.items() if tie.symmetric)


@dataclass(frozen=True)
class Counts:
    """Matched pairs against the sizes of the prediction and of the gold set."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    """Counts for one document or a whole corpus, overall and per actor type / tie type."""

    actors: Counts = field(default_factory=Counts)
    ties: Counts = field(default_factory=Counts)
    actors_by_type: dict[str, Counts] = field(default_factory=dict)
    ties_by_predicate: dict[str, Counts] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        self.actors += other.actors
        self.ties += other.ties
        for key, counts in other.actors_by_type.items():
            self.actors_by_type[key] = self.actors_by_type.get(key, Counts()) + counts
        for key, counts in other.ties_by_predicate.items():
            self.ties_by_predicate[key] = self.ties_by_predicate.get(key, Counts()) + counts

    def to_json(self) -> dict[str, Any]:
        return {
            "actors": self.actors.to_json(),
            "ties": self.ties.to_json(),
            "actors_by_type": {key: self.actors_by_type[key].to_json() for key in sorted(self.actors_by_type)},
            "ties_by_predicate": {
                key: self.ties_by_predicate[key].to_json() for key in sorted(self.ties_by_predicate)
            },
        }


@dataclass
class Report:
    """Per-document scores and their micro-averaged total."""

    documents: list[tuple[str, Score]] = field(default_factory=list)
    total: Score = field(default_factory=Score)
    missing_predictions: list[str] = field(default_factory=list)  # gold documents nothing was predicted for

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [{"document": name, **score.to_json()} for name, score in self.documents],
            "total": self.total.to_json(),
            "missing_predictions": list(self.missing_predictions),
        }


def _max_matching(n_left: int, edges: Sequence[Sequence[int]]) -> list[int]:
    """Maximum bipartite matching (Kuhn): ``edges[left]`` lists right nodes; returns right->left (-1 if free)."""
    n_right = 1 + max((right for rights in edges for right in rights), default=-1)
    owner = [-1] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if seen[right]:
                continue
            seen[right] = True
            if owner[right] == -1 or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(n_left):
        if edges[left]:
            augment(left, [False] * n_right)
    return owner


def _tally(keys_pred: Iterable[str], keys_gold: Iterable[str], keys_matched: Iterable[str]) -> dict[str, Counts]:
    table: dict[str, list[int]] = {}
    for key in keys_matched:
        table.setdefault(key, [0, 0, 0])[0] += 1
    for key in keys_pred:
        table.setdefault(key, [0, 0, 0])[1] += 1
    for key in keys_gold:
        table.setdefault(key, [0, 0, 0])[2] += 1
    return {key: Counts(*values) for key, values in table.items()}


def _gold_forms(gold: GoldDict) -> dict[str, set[str]]:
    """Every normalised form under which each gold name may be predicted (its own and its aliases)."""
    forms: dict[str, set[str]] = {}
    for entity in gold["entities"]:
        bucket = forms.setdefault(entity["name"], {normalise_name(entity["name"])})
        bucket.update(normalise_name(alias) for alias in entity.get("aliases", []))
    return forms


def score_document(gold: GoldDict, predicted: GoldDict | None, symmetric: frozenset[str] | None = None) -> Score:
    """Score one document's prediction (``None``: nothing predicted) against its gold annotation."""
    symmetric = symmetric_ties() if symmetric is None else symmetric
    predicted = predicted or {"entities": [], "relations": []}
    gold_entities: list[dict[str, Any]] = gold["entities"]
    pred_entities: list[dict[str, Any]] = predicted["entities"]

    # Actors: an edge wherever types are equal and the predicted name is one of the gold actor's forms.
    by_form: dict[tuple[str, str], list[int]] = {}
    for index, entity in enumerate(gold_entities):
        forms = {normalise_name(entity["name"])} | {normalise_name(a) for a in entity.get("aliases", [])}
        for form in forms:
            by_form.setdefault((entity["type"], form), []).append(index)
    actor_edges = [by_form.get((entity["type"], normalise_name(entity["name"])), []) for entity in pred_entities]
    owner = _max_matching(len(pred_entities), actor_edges)
    matched_types = [gold_entities[g]["type"] for g, p in enumerate(owner) if p != -1]
    actors = Counts(len(matched_types), len(pred_entities), len(gold_entities))
    actors_by_type = _tally(
        (entity["type"] for entity in pred_entities), (entity["type"] for entity in gold_entities), matched_types
    )

    # Ties: ends are compared by form, not by type; symmetric predicates match in either order.
    forms_of = _gold_forms(gold)
    gold_ties: list[dict[str, Any]] = gold["relations"]
    pred_ties: list[dict[str, Any]] = predicted["relations"]

    def forms(name: str) -> set[str]:
        return forms_of.get(name) or {normalise_name(name)}

    gold_ends = [(forms(tie["subject"]), tie["predicate"], forms(tie["object"])) for tie in gold_ties]
    tie_edges: list[list[int]] = []
    for tie in pred_ties:
        subject, predicate, obj = normalise_name(tie["subject"]), tie["predicate"], normalise_name(tie["object"])
        hits = []
        for index, (g_subject, g_predicate, g_object) in enumerate(gold_ends):
            if predicate != g_predicate:
                continue
            if (subject in g_subject and obj in g_object) or (
                predicate in symmetric and subject in g_object and obj in g_subject
            ):
                hits.append(index)
        tie_edges.append(hits)
    owner = _max_matching(len(pred_ties), tie_edges)
    matched_predicates = [gold_ties[g]["predicate"] for g, p in enumerate(owner) if p != -1]
    ties = Counts(len(matched_predicates), len(pred_ties), len(gold_ties))
    ties_by_predicate = _tally(
        (tie["predicate"] for tie in pred_ties), (tie["predicate"] for tie in gold_ties), matched_predicates
    )
    return Score(actors, ties, actors_by_type, ties_by_predicate)


def score_corpus(pairs: Iterable[tuple[GoldDict, GoldDict | None]], symmetric: frozenset[str] | None = None) -> Report:
    """Score (gold, predicted) pairs; a ``None`` prediction counts every gold fact as missed."""
    symmetric = symmetric_ties() if symmetric is None else symmetric
    report = Report()
    for gold, predicted in pairs:
        score = score_document(gold, predicted, symmetric)
        report.documents.append((gold["document"], score))
        report.total.add(score)
        if predicted is None:
            report.missing_predictions.append(gold["document"])
    return report

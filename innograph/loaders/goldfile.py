"""A Batch as a gold-format JSON document, so an extraction can be scored and diffed by hand.

The format is the one annotators write (see the gold GUIDE): canonical actor names,
types and aliases, and ties named by their ends' canonical names with the source
span that states them. Output is ordered by where things first appear in the
document so two runs over the same file give byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from innograph.errors import EvaluationError
from innograph.model import Actor, Batch, Tie

GoldDict = dict[str, Any]

_UNSEEN = 1 << 62  # sorts facts without evidence after every located one


def gold_file_name(document_path: str | Path) -> str:
    """The gold file that belongs to a document: ``seeds/000_x.txt`` -> ``000_x.txt.json``."""
    return f"{Path(document_path).name}.json"


def _actor_position(actor: Actor) -> int:
    return min((mention.evidence.start for mention in actor.mentions), default=_UNSEEN)


def _tie_position(tie: Tie) -> int:
    return min((evidence.start for evidence in tie.evidence), default=_UNSEEN)


def _name_of(batch: Batch, actor_id: str) -> str:
    """The canonical name of a tie end, from the batch, or from the id if the batch lacks the actor."""
    actor = batch.actors.get(actor_id)
    if actor is not None:
        return actor.name
    return actor_id.split(":", 1)[1] if ":" in actor_id else actor_id


def _evidence_text(tie: Tie, source_text: str) -> str:
    """The span of the tie's first evidence, in the document's own script, as annotators quote it."""
    if not tie.evidence:
        return ""
    first = tie.evidence[0]
    return source_text[first.start : first.end]


def batch_to_gold(batch: Batch, document: str, source_text: str) -> GoldDict:
    """The gold-format dict of what ``batch`` says about one document.

    ``source_text`` is the decoded original document (``SourceText.text``): evidence
    offsets point into it, and the gold format quotes the span itself.
    """
    actors = sorted(batch.actors.values(), key=lambda a: (_actor_position(a), a.type, a.name))
    entities = [
        {"name": actor.name, "type": actor.type, "aliases": sorted(a for a in actor.aliases if a != actor.name)}
        for actor in actors
    ]
    ties = sorted(batch.ties.values(), key=lambda t: (_tie_position(t), t.id))
    relations = [
        {
            "subject": _name_of(batch, tie.subject_id),
            "predicate": tie.predicate,
            "object": _name_of(batch, tie.object_id),
            "evidence": _evidence_text(tie, source_text),
        }
        for tie in ties
    ]
    return {"document": document, "entities": entities, "relations": relations}


def write_gold(gold: GoldDict, out_dir: Path) -> Path:
    """Write one gold-format dict as ``<out_dir>/<document>.json``; returns the path written."""
    target = out_dir / gold_file_name(gold["document"])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(
            f"{target}: cannot write the extraction ({exc.strerror}); check that --out is a writable folder"
        ) from exc
    return target


def read_gold(path: Path) -> GoldDict:
    """Read and check one gold-format file; EvaluationError names the file and the fault."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read ({exc.strerror})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"{path}: not a UTF-8 JSON file ({exc}); gold files follow shared/gold/GUIDE.md") from exc
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: top level must be an object with document, entities and relations")
    entities = data.get("entities", [])
    relations = data.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, list):
        raise EvaluationError(f"{path}: 'entities' and 'relations' must be lists")
    for index, entity in enumerate(entities):
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str) \
                or not isinstance(entity.get("type"), str):
            raise EvaluationError(f"{path}: entities[{index}] needs a string 'name' and 'type'")
        aliases = entity.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise EvaluationError(f"{path}: entities[{index}].aliases must be a list of strings")
    for index, relation in enumerate(relations):
        if not isinstance(relation, dict) or not all(
            isinstance(relation.get(key), str) for key in ("subject", "predicate", "object")
        ):
            raise EvaluationError(f"{path}: relations[{index}] needs string 'subject', 'predicate' and 'object'")
    document = data.get("document")
    if not isinstance(document, str) or not document:
        document = path.name.removesuffix(".json")
    return {"document": document, "entities": entities, "relations": relations}


def extract_gold(path: str | Path) -> GoldDict:
    """Run the extraction pipeline on one file and return its gold-format dict; touches no store.

    The file is read once: the decoded text both feeds the pipeline and supplies the
    evidence spans the gold format quotes.
    """
    from innograph.loaders.pipeline import extract_source
    from innograph.loaders.reading import read_document

    source = read_document(Path(path))
    batch = extract_source(source)
    return batch_to_gold(batch, Path(path).name, source.text)

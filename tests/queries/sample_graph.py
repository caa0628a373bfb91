"""A small hand-built graph whose answers are known, written with innograph.model.

Two parks in a region; a university and an enterprise co-build a lab; a fund funds
the enterprise (with an amount in the same sentence); a talent programme run by a
park selects the enterprise; collaboration and focus ties; one actor with no ties.
"""

from __future__ import annotations

import hashlib

from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie, actor_id

DOC_TEXT = (
    "蘇州工業園區落戶了苏州实验室。"
    "复旦大学与多玛医药共建苏州生物医药实验室。"
    "人才一号母基金投资多玛医药5000万元,共1家。"
    "多玛医药入选金鸡湖人才计划。"
    "复旦大学与昆山高新区合作。"
    "苏州工业园区启动金鸡湖人才计划。"
    "多玛医药落户苏州工业园区。"
)
DOC2_TEXT = "昆山高新区位于苏州市。苏州工业园区位于苏州市。昆山高新区聚焦生物医药。多玛医药聚焦生物医药。孤立公司。"

DOC_ID = hashlib.sha256(DOC_TEXT.encode("utf-8")).hexdigest()
DOC2_ID = hashlib.sha256(DOC2_TEXT.encode("utf-8")).hexdigest()

ACTORS = {
    "苏州工业园区": ("Park", {"蘇州工業園區", "园区"}),
    "昆山高新区": ("Park", set()),
    "苏州市": ("Region", set()),
    "苏州实验室": ("Lab", set()),
    "苏州生物医药实验室": ("Lab", set()),
    "复旦大学": ("University", set()),
    "多玛医药": ("Enterprise", {"多瑪醫藥"}),
    "人才一号母基金": ("Fund", set()),
    "金鸡湖人才计划": ("TalentProgramme", set()),
    "生物医药": ("Industry", set()),
    "孤立公司": ("Enterprise", set()),
}

TIES = [
    ("苏州工业园区", "HOSTS", "苏州实验室", DOC_ID),
    ("复旦大学", "CO_BUILDS", "苏州生物医药实验室", DOC_ID),
    ("多玛医药", "CO_BUILDS", "苏州生物医药实验室", DOC_ID),
    ("人才一号母基金", "FUNDS", "多玛医药", DOC_ID),
    ("苏州工业园区", "RUNS", "金鸡湖人才计划", DOC_ID),
    ("多玛医药", "SELECTED_BY", "金鸡湖人才计划", DOC_ID),
    ("昆山高新区", "COLLABORATES_WITH", "复旦大学", DOC_ID),
    ("苏州工业园区", "HOSTS", "多玛医药", DOC_ID),
    ("昆山高新区", "PART_OF", "苏州市", DOC2_ID),
    ("苏州工业园区", "PART_OF", "苏州市", DOC2_ID),
    ("昆山高新区", "FOCUSES_ON", "生物医药", DOC2_ID),
    ("多玛医药", "FOCUSES_ON", "生物医药", DOC2_ID),
]


def _sentence_of(text: str, start: int) -> str:
    begin = text.rfind("。", 0, start) + 1
    end = text.find("。", start)
    return text[begin:end + 1]


def _evidence(text: str, doc_id: str, surface: str, rule: str) -> Evidence:
    start = text.index(surface)
    return Evidence(doc_id, _sentence_of(text, start), start, start + len(surface), rule, 0.9)


def _find(name: str, text: str) -> str | None:
    forms = [name, *sorted(ACTORS[name][1])]
    for form in forms:
        if form in text:
            return form
    return None


def _span_of_both(text: str, subject: str, obj: str) -> tuple[int, int]:
    """The span from the first to the last of the two names in the first sentence naming both."""
    offset = 0
    for sentence in text.split("。"):
        s_form, o_form = _find(subject, sentence), _find(obj, sentence)
        if s_form and o_form:
            s_at, o_at = sentence.index(s_form), sentence.index(o_form)
            start = offset + min(s_at, o_at)
            end = offset + max(s_at + len(s_form), o_at + len(o_form))
            return start, end
        offset += len(sentence) + 1
    raise AssertionError(f"no sentence names both {subject} and {obj}")


def sample_batch() -> Batch:
    """The whole sample graph as one batch (two documents)."""
    batch = Batch()
    texts = {DOC_ID: DOC_TEXT, DOC2_ID: DOC2_TEXT}
    batch.documents.append(Document(DOC_ID, "docs/sample_one.txt", "样例一", "2024-05-01", "utf-8", "text/plain",
                                    len(DOC_TEXT)))
    batch.documents.append(Document(DOC2_ID, "docs/sample_two.txt", "样例二", "", "utf-8", "text/plain",
                                    len(DOC2_TEXT)))
    for name, (type_name, aliases) in ACTORS.items():
        actor = Actor(type_name, name, set(aliases))
        for doc_id, text in texts.items():
            surface = _find(name, text)
            if surface is not None:
                actor.mentions.append(Mention(actor.id, surface, _evidence(text, doc_id, surface, "test.mention")))
        batch.add_actor(actor)
    for subject, predicate, obj, doc_id in TIES:
        text = texts[doc_id]
        start, end = _span_of_both(text, subject, obj)
        evidence = Evidence(doc_id, _sentence_of(text, start), start, end, f"test.{predicate.lower()}", 0.8)
        batch.add_tie(Tie(actor_id(ACTORS[subject][0], subject), predicate, actor_id(ACTORS[obj][0], obj),
                          [evidence]))
    amount = "5000万元"
    batch.quantities.append(Quantity(actor_id("Enterprise", "多玛医药"), 5e7, "元", "", amount,
                                     _evidence(DOC_TEXT, DOC_ID, amount, "test.amount")))
    count = "1家"  # a count in the funding sentence: not an amount of money
    batch.quantities.append(Quantity(actor_id("Fund", "人才一号母基金"), 1, "家", "", count,
                                     _evidence(DOC_TEXT, DOC_ID, count, "test.count")))
    return batch

"""Ties from one sentence: trigger patterns per predicate over the sentence with its actors masked.

Each actor mention becomes one private-use character, so a pattern reads like the
grammar it encodes: ``由M牵头成立的M``, ``与L共建M`` (L a coordinated list). Arguments
come from the pattern's slots and from the clause's subject (the actor that opens the
clause, else the document's subject in work-plan prose), never from the nearest actor.
Every tie is checked against the ontology's domain and range before it is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from innograph.ontology import load_ontology

Key = tuple[str, str]  # (type, canonical name)
BASE = 0xE000


@dataclass(frozen=True)
class SentenceMention:
    start: int  # offsets in the sentence
    end: int
    key: Key


@dataclass(frozen=True)
class FoundTie:
    subject: Key
    predicate: str
    object: Key
    start: int  # sentence offsets of the span stating it
    end: int
    rule: str
    confidence: float


M = "[\ue000-\uf8ff]"
SEP = "(?:、|和|与|及|以及|、以及|或)"
LIST = f"{M}(?:{SEP}{M})*"
CLAUSE_END = "[,。;:!?\n]"
CLAUSE_END_AT = re.compile(CLAUSE_END)
LAST_MENTION = re.compile(f"({M})[,;]?$")


QUOTE_MARKS = frozenset('“”"「」『』‘’')


OPENER = re.compile(r"(?:[^,。;\ue000-\uf8ff]{0,8}?[,,])?\s*(" + M + "+)")
LIST_OPENER = re.compile(M + "+(?:、|和|与|及|等)")
# 支持A、B建设…, 推动C聚焦…: in work-plan prose the actor a causative verb governs is the clause's agent.
CAUSATIVE = re.compile(r"(?:\d+[.、])?\s*(?:支持|推动|鼓励|引导|促进|指导|帮助|推进)(" + LIST + ")")
NUMBERING = re.compile(r"\s*(?:\d+[.、]|[(（]?[一二三四五六七八九十]+[)）、])?\s*")
RELATIVE = re.compile(r"(?:由|经)[^,。;]{0,16}?的(" + M + ")(?![、和与及])")


QUOTE_MARK = re.compile("[" + "".join(sorted(QUOTE_MARKS)) + "]")


def _copy(text: str, start: int, end: int, out: list[str], where: list[int]) -> None:
    """Append text[start:end] without its quote marks, and the offset of every character kept.

    Quotes are transparent to the grammar (运作“A”“B”, 表彰为“C”). A run without quotes, the
    common case, is copied whole rather than a character at a time.
    """
    if QUOTE_MARK.search(text, start, max(start, end)) is None:
        out.append(text[start:end])
        where.extend(range(start, end))
        return
    for pos in range(start, end):
        if text[pos] not in QUOTE_MARKS:
            out.append(text[pos])
            where.append(pos)


def _mask(text: str, mentions: list[SentenceMention]) -> tuple[str, list[int]]:
    """The sentence with each mention as one character, and each masked index's sentence offset."""
    out: list[str] = []
    where: list[int] = []
    at = 0
    for i, mention in enumerate(mentions):
        _copy(text, at, mention.start, out, where)
        out.append(chr(BASE + i))
        where.append(mention.start)
        at = mention.end
    _copy(text, at, len(text), out, where)
    where.append(len(text))
    return "".join(out), where


def _items(chunk: str) -> list[int]:
    return [ord(ch) - BASE for ch in chunk if BASE <= ord(ch) <= 0xF8FF]


class _Sentence:
    """One sentence's masked text, mentions and subjects, with helpers for the rules."""

    def __init__(
        self, text: str, mentions: list[SentenceMention], subject: Key | None, tie_types: dict | None = None
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.masked, self.where = _mask(text, mentions)
        self.doc_subject = subject
        self.found: list[FoundTie] = []
        self.clause_starts = [0] + [m.end() for m in CLAUSE_END_AT.finditer(self.masked)]
        self.tie_types = tie_types if tie_types is not None else load_ontology().tie_types

    def key(self, index: int) -> Key:
        return self.mentions[index].key

    def clause_agents(self, at: int) -> list[Key]:
        """支持A、B建设…, 与C共建D: every actor a causative verb opening this or the last clause governs."""
        cut = bisect_right(self.clause_starts, at)
        for start in reversed(self.clause_starts[max(0, cut - 2) : cut]):
            clause = self.masked[start : min(at, start + 64)]
            if OPENER.match(clause):
                return []  # the clause names its own subject
            causative = CAUSATIVE.match(clause)
            if causative:
                keys = [self.key(i) for i in _items(causative.group(1))]
                return [k for k in keys if k[0] not in ("Industry", "Programme", "TalentProgramme")]
        return []

    def clause_subject(self, at: int) -> Key | None:
        """The actor opening the clause or sentence before masked position ``at``, else the document's subject.

        Only the last few clauses are searched: a topic carries over a few clauses, and a very long
        sentence must not make this quadratic.
        """
        cut = bisect_right(self.clause_starts, at)
        for start in reversed(self.clause_starts[max(0, cut - 6) : cut]):
            clause = self.masked[start : min(at, start + 64)]
            opener = OPENER.match(clause)
            if opener and not LIST_OPENER.match(clause, opener.start(1)):
                key = self.key(_items(opener.group(1))[-1])  # 南京市江宁区: the last of a chain is the head
                if key[0] not in ("Industry", "Programme", "TalentProgramme"):
                    return key
            causative = CAUSATIVE.match(clause)
            if causative:
                key = self.key(_items(causative.group(1))[-1])
                if key[0] not in ("Industry", "Programme", "TalentProgramme"):
                    return key
            # 由A牵头成立的B规模达…, 已投资…: the head of an opening relative clause is the topic.
            relative = RELATIVE.match(clause)
            if relative:
                key = self.key(_items(relative.group(1))[0])
                if key[0] not in ("Industry", "Programme", "TalentProgramme"):
                    return key
        return self.doc_subject

    def fund_before(self, at: int) -> Key | None:
        """…发起设立X基金, 已投资A、B: a fund named last in the clause before ``at`` is what invests."""
        cut = bisect_right(self.clause_starts, at)
        if cut < 2:
            return None
        previous = self.masked[self.clause_starts[cut - 2] : self.clause_starts[cut - 1]]
        last = LAST_MENTION.search(previous)
        key = self.key(_items(last.group(1))[0]) if last else None
        return key if key is not None and key[0] == "Fund" else None

    def clause_start(self, at: int) -> int:
        """Where the clause holding masked position ``at`` begins (after a list number): evidence starts there."""
        cut = bisect_right(self.clause_starts, at)
        start = self.clause_starts[cut - 1] if cut else 0
        number = NUMBERING.match(self.masked, start)
        return min(number.end(), at) if number else start

    def masked_position(self, at: int) -> int:
        """The masked index of sentence offset ``at``."""
        return bisect_left(self.where, at)

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.where[a], self.where[b]

    def add(self, subject: Key | None, predicate: str, obj: Key | None, a: int, b: int, rule: str, conf: float) -> None:
        if subject is None or obj is None or subject == obj:
            return
        tie_type = self.tie_types.get(predicate)
        if tie_type is None or not tie_type.allows(subject[0], obj[0]):
            return
        start, end = self.span(a, b)
        self.found.append(FoundTie(subject, predicate, obj, start, end, rule, conf))


# Every pattern is compiled once here: the rules run for every sentence of every document.
HOSTS_ENTERPRISE = re.compile(
    f"({M})(?:的)?(?:新创|初创|科技型|高新技术|重点|骨干|龙头)?(?:企业|园区企业|公司|厂商)({LIST})"
)
# 新进驻厂商包括A、B; 区内的C: the place the clause is about hosts them.
HOSTS_INCLUDES = re.compile(
    f"(?:进驻|入驻|落户|引进|集聚)(?:的)?[^,。;\ue000-\uf8ff]{{0,6}}?(?:企业|厂商|公司|项目|机构)(?:包括|有|涵盖)({LIST})"
)
HOSTS_WITHIN = re.compile(f"(?:^|[,;。])(?:区内|园区内|园内|辖区内)(?:的)?({LIST})")
MENTION = re.compile(M)
# 建成/开工建设 settle only when intransitive (X建成投运); X建成孵化平台 builds something else.
INTRANSITIVE = "(?:建成|开工建设|加快建设|相继成立|投用|投入使用|启用|揭牌|开园|挂牌|建成投用|集聚|聚集)"
SETTLE = f"(?:落户|入驻|进驻|扎根|落地|坐落|落户在|选址|{INTRANSITIVE}(?=[,。;、]|$|并|投|运营|开园|揭牌))"
HOSTS_SETTLE = re.compile(f"({LIST})(?:[^,。;\ue000-\uf8ff]{{0,12}}?)(?:(?:在|于)({M}))?{SETTLE}")
SETTLE_PLACE = re.compile(f"(?:的?[^,。;\ue000-\uf8ff]{{0,3}}[,,]?)?(?:在|于|到)?({M})")
HOSTS_IN_PLACE = re.compile(
    f"({M})[^,。;\ue000-\uf8ff]{{0,6}}在({M})(?:正式|已|将)?(?:落地|落户|建成|设立|成立|投运|运营|布局|投资建设|建厂|开工)"
)
HOSTS_IN_PLACE_LIST = re.compile(
    f"在({M})[,,]?[^。;\ue000-\uf8ff]{{0,14}}?({LIST})[^,。;\ue000-\uf8ff]{{0,3}}(?:布局|落户|设立|建设|成立)"
)
HOSTS_BUILT = re.compile(
    f"(?:建成投运|建成|引进|新建|投运|引育)了?({LIST})"
    f"|(?:集聚|聚集|汇聚|吸引|招引|培育)了?({LIST})(?=等|[,。;]|$)"
)
HOSTS_BUILDING = re.compile(f"(?:加快|加速|全力|高标准|高水平|大力|积极)(?:推进)?建设({LIST})(?=[,。;、]|$)")
HOSTS_POSSESSIVE = re.compile(f"({M})({M})")


def _hosts(s: _Sentence) -> None:
    for m in HOSTS_ENTERPRISE.finditer(s.masked):
        place = s.key(_items(m.group(1))[0])
        for i in _items(m.group(2)):
            s.add(place, "HOSTS", s.key(i), m.start(), m.end(), "tie.hosts.place_enterprise", 0.8)
        # The rest of a winners' roll call after 园区企业X stays in that place.
        for later in MENTION.finditer(s.masked[m.end() :]):
            i = _items(later.group(0))[0]
            if s.key(i)[0] == "Enterprise":
                at = m.end() + later.end()
                s.add(place, "HOSTS", s.key(i), m.start(), at, "tie.hosts.place_enterprise", 0.6)
    for m in HOSTS_INCLUDES.finditer(s.masked):
        place = s.clause_subject(m.start())
        if place is None or place[0] not in ("Park", "Region"):
            place = s.doc_subject  # 管理局指出, 新进驻厂商包括…: the speaker is not the place
        for i in _items(m.group(1)):
            s.add(place, "HOSTS", s.key(i), s.clause_start(m.start()), m.end(), "tie.hosts.includes", 0.7)
    if s.doc_subject is not None and s.doc_subject[0] in ("Park", "Region"):
        for m in HOSTS_WITHIN.finditer(s.masked):
            for i in _items(m.group(1)):
                s.add(s.doc_subject, "HOSTS", s.key(i), m.start(), m.end(), "tie.hosts.within", 0.7)
    for m in HOSTS_SETTLE.finditer(s.masked):
        if s.masked[max(0, m.start() - 1) : m.start()] in ("在", "于", "到"):
            continue  # 在X落地: X is the place, not the settler
        after = s.masked[m.end() : m.end() + 12]
        place_match = SETTLE_PLACE.match(after)
        place = s.key(_items(place_match.group(1))[0]) if place_match else None
        if m.group(2):
            place, place_match = s.key(_items(m.group(2))[0]), None
        if place is None or place[0] not in ("Park", "Region"):
            place = s.clause_subject(m.start())
        end = m.end() + (place_match.end() if place_match else 0)
        for i in _items(m.group(1)):
            s.add(place, "HOSTS", s.key(i), m.start(), end, "tie.hosts.settle", 0.7)
    for m in HOSTS_IN_PLACE.finditer(s.masked):
        s.add(
            s.key(_items(m.group(2))[0]),
            "HOSTS",
            s.key(_items(m.group(1))[0]),
            m.start(),
            m.end(),
            "tie.hosts.in_place",
            0.8,
        )
    for m in HOSTS_IN_PLACE_LIST.finditer(s.masked):
        place = s.key(_items(m.group(1))[0])
        for i in _items(m.group(2)):
            s.add(place, "HOSTS", s.key(i), m.start(), m.end(), "tie.hosts.in_place", 0.7)
    for m in HOSTS_BUILT.finditer(s.masked):
        subject = s.clause_subject(m.start())
        for i in _items(m.group(1) or m.group(2)):
            s.add(subject, "HOSTS", s.key(i), s.clause_start(m.start()), m.end(), "tie.hosts.built", 0.7)
    # 加快建设崂山实验室: a lab the place is building is one it hosts (a joint build is CO_BUILDS instead).
    for m in HOSTS_BUILDING.finditer(s.masked):
        subject = s.clause_subject(m.start())
        for i in _items(m.group(1)):
            if s.key(i)[0] in ("Lab", "University"):
                s.add(subject, "HOSTS", s.key(i), s.clause_start(m.start()), m.end(), "tie.hosts.building", 0.6)
    for m in HOSTS_POSSESSIVE.finditer(s.masked):
        first, second = s.key(_items(m.group(1))[0]), s.key(_items(m.group(2))[0])
        inside = ("Lab", "University", "Enterprise") + (("Park",) if first[0] == "Region" else ())
        if first[0] in ("Park", "Region") and second[0] in inside:
            s.add(first, "HOSTS", second, m.start(), m.end(), "tie.hosts.possessive", 0.6)


LOCATED = re.compile(f"({M})[^,。;\ue000-\uf8ff]{{0,4}}(?:位于|坐落于|总部设在|总部位于|落户于)({M}+)")


def _located(s: _Sentence) -> None:
    """X位于Y, X总部设在Y: the place hosts X."""
    for m in LOCATED.finditer(s.masked):
        place = s.key(_items(m.group(2))[-1])  # 位于南京市雨花台区: the innermost place
        if place[0] in ("Park", "Region"):
            s.add(place, "HOSTS", s.key(_items(m.group(1))[0]), m.start(), m.end(), "tie.hosts.located", 0.8)


BUILD = (
    "(?:合作共建|合作建设|共同建设|联合建设|联合共建|联合组建|共同组建|合作组建|携手打造|共同打造|"
    "联合成立|共同成立|共同设立|联合设立|合作设立|合作成立|共建)"
)
CO_BUILDS_WITH = re.compile(f"(?:与|和|同|联合|携手)({LIST})(?:合作)?{BUILD}(?:的)?({M})?")
LIST_BEFORE = re.compile(f"({LIST})[^,。;\ue000-\uf8ff]{{0,4}}$")
CO_BUILDS_LIST = re.compile(f"({LIST}){BUILD}({M})")
CO_BUILDS_JOINTLY = re.compile(f"(?:联合|携手|会同)({LIST})(?:共同)?(?:打造|建设|组建|共建|建立|成立|设立)({M})")
CO_BUILDS_BOTH = re.compile(f"(?:双方|两家|三方|各方)(?:将|还将|拟|计划)?(?:共同|携手)?{BUILD[:-1]}|联合建设)({M})")
PAIR_BEFORE = re.compile(f"({M})(?:与|和|同)({LIST})[^。]*$")
CO_BUILDS_JOINT_SITE = re.compile(
    f"联合({LIST})[,,]?[^,。;\ue000-\uf8ff]{{0,6}}?(?:加速|加快|推进|推动)?({M})(?:建设|筹建)"
)


def _co_builds(s: _Sentence) -> None:
    for m in CO_BUILDS_WITH.finditer(s.masked):
        builders = [s.key(i) for i in _items(m.group(1))]
        before = s.masked[: m.start()]
        subject_match = LIST_BEFORE.search(before)
        subjects = [s.key(i) for i in _items(subject_match.group(1))] if subject_match else []
        agents = [] if subjects else s.clause_agents(m.start())
        if agents:
            subjects = agents  # 支持A、B建设…, 与C共建D: A and B build D with C
        subject = subjects[-1] if subjects else s.clause_subject(m.start())
        builders = subjects[:-1] + builders  # 北京大学、清华大学与海淀区共建: every name before 与 builds
        built = s.key(_items(m.group(2))[0]) if m.group(2) else None
        if built is None:
            # 作为园区与X合作共建的平台: the thing built is the named platform the sentence is about.
            taken = {subject, *builders}
            earlier = [s.key(i) for i in _items(before) if s.key(i)[0] in ("Platform", "Lab") and s.key(i) not in taken]
            built = earlier[-1] if earlier else None
        for builder in [subject, *builders]:
            s.add(
                builder,
                "CO_BUILDS",
                built,
                subject_match.start() if subject_match else s.clause_start(m.start()),
                m.end(),
                "tie.co_builds.with",
                0.8,
            )
    for m in CO_BUILDS_LIST.finditer(s.masked):
        built = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "CO_BUILDS", built, m.start(), m.end(), "tie.co_builds.list", 0.8)
    # 联合A、B打造C: the subject and its partners build C.
    for m in CO_BUILDS_JOINTLY.finditer(s.masked):
        built = s.key(_items(m.group(2))[0])
        for builder in [s.clause_subject(m.start())] + [s.key(i) for i in _items(m.group(1))]:
            s.add(builder, "CO_BUILDS", built, s.clause_start(m.start()), m.end(), "tie.co_builds.jointly", 0.7)
    # A与B签约, 双方将联合建设C: 双方 are the two named just before.
    for m in CO_BUILDS_BOTH.finditer(s.masked):
        pair = PAIR_BEFORE.search(s.masked[: m.start()])
        if pair and s.key(_items(m.group(1))[0]) not in {s.key(i) for i in _items(pair.group(0))}:
            for i in _items(pair.group(1)) + _items(pair.group(2)):
                s.add(
                    s.key(i),
                    "CO_BUILDS",
                    s.key(_items(m.group(1))[0]),
                    pair.start(),
                    m.end(),
                    "tie.co_builds.both",
                    0.7,
                )
    for m in CO_BUILDS_JOINT_SITE.finditer(s.masked):
        built = s.key(_items(m.group(2))[0])
        for builder in [s.clause_subject(m.start())] + [s.key(i) for i in _items(m.group(1))]:
            s.add(builder, "CO_BUILDS", built, s.clause_start(m.start()), m.end(), "tie.co_builds.jointly", 0.7)


COLLABORATE = (
    "(?:(?:签署|签订|达成)?(?:[\u4e00-\u9fff]{2}、)*[^,。;\ue000-\uf8ff]{0,4}?(?:合作|对接|联动|协同|交流合作|联合研发|联合攻关|共同研发)"
    "|签约|签署[^,。;]{0,8}(?:协议|备忘录))"
)
COLLABORATES_WITH = re.compile(
    f"(?:与|和|同)({LIST})(?:等)?(?:高校|企业|院所|科研院所|机构|单位)?(?:的|开展|进行|建立)?(?:深入|全面|深度|战略|紧密)?{COLLABORATE}(?!共建|设立|成立|建设)"
)
MENTION_BEFORE = re.compile(f"({M})[^,。;\ue000-\uf8ff]{{0,10}}$")
COLLABORATES_VERB = re.compile(f"(?:对接|联动|联合|会同)(?:[^,。;\ue000-\uf8ff、]{{1,10}}、)*({LIST})")
THEN_BUILDS = re.compile(f"[,,]?[^,。;]{{0,8}}?{M}?(?:建设|共建)|(?:共同)?(?:打造|建设|组建|共建|建立){M}")
THEN_FOUNDS = re.compile(f"(?:共同)?(?:发起|成立|设立){M}")
THEN_INITIATES = re.compile("(?:共同)?发起")


def _collaborates(s: _Sentence) -> None:
    for m in COLLABORATES_WITH.finditer(s.masked):
        before = s.masked[: m.start()]
        subject_match = MENTION_BEFORE.search(before)
        subject = s.key(_items(subject_match.group(1))[0]) if subject_match else s.clause_subject(m.start())
        start = subject_match.start() if subject_match else s.clause_start(m.start())  # the stating clause
        for i in _items(m.group(1)):
            s.add(subject, "COLLABORATES_WITH", s.key(i), start, m.end(), "tie.collaborates.with", 0.7)
    for m in COLLABORATES_VERB.finditer(s.masked):
        rest = s.masked[m.end() : m.end() + 16]
        if THEN_BUILDS.match(rest):
            continue  # 联合A, 加速B建设 is co-building
        if THEN_FOUNDS.match(rest) or THEN_INITIATES.match(rest):
            continue  # 联合A发起设立C: both lead C (see _leads), the pair is not a standing collaboration
        subject = s.clause_subject(m.start())
        for i in _items(m.group(1)):
            s.add(subject, "COLLABORATES_WITH", s.key(i), m.start(), m.end(), "tie.collaborates.verb", 0.6)


LEADS_INITIATES = re.compile(f"({M})(?:联合)?发起(?:设立|成立)?了?({M})")
LEADS_JOINTLY = re.compile(
    f"({M})(?:联合|携手|会同|与|和)({LIST})(?:共同)?发起(?:设立|成立|组建)?了?[^,。;\ue000-\uf8ff]{{0,12}}?的?({M})"
)
# 由A牵头、联合B共同建设的C; 由A发起设立的硬科技投资机构C: a partner clause or a description may come between.
LEADS_BY = re.compile(
    f"由({LIST})(?:等)?(?:共同|联合)?(?:牵头|发起)(?:[、,]?(?:联合|会同|携手)[^,。;的]{{0,20}}?)?(?:共同)?"
    f"(?:成立|组建|发起成立|发起设立|设立|建设|共建|打造|建立)?的([^,。;\ue000-\uf8ff]{{0,10}}?)({M})"
)
LEADS_VERB = re.compile(f"({M})牵头(?:成立|组建|发起成立|发起|设立)(?:了|的)?({M})")
# 依托A组建的B: the body a centre is built on leads it.
LEADS_BASED = re.compile(f"依托({LIST})(?:等)?(?:单位)?(?:组建|建设|成立|设立|筹建|共建)的({M})")
# A出资设立规模50亿元的B: the founder funds and leads what it set up.
LEADS_FUNDS_SETUP = re.compile(
    f"({LIST})[^,。;\ue000-\uf8ff]{{0,4}}?(?:出资|投资)(?:设立|成立|组建|发起设立)了?[^,。;\ue000-\uf8ff]{{0,16}}?({M})"
)
LEADS_FOUNDS = re.compile(f"(?<!牵头)(?:创新组建|成立|组建|发起设立|设立)了?({M})")
JOINTLY_BEFORE = re.compile(f"(?:联合|携手|会同){LIST}(?:共同)?$")


def _leads(s: _Sentence) -> None:
    for m in LEADS_INITIATES.finditer(s.masked):
        s.add(
            s.key(_items(m.group(1))[0]),
            "LEADS",
            s.key(_items(m.group(2))[0]),
            m.start(),
            m.end(),
            "tie.leads.initiates",
            0.7,
        )
    # A联合B发起设立规模50亿元的C: every initiator leads C (a short description may come between).
    for m in LEADS_JOINTLY.finditer(s.masked):
        founded = s.key(_items(m.group(3))[0])
        for i in _items(m.group(1)) + _items(m.group(2)):
            s.add(s.key(i), "LEADS", founded, m.start(), m.end(), "tie.leads.jointly", 0.8)
    # 由A牵头组建的B, 由A、C发起设立的B: the initiators lead B (出资设立 is funding, see _funds).
    for m in LEADS_BY.finditer(s.masked):
        founded = s.key(_items(m.group(3))[0])
        for i in _items(m.group(1)) if founded[0] != "Region" else []:  # 的杭州…: a name the rules cut short
            s.add(s.key(i), "LEADS", founded, m.start(), m.end(), "tie.leads.by", 0.9)
    for m in LEADS_BASED.finditer(s.masked):
        founded = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)) if founded[0] != "Region" else []:
            s.add(s.key(i), "LEADS", founded, m.start(), m.end(), "tie.leads.based", 0.8)
    for m in LEADS_FUNDS_SETUP.finditer(s.masked):
        founded = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):  # A与B共同出资设立C: each founder
            s.add(s.key(i), "LEADS", founded, m.start(), m.end(), "tie.leads.funds_setup", 0.7)
            s.add(s.key(i), "FUNDS", founded, m.start(), m.end(), "tie.funds.setup", 0.7)
    for m in LEADS_VERB.finditer(s.masked):
        s.add(
            s.key(_items(m.group(1))[0]),
            "LEADS",
            s.key(_items(m.group(2))[0]),
            m.start(),
            m.end(),
            "tie.leads.verb",
            0.8,
        )
    for m in LEADS_FOUNDS.finditer(s.masked):
        if JOINTLY_BEFORE.search(s.masked[: m.start()]):
            continue  # 联合A成立B: a joint founding is co-building (see _co_builds)
        obj = s.key(_items(m.group(1))[0])
        if obj[0] in ("Agency", "University", "Lab", "Platform"):
            s.add(s.clause_subject(m.start()), "LEADS", obj, m.start(), m.end(), "tie.leads.founds", 0.6)


FUNDS_BY = re.compile(f"由({LIST})(?:等)?(?:共同|联合)?(?:投资|出资)(?:建设|设立|成立|组建)?的({M})")
FUNDS_BY_CLAUSE = re.compile(
    f"[,;]由({LIST})(?:等)?(?:共同|联合)?(?:投资|出资)(?:建设|设立|成立|组建|打造)?(?=[,。;]|$)"
)
# A list whose names may each carry their bracketed short form: A(甲)、B和C.
LIST_SHORT = f"{M}(?:\\({M}\\))?(?:{SEP}{M}(?:\\({M}\\))?)*"
# X由A、B和C共同出资; 由A与B共同出资,设立…的D: the funders of X, else of what they set up.
FUNDS_BY_SUBJECT = re.compile(
    f"({M})?[^,。;\ue000-\uf8ff]{{0,6}}?由({LIST_SHORT})(?:等)?[^,。;\ue000-\uf8ff]{{0,4}}?(?:共同|联合)?"
    f"(?:全额|全资)?(?:出资|投资)(?![\ue000-\uf8ff的]|建设的|设立的|成立的)"
)
SET_UP_AFTER = re.compile(f"[,]?(?:设立|成立|组建|发起设立)了?[^,。;\ue000-\uf8ff]{{0,16}}?({M})")
FUNDS_BACKS = re.compile(f"({M})[^,。;\ue000-\uf8ff]{{0,4}}获(?:得)?({LIST})(?:的)?(?:支持|资助|注资)")
FUNDS_BACKED = re.compile(f"背靠([^,。;]*?)(?:等)?(?:主要)?(?:投资方|股东|投资机构|资本)[,,]\\s*({M})")
FUNDS_VERB = re.compile(f"({LIST})(?:等)?[^,。;\ue000-\uf8ff]{{0,4}}(?:投资|出资|参股|注资|领投|跟投|资助)了?({M})")
FUNDS_RECEIVED = re.compile(
    f"({M})[^,。;\ue000-\uf8ff]{{0,6}}获(?:得)?({LIST})(?:等)?(?:机构|投资方|股东)?(?:的)?(?:投资|注资|战略投资|融资)"
)
FUNDS_ROUND = re.compile(f"(?:由)?({LIST})(?:等)?(?:联合)?(?:领投|跟投|参投)")
# …领投了初创企业X的A轮融资: the company whose round it is, not the first name after the verb.
ROUND_OF = re.compile(f"[^,。;]{{0,30}}?({M})的[^,。;\ue000-\uf8ff]{{0,6}}轮(?:融资|募资|投资)")
FUNDS_INTO_ROUND = re.compile(
    f"({LIST})(?:等)?[^,。;\ue000-\uf8ff]{{0,4}}(?:领投|跟投|参投|参与)了?[^,。;]{{0,30}}?({M})的"
    f"[^,。;\ue000-\uf8ff]{{0,6}}轮(?:融资|募资)"
)
# (X…,) A联同/联合B领投天使轮融资: the investors of the round fund the company the clause is about.
FUNDS_LED_ROUND = re.compile(
    f"({LIST})(?:(?:联同|联合|携手|与|和)({LIST}))?(?:共同)?(?:领投|跟投|参投)了?[^,。;\ue000-\uf8ff]{{0,8}}?轮(?:融资|募资)"
)
FUNDS_INVESTS = re.compile(f"(?:^|[,;])(?:已|累计|先后|还)?(?:投资|投向|参股|领投)了?({LIST})(?=等|[,。;]|$)")


def _funds(s: _Sentence) -> None:
    # 由A、B共同出资设立的C: each funder of C.
    for m in FUNDS_BY.finditer(s.masked):
        funded = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "FUNDS", funded, m.start(), m.end(), "tie.funds.by", 0.8)
    # B落户…, 由A与C共同出资建设: the clause's topic is what they fund.
    for m in FUNDS_BY_CLAUSE.finditer(s.masked):
        funded = s.clause_subject(m.start())
        for i in _items(m.group(1)):
            s.add(s.key(i), "FUNDS", funded, s.clause_start(m.start()), m.end(), "tie.funds.by_clause", 0.7)
    for m in FUNDS_BY_SUBJECT.finditer(s.masked):
        set_up = SET_UP_AFTER.match(s.masked, m.end())
        if set_up:
            funded = s.key(_items(set_up.group(1))[0])
        elif m.group(1):
            funded = s.key(_items(m.group(1))[0])
        else:
            funded = s.clause_subject(m.start(2))
        end = set_up.end() if set_up else m.end()
        for i in _items(m.group(2)):
            s.add(s.key(i), "FUNDS", funded, m.start(), end, "tie.funds.by_subject", 0.7)
    # X获得Y基金支持: a fund backs X.
    for m in FUNDS_BACKS.finditer(s.masked):
        for i in _items(m.group(2)):
            if s.key(i)[0] == "Fund":
                s.add(s.key(i), "FUNDS", s.key(_items(m.group(1))[0]), m.start(), m.end(), "tie.funds.backs", 0.7)
    for m in FUNDS_BACKED.finditer(s.masked):
        funded = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "FUNDS", funded, m.start(), m.end(), "tie.funds.backed", 0.8)
    for m in FUNDS_VERB.finditer(s.masked):
        round_of = ROUND_OF.match(s.masked, m.start(2))
        funded = s.key(_items((round_of or m).group(1 if round_of else 2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "FUNDS", funded, m.start(), m.end(), "tie.funds.verb", 0.7)
    for m in FUNDS_RECEIVED.finditer(s.masked):
        funded = s.key(_items(m.group(1))[0])
        for i in _items(m.group(2)):
            s.add(s.key(i), "FUNDS", funded, m.start(), m.end(), "tie.funds.received", 0.7)

    # A领投了初创企业X的A轮融资: A funds the company whose round it is.
    for m in FUNDS_INTO_ROUND.finditer(s.masked):
        funded = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "FUNDS", funded, m.start(), m.end(), "tie.funds.round", 0.7)

    # X完成新一轮融资, 由A领投, B跟投: the investors of a round fund the company that raised it.
    for m in FUNDS_ROUND.finditer(s.masked):
        before = s.masked[: m.start()]
        if "融资" not in before:
            continue
        rounds = [r for r in ROUND_OF.finditer(before) if s.key(_items(r.group(1))[0])[0] == "Enterprise"]
        raisers = [s.key(i) for i in _items(before) if s.key(i)[0] == "Enterprise"]
        if rounds:
            raisers = [s.key(_items(rounds[-1].group(1))[0])]  # the round named just before
        for i in _items(m.group(1)):
            if raisers:
                s.add(s.key(i), "FUNDS", raisers[0], 0, m.end(), "tie.funds.round", 0.7)

    for m in FUNDS_LED_ROUND.finditer(s.masked):
        raiser = s.clause_subject(m.start())
        if raiser is not None and raiser[0] == "Enterprise":
            for i in _items(m.group(1)) + _items(m.group(2) or ""):
                s.add(s.key(i), "FUNDS", raiser, s.clause_start(m.start()), m.end(), "tie.funds.led_round", 0.7)

    # …的基金规模达50亿元, 已投资A、B: the clause's topic invests.
    for m in FUNDS_INVESTS.finditer(s.masked):
        start = m.start() + 1 if s.masked[m.start() : m.start() + 1] in (",", ";") else m.start()
        funder = s.fund_before(start) or s.clause_subject(start)
        for i in _items(m.group(1)):
            s.add(funder, "FUNDS", s.key(i), start, m.end(), "tie.funds.invests", 0.6)


RUNS_PUBLISHES = re.compile(
    f"({M})(?:\\({M}\\))?(?:发布|评选|组织评选|公布|主办|承办|组织实施|管理|受托管理|运营|运作|负责运营|负责管理)的({M})"
)
# 工信部公布2023年X名单: the body that publishes a list runs the title it confers.
RUNS_LISTS = re.compile(
    f"({M})(?:近日|日前)?(?:公布|发布|公示|印发)了?[^,。;\ue000-\uf8ff]{{0,8}}?({M})[^,。;\ue000-\uf8ff]{{0,2}}(?:名单|名录|榜单)"
)
# 基金管理人为X, 委托X管理: the manager runs the fund the clause is about.
RUNS_MANAGER = re.compile(f"(?:管理人|管理机构|运营机构|运营主体)(?:为|是)({M})|委托({M})(?:负责)?(?:管理|运营|运作)")
RUNS_CONFERS = re.compile(f"被({M})(?:表彰|评|认定|授予|命名)为?({M})")
RUN_VERBS = (
    "(?:高效运作|运作|运营|启动|实施|设立|升级打造|打造|搭建|建立|提档升级|深化|推出|依托|开拓|推进|管理|用好|发挥)"
)
# 用好由A与B共同出资的C: what is run is the head of the relative clause, not its funders.
RUNS_RELATIVE = re.compile(f"由[^。;]{{0,40}}?的({M})")
RUNS_OPERATES = re.compile(
    f"(?<!发起|合作|共同|联合|出资|投资){RUN_VERBS}(?!的)了?[^,。;\ue000-\uf8ff]{{0,12}}?({M}(?:(?:、|和|及|与)?{M})*)"
)


def _runs(s: _Sentence) -> None:
    for m in RUNS_PUBLISHES.finditer(s.masked):
        s.add(
            s.key(_items(m.group(1))[0]),
            "RUNS",
            s.key(_items(m.group(2))[0]),
            m.start(),
            m.end(),
            "tie.runs.publishes",
            0.8,
        )
    for m in RUNS_LISTS.finditer(s.masked):
        body, scheme = s.key(_items(m.group(1))[0]), s.key(_items(m.group(2))[0])
        if body[0] == "Agency" and scheme[0] in ("Programme", "TalentProgramme"):
            s.add(body, "RUNS", scheme, m.start(), m.end(), "tie.runs.lists", 0.7)
    for m in RUNS_MANAGER.finditer(s.masked):
        manager = s.key(_items(m.group(1) or m.group(2))[0])
        before = [s.key(i) for i in _items(s.masked[: m.start()]) if s.key(i)[0] == "Fund" and s.key(i) != manager]
        run = before[-1] if before else s.clause_subject(m.start())
        s.add(manager, "RUNS", run, s.clause_start(m.start()), m.end(), "tie.runs.manager", 0.7)
    for m in RUNS_CONFERS.finditer(s.masked):
        scheme = s.key(_items(m.group(2))[0])
        s.add(s.key(_items(m.group(1))[0]), "RUNS", scheme, m.start(), m.end(), "tie.runs.confers", 0.8)
        s.add(s.clause_subject(m.start()), "SELECTED_BY", scheme, 0, m.end(), "tie.selected_by.conferred", 0.7)
    for m in RUNS_OPERATES.finditer(s.masked):
        items = _items(m.group(1))
        if "由" in s.masked[m.start() : m.start(1)]:
            relative = RUNS_RELATIVE.match(s.masked, s.masked.rindex("由", m.start(), m.start(1)))
            items = _items(relative.group(1)) if relative else []
        for i in items:
            if s.key(i)[0] in ("Fund", "Platform", "Programme", "TalentProgramme"):
                s.add(s.clause_subject(m.start()), "RUNS", s.key(i), m.start(), m.end(), "tie.runs.operates", 0.6)


SUBSIDIARY = re.compile(
    f"({M})(?:是|为|系)({M})(?:的)?(?:全资|控股)?"
    "(?:子公司|旗下企业|旗下公司|分公司|(?:下属|直属|所属)[^,。;\ue000-\uf8ff]{0,4}?(?:企业|公司|单位|机构))"
)


# 隶属于A的B, A辖下/下辖/旗下/下属的B: B belongs to A (旗下管理B is running B, see _runs).
PART_OF_UNDER = re.compile(
    f"隶属(?:于)?({M})的({M})|({M})?(?:辖下|管辖|下辖|旗下|下属|直属|所属)的?({LIST})(?!管理|运营)"
)
# X是Y的核心板块/重要组成部分, 作为Y的核心片区, X…: the part of a larger place.
PART_OF_PIECE = re.compile(
    f"({M})(?:是|为|系|作为)({M})的(?:核心|重要|主要)?(?:板块|组成部分|片区|核心区|园区|分园|功能区)"
    f"|作为({M})的(?:核心|重要|主要)?(?:板块|组成部分|片区|核心区|分园|功能区)[,]?({M})"
)


def _subsidiary(s: _Sentence) -> None:
    """X是Y的全资子公司, X为Y旗下企业: the subsidiary is part of the group."""
    for m in SUBSIDIARY.finditer(s.masked):
        s.add(
            s.key(_items(m.group(1))[0]),
            "PART_OF",
            s.key(_items(m.group(2))[0]),
            m.start(),
            m.end(),
            "tie.part_of.subsidiary",
            0.8,
        )
    for m in PART_OF_UNDER.finditer(s.masked):
        if m.group(1):
            whole, parts = s.key(_items(m.group(1))[0]), m.group(2)
        else:  # 下辖A、B等片区 with the clause's subject as the whole
            whole = s.key(_items(m.group(3))[0]) if m.group(3) else s.clause_subject(m.start())
            parts = m.group(4)
        start = m.start() if m.group(1) or m.group(3) else s.clause_start(m.start())
        for i in _items(parts):
            s.add(s.key(i), "PART_OF", whole, start, m.end(), "tie.part_of.under", 0.8)
    for m in PART_OF_PIECE.finditer(s.masked):
        part, whole = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        s.add(s.key(_items(part)[-1]), "PART_OF", s.key(_items(whole)[0]), m.start(), m.end(), "tie.part_of.piece", 0.8)


SELECTION = "(?:获评|获批|荣获|获得|获|入选|立项|被评为|被认定为|认定为|列入)"
SELECTED = re.compile(
    f"({LIST})(?:等)?(?:\\d+家|[一二三四五六七八九十两几]+家)?(?:企业|单位)?(?:日前|近日|同时|均|分别|先后|成功|已)?"
    f"{SELECTION}了?(?:[^,。;\\ue000-\\uf8ff]{{0,6}}?)(?:{M}(?:主办|组织|发起|实施)的)?({LIST})"
)
# 认定A等8家单位为B: the body that confers B runs it; A is selected by it.
SELECTED_CONFERRED = re.compile(
    f"认定({LIST})(?:等)?(?:\\d+家|[一二三四五六七八九十两几]+家)?(?:企业|单位|机构)?为({M})"
)
COUNTED = re.compile(r"\d+(?:名|家|个|项|人)")


def _selected(s: _Sentence) -> None:
    for m in SELECTED_CONFERRED.finditer(s.masked):
        scheme = s.key(_items(m.group(2))[0])
        for i in _items(m.group(1)):
            s.add(s.key(i), "SELECTED_BY", scheme, m.start(), m.end(), "tie.selected_by.conferred", 0.8)
        issuer = s.clause_subject(m.start())
        if issuer is not None and issuer[0] == "Agency":
            s.add(issuer, "RUNS", scheme, s.clause_start(m.start()), m.end(), "tie.runs.confers", 0.7)
    for m in SELECTED.finditer(s.masked):
        after = s.masked[m.end() : m.end() + 6]
        if COUNTED.match(after):
            continue  # 入选…13名: a place standing for unnamed winners
        for i in _items(m.group(1)):
            for j in _items(m.group(2)):
                s.add(s.key(i), "SELECTED_BY", s.key(j), m.start(), m.end(), "tie.selected_by.wins", 0.8)


EVENT = re.compile(r"(论坛|大会|峰会|大赛|会议|博览会|展会)")
INVESTS_IN = re.compile("投向|投资于|主投|专注投资|重点投资")


def _focuses(s: _Sentence) -> None:
    for m in MENTION.finditer(s.masked):
        i = _items(m.group(0))[0]
        if s.key(i)[0] != "Industry":
            continue
        clause_end = CLAUSE_END_AT.search(s.masked[m.end() :])
        clause = s.masked[m.end() : m.end() + (clause_end.start() if clause_end else len(s.masked))]
        if EVENT.search(clause[:12]):
            continue  # the topic of an event is not a focus
        subject = s.clause_subject(m.start())
        start = s.clause_start(m.start())
        if INVESTS_IN.search(s.masked, start, m.start()):
            # …设立X基金,重点投向A、B: only an investor invests; the fund named last before is the one.
            funds = [s.key(j) for j in _items(s.masked[: m.start()]) if s.key(j)[0] == "Fund"]
            subject = funds[-1] if funds else subject
        s.add(subject, "FOCUSES_ON", s.key(i), start, m.end(), "tie.focuses_on.sector", 0.6)


RULES = (_hosts, _located, _co_builds, _collaborates, _leads, _funds, _runs, _subsidiary, _selected, _focuses)


def subjects_at(
    text: str, mentions: list[SentenceMention], subject: Key | None, offsets: list[int], tie_types: dict | None = None
) -> list[Key | None]:
    """The actor each clause is about at the given sentence offsets: its opener, else the document's subject."""
    if not offsets:
        return []
    sentence = _Sentence(text, mentions, subject, tie_types)
    return [sentence.clause_subject(sentence.masked_position(at)) for at in offsets]


def sentence_ties(
    text: str, mentions: list[SentenceMention], subject: Key | None, tie_types: dict | None = None
) -> list[FoundTie]:
    """Every tie the sentence states, by every rule, checked against the ontology (``tie_types``, else loaded)."""
    if not mentions:
        return []
    sentence = _Sentence(text, mentions, subject, tie_types)
    for rule in RULES:
        rule(sentence)
    return sentence.found

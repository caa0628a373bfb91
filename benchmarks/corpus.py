"""A synthetic corpus in the genre of the seeds, at any size, with its ground truth.

Each document is a local news or government page about one city's innovation scene:
page furniture (breadcrumbs, byline, related-articles list), a title naming a park,
and paragraphs that mix genre filler with sentences stating ties in the phrasings the
gold guide lists (落户, 投资, 共建, 合作, 牵头成立, 入选, 聚焦 ...). Some documents are
Traditional script, some HTML, some GBK, as in the wild. Every tie sentence is made
from a known (subject, tie, object), so the gold file written beside each document is
exact, and the same truth can be turned into a ``Batch`` to load a store without
running the extraction.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from benchmarks.names import CITIES, CityPool, Named, national_pool
from innograph.model import Actor, Batch, Document, Evidence, Mention, Quantity, Tie
from innograph.ontology import load_ontology

FILLERS = (
    "加快实现高水平科技自立自强,是推动高质量发展的必由之路",
    "科技赋能发展,创新决胜未来",
    "近年来,当地坚持把科技创新摆在发展全局的核心位置",
    "下一步,将持续优化创新生态,全力以赴推动全年科技创新再攀新高",
    "园区以“四链”深度融合锻强“看家本领”,展现出这片创新热土的谋篇布局",
    "全市高新技术企业数量再创新高,研发投入强度持续提升",
    "企业是科技创新的主体,要强化企业科技创新主体地位",
    "会议强调,要进一步完善“科技—产业—金融”良性循环",
    "据统计,今年上半年共举办各类创新创业活动120余场,服务企业超3000家次",
    "聚力打造具有全球影响力的产业科技创新高地",
    "一批科技型企业、高校院所和投资机构参加了活动",
    "要以更大力度推动科技成果转移转化,加快培育新质生产力",
    "围绕产业链部署创新链,围绕创新链布局产业链",
    "人才是第一资源,创新是第一动力",
    "活动现场还举行了项目签约仪式,共签约项目18个,总投资约56亿元",
)
PREFIXES = ("", "", "近日,", "据悉,", "今年以来,", "日前,", "此外,", "与此同时,", "目前,")
SUFFIXES = ("", "", ",进一步完善了区域创新生态", ",为产业发展注入新动能", ",标志着双方合作迈上新台阶",
            ",助力打造一流创新生态")
AMOUNTS = ("数亿元", "超5000万元", "1.2亿元", "近3亿元", "2000万元", "逾10亿元")
EDITORS = ("王洁", "李明", "张华", "陈静", "刘洋")


@dataclass(frozen=True)
class StatedTie:
    subject: Named
    predicate: str
    object: Named
    clause: str  # the words that state it, in the document's script


@dataclass
class GeneratedDoc:
    """One document: its file bytes, its text as plain text, and the truth about it."""

    name: str
    data: bytes
    plain: str  # the body as plain text in the document's script (offsets of truth_batch point here)
    media_type: str
    encoding: str
    surfaces: dict[Named, set[str]] = field(default_factory=dict)  # every form each actor takes
    ties: list[StatedTie] = field(default_factory=list)
    amounts: list[tuple[Named, str, str]] = field(default_factory=list)  # (actor, amount text, clause)

    def gold(self) -> dict:
        """The gold-format annotation (shared/gold/GUIDE.md) of this document."""
        entities = [
            {"name": actor.name, "type": actor.type, "aliases": sorted(s for s in forms if s != actor.name)}
            for actor, forms in self.surfaces.items()
        ]
        seen: set[tuple[str, str, str]] = set()
        relations = []
        for tie in self.ties:
            key = (tie.subject.name, tie.predicate, tie.object.name)
            if key in seen:
                continue
            seen.add(key)
            relations.append({"subject": key[0], "predicate": key[1], "object": key[2], "evidence": tie.clause})
        return {"document": self.name, "entities": entities, "relations": relations}


# (predicate, weight, subject kinds, object kinds, templates); kinds are pool draws, see _draw.
# Templates: {s} subject, {o} object, {s2} a second builder (CO_BUILDS), {amount} an amount.
TIE_PATTERNS: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("HOSTS", 6, ("home", "Park", "Region"), ("Enterprise", "Lab", "Platform", "Fund", "University"),
     ("{o}正式落户{s}", "{o}入驻{s}", "{o}项目落地{s}", "{o}在{s}建成投用", "{s}引进的{o}正式揭牌")),
    ("FUNDS", 3, ("Fund", "Investor"), ("Enterprise", "Lab"),
     ("{s}投资{o}{amount}", "{o}获得{s}{amount}投资", "{s}领投{o}{amount}A轮融资", "{s}出资参股{o}")),
    ("CO_BUILDS", 3, ("University", "Enterprise", "home", "Region"), ("Lab", "Platform"),
     ("{s}与{s2}共建{o}", "{s}联合{s2}共同建设{o}", "{s}携手{s2}打造{o}")),
    ("COLLABORATES_WITH", 3, ("University", "Enterprise", "Lab"), ("Enterprise", "University", "home"),
     ("{s}与{o}签署战略合作协议", "{s}与{o}开展深度合作", "{s}携手{o}推进产学研对接")),
    ("LEADS", 2, ("Enterprise", "University", "Lab"), ("Lab", "Platform"),
     ("{s}牵头成立{o}", "{s}牵头组建{o}", "由{s}发起设立的{o}正式成立")),
    ("PART_OF", 2, ("home",), ("Region",), ("{s}是{o}的重要组成部分", "作为{o}创新发展的主阵地,{s}")),
    ("RUNS", 2, ("Agency", "home"), ("Programme", "TalentProgramme", "Platform", "Fund"),
     ("{s}设立{o}", "{s}正式启动{o}", "{s}推出{o}")),
    ("SELECTED_BY", 3, ("Enterprise", "Lab", "University"), ("Programme", "TalentProgramme"),
     ("{s}入选{o}", "{s}获评{o}", "{s}获得{o}立项支持")),
    ("FOCUSES_ON", 3, ("home", "Enterprise", "Lab", "Fund"), ("Industry",),
     ("{s}聚焦{o}产业", "{s}重点发展{o}", "{s}围绕{o}产业链精准招商")),
)


@lru_cache(maxsize=1)
def _s2t() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert


class CorpusGenerator:
    """Documents one after another, deterministically from a seed."""

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed
        self.pools = {city: CityPool(city, province, seed) for city, province in CITIES}
        self.national = national_pool()
        self.city_weights = [1 / (rank + 1) ** 0.6 for rank in range(len(CITIES))]
        self.ontology = load_ontology()

    def _draw(self, rng: random.Random, pool: CityPool, kind: str, home: Named) -> Named:
        if kind == "home":
            return home
        if kind == "Investor":
            return pool.fund_investor()
        national = self.national.get(kind, [])
        if kind == "Enterprise":
            return pool.enterprise()
        if kind == "Lab":
            return rng.choice(national) if rng.random() < 0.15 else pool.lab()
        if kind == "Industry":
            return rng.choice(national)
        local = {
            "Park": pool.parks, "Region": pool.regions, "Agency": pool.agencies, "Programme": pool.programmes,
            "TalentProgramme": pool.talent, "Platform": pool.platforms, "University": pool.universities,
            "Fund": pool.funds,
        }[kind]
        if national and rng.random() < 0.3:
            return rng.choice(national)
        return rng.choice(local)

    def _tie_sentence(self, rng: random.Random, pool: CityPool, home: Named, script: Callable[[str], str],
                      doc: GeneratedDoc) -> str:
        weights = [pattern[1] for pattern in TIE_PATTERNS]
        for _ in range(20):
            predicate, _, subject_kinds, object_kinds, templates = rng.choices(TIE_PATTERNS, weights)[0]
            subject = self._draw(rng, pool, rng.choice(subject_kinds), home)
            obj = self._draw(rng, pool, rng.choice(object_kinds), home)
            second = self._draw(rng, pool, rng.choice(subject_kinds), home) if predicate == "CO_BUILDS" else None
            ends = [subject, obj] + ([second] if second else [])
            if len({(n.type, n.name) for n in ends}) < len(ends):
                continue
            tie_type = self.ontology.tie_type(predicate)
            if not tie_type.allows(subject.type, obj.type) or (second and not tie_type.allows(second.type, obj.type)):
                continue
            break
        else:  # pragma: no cover - the patterns always allow some draw
            return script(rng.choice(FILLERS))
        template = rng.choice(templates)
        amount = rng.choice(AMOUNTS) if "{amount}" in template else ""

        def surface(actor: Named) -> str:
            if actor is home and actor.short and home in doc.surfaces and rng.random() < 0.4:
                form = actor.short  # 园区: the document has named the park in full already
            else:
                form = script(actor.name)
            doc.surfaces.setdefault(actor, set()).add(form)
            return form

        values = {"s": surface(subject), "o": surface(obj), "s2": surface(second) if second else "", "amount": amount}
        clause = template.format(**values)
        doc.ties.append(StatedTie(subject, predicate, obj, clause))
        if second:
            doc.ties.append(StatedTie(second, predicate, obj, clause))
        if amount:
            doc.amounts.append((obj, amount, clause))
        return script(rng.choice(PREFIXES)) + clause + script(rng.choice(SUFFIXES))

    def document(self, index: int) -> GeneratedDoc:
        rng = random.Random(f"{self.seed}:doc:{index}")
        city, _ = rng.choices(CITIES, self.city_weights)[0]
        pool = self.pools[city]
        home = rng.choice(pool.parks[:4])
        traditional = rng.random() < 0.12
        script: Callable[[str], str] = _s2t() if traditional else (lambda text: text)
        as_html = rng.random() < 0.25
        digest = hashlib.sha1(f"{self.seed}:{index}".encode()).hexdigest()[:16]
        doc = GeneratedDoc(f"{index:06d}_{digest}.{'html' if as_html else 'txt'}", b"", "",
                           "text/html" if as_html else "text/plain", "utf-8")

        home_form = script(home.name)
        doc.surfaces[home] = {home_form}
        opening = home_form + script(rng.choice(("持续优化创新生态,", "坚持创新驱动发展,", "加快建设创新高地,")))
        sentences = [opening + script(rng.choice(FILLERS))]
        n_ties, n_fill = rng.randint(6, 18), rng.randint(14, 40)
        kinds = ["tie"] * n_ties + ["fill"] * n_fill
        rng.shuffle(kinds)
        for kind in kinds:
            if kind == "tie":
                sentences.append(self._tie_sentence(rng, pool, home, script, doc))
            else:
                sentences.append(script(rng.choice(FILLERS)))
        paragraphs: list[str] = []
        while sentences:
            take = rng.randint(2, 5)
            paragraphs.append("。".join(sentences[:take]) + "。")
            sentences = sentences[take:]

        title = home_form + script(rng.choice((":靶向发力迈向高水平科技自立自强", "创新生态建设跑出加速度",
                                               ":以科技创新引领产业焕新", "打造一流产业创新集群")))
        date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        crumbs = script(f"当前位置:首页 > {city}产业信息 > 正文内容")
        byline = script(f"admin {date} {city}产业信息")
        footer = script(f"责任编辑:{rng.choice(EDITORS)}")
        related = [script(t) for t in ("相关文章", "科技创新大会召开", "一季度经济运行情况发布", "人才政策问答")]
        body = "\n\n".join("  " + paragraph for paragraph in paragraphs)
        doc.plain = f"{crumbs}\n\n{title}\n\n{byline}\n\n{body}\n\n{footer}\n" + "\n".join(related) + "\n"

        encoding = "gbk" if not traditional and rng.random() < 0.12 else "utf-8"
        if as_html:
            paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            links = "".join(f"<li><a href='#'>{html.escape(t)}</a></li>" for t in related[1:])
            text = (
                f"<!DOCTYPE html>\n<html><head><meta charset=\"{encoding}\"><title>{html.escape(title)}</title>"
                f"</head>\n<body><div class=\"nav\">{html.escape(crumbs)}</div>\n"
                f"<div class=\"article\"><h1>{html.escape(title)}</h1><div class=\"info\">{html.escape(byline)}</div>\n"
                f"{paras}\n<p class=\"editor\">{html.escape(footer)}</p></div>\n"
                f"<div class=\"related\"><h3>{html.escape(related[0])}</h3><ul>{links}</ul></div></body></html>\n"
            )
        else:
            text = doc.plain
        try:
            doc.data = text.encode(encoding)
        except UnicodeEncodeError:
            encoding, doc.data = "utf-8", text.encode("utf-8")
            if as_html:
                doc.data = text.replace('charset="gbk"', 'charset="utf-8"').encode("utf-8")
        doc.encoding = encoding
        return doc

    def documents(self, count: int, start: int = 0) -> Iterator[GeneratedDoc]:
        for index in range(start, start + count):
            yield self.document(index)


@dataclass
class CorpusInfo:
    docs_dir: Path
    gold_dir: Path
    documents: int
    bytes: int
    actors: int  # distinct (type, name) over the corpus
    ties: int  # distinct (subject, tie, object) over the corpus


def write_corpus(out: Path, count: int, seed: int = 7) -> CorpusInfo:
    """Write ``count`` documents to ``out/docs`` and their gold files to ``out/gold``."""
    docs_dir, gold_dir = out / "docs", out / "gold"
    docs_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    actors: set[tuple[str, str]] = set()
    ties: set[tuple[str, str, str]] = set()
    for doc in CorpusGenerator(seed).documents(count):
        (docs_dir / doc.name).write_bytes(doc.data)
        gold = doc.gold()
        (gold_dir / f"{doc.name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        total += len(doc.data)
        actors.update((e["type"], e["name"]) for e in gold["entities"])
        ties.update((r["subject"], r["predicate"], r["object"]) for r in gold["relations"])
    return CorpusInfo(docs_dir, gold_dir, count, total, len(actors), len(ties))


def _spans(text: str, needle: str, limit: int = 3) -> list[int]:
    found, at = [], text.find(needle)
    while at != -1 and len(found) < limit:
        found.append(at)
        at = text.find(needle, at + len(needle))
    return found


def truth_batch(doc: GeneratedDoc) -> Batch:
    """The document's ground truth as the Batch a perfect extraction would return."""
    doc_id = hashlib.sha256(doc.data).hexdigest()
    batch = Batch(documents=[Document(doc_id, f"/corpus/docs/{doc.name}", doc.name, "", doc.encoding,
                                      doc.media_type, len(doc.plain))])
    text = doc.plain

    def evidence(start: int, end: int, rule: str) -> Evidence:
        left = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
        right = text.find("。", end)
        return Evidence(doc_id, text[left : right + 1 if right != -1 else len(text)], start, end, rule, 1.0)

    for named, forms in doc.surfaces.items():
        actor = Actor(named.type, named.name, {form for form in forms if form != named.name})
        for form in forms:
            for start in _spans(text, form):
                actor.mentions.append(Mention(actor.id, form, evidence(start, start + len(form), "bench.mention")))
        batch.add_actor(actor)
    ids = {named: Actor(named.type, named.name).id for named in doc.surfaces}
    for stated in doc.ties:
        start = max(text.find(stated.clause), 0)
        proof = evidence(start, start + len(stated.clause), f"bench.{stated.predicate.lower()}")
        batch.add_tie(Tie(ids[stated.subject], stated.predicate, ids[stated.object], [proof]))
    for named, amount, clause in doc.amounts:
        start = max(text.find(clause), 0) + max(clause.find(amount), 0)
        batch.quantities.append(Quantity(ids[named], 1e8, "元", "", amount,
                                         evidence(start, start + len(amount), "bench.amount")))
    return batch

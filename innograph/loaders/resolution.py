"""Canonical names, the document's subject, short forms, and the ties a name itself states.

A document names one actor many ways (苏州工业园区, 园区, 園區, 辖区引导基金 for the park's
fund); resolution turns every surface into one canonical Simplified name and keeps the
others as aliases. Names also state structure: 昆山高新区 lies in 昆山市, 复旦大学宁波研究院
belongs to 复旦大学; those PART_OF/HOSTS ties come from the name alone.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from innograph.loaders.actors import BARE_ZONES, CATEGORIES, CITY_PRONOUNS, GENERIC, PRONOUNS, TRADE, Candidate
from innograph.loaders.gazetteer import DATA, load_gazetteer, suffix_table
from innograph.loaders.segmenting import fast_segmenter

YEAR_PREFIX = re.compile(r"^(?:\d{4}年度?|第[一二三四五六七八九十百零\d]+届|首届|首批)")
GRADE_SUFFIX = re.compile(r"(?:[一二三特]等奖|金奖|银奖)$")
RESULT_SUFFIX = re.compile(r"(?:结果|名单|榜单)$")
PHASE_SUFFIX = re.compile(r"[一二三四五]期$")
QUOTES = re.compile(r"[\s“”\"'‘’《》〈〉「」『』]")
PARK_PRONOUNS = ("该园区", "园区", "辖区", "全区", "我区", "本区", "该区")
COMPANY_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "股份公司", "公司"})
ORGANISATION_SUFFIX_TYPES = ("University", "Lab", "Enterprise", "Park", "Fund", "Agency")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """科创委 -> 科技创新委员会: generic abbreviations of body names, from data/abbreviations.csv."""
    with (DATA / "abbreviations.csv").open(encoding="utf-8", newline="") as handle:
        return {row["short"]: row["full"] for row in csv.DictReader(handle)}


def canonical_name(surface: str, type_: str) -> str:
    """The name without quotes, year or edition prefixes, prize grades or the words 结果/项目."""
    name = QUOTES.sub("", surface)
    entry = load_gazetteer().lookup(name)
    if entry is not None and entry.type == type_:
        return _gazetteer_form(name, entry.name)
    if type_ in ("Programme", "TalentProgramme"):
        name = YEAR_PREFIX.sub("", name)
        name = GRADE_SUFFIX.sub("奖", name) if GRADE_SUFFIX.search(name) else name
        name = RESULT_SUFFIX.sub("", name)
        if name.endswith("项目") and name[:-2].endswith(("计划", "专项", "工程")):
            name = name[:-2]
        if name.endswith("奖奖"):
            name = name[:-1]
    entry = load_gazetteer().lookup(name)
    if entry is not None and entry.type == type_:
        return _gazetteer_form(name, entry.name)
    return name


def _gazetteer_form(surface: str, full: str) -> str:
    """Places take their administrative name (扬州 -> 扬州市); others keep the form the document uses."""
    if full != surface and full.startswith(surface) and full[len(surface) :] in ("市", "省", "区", "县"):
        return full
    if surface.startswith(("省", "市")) and full.endswith(surface) and len(full) > len(surface):
        return full  # 省产业技术研究院: 省 means the province the full name gives (江苏省…)
    return surface


def _unify_gazetteer_forms(keys: list[tuple[str, str] | None]) -> None:
    """Forms of one gazetteer actor (中科院, 中国科学院) become the fullest the document gives."""
    gazetteer = load_gazetteer()
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key is None:
            continue
        entry = gazetteer.lookup(key[1])
        if entry is not None and entry.type == key[0]:
            groups.setdefault(entry.name, []).append(i)
    for members in groups.values():
        fullest = max((keys[i] for i in members), key=lambda k: len(k[1]))  # type: ignore[index]
        for i in members:
            keys[i] = fullest


def _expand_province_relative(keys: list[tuple[str, str] | None]) -> None:
    """省对外科技交流中心 in a document that names 江苏省 (or 江苏省产业技术研究院) is 江苏省对外科技交流中心.

    A body named with a bare 省 is the province's own; the province is the one the document
    names, and only when it names exactly one. Schemes (省333工程) are cited as written.
    """
    provinces = {e.name for e in load_gazetteer().entries if e.type == "Region" and e.name.endswith("省")}
    named = {p for key in keys if key is not None for p in provinces if key[1].startswith(p)}
    if len(named) != 1:
        return
    province = named.pop()
    for i, key in enumerate(keys):
        if key is not None and key[0] in ORGANISATION_SUFFIX_TYPES and key[1].startswith("省") and len(key[1]) > 3:
            keys[i] = (key[0], province + key[1][1:])


def expand_abbreviations(name: str) -> str:
    for short, full in abbreviations().items():
        if name.endswith(short) and not name.endswith(full):
            return name[: -len(short)] + full
    return name


@dataclass
class ResolvedMention:
    """A candidate with the actor it names: start/end are normalised document offsets."""

    start: int
    end: int
    surface: str
    key: tuple[str, str]  # (type, canonical name)
    rule: str
    confidence: float
    sentence: int


@dataclass
class Resolution:
    """What resolution knows about one document's actors."""

    names: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # key -> surfaces
    mentions: list[ResolvedMention] = field(default_factory=list)
    subject: tuple[str, str] | None = None
    city: tuple[str, str] | None = None
    owned: set[tuple[str, str]] = field(default_factory=set)  # actors named as the subject's own (园区X)
    structural: list[tuple[tuple[str, str], str, tuple[str, str], int, int]] = field(default_factory=list)


def _subject(cands: list[tuple[int, Candidate]], first_sentences: int) -> tuple[str, str] | None:
    """The park or region the document is about: named early and often, and what its pronouns mean."""
    score: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    # A park's tail (协同创新区) counts for the fuller park it stands for, as resolution will merge it.
    tails = _park_tail_targets({canonical_name(c.surface, "Park") for _, c in cands if c.type == "Park"})
    for index, cand in cands:
        managed = _managed_park(cand.surface) if cand.type == "Agency" else None
        if cand.type not in ("Park", "Region") and managed is None:
            continue
        # 西安高新区管委会2024年工作报告: the committee that issues a document speaks for its park.
        key = managed or (cand.type, canonical_name(cand.surface, cand.type))
        key = ("Park", tails[key[1]]) if key[0] == "Park" and key[1] in tails else key
        score[key] += 1 + (3 if index < first_sentences else 0)
        if index == -1 and cand.start == 0:
            score[key] += 4  # a headline opens with its topic: 两江新区:协同创新区加速…
        first.setdefault(key, index)
    if not score:
        return None
    # 园区 stands for a name ending in 园区, 全区 for one ending in 区, 我市 for one ending in 市.
    pronoun_heads = Counter()
    for _, cand in cands:
        if cand.surface in BARE_ZONES:
            pronoun_heads[cand.surface] += 1
        elif cand.surface in PARK_PRONOUNS:
            pronoun_heads["园区" if "园区" in cand.surface else "区"] += 1
        elif cand.surface in CITY_PRONOUNS:
            pronoun_heads["市"] += 1
    for key in score:
        for head, count in pronoun_heads.items():
            if key[1].endswith(head) or (head == "区" and key[1].endswith("园区")):
                score[key] += count
    return max(score, key=lambda k: (score[k], -first[k]))


def short_forms(region: str) -> list[str]:
    """沭阳县 -> 沭阳: the form a city or county goes by without its administrative word."""
    if len(region) >= 3 and region[-1] in "市县区省":
        return [region[:-1]]
    return []


def _region_of(name: str, local: dict[str, str] | None = None) -> tuple[str, str] | None:
    """The region a name begins with as a word of its own (昆山高新区 -> 昆山市; not 胶州湾).

    ``local`` holds the regions the document itself names (surface -> name), for places
    no gazetteer lists.
    """
    gazetteer = load_gazetteer()
    for cut in range(min(len(name) - 1, 9), 1, -1):
        prefix = name[:cut]
        entry = gazetteer.lookup(prefix)
        full = entry.name if entry is not None and entry.type == "Region" else (local or {}).get(prefix)
        if full is None:
            continue
        if any(start < cut < end and end - start < len(name) for _, start, end in fast_segmenter().tokenize(name)):
            continue  # 胶州湾: the region's name is part of another word
        inner = _region_of(name[cut:], local) if len(name) - cut > 3 else None
        return inner or ("Region", full)  # 南京江宁开发区 lies in 江宁区, the innermost region named
    return None


def _merge_region_prefixed(keys: list[tuple[str, str] | None], local: dict[str, str]) -> None:
    """南京江宁开发区 and 江宁开发区 are one zone: the form without the region joins the fuller one."""
    gazetteer = load_gazetteer()
    present = sorted({key for key in keys if key is not None and key[0] not in ("Region", "Industry")})
    target: dict[tuple[str, str], tuple[str, str]] = {}
    for full in present:
        for short in present:
            if short[0] != full[0] or len(short[1]) < 3 or not full[1].endswith(short[1]) or short == full:
                continue
            prefix = full[1][: -len(short[1])]
            entry = gazetteer.lookup(prefix)
            if prefix in local or (entry is not None and entry.type == "Region"):
                target[short] = full
    for i, key in enumerate(keys):
        if key in target:
            keys[i] = target[key]


def _merge_park_tails(keys: list[tuple[str, str] | None]) -> None:
    """两江协同创新区 … 协同创新区: a park named by the tail of one fuller park name in the document is that park.

    News names a zone in full once and then drops the place word; only a tail that fits
    exactly one fuller name joins it, and a generic tail (产业园) never does.
    """
    target = _park_tail_targets({key[1] for key in keys if key is not None and key[0] == "Park"})
    for i, key in enumerate(keys):
        if key is not None and key[0] == "Park" and key[1] in target:
            keys[i] = ("Park", target[key[1]])


def _park_tail_targets(parks: set[str]) -> dict[str, str]:
    """Tail or core name -> the one fuller park name it stands for.

    A tail ends the fuller name (协同创新区 of 两江协同创新区); a core is the fuller name
    without its place and its zone word (松山湖 of 东莞松山湖高新区).
    """
    target: dict[str, str] = {}
    park_suffixes = {s for s, t in suffix_table().items() if t == "Park"}
    for short in parks:
        if len(short) < 3 or short in GENERIC or short in CATEGORIES or short.startswith(PRONOUNS):
            continue
        fuller = [
            name
            for name in parks
            if name != short
            and (name.endswith(short) or _core_of(short, name, park_suffixes) or _qualifier_dropped(short, name))
        ]
        if len(fuller) == 1:
            target[short] = fuller[0]
    return target


def _qualifier_dropped(short: str, name: str) -> bool:
    """宜兰园区 is 宜兰科学园区, 苏州园区 is 苏州工业园区: a park's name without the qualifier before 园区."""
    if not short.endswith("园区") or len(short) < 4 or not name.endswith("园区"):
        return False
    head = short[:-2]
    return name.startswith(head) and 0 < len(name) - len(short) <= 4 and not name[len(head)].isdigit()


def _core_of(core: str, name: str, park_suffixes: set[str]) -> bool:
    """松山湖 is the core of 东莞松山湖高新区: the name is a place, the core, and a zone word."""
    at = name.find(core)
    if at < 0 or name[at + len(core) :] not in park_suffixes:
        return False
    prefix = name[:at]
    entry = load_gazetteer().lookup(prefix) if prefix else None
    return not prefix or (entry is not None and entry.type == "Region")


def park_tails(names: dict[tuple[str, str], set[str]]) -> dict[str, tuple[str, str]]:
    """江北新区研创园 -> 研创园: the tail a park goes by after a park or place the document names.

    Used to find later mentions (落户研创园): the tail alone has no modifier, so no finder
    proposes it, yet in the document it can only mean the fuller park.
    """
    prefixes = {surface for key, surfaces in names.items() if key[0] in ("Park", "Region") for surface in surfaces}
    prefixes |= {key[1] for key in names if key[0] in ("Park", "Region")}
    park_suffixes = tuple(s for s, t in suffix_table().items() if t == "Park")
    tails: dict[str, tuple[str, str]] = {}
    for key in names:
        if key[0] != "Park":
            continue
        for prefix in prefixes:
            tail = key[1][len(prefix) :]
            if not key[1].startswith(prefix) or len(tail) < 3 or tail in GENERIC or tail in CATEGORIES:
                continue
            if tail.endswith(park_suffixes):
                tails.setdefault(tail, key)
    return tails


def _parent_of(name: str, type_: str, known: dict[str, str]) -> tuple[str, str] | None:
    """The organisation a branch's name begins with: 复旦大学宁波研究院 -> 复旦大学, X集团省重点实验室 -> X集团."""
    if PHASE_SUFFIX.search(name) and len(name) > 4:
        return (type_, _without_phase(name))
    gazetteer = load_gazetteer()
    table = suffix_table()
    # The parent takes the form the document uses for it elsewhere, else the form in the branch's name.
    known_form = {}
    for other in known:
        entry = gazetteer.lookup(other)
        if entry is not None:
            known_form[entry.name] = other
    for cut in range(len(name) - 2, 1, -1):  # the longest parent the name begins with
        prefix = name[:cut]
        entry = gazetteer.lookup(prefix)
        # 华为公司 and 赛力斯汽车 are the company itself (a type or trade word); 南工大国重 is its lab.
        branch = table.get(name[cut:]) != "Enterprise" and not (type_ == "Enterprise" and TRADE.fullmatch(name[cut:]))
        if entry is not None and entry.type in ORGANISATION_SUFFIX_TYPES and entry.type != "Region" and branch:
            return (entry.type, known_form.get(entry.name, prefix))
        if prefix in known and known[prefix] in ORGANISATION_SUFFIX_TYPES:
            return (known[prefix], prefix)
        if name[cut:] in COMPANY_FORMS:
            continue  # X集团有限公司 is X集团 itself, in its registered form
        for suffix in ("大学", "研究院", "研究所", "集团", "实验室", "科学院"):
            if prefix.endswith(suffix) and len(prefix) > len(suffix) + 1:
                head = prefix[: -len(suffix)]
                if head not in GENERIC and not head.startswith(PRONOUNS):
                    return (table[suffix], prefix)
    return None


def _without_phase(name: str) -> str:
    """阳澄湖两岸科创中心研发总部二期 -> 阳澄湖两岸科创中心: the carrier a phase belongs to."""
    base = name[:-2]
    table = suffix_table()
    for cut in range(len(base), 2, -1):
        if any(base[:cut].endswith(s) for s in table if len(s) >= 2 and table[s] in ("Park", "Lab")):
            return base[:cut]
    return base


def _local_regions(keys: list[tuple[str, str] | None]) -> dict[str, str]:
    """Surfaces of the regions the document names: 沭阳县 and 沭阳 both name 沭阳县."""
    local = {}
    for key in keys:
        if key is not None and key[0] == "Region":
            local[key[1]] = key[1]
            for short in short_forms(key[1]):
                local.setdefault(short, key[1])
    return local


def _managed_park(name: str) -> tuple[str, str] | None:
    """东莞松山湖高新区管委会 manages 东莞松山湖高新区: a management committee is part of its park."""
    match = re.match(
        r"(.{2,}?(?:高新区|开发区|经开区|园区|新区|产业园|科技园|示范区|试验区))(?:管委会|管理委员会)$", name
    )
    if match and match.group(1) not in GENERIC and not match.group(1).startswith(PRONOUNS):
        return ("Park", match.group(1))
    return None


def _park_prefix(name: str) -> tuple[str, str] | None:
    """飞翔医药产业园创新中心 lies in 飞翔医药产业园: a lab named after the park that hosts it."""
    table = suffix_table()
    for cut in range(len(name) - 2, 3, -1):
        prefix = name[:cut]
        suffix = next((s for s in ("产业园", "科技园", "园区", "高新区", "开发区") if prefix.endswith(s)), None)
        if (
            suffix
            and table.get(suffix) == "Park"
            and prefix[: -len(suffix)] not in GENERIC
            and _region_of(prefix) is None
        ):
            return ("Park", prefix)
    return None


def resolve(
    cands: list[tuple[int, int, Candidate]],
    title_sentences: int = 2,
    title: list[Candidate] | None = None,
    shorts: dict[str, str] | None = None,
) -> Resolution:
    """Candidates (sentence index, sentence start, candidate) -> canonical actors and mentions.

    ``title`` holds candidates from the document's own title (an HTML page's <title>), which
    say what the document is about even when its first lines are page furniture. ``shorts``
    maps the short forms the document gives in brackets to the full surface (see appositions).
    """
    result = Resolution()
    indexed = [(index, cand) for index, _, cand in cands] + [(-1, cand) for cand in title or []]
    result.subject = _subject(indexed, title_sentences)
    subject = result.subject
    if subject is not None and subject[0] == "Park":
        result.city = _region_of(subject[1])
    elif subject is not None:
        result.city = subject

    keys: list[tuple[str, str] | None] = []
    for _index, _offset, cand in cands:
        if cand.rule == "actor.pronoun":
            target = result.city if cand.surface in CITY_PRONOUNS and result.city else subject
            if target is not None and target[0] != "Park" and cand.surface in ("园区", "该园区", *BARE_ZONES):
                target = None  # 园区 in a city's document is some park, not the city
            keys.append(target)
            continue
        type_ = cand.type
        name = canonical_name(cand.surface, type_)
        owned = False
        if subject is not None and name.startswith(PARK_PRONOUNS) and len(name) > 2:
            pronoun = next(p for p in PARK_PRONOUNS if name.startswith(p))
            name = subject[1] + name[len(pronoun) :]
            owned = True
        elif subject is not None and name.startswith(BARE_ZONES) and type_ in ("Agency", "Fund", "Platform"):
            zone = next(z for z in BARE_ZONES if name.startswith(z))
            if subject[1].endswith(zone) and len(name) > len(zone):
                name = subject[1] + name[len(zone) :]  # 开发区管委会 in a document about 江宁开发区
                owned = True
        keys.append((type_, name))
        if owned:
            result.owned.add((type_, name))

    if shorts:
        _expand_short_forms(keys, shorts)
    _unify_gazetteer_forms(keys)
    _expand_province_relative(keys)
    local = _local_regions(keys)
    _merge_region_prefixed(keys, local)
    _merge_park_tails(keys)
    # Abbreviated bodies join the full name the document also uses (园区科创委 -> …科技创新委员会).
    full_names = {key[1]: key for key in keys if key is not None}
    for i, key in enumerate(keys):
        if key is None:
            continue
        expanded = expand_abbreviations(key[1])
        if expanded != key[1] and expanded in full_names and full_names[expanded][0] == key[0]:
            if key in result.owned:
                result.owned.add(full_names[expanded])
            keys[i] = full_names[expanded]

    # Base of a lab is a lab (材料化学工程国家重点实验室张家港产业基地).
    lab_names = {key[1] for key in keys if key and key[0] == "Lab"} | {
        e.name for e in load_gazetteer().entries if e.type == "Lab"
    }
    for i, key in enumerate(keys):
        based = key and key[0] == "Park" and re.search(r"(产业基地|基地)$", key[1])
        if based and any(key[1].startswith(lab) for lab in lab_names):
            keys[i] = ("Lab", key[1])

    for (index, offset, cand), key in zip(cands, keys, strict=True):
        if key is None:
            continue
        result.names.setdefault(key, set()).add(cand.surface)
        if cand.alias:
            result.names[key].add(cand.alias)
        result.mentions.append(
            ResolvedMention(
                offset + cand.start, offset + cand.end, cand.surface, key, cand.rule, cand.confidence, index
            )
        )
    if subject is not None:
        result.names.setdefault(subject, set())
    _structure(result)
    return result


def _expand_short_forms(keys: list[tuple[str, str] | None], shorts: dict[str, str]) -> None:
    """国科会 is the 国家科学及技术委员会 it abbreviates, 竹科管理局 the 新竹科学园区管理局.

    A short form the document introduced in brackets names its full form wherever it is
    used, alone or before a bare type word (管理局, 管委会); a longer name merely starting
    with it (竹科创新育成中心) keeps its own name.
    """
    full_keys = {key[1]: key for key in keys if key is not None}
    table = suffix_table()
    for i, key in enumerate(keys):
        if key is None:
            continue
        for short, full in shorts.items():
            full_name = canonical_name(full, key[0])
            if key[1] == short:
                keys[i] = full_keys.get(full_name, (key[0], full_name))
            elif key[1].startswith(short) and key[1][len(short) :] in table and key[0] != "Region":
                keys[i] = (key[0], full_name + key[1][len(short) :])


def _adopt(result: Resolution, key: tuple[str, str]) -> tuple[str, str]:
    """An implied parent is the actor the document already names by that form, else a new actor."""
    if key not in result.names:
        local = _local_regions(list(result.names))
        for other, surfaces in result.names.items():
            if other[0] != key[0]:
                continue
            if key[1] in surfaces:
                return other
            prefix = other[1][: -len(key[1])] if other[1].endswith(key[1]) else ""
            entry = load_gazetteer().lookup(prefix) if prefix else None
            if prefix and (prefix in local or (entry is not None and entry.type == "Region")):
                return other  # 江北新区 is the document's 南京市江北新区
        result.names[key] = set()
    return key


def _structure(result: Resolution) -> None:
    """PART_OF and HOSTS ties stated by names alone; parents the document implies become actors."""
    known = {name: type_ for type_, name in result.names}
    for (type_, _name), surfaces in list(result.names.items()):
        for surface in surfaces:
            if len(surface) >= 3 and surface not in PRONOUNS:
                known.setdefault(surface, type_)
    local = _local_regions(list(result.names))
    first_mention: dict[tuple[str, str], ResolvedMention] = {}
    for mention in result.mentions:
        first_mention.setdefault(mention.key, mention)
    for key in list(result.names):
        type_, name = key
        mention = first_mention.get(key)
        span = (mention.start, mention.end) if mention else (-1, -1)
        if key in result.owned and result.subject is not None:
            if type_ == "Agency":
                result.structural.append((key, "PART_OF", result.subject, *span))
            else:
                result.structural.append((result.subject, "RUNS", key, *span))
            continue
        if type_ in ("Park", "Agency"):
            region = _region_of(name, local)
            park_parent = next(
                (
                    (t, n)
                    for n, t in sorted(known.items(), key=lambda kv: -len(kv[0]))
                    if t == "Park" and n != name and name.startswith(n)
                ),
                None,
            )
            if type_ == "Agency" and park_parent is None:
                park_parent = _managed_park(name)
            if type_ == "Agency" and park_parent is not None:
                result.structural.append((key, "PART_OF", _adopt(result, park_parent), *span))
            elif type_ == "Agency" and region in result.names and region[1] != name:
                # 湖北省科技厅, 某市发展改革委: a government body named after a region the text names is its.
                result.structural.append((key, "PART_OF", region, *span))
            elif type_ == "Park" and park_parent is not None:
                # 江北新区研创园 lies in 江北新区: a park named after a bigger park is part of it.
                result.structural.append((key, "PART_OF", _adopt(result, park_parent), *span))
            elif type_ == "Park" and PHASE_SUFFIX.search(name):
                parent = _adopt(result, (type_, _without_phase(name)))
                result.structural.append((key, "PART_OF", parent, *span))
            elif type_ == "Park" and region in result.names and region[1] != name and not name.startswith("国家"):
                # Only a region the text names: one implied by the zone's name alone is no actor of the text.
                result.structural.append((key, "PART_OF", region, *span))
            continue
        if type_ in ("Lab", "University", "Enterprise"):
            park_parent = next(
                ((t, n) for n, t in known.items() if t == "Park" and n != name and name.startswith(n)), None
            )
            if park_parent is None and type_ == "Lab":
                park_parent = _park_prefix(name)
            if park_parent is not None and type_ == "Lab":
                result.structural.append((_adopt(result, park_parent), "HOSTS", key, *span))
                continue
            parent = _parent_of(name, type_, known)
            if parent is not None and parent[1] != name and parent[0] != "Region":
                result.structural.append((key, "PART_OF", _adopt(result, parent), *span))

"""Actor candidates in one sentence: gazetteer forms, type-suffixed names, quoted names, cue names.

Each finder proposes spans with a type and a rule id; ``pick`` keeps the longest
non-overlapping spans. Left edges of suffixed names come from segmentation (a name
never starts with a predicate verb, a preposition or a quantifier), which is what lifts
precision over a greedy regex.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from innograph.loaders.gazetteer import load_gazetteer, suffix_table, word_list, word_tags
from innograph.loaders.segmenting import fast_segmenter


@dataclass(frozen=True)
class Candidate:
    """A proposed actor mention: [start, end) in the sentence's normalised text."""

    start: int
    end: int
    surface: str
    type: str
    rule: str
    confidence: float
    quoted: bool = False
    alias: str = ""  # a longer form the document also uses: “园易融”平台


# Pronoun-like short forms: aliases of the document's subject, never actors of their own.
PRONOUNS = (
    "该园区",
    "园区",
    "我市",
    "全市",
    "本市",
    "该市",
    "全区",
    "我区",
    "本区",
    "该区",
    "辖区",
    "全县",
    "我县",
    "本县",
)
PRONOUN = re.compile("|".join(sorted(PRONOUNS, key=len, reverse=True)))
CITY_PRONOUNS = frozenset({"我市", "全市", "本市", "该市"})

PUNCT = set(",。;:!?、“”‘’\"'《》〈〉【】[]()()·—…-/ \t\n\r|,;:!?")
# Words that end a name on its left: the genre's predicates, connectives and determiners.
HARD_STOP = word_list("stop")
STOP_TAGS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "rr", "rz", "q", "y", "e", "o", "zg", "i"}
)
# Name-internal verbs: nominal inside names (开放共享平台, 生产力促进中心, 技术转移中心).
SOFT_VERBS = word_list("soft_verb")
# Words the dictionary tags as adverbs or verbs that in this genre are parts of names (高新 of 西安高新光子基金).
NAME_PARTS = word_list("name_part")
# Modifiers that alone do not make a name: 重大平台, 创新中心, 科技企业, 共建研发机构.
GENERIC = word_list("generic")
# Names that are events, documents or generic programmes of work, not actors.
NOT_ACTOR_TAIL = re.compile(
    r"(大会|论坛|峰会|大赛|比赛|会议|活动|周|方案|办法|细则|意见|规划|通知|指南|措施|条例|贷|板)$"
)
WORK_PLAN = re.compile(
    r"(行动计划|工作计划|申报计划|培育计划|发展计划|攻关计划|建设工程|提升工程|培育工程|锻造工程|育苗工程|培优工程|五大工程|工程项目|一批工程)$"
)
QUOTE = re.compile(r"[“\"「『]([^“”\"「」『』,。;:、\s]{2,24})[”\"」』]")


@lru_cache(maxsize=2)
def _suffix_lengths(quoted: bool) -> tuple[int, ...]:
    return tuple(sorted({len(s) for s in suffix_table(quoted=quoted)}, reverse=True))


def _longest_suffix(text: str, quoted: bool = False, shorter: bool = False) -> str | None:
    """The longest type suffix ``text`` ends with (``shorter``: and is longer than), else None.

    One dict probe per suffix length instead of an ``endswith`` per suffix: this runs for
    every quoted name and every cut of a tail, so a scan of the table was a hot spot.
    """
    table = suffix_table(quoted=quoted)
    size = len(text)
    for n in _suffix_lengths(quoted):
        if n < size or (n == size and not shorter):
            tail = text[-n:]
            if tail in table:
                return tail
    return None


def longest_suffix(text: str) -> str | None:
    """The longest type suffix a whole name ends with (a table cell's name), else None."""
    return _longest_suffix(text)


@lru_cache(maxsize=1)
def _quoted_only() -> dict[str, int]:
    """Suffixes that type only quoted names, with their order in the table (the first listed wins)."""
    plain = suffix_table()
    return {s: i for i, s in enumerate(suffix_table(quoted=True)) if s not in plain}


def _first_quoted_only(text: str) -> str | None:
    """The quoted-only suffix ``text`` ends with that comes first in the table, else None."""
    order = _quoted_only()
    ends = [text[-n:] for n in _suffix_lengths(True) if n <= len(text) and text[-n:] in order]
    return min(ends, key=order.__getitem__) if ends else None


@lru_cache(maxsize=1)
def _suffix_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in suffix_table():
        automaton.add_word(suffix, suffix)
    automaton.make_automaton()
    return automaton


def _tag(word: str) -> str:
    if word.isascii():
        return "eng"
    return word_tags().get(word, "nz")  # a word the dictionary lacks is most often a name part


@lru_cache(maxsize=1 << 16)
def _is_stop(word: str) -> bool:
    """Whether a word ends a name on its left; asked for the same few thousand words over and over."""
    if not word.strip() or all(ch in PUNCT for ch in word):
        return True
    if word in NAME_PARTS:
        return False
    entry = load_gazetteer().lookup(word) if len(word) >= 2 else None
    if entry is not None and entry.type == "Region":
        return False  # a place the dictionary tags as an adverb (大连) still opens a name
    glued = word[0] in "获被由在将与和及对向把从" or word[-1] in "获被由在将"
    if len(word) > 1 and glued and word not in word_tags():
        return True  # an unknown word glued to a preposition or 获 (获国赛, 南瑞获) is no name part
    if word in HARD_STOP or (len(word) > 2 and word[-2:] in HARD_STOP and word[-2:] not in SOFT_VERBS):
        return True  # 全力支持 is a dictionary 'noun' that ends in a predicate
    tag = _tag(word)
    if tag in STOP_TAGS:
        return True
    if tag.startswith("v") and tag != "vn" and word not in SOFT_VERBS:
        return True
    if tag == "m" and not word.isascii() and word not in ("第三代", "第二代", "新一代", "三代"):
        return True
    return bool(QUANTIFIED.match(word))


# Words that make a scheme a talent scheme: 人才计划, 英才计划, 学者, 工匠.
TALENT = re.compile(r"人才|英才|学者|专家|工匠|引才|领军|双创|博士|青年科学家")
QUANTIFIED = re.compile(r"^[一二三四五六七八九十两几多数百千万]+[大个项家批类种条支所]")
PHASE = re.compile(r"[\u4e00-\u9fff]{0,6}?[一二三四五]期")
YEAR_LED = re.compile(r"^\d{4}年度?")
NUMERAL_LED = re.compile(r"^(?:[\d一各每某该本此这那]|[二两三四五六七八九十几多数][个批家项大类种些十百千万支所条])")
# Category nouns of the genre (科技企业孵化器, 新型研发机构): with or without a level word, never a name.
CATEGORIES = word_list("category")


@lru_cache(maxsize=4096)
def _tokens(text: str) -> list[tuple[str, int, int]]:
    return fast_segmenter().tokenize(text)  # jieba's tokens, computed faster (see segmenting.py)


@lru_cache(maxsize=64)
def _starts(text: str) -> list[int]:
    return [start for _, start, _ in _tokens(text)]


def _tokens_between(text: str, left: int, right: int) -> list[tuple[str, int, int]]:
    """The sentence's tokens that overlap [left, right), found by bisection (long sentences stay linear)."""
    tokens = _tokens(text)
    first = max(0, bisect_right(_starts(text), left) - 1)
    out = []
    for word, start, end in tokens[first:]:
        if start >= right:
            break
        if end > left:
            out.append((word, start, end))
    return out


def word_bounds(text: str) -> frozenset[int]:
    """Token boundaries of a sentence as the segmenter sees it (cached with the sentence's segmentation)."""
    return _bounds(text)


@lru_cache(maxsize=64)
def _bounds(text: str) -> frozenset[int]:
    """Every token boundary of a sentence: it is segmented once, and every finder asks this."""
    tokens = _tokens(text)
    if not tokens:
        return frozenset()
    # Tokens are contiguous, so every boundary is a token's start or the last token's end.
    return frozenset([*_starts(text), tokens[-1][2]])


def _left_edge(text: str, suffix_start: int, end: int, max_chars: int = 24) -> int:
    """Where a name ending at ``end`` with a suffix at ``suffix_start`` begins, by segmentation."""
    window_start = max(0, end - max_chars - 6)
    for cut in range(suffix_start - 1, window_start - 1, -1):
        if text[cut] in ",。;:!?“”《》\n":
            window_start = cut + 1
            break
    tokens = [
        (text[start : min(stop, end)], start, min(stop, end))
        for _, start, stop in _tokens_between(text, window_start, end)
    ]
    edge = end
    right = ""
    pending = -1  # the edge before a verb taken as the field of the name, kept only if a modifier precedes it
    for index in range(len(tokens) - 1, -1, -1):
        word, absolute, _ = tokens[index]
        if absolute >= suffix_start:
            edge, right = absolute, word
            continue
        kind = tokens[index - 1] if index else None
        if word == "投资" and kind is not None and kind[0] in INVESTMENT_KINDS and kind[1] >= window_start:
            edge, right = absolute, word  # 天使投资引导基金, 创业投资基金: a kind of investment names the fund
            continue
        if word in "()()":
            edge = absolute
            continue
        # 智能计算创新中心, 生物治疗国家研究中心: a verb naming the field, right before the type word or a noun.
        inner = edge == suffix_start or _tag(right) in ("n", "nz", "t")
        field = inner and _is_stop(word) and _field_verb(word, text[suffix_start:end])
        if (_is_stop(word) and not _verb_modifier(word, right) and not field) or absolute < window_start:
            edge = pending if pending >= 0 else edge
            break
        pending = edge if field else -1
        if end - absolute > max_chars:
            break
        if _apposition(text, word, absolute + len(word), edge, suffix_start):
            break
        edge, right = absolute, word
    edge = _joined_name(text, tokens, edge, window_start, text[suffix_start:end])
    # A name does not begin with a verbal noun (发动政府伙伴): drop such words from the left edge.
    for word, absolute, _ in tokens:
        if absolute < edge:
            continue
        if absolute >= suffix_start or not _tag(word).startswith("v"):
            break
        edge = absolute + len(word)
    # A bracket left open at the edge is not part of the name.
    while edge < end and text[edge] in ")()(":
        edge += 1
    # 用好X, 抓实X: the complement of a resultative verb glued on the left is no part of the name.
    if 0 < edge < end - 2 and text[edge] in RESULT_COMPLEMENTS and text[edge - 1] in RESULT_VERBS:
        edge += 1
    return edge


# Kinds of investment that make 投资 a noun of a fund's name (天使投资, 股权投资, 产业投资).
INVESTMENT_KINDS = frozenset({"天使", "创业", "股权", "产业", "风险", "创新", "科技", "成长", "战略"})


# Verbs of work-report prose and the complements they take (用好, 抓实, 建强, 做优): V+C before a name.
RESULT_VERBS = frozenset("用抓办管做建搞育")
RESULT_COMPLEMENTS = frozenset("好强实优大活细")


# Nouns of technique: a verb right before one names the technique (封装技术, 检测装备), not an act.
TECHNIQUE = frozenset({"技术", "工艺", "装备", "设备", "材料", "系统"})


def _verb_modifier(word: str, right: str) -> bool:
    """先进封装技术研究院: a verb that modifies a technique noun is part of the name."""
    return right in TECHNIQUE and _tag(word).startswith("v") and word not in HARD_STOP


def _field_verb(word: str, suffix: str) -> bool:
    """智能计算创新中心, 精准检测研究院: a verb right before the type word names the field, if modified.

    Only institutes are named by what they do; a zone is not (国家赋予园区 is a clause).
    """
    kind = suffix_table().get(suffix)
    return len(word) == 2 and _tag(word) == "v" and word not in HARD_STOP and kind not in ("Park", "Region")


TASK_FORCES = frozenset({"工作专班", "专班", "领导小组", "工作组"})


def _joined_name(text: str, tokens: list[tuple[str, int, int]], edge: int, window_start: int, suffix: str) -> int:
    """中国科学院青岛生物能源与过程研究所: 与 inside an institute's name, when an organisation leads it.

    The part before 与 must begin with a known organisation or place and add words to it;
    a complete name before 与 (南京大学与东南大学) is a coordination, not one name.
    """
    if edge - 1 <= window_start or text[edge - 1] not in "与和":
        return edge
    start = edge - 1
    for word, begin, _ in reversed([t for t in tokens if t[2] <= edge - 1]):
        if _is_stop(word) or begin < window_start:
            break
        start = begin
    segment = text[start : edge - 1]
    gazetteer = load_gazetteer()
    entry = gazetteer.lookup(segment)
    if (entry is not None and entry.type != "Industry") or _longest_suffix(segment) is not None:
        return edge  # a complete name before 与 is coordinated, not part of this one
    if suffix in TASK_FORCES and segment and _generic_words(segment) is None:
        return start  # 数字经济和数字化发展工作专班: a task force is named by the fields it joins
    if entry is not None:
        return edge
    for cut in range(min(len(segment) - 1, 8), 1, -1):
        entry = gazetteer.lookup(segment[:cut])
        if entry is not None and TRADE.fullmatch(segment[cut:]):
            return edge  # 华工科技与…: a known short form and a trade word is a company, coordinated
        if entry is not None and entry.type in ("Lab", "University", "Enterprise", "Region"):
            return start
    return edge


def _apposition(text: str, word: str, word_end: int, edge: int, suffix_start: int) -> bool:
    """西部(重庆)科学城重庆高新区: a zone's name right before another zone's name is a second name."""
    if edge != word_end or suffix_table().get(word) != "Park":
        return False
    gazetteer = load_gazetteer()
    for cut in range(min(6, suffix_start - word_end), 1, -1):
        entry = gazetteer.lookup(text[word_end : word_end + cut])
        if entry is not None and entry.type == "Region":
            return True
    return False


LEVELS = frozenset(
    ["国家级", "省级", "市级", "区级", "县级", "各级", "各类", "一批", "首批", "多个", "相关", "新增", "多家"]
)


LEVEL_LENGTHS = tuple(sorted({len(level) for level in LEVELS}))


def _generic(name: str, suffix: str) -> bool:
    """A suffixed name whose modifier is only generic words (重大平台, 共建研发机构) names nothing."""
    head = name[: len(name) - len(suffix)]
    level = next((name[:n] for n in LEVEL_LENGTHS if name[:n] in LEVELS), "")  # no level is a prefix of another
    bare = name[len(level) :]
    if not head or name in CATEGORIES or bare in CATEGORIES:
        return True
    words = _generic_words(head)
    if words is None:
        return False
    # 科技金融创新服务中心: several modifiers together make a service's name, but never a park's,
    # and never one led by a level or quantity (国家级科技企业孵化器, 一批新型研发机构).
    return len(words) <= 2 or suffix_table().get(suffix) == "Park" or words[0] in LEVELS


def _generic_words(head: str) -> list[str] | None:
    """The head split into generic words, or None if something specific is left."""
    words = []
    rest = head
    while rest:
        if rest[0].isdigit():
            rest = rest[1:]
            continue
        word = next((rest[:n] for n in range(min(len(rest), 6), 0, -1) if rest[:n] in GENERIC), None)
        if word is None:
            return None
        words.append(word)
        rest = rest[len(word) :]
    return words


# 一家创新型生物技术公司: a determiner and classifier introduce a description, not a name.
DESCRIPTION = re.compile(r"(?:一|这|那|该|每|某|多|\d|[二三四五六七八九十百千几数]余?)(?:家|个|所|支|只|批)$")


def _inside_quote(text: str, start: int) -> bool:
    """A quote delimits a name: a name cannot begin in the middle of a quoted phrase."""
    opened = max(text.rfind("“", 0, start), text.rfind("「", 0, start))
    closed = max(text.rfind("”", 0, start), text.rfind("」", 0, start))
    if opened <= closed or opened == start - 1:
        return False
    ends = [i for i in (text.find("”", start), text.find("」", start)) if i >= 0]
    return bool(ends) and min(ends) - opened <= 24  # a quoted phrase, not quoted speech


def _place_name(text: str, suffix_start: int) -> int | None:
    """沭阳县, 黄埔区: one place-name word right before 市/县/区, else None."""
    for word, start, end in _tokens_between(text, max(0, suffix_start - 6), suffix_start + 1):
        entry = load_gazetteer().lookup(word)
        known = _tag(word) == "ns" or (entry is not None and entry.type == "Region")
        if end == suffix_start and 2 <= len(word) <= 4 and known:
            return start
        if end == suffix_start + 1 and 3 <= len(word) <= 5 and _tag(word) == "ns":
            return start  # 沭阳县 is one dictionary word
    return None


def suffix_candidates(text: str) -> list[Candidate]:
    """Names that end in a type suffix, left edge by segmentation."""
    table = suffix_table()
    best: dict[int, str] = {}
    for last, suffix in _suffix_automaton().iter(text):
        end = last + 1
        if len(suffix) > len(best.get(end, "")):
            best[end] = suffix
    found = []
    for end, suffix in best.items():
        # The name must end here: not inside a longer word (实验室主任, 部署, 局面).
        after = text[end : end + 2]
        if after and after[0] not in PUNCT and end not in _bounds(text):
            continue
        if table[suffix] == "Region":
            place = _place_name(text, end - len(suffix))
            if place is not None:
                found.append(Candidate(place, end, text[place:end], "Region", "actor.suffix.place", 0.7))
            continue
        start = _left_edge(text, end - len(suffix), end)
        zone_led = ZONE_COMPANY.match(text, start, end - len(suffix))
        if zone_led and table[suffix] == "Enterprise":
            start = zone_led.end()  # 高新区企业X, 园区公司X: a zone's description of the company X
        name = text[start:end]
        if NUMERAL_LED.match(name) and not name[:3].isdigit():
            continue
        if _inside_quote(text, start) or DESCRIPTION.search(text[max(0, start - 3) : start]) or "项目" in name:
            continue  # 晶圆生产线项目总投资: a project is not an actor
        phase = PHASE.match(text, end)
        if phase and table[suffix] in ("Park", "Lab"):
            found.append(
                Candidate(start, phase.end(), text[start : phase.end()], table[suffix], "actor.suffix.phase", 0.7)
            )
        provincial = name.startswith("省") and suffix.endswith("厅")  # 省科技厅: the province's, see resolution
        if (_generic(name, suffix) and not provincial) or NOT_ACTOR_TAIL.search(name) or WORK_PLAN.search(name):
            continue
        if table[suffix] == "Enterprise" and _place_and_description(name[: -len(suffix)]):
            continue  # 宜兰园区新创公司X, 苏州市科技型企业: a place and a description introduce a company
        if table[suffix] in ("Programme", "TalentProgramme") and _tag(name[: -len(suffix)]).startswith("v"):
            continue  # 倍增计划 alone says what is done, not whose scheme: 高新技术企业倍增计划 is one
        if name.startswith(PRONOUNS) and len(name) - len(suffix) <= 2 and suffix in ("园区", "新区", "区"):
            continue
        centre = table[suffix] == "Park" and suffix.endswith("中心")  # 科创中心; a campus (科教园) stays a park
        type_ = "Lab" if centre and _organisation_led(name[: -len(suffix)]) else table[suffix]
        found.append(Candidate(start, end, name, type_, "actor.suffix", 0.7))
    return found


ZONE_COMPANY = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:高新区|开发区|经开区|园区|新区|区内)(?:的)?(?:企业|公司)(?=[\u4e00-\u9fff]{4})"
)
DESCRIPTIONS = frozenset({"新创", "初创", "科技型", "高新技术", "重点", "骨干", "龙头", "领军", "独角兽", "瞪羚"})


def _place_and_description(head: str) -> bool:
    """Whether a company word's head is a park or place name and then only a description (新创, 科技型)."""
    for n in (2, 3, 4):
        if len(head) > n + 2 and head[-n:] in DESCRIPTIONS:
            place = _longest_suffix(head[:-n])
            return place is not None and suffix_table()[place] in ("Park", "Region")
    return False


ORGANISATION_ENDS = ("大学", "学院", "科学院", "研究院", "集团")


def _organisation_led(head: str) -> bool:
    """西北工业大学重庆科创中心: a centre an organisation names after itself is its branch, a lab, not a zone."""
    gazetteer = load_gazetteer()
    for cut in range(len(head), 1, -1):
        prefix = head[:cut]
        entry = gazetteer.lookup(prefix)
        if entry is not None and entry.type in ("University", "Lab", "Enterprise"):
            return True
        if prefix.endswith(ORGANISATION_ENDS) and len(prefix) > 3 and _tag(prefix[:2]) != "r":
            return True
    return False


# An event named after an actor: 中关村论坛, 华为全球开发者大会.
EVENT_AFTER = re.compile(
    r"(?:国际|全球|世界|创新|科技|产业|发展|合作|开发者|年度|\d{4})*(?:论坛|大会|峰会|大赛|博览会|交易会|年会)"
)


def gazetteer_candidates(text: str) -> list[Candidate]:
    """Known actors, accepted where segmentation agrees the form is a word of its own."""
    gazetteer = load_gazetteer()
    found = []
    for hit in gazetteer.find(text):
        bounds = _bounds(text)
        if hit.start not in bounds or hit.end not in bounds:
            continue
        if hit.entry.type not in ("Region", "Industry") and EVENT_AFTER.match(text, hit.end):
            continue  # 中关村论坛 is an event, not 中关村
        found.append(Candidate(hit.start, hit.end, hit.surface, hit.entry.type, "actor.gazetteer", 0.9))
    found.extend(_single_char_lists(text))
    for hit in list(found):
        # 华工科技: a short form of a university or lab glued to a trade word is a company's name.
        short = hit.type in ("University", "Lab") and hit.end - hit.start <= 2
        trade = TRADE.match(text, hit.end) if hit.type == "Enterprise" or short else None
        if trade and (trade.end() == len(text) or trade.end() in _bounds(text) or text[trade.end()] in PUNCT):
            # 比亚迪汽车, 赛力斯汽车: a known company and a trade word is the company's fuller name.
            found.append(Candidate(hit.start, trade.end(), text[hit.start : trade.end()], "Enterprise", hit.rule, 0.8))
        if hit.type in ("Enterprise", "Lab", "University"):
            institute = INSTITUTE.match(text, hit.end)
            if institute:
                found.append(
                    Candidate(
                        hit.start, institute.end(), text[hit.start : institute.end()], "Lab", "actor.institute", 0.7
                    )
                )
    return found


# 航空工业沈阳所, 中科院苏州纳米所: an organisation's institute named by place or field and 所.
INSTITUTE = re.compile(r"(?:(?![等和与及的院、])[\u4e00-\u9fff]){2,4}?所(?![以有在属得需谓])")


SINGLE_CHAR_LIST = re.compile(r"[\u4e00-\u9fff](?:、[\u4e00-\u9fff])+(?=等)")


def _single_char_lists(text: str) -> list[Candidate]:
    """美、日、韩等: one-character forms count only in a list made of nothing else."""
    found: list[Candidate] = []
    if "、" not in text or "等" not in text:
        return found
    singles = load_gazetteer().single_chars
    for match in SINGLE_CHAR_LIST.finditer(text):
        chars = match.group(0).split("、")
        if all(ch in singles for ch in chars):
            for i, ch in enumerate(chars):
                at = match.start() + 2 * i
                found.append(Candidate(at, at + 1, ch, singles[ch].type, "actor.gazetteer.list", 0.7))
    return found


FORMULA = re.compile(r"[+\-*/=]")
HAN = re.compile(r"[\u4e00-\u9fff]")
CONFERRED = re.compile(r"(?:表彰为|评为|授予|认定为|命名为|获评|荣获|入选)(?:\d{4}年度?)?$")


def quoted_candidates(text: str) -> list[Candidate]:
    """“金鸡湖人才计划”, “园易联”2.0…平台: a quoted name typed by its own suffix or by the word after it."""
    table = suffix_table(quoted=True)
    found = []
    for match in QUOTE.finditer(text):
        inner = match.group(1)
        start, end = match.start(1), match.end(1)
        bare = YEAR_LED.sub("", inner)
        if NOT_ACTOR_TAIL.search(inner) or WORK_PLAN.search(inner) or NUMERAL_LED.match(bare):
            continue
        if FORMULA.search(inner) or len(HAN.findall(inner)) < 2:
            continue
        alias = ""
        suffix = _longest_suffix(inner, quoted=True, shorter=True)
        type_ = table[suffix] if suffix is not None else None
        if type_ == "Region":
            type_ = None  # 市/县/区 name a place only after a place name (see _place_name), not in a slogan
        if TALENT.search(inner) and (type_ is None or type_ == "Programme"):
            type_ = "TalentProgramme" if inner.endswith(("人才", "计划", "工程")) else None
        rest = text[match.end() : match.end() + 16]
        quoted_only = _first_quoted_only(inner)
        if type_ is not None and quoted_only is not None and _generic(inner, quoted_only):
            continue
        if type_ is None:
            type_, inner, alias = _typed_by_tail(inner, rest)
        if type_ is None and CONFERRED.search(text[max(0, match.start() - 10) : match.start()]):
            type_ = "Programme"  # a title conferred: 被…表彰为“先进单位”
        if type_ is None:
            continue
        if type_ == "TalentProgramme" and not inner.endswith(("人才", "计划", "工程")):
            continue
        bare = next((inner[: -len(k)] for k in ("计划", "工程") if inner.endswith(k)), "")
        if type_ == "Programme" and bare and _tag(bare).startswith("v"):
            continue  # “倍增计划”, “提升工程”: a verb and 计划 is a campaign's slogan, not a named scheme
        found.append(Candidate(start, end, inner, type_, "actor.quoted", 0.8, quoted=True, alias=alias))
    return found


TAIL_TYPES = frozenset({"Platform", "Fund", "TalentProgramme", "Programme", "Lab"})


TAIL = re.compile(r"[0-9.]*[\u4e00-\u9fff]{0,12}")


def _typed_by_tail(inner: str, rest: str) -> tuple[str | None, str, str]:
    """“园易融”平台, “园易联”2.0产业创新集群服务平台, “头雁人才”计划: the words after the quote type it."""
    table = suffix_table()
    tail = TAIL.match(rest)
    tail_text = tail.group(0) if tail else ""
    for cut in range(len(tail_text), 0, -1):
        head = tail_text[:cut]
        suffix = _longest_suffix(head)
        if suffix is None or table[suffix] not in TAIL_TYPES:
            continue
        words = [w for w, _, _ in _tokens(head[: len(head) - len(suffix)].lstrip("0123456789."))]
        if any(_is_stop(w) or w == "的" for w in words):
            continue
        if ("人才" in inner and head in ("计划", "工程")) or (table[suffix] == "TalentProgramme" and head == suffix):
            return "TalentProgramme", inner + head, inner  # “创业江北”人才计划: the tail names the scheme too
        return table[suffix], inner, inner + head
    return None, inner, ""


# Cue names: 企业X获…, 由X牵头成立的Y, X和Y立项…, 世界500强企业X布局.
NAME = r"((?:(?![和与及的由在被将])[\u4e00-\u9fffA-Za-z0-9]){2,10}?)"
WINNER_VERB = r"(?:获评|获批|荣获|获得|获|入选|立项|被评为|被认定为|牵头)"
CUE_PATTERNS = [
    (
        re.compile(
            r"(?:企业|公司|央企|龙头|独角兽)"
            + NAME
            + r"(?="
            + WINNER_VERB[:-1]
            + r"|宣布|布局|落户|入驻|投资|签约|在[\u4e00-\u9fff]{2,12}?(?:落户|落地|投资|建设|设立)))"
        ),
        "actor.cue.enterprise",
    ),
    (
        re.compile(r"(?:^|[,;:、和与及])" + NAME + r"(?=(?:和|与|、)[\u4e00-\u9fff]{2,10}?" + WINNER_VERB + ")"),
        "actor.cue.winner",
    ),
    (re.compile(r"(?:^|[,;:、和与及])" + NAME + r"(?=" + WINNER_VERB + ")"), "actor.cue.winner"),
    (re.compile(r"由" + NAME + r"(?=牵头)"), "actor.cue.leader"),
    (re.compile(r"(?:^|[,;:、和与及])" + NAME + r"(?=作为(?:企业|行业|龙头企业)代表)"), "actor.cue.representative"),
    (
        re.compile(r"(?:^|[,;:])" + NAME + r"(?=(?:是|为|系)[^,。;]{2,16}?(?:全资|控股)?(?:子公司|旗下企业|旗下公司))"),
        "actor.cue.subsidiary",
    ),
    (
        re.compile(r"(?:^|[,;:])" + NAME + r"(?=(?:近日|日前|已|正式)?(?:完成|获得?)[^,。;]{0,10}(?:融资|投资))"),
        "actor.cue.raises",
    ),
    (re.compile(r"牵头(?:成立|组建|发起|设立)的" + NAME + r"(?=[,。;、在宣已将于])"), "actor.cue.founded"),
    # 领投了初创企业X的A轮融资: the company whose funding round it is.
    (
        re.compile(
            r"(?:企业|公司)" + NAME + r"(?=的[A-Za-z0-9+\-一二三四五六七八九十天使种子战略]{1,6}轮(?:融资|募资))"
        ),
        "actor.cue.round",
    ),
]


# Words each cue frame cannot match without, one regex of alternatives per required word.
WINNER_WORDS = re.compile("获|入选|立项|被评为|被认定为|牵头")
CUE_NEEDS: tuple[tuple[re.Pattern[str], ...], ...] = (
    (re.compile("企业|公司|央企|龙头|独角兽"),),
    (WINNER_WORDS, re.compile("和|与|、")),
    (WINNER_WORDS,),
    (re.compile("由"), re.compile("牵头")),
    (re.compile("作为"), re.compile("代表")),
    (re.compile("子公司|旗下企业|旗下公司"),),
    (re.compile("融资|投资"),),
    (re.compile("牵头"), re.compile("的")),
    (re.compile("轮融资|轮募资"),),
)
NOT_A_BRAND = re.compile("企业|项目|公司|产业")


SCHEME_CUES = [
    # 立项2024年度省前沿技术研发计划项目, 入选…工程: the object of a selection verb ending in a scheme word.
    re.compile(
        r"(?:立项|获批|入选|列入)((?:\d{4}年度?)?[\u4e00-\u9fff]{2,22}?(?:项目|计划|工程|专项))(?=[,。;、\n]|$)"
    ),
    # 发布的2024年江苏省独角兽企业和瞪羚企业评估结果: what a body publishes is its scheme.
    re.compile(r"发布的((?:\d{4}年度?)?[^,。;]{2,24}?(?:评估|评价|榜单|名单)(?:结果)?)"),
    # 入选江苏省独角兽企业名单: the list one enters is the scheme, named without 名单.
    re.compile(r"(?:入选|列入|进入|纳入)((?:\d{4}年度?)?[^,。;“”、\ue000-\uf8ff]{3,20}?(?:名单|榜单))"),
    # 入选国家级智能制造示范工厂: a level-led title conferred by a selection verb.
    re.compile(
        r"(?:入选|获评|获批|认定为|评为|被评为|被认定为)"
        r"((?:国家级|省级|市级|国家|全国)[^,。;“”、等]{3,16}?(?:示范工厂|示范企业|示范基地|示范项目|示范单位|标杆企业|示范园区|试点园区))"
        r"(?=[,。;、]|$)"
    ),
    # 入选国家级跨行业跨领域工业互联网平台: what one is selected into at a level is a title list, not a body.
    re.compile(r"入选((?:国家级|省级|市级|国家|全国)[^,。;“”、等]{3,20}?平台)(?=[,。;、]|$)"),
    # 认定…为2024年度河南省新型研发机构, 获批2024年度省重大新型研发机构: a year's list is a title.
    re.compile(r"(?:为|获批|入选|评为|列为)(\d{4}年度?[^,。;“”、等\d]{3,20}?)(?=[,。;、]|$)"),
    # 2024年度某省专精特新企业认定名单, 关于公布2025年度…入选名单的通知: the title a year's list confers.
    re.compile(
        r"(?:^|[:,]|公布|公示|印发|发布)(\d{4}年度?[^,。;:“”、等\d\s]{3,24}?)"
        r"(?:拟?(?:认定|入选|遴选|评定|备案|认证|立项|授牌))?(?:名单|名录)"
    ),
]


def scheme_candidates(text: str) -> list[Candidate]:
    """Programmes named only as the object of 立项/入选 or as what a body publishes."""
    found = []
    for pattern in SCHEME_CUES:
        for match in pattern.finditer(text):
            name = match.group(1)
            type_ = "TalentProgramme" if TALENT.search(name) else "Programme"
            found.append(Candidate(match.start(1), match.end(1), name, type_, "actor.cue.scheme", 0.6))
    return found


SCHEME_AFTER = re.compile(
    r"(?:和|与|、)?[^,。;]{0,12}?" + WINNER_VERB + r"[^,。;]{0,24}?(?:奖|计划|项目|工程|专项|称号|名单|榜|“|牵头)"
)


# 长晶科技, 芯德半导体, 沪士电子: a brand (a word no dictionary knows) and a trade word name a company.
TRADE = re.compile(
    r"(科技|股份|电子|医药|药业|半导体|机电|电气|通信|软件|新材料|新能源|生物|智能|汽车|微电子|光电|精密|生技)"
)


# Every place a trade word begins (overlaps included: 医药业 holds 医药 and 药业).
TRADE_AT = re.compile("(?=" + TRADE.pattern + ")")
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
BRAND_GLUE = re.compile(r"[等的和与及在将被把对向为是了]")


def brand_candidates(text: str) -> list[Candidate]:
    """Company short names: an unknown word followed by a trade word.

    Only tokens that end where a trade word begins are looked at, and a sentence without
    a trade word is not segmented here at all.
    """
    trade_starts = {match.start() for match in TRADE_AT.finditer(text)}
    if not trade_starts:
        return []
    found = []
    tokens = _tokens(text)
    for i, (word, start, end) in enumerate(tokens[:-1]):
        if end not in trade_starts:
            continue
        if not 2 <= len(word) <= 4 or word in word_tags() or not HAN_WORD.fullmatch(word):
            continue
        if BRAND_GLUE.search(word) or _generic_words(word) is not None:
            continue
        trade = TRADE.match(text, end)
        if trade is None or (trade.end() < len(text) and trade.end() not in _bounds(text)):
            continue
        if i > 1 and _tag(tokens[i - 1][0]) == "ns" and _is_stop(tokens[i - 2][0]):
            start = tokens[i - 1][1]  # 武汉敏芯半导体: a place word may lead the brand
        elif i > 0 and not _is_stop(tokens[i - 1][0]) and tokens[i - 1][0] not in ("企业", "公司"):
            continue  # the brand must begin the name
        found.append(Candidate(start, trade.end(), text[start : trade.end()], "Enterprise", "actor.brand", 0.5))
    return found


def _needs_met(text: str, needs: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the text holds one word of every alternative (one regex search each: cheaper than ``in`` tests)."""
    for need in needs:  # noqa: SIM110 - a plain loop: a generator per frame and sentence cost more than it saved
        if need.search(text) is None:
            return False
    return True


def cue_candidates(text: str) -> list[Candidate]:
    """Unsuffixed enterprise names in the genre's winner, founder and '企业X' frames.

    A frame whose literal words are absent is not run (CUE_NEEDS): most sentences hold none.
    """
    found = []
    for (pattern, rule), needs in zip(CUE_PATTERNS, CUE_NEEDS, strict=True):
        if not _needs_met(text, needs):
            continue
        for match in pattern.finditer(text):
            if rule == "actor.cue.winner" and not SCHEME_AFTER.match(text, match.end(1)):
                continue  # X获Y names a winner only when Y is an award or scheme (not 获评条件)
            name = match.group(1)
            start = match.start(1)
            tokens = _tokens(name)
            # Trim a leading stop word run (分别, 已, 还) and refuse verb-led or generic spans.
            while tokens and _is_stop(tokens[0][0]):
                start += len(tokens[0][0])
                tokens = tokens[1:]
            while tokens and tokens[-1][0] in HARD_STOP:
                tokens = tokens[:-1]
            if not tokens:
                continue
            name = "".join(w for w, _, _ in tokens)
            if len(tokens) == 1 and _tag(name) not in ("nz", "nt", "nr", "nrt", "nrfg", "eng", "j", "ns"):
                continue  # one ordinary dictionary word (无法, 功能) is not a company name
            if len(name) <= 3 and _tag(name) not in ("nt", "eng") and load_gazetteer().lookup(name) is None:
                continue  # 张三获…称号: a short unknown name is most often a person
            if len(name) < 2 or name.startswith(PRONOUNS) or any(w in GENERIC for w, _, _ in tokens[:1]):
                continue
            if any(ch.isdigit() for ch in name) or NOT_A_BRAND.search(name):
                continue
            found.append(Candidate(start, start + len(name), name, "Enterprise", rule, 0.6))
    return found


LIST_HEADS = {
    "龙头企业": "Enterprise",
    "企业": "Enterprise",
    "央企": "Enterprise",
    "上市公司": "Enterprise",
    "公司": "Enterprise",
    "高校": "University",
    "投资方": "Fund",
    "投资机构": "Fund",
    "机构": "Fund",
}
TYPED_LIST = re.compile(  # anchored at the start of a run, so a long run is read once
    r"(?<![\u4e00-\u9fffA-Za-z0-9、])"
    r"((?:(?![的、,;。])[\u4e00-\u9fffA-Za-z0-9]){2,20}(?:、(?:(?![的、,;。])[\u4e00-\u9fffA-Za-z0-9]){2,10})+)"
    r"(?:等(?:[一二三四五六七八九十两几多]+[家大个]|\d+家)?|[一二三四五六七八九十两几]+[家个]|\d+家)(?:国内外|知名|头部|领军|一批)?"
    r"(?:(?:已|新|先后)?(?:落户|入驻|进驻|引进)的?)?"
    r"(" + "|".join(sorted(LIST_HEADS, key=len, reverse=True)) + ")"
)


def typed_list_candidates(text: str) -> list[Candidate]:
    """台积电、紫光展锐等龙头企业: items of a list typed by its head noun."""
    found: list[Candidate] = []
    if "、" not in text:
        return found
    for match in TYPED_LIST.finditer(text):
        type_ = LIST_HEADS[match.group(2)]
        at = match.start(1)
        items = match.group(1).split("、")
        for n, item in enumerate(items):
            start = at
            if n == 0:
                tokens = _tokens(item)
                keep = len(item)
                for word, begin, _ in reversed(tokens):
                    if _is_stop(word):
                        break
                    keep = len(item) - begin
                start = at + len(item) - keep
                item = item[len(item) - keep :]
            if len(item) >= 2 and not _generic_words(item) and item not in PRONOUNS:
                found.append(Candidate(start, start + len(item), item, type_, "actor.list", 0.6))
            at += len(items[n]) + 1
    return found


# A bare zone word (开发区深入实施…, 在新区落地) is the short form of the zone the document is about.
BARE_ZONES = ("开发区", "高新区", "经开区", "新区", "自贸区", "示范区", "科学城", "科技城")
# After a time word the zone word is still the document's zone (今年新区将…, 去年开发区…).
TIME_BEFORE = r"(?<=今年|去年|明年|目前|当前|近年|同期|此前|日前|近日)"
BARE_ZONE = re.compile(
    r"(?:(?<=[^\u4e00-\u9fff])|(?<=^)|(?<=[在与和将由对向被从经即])|" + TIME_BEFORE + ")(" + "|".join(BARE_ZONES) + ")"
)


def _own_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word of its own there (园区 in 支持园区企业, not in 科技园区)."""
    bounds = _bounds(text)
    return start in bounds and end in bounds


def pronoun_candidates(text: str) -> list[Candidate]:
    """园区, 我市, 全区, a bare 开发区…: mentions of the document's subject, resolved later."""
    found = []
    for match in PRONOUN.finditer(text):
        if _own_word(text, match.start(), match.end()):
            found.append(Candidate(match.start(), match.end(), match.group(0), "", "actor.pronoun", 0.6))
    for match in BARE_ZONE.finditer(text):
        found.append(Candidate(match.start(1), match.end(1), match.group(1), "", "actor.pronoun", 0.5))
    return found


def pick(candidates: list[Candidate]) -> list[Candidate]:
    """Longest spans win; at equal length the more reliable rule wins; no two picked spans overlap."""
    rank = {"actor.quoted": 0, "actor.gazetteer": 1, "actor.suffix": 2}
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), rank.get(c.rule, 3), -c.confidence, c.start))
    taken: list[Candidate] = []
    used = bytearray(max((c.end for c in candidates), default=0) + 1)
    for cand in ordered:
        if any(used[cand.start : cand.end]):
            continue
        for i in range(cand.start, cand.end):
            used[i] = 1
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


SECTOR_HEAD = re.compile(
    r"^(?:等)?(?:[一二三四五六七八九十两几多]大)?(?:新兴|主导|重点|优势|未来)?(?:产业|领域|集群|赛道|行业|产业链|技术|方向)"
)
FOCUS_VERB = re.compile(
    r"(?:聚焦|围绕|重点发展|发展|布局|瞄准|推动|面向|深耕|主攻|培育|壮大|做强|突破|成立|主导产业|在)$"
)


SECTOR_LIST = re.compile(
    r"(?:聚焦|围绕|重点发展|发展|布局|瞄准|培育|壮大|做强|深耕|主攻|面向|涵盖|包括|[,:;])"
    r"((?:(?![的、,;。等和及与])[\u4e00-\u9fffA-Za-z0-9]){2,10}?"
    r"(?:(?:、|和|及|与|以及)(?:(?![的、,;。等和及与])[\u4e00-\u9fffA-Za-z0-9]){2,10}?)+)"
    r"(?:等)?(?:[一二三四五六七八九十两几]大|\d+[条个项大])?(?:主导|新兴|重点|优势|特色|未来|战略性新兴)?(?:产业集群|产业|领域|赛道)"
)


FOCUS_INSIDE = re.compile(r"聚焦|围绕|重点发展|布局|瞄准|培育|壮大|做强|深耕|主攻|面向|涵盖|包括")
SECTOR_ONE = re.compile(
    r"(?:聚焦|围绕|重点发展|大力发展|培育壮大|做大做强|做强|深耕|主攻|发力)"
    r"((?:(?![的、,;。等和及与])[\u4e00-\u9fffA-Za-z0-9]){2,8}?)(?:产业集群|产业链|产业|领域|赛道)"
)


LIST_SEPARATOR = re.compile(r"、以及|、|和|及|与|以及")
FOCUS_LED = re.compile(r"聚焦|围绕|重点发展|布局|瞄准|培育|壮大|做强|深耕|主攻")


def sector_list_candidates(text: str, known: list[Candidate]) -> list[Candidate]:
    """围绕智能电网、新能源汽车、绿色智能制造三大主导产业: every item of a sector list is an industry."""
    found = []
    for match in SECTOR_LIST.finditer(text):
        items = LIST_SEPARATOR.split(match.group(1))
        at = match.start(1)
        spans = []
        for item in items:
            start = text.index(item, at)
            spans.append((start, start + len(item), item))
            at = start + len(item)
        lexicon = sum(1 for c in known if c.type == "Industry" and c.start >= match.start(1) and c.end <= match.end(1))
        if lexicon == 0 and not FOCUS_LED.match(match.group(0)):
            continue
        for start, end, item in spans:
            # ,区里将聚焦海洋装备、…: a list found from a clause start begins after its focus verb.
            verbs = list(FOCUS_INSIDE.finditer(item))
            if verbs:
                start, item = start + verbs[-1].end(), item[verbs[-1].end() :]
            found.extend(_sector(item, start, end))
    for match in SECTOR_ONE.finditer(text):
        found.extend(_sector(match.group(1), match.start(1), match.end(1)))
    return found


def _sector(item: str, start: int, end: int) -> list[Candidate]:
    """A sector name from a list or after 聚焦: no predicate or function word, not only generic words."""
    words = [w for w, _, _ in _tokens(item)]
    if any(w in HARD_STOP or _tag(w) in STOP_TAGS for w in words) or _generic_words(item) is not None:
        return []
    if item in PRONOUNS or NUMERAL_LED.match(item) or QUANTIFIED.search(item):
        return []
    return [Candidate(start, end, item, "Industry", "actor.industry.list", 0.6)]


LIST_JOINS = frozenset({"、", "和", "与", "及", "以及", "、以及"})


def _industries_in_context(text: str, picked: list[Candidate]) -> list[Candidate]:
    """A sector word names an industry only in a list of sectors, before 产业/领域, or after 聚焦/围绕."""
    keep = []
    groups: list[list[Candidate]] = []
    for cand in picked:
        if cand.type != "Industry":
            continue
        if groups and text[groups[-1][-1].end : cand.start] in LIST_JOINS:
            groups[-1].append(cand)
        else:
            groups.append([cand])
    accepted = set()
    for group in groups:
        after = text[group[-1].end : group[-1].end + 10]
        before = text[max(0, group[0].start - 6) : group[0].start]
        if len(group) >= 2 or SECTOR_HEAD.match(after) or FOCUS_VERB.search(before):
            accepted |= {id(c) for c in group}
    for cand in picked:
        if cand.type != "Industry" or id(cand) in accepted:
            keep.append(cand)
    return keep


TITLE = re.compile(r"《[^《》]{1,80}》")


def _titles_conferred(picked: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """入选国家…开放创新平台: a name a selection verb confers is a title (a programme), whatever its type word."""
    schemes = {(c.start, c.end): c for c in found if c.rule == "actor.cue.scheme"}
    if not schemes:
        return picked
    return [schemes.get((c.start, c.end), c) if c.rule == "actor.suffix" else c for c in picked]


def sentence_candidates(text: str) -> list[Candidate]:
    """Every finder over one sentence, overlaps resolved."""
    found = gazetteer_candidates(text) + suffix_candidates(text) + quoted_candidates(text) + cue_candidates(text)
    found += scheme_candidates(text) + typed_list_candidates(text) + brand_candidates(text)
    pronouns = pronoun_candidates(text)
    found += sector_list_candidates(text, found)
    picked = _titles_conferred(_industries_in_context(text, pick(found)), found)
    # Pronouns only where no name covers them (园区管委会 stays one name).
    covered = bytearray(len(text) + 1)
    for cand in picked:
        for i in range(cand.start, cand.end):
            covered[i] = 1
    for cand in pronouns:
        if not any(covered[cand.start : cand.end]):
            picked.append(cand)
            for i in range(cand.start, cand.end):
                covered[i] = 1
    # Words inside a document's title 《…》 name the document, not actors of this one; only the
    # place a policy is for (《南京市…条例》) still names that place.
    titles = [m.span() for m in TITLE.finditer(text)]
    if titles:
        picked = [c for c in picked if c.type == "Region" or not any(a < c.start and c.end < b for a, b in titles)]
    return sorted(picked, key=lambda c: c.start)


# 中国科学院西安光学精密机械研究所(简称“西安光机所”), 工业技术研究院(工研院): a short form in brackets.
APPOSED = re.compile(
    r"\((?:以下简称|简称|下称|以下称)?[“\"「『]?([\u4e00-\u9fffA-Za-z]{2,8})[”\"」』]?(?:[,;、][^()]{0,24})?\)"
)
ABBREVIATED_TYPES = frozenset({"Park", "Lab", "University", "Enterprise", "Fund", "Agency", "Platform"})


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` takes its characters from ``full`` in order (竹科 of 新竹科学园区), and is shorter."""
    if len(short) >= len(full) or short == full:
        return False
    at = 0
    for ch in short:
        at = full.find(ch, at) + 1
        if at == 0:
            return False
    return True


def appositions(text: str, picked: list[Candidate]) -> tuple[list[Candidate], dict[str, str]]:
    """Short forms a name gives in brackets right after it: each is a mention of that name.

    Returns the sentence's candidates with the bracketed form as a mention of the full name's
    type, and short form -> full surface, for resolution to join every later use of it.
    """
    if "(" not in text:
        return picked, {}
    shorts: dict[str, str] = {}
    added: list[Candidate] = []
    fulls: list[Candidate] = []
    ending = {c.end: c for c in picked}
    for match in APPOSED.finditer(text):
        short = match.group(1)
        cand = ending.get(match.start()) or _cut_at_bracket(text, picked, match.start())
        if cand is not None and cand.type not in ABBREVIATED_TYPES:
            continue
        if cand is None or not _abbreviates(short, cand.surface):
            cand = _spelt_out(text, match.start(), short)  # 国家科学及技术委员会(国科会): 及 cut the name
            if cand is None:
                continue
        if cand not in picked:
            fulls.append(cand)
        shorts[short] = cand.surface
        added.append(Candidate(match.start(1), match.end(1), short, cand.type, "actor.abbreviation", 0.8))
    if not added:
        return picked, shorts
    spans = [(c.start, c.end) for c in added + fulls]
    kept = [c for c in picked if not any(c.start < b and a < c.end for a, b in spans)]
    return sorted(kept + added + fulls, key=lambda c: c.start), shorts


def _cut_at_bracket(text: str, picked: list[Candidate], at: int) -> Candidate | None:
    """科技部火炬中心(火炬中心): a name read across the bracket ends before it when that part is typed."""
    for cand in picked:
        if cand.start < at < cand.end:
            suffix = _longest_suffix(text[cand.start : at])
            if suffix is not None and suffix_table()[suffix] in ABBREVIATED_TYPES:
                name = text[cand.start : at]
                return Candidate(cand.start, at, name, suffix_table()[suffix], "actor.suffix", cand.confidence)
    return None


def _spelt_out(text: str, end: int, short: str) -> Candidate | None:
    """The full name a bracketed short form abbreviates, read back from the bracket.

    The name ends in a type word and begins, within its clause, where the short form's
    first character does; every character of the short form must occur in it in order.
    """
    head = text[max(0, end - 20) : end]
    suffix = _longest_suffix(head)
    if suffix is None or suffix_table()[suffix] not in ABBREVIATED_TYPES:
        return None
    clause = max(head.rfind(ch) for ch in ",。;:!?、“”()") + 1
    bounds = _bounds(text)
    offset = end - len(head)
    for at in range(clause, len(head) - len(suffix)):
        if head[at] == short[0] and offset + at in bounds and _abbreviates(short, head[at:]):
            name = head[at:]
            return Candidate(offset + at, end, name, suffix_table()[suffix], "actor.suffix.spelt_out", 0.7)
    return None

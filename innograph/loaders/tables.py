"""Ties from the rows of a table: a header row names what each column means.

List documents (认定名单, 名单公示, 平台一览) state their ties in tables, not sentences:
under a header such as ``序号 机构名称 依托单位 所在地`` each row says that the body of its
依托单位 leads the institution it names and that the place of its 所在地 hosts it, and
the list's title (…认定名单) says the institution was selected by the title it confers.
Tables arrive as lines of cells apart by tabs, ideographic or double spaces, or bars (the
HTML reader writes a table row as one tab-separated line); each line is one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from innograph.loaders.ties import FoundTie, Key, SentenceMention

CELL_SEPARATOR = re.compile(r"\t+|\u3000+| {2,}|\s*[|｜]\s*")
# What each column states about the row's named actor: role -> (predicate, the row actor is the subject).
COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("name", re.compile(r"^[\u4e00-\u9fff]{0,8}名称$|^(?:企业|机构|平台|实验室|研究院|园区|基地|中心)$")),
    (
        "leader",
        re.compile(r"^(?:主要)?(?:依托|牵头|建设|承建|组建|申报|发起|推荐)(?:单位|机构|高校|企业|主体)(?:名称)?$"),
    ),
    ("builder", re.compile(r"^(?:共建|合作|联合|参与)(?:共建)?(?:单位|机构|高校|企业|主体)(?:名称)?$")),
    ("operator", re.compile(r"^(?:运营|管理|运行)(?:单位|机构|主体)(?:名称)?$")),
    (
        "place",
        re.compile(r"^(?:所在|所属|所处)?(?:地|地区|地市|城市|省份|省市|市|区县|县区|县市区|园区|片区|街道|板块|区域|属地)$"),
    ),
    ("scheme", re.compile(r"^(?:类别|级别|类型|层级|认定类别|称号|荣誉)$")),
)
# The type a name column's header gives its cells when the name itself carries no type suffix.
HEADER_TYPES = (
    ("平台", "Platform"),
    ("企业", "Enterprise"),
    ("公司", "Enterprise"),
    ("园区", "Park"),
    ("基地", "Park"),
    ("基金", "Fund"),
    ("高校", "University"),
    ("学校", "University"),
    ("", "Lab"),  # 机构名称, 中心名称, 实验室名称: an institution
)
ROLE_TIES = {"leader": "LEADS", "builder": "CO_BUILDS", "operator": "RUNS", "place": "HOSTS"}
NUMBER_COLUMN = re.compile(r"^(?:序号|编号|排名|No\.?)$", re.IGNORECASE)
SKIP_ROW = re.compile(r"^[-:|\s]*$")  # a Markdown rule line under the header
LIST_TITLE = re.compile("名单|名录")
PARK_TITLE = re.compile("一览|名单|名录|清单|情况表")
TITLE_LOOKBACK = 4
SCHEMES = ("Programme", "TalentProgramme")


@dataclass(frozen=True)
class Row:
    """One line of a document as table cells: its sentence text and its actors."""

    text: str
    mentions: Sequence[SentenceMention]


def cells(text: str) -> list[tuple[int, int]]:
    """[start, end) of each cell of a line, or a single span when the line has no cell separators."""
    spans = []
    at = 0
    for separator in CELL_SEPARATOR.finditer(text):
        if separator.start() > at or spans:
            spans.append((at, separator.start()))
        at = separator.end()
    if at < len(text):
        spans.append((at, len(text)))
    return spans


def header_roles(text: str) -> list[str | None] | None:
    """The role of every column if the line is a header naming two known columns, one of them the name."""
    spans = cells(text)
    if len(spans) < 2:
        return None
    roles: list[str | None] = []
    for start, end in spans:
        cell = text[start:end].strip()
        role = next((role for role, pattern in COLUMNS if pattern.match(cell)), None)
        roles.append("number" if role is None and NUMBER_COLUMN.match(cell) else role)
    known = [role for role in roles if role not in (None, "number")]
    if len(known) < 2 or ("name" not in roles and not any(role in ROLE_TIES for role in known)):
        return None
    if "name" not in roles:
        first = next((i for i, role in enumerate(roles) if role is None), None)
        if first is None:
            return None
        roles[first] = "name"  # the first column no header word explains names the row
    return roles


def name_cells(texts: Sequence[str]) -> dict[int, list[tuple[int, int, str]]]:
    """Line index -> (start, end, column header) of the cells naming a table row's actor and its place.

    A list names institutions and sites no suffix or gazetteer may know (国家超级计算长沙中心,
    麓谷企业广场); the column they stand in says they are names, and its header (平台名称) what
    kind: a place column's cell that is no region is a park.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    i = 0
    while i < len(texts):
        roles = header_roles(texts[i]) if CELL_SEPARATOR.search(texts[i]) else None
        if roles is None:
            i += 1
            continue
        header_cells = cells(texts[i])
        columns = [
            (c, "园区" if role == "place" else texts[i][header_cells[c][0] : header_cells[c][1]].strip())
            for c, role in enumerate(roles)
            if role in ("name", "place")
        ]
        i += 1
        while i < len(texts):
            spans = cells(texts[i])
            if len(spans) != len(roles):
                break
            for column, header in columns if not SKIP_ROW.match(texts[i]) else ():
                start, end = spans[column]
                text = texts[i][start:end]
                start, end = start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
                if end - start >= 4 and not re.search(r"[、,;/]", texts[i][start:end]):
                    found.setdefault(i, []).append((start, end, header))
            i += 1
    return found


def header_type(header: str) -> str:
    """The actor type a name column's header (平台名称, 企业名称) gives names that carry none."""
    return next(type_ for word, type_ in HEADER_TYPES if word in header)


def _in_cells(row: Row, spans: list[tuple[int, int]]) -> list[list[Key]]:
    keys: list[list[Key]] = [[] for _ in spans]
    for mention in row.mentions:
        for i, (start, end) in enumerate(spans):
            if start <= mention.start and mention.end <= end:
                keys[i].append(mention.key)
                break
    return keys


def _named(row: Row, span: tuple[int, int]) -> Key | None:
    """The actor the name cell names: a mention that is the whole cell (a place inside an unknown name is not)."""
    start, end = span
    text = row.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    for mention in row.mentions:
        if mention.start - start <= 1 and end - mention.end <= 2 and mention.start < end:
            return mention.key
    return None


def _title_scheme(rows: Sequence[Row], header: int) -> Key | None:
    """The title the list confers, named in a line just above the header (…认定名单)."""
    for row in reversed(rows[max(0, header - TITLE_LOOKBACK) : header]):
        if LIST_TITLE.search(row.text):
            schemes = [m.key for m in row.mentions if m.key[0] in SCHEMES]
            if schemes:
                return schemes[-1]
    return None


def _title_park(rows: Sequence[Row], header: int) -> Key | None:
    """The park whose list it is (园区主要创新平台一览, 高新区重点企业名单): it hosts every row."""
    above = rows[header - 1] if header else None
    if above is None or not PARK_TITLE.search(above.text):
        return None
    parks = [m.key for m in above.mentions if m.key[0] == "Park"]
    return parks[0] if parks else None


def table_ties(rows: Sequence[Row], tie_types: dict) -> list[tuple[int, FoundTie]]:
    """(row index, tie) for every tie a table row states under its header; lines that are no table give none."""
    found: list[tuple[int, FoundTie]] = []
    i = 0
    while i < len(rows):
        roles = header_roles(rows[i].text) if CELL_SEPARATOR.search(rows[i].text) else None
        if roles is None:
            i += 1
            continue
        scheme, park = _title_scheme(rows, i), _title_park(rows, i)
        i += 1
        while i < len(rows):
            spans = cells(rows[i].text)
            if len(spans) != len(roles):
                break
            if not SKIP_ROW.match(rows[i].text):
                found += [(i, tie) for tie in _row_ties(rows[i], spans, roles, (scheme, park), tie_types)]
            i += 1
    return found


def _row_ties(
    row: Row,
    spans: list[tuple[int, int]],
    roles: list[str | None],
    titled: tuple[Key | None, Key | None],
    tie_types: dict,
) -> list[FoundTie]:
    keys = _in_cells(row, spans)
    actor = _named(row, spans[roles.index("name")])
    if actor is None:
        return []
    stated: list[tuple[Key, str, Key]] = []
    scheme, park = titled
    if scheme is not None:
        stated.append((actor, "SELECTED_BY", scheme))
    if park is not None:
        stated.append((park, "HOSTS", actor))
    for role, cell in zip(roles, keys, strict=True):
        if role in ("leader", "builder", "operator"):
            stated += [(key, ROLE_TIES[role], actor) for key in cell]
        elif role == "place" and cell:
            stated.append((cell[-1], "HOSTS", actor))  # 江苏省南京市: the innermost place
        elif role == "scheme":
            stated += [(actor, "SELECTED_BY", key) for key in cell if key[0] in SCHEMES]
    ties = []
    for subject, predicate, obj in stated:
        tie_type = tie_types.get(predicate)
        if subject != obj and tie_type is not None and tie_type.allows(subject[0], obj[0]):
            ties.append(FoundTie(subject, predicate, obj, 0, len(row.text), f"tie.{predicate.lower()}.table", 0.7))
    return ties

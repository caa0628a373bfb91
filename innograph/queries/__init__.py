"""Canned queries: one ``.cypher`` file each, described by a comment header.

The header is the single description of a query that the CLI, the notebook API and
the explorer's forms are all built from, so adding a query is adding a file. A file
looks like this::

    // name: who_funds
    // title_en: Who funds an actor
    // title_zh: 谁投资了该主体
    // description: The funders of an actor, with amounts stated where the funding is.
    // param: actor | str | required | 多玛医药 | Actor name or alias, Simplified or Traditional
    // simplify: actor
    MATCH ...

``param`` fields are: name | type [constraint] | default | example | description. The
type is one of ``str int float bool list[str]``; the constraint is a range ``1..3`` for
numbers, or ``actor_type`` / ``tie_type`` for values that must be names the ontology
defines (an empty list of such names means all of them). The default is ``required``,
``""`` for the empty string, or a literal (comma-separated for lists). ``simplify``
lists the parameters converted Traditional -> Simplified before matching, since
stored names are Simplified.

Where engines need different text, the body is split by ``// variant: <dialect name>``
lines; text before the first marker is used for any engine without its own variant.
Values only ever travel as query parameters: a header or a coerced value never
becomes part of the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from innograph.errors import QueryError, QueryFileError
from innograph.graph.store import Dialect, Row, Store
from innograph.loaders.script import to_simplified  # stored names are Simplified

QUERY_DIR = Path(__file__).parent
PARAM_TYPES = ("str", "int", "float", "bool", "list[str]")
CHOICE_SOURCES = ("actor_type", "tie_type")
RESERVED_NAMES = frozenset({"list"})  # ``innograph query list`` lists the queries

_HEADER_LINE = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*?)\s*$")
_VARIANT_LINE = re.compile(r"^//\s*variant\s*:\s*([a-z0-9_]+)\s*$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_RANGE = re.compile(r"^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$")
_TRUE = {"true", "yes", "1", "on", "y"}
_FALSE = {"false", "no", "0", "off", "n", ""}


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a canned query, as its file's header declares it."""

    name: str
    type: str  # one of PARAM_TYPES
    default: Any  # typed; None when required
    example: Any  # typed
    description: str
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices_from: str = ""  # "", "actor_type" or "tie_type": values must be ontology names
    simplify: bool = False  # converted Traditional -> Simplified before use

    def choices(self) -> list[str]:
        """The allowed values when they come from the ontology (for select boxes), else []."""
        if not self.choices_from:
            return []
        from innograph.ontology import load_ontology

        ontology = load_ontology()
        names = ontology.actor_types if self.choices_from == "actor_type" else ontology.tie_types
        return sorted(names)

    def parse(self, raw: str, where: str = "") -> Any:
        """A CLI or form string as this parameter's type; QueryError says what was expected."""
        where = where or f"parameter {self.name!r}"
        text = raw.strip()
        if self.type == "str":
            return raw
        if self.type == "list[str]":
            return [part.strip() for part in text.split(",") if part.strip()]
        if self.type == "bool":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise QueryError(f"{where}: {raw!r} is not a yes/no value; use true or false")
        try:
            return int(text) if self.type == "int" else float(text)
        except ValueError:
            raise QueryError(f"{where}: {raw!r} is not a{'n' if self.type == 'int' else ''} {self.type}; "
                             f"for example {self.example!r}") from None

    def check(self, value: Any, query: str = "") -> Any:
        """Validate a typed value (range, ontology names) and normalise it; QueryError if bad."""
        where = f"query {query!r}, parameter {self.name!r}" if query else f"parameter {self.name!r}"
        value = self._typed(value, where)
        if self.simplify:
            value = [to_simplified(v) for v in value] if isinstance(value, list) else to_simplified(value)
        if self.type in ("int", "float"):
            too_low = self.minimum is not None and value < self.minimum
            if too_low or (self.maximum is not None and value > self.maximum):
                raise QueryError(f"{where}: {value} is outside {_fmt(self.minimum)}..{_fmt(self.maximum)}")
        if self.choices_from:
            allowed = self.choices()
            values = value if isinstance(value, list) else [value]
            unknown = [v for v in values if v and v not in allowed]
            if unknown:
                raise QueryError(f"{where}: {', '.join(map(repr, unknown))} not defined in the ontology; "
                                 f"use one of {', '.join(allowed)}")
            if isinstance(value, list) and not value:
                value = allowed  # no names given: every one the ontology defines
        return value

    def _typed(self, value: Any, where: str) -> Any:
        if isinstance(value, str):
            return value.strip() if self.type == "str" else self.parse(value, where)  # names never end in spaces
        is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if self.type == "list[str]" and isinstance(value, (list, tuple, set, frozenset)) \
                and all(isinstance(v, str) for v in value):
            return list(value)
        if (self.type == "bool" and isinstance(value, bool)) or (self.type == "int" and is_number
                                                                  and float(value).is_integer()):
            return value if self.type == "bool" else int(value)
        if self.type == "float" and is_number:
            return float(value)
        raise QueryError(f"{where}: expected {self.type}, got {type(value).__name__} {value!r}")


@dataclass(frozen=True)
class CannedQuery:
    """A query file parsed: what it answers, its parameters, and its text per engine."""

    name: str
    title_en: str
    title_zh: str
    description: str
    params: tuple[QueryParam, ...]
    texts: tuple[tuple[str, str], ...]  # (variant, text); variant "" is the shared text
    path: str

    def param(self, name: str) -> QueryParam:
        for param in self.params:
            if param.name == name:
                return param
        raise QueryError(f"query {self.name!r} has no parameter {name!r}; it takes {self._param_names()}")

    def text_for(self, dialect: Dialect | str) -> str:
        """The Cypher to send to an engine: its declared variant, else the shared text."""
        wanted = dialect if isinstance(dialect, str) else dialect.name
        texts = dict(self.texts)
        if wanted in texts:
            return texts[wanted]
        if "" in texts:
            return texts[""]
        raise QueryFileError(f"{self.path}: no text for engine {wanted!r} and no shared text; "
                             f"add a '// variant: {wanted}' section")

    def coerce(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Strings from a command line or a form (or typed values) to checked, typed parameters."""
        unknown = sorted(set(raw) - {p.name for p in self.params})
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                             f"it takes {self._param_names()}")
        values: dict[str, Any] = {}
        for param in self.params:
            given = raw.get(param.name)
            blank = given is None or (isinstance(given, str) and not given.strip())
            if not blank:
                values[param.name] = param.check(given, self.name)
            elif param.required:
                raise QueryError(f"query {self.name!r} needs parameter {param.name!r} ({param.description}), "
                                 f"for example {param.name}={_fmt(param.example)}")
            else:  # not given, or a form field left blank
                values[param.name] = param.check(param.default, self.name)
        return values

    def _param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"




def parse_query_file(path: Path) -> CannedQuery:
    """Read one ``.cypher`` file; QueryFileError names the file and the line at fault."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryFileError(f"{path}: cannot read the query file: {exc}") from exc

    header: dict[str, str] = {}
    param_lines: list[tuple[int, str]] = []
    lines = content.splitlines()
    body_start = len(lines)
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        match = _HEADER_LINE.match(stripped)
        if not stripped.startswith("//") or _VARIANT_LINE.match(stripped):
            body_start = number - 1
            break
        if match is None:
            continue  # a plain comment in the header
        key, value = match.groups()
        if key == "param":
            param_lines.append((number, value))
        elif key in header:
            raise QueryFileError(f"{path}:{number}: '{key}' given twice in the header")
        else:
            header[key] = value

    for key in ("name", "title_en", "title_zh", "description"):
        if not header.get(key):
            raise QueryFileError(f"{path}: the header lacks '// {key}: ...'; every query file needs "
                                 "name, title_en, title_zh and description")
    unknown = set(header) - {"name", "title_en", "title_zh", "description", "simplify"}
    if unknown:
        raise QueryFileError(f"{path}: unknown header key(s) {', '.join(sorted(unknown))}")
    name = header["name"]
    if not _NAME.match(name) or name in RESERVED_NAMES:
        raise QueryFileError(f"{path}: {name!r} is not a usable query name (lower_snake_case, not 'list')")
    if name != path.stem:
        raise QueryFileError(f"{path}: header name {name!r} differs from the file name; rename one")

    simplify = {s.strip() for s in header.get("simplify", "").split(",") if s.strip()}
    params = tuple(_parse_param(path, number, value, simplify) for number, value in param_lines)
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryFileError(f"{path}: a parameter is declared twice: {names}")
    if simplify - set(names):
        raise QueryFileError(f"{path}: 'simplify' names unknown parameter(s) {sorted(simplify - set(names))}")

    texts = _split_variants(path, lines[body_start:], body_start)
    for _, text in texts:
        used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
        if used - set(names):
            raise QueryFileError(f"{path}: the query uses ${', $'.join(sorted(used - set(names)))} "
                                 "but the header declares no such parameter")
    return CannedQuery(name, header["title_en"], header["title_zh"], header["description"], params, texts, str(path))


def _parse_param(path: Path, number: int, spec: str, simplify: set[str]) -> QueryParam:
    fields = [f.strip() for f in spec.split("|")]
    if len(fields) != 5:
        raise QueryFileError(f"{path}:{number}: a param line needs 5 fields "
                             f"'name | type | default | example | description', got {len(fields)}")
    name, type_spec, default_text, example_text, description = fields
    if not _NAME.match(name):
        raise QueryFileError(f"{path}:{number}: {name!r} is not a usable parameter name")
    type_name, _, constraint = type_spec.partition(" ")
    if type_name not in PARAM_TYPES:
        raise QueryFileError(f"{path}:{number}: type {type_name!r} of {name!r} is not one of {', '.join(PARAM_TYPES)}")
    minimum = maximum = None
    choices_from = ""
    constraint = constraint.strip()
    if constraint:
        bounds = _RANGE.match(constraint)
        if bounds and type_name in ("int", "float"):
            minimum, maximum = float(bounds.group(1)), float(bounds.group(2))
        elif constraint in CHOICE_SOURCES and type_name in ("str", "list[str]"):
            choices_from = constraint
        else:
            raise QueryFileError(f"{path}:{number}: constraint {constraint!r} does not fit type {type_name!r} "
                                 f"(numbers take a range like 1..3, names take {' or '.join(CHOICE_SOURCES)})")
    draft = QueryParam(name, type_name, None, None, description, minimum=minimum, maximum=maximum,
                       choices_from=choices_from, simplify=name in simplify)
    try:
        example = draft.parse(_unquote(example_text))
        if default_text == "required":
            return QueryParam(name, type_name, None, example, description, True, minimum, maximum,
                              choices_from, name in simplify)
        default = draft.parse(_unquote(default_text))
        draft = QueryParam(name, type_name, default, example, description, False, minimum, maximum,
                           choices_from, name in simplify)
        draft.check(default)
        return draft
    except QueryError as exc:
        raise QueryFileError(f"{path}:{number}: {exc}") from exc


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else text


def _split_variants(path: Path, lines: list[str], offset: int) -> tuple[tuple[str, str], ...]:
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for number, line in enumerate(lines, start=offset + 1):
        marker = _VARIANT_LINE.match(line.strip())
        if marker:
            current = marker.group(1)
            if current in sections:
                raise QueryFileError(f"{path}:{number}: variant {current!r} declared twice")
            sections[current] = []
        elif not line.strip().startswith("//"):
            sections[current].append(line)
    texts = tuple((variant, "\n".join(body).strip()) for variant, body in sections.items()
                  if "\n".join(body).strip())
    if not texts:
        raise QueryFileError(f"{path}: the file has a header but no query text")
    for variant, body in sections.items():
        if variant and not "\n".join(body).strip():
            raise QueryFileError(f"{path}: variant {variant!r} has no query text")
    return texts


def load_queries(directory: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query, by name. A bad file fails the whole load, naming the file."""
    folder = directory or QUERY_DIR
    if directory is None:
        return dict(_load_packaged())
    return _load_dir(folder)


@lru_cache(maxsize=1)
def _load_packaged() -> tuple[tuple[str, CannedQuery], ...]:
    return tuple(_load_dir(QUERY_DIR).items())


def _load_dir(folder: Path) -> dict[str, CannedQuery]:
    if not folder.is_dir():
        raise QueryFileError(f"{folder}: not a directory of .cypher query files")
    queries: dict[str, CannedQuery] = {}
    for path in sorted(folder.glob("*.cypher")):
        query = parse_query_file(path)
        queries[query.name] = query
    return queries


def get_query(name: str) -> CannedQuery:
    """One canned query by name; QueryFileError lists the known names if it is unknown."""
    queries = load_queries()
    try:
        return queries[name]
    except KeyError:
        raise QueryFileError(f"no canned query named {name!r}; known: {', '.join(sorted(queries))} "
                             "(see `innograph query list`)") from None


def run_query(store: Store, name: str, **params: Any) -> list[Row]:
    """Run a canned query read-only with checked parameters; rows keyed by the RETURN names."""
    query = get_query(name)
    values = query.coerce(params)
    return store.run(query.text_for(store.dialect), values, read_only=True)


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


__all__ = [
    "CannedQuery",
    "QueryParam",
    "get_query",
    "load_queries",
    "parse_query_file",
    "run_query",
    "to_simplified",
]

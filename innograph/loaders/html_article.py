"""An HTML page -> its article text, title and date, with lxml.

A page is parsed once; scripts, styles, navigation, menus, share bars, related-article
lists, stock-quote widgets and footers are removed by tag and by class/id words; the
article is the ``<article>`` element, or else the block holding most paragraph text
(text with sentence punctuation counts most). Block elements become lines, so the
line structure that sentence splitting and headings rely on survives.

This replaces a general extractor (trafilatura) that spent ~25 ms on each small page;
this one needs about a millisecond, which matters when the loader must reach 1 MB/s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "nav", "footer", "aside",
    "button", "select", "input", "textarea", "object", "embed", "video", "audio", "map",
)  # fmt: skip
_BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
    "table", "tbody", "thead", "blockquote", "pre", "header", "main", "figure", "figcaption", "center", "td", "th",
    "hr",
))  # fmt: skip
_FURNITURE_WORDS = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|location|position|weizhi|footer|foot|sidebar|side|share|"
    r"sharing|comments?|related|relate|xiangguan|recommend|tuijian|hot|hots|rank|stock|quotes?|hangqing|ads?|"
    r"advert|advertisement|banner|guanggao|copyright|banquan|login|search|toolbar|pager|pagination|page-?nav|"
    r"prev|next|tags?|friend-?links?|links|qrcode|erweima|subscribe|popup|modal|cookie)($|[\s_-])",
    re.IGNORECASE,
)
_CONTENT_WORDS = re.compile(
    r"article|content|detail|正文|zhengwen|text|news_?txt|trs_editor|main|post|entry|body", re.I
)
_SENTENCE_MARKS = re.compile(r"[。！？；，、,;!?]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_META = (
    "article:published_time", "og:published_time", "publishdate", "pubdate", "publish_date", "date", "dc.date",
    "dc.date.issued", "datePublished", "PubDate", "firstpublishedtime", "created",
)  # fmt: skip
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-–—]\s*[^_|｜\-–—]{1,30}$")


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    date: str


class HtmlError(ValueError):
    """The markup could not be parsed at all."""


def extract_article(html: str) -> Article:
    """Article text (lines separated by newlines), title and ISO date ("" when absent)."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise HtmlError(str(exc)) from exc
    page_title = _clean(root.findtext(".//title") or "")
    date = _meta_date(root)
    _strip(root)
    body = root.find("body")
    article = _article_root(body if body is not None else root)
    lines = _lines(article)
    heading = article.find(".//h1")
    if heading is None and body is not None:
        heading = body.find(".//h1")
    title = _clean(heading.text_content()) if heading is not None else _TITLE_SUFFIX.sub("", page_title)
    if not date:
        date = _text_date(root)
    return Article(text="\n".join(lines), title=title or page_title, date=date)


def _strip(root: lxml.html.HtmlElement) -> None:
    for element in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _drop(element)
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    total = len(_SENTENCE_MARKS.findall(root.text_content()))
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        words = f"{element.get('class', '')} {element.get('id', '')}"
        if words.strip() and _FURNITURE_WORDS.search(words) and element.tag not in ("body", "html", "article"):
            # A furniture-sounding class on the block that holds most of the page's prose is a
            # naming accident ("main-side"), not furniture.
            if total >= 6 and len(_SENTENCE_MARKS.findall(element.text_content())) * 2 > total:
                continue
            _drop(element)


def _drop(element: lxml.etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _article_root(container: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    articles = [a for a in container.iter("article") if len(_SENTENCE_MARKS.findall(a.text_content())) >= 2]
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    scores: dict[lxml.html.HtmlElement, float] = {}
    for paragraph in container.iter("p", "div", "td", "section", "li"):
        text = _own_text(paragraph)
        if len(text) < 10:
            continue
        score = len(text) * (1 + len(_SENTENCE_MARKS.findall(text)) / 4)
        parent = paragraph.getparent() if paragraph.tag in ("p", "li") else paragraph
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 3
    for element in list(scores):
        words = f"{element.get('class', '')} {element.get('id', '')}"
        if _CONTENT_WORDS.search(words):
            scores[element] *= 1.3
    if not scores:
        return container
    return max(scores, key=lambda e: scores[e])


def _own_text(element: lxml.html.HtmlElement) -> str:
    """Text of the element without the text of its block children (inline children count)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return _clean("".join(parts))


def _lines(root: lxml.html.HtmlElement) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _clean("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        row = _row_cells(element) if tag == "tr" else None
        if row is not None:
            flush()
            lines.append("\t".join(row))
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            flush()
        if element.text and tag != "br":
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return lines


_CELL_MAX = 80


def _row_cells(row: lxml.html.HtmlElement) -> list[str] | None:
    """The cells of a data row, to be one tab-separated line: a table is read row by row.

    A row holding a nested table or a long cell is page layout, not data, and is walked as blocks.
    """
    cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
    if len(cells) < 2 or any(cell.find(".//table") is not None for cell in cells):
        return None
    texts = [_clean(cell.text_content()) for cell in cells]
    if any(len(text) > _CELL_MAX for text in texts) or sum(1 for text in texts if text) < 2:
        return None
    return [text or "-" for text in texts]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _meta_date(root: lxml.html.HtmlElement) -> str:
    wanted = {name.lower() for name in _DATE_META}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted:
            date = iso_date(meta.get("content") or "")
            if date:
                return date
    for time_element in root.iter("time"):
        date = iso_date(time_element.get("datetime") or time_element.text_content())
        if date:
            return date
    return ""


def _text_date(root: lxml.html.HtmlElement) -> str:
    return iso_date(root.text_content()[:3000])


def iso_date(value: str) -> str:
    """The first plausible date in ``value`` as YYYY-MM-DD, or ""."""
    for match in _DATE.finditer(value):
        year, month, day = (int(g) for g in match.groups())
        if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""

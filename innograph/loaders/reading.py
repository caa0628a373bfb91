"""Document file -> ``SourceText``: bytes checked and decoded, HTML reduced to its article.

What reaches the later stages is always text a person could read; everything else is
refused here with a ``LoadError`` that names the file, says why and what to do: binary
files (NUL bytes, PDF, images, archives), empty or blank files, files over the size
limit (checked before reading, so a huge file costs nothing), files that vanished
after being listed, undecodable bytes, and HTML pages without an article.

Plain-text files keep a YAML front matter block in ``SourceText.text`` (so offsets are
offsets into the file's own text); ``front_matter_end`` tells ``normalise`` to skip it.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from pathlib import Path

import charset_normalizer

from innograph.errors import LoadError
from innograph.loaders.html_article import HtmlError, extract_article, iso_date
from innograph.loaders.mojibake import commonness
from innograph.model import SourceText

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a media file"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DETECT_SAMPLE = 256 * 1024
_PLAIN = re.compile("[\u4e00-\u9fff -~\n\r\t\u3000-\u303f\uff00-\uffef“”‘’…—·]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_HTML_SNIFF = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(---|\.\.\.)[ \t]*(\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|date|标题|日期)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_PROSE_END = re.compile(r"[。！？!?；;.]")
_DATE_LABEL = re.compile(r"(日期|时间|發佈|发布|發布|更新)")


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read and decode one document; ``LoadError`` names the file if it is not a readable text."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    name = str(path)
    what = _binary_kind(data)
    if what:
        raise LoadError(name, f"is {what}, not a text document", "convert it to .txt or .html first")
    text, encoding = decode_bytes(data, name)
    if not text.strip():
        raise LoadError(name, "has no text (only whitespace)", "remove the file or fill it")
    if _control_share(text) > 0.01:
        raise LoadError(name, "looks binary (control characters in the text)", "convert it to .txt or .html first")
    doc_id = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() in _HTML_SUFFIXES or _HTML_SNIFF.match(data[:4096]):
        return _from_html(name, doc_id, text, encoding)
    title, date = _plain_metadata(text)
    return SourceText(
        path=name, doc_id=doc_id, text=text, encoding=encoding, media_type="text/plain", title=title, date=date
    )


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Text and encoding name of ``data``: BOM, then UTF-8, UTF-16 without BOM, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            return utf16
        raise LoadError(name, "is binary (it contains NUL bytes)", "convert it to .txt or .html first")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf16 = _utf16_without_bom(data)  # all-Chinese UTF-16 has no NUL bytes
        if utf16:
            return utf16
        if len(data) - exc.start <= 3 and exc.reason == "unexpected end of data":
            return data.decode("utf-8", errors="replace"), "utf-8"  # truncated mid-character
        damaged = data.decode("utf-8", errors="replace")
        bad = damaged.count("\ufffd")
        good = len(_NON_ASCII.findall(damaged)) - bad
        if bad * 20 <= good:
            return damaged, "utf-8"  # a few damaged bytes in a UTF-8 file (GBK or Big5 bytes make few valid ones)
    return _detect(data, name)


def front_matter_end(text: str) -> int:
    """Offset just past a leading YAML front matter block of ``text``, or 0 if it has none."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        status = path.stat()
        size = status.st_size
        if stat.S_ISDIR(status.st_mode):
            raise LoadError(name, "is a directory, not a document", "pass the files inside it")
        if not stat.S_ISREG(status.st_mode):
            # A pipe or device would block or never end.
            raise LoadError(name, "is not a regular file (a pipe, socket or device)", "pass document files only")
        if size > max_bytes:
            raise LoadError(
                name, f"is too big ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB)", "split it or raise the limit"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise LoadError(name, "does not exist (or vanished before it could be read)", "check the path") from exc
    except PermissionError as exc:
        raise LoadError(name, "cannot be read (permission denied)", "check the file's permissions") from exc
    except IsADirectoryError as exc:
        raise LoadError(name, "is a directory, not a document", "pass the files inside it") from exc
    except OSError as exc:
        raise LoadError(name, f"cannot be read ({exc.strerror or exc})", "check the file and the disk") from exc
    if len(data) > max_bytes:  # grew while being read
        raise LoadError(name, f"is too big (over {max_bytes / 1e6:.1f} MB)", "split it or raise the limit")
    if not data:
        raise LoadError(name, "is empty", "remove the file or fill it")
    return data


def _binary_kind(data: bytes) -> str:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return ""


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM, recognised by decoding to plain Chinese and ASCII text.

    The byte order tried first is the one the NUL bytes suggest (ASCII characters put
    their NUL on the high side); all-Chinese text may have no NULs, or a few on the
    other side, so both orders are tried.
    """
    if len(data) < 2:
        return None
    sample = data[: min(len(data), 8192) & ~1]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if even_nuls + odd_nuls == 0 and len(data) % 2:
        return None
    orders = ("utf-16-le", "utf-16-be") if odd_nuls >= even_nuls else ("utf-16-be", "utf-16-le")
    for encoding in orders:
        try:
            text = data[: len(data) & ~1].decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plain_share(text[:4096]) > 0.9:
            return text, encoding
    return None


def _plain_share(text: str) -> float:
    """Share of characters that are common Chinese, ASCII printable, whitespace or CJK punctuation."""
    if not text:
        return 0.0
    return len(_PLAIN.findall(text)) / len(text)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """GB18030/GBK, Big5 or another legacy encoding.

    charset-normalizer proposes; on short texts it can mistake GBK for Big5 and back,
    so its pick competes with both, and the decoding that reads as the most ordinary
    Chinese (commonest characters) wins.
    """
    sample = data[:_DETECT_SAMPLE]
    try:
        best = charset_normalizer.from_bytes(sample).best()
    except Exception as exc:  # the detector's own failures must not escape as non-innograph errors
        raise LoadError(name, f"encoding detection failed ({exc})", "save the file as UTF-8") from exc
    proposed = [_canonical(best.encoding)] if best is not None else []
    scored = []
    for rank, encoding in enumerate(dict.fromkeys([*proposed, "gb18030", "big5"])):
        text = sample.decode(encoding, errors="replace")
        if text.count("\ufffd") * 100 > len(text):
            continue
        scored.append((commonness(text[:2000]), -rank, encoding))
    if not scored:
        tried = ", ".join(dict.fromkeys([*proposed, "gb18030", "big5"]))
        raise LoadError(name, f"is not text in any encoding innograph knows (tried {tried})", "save the file as UTF-8")
    encoding = max(scored)[2]
    return data.decode(encoding, errors="replace"), encoding


def _canonical(encoding: str) -> str:
    # GBK and GB2312 text decodes identically as GB18030, which also covers their extensions.
    name = codecs.lookup(encoding).name
    return "gb18030" if name in {"gbk", "gb2312", "gb18030", "hz"} else name


def _control_share(text: str) -> float:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _from_html(name: str, doc_id: str, html: str, encoding: str) -> SourceText:
    try:
        article = extract_article(html)
    except HtmlError as exc:
        raise LoadError(name, f"HTML could not be parsed ({exc})", "check the file") from exc
    if not _has_prose(article.text):
        # What is left of an index page (menus, link lists) is not an article.
        raise LoadError(name, "is an HTML page with no article text", "save the article itself, not an index page")
    return SourceText(
        path=name,
        doc_id=doc_id,
        text=article.text,
        encoding=encoding,
        media_type="text/html",
        title=article.title,
        date=article.date,
    )


def _has_prose(text: str) -> bool:
    """At least one line that reads as running text: a sentence, or a long line."""
    for line in text.splitlines():
        body = line.strip()
        if len(body) >= 40 or (len(body) >= 12 and _PROSE_END.search(body)):
            return True
    return False


def _plain_metadata(text: str) -> tuple[str, str]:
    """Title and ISO date from front matter, else from the first lines (headline, byline)."""
    end = front_matter_end(text)
    title = ""
    date = ""
    if end:
        for key, value in _FIELD.findall(text[:end]):
            value = value.strip("'\" ")
            if key.lower() in {"title", "标题"} and not title:
                title = value
            elif not date:
                date = iso_date(value)
    head = text[end : end + 4000].splitlines()[:40]
    if not title:
        title = _headline(head)
    if not date:
        for line in head:
            if _DATE_LABEL.search(line):
                date = iso_date(line)
                if date:
                    break
    return title, date


def _headline(lines: list[str]) -> str:
    from innograph.loaders.furniture import is_furniture_line
    from innograph.loaders.pinyin import reading_spans
    from innograph.loaders.script import to_simplified

    seen = 0
    for line in lines:
        body = line.strip()
        if not body:
            continue
        for start, end in reversed(reading_spans(body)):
            body = body[:start] + body[end:]
        if body[0] in "-·•*|>" and len(body) <= 30:
            continue  # a menu item
        seen += 1
        if seen > 8:
            break
        if is_furniture_line(to_simplified(body)):
            continue
        if len(body) <= 60 and "。" not in body:
            return body
        return ""
    return ""

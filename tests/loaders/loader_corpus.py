"""A corpus of real and bad inputs for the loader stages, built in memory at test time.

Nothing large is committed: the 50 MB document and the binary files are written to a
temporary directory by the fixtures in ``conftest.py``.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# A paragraph of the seeds in Simplified Chinese, used to build encoded variants.
SIMPLIFIED = (
    "加快实现高水平科技自立自强,是推动高质量发展的必由之路。昨天,苏州工业园区科技创新委员会挂出"
    "2023年度重点工作任务争先进位图,详细列出39项重点工作清单,明确目标任务、牵头领导、牵头单位。\n"
    "这两年,随着“一区两中心”、苏州实验室等重大平台的落户,园区充分借助其对人才的“吸附”作用。\n"
)
# The same kind of text in Traditional Chinese (encodable in Big5).
TRADITIONAL = (
    "創新平臺是科技創新的主要陣地。去年,昆山高新區建成投運了國家高新區集成創新中心,"
    "理光中國研究院長三角分院、中歐海外人才技術創新中心等國際創新平臺相繼成立。\n"
    "企業強,產業才能強。在江蘇省生產力促進中心發布的評估結果中,昆山高新區入選獨角獸企業1家。\n"
)

_HAN_ONLY = "".join(c for c in SIMPLIFIED if "\u4e00" <= c <= "\u9fff")


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with ``prefix`` ("003")."""
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
    )


def _zip() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", SIMPLIFIED)
    return buffer.getvalue()


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


# name -> bytes that must be refused
REFUSED: dict[str, bytes] = {
    "binary.bin": bytes(range(256)) * 16,
    "nul_in_text.txt": SIMPLIFIED.encode("utf-8")[:60] + b"\x00\x00\x00" + SIMPLIFIED.encode("utf-8")[60:],
    "report.pdf": _pdf(),
    "picture.png": _png(),
    "archive.zip": _zip(),
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n\xe3\x80\x80  \n",  # spaces, tabs, an ideographic space
    "controls.txt": bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50,
}

# name -> (bytes, encoding expected, text expected)
DECODABLE: dict[str, tuple[bytes, str, str]] = {
    "utf8.txt": (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
    "utf8_bom.txt": (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
    "utf16_bom_le.txt": (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16-le", SIMPLIFIED),
    "utf16_bom_be.txt": (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16-be", SIMPLIFIED),
    "utf16_le.txt": (SIMPLIFIED.encode("utf-16-le"), "utf-16-le", SIMPLIFIED),
    "utf16_be.txt": (SIMPLIFIED.encode("utf-16-be"), "utf-16-be", SIMPLIFIED),
    "gbk.txt": (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
    "gb18030_traditional.txt": (TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL),
    "big5.txt": (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
    # Short texts, where byte statistics alone confuse GBK and Big5.
    "gbk_short.txt": ("苏州实验室落户园区".encode("gbk"), "gb18030", "苏州实验室落户园区"),
    "big5_short.txt": ("昆山高新區創新中心".encode("big5"), "big5", "昆山高新區創新中心"),
    # All-Chinese UTF-16 without BOM: no ASCII, so hardly any NUL bytes to go by.
    "utf16_le_all_chinese.txt": (_HAN_ONLY.encode("utf-16-le"), "utf-16-le", _HAN_ONLY),
    "utf16_be_all_chinese.txt": (_HAN_ONLY.encode("utf-16-be"), "utf-16-be", _HAN_ONLY),
}

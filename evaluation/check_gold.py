"""Check hand-written gold files against their documents before trusting a score on them.

Every actor name and alias must occur in its document (in the document's own script or
its Simplified form, after dropping pinyin readings such as 渚（zhǔ） and quotation marks),
every tie's evidence must be a verbatim span, and every tie must name annotated actors.

    .venv/bin/python evaluation/check_gold.py dev2 dev3 test2
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parent
PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[\s\"“”‘’「」『』《》()（）'\[\]【】]")
T2S = OpenCC("t2s")


def _plain(text: str) -> str:
    return MARKS.sub("", T2S.convert(text))


def problems(split: str) -> list[str]:
    """What is wrong with one folder's gold files (``<split>/gold/*.json`` against ``<split>/docs``)."""
    found = []
    for gold_file in sorted((ROOT / split / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (ROOT / split / "docs" / gold["document"]).read_text(encoding="utf-8")
        clean = PINYIN.sub("", text)
        forms = [text, clean, T2S.convert(clean), _plain(clean)]
        names = {entity["name"] for entity in gold["entities"]}
        where = f"{split}/{gold_file.name}"
        for entity in gold["entities"]:
            for name in [entity["name"], *entity["aliases"]]:
                if not any(name in form or _plain(name) in form for form in forms):
                    found.append(f"{where}: not in document: {name}")
        for relation in gold["relations"]:
            if relation["evidence"] not in text:
                found.append(f"{where}: evidence not verbatim: {relation['evidence']}")
            found.extend(f"{where}: tie names unknown actor: {end}"
                         for end in (relation["subject"], relation["object"]) if end not in names)
    return found


def main(splits: list[str]) -> int:
    found = [problem for split in splits for problem in problems(split)]
    print("\n".join(found) if found else "ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["dev2", "dev3"]))

"""Page furniture of Chinese news and government pages, found line by line.

Rules a web engineer would write for such pages (run on Simplified text): breadcrumbs,
menus, bylines and date lines, copyright and licence notices, contact and advertising
blocks, share bars, and lists of other articles ("相关文章" and the like, which would
otherwise leak other documents' actors into this one). A line is furniture or not as a
whole; lines keep their newline so the line structure of what stays is unchanged.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_FULL_STOP = re.compile(r"[。！？!?]")
_HAN = re.compile(r"[\u3400-\u9fff]")

_BREADCRUMB = re.compile(r"^(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|当前页面|位置)\s*[:：]")
_CRUMB_TRAIL = re.compile(r"(首页|主页|网站首页|返回首页).{0,40}?[>»›→/]")

# "来源:... 日期:... 点击:" and friends: a label followed by a colon.
_BYLINE_LABEL = re.compile(
    r"(来源|作者|日期|时间|发布时间|发布日期|更新时间|点击|点击数|点击量|浏览|浏览量|浏览次数|阅读|阅读量|阅读数"
    r"|编辑|责任编辑|责编|撰稿|摄影|通讯员|记者|字号|信息来源|文章来源|发布者|发布人)\s*[:：]"
)
_DATE_STAMP = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?"
    r"|[(（]\d{1,2}-\d{1,2}[)）]"
    r"|\d+\s*(秒|分钟|小时|天|周|个月|年)前"
    r"|\d{1,2}:\d{2}(:\d{2})?"
)

_NOTICE = re.compile(
    r"版权所有|版权声明|版权归|免责声明|^声明\s*[:：]|[Cc]opyright|COPYRIGHT|©|\([cC]\)\s*\d{0,4}\s*版权|ICP备|ICP证"
    r"|公网安备|不得转载|禁止转载|转载请注明|转载须|如有侵权|侵权请|违法和不良信息|互联网新闻信息服务许可"
    r"|许可证号|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|网站地图"
)
_NOTICE_START = re.compile(r"^(版权|声明|免责|本文由|本文来源|本站|本网)")

_CONTACT = re.compile(
    r"电话|热线|邮箱|[Ee]-?mail|EMAIL|微信|公众号|手机|QQ|传真|联系人|联系方式|扫一扫|扫码|长按|二维码|关注我们|投稿|爆料"
    r"|广告|订报|订阅|咨询电话|客服|地址\s*[:：]|邮编"
)
_CONTACT_VALUE = re.compile(
    r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{3,4}[- ]\d{3,4}[- ]?\d{3,4}(?!\d)"
    r"|[A-Za-z0-9._-]+[@#][A-Za-z0-9-]+\.(com|cn|net|org)|https?://|www\."
)

_MAY_HAVE_CONTACT = re.compile(r"\d{7}|\d[- ]\d|[@#]|https?:|www\.")
_SHARE = re.compile(
    r"^(分享(给朋友|到|至)?|打印(本页|此文)?|关闭(窗口|本页)?|返回(顶部|列表|首页)?|收藏(本文)?|点赞|在看"
    r"|【打印】|【关闭】|【返回】|字号\s*[:：]?\s*[大中小]|上一篇|下一篇|上一条|下一条)"
)

_RELATED = re.compile(
    r"^[【\[]?\s*(相关|相關)(文章|阅读|新闻|推荐|链接|资讯|报道|内容)(推荐|列表)?"
    r"|^[【\[]?\s*(推荐|延伸|扩展|热门|精彩|更多|最新|热点|猜你)(阅读|文章|新闻|推荐|喜欢|资讯|内容)"
    r"|^[【\[]?\s*你可能(还)?(感兴趣|喜欢)"
)

_MENU_ITEM = re.compile(r"^[-·•*|>]\s*\S")
_NUMERAL = "一二三四五六七八九十"
_ENUMERATED = re.compile(rf"^([{_NUMERAL}]+、|[(（][{_NUMERAL}\d]+[)）]|\d+[.、．]|第[{_NUMERAL}]+)")


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) spans (newline included) of the lines of ``text`` that are furniture."""
    lines = _lines(text)
    flags = [_is_furniture(body) for _, _, body in lines]
    _drop_related_lists(lines, flags)
    _drop_menus(lines, flags)
    _drop_sandwiched(lines, flags)
    spans: list[tuple[int, int]] = []
    for (start, end, _), flag in zip(lines, flags, strict=True):
        if not flag:
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def is_furniture_line(line: str) -> bool:
    """True if one line on its own (any script) reads as furniture; used to find a document's title."""
    from innograph.loaders.script import to_simplified

    return _is_furniture(to_simplified(line.strip()))


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    start = 0
    for line in text.splitlines(keepends=True):
        out.append((start, start + len(line), line.strip()))
        start += len(line)
    return out


def _is_furniture(line: str) -> bool:
    # Cheapest and most decisive tests first: most lines of a page are long prose.
    if not line:
        return False
    if _BREADCRUMB.match(line):
        return True
    n = len(line)
    if n >= 300:
        return False
    if _NOTICE.search(line) or (_NOTICE_START.match(line) and "转载" in line):
        return True
    if n >= 120:
        return False
    if ">" in line and _CRUMB_TRAIL.search(line):
        return True
    if _MAY_HAVE_CONTACT.search(line) and _CONTACT_VALUE.search(line):
        return True
    sentence_like = bool(_SENTENCE_END.search(line))
    labels = len(_BYLINE_LABEL.findall(line))
    if labels and (not sentence_like or labels >= 2):
        return True
    contacts = len(_CONTACT.findall(line))
    if contacts >= 2 or (n < 60 and contacts and not sentence_like):
        return True
    if n < 60 and not sentence_like and _DATE_STAMP.search(line) and _han_share(_DATE_STAMP.sub("", line)) < 0.8:
        return True
    if n < 40 and _SHARE.match(line):
        return True
    return n <= 24 and not _HAN.search(line) and line.replace(" ", "").isalpha()


def _han_share(text: str) -> float:
    text = text.strip()
    return len(_HAN.findall(text)) / len(text) if text else 0.0


def _drop_related_lists(lines: list[tuple[int, int, str]], flags: list[bool]) -> None:
    """A "相关文章" heading and the list of other articles under it.

    Below article text, such a list ends the page: everything after the heading goes
    (teasers of other articles read like prose). Above the article (a sidebar that came
    first), only the list goes: headlines, teasers cut off with "...", blank lines; it
    ends where running prose resumes.
    """
    seen_prose = False
    i = 0
    while i < len(lines):
        body = lines[i][2]
        if not (body and len(body) < 30 and _RELATED.match(body)):
            seen_prose = seen_prose or (not flags[i] and len(body) > 40 and bool(_FULL_STOP.search(body)))
            i += 1
            continue
        if seen_prose:
            for j in range(i, len(lines)):
                flags[j] = True
            return
        flags[i] = True
        i += 1
        while i < len(lines) and _is_list_entry(lines[i][2]):
            flags[i] = True
            i += 1


def _is_list_entry(line: str) -> bool:
    if len(line) <= 40 or line.endswith(("...", "…", "……")):
        return True
    return not _FULL_STOP.search(line)


def _drop_menus(lines: list[tuple[int, int, str]], flags: list[bool]) -> None:
    """Three or more short bullet lines in a row with no sentence in them: a menu."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_menu_item(lines[j][2]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                flags[k] = True
        i = max(j, i + 1)


def _is_menu_item(line: str) -> bool:
    return len(line) <= 30 and bool(_MENU_ITEM.match(line)) and not _SENTENCE_END.search(line)


def _drop_sandwiched(lines: list[tuple[int, int, str]], flags: list[bool]) -> None:
    """A short headline-like line between two furniture lines is a link in the same block."""
    content = [i for i, (_, _, body) in enumerate(lines) if body]
    # Only below the article's first sentence: above it, a headline sits between a
    # breadcrumb and a byline and must stay.
    first = next((k for k, i in enumerate(content) if not flags[i] and _SENTENCE_END.search(lines[i][2])), len(content))
    for k in range(max(1, first + 1), len(content) - 1):
        i = content[k]
        body = lines[i][2]
        if flags[i] or len(body) > 40 or _SENTENCE_END.search(body) or _ENUMERATED.match(body):
            continue
        if flags[content[k - 1]] and flags[content[k + 1]]:
            flags[i] = True

"""Page furniture is dropped by general rules; article text around it stays."""

from __future__ import annotations

import pytest

from innograph.loaders.furniture import furniture_lines, is_furniture_line
from innograph.loaders.normalising import normalise
from innograph.model import SourceText


def _normalised(text: str) -> str:
    return normalise(SourceText(path="f.txt", doc_id="0", text=text, encoding="utf-8", media_type="text/plain")).text


BODY = "近日,阳澄湖两岸科创中心研发总部二期基本建设完成,项目建成后将为培育壮大战略性新兴产业提供有力的载体支撑。"


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页 > 靖江产业信息 > 正文内容",
        "您的位置：首页 » 新闻中心 » 园区动态",
        "来源:高新院 achie.org 日期:2022-01-07 点击:次",
        "发布时间：2023年5月6日 10:32  作者：张三  浏览次数：128",
        "admin9个月前 (09-24)靖江产业信息7",
        "2024-03-18 09:30",
        "版权所有(C)本站内容未经许可不得转载",
        "苏ICP备2023002088号互联网新闻信息服务许可证:信息网络传播视听节目许可证号:1010571",
        "蘇公網安備 32058202010198號",
        "声明:所有来源为“苏州日报”的内容信息,未经本网书面授权,不得转载、摘编或以其他方式使用。",
        "版权声明:本文由靖江厂房网发布,如需转载请注明出处。",
        "葛毅明微信号",
        "产业招商/厂房土地租售:400 0123 021",
        "或微信/手机:13391219793",
        "长按/扫一扫加葛毅明的微信号",
        "姑苏晚报爆料电线 订报热线 新媒体广告 报纸广告转相关融媒中心",
        "互联网违法和不良信息举报中心举报邮箱:jubao#subaonet.com本网举报电线",
        "分享给朋友:",
        "上一篇:园区召开科技创新大会",
        "Network",
    ],
)
def test_furniture_line_recognised(line):
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "苏州工业园区:靶向发力迈向高水平科技自立自强",
        "瞄准数字经济“新赛道”“主赛道”",
        "(一)“一把手抓创新”机制",
        "1.突出“功能配套区”规划引领。以《张家港市行动方案》为抓手,积极探索科技创新领域新型举国体制的张家港路径。",
        "去年3月,国家生物药技术创新中心落户苏州工业园区,为园区的高质量发展构建了新的科技创新矩阵。",
        "2024年,扬州如何围绕科技创新,进一步推动产业科创名城建设?",
        "预计2023年12月完成竣工并交付。",
        "园区开通企业服务热线,为科技型中小企业提供一站式政策咨询服务,全年受理诉求3000余件。",
        "科技创新“五大工程”",
    ],
)
def test_furniture_article_line_kept(line):
    assert not is_furniture_line(line)


def test_furniture_related_articles_list_does_not_leak():
    page = "\n".join(
        [
            "园区科技创新大会召开",
            BODY,
            "相关文章",
            "【动态】松江久富经济园区控详规划获批长三角G60科创走廊建设再添新力",
            "  7月28日,上海市政府批复《上海市松江区九亭镇单元控制性详细规划》,标志着久富经济园区转型发展进入快车道。",
        ]
    )
    text = _normalised(page)
    assert "阳澄湖两岸科创中心" in text
    assert "久富经济园区" not in text and "相关文章" not in text


@pytest.mark.parametrize("heading", ["相關文章推薦:", "相关阅读", "推荐阅读", "【相关新闻】", "延伸阅读:", "猜你喜欢"])
def test_furniture_related_headings(heading):
    text = _normalised(f"{BODY}\n{heading}\n博世智改数转赋能中心项目正式签约,成为园区工业互联网典型新应用。")
    assert text == BODY


def test_furniture_menu_block_dropped_but_single_dash_line_kept():
    menu = "\n".join(["- 高新院新闻", "- 政策解读", "- 高新区新闻", "- 区域经济研究"])
    assert _normalised(f"{menu}\n{BODY}") == BODY
    assert _normalised(f"- 强化科技金融支持力度,发行全国首单知识产权质押双创债。\n{BODY}").startswith("- 强化")


def test_furniture_headline_between_breadcrumb_and_byline_kept():
    page = (
        "当前位置:首页 > 新闻 > 正文\n\n苏州工业园区:靶向发力迈向高水平科技自立自强\n\n"
        + "admin9个月前 (09-24)靖江产业信息7\n\n"
        + BODY
    )
    assert _normalised(page) == "苏州工业园区:靶向发力迈向高水平科技自立自强\n\n" + BODY


def test_furniture_spans_cover_whole_lines():
    text = f"当前位置:首页 > 新闻\n{BODY}\n版权所有 ©2024\n"
    spans = furniture_lines(text)
    kept = "".join(
        text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)], strict=True)
    )
    assert kept == BODY + "\n"


def test_furniture_seed_000_footer_and_related_list_gone(seeds):
    _, text = seeds["000"]
    for leak in ("苏州肯帝亚", "ICP备", "葛毅明", "绵阳市科创园区", "兴业银行上海分行", "泰州海陵工业园区", "相关文章"):
        assert leak not in text.text
    assert text.text.startswith("苏州工业园区:靶向发力迈向高水平科技自立自强")
    assert "科技部火炬中心首批科技金融创新服务中心建设" in text.text


def test_furniture_seed_003_header_gone(seeds):
    _, text = seeds["003"]
    for leak in ("Network", "当前位置", "高新院新闻", "来源:", "点击", "相关文章推荐"):
        assert leak not in text.text
    assert text.text.startswith("打造数字经济时代产业创新集群,园区这么干!")


def test_furniture_seed_002_police_record_gone(seeds):
    _, text = seeds["002"]
    assert "公网安备" not in text.text
    assert text.text.endswith("全力打造百花齐放、百舸争流的人才生态。")


def test_furniture_related_list_above_the_article_takes_only_the_list():
    page = "\n".join(
        [
            "相关阅读",
            "西部科学城重庆高新区新增国家级孵化器",
            "重庆大学与长安汽车共建联合研究院",
            "",
            "两江新区管委会相关负责人表示,新区还设立了规模10亿元的两江科创种子基金,重点投向协同创新区孵化的初创企业。",
        ]
    )
    text = _normalised(page)
    assert text.startswith("两江新区管委会相关负责人表示")
    assert "长安汽车" not in text and "孵化器" not in text


def test_furniture_teasers_cut_off_with_ellipsis_are_part_of_the_list():
    page = "\n".join(
        [
            BODY,
            "相关文章",
            "【动态】松江久富经济园区控详规划获批",
            "  7月28日,上海市政府批复控制性详细规划,标志着久富经济园区转型发展进入快车道。通过本次...",
            "兴业银行上海分行:“技术流”浇灌园区科创金融试验田",
            "  “面对深化科创金融改革带来的历史机遇和挑战,兴业银行上海分行将推进科创业务落地。”夏维淳说。   ...",
        ]
    )
    assert _normalised(page) == BODY

"""HTML pages are reduced to their article: title and date kept, menus, scripts and footers gone."""

from __future__ import annotations

import pytest

from innograph.errors import LoadError
from innograph.loaders.normalising import normalise
from innograph.loaders.reading import read_document

ARTICLE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>苏州工业园区:靶向发力迈向高水平科技自立自强_新闻中心</title>
<meta property="article:published_time" content="2023-09-24">
<style>.nav{color:red}</style><script>var quote = "600000 浦发银行 +1.2%";</script></head>
<body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li>
<li><a href="/p">园区规划</a></li></ul></div>
<div class="breadcrumb">当前位置:首页 &gt; 新闻中心 &gt; 正文</div>
<div class="stock"><span>上证指数 3050.12 +0.5%</span></div>
<article>
<h1>苏州工业园区:靶向发力迈向高水平科技自立自强</h1>
<p>加快实现高水平科技自立自强,是推动高质量发展的必由之路。昨天,苏州工业园区科技创新委员会挂出2023年度重点工作任务。</p>
<p>这两年,随着“一区两中心”、苏州实验室等重大平台的落户,园区充分借助其对人才的“吸附”作用,深挖战略科技人才。</p>
<p>面向未来,园区将高水平推进科技部火炬中心首批科技金融创新服务中心建设,持续完善金融服务体系。</p>
</article>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a1">博世智改数转赋能中心签约</a></li></ul></div>
<footer>版权所有(C)本站内容未经许可不得转载 苏ICP备2023002088号</footer>
</body></html>
"""

INDEX_PAGE = """<!DOCTYPE html><html><head><title>新闻中心</title></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li></ul></div>
<ul><li><a href="/a1">文章一</a></li><li><a href="/a2">文章二</a></li></ul>
<footer>版权所有</footer></body></html>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_reading_html_keeps_the_article(write_file, encoding):
    html = ARTICLE_PAGE.replace('charset="utf-8"', f'charset="{encoding}"')
    source = read_document(write_file("page.html", html.encode(encoding)))
    assert source.media_type == "text/html"
    assert source.title == "苏州工业园区:靶向发力迈向高水平科技自立自强"
    assert source.date == "2023-09-24"
    assert "苏州实验室等重大平台的落户" in source.text
    for furniture in ("浦发银行", "上证指数", "color:red", "园区规划", "ICP备", "博世智改数转赋能中心"):
        assert furniture not in source.text


def test_reading_html_offsets_point_into_article_text(write_file):
    source = read_document(write_file("page.html", ARTICLE_PAGE.encode("utf-8")))
    text = normalise(source)
    start = text.text.index("苏州实验室")
    a, b = text.source_span(start, start + 5)
    assert source.text[a:b] == "苏州实验室"


def test_reading_html_sniffed_without_suffix(write_file):
    source = read_document(write_file("page.txt", ARTICLE_PAGE.encode("utf-8")))
    assert source.media_type == "text/html"
    assert "<p>" not in source.text


def test_reading_html_without_article_is_refused(write_file):
    path = write_file("index.html", INDEX_PAGE.encode("utf-8"))
    with pytest.raises(LoadError, match="no article") as caught:
        read_document(path)
    assert str(path) in str(caught.value)


def test_reading_xhtml_with_xml_declaration_in_gbk(write_file):
    page = (
        '<?xml version="1.0" encoding="gb2312"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>园区要闻</title></head><body>'
        '<div id="zoom"><p>苏州工业园区科技创新委员会挂出2023年度重点工作任务,详细列出39项重点工作清单。</p></div>'
        "</body></html>"
    )
    source = read_document(write_file("page.xhtml", page.encode("gbk")))
    assert source.encoding == "gb18030"
    assert source.text.endswith("详细列出39项重点工作清单。")


@pytest.mark.parametrize("page", ["<html></html>", "<html><body>   </body></html>", "<p>短</p>"])
def test_reading_html_empty_pages_refused(write_file, page):
    path = write_file("empty.html", page.encode("utf-8"))
    with pytest.raises(LoadError) as caught:
        read_document(path)
    assert str(path) in str(caught.value)


def test_reading_html_prose_block_with_furniture_sounding_class_kept(write_file):
    paragraphs = "".join(
        f"<p>第{i}段:园区将高水平推进科技金融创新服务中心建设,持续完善金融服务体系。</p>" for i in range(1, 5)
    )
    nav = '<div class="nav"><a href="/">首页</a></div>'
    page = f'<html><body>{nav}<div class="main-side">{paragraphs}</div></body></html>'
    source = read_document(write_file("side.html", page.encode("utf-8")))
    assert source.text.count("科技金融创新服务中心") == 4
    assert "首页" not in source.text

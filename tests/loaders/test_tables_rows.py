"""Tables of list documents: a header row says what each column states about the row's named actor.

The cases use other provinces, columns and layouts than any document the rules were written from.
"""

from __future__ import annotations

from sentence_extraction import actors, run, ties

from innograph.loaders.extraction import extract
from innograph.loaders.html_article import extract_article
from innograph.loaders.normalising import normalise
from innograph.loaders.sentences import split_sentences
from innograph.loaders.tables import header_roles
from innograph.model import SourceText


def test_header_words_give_column_roles() -> None:
    assert header_roles("序号\t平台名称\t牵头单位\t所在地区") == ["number", "name", "leader", "place"]
    assert header_roles("序号 | 实验室名称 | 共建单位 | 所在园区") == ["number", "name", "builder", "place"]
    assert header_roles("竹科新核准12家廠商進駐\u3000投資額逾新台幣186億元") is None


def test_ideographic_space_table_under_a_list_title() -> None:
    text = (
        "湖南省科学技术厅关于公布2025年度湖南省工程技术研究中心认定名单的通知\n"
        "经专家评审,现将名单予以公布。\n"
        "2025年度湖南省工程技术研究中心认定名单\n"
        "序号\u3000中心名称\u3000依托单位\u3000所在地\n"
        "1\u3000湖南先进陶瓷研究院\u3000中南大学\u3000长沙市\n"
        "2\u3000株洲轨道交通装备研究院\u3000中车株洲电力机车有限公司\u3000株洲市\n"
    )
    found = ties(run(text))
    assert {
        ("中南大学", "LEADS", "湖南先进陶瓷研究院"),
        ("长沙市", "HOSTS", "湖南先进陶瓷研究院"),
        ("湖南先进陶瓷研究院", "SELECTED_BY", "湖南省工程技术研究中心"),
        ("中车株洲电力机车有限公司", "LEADS", "株洲轨道交通装备研究院"),
        ("株洲市", "HOSTS", "株洲轨道交通装备研究院"),
    } <= found


def test_bar_table_with_co_builders_and_park_column() -> None:
    text = (
        "成都高新区创新平台一览\n"
        "| 平台名称 | 共建单位 | 所在园区 |\n"
        "| --- | --- | --- |\n"
        "| 成都先进功能材料研究院 | 四川大学、电子科技大学 | 天府软件园 |\n"
    )
    found = ties(run(text))
    assert {
        ("四川大学", "CO_BUILDS", "成都先进功能材料研究院"),
        ("电子科技大学", "CO_BUILDS", "成都先进功能材料研究院"),
        ("天府软件园", "HOSTS", "成都先进功能材料研究院"),
    } <= found
    assert not any(predicate == "SELECTED_BY" for _, predicate, _ in found)  # 一览 confers no title


def test_html_table_rows_are_read_as_rows() -> None:
    html = (
        "<html><body><div class='content'><p>江西省工业和信息化厅公布2025年度江西省新型研发机构认定名单。</p>"
        "<table><tr><th>序号</th><th>机构名称</th><th>建设单位</th><th>所在地</th></tr>"
        "<tr><td>1</td><td>南昌航空材料研究院</td><td>南昌航空大学</td><td>南昌市</td></tr></table>"
        "</div></body></html>"
    )
    article = extract_article(html)
    assert "序号\t机构名称\t建设单位\t所在地" in article.text
    source = SourceText(path="case.html", doc_id="t", text=article.text, encoding="utf-8", media_type="text/html")
    normalised = normalise(source)
    found = ties(extract(normalised, split_sentences(normalised)))
    assert {("南昌航空大学", "LEADS", "南昌航空材料研究院"), ("南昌市", "HOSTS", "南昌航空材料研究院")} <= found


def test_a_headline_with_one_ideographic_space_stays_joined_prose() -> None:
    text = "苏州工业园区新引进企业12家\u3000投资额逾50亿元\n园区今年一季度新落户企业包括博瑞医药等。\n"
    batch = run(text)
    assert not any(e.rule.endswith(".table") for t in batch.ties.values() for e in t.evidence)
    assert len({e.sentence for a in batch.actors.values() for m in a.mentions for e in [m.evidence]}) <= 2



def test_a_name_cell_no_suffix_knows_is_typed_by_its_header_and_the_park_hosts_the_rows() -> None:
    text = (
        "武汉东湖高新区获批国家知识产权示范园区。\n"
        "园区重点创新平台一览\n"
        "序号\t平台名称\t级别\t依托单位\t所在片区\n"
        "1\t国家数字建造光谷中心\t国家级\t华中科技大学\t光谷生物城\n"
    )
    batch = run(text)
    assert ("Platform", "国家数字建造光谷中心") in actors(batch)
    assert ("Programme", "国家知识产权示范园区") in actors(batch)
    assert {
        ("华中科技大学", "LEADS", "国家数字建造光谷中心"),
        ("光谷生物城", "HOSTS", "国家数字建造光谷中心"),
        ("武汉东湖高新区", "HOSTS", "国家数字建造光谷中心"),
    } <= ties(batch)

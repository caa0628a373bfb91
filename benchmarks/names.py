"""A large, deterministic population of actor names in the shape real ones have.

Names are built from parts (cities, districts, brand syllables, fields, organisation
forms), so the population can reach hundreds of thousands of distinct actors while
every name still reads like one in the seeds: 苏州工业园区, 华芯微电子科技, 无锡市科技局.
Each city has its own local actors; a few national ones (universities, ministries,
national programmes) are shared by every city and so become the graph's hubs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# (city, province or "" for a municipality)
CITIES: tuple[tuple[str, str], ...] = (
    ("苏州", "江苏"), ("无锡", "江苏"), ("常州", "江苏"), ("南京", "江苏"), ("南通", "江苏"), ("扬州", "江苏"),
    ("镇江", "江苏"), ("泰州", "江苏"), ("徐州", "江苏"), ("杭州", "浙江"), ("宁波", "浙江"), ("嘉兴", "浙江"),
    ("绍兴", "浙江"), ("温州", "浙江"), ("湖州", "浙江"), ("合肥", "安徽"), ("芜湖", "安徽"), ("上海", ""),
    ("武汉", "湖北"), ("长沙", "湖南"), ("成都", "四川"), ("绵阳", "四川"), ("重庆", ""), ("西安", "陕西"),
    ("青岛", "山东"), ("济南", "山东"), ("烟台", "山东"), ("厦门", "福建"), ("福州", "福建"), ("深圳", "广东"),
    ("广州", "广东"), ("东莞", "广东"), ("佛山", "广东"), ("珠海", "广东"), ("天津", ""), ("北京", ""),
    ("郑州", "河南"), ("洛阳", "河南"), ("沈阳", "辽宁"), ("大连", "辽宁"), ("长春", "吉林"), ("哈尔滨", "黑龙江"),
    ("南昌", "江西"), ("昆明", "云南"), ("贵阳", "贵州"), ("南宁", "广西"), ("太原", "山西"), ("石家庄", "河北"),
)
DISTRICTS = (
    "高新", "经开", "滨湖", "新吴", "江宁", "浦口", "鼓楼", "玄武", "天河", "黄埔", "南山", "宝安", "龙岗", "滨江",
    "萧山", "余杭", "江北", "临港", "双流", "雁塔", "长安", "历城", "思明", "海沧", "金水", "浑南", "武进", "相城",
    "吴中", "姑苏", "新北", "钟楼", "崇川", "广陵", "丹徒", "海陵", "鄞州", "秀洲", "越城", "瓯海", "吴兴", "蜀山",
)
FIELDS = (
    "生物医药", "人工智能", "集成电路", "纳米技术", "新能源", "高端装备", "新材料", "智能制造", "光电子", "数字经济",
    "医疗器械", "第三代半导体", "量子信息", "航空航天", "海洋工程", "现代农业", "氢能", "储能", "机器人", "先进计算",
)
INDUSTRIES = (
    "生物医药", "人工智能", "集成电路", "纳米技术应用", "新能源汽车", "高端装备制造", "新材料", "智能制造", "光电子",
    "数字经济", "医疗器械", "第三代半导体", "量子信息", "航空航天", "海洋经济", "现代农业", "氢能", "新型储能",
    "工业互联网", "软件和信息服务", "云计算", "区块链", "先进计算", "智能网联汽车", "节能环保", "创新药",
    "高端医疗器械", "精密仪器", "光伏", "物联网",
)
BRAND = "华瑞博睿芯晶微宏恒信达创联泰鼎源凯盛天海星云智远安康迈普诺明光锐驰航宇辰泽德嘉昊越拓景和元鑫"
ENTERPRISE_FIELDS = (
    "微电子", "生物", "医药", "智能", "半导体", "新材料", "光电", "软件", "机器人", "能源", "精密", "数控", "通信",
    "医疗", "芯片", "传感", "激光", "汽车电子",
)
ENTERPRISE_FORMS = ("科技", "股份", "集团", "技术", "科技有限公司")
UNIVERSITIES = (
    "复旦大学", "南京大学", "浙江大学", "东南大学", "上海交通大学", "清华大学", "北京大学", "中国科学技术大学",
    "西安交通大学", "华中科技大学", "四川大学", "武汉大学", "南京工业大学", "苏州大学", "江南大学", "中山大学",
    "同济大学", "哈尔滨工业大学", "天津大学", "厦门大学", "山东大学", "电子科技大学", "西北工业大学", "北京理工大学",
)
NATIONAL_LABS = (
    "中科院", "医科院", "国家生物药技术创新中心", "国家第三代半导体技术创新中心", "之江实验室", "鹏城实验室",
)
NATIONAL_AGENCIES = ("科技部火炬中心", "工信部", "科技部", "国家发展改革委", "工信部火炬中心")
NATIONAL_PROGRAMMES = ("国家重点研发计划", "国家技术发明奖", "国家科学技术进步奖", "专精特新小巨人", "国家高新技术企业")
NATIONAL_TALENT = ("国家高层次人才特殊支持计划", "国家杰出青年科学基金", "海外高层次人才引进计划")


@dataclass(frozen=True)
class Named:
    """One generated actor: a type from the ontology and its canonical (Simplified) name."""

    type: str
    name: str
    city: str = ""  # "" for national actors
    short: str = ""  # a pronoun-like alias the documents may use (园区), or ""


def _region_names(city: str, province: str) -> list[Named]:
    regions = [Named("Region", f"{city}市", city)]
    if province:
        regions.append(Named("Region", f"{province}省", city))
    return regions


class CityPool:
    """The local actors of one city, drawn lazily and deterministically from the name parts."""

    def __init__(self, city: str, province: str, seed: int) -> None:
        self.city = city
        self.province = province
        self.rng = random.Random(f"{seed}:{city}")
        self.regions = _region_names(city, province)
        districts = self.rng.sample(DISTRICTS, 6)
        self.regions += [Named("Region", f"{city}市{d}区", city) for d in districts[:3]]
        self.parks = [
            Named("Park", f"{city}工业园区", city, "园区"),
            Named("Park", f"{city}高新区", city, "高新区"),
            Named("Park", f"{city}经济技术开发区", city, "经开区"),
            *(Named("Park", f"{city}{field}产业园", city, "园区") for field in self.rng.sample(FIELDS, 5)),
            *(Named("Park", f"{d}科技城", city) for d in districts[3:]),
            Named("Park", f"{city}国际科技园", city, "园区"),
        ]
        self.agencies = [
            Named("Agency", f"{city}市科技局", city),
            Named("Agency", f"{city}市工信局", city),
            Named("Agency", f"{city}高新区管委会", city),
            Named("Agency", f"{city}工业园区科技创新委员会", city),
        ]
        if self.province:
            self.agencies.append(Named("Agency", f"{province}省科技厅", city))
        self.programmes = [
            Named("Programme", f"{city}市独角兽培育计划", city),
            Named("Programme", f"{city}市科技进步奖", city),
            Named("Programme", f"{province or city}前沿技术研发计划", city),
            Named("Programme", f"{city}市瞪羚企业认定", city),
        ]
        self.talent = [
            Named("TalentProgramme", f"{city}领军人才计划", city),
            Named("TalentProgramme", f"{city}英才计划", city),
            Named("TalentProgramme", f"{city}工业园区科技领军人才创新创业工程", city),
        ]
        self.platforms = [
            Named("Platform", f"{city}科技金融服务平台", city),
            Named("Platform", f"{city}大型科研仪器开放共享平台", city),
            Named("Platform", f"{city}知识产权运营中心", city),
        ]
        self.universities = [Named("University", f"{city}大学", city), Named("University", f"{city}理工学院", city)]
        self.labs = [Named("Lab", f"{city}实验室", city)]
        self.labs += [Named("Lab", f"{city}{field}研究院", city) for field in self.rng.sample(FIELDS, 6)]
        self.funds = [
            Named("Fund", f"{city}天使投资引导基金", city),
            Named("Fund", f"{city}科创母基金", city),
            *(Named("Fund", f"{city}{field}产业投资基金", city) for field in self.rng.sample(FIELDS, 3)),
        ]
        self._enterprises: dict[str, Named] = {}

    def enterprise(self) -> Named:
        """A new or existing local enterprise; the pool keeps growing, so big corpora get many actors."""
        if self._enterprises and self.rng.random() < 0.35:
            return self.rng.choice(list(self._enterprises.values())[-400:])
        brand = self.rng.choice(BRAND) + self.rng.choice(BRAND)
        name = brand + self.rng.choice(ENTERPRISE_FIELDS) + self.rng.choice(ENTERPRISE_FORMS)
        named = Named("Enterprise", name, self.city)
        self._enterprises.setdefault(name, named)
        return self._enterprises[name]

    def fund_investor(self) -> Named:
        """A market-side investor: brand + 创投 / 资本."""
        brand = self.rng.choice(BRAND) + self.rng.choice(BRAND)
        return Named("Fund", brand + self.rng.choice(("创投", "资本", "创业投资", "投资")), self.city)

    def lab(self) -> Named:
        if self.rng.random() < 0.3:
            brand = self.rng.choice(BRAND) + self.rng.choice(BRAND)
            return Named("Lab", f"{self.city}{brand}{self.rng.choice(FIELDS)}研究所", self.city)
        return self.rng.choice(self.labs)


def national_pool() -> dict[str, list[Named]]:
    """Actors every city's documents may name: they become the hubs of the graph."""
    return {
        "University": [Named("University", name) for name in UNIVERSITIES],
        "Lab": [Named("Lab", name) for name in NATIONAL_LABS],
        "Agency": [Named("Agency", name) for name in NATIONAL_AGENCIES],
        "Programme": [Named("Programme", name) for name in NATIONAL_PROGRAMMES],
        "TalentProgramme": [Named("TalentProgramme", name) for name in NATIONAL_TALENT],
        "Industry": [Named("Industry", name) for name in INDUSTRIES],
    }

"""Repair GBK off-by-one mojibake, mask what cannot be repaired.

Some pages were stored as GBK bytes and later decoded one byte out of step for a
stretch: every character of the stretch is made of the second byte of one real
character and the first byte of the next (``。”市科技局相關`` came out as
``?!笔锌萍季窒嚓P``). The first lost byte shows up as ``?`` (or U+FFFD), and a
character whose bytes were split may have kept only its pinyin reading (``?fù)``).
Full-width punctuation of such pages was later folded to ASCII, so ``!`` may stand
for the GBK bytes of ``！``.

Repair: after such a marker, re-encode the stretch as GBK, drop its first byte and
decode again; keep the result only if it reads as far more ordinary Chinese than the
stretch did (scored with a table of the 3000 commonest characters). Stretches with no
marker (the slip began on a byte that still made a valid character) are found where
the decoder came back in step, at an ASCII letter, and must gain more to be repaired. Whatever is lost
becomes ``MASK``, a character that is neither Han nor punctuation, so no name and no
sentence boundary can be made from it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from innograph.loaders.pinyin import LOST_READING, is_toned
from innograph.loaders.script import to_simplified

MASK = "\ufffd"

_MARKER = re.compile("[?\ufffd]")
_MAX_RUN = 200  # a stretch longer than this is not one decoding slip
_MIN_GAIN = 0.8  # mean score per character the repair must gain
_MIN_GAIN_UNMARKED = 1.2  # more is asked where no marker says a slip happened
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\ufffd]{3,}")
_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_COMMON_PUNCT = set("，。、；：？！“”‘’（）《》…—")


@dataclass(frozen=True)
class Edit:
    """Replace ``[start, end)`` of a text by ``text``; ``offsets[i]`` is where ``text[i]`` came from."""

    start: int
    end: int
    text: str
    offsets: tuple[int, ...]


def repair_edits(text: str) -> list[Edit]:
    """Edits that repair or mask every mojibake stretch of ``text``, in order, not overlapping."""
    edits = _marked_edits(text)
    unmarked = _unmarked_edits(text, edits)
    if unmarked:
        edits = sorted(edits + unmarked, key=lambda edit: edit.start)
    return edits


def _marked_edits(text: str) -> list[Edit]:
    """Stretches that start at a "?" (a lost byte) or at a character lost but for its reading."""
    if "?" not in text and MASK not in text:
        return []
    edits: list[Edit] = []
    position = 0
    for marker in _MARKER.finditer(text):
        p = marker.start()
        if p < position:
            continue
        lost = LOST_READING.match(text, p)
        bracketed = False
        if lost and is_toned(lost.group(1)):
            q = lost.end()
            if _is_orphan_trail(text, q):
                q += 1  # "?fù)P州": the P is the second byte of the lost character
            edits.append(Edit(p, q, MASK, (p,)))
            bracketed = True
        else:
            q = p + 1
        run_end, run_bytes, byte_owner = _gbk_run(text, q)
        position = q
        if run_end == q or LOST_READING.match(text, q):
            continue
        repaired = _shift(run_bytes)
        if repaired is None:
            continue
        decoded, dangling = repaired
        if not _accept(text[q:run_end], decoded, bracketed):
            continue
        if not bracketed:
            edits.append(Edit(p, p + 1, MASK, (p,)))  # the "?" hid the lost lead byte
        offsets = [byte_owner[1 + 2 * j] for j in range(len(decoded))]
        out = decoded
        end = run_end
        if dangling and not LOST_READING.match(text, end):  # else that reading masks the split character
            out += MASK
            offsets.append(byte_owner[-1])
            # The rest of the split character may show as a second "?".
            if end < len(text) and text[end] in "?\ufffd" and not LOST_READING.match(text, end):
                out += MASK
                offsets.append(end)
                end += 1
        edits.append(Edit(q, end, out, tuple(offsets)))
        position = end
    return edits


def _unmarked_edits(text: str, taken: list[Edit]) -> list[Edit]:
    """Stretches with no marker: the slip began on a byte that still made a valid character.

    The decoder comes back in step at an ASCII letter read as a second byte: either the
    letter stays visible after the stretch (``嚓P``), or it was swallowed into the
    stretch's last character (a character whose GBK second byte is a letter). The
    repair of a stretch is the same whatever byte the slip began on (each repaired
    character is the second byte of one character and the first byte of the next), so
    the start chosen is the one that gains most commonness; only stretches with rare
    characters in them are tried, and only within ``_MAX_RUN`` characters of the end.
    """
    # Traditional characters count as rare here; Simplifying only makes characters commoner.
    rare = [m.start() for m in _RARE.finditer(text)]
    if len(rare) < 2:
        return []
    edits: list[Edit] = []
    busy = [(edit.start, edit.end) for edit in taken]
    for match in _NON_ASCII_RUN.finditer(text):
        run_start, run_end = match.span()
        if bisect.bisect_left(rare, run_end) - bisect.bisect_left(rare, run_start) < 2:
            continue
        run = match.group()
        if len(_RARE.findall(to_simplified(run))) < 2:
            continue
        try:
            data = run.encode("gbk")
        except UnicodeEncodeError:
            continue
        if len(data) != 2 * len(run):
            continue  # not all double-byte
        ends = [j + 1 for j in range(len(run)) if 0x40 <= data[2 * j + 1] <= 0x7E]
        after = text[run_end] if run_end < len(text) else ""
        if after.isascii() and after.isalpha():
            ends.append(len(run))
        last = 0
        for stop in ends:
            if stop <= last:
                continue
            edit = _unmarked_stretch(text, run, data, run_start, max(last, stop - _MAX_RUN), stop, after)
            if edit is not None and not any(a < edit.end and edit.start < b for a, b in busy):
                edits.append(edit)
                last = stop
    return edits


def _unmarked_stretch(text: str, run: str, data: bytes, offset: int, low: int, stop: int, after: str) -> Edit | None:
    """The best repair of ``run[k:stop]`` for some ``k >= low``, if it gains enough."""
    swallowed = stop < len(run) or not (after.isascii() and after.isalpha())
    tail = b"" if swallowed else after.encode("ascii")
    body = data[: 2 * stop] + tail
    shifted: list[str] = []
    gains: list[float] = []
    for j in range(stop):
        if j < low:
            shifted.append("")
            gains.append(0.0)
            continue
        pair = body[2 * j + 1 : 2 * j + 3]
        try:
            repaired = pair.decode("gbk") if len(pair) == 2 else ""
        except UnicodeDecodeError:
            repaired = ""
        shifted.append(repaired)
        gains.append(commonness(repaired) - commonness(run[j]) if repaired else -99.0)
    if swallowed:
        # The last pair is (second byte, the swallowed letter): the letter comes back on its own.
        shifted[-1] = chr(data[2 * stop - 1])
        gains[-1] = 0.0
    best, total, first = 0.0, 0.0, stop
    for j in range(stop - 1, low - 1, -1):
        total += gains[j]
        if total > best:
            best, first = total, j
    n = stop - first
    if n < 3 or best < _MIN_GAIN_UNMARKED * n or len(_RARE.findall(to_simplified(run[first:stop]))) < 2:
        return None
    start = offset + first
    end = offset + stop + (0 if swallowed else 1)
    out = "".join(shifted[first:])
    return Edit(start, end, out, tuple(range(start, start + len(out))))


def _gbk_run(text: str, start: int) -> tuple[int, bytes, list[int]]:
    """The stretch of double-byte GBK characters at ``start``: its end, its bytes, each byte's character."""
    data = bytearray()
    owner: list[int] = []
    i = start
    limit = min(len(text), start + _MAX_RUN)
    while i < limit:
        char = text[i]
        if i == start and char in _ASCII_PUNCT and char != "?":
            char = chr(ord(char) + 0xFEE0)  # folded full-width punctuation
        try:
            encoded = char.encode("gbk")
        except UnicodeEncodeError:
            break
        if len(encoded) != 2:
            break
        data += encoded
        owner += [i, i]
        i += 1
    if i > start and i < len(text) and "\x40" <= text[i] <= "\x7e" and text[i] not in "()":
        following = text[i + 1] if i + 1 < len(text) else ""
        if not (following.isascii() and following.isalnum()):
            data += text[i].encode("ascii")  # the trail byte that brought decoding back in step
            owner.append(i)
            i += 1
    return i, bytes(data), owner


def _is_orphan_trail(text: str, i: int) -> bool:
    """One ASCII letter glued between a lost character and a Han character."""
    return i + 1 < len(text) and text[i].isascii() and text[i].isalpha() and "\u3400" <= text[i + 1] <= "\u9fff"


def _shift(data: bytes) -> tuple[str, bool] | None:
    """``data`` decoded one byte later; ``True`` if a lead byte is left over at the end."""
    shifted = data[1:]
    dangling = len(shifted) % 2 == 1
    if dangling:
        shifted = shifted[:-1]
    try:
        return shifted.decode("gbk"), dangling
    except UnicodeDecodeError:
        return None


def _accept(stretch: str, repaired: str, bracketed: bool) -> bool:
    before = commonness(stretch)
    if not repaired:
        # Nothing left once shifted: only believable right after a lost character
        # and if the stretch itself is made of rare characters.
        return bracketed and before < 1.0
    return commonness(repaired) - before >= _MIN_GAIN


def commonness(text: str) -> float:
    """Mean commonness of the characters of ``text`` once Simplified, 0 (rare) to 3; also picks encodings."""
    if not text:
        return 0.0
    simplified = to_simplified(text)
    return sum(_charcommonness(c) for c in simplified) / len(simplified)


def _charcommonness(char: str) -> int:
    if char in _TIER_3:
        return 3
    if char in _TIER_2:
        return 2
    if char in _TIER_1 or char in _COMMON_PUNCT:
        return 1
    return 0


# The commonest Simplified characters by frequency in jieba's dictionary, in tiers of
# 500, 1000 and 1500 (generated once; regenerate by counting dict.txt characters).
_TIER_3_TEXT = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可"
    "过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所"
    "如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城"
    "十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领"
    "队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边"
    "据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃"
    "观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
)
_TIER_2_TEXT = (
    "越局推满且列觉服双未居除乐企引标确织初青志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营"
    "足素视护副食创余照兴占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获习医演毛尽脸弹楼艺航"
    "陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射哥油刻留急降念云微伤例景拿绝阶座刘刚害印"
    "亿沙母酒助闻超审待压升送监策略限竟香配藏敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船"
    "惊核街夏宣掌田久著画辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某顾曲楚典朱毒菜判救宋"
    "茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳"
    "襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂"
    "姓泽吸侧庆妈遇追甲馆补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
    "概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉婚奖岩疑币圆歌廷健卡"
    "烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择"
    "墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦殖抓拜吨扬址洛休纵逃"
    "染纷贸透汇灭蛋森仪塔距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损"
    "壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋谓频崇壮骑紝恐享鸡虫"
    "绍铜呈泛械摆欲奶敬措爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩阻盐萨勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦"
    "淡抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊"
    "贝零映甘骂糖岳饮奋棉雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯"
    "彻桌祭符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘亩滑狗冬宏皆番尸伟桂"
    "览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟窗扎辞聘穷堰宇键荒递恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨"
)
_TIER_1_TEXT = (
    "浮薄券赤腐译租氧戴邓煤肠牧孤诏妙旨堡册锅胖柳阔吹丘趋锦颜悬陶拳诚尺晓插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘"
    "炎氏肩枝狂泊估杭扑臂哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞贷刊巡屈堆曼饰碎滚悉寄浜迟描污辅魔烦鼻盗餐"
    "幼凉仗冈澳驾銆菌肚肃爸仰抚慈扶盆仿炼纲倘碗杰忧惜扫暂祝跨渔宾漫寿猪涌凝邻赴恰劝仇践顷赋悄莱拟贤愤姆乏"
    "轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋殑熊浅沈姊返翼丧拖惨俊驱袖惠涂添牵咸详碰割侯纤柔档糊岂跪拒覆"
    "绣吓宿偶揭赖烤卢娃颗邮扇伐循衰弦凯羽枚帅锁疏搭俱帐胶赫鐨埋蒸壳剉彼脏箱浙弯瓜挡拱筹疆肿膜刷杆凶债甜泡"
    "玄贾谱夹乾遣薪灌咬尘填廊钻丛狼牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹匹亏鉴慕跌慌穆邀芳爬豫吾奸棒"
    "淮捷耕艘齿醉脂兽滴盈卵滋柴溪妃浠碍瓶辩遂怨拨肌俘挖恒励鸣肝腔偿秒拦允塑拆靖耗凌披胁吏纽烂尝垸辟耶艰佩"
    "敦疼荐厘匠柏悠壤拾乔轴妖喷掩璃孟轨歇猜晨坊桑堤畅瞎氨辨鞋昏恭畜浩迪雾丢咨擦窝洁飘捉搬奈肤愁砖辣幽嘛赢"
    "藕挤舒狮耀诊扣篮尿唤梯勾霍舌侠筋枢屏衙殷栏纠链恋惧笼寸冶弥晃叙吊哩稿娜剥拼欺榜囊汪逆骗堪猎棺胎俩郊掘"
    "匆缝乙藻携慧函辱扯嫩癌悟滩祸秉慰驰狱砍糕漏吞纬茅渠催踪叛浑牲杖鞭腺邪欣汝碳彭咐椒绳颈漆遥夷郁斑忆阀卑"
    "宴抑逻嫁扭胃仔恼贪兆庸屽僭疯侦鹰驶斩鹤猴蜂瘦赐闷柄椅轿拓扮砂傻粘辐啥鏄伪抛玻昂圳侨吟刃饱吕玛碱冯仓钦"
    "哼庞儒叉泄臭艾蓉鼠祯捧舱坝芙瘤勃敲帽吻契舟夸葡剪抖霸艳宸聪仆躺瑶谦炭卧袍猫珊溜漂衔苍坑串浆碧巷咽铸押"
    "惩迈锐颤疲滨履盒宅喀饿缠翁幻逢扁旱罕怜姻蓄磷惟槸帕掠稻劫撑姿肾胀慎哨摔谨鹅丑塘肺镑趁蜀兑哦贞禧葛仲惑"
    "蔡踢妥筒诞禀朴祀饼萄狭澶杩赔绵诱卜陀呵抹疫辰顽蓬摊倡浦账矩翠煌茂畏劣氛廉鸭瓷戈秩弗悔尉挣拐鼎芦睁脾聊"
    "株枯纱幺冻唇茫哀芬轩蛮醇棍晕嫂宙酷郧欠稷鹏孕槽栖吩姚昭罐叠墩盼舆芒酬斥捐斋簡眠脆萧璋皱卿蚀淋卓翰钉棣"
    "丫宰阐翅沃挨霖哄爵涔衫逊铭戚旺硕擅嫌赌隋肖饶沪雇罩煎丐掷誓摘竴冤坤屁竭屾宛菱厌矮潭渊俺崖氢棚喇涵裕溃"
    "堵媳抄鍙怔蒂肢瑜泌甫檐鏈寂颠撰逝霜羞铅佐帖硫蹈鍦瞬痕爽挽禅娶柯屯韵婴悦肴螺凑兹烛歼毅杉慨钧渗蜜遮窑谐"
    "厦柜匈喉愧栽扔苯谊肆霞吵屼笉夕壶赚尹窄弓谭盲勋饲窟俞嗣煮巾裤膨奠瞪珞愚膏喘姜膀蔬糟僚匾妄畴喂沔耻牺旭"
    "妨硅崩雌陛卸砸贩竖佸攀晒伞惹裹屠汁擒鳞佣渴浣叩龟雀掀唉泼亥僵屡瞒哊璇厮刮钩桐谅隙丞盯霉侄逸浸爪阙坟咳"
    "宠脖彪朕虹衍甸鳍讼虾芝涛巩熔峻怖嘿磕洒掏枣滞鈥舅昔哑焕娱芯衷捞卦旬矣茨蜡喻挪婶琉枕娇豹厨傲腕巢氯燥焚"
    "乖嘱禄赠晌鍚琦铃雁姨蹄焰虏鍒粑饥潘兀捏缔歪蕴鸦嘻俯锻骤庵吁剿禽勉膝捣茎晴厢匀灏涯梨蒲驼匪撕嗯樊搏缚垄"
    "寓愣斌麋劈旷舵薛沸丸泳绸炬缴寰贱躯褐酶嚷拌颂帜陡鍏募佑皖鎴绑啡仑麓鏉帘镖钠刹妆禾藤弊痴哇凰歧驴铝闸喃"
    "滥耍桶酱惶躬熬娥剅啸淘裙骚亨勘窃挫凿塌咖垫芽凸钙框哟翔逮舶锥怡魄灶浴蔽橡懒硝晰盏赦庐谕鄙拂菩栗琳沼圭"
    "屿砌倚棵瑰羲酿诈锌杏婉沦卤躁斧淳兔凛哎阮淫剖蕲烹姥咕蚕兜璧搅帆暇趟裸購粹吼哗冀呜瞻搁乞骇炕垮拘岃嵌笛"
    "鹃菊淀肪鞍愉犬弧蹲椎阎浏诵烘榴腥裘萝颊蟹灿摧棱琼骄凄怯淑梢丙暮媚钊沫糯驳崔谏炳畔缅襟锤觅鍑拢胪诀奢苹"
    "叮榨瀹沾傚渝枉辜髓坠瑟棕萍贿泣嫣峨憾胺甩陂寇烯钓瞅沧坪暑耸垒傍睹垜薯溢鏃谜咋缁嗓贬窜戟葱屑湁胚犁莎囚"
    "颖诡腻藩彦勫巍痒蹇芷赣湪沐膊婢粤喧逛贮恍菇諲邢绮厥澄邵耽讽衬恕烫毯仕昼闽拚勿繖桓钾膛歉膳詹坎敛碌狄沽"
    "侮垱寝妾嗽埔眷揪牡毙荫涡鍐桩锣釜瀛缮梳揽咀雍铲倦岱厄弘淤尴玲鎵祠恳粥衢戳秃瀑搂迭垃缸郝挠莽瑙瞄粟跋呐"
    "歹豚驿圾胳魁诧绒鞑谎尬陌粬讳蝶咒裔凳梭涅杈泻苇焉娟迦巫扒翊敷谣隅撇凹蚁氮苑妓綘潇禹朽寮郢伽粪诛醋栋谴"
    "隧簇踩礁庶衮笅堕噪嘲濂鲟彝柬斐沛卞篷祁耿嚼宦溯黔浇敞绞瓣傛窦蕃嶅汰鲍遏魅槐鞘钞徙讶碟琐琢滤嗤鐪蠢锰嵋"
)
_TIER_3 = frozenset(_TIER_3_TEXT)
_TIER_2 = frozenset(_TIER_2_TEXT)
_TIER_1 = frozenset(_TIER_1_TEXT)
# A character outside the commonest 3000 (and not ASCII or common punctuation).
_COMMON_TEXT = _TIER_3_TEXT + _TIER_2_TEXT + _TIER_1_TEXT + "".join(_COMMON_PUNCT)
_RARE = re.compile("[^" + _COMMON_TEXT + "\\x00-\\x7f\\ufffd]")

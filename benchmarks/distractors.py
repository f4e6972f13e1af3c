"""Deterministic Chinese distractor documents: provincial and city policy texts on the same theme.

Each document reads like a 实施意见 or 工作方案 (title, issuing body, date, numbered sections of
policy sentences with targets and figures), 1,500–3,500 characters, about the places, industries
and measures the eval questions ask about — so they compete with the real passages instead of
being trivially different. Same `n` and seed, same documents, on any machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

PLACES = [
    "河北省",
    "石家庄市",
    "唐山市",
    "保定市",
    "辽宁省",
    "沈阳市",
    "大连市",
    "山东省",
    "济南市",
    "青岛市",
    "烟台市",
    "陕西省",
    "西安市",
    "宝鸡市",
    "上海市",
    "浦东新区",
    "江苏省",
    "苏州市",
    "无锡市",
    "浙江省",
    "杭州市",
    "宁波市",
    "安徽省",
    "合肥市",
    "芜湖市",
    "湖北省",
    "武汉市",
    "襄阳市",
    "湖南省",
    "长沙市",
    "株洲市",
    "四川省",
    "成都市",
    "绵阳市",
    "重庆市",
    "两江新区",
    "广东省",
    "深圳市",
    "广州市",
    "东莞市",
    "福建省",
    "厦门市",
    "泉州市",
    "河南省",
    "郑州市",
    "洛阳市",
    "江西省",
    "南昌市",
    "赣州市",
    "山西省",
    "太原市",
    "吉林省",
    "长春市",
    "黑龙江省",
    "哈尔滨市",
    "贵州省",
    "贵阳市",
    "云南省",
    "昆明市",
    "甘肃省",
    "兰州市",
    "广西壮族自治区",
    "南宁市",
    "内蒙古自治区",
    "呼和浩特市",
    "天津市",
    "滨海新区",
    "北京市",
    "海淀区",
    "新疆维吾尔自治区",
    "乌鲁木齐市",
    "宁夏回族自治区",
    "银川市",
    "青海省",
    "西宁市",
    "海南省",
    "海口市",
]
INDUSTRIES = [
    "新能源汽车",
    "集成电路",
    "生物医药",
    "人工智能",
    "低空经济",
    "新材料",
    "高端装备",
    "工业母机",
    "现代种业",
    "氢能",
    "储能",
    "商业航天",
    "智能网联汽车",
    "先进计算",
    "光伏",
    "海洋工程装备",
    "轨道交通装备",
    "医疗器械",
    "软件和信息服务",
    "绿色化工",
    "现代纺织",
    "食品加工",
    "数字创意",
    "机器人",
    "量子科技",
    "北斗应用",
    "新型显示",
    "节能环保",
]
PLATFORMS = [
    "中试基地",
    "概念验证中心",
    "制造业创新中心",
    "技术创新中心",
    "产业技术研究院",
    "新型研发机构",
    "重点实验室",
    "工程研究中心",
    "孵化器",
    "众创空间",
    "科技成果转化服务平台",
    "产业创新综合体",
    "共性技术平台",
]
BODIES = ("人民政府办公厅", "科学技术厅", "发展和改革委员会", "工业和信息化厅", "科技局", "工信局")
KINDS = ("实施意见", "工作方案", "行动计划", "若干措施", "实施方案", "三年行动方案")
THEMES = (
    "推动科技创新和产业创新深度融合",
    "加快发展新质生产力",
    "促进科技成果转化",
    "强化企业科技创新主体地位",
    "培育壮大战略性新兴产业",
    "建设现代化产业体系",
    "推进制造业数字化转型",
    "完善科技金融服务体系",
)
SECTIONS = [
    "总体要求",
    "主要目标",
    "重点任务",
    "强化企业创新主体地位",
    "推进成果转化和产业化",
    "建设高能级创新平台",
    "壮大创新型产业集群",
    "加强科技金融支撑",
    "集聚创新人才",
    "优化创新生态",
    "保障措施",
    "组织实施",
]
SENTENCES = (
    "到{year}年，{place}{industry}产业规模力争突破{big}亿元，规模以上工业企业研发投入强度达到{pct}%。",
    "支持{industry}领域龙头企业牵头组建创新联合体，每年实施关键核心技术攻关项目{n}项左右。",
    "布局建设{platform}{n}个，面向中小企业开放共享仪器设备，服务企业{big}家次以上。",
    "对新认定的国家级{platform}，一次性给予{m}万元奖补；省级的给予{small}万元支持。",
    "实施科技型中小企业梯次培育行动，新增高新技术企业{big}家，专精特新“小巨人”企业{n}家。",
    "鼓励高校院所以许可、转让、作价入股等方式向企业转移科技成果，技术合同成交额年均增长{pct}%以上。",
    "设立总规模{m}亿元的{industry}产业投资基金，引导社会资本投早、投小、投长期、投硬科技。",
    "推广“科技贷”“知识产权质押融资”等产品，年内新增科技型企业贷款{big}亿元。",
    "围绕{industry}产业链薄弱环节，编制技术攻关清单，采取“揭榜挂帅”方式组织实施。",
    "支持企业建设首台（套）装备、首批次材料、首版次软件应用场景，每年发布应用场景清单{n}批。",
    "建立“企业出题、科研机构答题、政府助题”的协同机制，推动{industry}科研成果在本地转化落地。",
    "引进培育{industry}领域高层次人才团队{n}个，对带项目落地的团队给予最高{m}万元资助。",
    "推行科技特派员制度，选派{big}名科技特派员深入园区和企业开展技术服务。",
    "开展职务科技成果赋权改革试点，赋予科研人员成果所有权或长期使用权，试点单位扩大到{n}家。",
    "实施“智改数转网联”工程，推动{big}家规上企业完成数字化改造，建设智能工厂{n}个。",
    "完善技术转移机构体系，培养技术经理人{big}名，建设区域性技术交易市场{small}个。",
    "优化创新券政策，企业购买检验检测、研发设计等服务可按{pct}%比例抵扣，单家最高{small}万元。",
    "建立重点产业链“链长制”，{place}主要负责同志担任{industry}产业链链长，统筹推进强链补链延链。",
    "推进产学研用协同，每年组织{industry}供需对接活动{n}场以上，促成合作项目{big}项。",
    "健全以创新能力、质量、实效、贡献为导向的科技人才评价体系，破除“四唯”倾向。",
    "加强知识产权保护，建设知识产权保护中心，专利快速预审周期压缩至{n}个工作日。",
    "各地各部门要强化组织领导，建立工作台账，定期调度推进情况，确保各项任务落地见效。",
    "对年度研发投入增量超过{small}万元的企业，按增量部分的{pct}%给予后补助。",
    "打造{industry}产业集群，培育产值超百亿元企业{n}家，形成“龙头带动、配套协同”的发展格局。",
    "发挥{platform}作用，开展小批量试制、工艺验证和检验检测，缩短成果从样品到产品的周期。",
)


def _fill(template: str, rng: random.Random, place: str, industry: str) -> str:
    return template.format(
        year=rng.choice((2025, 2026, 2027, 2028, 2030)),
        place=place,
        industry=industry,
        platform=rng.choice(PLATFORMS),
        pct=f"{rng.randint(15, 60) / 10:g}",
        n=rng.randint(3, 60),
        m=rng.choice((50, 100, 200, 300, 500, 1000)),
        small=rng.choice((10, 20, 30, 50, 80)),
        big=rng.randint(100, 3000),
    )


def document(number: int, seed: int = 20251122) -> tuple[str, str]:
    """(file name, text) of distractor `number`."""
    rng = random.Random(seed * 1_000_003 + number)
    place = rng.choice(PLACES)
    industries = rng.sample(INDUSTRIES, 3)
    title = f"{place}关于{rng.choice(THEMES)}的{rng.choice(KINDS)}"
    date = f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [title, f"{place}{rng.choice(BODIES)}　{date}", ""]
    target = rng.randint(1500, 3500)
    size = sum(map(len, lines))
    ordinals = "一二三四五六七八九十"
    for i, heading in enumerate(rng.sample(SECTIONS, len(ordinals))):
        if size >= target:
            break
        lines.append(f"{ordinals[i]}、{heading}")
        paragraph = "".join(
            _fill(rng.choice(SENTENCES), rng, place, rng.choice(industries))
            for _ in range(rng.randint(3, 7))
        )
        lines.append(paragraph)
        size += len(heading) + len(paragraph)
    return f"distractor-{number:05d}.txt", "\n".join(lines) + "\n"


def documents(count: int, seed: int = 20251122) -> Iterator[tuple[str, str]]:
    for number in range(count):
        yield document(number, seed)

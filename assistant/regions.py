"""China's 34 provincial-level divisions, by full name, short name or one-character abbreviation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    short: str
    abbreviation: str
    cities: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.name, self.short, *self.cities)


_TABLE = """
北京市 北京 京 中关村
天津市 天津 津 滨海新区
河北省 河北 冀 雄安 石家庄 唐山 保定 廊坊
山西省 山西 晋 太原
内蒙古自治区 内蒙古 蒙 呼和浩特 包头
辽宁省 辽宁 辽 沈阳 大连
吉林省 吉林 吉 长春
黑龙江省 黑龙江 黑 哈尔滨
上海市 上海 沪 浦东 张江
江苏省 江苏 苏 南京 苏州 无锡
浙江省 浙江 浙 杭州 宁波
安徽省 安徽 皖 合肥
福建省 福建 闽 福州 厦门
江西省 江西 赣 南昌
山东省 山东 鲁 青岛 济南 烟台
河南省 河南 豫 郑州
湖北省 湖北 鄂 武汉
湖南省 湖南 湘 长沙
广东省 广东 粤 广州 深圳 东莞
广西壮族自治区 广西 桂 南宁
海南省 海南 琼 海口
重庆市 重庆 渝
四川省 四川 川 成都
贵州省 贵州 黔 贵阳
云南省 云南 云 昆明
西藏自治区 西藏 藏 拉萨
陕西省 陕西 陕 西安 秦创原
甘肃省 甘肃 甘 兰州
青海省 青海 青 西宁
宁夏回族自治区 宁夏 宁 银川
新疆维吾尔自治区 新疆 新 乌鲁木齐
台湾省 台湾 台 台北
香港特别行政区 香港 港
澳门特别行政区 澳门 澳
"""

# Places outside China that a question may name; the corpus covers none of them.
FOREIGN = (
    "美国",
    "欧盟",
    "欧洲",
    "日本",
    "韩国",
    "德国",
    "英国",
    "法国",
    "俄罗斯",
    "印度",
    "台积电",
)


@cache
def provinces() -> tuple[Province, ...]:
    rows = [line.split() for line in _TABLE.strip().splitlines()]
    return tuple(Province(r[0], r[1], r[2], tuple(r[3:])) for r in rows)


def find_province(name: str) -> Province | None:
    """Look a province up by full name, short name or abbreviation (河北省, 河北, 冀)."""
    name = name.strip()
    for province in provinces():
        if name in (province.name, province.short, province.abbreviation):
            return province
    return None


@cache
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for p in provinces() for a in p.aliases}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, aliases)))


def find_provinces(text: str) -> list[Province]:
    """Provinces named in free text (full or short names and their main cities), in order."""
    found: list[Province] = []
    for match in _alias_pattern().finditer(text):
        province = next(p for p in provinces() if match.group() in p.aliases)
        if province not in found:
            found.append(province)
    return found


def find_foreign_places(text: str) -> list[str]:
    return [place for place in FOREIGN if place in text]

"""Numbers and ranks in every script, normalised so that two texts can be compared.

千家 and 1000家 are the same figure, 千家 and 万家 are not; 两成 is 2成, 三分之一 is 1/3, 第一, 首个, 首位
and 首次 are 第1; 再次, 最大, 前列 are ranks of their own. A figure or rank a passage does not state
is wrong, whatever script either is written in.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from . import lexicon
from .clean import closed_up_figures
from .mixed_figures import in_one_figure

_DIGIT = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10_000, "亿": 100_000_000}
_CN = NUMERAL_CHARACTERS = "零〇一二三四五六七八九十百千万亿两"
# 2,400万, 1.5亿; 千 and 百 are magnitudes, but not the 千 of 千克, 千米, 千瓦 (units of their own)
_ARABIC = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?)"
    r"\s*(?:[多余](?=万|亿|千|百))?(?:%|％|万亿|亿|万|千(?![克米瓦帕卡伏赫焦])|百)?"
)  # 2000多亿 is of 2000亿 (more than it)
# 2021－2025年: ranges and dates keep each of their numbers
_FRACTION = re.compile(rf"([{_CN}\d]+)分之([{_CN}\d]+)")
_ORDINAL = re.compile(rf"第([{_CN}\d]+)")
# the 一 ending a word (唯一, 统一, 逐一) is no numeral, what follows it starts one (统一三项)
_AFTER_ONE = "(?!(?<=[唯统同单划专逐])一)|(?<=[唯统同单划专逐]一)"
_START = rf"(?:(?<![\d{_CN}]){_AFTER_ONE})"
_RUN = re.compile(
    rf"{_START}(?!一一(?![{_CN}]))[{_CN}]{{2,}}(?![{_CN}])"
)  # 十四五, 三十五; not 一一
_HALF = re.compile(r"一半|半数")  # 二分之一
# 连续第五年 counts years, as 连续五年 does: a figure, not a rank
_CONSECUTIVE = re.compile(rf"连续第(?=[{_CN}\d])")


def chinese_value(numeral: str) -> int | None:
    """三十五 → 35, 一千二百 → 1200, 千 → 1000, 两 → 2, 百万 → 1000000; None if it is no number."""
    if not numeral or any(ch not in _CN for ch in numeral):
        return None
    total, tens_of_thousands, section, digit = 0, 0, 0, None
    for ch in numeral:
        if ch in "零〇" and digit is None and (section or total or tens_of_thousands):
            continue  # 七百零四: a place held empty
        if ch in _DIGIT:
            if digit is not None:  # 十四五, 二〇二四: a name or a year, read digit by digit
                return None
            digit = _DIGIT[ch]
        elif ch in _SMALL:
            section += (digit if digit is not None else 1) * _SMALL[ch]
            digit = None
        elif ch == "万":  # multiplies what came since 亿 (百万 = 100 × 10000)
            tens_of_thousands = ((section + (digit or 0)) or 1) * _LARGE[ch]
            section, digit = 0, None
        else:  # 亿 multiplies all before it (二亿一千七百万 = 2亿 + 1700万; 万亿 = 10000 × 亿)
            total = ((total + tens_of_thousands + section + (digit or 0)) or 1) * _LARGE[ch]
            tens_of_thousands, section, digit = 0, 0, None
    return total + tens_of_thousands + section + (digit or 0)


@cache
def _counted() -> re.Pattern[str]:
    """A Chinese numeral counting something: followed by a measure word (三项, 千家, 两成)."""
    units = _measure_words()
    # 千余年, 一千多年: an approximate count is the same figure
    after = rf"(?:余|多)?(?:{units})|(?:余|多)(?:万亿|亿|万)|成|分之|倍|中全会|届|期|轮|号|大"
    after += rf"|(?:到|至|～|~)[{_CN}]+(?:{units})"  # 四到六个: the range's first figure too
    # 千米, 千克: a unit of its own, no figure (三千米 is one); 四周, 四处: all around, unless a
    # time or a count follows (四周后, 四周内)
    around = r"四[周处](?!后|内|时间|左右|以上|以来|之内|之后)"
    # … not the magnitude of one (二千四百多|万人: the 万 of 2400多万)
    start = rf"(?:(?<![\d.{_CN}])(?<![\d{_CN}][余多]){_AFTER_ONE})"
    return re.compile(rf"{start}(?!千[克米瓦帕卡伏赫焦]|{around})([{_CN}]+)(?={after})")


@cache
def _measure_words() -> str:
    """The units a figure may carry, without the magnitudes (三千二百|万 is one figure)."""
    units = [u for u in lexicon.words("expressions", "units") if u not in _MAGNITUDES]
    units += lexicon.words("expressions", "pieces")  # 两道, 三截
    return "|".join(map(re.escape, sorted(units, key=len, reverse=True)))


_MAGNITUDES = frozenset(["万", "亿", "千", "百", "万亿"])


def all_in_digits(text: str) -> str:
    """The text with every figure in digits, however it is written (一九八○年的二亿一千七百万吨
    → 1980年的217000000吨, 百分之五十 → 50%, 4·3％ → 4.3%): for comparing, never for quoting."""
    return in_digits(digits_for_spelled(text))


def in_digits(text: str) -> str:
    """The text with every counting Chinese numeral in digits (二十三岁 → 23岁, 三项 → 3项):
    for matching a question's figures, not for quoting."""
    return _counted().sub(lambda m: _with_magnitude(m.group(1)), text)


def _with_magnitude(numeral: str) -> str:
    """三百二十六亿 → 326亿 (as figures are written in digits), 二十三 → 23, 二亿一千万 → 210000000."""
    head, last = numeral[:-1], numeral[-1:]
    if last in _LARGE and head and not set(head) & set(_LARGE):
        value = chinese_value(head)
        if value is not None:
            return f"{value}{last}"
    return _value(numeral)


def _value(token: str) -> str:
    if token.replace(".", "", 1).isdigit():
        return token
    value = chinese_value(token)
    return str(value) if value is not None else token


_MAGNITUDE = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 100}


def _arabic(number: str) -> str:
    """41万 → 410000, 14.2% → 14.2%, 3万亿 → 3000000000000: the figure as one value."""
    number = re.sub(r"[\s,多余]+", "", number).replace("％", "%")  # 750,000 is 750000
    if number.endswith("%"):
        return number
    for word, size in _MAGNITUDE.items():
        if number.endswith(word):
            return _plain(Decimal(number[: -len(word)]) * size)  # 2.3亿 is exactly 230000000
    return _plain(Decimal(number))


def as_percent(value: str) -> str:
    """A fraction as the percentage it is (1/2 → 50%, 3/4 → 75%); any other value as it is."""
    numerator, slash, denominator = value.partition("/")
    if not slash or not (numerator.isdigit() and denominator.isdigit()) or denominator == "0":
        return value
    return f"{_plain(round(int(numerator) / int(denominator) * 100, 2))}%"


def _plain(value: float | Decimal) -> str:
    exact = Decimal(str(value)) if isinstance(value, float) else value
    return str(int(exact)) if exact == exact.to_integral_value() else f"{exact.normalize():f}"


def figures(text: str) -> set[str]:
    """Every figure of the text as one value, whatever the script: 41万 → 410000, 千家 → 1000,
    五年 → 5, 两成 → 20%, 三分之一 → 1/3, 14.2% stays; a numeral read digit by digit (十四五)
    stays as written. Units are not compared: 五年 and 5年来 state the same figure."""
    return set(written_figures(text))


_WIDE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# 6,476 and, in older print, ３，０３６万担 or 5，905万人: a comma between thousands (a figure
# right before it, three digits and a unit after)
_THOUSANDS = re.compile(
    r"(?<=\d),(?=\d{3}(?!\d))|(?<=[０-９])，(?=[０-９]{3}(?![０-９]))"
    r"|(?<=\d)，(?=\d{3}(?![\d.，,])[万亿千百多余个人元吨件])"
)
_DOT_DECIMAL = re.compile(r"(?<=\d)[·・](?=\d+\s*[%％])")  # 4·3％ in older print; 5·12 is a date
_DIGIT_CHARS = "〇○零一二三四五六七八九"
# 一九五四年, 一九八○年, and the first year of 一九七四到一九七六年
_SPELLED_YEAR = re.compile(
    rf"[{_DIGIT_CHARS}]{{4}}(?=年|(?:到|至|—|－|-|～|~)[{_DIGIT_CHARS}]{{4}}年)"
)
_DECADE = re.compile(r"(?<!\d)(\d{2})世纪(\d0)年代")  # 19世纪80年代 is the 1880年代
_PLAN = re.compile(rf"第([{_CN}]+)个五年(计划|规划)")  # 第六个五年计划 is the 六五计划
_PERCENT = re.compile(rf"百分之([{_CN}]+)(?:点([{_DIGIT_CHARS}]+))?")  # 百分之二十六点七
_TAEL = re.compile(rf"(?<=[万亿])两(?![{_CN}])")
_TEN_THOUSAND_TEN_THOUSANDS = re.compile(rf"(?<=[{_CN}\d])万万")
# 四五十年, 五至六十年代, 三、四百人: two neighbouring digits before the magnitude give a range
_ABOUT = re.compile(
    r"(?<![\d十百千万亿第])([一二三四五六七八九两])(?:至|到|、)?([二三四五六七八九])([十百千万])"
)


@cache
def _decimal_pattern() -> re.Pattern[str]:
    """二点八倍, 三点五万, 一点二所: a multiple, a magnitude or a unit follows (not 九点三十分,
    这一点一定要)."""
    after = rf"倍|万|亿|个百分点|{_measure_words()}"
    return re.compile(rf"([{_CN}]+)点([{_DIGIT_CHARS}]+)(?={after})")


def spelled_years(year: str) -> list[str]:
    """The ways older texts spell a year (1980 → 一九八〇年, 一九八○年, 一九八零年)."""
    digits = "".join("零一二三四五六七八九"[int(d)] for d in year)
    return list(dict.fromkeys(f"{digits.replace('零', zero)}年" for zero in "〇○零"))


def _digit_by_digit(numeral: str) -> str:
    return "".join(str(_DIGIT.get(ch, 0)) for ch in numeral)


def digits_for_spelled(text: str) -> str:
    """Figures spelled out in words or older print, in digits: 一九五四年 → 1954年, 百分之二十六点七
    → 26.7%, 二点八倍 → 2.8倍, 4·3％ → 4.3%, full-width digits half-width."""
    text = _DOT_DECIMAL.sub(".", _THOUSANDS.sub("", text).translate(_WIDE))
    text = _TEN_THOUSAND_TEN_THOUSANDS.sub("亿", closed_up_figures(text))  # 七万万两 is 7亿两
    text = _TAEL.sub(" 两", text)  # … and its 两 a tael, not a 2
    text = _SPELLED_YEAR.sub(lambda m: _digit_by_digit(m.group()), text)
    text = _DECADE.sub(lambda m: f"{int(m.group(1)) - 1}{m.group(2)}年代", text)
    text = _PLAN.sub(lambda m: f"{m.group(1)}五{m.group(2)}", text)
    text = in_one_figure(text)  # 3万2471, 4亿零700多万, 1/4
    text = _ABOUT.sub(_range_about, text)

    text = _PERCENT.sub(lambda m: _decimal(m, "%"), text)
    return _decimal_pattern().sub(lambda m: _decimal(m, ""), text)


def _range_about(match: re.Match[str]) -> str:
    """四五十 → 40至50 (an approximate range), as written when the digits are not neighbours."""
    low, high, size = _DIGIT[match.group(1)], _DIGIT[match.group(2)], _SMALL.get(match.group(3))
    if high != low + 1:
        return match.group()
    size = size or _LARGE[match.group(3)]
    return f"{low * size}至{high * size}"


def _decimal(match: re.Match[str], suffix: str) -> str:
    """百分之二十六点七 → 26.7%, 二点八 → 2.8; the match as written when it is no number."""
    whole, fraction = match.group(1), match.group(2)
    value = _value(whole)
    if not value.isdigit():
        return match.group()
    return value + (f".{_digit_by_digit(fraction)}" if fraction else "") + suffix


# 七亿七千多万 is of 七亿七千万 (more than it), as 2000多亿 is of 2000亿; 一百一十几万, 十数万 too
_MORE_THAN = re.compile(rf"(?<=[{_CN}])[多余几数](?=[万亿])")


def written_figures(text: str) -> dict[str, str]:
    """`figures`, each value with the words it was first written in (990000 → 99万)."""
    found: dict[str, str] = {}
    text = _CONSECUTIVE.sub("连续", digits_for_spelled(_MORE_THAN.sub("", text)))
    for match in _ARABIC.finditer(_ORDINAL.sub(" ", _FRACTION.sub(" ", text))):  # 第1位: a rank
        found.setdefault(_arabic(match.group()), match.group().strip())
    for match in _FRACTION.finditer(text):
        found.setdefault(f"{_value(match.group(2))}/{_value(match.group(1))}", match.group())
    for match in _HALF.finditer(text):  # 一半, 半数 = 二分之一
        found.setdefault("1/2", match.group())
    stripped = _ORDINAL.sub(" ", _FRACTION.sub(" ", text))
    for match in _counted().finditer(stripped):
        numeral = match.group(1)
        if numeral == "一":  # 一个, 一项: an article, not a figure anyone changes
            continue
        value = _value(numeral)
        following = stripped[match.end() : match.end() + 1]
        shown = numeral + following
        found.setdefault(
            f"{int(value) * 10}%" if following == "成" and value.isdigit() else value, shown
        )
    for match in _RUN.finditer(stripped):
        found.setdefault(_value(match.group()), match.group())
    return found


@cache
def _rank_words() -> re.Pattern[str]:
    return re.compile(lexicon.alternation("expressions", "ranks"))


def ranks(text: str) -> set[str]:
    """Ordinals and ranks (第一 → 第1, 首位, 首次, 再次, 最大, 前列), normalised."""
    text = _PLAN.sub(lambda m: f"{m.group(1)}五{m.group(2)}", _CONSECUTIVE.sub("连续", text))
    text = _TOP.sub(r"最\1", text)  # 第一大城市 is the 最大 one
    found = {f"第{_value(m.group(1))}" for m in _ORDINAL.finditer(text)}
    found |= {f"第{_value(m.group(1))}次" for m in _TIME_ORDINAL.finditer(text)}
    # 十二届全国人大: a session counted without 第 is the 12th all the same
    found |= {f"第{_value(m.group(1))}" for m in _SESSION.finditer(text)}
    found |= {"第1" for _ in _FIRST_OF.finditer(text)}  # 首部, 首届, 首座 … are 第一部 …
    found |= {f"第{_value(m.group(1))}次" for m in _TIMES.finditer(text)}  # 3度接任: the 3rd time
    words = {_MOST.get(m.group(), m.group()) for m in _rank_words().finditer(text)}
    return found | {_FIRST.get(w, "第1" if _FIRST_OF.match(w) else w) for w in words}


_TOP = re.compile("第[一1]([大高多])")
# the top or bottom of a scale, however measured: 增幅最高 is 涨得最多
_MOST = {"最多": "最大", "最高": "最大", "最少": "最小", "最低": "最小"}


# 十二届全国人大, 七届二中全会: a session before the body it is of (not 新一届, 连续七届)
_SESSION = re.compile(
    rf"(?<![第\d{_CN}新上下这那每本该历])([{_CN}\d]{{1,3}})届"
    r"(?=全国|人大|政协|中央|[一二三四五六七八九十]中全会|代表大会|运动会|世界杯)"
)
# 3度接任, 两度出任: the third, the second time (not 30度高温, 一度 “for a while”)
_TIMES = re.compile(rf"(?<![第\d{_CN}])([二两三四五六七八九\d])度(?=[出接担当任获夺入进再回蝉连])")
_FIRST_OF = re.compile("首(?=[部届座款台家个位批次架艘项本张期轮场季])")
# 第二次, 第3回: a time, which 两度 counts too (第二位 is no time: 两度获得 is not 第二位获得者)
_TIME_ORDINAL = re.compile(rf"第([{_CN}\d]+)(?=次|回)")


_FIRST = dict.fromkeys(["首个", "首位", "首批", "首次", "最先", "最早", "最初", "初次"], "第1")
# 首个 is 第一个 …

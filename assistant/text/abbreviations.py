"""Short forms written out for searching and checking: official names (GDP → 国内生产总值, 博导 →
博士生导师) and provinces' one-character abbreviations standing alone (冀 → 河北)."""

from __future__ import annotations

import re
from functools import cache, partial
from importlib import resources

from . import lexicon
from .chars import CJK
from .regions import provinces
from .segment import is_dictionary_word, jieba_tokenizer, tagged


@cache
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    path = resources.files("assistant.data").joinpath("lexicon", "abbreviations.txt")
    lines = path.read_text("utf-8").splitlines()
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    pairs.sort(key=lambda pair: -len(pair[0]))
    # Expand a short form only where the full form is not already written out, and a Latin one
    # only as a word of its own (AI, not the AI of OpenAI or AIDS).
    return tuple(
        (
            re.compile(
                rf"{_latin_edge(short)}{re.escape(short)}(?!{re.escape(full[len(short) :])})"
                rf"{_latin_edge(short, after=True)}"
            ),
            full,
        )
        for short, full in pairs
    )


def written_out_forms() -> frozenset[str]:
    """The official names short forms stand for (工业和信息化部, 人力资源和社会保障)."""
    return frozenset(full for _, full in _abbreviations())


def _latin_edge(short: str, *, after: bool = False) -> str:
    """A lookaround keeping a short form of Latin letters from matching within a longer word."""
    if not re.fullmatch(r"[A-Za-z&]+", short):
        return ""
    return "(?![A-Za-z])" if after else "(?<![A-Za-z])"


def expand_abbreviations(text: str) -> str:
    """Write out common short forms of official names (博导 → 博士生导师, GDP → 国内生产总值)
    and provinces' one-character abbreviations standing alone (冀 → 河北) for searching — not
    within quotation marks or 《》: what is quoted is quoted as written (“AI+工业互联网”)."""
    pieces = _QUOTED.split(text)  # the quotations at odd positions
    written = text  # as written out so far (博导组 → 博士生导师组: 博导 is done)
    for pattern, full in _abbreviations():
        if full not in written:
            pieces = [
                p if i % 2 else pattern.sub(partial(_written_out, full), p)
                for i, p in enumerate(pieces)
            ]
            written = "".join(pieces)
    return _expand_provinces(written)


_QUOTED = re.compile(r"(“[^“”]*”|《[^《》]*》)")


def _written_out(full: str, match: re.Match[str]) -> str:
    """The full form, unless the short form's two ends each make a word with the character
    beside them (科|技改|造 is 科技|改造): words cut across, no short form."""
    text, start, end = match.string, match.start(), match.end()
    across = (
        start > 0
        and end < len(text)
        and is_dictionary_word(text[start - 1 : start + 1])
        and is_dictionary_word(text[end - 1 : end + 1])
    )
    return match.group() if across else full


@cache
def _standalone(section: str = "standalone_abbreviations") -> dict[str, str]:
    chars = set(lexicon.words("entities", section))
    return {p.abbreviation: p.short for p in provinces() if p.abbreviation in chars}


_AFTER_OPENING = frozenset("在的那这对和与有要是")  # 苏|在, 浙|的, 川|那篇 (京急 is a railway)


def _opens_as_province(text: str, first_word: str, opening: dict[str, str]) -> bool:
    """The question opens with a province's abbreviation too common to stand for it elsewhere,
    on its own (not 苏州, 京剧) and before a preposition, pronoun or particle (苏在, 浙的, 川那篇)
    or a space (苏 那边……: typed as a keyword)."""
    if len(text) < 2 or text[0] not in opening:
        return False
    if len(first_word) > 1 and first_word in jieba_tokenizer().FREQ:
        return False
    return text[1] in _AFTER_OPENING or text[1].isspace()


def _expand_provinces(text: str) -> str:
    """冀 in “冀拿哪些指标” or “冀和辽” is 河北; 冀 inside a word jieba knows (冀中) is not."""
    standalone, opening = _standalone(), _standalone("opening_abbreviations")
    if not any(ch in text for ch in standalone) and text[:1] not in opening:
        return text
    out = []
    words = jieba_tokenizer().lcut(text)
    if _opens_as_province(text, words[0], opening):
        return opening[text[0]] + _expand_provinces(text[1:])  # 苏在……出了哪些政策: 江苏
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in jieba_tokenizer().FREQ and len(word) > 1:
            out.append(word)  # a dictionary word: 辽阔, 鲁莽, 冀中
        elif (out and out[-1].endswith(("·", "・"))) or _is_name_part(following):
            out.append(word)  # the start of a foreign name: 蒙|泰罗, 蒂亚戈·蒙|泰罗
        else:
            out.append("".join(standalone.get(ch, ch) for ch in word))
    return "".join(out)


def _is_name_part(word: str) -> bool:
    """A word jieba files as (part of) a transliterated person's name (泰罗, 维勒)."""
    return len(word) > 1 and tagged(word)[0][1] in ("nrt", "nrfg")


_SHORT_FORM_MIN = 3  # characters of a short form read as one of a longer name (北大 is too short)
_SHORT_FORM_SPAN = 3  # times its length, at most, the name it shortens may run
_NAME_STRETCH = re.compile(f"[{CJK}]+")


def shortened_from(short: str, text: str) -> bool:
    """The short form is a name of the text shortened the usual way — its characters in order,
    the first and the last the name's own (农业社 of 农业生产合作社, 国家队 of 国家举重队, 新农合
    of 新型农村合作医疗's 新型农村合)."""
    if len(short) < _SHORT_FORM_MIN or not _NAME_STRETCH.fullmatch(short):
        return False
    longest = _SHORT_FORM_SPAN * len(short)
    for stretch in _NAME_STRETCH.findall(text):
        for start in (i for i, ch in enumerate(stretch) if ch == short[0]):
            window = stretch[start : start + longest]
            ends = [i for i, ch in enumerate(window) if ch == short[-1] and i >= len(short)]
            if any(_in_order(short[1:-1], window[1:end]) for end in ends):
                return True
    return False


def initials_of(short: str, text: str) -> bool:
    """A two-character short form made of the first characters of two words the text says one
    after the other (科创 of 科技|创新, 技转 of 技术|转移): each word two characters long and
    in the dictionary."""
    if len(short) != 2 or not _NAME_STRETCH.fullmatch(short):
        return False
    for match in re.finditer(f"(?={re.escape(short[0])}.{re.escape(short[1])}.)", text):
        at = match.start()
        if is_dictionary_word(text[at : at + 2]) and is_dictionary_word(text[at + 2 : at + 4]):
            return True
    return False


def _in_order(inner: str, text: str) -> bool:
    """Every character of `inner` is in `text`, in the same order (not necessarily together)."""
    at = iter(text)
    return all(ch in at for ch in inner)


_PLAN_PERIOD = re.compile(r"([一二三四五六七八九十]{1,3})五(?:计划|规划|时期|期间)?")


def plan_period_in(short: str, text: str) -> bool:
    """“六五”, “十四五”计划: the five-year plan the text writes out (第六个五年计划)."""
    match = _PLAN_PERIOD.fullmatch(short)
    return bool(match) and f"第{match.group(1)}个五年" in text

"""A statement the passage makes of one place, moved to another the passage also names.

“中部地区，重点是继续加强粮食主产区……。东部地区，重点是推进产业结构优化升级……” — a sentence
saying 东部地区的重点是继续加强粮食主产区…… names a place the passage has and restates a clause
it has: every check of names and words passes. So the clause is aligned with the passage clause
it restates (`restated.py`), and the places named in that clause's passage sentence are read:
when they are others, and the sentence's place is not among them, the statement was moved.
"""

from __future__ import annotations

import re

from ..text import lexicon
from ..text.cities import find_cities
from ..text.regions import find_foreign_places, find_provinces, region_groups
from ..text.segment import general_frequency, is_dictionary_word, tagged
from .cited import Cited
from .restated import aligned

_SENTENCE_END = re.compile(r"[。；;！？!?]")
_TAIL = 12  # characters of the restated stretch that find its passage sentence


def moved_place(sentence: str, cited: Cited) -> list[str]:
    """Issues for each place a clause names where its passage sentence names another."""
    issues = []
    regions = {p.name for r in cited.regions for p in find_provinces(r)} | set(cited.regions)
    for part in aligned(sentence, cited):
        source = part.source.strip().rstrip("。；;！？!?")
        tail = source[-_TAIL:]
        home = next((s for s in _SENTENCE_END.split(cited.text) if tail and tail in s), "")
        theirs, mine = places_in(home), places_in(part.clause)
        issues += _unit_exchanged(part.changes, cited)
        if not theirs or set(mine.values()) & set(theirs.values()):
            continue  # the clause names the passage sentence's place too: more, not moved
        for name, place in mine.items():
            if name in home or name not in cited.text or place in regions:
                continue  # said there, nowhere in the passages (`claims._places`), or the
                # region of the text (a passage of the 河北 text need not repeat 河北)
            issues.append(f"原文此处说的是{next(iter(theirs))}，不是{name}")
    issues += _event_moved(sentence, cited) + _within_province(sentence, cited)
    return list(dict.fromkeys(issues))


def _within_province(sentence: str, cited: Cited) -> list[str]:
    """A place the sentence puts in a province (山西太谷人, 今河南开封）) where the passages put
    another of that province (山西省榆次人, 今河南洛阳）) and never name the sentence's."""
    theirs = _in_provinces(cited.text)
    return [
        f"原文说的是{province}{there}，不是{name}"
        for province, name in _in_provinces(sentence)
        if name not in cited.text
        for there in [t for p, t in theirs if p == province and t != name][:1]
    ]


def _in_provinces(text: str) -> list[tuple[str, str]]:
    """(province, place) for each two-character place a text writes right after a province's name
    and before 人, 市, 县 or a closing bracket."""
    found = []
    for province in find_provinces(text):
        for alias in (province.name, province.short):
            for at in re.finditer(
                rf"{re.escape(alias)}省?([\u4e00-\u9fff]{{2}})(?=[人市县）)])", text
            ):
                found.append((province.short, at.group(1)))
    return found


# a named administrative unit: 从化区, 多久市, 开化县 (the name is two to four characters)
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,4}[省市县区镇乡村州]")


def _unit_exchanged(changes: tuple[tuple[str, str], ...], cited: Cited) -> list[str]:
    """A unit named in place of the passage's unit of the same level (增城区 for 从化区) that the
    passages never name — jieba knows neither name (从|化区), so it reads no place in either."""
    generic = lexicon.word_set("expressions", "generic_places")
    return [
        f"原文此处说的是{theirs}，不是{mine}"
        for mine, theirs in changes
        if _UNIT.fullmatch(mine)
        and _UNIT.fullmatch(theirs)
        and mine[-1] == theirs[-1]
        and mine not in cited.text
        and not {mine, theirs} & generic
    ]


_AT = "在于赴到往"  # 在埃及去世, 赴上海参加: what happened at a place
_LIGHT = "(?:进行|举行|开展)?了?"  # 在北京进行了|试演: the verb after the light one


def _event_moved(sentence: str, cited: Cited) -> list[str]:
    """An event said at one place the passages name (在巴比伦去世) where they say it happened at
    another (在埃及去世) and never put the two together: the same verb after another place."""
    issues = []
    for name, place in _places_or_ns(sentence).items():
        for said in re.finditer(
            rf"[{_AT}]{re.escape(name)}{_LIGHT}([\u4e00-\u9fff]{{2}})", sentence
        ):
            verb = said.group(1)
            if name not in cited.text or re.search(
                rf"{re.escape(name)}[^，。；;]{{0,6}}{re.escape(verb)}", cited.text
            ):
                continue  # said there, or nowhere in the passages (`claims._places`)
            there = [
                other
                for at in re.finditer(
                    rf"[{_AT}]([^，。；;{_AT}]{{1,8}}?){re.escape(verb)}", cited.text
                )
                for other, elsewhere in _places_or_ns(at.group(1)).items()
                if elsewhere != place
            ]
            if there:
                issues.append(f"原文说在{there[0]}{verb}，不是在{name}")
        issues += _moved_to(name, place, sentence, cited)
    return issues


_TO = "至到往"  # 搬至深圳, 迁到上海: where a thing went


def _moved_to(name: str, place: str, sentence: str, cited: Cited) -> list[str]:
    """A move the sentence says went to one place the passages name (将总部搬至深圳) where they
    say it went to another (搬至上海)."""
    issues = []
    for said in re.finditer(rf"([\u4e00-\u9fff]{{2}})[{_TO}]{re.escape(name)}", sentence):
        verb = said.group(1) if is_dictionary_word(said.group(1)) else said.group(1)[1]  # 部|搬
        if name not in cited.text or re.search(rf"{verb}[{_TO}]{re.escape(name)}", cited.text):
            continue
        there = [
            other
            for at in re.finditer(rf"{verb}([{_TO}])([^，。；;]{{2,8}})", cited.text)
            for other, elsewhere in _places_or_ns(at.group(2)).items()
            if elsewhere != place
        ]
        if there:
            issues.append(f"原文说{verb}到{there[0]}，不是{name}")
    return issues


def _places_or_ns(text: str) -> dict[str, str]:
    """The places a text names, and the words jieba tags as places (巴比伦) — not those that
    name no place (城市, 长度)."""
    generic = lexicon.words("expressions", "generic_places")
    tagged_places = {
        w: w for w, flag in tagged(text) if flag == "ns" and len(w) >= 2 and w not in generic
    }
    return {**tagged_places, **places_in(text)}


def places_in(text: str) -> dict[str, str]:
    """The places a text names, longest name first for each: {name as written: the place}."""
    found: dict[str, str] = {}
    named = [(a, p.name) for p in find_provinces(text) for a in p.aliases]
    named += [(n, g.name) for g in region_groups() for n in g.names]
    named += [(x, x) for x in find_foreign_places(text) + find_cities(text)]
    for name, place in sorted(named, key=lambda pair: -len(pair[0])):
        if stands_alone(name, text) and place not in found.values():
            found[name] = place
    return found


_GLUED = 100  # uses in everyday Chinese of a word a place name's first character would end


def stands_alone(name: str, text: str) -> bool:
    """The text names the place: some mention of it is not the end of a common word before it
    and the start of the next (高中|部, 其中|部分, 二中|东盟: no 中部, no 中东)."""
    if len(name) != 2:
        return name in text
    return any(
        at == 0 or general_frequency(text[at - 1 : at + 1]) < _GLUED
        for at in (m.start() for m in re.finditer(re.escape(name), text))
    )

"""What a sentence claims beyond its words' overlap, checked against the passages it cites.

Character overlap cannot tell 河北 from 辽宁, 千家 from 万家 or 为场景找技术 from 为技术找场景:
a sentence with one such change still shares nearly all its characters with its passage. So:

- every place it names must be in a cited passage, or be the region of a cited document (a
  passage of the 河北 text need not repeat 河北); cities, landmarks, regions (京津冀, 中部地区)
  and foreign places must be in the text;
- every organisation, person, programme, title, meeting and role it names must be there;
- every figure and rank, in any script (千家 = 1000家 ≠ 万家, 第一 = 第1 ≠ 首位), must be there;
- what it quotes (“……”, 《……》) must be there verbatim;
- its negations and directions (不/未/防止, 增长/下降, 扩大/缩小) must agree with the passage.

Each failed check is an issue in Chinese, shown to the user with the flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..corpus.metadata import NATIONAL
from ..schema import Passage
from ..text import lexicon
from ..text.abbreviations import (
    expand_abbreviations,
    initials_of,
    plan_period_in,
    shortened_from,
)
from ..text.chars import CJK, normalise_for_match
from ..text.cities import find_cities
from ..text.listing import counted_list
from ..text.names import LATIN_NAME, abbreviated_in, is_code, names_in, quoted, unglued_name
from ..text.numerals import ranks
from ..text.regions import Province, find_foreign_places, find_provinces, region_groups
from ..text.segment import is_dictionary_word, tagged
from ..text.synonyms import holds, spelled_otherwise, synonyms, whole_words
from .added import unstated
from .beside import values_crossed
from .cited import ENTITY_TAGS, Cited
from .compared import by_how_much, compared, relations_reversed, turned_round, turns_reversed
from .contrary import polarity
from .contrasted import contrast_denied
from .crossed import counterparts_crossed, crossed
from .denied import denied
from .excepted import excepted
from .exchanged import swapped
from .figured import figures_unstated
from .forbidden import forbidden
from .instituted import LAW, designation_names, law_names, meeting_names
from .new_words import guessed_name
from .occasioned import occasion_moved
from .organisations import organisation_unnamed
from .outpaced import against_figures
from .paired import crosswise
from .passive import passive_turned
from .pending import done_already
from .placed import moved_place, stands_alone
from .polar import direction_of, polar
from .quotations import quotes_unsaid
from .recounted import recounted
from .redated import redated


def _places(sentence: str, cited: Cited) -> list[str]:
    issues = []
    for province in find_provinces(sentence):
        if not _province_cited(province, sentence, cited):
            issues.append(f"引用段落未提及{province.short}")
    for group in region_groups():
        named = [n for n in group.names if stands_alone(n, sentence)]
        if named and not any(n in cited.text for n in group.names):
            issues.append(f"引用段落未提及{named[0]}")
    foreign = [p for p in find_foreign_places(sentence) if stands_alone(p, sentence)]
    foreign += find_cities(sentence)
    words = tagged(sentence)
    foreign += [
        w
        for i, (w, flag) in enumerate(words)
        if flag == "ns"
        and not _used_as_verb(words, i)  # 惠及|3700万人
        and not _after_an_amount(words, i)  # 突破万亿元|大关: a threshold, no place
        and w not in lexicon.words("expressions", "generic_places")
        and len(w) >= 2
        and (is_dictionary_word(w) or (len(w) >= 3 and guessed_name(w, sentence, cited.text)))
        and not find_provinces(w)
        and not any(w in g.names for g in region_groups())
    ]
    for place in dict.fromkeys(foreign):
        if _the_documents_country(place, cited):
            continue  # 中国, of a passage of a national document (a work report)
        # 印尼 for 印度尼西亚 (data/lexicon/synonyms.txt); 广开 of 广泛|开辟, no place
        if not (holds(cited.text, place) or initials_of(place, cited.text)):
            issues.append(f"引用段落未提及{place}")
    return issues


def _the_documents_country(place: str, cited: Cited) -> bool:
    return NATIONAL in cited.regions and place in lexicon.words("expressions", "country_names")


def _province_cited(province: Province, sentence: str, cited: Cited) -> bool:
    """The names used for it are in the passages; its own name may be the documents' region, or
    that of a region the passages name that it is part of (北京 of 京津冀三地)."""
    used = [a for a in province.aliases if a in sentence]
    if any(a in cited.text for a in used):
        return True
    by_name = all(a in (province.name, province.short) for a in used)
    within = any(
        any(m.name == province.name for m in g.members) and any(n in cited.text for n in g.names)
        for g in region_groups()
    )
    return by_name and (bool({province.name, province.short} & cited.regions) or within)


_MODAL = re.compile("l.+会$")  # 难免会 (a phrase): the modal 会, not an organisation's (学会)


@cache
def _organisation() -> re.Pattern[str]:
    suffixes = lexicon.alternation("expressions", "organisation_suffixes")
    return re.compile(rf"^[{CJK}]{{1,10}}(?:{suffixes})$")


def _entities(sentence: str, text: str) -> list[str]:
    """Organisations, people, roles, meetings and other names the sentence states: titles and
    quoted terms, codes, names joined by ·, and the names jieba knows (a name it had to guess
    is too often two glued words to hold against a sentence), less the words it cut across a
    word of the passages' `text` (袋鼠科|里 → 科里, a name: the first character belongs with
    the one before it)."""
    everyday = lexicon.word_set("entities", "everyday_words")  # 阳光, 普通: no names
    found = [
        n
        for n in names_in(sentence)
        if not find_provinces(n)
        and _sure_name(n, sentence, text)
        and not _phrase(n)
        and n not in everyday
    ]
    roles = lexicon.alternation("expressions", "role_words")
    own = lexicon.words("expressions", "own_writer")
    found += [role for role in re.findall(rf"(?:{roles})", sentence) if role not in own]
    found += meeting_names(sentence) + law_names(sentence) + designation_names(sentence)
    found += LATIN_NAME.findall(sentence)
    found += _cut_organisations(sentence)
    at = 0
    words = tagged(sentence)
    for i, (word, flag) in enumerate(words):
        at = sentence.find(word, at)
        boundary, at = sentence[max(at - 1, 0) : at + 1], at + len(word)
        if len(word) < 2 or find_provinces(word) or not is_dictionary_word(word) or ranks(word):
            continue  # 第一部 is a rank (checked as one), not an organisation named 部
        if word in everyday:
            continue
        if len(boundary) == 2 and boundary in text and word not in text:
            continue
        if flag in ENTITY_TAGS and _phrase(word):
            continue  # 明显增加, 开放式, 杜绝, 大力发展: jieba's dictionary tags some phrases as names
        if flag in ("ns", "nz", "nr", "nrfg", "nrt") and _used_as_verb(words, i):
            continue  # 惠及|3700万人, 多达|数万, 适度|拓宽: a verb jieba files as a name
        if flag in ENTITY_TAGS or (
            len(word) >= 3 and _organisation().match(word) and not _MODAL.match(flag + word)
        ):
            found.append(word)
    return list(dict.fromkeys(found))


_UNIT_WORDS = frozenset("部委局厅署办")  # the one-character end of a ministry's or office's name
_NAME_PARTS = ("n", "vn", "nt", "ns", "nz")


def _cut_organisations(sentence: str) -> list[str]:
    """An organisation's name jieba cut into words (国家|发展|改革|委): three or more nouns
    ending in the one character that makes them an office."""
    found, run = [], []
    for word, flag in tagged(sentence):
        if word in _UNIT_WORDS and len(run) >= 2:
            found.append("".join(run) + word)
        run = [*run, word] if flag in _NAME_PARTS and len(word) >= 2 else []
    return found


def _used_as_verb(words: tuple[tuple[str, str], ...], i: int) -> bool:
    """The word stands where a verb does: right before a figure, or right after an adverb (or
    an adjective used as one: 适度)."""
    after = words[i + 1][1] if i + 1 < len(words) else ""
    before = words[i - 1][1] if i else ""
    return after == "m" or before in ("d", "a", "ad")


def _after_an_amount(words: tuple[tuple[str, str], ...], i: int) -> bool:
    """The word follows an amount (万亿元|大关, 10%|大关): a place is not named that way."""
    before = words[i - 1] if i else ("", "")
    return before[1] == "m" and bool(re.search(r"[\d元万亿%]", before[0]))


def _phrase(word: str) -> bool:
    """A dictionary word jieba files as a name that is a phrase (明显增加, 开放式), or a word of
    negating or of rising and falling (杜绝, 大力发展)."""
    if word in polar()[0] or direction_of(word):
        return True
    return _verb_phrase(word) and not _organisation().match(word)


def _verb_phrase(word: str) -> bool:
    """The word opens with its longest dictionary word being a verb, adjective or adverb (明显|增加,
    开放|式): a phrase, not a name (人民|日报, 新华|网 open with nouns and names)."""
    for end in range(len(word) - 1, 1, -1):
        if is_dictionary_word(head := word[:end]):
            return tagged(head)[0][1][0] in "vad"
    return False


def _sure_name(name: str, sentence: str, text: str) -> bool:
    """Quoted, joined by ·, a code, a dictionary word, or a person's name jieba guessed whole
    (顾嘉辉: three characters tagged a name) that does not begin inside a word of the passages
    (程玉|英为师) — not another name jieba guessed, too often two glued words."""
    if name in quoted(sentence) or "·" in name or is_code(name) or is_dictionary_word(name):
        return True
    if len(name) != _PERSON_CHARS or dict(tagged(sentence)).get(name) != "nr":
        return False
    at = sentence.find(name)
    edge = sentence[at - 1 : at + 1] if at > 0 else ""
    return not (edge and edge in text)


_PERSON_CHARS = 3  # a surname and a two-character given name


def _named(sentence: str, cited: Cited) -> list[str]:
    issues = []
    for name in _entities(sentence, cited.text):
        # 普通高校 for the passage's 普通高等学校 — but a law is named as enacted (公司法 ≠ 企业法)
        spellings = [name, *([] if name.endswith(LAW) else spelled_otherwise(name))]
        # a name cut out of a short form (新农|合): the short form's full name (新型农村合作医疗)
        spellings += [o for w in whole_words(name, sentence) for o in (w, *synonyms(w))]
        spellings += unglued_name(name)
        if (
            not any(normalise_for_match(s) in cited.flat for s in spellings)
            and not cited.says_with_de(name)  # 新进展 for 新的进展
            and not holds(cited.text, name)
            and not abbreviated_in(name, cited.text)  # PS3 for PlayStation 3
            and not shortened_from(name, cited.text)  # 农业社 for 农业生产合作社
            and not counted_list(name, cited.text)  # “三农” for 农业、农村、农民
            and not plan_period_in(name, cited.text)  # “六五” for 第六个五年计划
        ):
            issues.append(f"引用段落未提及“{name}”")
    return issues


def check_claims(sentence: str, passages: Sequence[Passage]) -> tuple[list[str], list[str]]:
    """What the sentence says that its cited passages do not: (errors, doubts). Errors are
    sure (a place, name, figure, rank, quotation or polarity the passages contradict or lack);
    doubts are clauses whose words the passages do not contain — added facts, or paraphrases a
    rule cannot tell from them."""
    cited = Cited.of(passages)
    sentence = expand_abbreviations(sentence)
    errors = (
        _places(sentence, cited)
        + moved_place(sentence, cited)
        + _named(sentence, cited)
        + organisation_unnamed(sentence, cited)
        + quotes_unsaid(sentence, cited)
        + figures_unstated(sentence, cited)
        + polarity(sentence, cited)
        + denied(sentence, cited)
        + contrast_denied(sentence, cited)
        + done_already(sentence, cited)
        + excepted(sentence, cited)
        + forbidden(sentence, cited)
        + swapped(sentence, cited)
        + crossed(sentence, cited)
        + compared(sentence, cited)
        + by_how_much(sentence, cited)
        + turned_round(sentence, cited)
        + turns_reversed(sentence, cited)
        + relations_reversed(sentence, cited)
        + passive_turned(sentence, cited)
        + redated(sentence, cited)
        + occasion_moved(sentence, cited)
        + counterparts_crossed(sentence, cited)
        + against_figures(sentence, cited)
        + recounted(sentence, cited)
        + crosswise(sentence, cited)
        + values_crossed(sentence, [p.text for p in passages])
    )
    return list(dict.fromkeys(errors)), unstated(sentence, cited)

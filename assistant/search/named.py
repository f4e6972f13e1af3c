"""What a question names that the passages must name too, or they cannot answer it.

A place (by any of its aliases, or a region group: 京津冀), a name (matched as a whole word:
仁爱礁 is not 仁爱), the subject a question opens with, an organisation named by several words,
and a noun the whole library never uses: each missing, the passages are about something else,
however many other words they share (`evidence.py` then refuses, naming it).
"""

from __future__ import annotations

import re

from ..index.state import Index
from ..schema import Passage
from ..text import lexicon
from ..text.abbreviations import expand_abbreviations, initials_of
from ..text.cities import find_cities
from ..text.expressions import defined_term
from ..text.listing import counted_list
from ..text.names import LATIN_NAME, is_idiom, names_in, quoted
from ..text.openings import (
    broken_subject,
    holds_subject,
    opening_name,
    opening_nouns,
    opening_run,
    subject_words,
)
from ..text.regions import Province, find_foreign_places, find_provinces, region_groups
from ..text.segment import everyday_parts, general_frequency, is_dictionary_word, tagged
from ..text.synonyms import present, spelled_otherwise, synonyms
from ..tuning import TUNING
from .editions import missing_edition
from .mentions import describe
from .weights import word_weight


def unnamed(
    index: Index,
    question: str,
    passages: list[Passage],
    texts: list[str],
    every: str,
    places: tuple[list[Province], set[str]],
) -> str | None:
    """The first thing the question names that the passages do not: `texts` are the best
    passages' searchable texts, `every` all of them together, `places` the question's
    (`place_names`)."""
    provinces, places_named = places
    described = " ".join(describe(p) for p in passages).lower()
    return (
        _missing_place(question, provinces, every)
        or _missing_issuer(question, provinces, described, every)
        or _missing_name(question, places_named, texts)
        or _missing_subject(question, places_named, described, texts)
        or _missing_organisation(question, texts)
        or missing_edition(question, texts)
        or _unseen_subject(index, question, places_named, described, texts)
    )


# 黑龙江那边自己出的……方案: a document the province issued
_ISSUED = (
    r"(?:省|那边|这边)?(?:自己|自家)?(?:出台|出|印发|发布|制定|发)的[^，,。？?]{0,14}?"
    r"(方案|文件|意见|规划|计划|办法|政策|条例)"
)
_ISSUING = r"[^，,。；]{0,8}?(?:出台|印发|发布|制定)"


def _missing_issuer(
    question: str, provinces: list[Province], described: str, every: str
) -> str | None:
    """A province's own document asked about (黑龙江出台的行动方案) when no passage is of a
    document of that province (its region or title) nor says the province issued one: a text
    naming it in passing (在黑龙江考察调研) holds none of its plans."""
    for province in provinces:
        for alias in (province.name, province.short):
            asked = re.search(re.escape(alias) + _ISSUED, question)
            if not asked or alias.lower() in described:
                continue
            if not re.search(re.escape(alias) + _ISSUING, every):
                return f"{alias}出台的{asked.group(1)}"
    return None


def _names_the_text(word: str, described: str) -> bool:
    """A kind of text or a word of the passages' titles and outlets (论文, 期刊, 日报): where
    the question says to look, not what it asks about."""
    return word in lexicon.words("question_types", "text_kinds") or word.lower() in described


def place_names(question: str) -> tuple[list[Province], set[str]]:
    provinces = find_provinces(question)
    words = {a for p in provinces for a in (*p.aliases, p.abbreviation)}
    words |= {n for g in region_groups() for n in g.names if n in question}
    return provinces, words


def _missing_place(question: str, provinces: list[Province], every: str) -> str | None:
    for group in (g for g in region_groups() if any(n in question for n in g.names)):
        if not any(name in every for name in group.names):  # 京津冀, 长三角, 川渝 …
            return group.name
    for place in find_foreign_places(question) + find_cities(question):
        if place not in every:
            return place
    for province in provinces:
        if not any(alias.lower() in every for alias in province.aliases):
            # as the question names it (杭州, not 浙江)
            said = [a for a in province.aliases if a in question]
            return max(said, key=len) if said else province.short
    return None


def _missing_subject(
    question: str, places: set[str], described: str, texts: list[str]
) -> str | None:
    """The question's subject (“阿部重次的……”) must be in one passage, all its words together;
    a subject jieba cut into pieces (狭|叶|艾纳香) as written; a rare noun it opens with (羊水|
    栓塞……) in one of the passages, up to a place or the text (期刊|举例: what it is asked of)."""
    words = [w for w in subject_words(question) if w not in places]
    subject = "".join(words)
    if len(words) >= 2 and not any(all(w.lower() in text for w in words) for text in texts):
        return subject
    term = defined_term(question, whole=True).strip().lower()
    if (
        _TERM.fullmatch(term)
        and not re.search(_POINTING, term)
        and not any(term in t for t in texts)
    ):
        return term  # 什么是X
    for word in opening_nouns(question):
        if word in places or _names_the_text(word, described):
            break  # what follows a place is what is asked about it (京津冀|合伙|培育)
        if _document_part(word):
            continue
        if not any(_said(word, text) for text in texts):
            return word
    broken = broken_subject(question)
    if (
        broken
        and not any(p in broken for p in places)
        and not any(holds_subject(t, broken) for t in texts)
    ):
        return broken
    opening = opening_name(question)
    if not opening or expand_abbreviations(opening) != opening or find_provinces(opening):
        return None  # places are checked by their aliases (冀辽两省)
    if any(opening.lower() in text or initials_of(opening, text) for text in texts):
        return None  # … or its initials (科创 of 科技创新)
    parts = names_in(opening)  # 张明远李思齐: two names run together, each on its own line
    if (
        len(parts) > 1
        and "".join(parts) == opening
        and any(all(p in text for p in parts) for text in texts)
    ):
        return None
    return opening


def _document_part(word: str) -> bool:
    """结尾|那段里: where in its text the question says to look, not what it asks about."""
    return word in lexicon.word_set("question_types", "document_parts")


def _said(word: str, text: str) -> bool:
    """The text says the word, in its parts (项目的……风险) or in full (科技创新 for 科创)."""
    return present(word, text) or _said_in_parts(word, text) or initials_of(word, text)


def _said_in_parts(word: str, text: str) -> bool:
    """A compound of everyday words (项目风险) the text says in its parts (项目的……风险): the
    asker's compound, not a name the passage lacks."""
    parts = everyday_parts(word, TUNING.evidence.common_word_frequency)
    return bool(parts) and all(part in text for part in parts)


_TERM = re.compile(r"[^\s《》“”什么哪谁何]{2,6}")  # a term, not a phrase or a question
_POINTING = "[该此这那本其]"  # 该书是什么: the term points back, the passages may name it otherwise


def _missing_name(question: str, places: set[str], texts: list[str]) -> str | None:
    for name in [*names_in(question), *LATIN_NAME.findall(question)]:
        if name in places or any(name in p for p in places):
            continue  # places are checked above, by their aliases and the passages' regions
        if is_idiom(name) and name not in quoted(question):
            continue  # an idiom jieba tags as a name (武艺超群): a question's wording, unless
            # quoted as a name («碧草如茵»景致)
        if re.search(rf"的{re.escape(name)}(?:是|叫)(?:什么|啥)", question):
            continue  # what is asked of the subject (……的英文名是什么), not a name it mentions
        # 普通高校 as 普通高等学校, 国家队 as 国家战略科技力量
        spellings = [name, *spelled_otherwise(name), *synonyms(name)]
        if any(counted_list(name, text) for text in texts):
            continue  # “三化”: the passage lists 数字化、网络化、智能化
        # … nor items of a list the question runs together (扩链强芯 of “扩链、强芯”)
        if not any(s.lower() in text for text in texts for s in spellings) and not any(
            name.lower() in _run_together(text) for text in texts
        ):
            return name
    return None


def _run_together(text: str) -> str:
    return re.sub(r"[、“”‘’\s]", "", text)


def _missing_organisation(question: str, texts: list[str]) -> str | None:
    return next(iter(organisations_unnamed(question, texts)), None)


def organisations_unnamed(text: str, texts: list[str]) -> list[str]:
    """Each organisation named by several words (越南|投资|发展|银行) that no one of `texts`
    holds as written, nor without the place it opens with: a passage about another bank of the
    same country holds every word but not the name."""
    heads = lexicon.word_set("expressions", "organisation_heads")
    run: list[tuple[str, str]] = []
    missing = []
    for word, flag in tagged(text):
        if word in heads and (len(run) >= 2 or _one_name(run, text)):
            name = "".join(w for w, _ in run) + word
            local = "".join(w for w, _ in run[1:]) + word if len(run) >= 2 else name
            if any(_proper(w, f) for w, f in run) and not any(
                name.lower() in t or local.lower() in t for t in texts
            ):
                missing.append(name)
        run = [*run, (word, flag)] if flag[0] in "nj" or flag in ("vn", "l", "eng") else []
    return missing


def _one_name(run: list[tuple[str, str]], question: str) -> bool:
    """A name of its own before the head (崂山|实验室): the organisation it names — not a
    country, province or city the question names, whose labs, firms or team (日本|代表团) it
    may ask about by a name of its own."""
    if len(run) != 1 or run[0][1] not in ("ns", "nr", "nt", "nz"):
        return False
    place = run[0][0]
    return not (
        find_provinces(place) or find_foreign_places(place) or place in find_cities(question)
    )


def _proper(word: str, flag: str) -> bool:
    """A word that makes a run of nouns a name (越南, 东湖, a word jieba had to guess) — not a
    description of a kind of organisation (中小|科技|公司)."""
    return flag in ("ns", "nr", "nt", "nz", "eng") or not is_dictionary_word(word)


def _unseen_subject(
    index: Index, question: str, places: set[str], described: str, texts: list[str]
) -> str | None:
    """A noun the question opens with (野驴, 第1|舰队) that the whole library never uses and no
    passage holds: the library has nothing on the question's subject, however common the word.
    After a place, a kind of text or an outlet (辽宁|留人, 论文|收尾, 人民网|文章) comes what
    is asked of it. `texts` are the passages' searchable texts."""
    held = False
    for word in opening_run(question):
        if word in places or _names_the_text(word, described):
            return None
        if word in lexicon.word_set("question_types", "vague_nouns") or _document_part(word):
            continue  # 东西|从样品到量产: what the asker means is said after it
        if held and general_frequency(word) > TUNING.evidence.common_word_frequency:
            continue  # 成果转化|专门设基金: an everyday word after the subject the texts hold
        held = held or any(present(word, t) for t in texts)
        unseen = word_weight(index, word) is None and not any(
            index.document_frequency(s) for s in synonyms(word)
        )
        if unseen and not any(present(word, t) or initials_of(word, t) for t in texts):
            return word
    return None

"""Another thing of the same kind in place of the passage's, in a clause that restates it.

The clause aligned with its passage clause (`restated.py`) changes a term for another of its
kind: a noun with the same head and another qualifier (中小企业 → 国有企业), another qualifier before
the same noun (中小微外贸企业 → 大型外贸企业), one noun for another the passages never use
(企业牵头 → 国家实验室牵头), or an item slipped into a list the passage gives (人工智能、新能源、
生物医药等), or who does it or by what means slipped into the clause (联合头部券商和高校). Each is
a different group or thing, not a rewording.
"""

from __future__ import annotations

import os
import re

from ..text import lexicon
from ..text.chars import CJK
from ..text.segment import general_frequency, is_dictionary_word, tagged
from ..text.synonyms import synonyms
from .cited import Cited, short_for_its_title
from .restated import Aligned, nouns_not_in


def another_kind(part: Aligned, cited: Cited) -> list[str]:
    """Issues for each term of the clause put in place of another of its kind."""
    return [
        *_another_of_its_kind(part),
        *_another_from_outside(part, cited),
        *_added_to_its_list(part, cited),
        *_actor_or_means_added(part, cited),
        *_qualifier_exchanged(part, cited),
    ]


def _qualifier_exchanged(part: Aligned, cited: Cited) -> list[str]:
    """Another qualifier before the same noun (中小微|外贸企业 → 大型|外贸企业, 短期|出口信用保险 →
    中长期|出口信用保险, 民间|资本 → 地方国有|资本): a different group or thing. The two share few
    characters but a common ending (期), and the passages never use the sentence's."""
    issues = []
    for said, meant in part.changes:
        after = followed(meant, part.source)
        if after and after in said[1:]:  # 地方国有资本 for 民间|资本, 集体所有制 for 全民|所有制
            said = said[: said.index(after, 1)]
        elif _common_ending(said, meant) >= 2:  # 民营企业 for 国有企业: the noun said in both
            after = said[-2:]
            said, meant = said[:-2], meant[:-2]
        elif after != followed(said, part.clause):
            continue
        shared = _common_ending(said, meant)  # 中长|期, 短|期
        mine, theirs = said[: len(said) - shared], meant[: len(meant) - shared]
        # no more than half of the shorter one's characters in common (机关事业单位 / 企业 share
        # 业; 民企 is 民营企业 shortened)
        common = len(set(mine) & set(theirs))
        if (
            not re.fullmatch(f"[{CJK}]{{2}}", after)
            or not mine
            or not theirs
            or 2 * common > min(len(set(mine)), len(set(theirs)))
        ):
            continue
        if len(said) < 2 or len(meant) < 2 or said in cited.text or _rated(said, meant):
            continue
        if _said_otherwise(said, meant) or _said_otherwise(said + after, meant + after):
            continue  # 主力 for 主体, 高层次人才 for 高端人才: in words of the synonym list
        if short_for_its_title(said, part.source, cited):
            continue  # 南宁二中 for 学校: the title (南宁市第二中学) said short
        verbal = _verbal(said) or _verbal(meant)
        if (
            _qualifier(said)
            and _qualifier(meant)
            and not (set(said) & set(meant) and verbal)
            and not (verbal and _same_lead(said, part.clause, meant, part.source))
        ):
            # … a verb as a noun sharing a character is a verb reworded (运用|数字 → 利用|数字)
            issues.append(f"“{said}{after}”与原文的“{meant}{after}”不符")
    return issues


def _said_otherwise(mine: str, theirs: str) -> bool:
    """The two are words of one synonym group."""
    return theirs in synonyms(mine) or mine in synonyms(theirs)


def _rated(mine: str, theirs: str) -> bool:
    """Two qualifiers that rate how much a thing matters (核心 → 关键): no other thing."""
    rating = lexicon.word_set("expressions", "rating_qualifiers")
    return mine in rating and theirs in rating


def _same_lead(said: str, clause: str, meant: str, source: str) -> bool:
    """The same verb leads to both (统筹|建设 against 统筹|布局): a verb as a noun after it is a
    verb of that slot reworded, not a qualifier of the noun after it (过大的|消费需求 is one)."""
    before, earlier = clause[: clause.find(said)], source[: source.find(meant)]
    lead = tagged(before)[-1] if before else ("", "")
    return len(lead[0]) >= 2 and lead[1] == "v" and earlier.endswith(lead[0])


def _verbal(text: str) -> bool:
    return any(f == "vn" for _, f in tagged(text))


def _qualifier(text: str) -> bool:
    """Nouns, distinguishing words (大型), place words (高中), adjectives or verbs as nouns (消费|需求)
    the dictionary knows: no other verb."""
    return all(
        is_dictionary_word(w) and (f[0] in "nbjsl" or f in ("a", "vn")) for w, f in tagged(text)
    )


_ITEM_MARK = "、和与及"
_ENUMERATION = "、"
_ITEM_MAX = 10


def _added_to_its_list(part: Aligned, cited: Cited) -> list[str]:
    """An item slipped into a list the passage clause gives (人工智能、新能源、**生物医药**等): nouns
    (or a verb and its nouns) the passages never use, inserted next to a list mark."""
    issues = []
    for start, end in part.inserted:
        piece = part.clause[start:end]
        beside = part.clause[start - 1 : start] + part.clause[end : end + 1]
        if not (set(piece) & set(_ITEM_MARK) or set(beside) & set(_ITEM_MARK)):
            continue
        item = piece.strip(_ITEM_MARK)
        if not item or len(item) > _ITEM_MAX or not _an_item(item):
            continue  # the clause saying more than a list item: the added-clause check's
        if item not in cited.text and nouns_not_in(item, cited):
            issues.append(f"“{item}”未见于所引段落")
        elif item not in part.source and _listed_elsewhere(item, cited.text):
            issues.append(f"“{item}”在原文中属于另一组，不在此列")
    for mine, theirs in part.changes:  # one item of the list put for another of another list
        moved, meant = mine.strip(_ITEM_MARK), theirs.strip(_ITEM_MARK)
        if not moved or not meant or len(moved) > _ITEM_MAX or moved in part.source:
            continue
        if not _listed_elsewhere(meant, part.source):
            continue
        if _listed_elsewhere(moved, cited.text) and _an_item(moved):
            issues.append(f"“{moved}”在原文中属于另一组，不在此列")
        elif (
            _listed_elsewhere(meant, part.source, _ENUMERATION)
            and _listed_elsewhere(moved, part.clause, _ENUMERATION)
            and nouns_not_in(moved, cited)
        ):
            # … or for a thing the passages never name (量子计算 for the list's 脑机接口), in a
            # list marked with 、 (not beside 和 or the 及 of 及时)
            issues.append(f"“{moved}”与原文的“{meant}”不符")
    return issues


def _listed_elsewhere(item: str, text: str, marks: str = _ITEM_MARK) -> bool:
    """The passages list the item, beside a list mark, in a list of their own."""
    marks = re.escape(marks)
    return re.search(f"[{marks}]{re.escape(item)}|{re.escape(item)}[{marks}]", text) is not None


# 并|通过……: after a connective; not 由升转降, 由东向西 (from one to another)
_BY = re.compile(
    "^(?:并且|并|同时|还|而且)?(?:通过|由(?!.{1,4}[转变到至向])|联合|依托|借助|利用|会同|携手|依靠)"
)
_GENERIC = 5000  # a noun more common than this in general Chinese is no new actor or means
_BY_MIN = 4  # characters of an inserted “by whom, by what” phrase (由某部牵头, 通过某资金)


def _actor_or_means_added(part: Aligned, cited: Cited) -> list[str]:
    """Who does it or by what means, slipped into a clause the passage clause states without
    (联合头部券商和高校|打造……, 由某部牵头|建设……, 通过专项债支持|提升……): a noun the passages
    never use, after 由/通过/联合 … — inserted, or put in place of an adverb (深入实施 → 通过某资金
    支持实施). Or another deed inserted before the passage's (于某日|捐出个人积蓄|成立……): a verb
    and a noun the passages never use."""
    inserted = [part.clause[start:end] for start, end in part.inserted]
    pieces = [p for p in inserted if _BY.match(p) or _opens_on_verb(p)]
    pieces += [
        m for m, t in part.changes if _BY.match(m) and not any(f[0] == "n" for _, f in tagged(t))
    ]
    issues = []
    for piece in pieces:
        if len(piece) < _BY_MIN:
            continue
        # a word as common as 外国 or 人士 sums up what the passage lists (美国、英国……的教会)
        new = [w for w in nouns_not_in(piece, cited) if general_frequency(w) <= _GENERIC]
        if new:
            issues.append(f"“{piece}”未见于所引段落（原文未提及“{min(new, key=piece.find)}”）")
    return issues


def _opens_on_verb(text: str) -> bool:
    words = tagged(text)
    return bool(words) and words[0][1].startswith("v")


def _an_item(text: str) -> bool:
    """Nouns (消费结构), or a verb and its nouns (建成|科技强国): what a list holds."""
    words = tagged(text)
    rest = text[len(words[0][0]) :] if words and words[0][1][0] == "v" else text
    return bool(rest) and _nouns_only(rest)


def _another_from_outside(part: Aligned, cited: Cited) -> list[str]:
    """The one term a clause changes, a noun put for a noun with no character in common that the
    passages never use (企业牵头 → 国家实验室牵头, 退休人员 → 农民工): another actor or thing, not
    a rewording, when the rest of the clause is the passage's but for how it opens."""
    changes = [c for c in part.changes if not part.clause.startswith(c[0])]
    if len(changes) != 1:
        return []
    said, meant = changes[0]
    mine, theirs = _noun_tail(said), _noun_tail(meant)
    if len(mine) < 2 or len(theirs) < 2 or set(mine) & set(theirs) or mine in cited.text:
        return []
    if not (_nouns_only(mine) and _nouns_only(theirs)) or theirs in part.clause:
        return []
    if _rated(mine, theirs):
        return []  # 关键|力量 for 核心|力量: rated in other words
    if any(other in theirs for other in synonyms(mine)):
        return []  # 全球 for 世界|核武器总量: the same, in other words
    return [f"“{mine}”与原文的“{theirs}”不符"]


def _another_of_its_kind(part: Aligned) -> list[str]:
    """One term of the clause replaced by another of its kind (制造业 → 服务业, 增值税 → 企业所得
    税, 中小企业 → 国有企业, 高速铁路 → 高速公路): two nouns of three or more characters sharing
    only their head or their opening word — a different thing, not a way of saying the same one."""
    issues = []
    for said, meant in part.changes:
        mine, theirs = _noun_tail(said), _noun_tail(meant)  # 率先试点|企业所得税, 开展了|增值税
        if not (_one_noun(mine) and _one_noun(theirs)) or mine in theirs or theirs in mine:
            continue
        if mine in part.source or theirs in part.clause or _said_otherwise(mine, theirs):
            continue  # 高端人才 for 高层次人才: one thing, in words of the synonym list
        shared = _common_ending(mine, theirs)  # 中小|企业, 国有|企业
        head = 0 < shared < min(len(mine), len(theirs)) and not (
            set(mine[:-shared]) & set(theirs[:-shared])
        )
        kind = len(mine) >= 4 and mine[:2] == theirs[:2] and _one_noun(mine[2:] + theirs[2:])
        if head or kind:
            issues.append(f"“{mine}”与原文的“{theirs}”不符")
    return issues


def shells_exchanged(said: str, meant: str) -> bool:
    """The sentence puts a noun that holds what is said before it (的情况, 等方面) for another such
    noun (的情况 → 的形势, 等领域 → 等方面), or a bare one for the passage's noun (节能减排方面 for
    节能减排和环境保护): the clause restated in other words, no other thing named."""
    shells = lexicon.word_set("expressions", "shell_nouns")
    return _noun_tail(said) in shells and (said in shells or _noun_tail(meant) in shells)


def _noun_tail(text: str) -> str:
    """The nouns the dictionary knows that a piece ends with, with the qualifiers before them
    (大型|商业银行)."""
    tail = ""
    for word, flag in reversed(tagged(text)):
        if not _noun_part(word, flag, last=not tail):
            break
        tail = word + tail
    return tail


def _one_noun(text: str) -> bool:
    """Nouns the dictionary knows and nothing else (增值税, 企业|所得税; 公路|铁路; 中小企业, a
    shortened name; 大型|商业银行, a qualifier before a noun)."""
    return len(text) >= 3 and _nouns_only(text)


def _nouns_only(text: str) -> bool:
    words = tagged(text)
    last = len(words) - 1
    return all(_noun_part(*w, last=i == last) for i, w in enumerate(words))


def _noun_part(word: str, flag: str, *, last: bool) -> bool:
    """A noun or shortened name (jieba's j) the dictionary knows, or before one a qualifier
    (jieba's b: 大型, 国有)."""
    return is_dictionary_word(word) and (
        flag[0] == "n" or flag == "j" or (flag == "b" and not last)
    )


def followed(word: str, text: str) -> str:
    """The two characters after the word in the text (职业 in “职业教育发展” → 教育)."""
    at = text.find(word)
    return text[at + len(word) : at + len(word) + 2] if at >= 0 else ""


def _common_ending(one: str, other: str) -> int:
    """How many characters the two end with in common."""
    return len(os.path.commonprefix([one[::-1], other[::-1]]))

"""Plan drafting: a provincial action-plan outline in which every item cites its passage.

Offline, the section templates of `prompts/plan.md` drive retrieval part by part; each item is a
sentence of a retrieved passage, lightly normalised into measure form (要…/推动…) by removing
ordinals and subjects — numbers and names are never touched. Items about the province come only
from material about that province; another province's practice is labelled as such.
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

from .citations import verify_sentence
from .evidence import term_weights
from .extractive import is_answer_sentence, term_coverage
from .index import Index
from .plan_template import Part, PlanTemplate
from .regions import Province, find_province, find_provinces, provinces
from .retrieve import retrieve
from .schema import Chunk, CoverageRow, Passage, PlanItem, PlanOutline, PlanSection
from .segment import char_ngrams, split_sentences

_DIGITS = "零一二三四五六七八九"
MAX_FOCUS_CHARS = 50
_MIN_SCORE = 0.35
_MIN_ELSEWHERE_SCORE = 0.6
_OWN_BONUS = 0.2  # the province's own material is what a drafter needs most
_LEAD_SENTENCE_CHARS = 40
_DUPLICATE = 0.6
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+|一方面|另一方面"
    r"|同时|此外|另外|具体而言|具体来看|总之|因此|为此|对此|与此同时|又如|例如|比如)[，,、：:]?"
)
_SUBJECT = re.compile(
    r"^(?:我省|我市|我国|全省|全市|各地|各级政府|政府|我们)(?=要|应|需|必须|还要)"
)
_MODAL = re.compile(r"^(?:还要|更要|需要|必须|应当|应该|应|需)(?=[\u4e00-\u9fff“])")
_MEASURE_START = re.compile(
    r"^(?:要|推动|推进|加快|强化|完善|建立|健全|支持|鼓励|引导|培育|打造|实施|构建|深化|提升|促进"
    r"|布局|发挥|聚焦|围绕|坚持|加强|优化|探索|依托|畅通|搭建|开展|落实|瞄准|整合|突破|着力|大力"
    r"|深入|积极|持续|全面|前瞻|精准|共建|共育|以)"
)
_DESCRIPTIVE = re.compile(r"^(?:近年来|目前|当前|截至|据|今年|去年|(?:19|20)\d\d年)")
# “……是……的关键突破口”, “……离不开……”: framing, good for 指导思想, not a measure.
_FRAMING = re.compile(
    r"是[^，。]{0,40}(?:关键|重要|核心|必然|基础|根本|前提|支撑|突破口|引擎|动力|工程)"
    r"|^[^，。]{2,12}是|成为[^，。]{0,20}(?:重要|关键)|离不开|意义重大"
)
_ACTOR_LEAD = re.compile(r"^(?:如|又如|例如|比如|近年来[，,]?|对)")
_EXAMPLE = re.compile(r"[，,：:](?:如|又如|例如|比如)")


class PlanError(ValueError):
    """The plan cannot be drafted as asked; the message says why, in Chinese."""


def resolve_province(name: str) -> Province:
    """河北省 / 河北 / 冀 → 河北省; an unknown name is a `PlanError` with suggestions."""
    cleaned = re.sub(r"\s+", "", name or "")
    if not cleaned:
        raise PlanError("请指定省份，例如：河北省、河北或冀。")
    if province := find_province(cleaned):
        return province
    names = {alias: p for p in provinces() for alias in (p.name, p.short)}
    close = difflib.get_close_matches(cleaned, list(names), n=4, cutoff=0.4)
    shared = [p.name for p in provinces() if set(cleaned) & set(p.short)]
    suggestions = list(dict.fromkeys([names[c].name for c in close] + shared))[:5]
    hint = f"您是不是要找：{'、'.join(suggestions)}？" if suggestions else ""
    raise PlanError(
        f"未知的省份“{cleaned[:20]}”。{hint}"
        "请使用34个省级行政区的全称、简称或简称字，例如：河北省、河北、冀。"
    )


def clean_focus(focus: str | None) -> str | None:
    if focus is None:
        return None
    focus = re.sub(r"[\x00-\x1f\x7f]", "", focus).strip()
    if not focus:
        return None
    if len(focus) > MAX_FOCUS_CHARS:
        raise PlanError(f"重点方向过长（{len(focus)}字），请精简到{MAX_FOCUS_CHARS}字以内。")
    return focus


def as_measure(sentence: str) -> str:
    """“一是要整合科技资源，…；” → “要整合科技资源，…。”: only a leading ordinal or subject goes."""
    text = sentence.strip()
    for _ in range(2):
        text = _ORDINAL.sub("", text).lstrip("，,、 ")
    text = _SUBJECT.sub("", text)
    text = _MODAL.sub("要", text)
    if len(text) < 10:  # too little left: keep the sentence as it was
        text = sentence.strip()
    return re.sub(r"[；;，,]$", "。", text) if text[-1:] in "；;，," else text


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that could become an item of one part."""

    chunk: Chunk
    position: int
    sentence: str
    origin: str
    region: str | None
    score: float

    @property
    def key(self) -> tuple[str, int]:
        return (self.chunk.chunk_id, self.position)


def actor(sentence: str) -> Province | None:
    """The province a sentence is about as its actor (“陕西发挥…”, “又如山东每年…”), if any.

    A place named later in the sentence (“座谈会在北京召开”, “承接北京…外溢”) is not its actor.
    """
    heads = [_ACTOR_LEAD.sub("", sentence)[:8]]
    heads += [sentence[m.end() : m.end() + 8] for m in _EXAMPLE.finditer(sentence)]
    for head in heads:
        if found := find_provinces(head):
            return found[0]
    return None


class PlanDrafter:
    """Drafts one outline offline; `passages` numbers the chunks in order of first citation."""

    def __init__(self, index: Index, template: PlanTemplate, province: Province) -> None:
        self.index = index
        self.template = template
        self.province = province
        self.passages: list[Passage] = []
        self._numbers: dict[str, int] = {}
        self._used: set[tuple[str, int]] = set()
        self._used_grams: list[set[str]] = []
        self.province_chunks = [c for c in index.chunks if self.origin_of(c, "")[0] == "province"]
        self.actor_chunks = [
            c
            for c in index.chunks
            if c.region in (None, "全国") and any(actor(s) for s in self.sentences_of(c))
        ]

    # --- where a sentence comes from ---

    def origin_of(self, chunk: Chunk, sentence: str) -> tuple[str, str | None]:
        if chunk.region == self.province.name:
            return "province", chunk.region
        if chunk.region not in (None, "全国"):
            return "elsewhere", chunk.region
        if sentence and (who := actor(sentence)):
            return ("province", who.name) if who == self.province else ("elsewhere", who.name)
        return "national", None

    def own_material(self) -> list[tuple[Chunk, str]]:
        """Every sentence of the corpus about this province: its own texts, and its mentions."""
        return [
            (chunk, sentence)
            for chunk in self.province_chunks + self.actor_chunks
            for sentence in self.sentences_of(chunk)
            if self.origin_of(chunk, sentence)[0] == "province" and self._usable(sentence)
        ]

    @property
    def has_specific_material(self) -> bool:
        return bool(self.own_material())

    @staticmethod
    def sentences_of(chunk: Chunk) -> list[str]:
        return split_sentences(chunk.text, max_chars=170)

    # --- candidates for one part ---

    def pool(self, part: Part) -> list[tuple[Chunk, int]]:
        """Chunks to draw from, with their retrieval rank: the part's query, the province's own."""
        ranked = retrieve(self.index, part.query, k=10).passages
        pool = [(p.chunk, rank) for rank, p in enumerate(ranked)]
        if self.province_chunks:
            local = retrieve(self.index, part.query, k=5, regions=(self.province.name,)).passages
            pool += [(p.chunk, rank) for rank, p in enumerate(local)]
        pool += [(c, 10) for c in self.actor_chunks]
        seen: set[str] = set()
        return [(c, r) for c, r in pool if not (c.chunk_id in seen or seen.add(c.chunk_id))]

    def candidates(self, part: Part, *, measures: bool = True) -> list[Candidate]:
        """Sentences with one of the part's keywords, best first; `measures` prefers 要…/推动…."""
        weights = term_weights(self.index, part.query)
        form = 1.0 if measures else 0.0
        found = []
        for chunk, rank in self.pool(part):
            sentences = self.sentences_of(chunk)
            for position, sentence in enumerate(sentences):
                if not self._usable(sentence):
                    continue
                origin, region = self.origin_of(chunk, sentence)
                # The province's own sentence may take its topic from its neighbours
                # (“…多种科技成果转化模式，如上海… 陕西发挥“秦创原”总平台…”).
                window = self._unit(sentences, position, origin, chunk)
                hits = [k for k in part.keywords if k in window]
                if not hits:
                    continue
                measure = as_measure(sentence)
                score = (
                    term_coverage(window, weights)
                    + 0.15 * min(len(hits), 3)
                    + 0.1 / (rank + 1)
                    + _OWN_BONUS * (origin == "province")
                    + 0.15 * any(k in chunk.heading for k in part.keywords)
                    + form * 0.25 * bool(_MEASURE_START.match(measure))
                    - form * 0.3 * bool(_DESCRIPTIVE.match(measure) or _FRAMING.search(measure))
                )
                found.append(Candidate(chunk, position, sentence, origin, region, score))
        return sorted(found, key=lambda c: (-c.score, c.chunk.chunk_id, c.position))

    @staticmethod
    def _unit(sentences: list[str], position: int, origin: str, chunk: Chunk) -> str:
        """The text a sentence is judged on: itself, the details a short lead sentence heads
        (“打造高层级产业发展平台。以中关村…为载体…”), or, for a province named in a national
        text, its neighbours (“…多种科技成果转化模式，如上海…。陕西发挥“秦创原”…”)."""
        if origin == "province" and chunk.region in (None, "全国"):
            return "".join(sentences[max(0, position - 2) : position + 2])
        if len(sentences[position]) < _LEAD_SENTENCE_CHARS:
            return "".join(sentences[position : position + 3])
        return sentences[position]

    @staticmethod
    def _usable(sentence: str) -> bool:
        return (
            15 <= len(sentence) <= 170
            and is_answer_sentence(sentence)
            and "？" not in sentence
            and "?" not in sentence
        )

    # --- choosing items ---

    def _is_new(self, candidate: Candidate) -> bool:
        if candidate.key in self._used:
            return False
        grams = set(char_ngrams(candidate.sentence, 2))
        return not any(
            len(grams & other) / (len(grams) or 1) > _DUPLICATE for other in self._used_grams
        )

    def _take(self, candidate: Candidate) -> None:
        self._used.add(candidate.key)
        self._used_grams.append(set(char_ngrams(candidate.sentence, 2)))

    def _cite(self, chunk: Chunk) -> int:
        if chunk.chunk_id not in self._numbers:
            n = len(self.passages) + 1
            self._numbers[chunk.chunk_id] = n
            self.passages.append(Passage(n=n, chunk=chunk, score=0.0))
        return self._numbers[chunk.chunk_id]

    def _item(self, candidate: Candidate, measure: str | None) -> PlanItem:
        self._take(candidate)
        return PlanItem(
            text=as_measure(candidate.sentence),
            citations=(self._cite(candidate.chunk),),
            origin=candidate.origin,  # type: ignore[arg-type]
            region=candidate.region,
            measure=measure,
        )

    def _details(self, candidate: Candidate, item: PlanItem) -> None:
        """A short lead sentence (“打造高层级产业发展平台。”) is spelled out by the next ones."""
        if len(candidate.sentence) >= _LEAD_SENTENCE_CHARS:
            return
        sentences = self.sentences_of(candidate.chunk)
        for position in range(candidate.position + 1, min(candidate.position + 3, len(sentences))):
            sentence = sentences[position]
            if not self._usable(sentence):
                break
            follower = Candidate(
                candidate.chunk, position, sentence, candidate.origin, candidate.region, 0.0
            )
            if self._is_new(follower):
                item.details.append(self._item(follower, item.measure))

    def items_for(
        self, part: Part, *, measure: str | None = None, measures: bool = True
    ) -> list[PlanItem]:
        """Up to `part.items` items: the province's own first, then national measures.

        Where the province has nothing for this part, one item of another province's practice
        may stand in, labelled as drawn from elsewhere.
        """
        candidates = [c for c in self.candidates(part, measures=measures) if c.score >= _MIN_SCORE]
        own = [c for c in candidates if c.origin == "province"]
        elsewhere = [c for c in candidates if c.origin == "elsewhere"]
        national = [c for c in candidates if c.origin == "national"]
        chosen: list[Candidate] = []

        def pick(pool: Iterable[Candidate], limit: int, floor: float = _MIN_SCORE) -> None:
            for candidate in pool:
                if len(chosen) >= limit:
                    return
                if candidate.score >= floor and self._is_new(candidate):
                    chosen.append(candidate)
                    self._take(candidate)

        pick(own, min(2, part.items))
        if not chosen and part.borrow:
            pick(elsewhere, 1, _MIN_ELSEWHERE_SCORE)
        pick(national, part.items)
        self._used.difference_update(c.key for c in chosen)  # `_item` takes them again
        items = []
        for candidate in chosen:
            item = self._item(candidate, measure)
            self._details(candidate, item)
            items.append(item)
        return items


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for headings)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"


def _label(chapter: int, part: int, item: int) -> str:
    return f"{chinese_number(chapter + 1)}（{chinese_number(part + 1)}）{item + 1}"


def measure_sources(index: Index, part: Part, limit: int = 3) -> list[str]:
    """National chunks that name a measure, those naming most of its keywords first."""
    scored = []
    for chunk in index.chunks:
        if chunk.region not in (None, "全国"):
            continue
        hits = sum(k in chunk.text for k in part.keywords)
        if hits:
            scored.append((-hits, chunk.chunk_id))
    return [chunk_id for _, chunk_id in sorted(scored)[:limit]]


def named_measures(index: Index, template: PlanTemplate) -> list[tuple[Part, list[str]]]:
    """The task measures the corpus names, each with its national sources; the rest are dropped."""
    found = [(part, measure_sources(index, part)) for part in template.tasks.parts]
    return [(part, sources) for part, sources in found if sources]


def coverage_matrix(
    sections: list[PlanSection], measures: list[tuple[Part, list[str]]]
) -> list[CoverageRow]:
    """Each national measure against the outline: the items drafted for it or naming it."""
    rows = []
    for part, sources in measures:
        labels: list[str] = []
        citations: list[int] = []
        for c, chapter in enumerate(sections):
            for p, subsection in enumerate(chapter.subsections):
                for i, item in enumerate(subsection.items):
                    text = " ".join([item.text] + [d.text for d in item.details])
                    named = sum(k in text for k in part.keywords) >= 2
                    if item.measure == part.key or named:
                        labels.append(_label(c, p, i))
                        citations += [n for n in item.citations if n not in citations]
        rows.append(CoverageRow(part.heading, bool(labels), labels, citations, sources))
    return rows


def verify_items(outline: PlanOutline) -> None:
    """Check every item like an answer sentence, plus: each place it names is in its passages."""
    by_number = {p.n: p for p in outline.passages}
    for item in outline.items():
        marked = item.text + "".join(f"[{n}]" for n in item.citations)
        checked = verify_sentence(marked, outline.passages)
        cited_text = "".join(by_number[n].text for n in item.citations if n in by_number)
        issues = list(checked.issues)
        for place in find_provinces(item.text):
            if not any(alias in cited_text for alias in place.aliases):
                issues.append(f"地名“{place.short}”未出现在所引段落中")
        item.support = checked.support
        item.issues = tuple(issues)
        item.status = "unsupported" if issues and checked.status != "uncited" else checked.status
        if checked.status == "uncited":
            item.status = "uncited"


def draft_offline(
    index: Index, template: PlanTemplate, province: Province, focus: str | None = None
) -> PlanOutline:
    """The offline outline: templates → retrieval per part → cited items → coverage matrix."""
    started = time.perf_counter()
    drafter = PlanDrafter(index, template, province)
    notes: list[str] = []
    named = named_measures(index, template)
    focus_part = _focus_part(template, focus) if focus else None
    task_parts = [part for part, _ in named]
    if focus_part is not None:
        task_parts = [focus_part] + [p for p in task_parts if p.key != focus_part.key]

    # Tasks claim their sentences first, then safeguards, then the general requirements.
    drafted: dict[str, list[PlanItem]] = {}
    order = task_parts + [p for c in template.chapters if c.key != "tasks" for p in c.parts][::-1]
    for part in order:
        measure = part.key if any(part.key == p.key for p, _ in named) else None
        drafted[part.key] = drafter.items_for(
            part, measure=measure, measures=part.form == "measure"
        )

    sections = []
    for number, chapter in enumerate(template.chapters):
        parts = task_parts if chapter.key == "tasks" else list(chapter.parts)
        subsections = [
            PlanSection(
                number=f"（{chinese_number(i + 1)}）",
                heading=part.heading,
                items=drafted[part.key],
                note=part.note.replace("{province}", province.name),
            )
            for i, part in enumerate(p for p in parts if drafted[p.key] or p.note)
        ]
        sections.append(
            PlanSection(f"{chinese_number(number + 1)}、", chapter.heading, [], subsections)
        )

    if focus and focus_part is not None and not drafted[focus_part.key]:
        notes.append(f"资料中没有与“{focus}”直接相关的内容，未能单列该方向的任务。")
    elif focus:
        notes.append(f"按要求突出“{focus}”方向，相关任务列为重点任务第一项。")
    notes.insert(0, _material_note(drafter, province))
    outline = PlanOutline(
        province=province.name,
        title=template.title.replace("{province}", province.name),
        sections=sections,
        coverage=coverage_matrix(sections, named),
        passages=drafter.passages,
        notes=notes,
        focus=focus,
        has_specific_material=drafter.has_specific_material,
        prompt_version=template.prompt.version,
    )
    uncovered = [row.measure for row in outline.coverage if not row.covered]
    if uncovered:
        outline.notes.append(f"以下国家层面举措未找到可引用的条目：{'、'.join(uncovered)}。")
    verify_items(outline)
    outline.timings_ms["draft"] = (time.perf_counter() - started) * 1000
    return outline


def _material_note(drafter: PlanDrafter, province: Province) -> str:
    own = drafter.own_material()
    if not own:
        return (
            f"资料库中没有关于{province.name}的专门资料：本提纲依据国家层面文本和其他省份的做法拟定，"
            f"借鉴条目已标明来源省份，未写入任何关于{province.short}的具体事实、数字或地名。"
            f"起草时请补充{province.short}的实际情况。"
        )
    titles = "、".join(f"《{t}》" for t in dict.fromkeys(chunk.title for chunk, _ in own))
    scarce = f"，但只有{len(own)}句涉及本省" if len(own) < 5 else ""
    return (
        f"资料库中有关于{province.name}的资料（{titles}{scarce}），标注“本省”的条目取自这些资料；"
        "其余条目取自国家层面文本或其他省份的做法（已标明）。"
    )


def _focus_part(template: PlanTemplate, focus: str) -> Part:
    """The task part a focus names (人工智能 → the “人工智能+” task), or a new part for it."""
    for part in template.tasks.parts:
        if focus in part.heading or any(k in focus for k in part.keywords if len(k) >= 2):
            return part
    from .segment import content_words

    words = tuple(dict.fromkeys(w for w in content_words(focus) if len(w) >= 2)) or (focus,)
    return Part(key="focus", heading=f"聚焦{focus}", query=focus, keywords=words, items=3)

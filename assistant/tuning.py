"""Tuning: every threshold and weight the pipeline decides with, grouped by stage.

These are not settings a user changes (those are in `config.py`, read from the environment):
they are the measured operating points of retrieval, the evidence check, the offline answers,
plan drafting and verification. Changing one changes what the assistant says, so their
fingerprint is part of the eval gate's version hash: edit a value here, run
`assistant eval --update-baseline`, and commit the new baseline with it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class RetrievalTuning:
    rrf_k: int = 60
    """Reciprocal-rank fusion constant: a passage at rank r adds weight / (rrf_k + r + 1)."""
    bm25_weight: float = 1.0
    dense_weight: float = 0.7
    """Below BM25's: the offline hashing embedding is weaker than keyword search alone."""
    boost_weight: float = 0.5
    """Extra fused score for a passage about a place or document the question names."""
    candidates: int = 40
    """Passages each ranking contributes before fusion."""
    pointed_extra: int = 4
    """More passages than the top-k when the question points at a document (人民网那篇, 那篇论文):
    that text is searched deeper, its wording being its own, not the question's."""
    duplicate_overlap: float = 0.6
    """A passage sharing this share of its character bigrams with a kept one is dropped."""


@dataclass(frozen=True, slots=True)
class EvidenceTuning:
    min_coverage: float = 0.6
    """Weighted share of the question's words one of the top passages must hold to be answered."""
    top_passages: int = 5
    """How many of the retrieved passages the coverage is measured on."""
    common_word_frequency: int = 300
    """jieba dictionary count above which a word is everyday Chinese, not a topic word."""
    rare_character_frequency: int = 100
    """A single character standing as a word, rarer than this in jieba's dictionary, is a name
    (蓍, 鲷): a passage must hold it, as it must a name jieba guessed."""
    specificity_slope: float = 0.35
    """How fast a common word's weight falls per tenfold frequency."""
    specificity_floor: float = 0.3
    unknown_word_factor: float = 0.5
    """A common noun the index never saw weighs this share of an average known word."""
    seldom_word_documents: int = 2
    usual_word_ratio: float = 10.0
    """A question's word the index has in this many passages or fewer stands for its synonym
    group's words the index has this many times as often (公司 for 企业): the texts' usual word."""
    verb_factor: float = 0.5
    """Verbs and other words of phrasing weigh this share of a noun as rare."""
    answer_type_factor: float = 0.3
    """The kind of answer asked for (哪几类企业, 什么职务) weighs this share of a topic noun."""
    anchored_coverage: float = 0.2
    """… or this share, when the question says where to look (冀那篇, 人民网说) and the best
    passage is from there: the texts there say it in their own words."""
    pooled_passages: int = 1
    """How many of the best passages together must hold the weight (1: one passage alone)."""
    semantic_sure: float = 0.9
    """With a semantic embedding (e5 …): a passage this close to the question answers it even
    when the words differ (its names must still be there)."""
    semantic_floor: float = 0.855
    """… and when no passage is this close, the words alone do not make it answerable."""


@dataclass(frozen=True, slots=True)
class AnswerTuning:
    max_sentences: int = 4
    max_chars: int = 360
    """Longest offline answer, in characters (without citation markers)."""
    listing_sentences: int = 6
    listing_chars: int = 540
    """… and of one asked for a list, ways or problems, or two sides (哪些, 怎么做, 有啥不同):
    its items are the answer."""
    min_coverage: float = 0.3
    """Share of the question's weighted words a sentence must hold, else refuse."""
    coverage_ranks: int = 3
    """… one of this many best-ranked sentences, when the question singles out its document (the
    best-ranked may say it in its own words)."""
    compound_part_credit: float = 0.5
    """A compound of the question the sentence does not hold whole counts this much, shared among
    its words the sentence holds (科研项目 → 项目)."""
    min_figure_coverage: float = 0.4
    """Coverage a sentence with a figure needs to answer a “多少” question."""
    keep_fraction: float = 0.4
    """Further sentences need this share of the best sentence's coverage."""
    named_keep_fraction: float = 0.8
    """… in the answer to a who/when/where question, which wants only the sentences nearly as
    close to it as the best (`named_sentences` of them at most)."""
    named_sentences: int = 6
    comparison_fraction: float = 0.5
    """Each side of a comparison leads with a sentence holding this share of the best's coverage."""
    sentence_weights: tuple[tuple[str, float], ...] = (
        ("coverage", -0.781),
        ("coverage_in_context", 1.602),
        ("overlap", 0.682),
        ("overlap_in_context", 1.939),
        ("echo", 0.833),
        ("template", 0.911),
        ("typed_when", 0.886),
        ("typed_quantity", 1.102),
        ("typed_who", 0.390),
        ("typed_where", 0.574),
        ("typed_reason", 0.891),
        ("typed_list", 0.678),
        ("neighbour", 0.346),
        ("rank", 1.132),
        ("position", 0.312),
        ("length", 0.324),
        ("defines", 2.399),
        ("new", -1.041),
        ("opens_with_subject", 0.347),
        ("verbs", 0.811),
        ("opens_on_date", 1.157),
        ("coverage_in_context_squared", 1.839),
        ("coverage_times_overlap", 0.247),
        ("coverage_times_echo", 0.816),
        ("typed_times_coverage", 0.760),
        ("typed_times_neighbour", 0.346),
        ("overlap_squared", 0.134),
        ("overlap_in_context_squared", 1.288),
        ("coverage_times_overlap_in_context", 1.368),
        ("next_to_best", 0.085),
    )
    """How a sentence is scored as the answer: a weight for each of `candidates.EXPANDED` (what
    share of the question's words it holds, its wording, whether it holds the kind of fact asked
    for, its passage's rank …), fitted on CMRC trial questions (never dev) by
    `benchmarks/fit_sentence_weights.py`, which prints this table."""
    neighbour_weight: float = 0.5
    """A typed sentence next to one that echoes the question takes this share of its coverage."""
    lead_share: float = 0.5
    """A sentence holds this share of what the leads it falls under add to its coverage (a
    paragraph's 共建共享……平台。, an item's 要坚持……。): weaker evidence than its own words."""
    factoid_sentences: int = 3
    """Sentences in the answer to a who/when/where/how-many/what-is question."""
    typed_first: tuple[str, ...] = ("when", "quantity")
    """For these kinds of question, when the best sentence lacks the fact asked for and one near
    it in the same passage has it (“……选址在A地。计划于2024年上半年完工。”), that one answers
    first (for who/where the name and place detection is too loose to overrule the ranking)."""
    typed_first_fraction: float = 0.75
    """… if it scores at least this share of the best one's score (a far weaker sentence with a
    date is a date about something else)."""
    comparison_sentences: int = 3
    """Sentences for each side of a comparison."""
    side_min_coverage: float = 0.15
    """A named side of a comparison none of whose sentences holds `min_coverage` of what is
    compared is answered by its best one holding this share."""
    lead_sentence_chars: int = 40
    """A sentence shorter than this is a lead (“二是……。”): the next sentence spells it out."""
    list_items: int = 8
    """Items of a list a sentence announces (做好以下工作。一是……) quoted with it, at most."""
    consequence_max_chars: int = 100
    """A sentence opening on 因此/所以 up to this long says only the consequence: a “why”
    question quotes the sentence before it first (a longer one says more than that)."""
    sentence_max_chars: int = 160
    """Longer sentences are split further at ；."""
    min_sentence_chars: int = 8
    duplicate_overlap: float = 0.6


@dataclass(frozen=True, slots=True)
class PlanTuning:
    min_score: float = 0.35
    min_elsewhere_score: float = 0.6
    """Another province's practice stands in only above this score."""
    own_bonus: float = 0.2
    """The province's own material is what a drafter needs most."""
    keyword_bonus: float = 0.15
    """Per keyword of the part a sentence holds, up to `max_keyword_hits`."""
    max_keyword_hits: int = 3
    rank_bonus: float = 0.1
    heading_bonus: float = 0.15
    measure_form_bonus: float = 0.25
    """For sentences phrased as measures (要…/推动…)."""
    descriptive_penalty: float = 0.3
    """For descriptions and framing (近年来…, ……是关键) in a measures part."""
    lead_sentence_chars: int = 40
    max_details: int = 2
    min_item_chars: int = 15
    max_item_chars: int = 170
    duplicate_overlap: float = 0.6
    max_focus_chars: int = 50
    passages_per_part: int = 4
    """Passages the LLM path shows the model for each part of the outline."""
    retrieved_per_part: int = 10
    own_per_part: int = 5


@dataclass(frozen=True, slots=True)
class VerifyTuning:
    supported: float = 0.7
    """Character-bigram support at or above which a sentence is `supported`."""
    supported_plain: float = 0.65
    """… for a sentence with nothing to turn round — no negator, no word of rising or falling:
    its names, figures, quotations and clauses are each checked on their own (verifier dev:
    0.7 → 0.65 supports 440 → 446 of 490 faithful sentences and loses no caught error; 0.6
    loses an entity swap)."""
    weak: float = 0.45
    """Below this it is `unsupported`; in between, `weak`."""
    min_claim_chars: int = 6
    """Shorter pieces (“具体如下：”) carry no claim to verify."""
    span_floor: float = 0.3
    """Least support for a passage sentence to be highlighted as the supporting span."""


@dataclass(frozen=True, slots=True)
class Tuning:
    retrieval: RetrievalTuning = field(default_factory=RetrievalTuning)
    evidence: EvidenceTuning = field(default_factory=EvidenceTuning)
    answer: AnswerTuning = field(default_factory=AnswerTuning)
    plan: PlanTuning = field(default_factory=PlanTuning)
    verify: VerifyTuning = field(default_factory=VerifyTuning)

    def fingerprint(self) -> str:
        """A hash of every value: it changes whenever any threshold does."""
        data = json.dumps(asdict(self), sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:12]


TUNING = Tuning()

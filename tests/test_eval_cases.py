"""The eval cases themselves: well-formed, and their phrases really are in the sources."""

import json
from pathlib import Path

from assistant.evals.cases import EvalCase, load_cases

REPO = Path(__file__).resolve().parent.parent
SOURCES = {p.stem: p.read_text("utf-8") for p in (REPO / "seeds").glob("*.txt")}
SCHEMA = json.loads((REPO / "evals" / "schema" / "case.schema.json").read_text("utf-8"))


def test_cases_load_and_cover_every_kind():
    cases = load_cases(REPO / "evals" / "cases.jsonl")
    assert len(cases) >= 60 and len({c.id for c in cases}) == len(cases)
    kinds = {c.kind for c in cases}
    assert kinds == {"fact", "list", "number", "compare", "followup", "out_of_scope", "injection"}
    assert all(set(json.loads(json.dumps(c.__dict__))) <= set(SCHEMA["properties"]) for c in cases)
    assert set(SCHEMA["properties"]) == set(EvalCase.__dataclass_fields__)


def test_locators_and_key_phrases_are_verbatim_in_the_gold_documents():
    for case in load_cases(REPO / "evals" / "cases.jsonl"):
        gold = [SOURCES[doc] for doc in case.gold_docs]
        for locator in case.locators or ([case.locator] if case.locator else []):
            assert any(locator in text for text in gold), (case.id, locator)
        for alternatives in case.key_phrases:
            assert any(alt in text for alt in alternatives for text in gold), (
                case.id,
                alternatives,
            )
        if case.expect == "answer" and case.kind != "injection":
            assert case.gold_docs and case.locator and case.key_phrases, case.id


def test_follow_ups_carry_their_history():
    for case in load_cases(REPO / "evals" / "cases.jsonl"):
        assert bool(case.history) == (case.kind == "followup"), case.id


def test_compare_cases_match_their_schema_and_name_real_phrases():
    from assistant.evals.compare_cases import CompareCase, load_compare_cases

    schema = json.loads((REPO / "evals" / "schema" / "compare_case.schema.json").read_text("utf-8"))
    assert set(schema["properties"]) == set(CompareCase.__dataclass_fields__)
    cases = load_compare_cases(REPO / "evals" / "compare_cases.jsonl")
    assert len(cases) >= 3 and len({c.id for c in cases}) == len(cases)
    from assistant.text.chars import normalise_for_match

    seeds = normalise_for_match("".join(p.read_text("utf-8") for p in (REPO / "seeds").glob("*")))
    for case in cases:
        assert case.own or case.empty
        assert all(normalise_for_match(phrase) in seeds for phrase in case.own), case.id


def test_library_cases_match_their_schema_and_their_library():
    from assistant.evals.library_cases import LibraryCase, load_library_cases

    schema = json.loads((REPO / "evals" / "schema" / "library_case.schema.json").read_text("utf-8"))
    assert set(schema["properties"]) == set(LibraryCase.__dataclass_fields__)
    cases = load_library_cases(REPO / "evals" / "library_cases.jsonl")
    kinds = {c.kind for c in cases}
    assert kinds == set(schema["properties"]["kind"]["enum"])
    library = {p.name for p in (REPO / "evals" / "library").glob("*.txt")}
    for case in cases:
        named = [case.cited, case.not_cited, case.old, case.new]
        assert all(not name or name in library for name in named), case.id

"""The eval gate as a user runs it: `assistant eval` in a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fake_openai import FakeOpenAIServer
from test_llm import faithful_model

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def gate(tmp_path):
    """Run `assistant eval` against a private copy of prompts/ and evals/."""
    prompts = tmp_path / "prompts"
    evals = tmp_path / "evals"
    shutil.copytree(REPO / "prompts", prompts)
    evals.mkdir()
    for name in (
        "cases.jsonl",
        "everyday_cases.jsonl",
        "plan_cases.jsonl",
        "compare_cases.jsonl",
        "library_cases.jsonl",
        "baseline.json",
    ):
        shutil.copy(REPO / "evals" / name, evals / name)
    shutil.copytree(REPO / "evals" / "library", evals / "library")
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(tmp_path / "home"),
        ASSISTANT_PROMPTS_DIR=str(prompts),
        ASSISTANT_EVALS_DIR=str(evals),
    )
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)

    def run(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "assistant", "eval", *args],
            cwd=tmp_path,
            env=env | extra_env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    run.prompts, run.evals = prompts, evals
    return run


def test_the_committed_baseline_passes_and_reports_are_written(gate):
    done = gate()
    assert done.returncode == 0, done.stderr
    assert "评测通过" in done.stdout and "hit@1" in done.stdout
    reports = gate.evals / "reports"
    data = json.loads((reports / "eval-offline.json").read_text("utf-8"))
    assert len(data["cases"]) >= 60 and data["metrics"]["hard_fact_consistency"] == 1.0
    markdown = (reports / "eval-offline.md").read_text("utf-8")
    assert "| 指标 | 本次 | 基线 | 变化 | 状态 |" in markdown
    assert (reports / "eval-offline.png").read_bytes().startswith(b"\x89PNG")


def test_a_prompt_change_without_a_new_baseline_fails(gate):
    with (gate.prompts / "answer.md").open("a", encoding="utf-8") as prompt:
        prompt.write("\n回答尽量简短。\n")
    done = gate()
    assert done.returncode == 1
    assert "assistant eval --update-baseline" in done.stderr and "prompts/" in done.stderr
    updated = gate("--update-baseline")
    assert updated.returncode == 0
    assert gate().returncode == 0


@pytest.mark.parametrize(
    ("path", "old", "new", "named"),
    [
        ("tuning.py", "    rrf_k: int = 60\n", "    rrf_k: int = 61\n", "调优参数"),
        ("data/lexicon/connectives.txt", "此外 同时", "此外 同时 另一方面", "词表"),
    ],
)
def test_a_tuning_or_word_list_change_without_a_new_baseline_fails(
    gate, tmp_path, path, old, new, named
):
    """Edit a copy of the package as a developer would; the gate asks for a new baseline."""
    package = tmp_path / "edited" / "assistant"
    shutil.copytree(REPO / "assistant", package, ignore=shutil.ignore_patterns("__pycache__"))
    source = (package / path).read_text("utf-8")
    assert old in source
    (package / path).write_text(source.replace(old, new, 1), "utf-8")
    edited = {"PYTHONPATH": str(package.parent), "ASSISTANT_SEEDS_DIR": str(REPO / "seeds")}
    done = gate(**edited)
    assert done.returncode == 1
    assert named in done.stderr and "assistant eval --update-baseline" in done.stderr
    assert gate().returncode == 0, "the unedited package still passes"


def test_a_weakened_retriever_fails_and_names_the_regressed_cases(gate):
    done = gate(ASSISTANT_TOP_K="1")
    assert done.returncode == 1
    assert "指标回退" in done.stderr and "hit@5" in done.stderr
    baseline = json.loads((gate.evals / "baseline.json").read_text("utf-8"))
    named = [
        line.split("：")[0].strip() for line in done.stderr.splitlines() if line.startswith("  ")
    ]
    assert named and all(case_id in baseline["cases"] for case_id in named)


def test_missing_baseline_is_an_error_with_the_fix(gate):
    (gate.evals / "baseline.json").unlink()
    done = gate()
    assert done.returncode == 1 and "--update-baseline" in done.stderr


def test_llm_eval_judges_citations_and_caches_every_response(gate):
    def model(request):
        system = request["messages"][0]["content"]
        if "引文核查员" in system:
            return '{"verdict": "支持", "reason": "段落原文有此内容"}'
        if "独立检索" in system:  # the condense prompt
            return request["messages"][-1]["content"].split("追问：")[-1].split("\n")[0]
        return faithful_model(request)

    with FakeOpenAIServer() as server:
        server.responder = model
        llm_env = {
            "OPENAI_BASE_URL": server.base_url,
            "OPENAI_API_KEY": "test",
            "ASSISTANT_CHAT_MODEL": "fake",
        }
        first = gate("--llm", "--update-baseline", **llm_env)
        assert first.returncode == 0, first.stderr
        calls = len(server.requests)
        assert calls > 100
        assert all(r.get("temperature") == 0 for r in server.requests)
        report = json.loads((gate.evals / "reports" / "eval-llm.json").read_text("utf-8"))
        assert report["mode"] == "llm" and report["metrics"]["judge_support"] == 1.0
        assert report["metrics"]["citation_recall"] == 1.0
        again = gate("--llm", **llm_env)
        assert again.returncode == 0, again.stderr
        assert len(server.requests) == calls, "a re-run is answered from the disk cache"


def test_an_answerable_case_that_stops_refusing_with_its_facts_is_no_regression():
    from assistant.evals.regressions import _case_regression

    refused = {
        "rank": 0,
        "refused": True,
        "key_phrase_recall": 0.0,
        "facts_ok": True,
        "injection_ok": True,
        "sentences": 0,
        "supported": 0,
    }
    answered = {
        **refused,
        "refused": False,
        "key_phrase_recall": 1.0,
        "sentences": 1,
        "supported": 1,
    }
    assert _case_regression(refused, answered) == ""
    assert _case_regression(answered, refused) == "要点召回 100% → 0%；开始拒答"
    # an out-of-scope case answered now finds no facts: still flagged
    assert _case_regression(refused, {**answered, "key_phrase_recall": 0.0}) == "不再拒答"


def test_an_out_of_scope_case_that_starts_refusing_is_no_regression():
    """Refusing a question the texts cannot answer is right, whatever the baseline did; an
    out-of-scope case that stops refusing is still flagged."""
    from assistant.evals.regressions import _case_regression

    answered = {
        "rank": None,
        "refused": False,
        "key_phrase_recall": 1.0,  # no key phrases: nothing missing from the answer
        "facts_ok": True,
        "injection_ok": True,
        "sentences": 2,
        "supported": 2,
    }
    refused = {**answered, "refused": True, "key_phrase_recall": 0.0, "sentences": 0}
    assert _case_regression(answered, {**refused, "expect": "refuse"}) == ""
    assert _case_regression(refused, {**answered, "expect": "refuse"}) == "不再拒答"
    assert _case_regression(answered, {**refused, "expect": "answer"}) != ""

"""The app's named API endpoints through `gradio_client`, over real HTTP on loopback."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import start_web
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant.evals.metrics import key_phrase_recall

REPO = Path(__file__).resolve().parent.parent
USERS = 10


def client(url: str, **kwargs) -> Client:
    return Client(url, verbose=False, download_files=False, **kwargs)


def test_ask_endpoint_returns_the_cli_json_contract(web_url):
    api = client(web_url)
    result = api.predict(question="2025年上半年全国登记了多少技术合同？", api_name="/ask")
    assert not result["refused"]
    assert result["citations"] and result["groundedness"] == 1.0
    assert {"question", "answer", "passages", "sentences", "model", "timings_ms"} <= set(result)
    cited = result["passages"][result["citations"][0] - 1]
    assert "技术合同" in cited["text"]

    follow_up = api.predict(
        question="那陕西呢？",
        history=[
            {"role": "user", "content": "河北省在推动科技创新和产业创新融合方面有哪些做法？"},
            {"role": "assistant", "content": "……"},
        ],
        api_name="/ask",
    )
    assert "陕西" in follow_up["standalone_question"]


def test_plan_endpoint_returns_the_outline_json(web_url):
    plan = client(web_url).predict(province="冀", focus="科技金融", api_name="/plan")
    assert plan["province"] == "河北省" and plan["focus"] == "科技金融"
    assert plan["sections"] and plan["coverage"] and plan["passages"]


@pytest.mark.parametrize(
    ("endpoint", "arguments", "message"),
    [
        ("/ask", {"question": "   "}, "问题不能为空"),
        ("/plan", {"province": "火星省"}, "火星省"),
    ],
)
def test_api_errors_come_back_as_chinese_messages(web_url, endpoint, arguments, message):
    with pytest.raises(AppError, match=message):
        client(web_url).predict(**arguments, api_name=endpoint)


def _answerable_cases(count: int) -> list[dict]:
    """Eval cases the offline pipeline answers fully (per the committed baseline), in file order."""
    baseline = json.loads((REPO / "evals" / "baseline.json").read_text("utf-8"))["cases"]
    cases = []
    for line in (REPO / "evals" / "cases.jsonl").read_text("utf-8").splitlines():
        case = json.loads(line)
        before = baseline.get(case["id"], {})
        if (
            case["expect"] == "answer"
            and not case.get("history")
            and before.get("rank") == 0
            and before.get("key_phrase_recall") == 1.0
        ):
            cases.append(case)
    assert len(cases) >= count
    return cases[:count]


def test_ten_concurrent_users_all_get_correct_cited_answers(web_url):
    cases = _answerable_cases(USERS)

    def user(case: dict) -> dict:
        return client(web_url).predict(question=case["question"], api_name="/ask")

    with ThreadPoolExecutor(USERS) as pool:
        results = list(pool.map(user, cases))
    for case, result in zip(cases, results, strict=True):
        assert result["question"] == case["question"]
        assert not result["refused"], case["id"]
        assert result["citations"], case["id"]
        assert all(s["status"] == "supported" for s in result["sentences"]), case["id"]
        assert key_phrase_recall(result["answer"], case["key_phrases"]) == 1.0, case["id"]


def test_login_is_required_when_users_are_configured(settings):
    from pydantic import SecretStr

    app, url = start_web(settings.model_copy(update={"auth": SecretStr("alice:pw1,bob:pw2")}))
    try:
        assert httpx.get(url + "config").status_code == 401
        denied = httpx.post(url + "login", data={"username": "bob", "password": "wrong"})
        assert denied.status_code == 400
        result = client(url, auth=("bob", "pw2")).predict(
            question="2025年上半年全国登记了多少技术合同？", api_name="/ask"
        )
        assert result["citations"]
    finally:
        app.close()

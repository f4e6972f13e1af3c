"""The LLM path, over real HTTP to a scripted OpenAI-compatible server started by the tests."""

import re

import pytest
from conftest import llm_settings

from assistant import Assistant
from assistant.schema import Turn
from fake_openai import FakeOpenAIServer

PASSAGE = re.compile(r'<资料 编号="(\d+)"[^>]*>\n(.*?)\n</资料>', re.S)


def passages_in(request) -> dict[int, str]:
    user = request["messages"][-1]["content"]
    return {int(n): text for n, text in PASSAGE.findall(user)}


def first_sentence(text: str) -> str:
    """The first sentence of the passage body (a passage may open with its heading line)."""
    body = next(line for line in text.split("\n") if "。" in line)
    return body.split("。")[0]


def faithful_model(request) -> str:
    """A well-behaved model: quotes the first sentence of the first two passages that have one
    (a page record, 页面信息 and its lines, has none), citing each."""
    found = {n: text for n, text in passages_in(request).items() if "。" in text}
    return "".join(f"{first_sentence(found[n])}[{n}]。" for n in sorted(found)[:2])


@pytest.fixture()
def server():
    with FakeOpenAIServer() as srv:
        yield srv


@pytest.fixture()
def llm_assistant(settings, server):
    return Assistant(llm_settings(settings, server.base_url))


def test_plain_completion_is_parsed_and_verified(llm_assistant, server):
    server.responder = faithful_model
    answer = llm_assistant.ask("2025年上半年全国登记了多少技术合同？")
    assert not answer.refused
    assert answer.model == "fake-chat" and answer.prompt_version.startswith("answer@")
    assert answer.citations == [1, 2]
    assert [s.status for s in answer.sentences] == ["supported", "supported"]
    request = server.requests[-1]
    assert request["model"] == "fake-chat" and not request.get("stream")
    assert request.headers["authorization"] == "Bearer test-key"
    system = request["messages"][0]["content"]
    assert "只依据" in system and "[1]" in system  # the citation rule with its example
    assert "近41万件" in request["messages"][-1]["content"]  # the retrieved passage was sent


def test_streaming_answer_arrives_in_pieces_and_is_verified(llm_assistant, server):
    server.responder = faithful_model
    events = list(llm_assistant.stream("什么是中试？"))
    deltas = [e.delta for e in events if e.kind == "delta"]
    answer = events[-1].answer
    assert len(deltas) > 1 and "".join(deltas).strip() == answer.answer
    assert server.requests[-1].get("stream") is True
    assert answer.sentences and all(s.status == "supported" for s in answer.sentences)


def test_wrong_missing_and_nonexistent_citations_are_flagged(llm_assistant, server):
    def sloppy_model(request):
        found = passages_in(request)
        one = first_sentence(found[1])
        return f"{one}[2]。{one}。全国共登记技术合同近99万件[1]。"

    server.responder = sloppy_model
    answer = llm_assistant.ask("2025年上半年全国登记了多少技术合同？")
    statuses = [s.status for s in answer.sentences]
    assert statuses == ["unsupported", "uncited", "unsupported"]
    assert any("99万" in issue for issue in answer.sentences[2].issues)
    assert answer.groundedness == 0.0


def test_model_refusal_is_reported_as_a_refusal(llm_assistant, server):
    server.enqueue("根据现有资料无法回答该问题。")
    answer = llm_assistant.ask("科技成果转化的典型模式有哪些？")
    assert answer.refused and answer.sentences == []


def test_out_of_scope_is_refused_without_calling_the_model(llm_assistant, server):
    answer = llm_assistant.ask("广东2025年GDP是多少？")
    assert answer.refused and "广东" in answer.answer
    assert not [r for r in server.requests if r.path.endswith("/chat/completions")]


def test_prompt_leak_is_caught(llm_assistant, server, settings):
    system = (settings.prompts_dir / "answer.md").read_text("utf-8").split("# user")[0]
    server.enqueue(system)
    answer = llm_assistant.ask("科技成果转化的典型模式有哪些？")
    assert answer.refused and "回答规则" not in answer.answer


def test_follow_up_is_condensed_by_the_model(llm_assistant, server):
    server.enqueue("辽宁在人才方面有哪些举措？")
    server.responder = faithful_model
    history = [Turn("user", "河北在人才方面有哪些举措？"), Turn("assistant", "……")]
    answer = llm_assistant.ask("那辽宁呢？", history=history)
    condense_request, answer_request = server.requests[-2], server.requests[-1]
    assert "河北在人才方面有哪些举措" in condense_request["messages"][-1]["content"]
    assert answer.standalone_question == "辽宁在人才方面有哪些举措？"
    assert "辽宁" in answer_request["messages"][-1]["content"]
    assert any(p.chunk.region == "辽宁省" for p in answer.passages[:3])


def test_failed_condense_falls_back_to_offline_rules(llm_assistant, server):
    server.enqueue_fault("status", status=500)
    server.responder = faithful_model
    history = [Turn("user", "河北在人才方面有哪些举措？"), Turn("assistant", "……")]
    answer = llm_assistant.ask("那辽宁呢？", history=history)
    assert answer.standalone_question.startswith("辽宁")


def test_english_question_is_translated_by_the_model_before_searching(llm_assistant, server):
    server.enqueue("2025年上半年全国登记了多少技术合同？")
    server.responder = faithful_model
    answer = llm_assistant.ask("How many technology contracts were registered in H1 2025?")
    assert "How many" in server.requests[0]["messages"][-1]["content"]  # the condense step
    assert answer.standalone_question == "2025年上半年全国登记了多少技术合同？"
    assert not answer.refused and any("近41万件" in p.text for p in answer.passages[:2])


def test_offline_english_question_gets_a_clear_message(assistant):
    answer = assistant.ask("How many technology contracts were registered in H1 2025?")
    assert answer.refused and "中文" in answer.answer

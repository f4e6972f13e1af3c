from pathlib import Path

import pytest

from assistant.llm.prompts import PromptError, load_prompt, prompts_version

REPO = Path(__file__).resolve().parent.parent


def test_answer_prompt_renders_strictly():
    prompt = load_prompt(REPO / "prompts", "answer")
    assert prompt.version.startswith("answer@") and prompt.variables() == {"passages", "question"}
    messages = prompt.render(
        passages=[{"n": 1, "title": "t", "source": None, "date": None, "text": "正文"}],
        question="问？",
    )
    assert [role for role, _ in messages] == ["system", "user"]
    assert '<资料 编号="1" 标题="t">' in messages[1][1] and "问题：问？" in messages[1][1]
    with pytest.raises(PromptError, match="missing"):
        prompt.render(question="问？")
    with pytest.raises(PromptError, match="unexpected"):
        prompt.render(passages=[], question="问？", extra=1)


def test_version_follows_content(tmp_path: Path):
    (tmp_path / "p.md").write_text("# system\n规则\n# user\n{{ q }}", "utf-8")
    first = load_prompt(tmp_path, "p").version
    before = prompts_version(tmp_path)
    (tmp_path / "q.md").write_text("# system\n规则。\n# user\n{{ q }}", "utf-8")
    assert load_prompt(tmp_path, "q").version != first
    assert prompts_version(tmp_path) != before


def test_malformed_prompt_is_an_error(tmp_path: Path):
    (tmp_path / "bad.md").write_text("只有正文", "utf-8")
    with pytest.raises(PromptError):
        load_prompt(tmp_path, "bad")

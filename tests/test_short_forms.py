"""A short form the asker made up is read as the library writes it out (中经会 → 中央经济工作会议)."""

from __future__ import annotations

import pytest
from conftest import assistant_of

from assistant.search.short_forms import _short_forms, spelled_out

LIBRARY = {
    "会议纪要.txt": (
        "经济工作会议纪要\n"
        "2023年中央经济工作会议在长沙召开，会议部署了明年的重点任务。\n"
        "会议提出，推动数字经济和实体经济深度融合，培育新的增长点。\n"
        "推动数字经济和实体经济融合发展，要建设一批智能工厂。\n"
    ),
    "文旅融合.txt": ("文旅融合发展方案\n推动文化和旅游融合发展，要建设一批特色小镇。\n"),
    "仁爱文化.txt": ("论仁爱思想的当代价值\n仁爱是儒家伦理的核心，强调爱人与推己及人。\n"),
    "成果转化.txt": (
        "促进成果转化的若干措施\n改进技术转移制度，着重培养一批成果经纪人。\n"
        "完善技术转移机构的考核办法。\n"
    ),
}


@pytest.fixture(scope="module")
def library_assistant(tmp_path_factory):
    return assistant_of(tmp_path_factory.mktemp("short-forms"), LIBRARY)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("中经会在哪召开？", "长沙"),
        ("推动数实融合要建设什么？", "智能工厂"),
        ("技转制度咋改进？", "成果经纪人"),  # its last word a verb: 技术|转移
    ],
)
def test_a_short_form_is_answered_as_the_library_writes_it_out(library_assistant, question, fact):
    answer = library_assistant.ask(question)
    assert not answer.refused and fact in answer.sentences[0].text, answer.answer
    assert all(s.status == "supported" for s in answer.sentences)


def test_a_short_form_whose_last_word_is_a_verb_is_written_out(library_assistant):
    """技转 of 技术|转移: the last character begins a verb (what is done to the noun before)."""
    index = library_assistant.answerer._index()
    assert spelled_out(index, "技转制度咋改进？") == "技术转移制度咋改进？"


def test_a_name_is_never_read_as_a_short_form(library_assistant):
    assert _short_forms("锦地罗是什么？") == []
    answer = library_assistant.ask("仁经会的核心是什么？")  # no run of the library's words
    assert answer.refused, answer.answer

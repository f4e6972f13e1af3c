"""The UI's HTML: escaping, citation links, flagged sentences, refusals, plans, documents."""

import re

import pytest

from assistant.answer.verify import supporting_span
from assistant.schema import Answer, Chunk, Passage, Sentence
from assistant.surfaces.auth import AuthError, parse_auth
from assistant.surfaces.ui.render import answer_html, user_html
from assistant.surfaces.ui.render_plan import document_html, outline_html


def passage(n: int, text: str, title: str = "关于推动融合的意见") -> Passage:
    chunk = Chunk(f"doc_{n}#0", f"doc_{n}", text, title, source="新华社", date="2025-07-01")
    return Passage(n, chunk, 0.5)


def test_user_text_is_escaped_and_cannot_load_anything():
    html = user_html("<script>alert(1)</script> ![x](http://evil.example/x.png)\n\n**粗体**")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "\n" not in html  # one line: markdown never sees a blank line
    assert "http://evil.example/x.png" in html  # shown as text, never as an image source


def test_answer_citations_become_links_to_passages_in_the_same_message():
    passages = [
        passage(1, "今年上半年，全国共登记技术合同近41万件。其他内容。"),
        passage(2, "无关。"),
    ]
    text = "全国共登记技术合同近41万件[1]。"
    answer = Answer(
        "问题", text, passages, [Sentence(text, (1,), 1.0, "supported")], standalone_question="问题"
    )
    html = answer_html(answer, "t0")
    link = re.search(r'<a class="pa-cite" href="#" data-ref="t0-1"[^>]*>\[1\]</a>', html)
    assert link, html
    assert 'class="pa-passage" data-ref="t0-1"' in html
    assert 'data-ref="t0-2"' not in html  # only cited passages are listed under the answer
    assert "<mark>今年上半年，全国共登记技术合同近41万件。</mark>其他内容。" in html
    assert "《关于推动融合的意见》" in html and "新华社" in html and "2025-07-01" in html
    assert "\n" not in html


def test_unverified_sentences_are_flagged_with_the_reason():
    passages = [passage(1, "推动科技成果转化。")]
    good, bad = "推动科技成果转化[1]。", "到2030年建成100个中心[1]。"
    answer = Answer(
        "问题",
        good + bad,
        passages,
        [
            Sentence(good, (1,), 1.0, "supported"),
            Sentence(bad, (1,), 0.2, "unsupported", ("数字“100”未出现在所引段落中",)),
        ],
    )
    html = answer_html(answer, "t1")
    assert html.count("pa-flag") == 1
    assert 'class="pa-s pa-bad" title="数字“100”未出现在所引段落中"' in html
    assert "⚠ 未通过核验" in html
    assert "1 句有引用支持" in html


def test_out_of_range_citation_is_not_a_link():
    text = "推动科技成果转化[7]。"
    answer = Answer(
        "问题",
        text,
        [passage(1, "推动科技成果转化。")],
        [Sentence(text, (7,), 0.0, "unsupported", ("引用[7]不存在",))],
    )
    html = answer_html(answer, "t2")
    assert 'data-ref="t2-7"' not in html
    assert "pa-missing" in html


def test_refusal_shows_the_nearest_sources():
    passages = [passage(i, f"第{i}段内容。") for i in range(1, 6)]
    answer = Answer(
        "月球上有几个科技园？", "根据现有资料无法回答该问题。", passages, [], refused=True
    )
    html = answer_html(answer, "t3")
    assert "拒答：" in html and "最接近的资料（3）" in html
    assert html.count('class="pa-passage"') == 3


def test_copy_button_carries_plain_text_with_references():
    text = "全国共登记技术合同近41万件[1]。"
    passages = [passage(1, "全国共登记技术合同近41万件。")]
    answer = Answer("问题", text, passages, [Sentence(text, (1,), 1.0, "supported")])
    html = answer_html(answer, "t4")
    copied = re.search(r'data-text="([^"]*)"', html).group(1)
    assert (
        copied.startswith(text)
        and "&#10;参考依据：&#10;[1] 《关于推动融合的意见》 新华社 2025-07-01" in copied
    )


def test_document_text_is_escaped(assistant):
    document = assistant.sources()[0]
    html = document_html(document)
    assert document.title in html or document.title.replace("“", "") in html
    assert "<script" not in html


def test_plan_outline_links_citations_to_its_reference_list(assistant):
    outline = assistant.plan("河北省")
    html = outline_html(outline)
    assert f"<h2>{outline.title}</h2>" in html
    first = outline.items()[0].citations[0]
    assert f'data-ref="plan-{first}"' in html
    assert html.count('class="pa-passage"') == len(outline.passages)


@pytest.mark.parametrize(
    ("sentence", "passage_text", "expected"),
    [
        (
            "全国共登记技术合同近41万件[1]。",
            "开头一句。全国共登记技术合同近41万件。结尾。",
            "全国共登记技术合同近41万件。",
        ),
        ("完全无关的句子内容在这里[1]。", "开头一句。全国共登记技术合同近41万件。", None),
    ],
)
def test_supporting_span_picks_the_passage_sentence(sentence, passage_text, expected):
    span = supporting_span(sentence, passage_text)
    assert (passage_text[span[0] : span[1]] if span else None) == expected


def test_auth_setting_parses_several_users_and_rejects_garbage():
    assert parse_auth("alice:pw1, bob:p:w2") == [("alice", "pw1"), ("bob", "p:w2")]
    assert parse_auth("") is None and parse_auth(None) is None
    with pytest.raises(AuthError):
        parse_auth("alice")


def test_chat_history_key_is_made_once_and_kept_private(tmp_path):
    from assistant.surfaces.ui.chat import browser_secret

    first = browser_secret(tmp_path / "home")
    assert len(first) >= 32 and browser_secret(tmp_path / "home") == first
    assert (tmp_path / "home" / "ui-secret").stat().st_mode & 0o077 == 0

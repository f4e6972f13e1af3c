"""Plan drafting, offline and over the LLM path, against the bundled seeds."""

import json
import re

import pytest
from conftest import llm_settings

from assistant import Assistant
from assistant.plans.outline import chinese_number
from assistant.plans.phrasing import as_measure
from assistant.plans.provinces import PlanError, resolve_province
from fake_openai import FakeOpenAIServer

HEBEI = "001_54a6ce7563e3e102"


def own_items(outline):
    return [i for i in outline.items() if i.origin == "province"]


def cited_docs(outline, item):
    return {outline.passages[n - 1].chunk.doc_id for n in item.citations}


@pytest.fixture(scope="module")
def hebei(assistant):
    return assistant.plan("河北省")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("河北省", "河北省"),
        ("河北", "河北省"),
        ("冀", "河北省"),
        (" 内蒙古 ", "内蒙古自治区"),
        ("内蒙古自治区", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("沪", "上海市"),
    ],
)
def test_provinces_by_full_short_or_one_character_name(name, expected):
    assert resolve_province(name).name == expected


def test_an_unknown_province_is_a_clear_error_with_suggestions(assistant):
    with pytest.raises(PlanError, match="未知的省份“河北县”.*河北省"):
        assistant.plan("河北县")
    with pytest.raises(PlanError, match="请指定省份"):
        assistant.plan("  ")


def test_a_plan_has_the_shape_of_an_action_plan(hebei):
    assert hebei.title == "河北省推动科技创新和产业创新深度融合行动方案（提纲）"
    assert [s.number + s.heading for s in hebei.sections] == [
        "一、总体要求",
        "二、重点任务",
        "三、保障措施",
    ]
    general, tasks, safeguards = hebei.sections
    assert [s.heading for s in general.subsections] == ["指导思想", "主要目标"]
    assert len(tasks.subsections) >= 8 and all(s.items for s in tasks.subsections)
    assert [s.number for s in tasks.subsections[:3]] == ["（一）", "（二）", "（三）"]
    assert any(s.items for s in safeguards.subsections)
    assert any(item.details for item in hebei.items()), "lead sentences carry （1）（2） details"


def test_every_item_is_cited_and_supported_and_quotes_its_passage(hebei):
    items = hebei.items()
    assert items and all(item.citations for item in items)
    assert all(item.status == "supported" for item in items)
    for item in items:
        passage = hebei.passages[item.citations[0] - 1].text
        # Offline items are the passage's sentence with at most an ordinal or subject removed.
        assert item.text.rstrip("。")[-15:] in passage.replace("；", "。")


def test_hebei_specifics_come_from_the_hebei_text(hebei):
    own = own_items(hebei)
    for place in ("雄安", "京津冀"):
        items = [i for i in own if place in i.text]
        assert items, f"no {place} item"
        assert all(cited_docs(hebei, i) == {HEBEI} for i in items)
    national = [i for i in hebei.items() if i.origin == "national"]
    assert national and all(HEBEI not in cited_docs(hebei, i) for i in national)


@pytest.mark.parametrize(
    ("province", "specific"),
    [("辽宁", "辽宁"), ("山东", "青岛"), ("陕西", "秦创原")],
)
def test_other_provinces_carry_their_own_specifics(assistant, province, specific):
    outline = assistant.plan(province)
    assert outline.has_specific_material
    assert any(specific in i.text for i in own_items(outline))
    foreign = [i for i in own_items(outline) if "河北" in i.text or "雄安" in i.text]
    assert not foreign


def test_a_province_without_material_gets_no_invented_local_facts(assistant):
    outline = assistant.plan("云南")
    assert not outline.has_specific_material and not own_items(outline)
    assert "没有关于云南省的专门资料" in outline.notes[0]
    text = " ".join(i.text for i in outline.items())
    assert not re.search("云南|昆明|滇", text)
    borrowed = [i for i in outline.items() if i.origin == "elsewhere"]
    assert borrowed and all(i.region and i.region != "云南省" for i in borrowed)


def test_the_coverage_matrix_lists_national_measures_with_sources(hebei):
    measures = [row.measure for row in hebei.coverage]
    assert "发展科技金融" in measures and "推动教育科技人才一体发展" in measures
    for row in hebei.coverage:
        assert row.sources and all(s.split("#")[0] != HEBEI for s in row.sources)
        assert row.covered == bool(row.items)
        assert all(1 <= n <= len(hebei.passages) for n in row.citations)
    assert all(row.covered for row in hebei.coverage)


def test_a_focus_leads_the_tasks_and_bad_focus_is_an_error(assistant):
    outline = assistant.plan("河北", focus="人工智能+")
    assert "人工智能" in outline.sections[1].subsections[0].heading
    assert any("人工智能" in note for note in outline.notes)
    with pytest.raises(PlanError, match="重点方向过长"):
        assistant.plan("河北", focus="很" * 60)


def test_the_json_contract(hebei):
    data = json.loads(json.dumps(hebei.to_json(), ensure_ascii=False))
    assert {"province", "title", "sections", "coverage", "passages", "notes"} <= data.keys()
    item = data["sections"][1]["subsections"][0]["items"][0]
    assert {"text", "citations"} <= item.keys()
    assert {"measure", "covered", "items", "sources"} <= data["coverage"][0].keys()


def test_measure_form_only_removes_ordinals_and_subjects():
    assert (
        as_measure("一是要整合科技资源，推进创新要素高效流动。")
        == "要整合科技资源，推进创新要素高效流动。"
    )
    assert (
        as_measure("我省要聚焦4个万亿级产业基地和22个产业集群；")
        == "要聚焦4个万亿级产业基地和22个产业集群。"
    )
    assert as_measure("又如山东每年支持千家中小企业联合高校开展协同创新。").startswith("山东每年")
    assert as_measure("政府应着力推动资源统筹配置。") == "要着力推动资源统筹配置。"
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
    ]


# --- the LLM path, over real HTTP ---

PART = re.compile(r"部分 (\w+)｜")
PASSAGE = re.compile(r'<资料 编号="(\d+)"[^>]*>\n(.*?)\n</资料>', re.S)


def plan_parts(request) -> dict[str, list[tuple[int, str]]]:
    user = request["messages"][-1]["content"]
    blocks = PART.split(user)[1:]
    return {
        key: [(int(n), text) for n, text in PASSAGE.findall(body)]
        for key, body in zip(blocks[::2], blocks[1::2], strict=True)
    }


def quoting_model(request) -> str:
    """Quotes the first full sentence of each part's first passage, citing it."""
    sections = []
    for key, passages in plan_parts(request).items():
        n, text = passages[0]
        sentence = next(s for s in re.split("(?<=。)", text) if len(s) > 12 and "。" in s)
        sections.append({"key": key, "items": [{"text": f"{sentence[:-1]}[{n}]。"}]})
    return "```json\n" + json.dumps({"sections": sections}, ensure_ascii=False) + "\n```"


@pytest.fixture()
def llm_planner(settings):
    with FakeOpenAIServer() as server:
        planner = Assistant(llm_settings(settings, server.base_url))
        yield planner, server


def test_llm_plan_is_parsed_verified_and_attributed(llm_planner):
    planner, server = llm_planner
    server.responder = quoting_model
    outline = planner.plan("河北")
    assert outline.model == "fake-chat" and outline.prompt_version.startswith("plan@")
    request = server.requests[-1]
    assert (
        request["messages"][0]["role"] == "system" and "河北省" in request["messages"][1]["content"]
    )
    items = outline.items()
    assert len(items) >= 10 and all(i.status == "supported" for i in items)
    assert any(i.origin == "province" for i in items)
    assert all(row.covered for row in outline.coverage)


def test_llm_items_with_bad_citations_or_invented_places_are_flagged(llm_planner):
    planner, server = llm_planner

    def sloppy(request):
        good = json.loads(quoting_model(request).strip("`json\n"))
        good["sections"][0]["items"] += [
            {"text": "在昆明建设国家级中试基地[1]。"},
            {"text": "推动科技成果转化[99]。"},
        ]
        return json.dumps(good, ensure_ascii=False)

    server.responder = sloppy
    outline = planner.plan("云南")
    flagged = {i.text: i for i in outline.items() if i.status != "supported"}
    assert "在昆明建设国家级中试基地。" in flagged and "推动科技成果转化。" in flagged
    assert any("不存在" in issue for issue in flagged["推动科技成果转化。"].issues)
    assert any("引用待核" in note or "未通过核验" in note for note in outline.notes)


@pytest.mark.parametrize("reply", ["我无法完成。", '{"sections": "oops"}', ""])
def test_unusable_llm_output_falls_back_to_the_offline_plan(llm_planner, reply):
    planner, server = llm_planner
    server.responder = lambda request: reply
    outline = planner.plan("河北")
    assert outline.model == "extractive" and outline.items()
    assert "大模型起草未成功" in outline.notes[-1]


def test_the_material_note_names_a_few_texts_and_counts_the_rest():
    from assistant.plans.outline import material_note
    from assistant.text.regions import provinces

    province = next(p for p in provinces() if p.name == "河北省")
    titles = [f"文件{i}" for i in range(9)]
    note = material_note((titles, 40), province)
    assert "《文件5》等9份文件" in note and "《文件6》" not in note
    assert "只有" not in note
    assert "只有2句涉及本省" in material_note((titles[:1], 2), province)
    assert "没有关于河北省的专门资料" in material_note(([], 0), province)

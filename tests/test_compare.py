"""The province comparison matrix: each province's cell holds only its own material, every
item is cited and checked, and the exports (md, json, docx, xlsx) carry the same cells."""

from __future__ import annotations

import json
import subprocess
import sys

import docx
import pytest
from openpyxl import load_workbook

from assistant.plans.compare import NATIONAL, NOT_COVERED
from assistant.plans.compare_export import cell_text, to_markdown, write
from assistant.plans.provinces import PlanError

PROVINCES = ["河北", "辽宁", "陕西"]
# Programmes only one province's texts speak of (labelled by reading the seeds).
OWN = {"秦创原": "陕西省", "兴辽英才": "辽宁省", "周末工程师": "河北省"}


@pytest.fixture(scope="module")
def matrix(assistant):
    return assistant.compare(PROVINCES)


def _column_text(matrix, column: str) -> str:
    return "".join(item.text for row in matrix.rows for item in row.cells[column])


def test_each_province_column_holds_only_its_own_material(matrix):
    assert matrix.columns == [NATIONAL, "河北省", "辽宁省", "陕西省"]
    for name, owner in OWN.items():
        holders = [c for c in matrix.columns if name in _column_text(matrix, c)]
        assert holders == [owner], (name, holders)
    by_number = {p.n: p for p in matrix.passages}
    for row in matrix.rows:
        for column in matrix.provinces:
            for item in row.cells[column]:
                (n,) = item.citations
                chunk = by_number[n].chunk
                # its own text, or a national text naming it as the actor
                assert chunk.region in (column, None, "全国") and item.region == column
                assert item.origin == "province"


def test_every_item_is_cited_and_passes_the_check(matrix):
    items = matrix.items()
    assert len(items) >= 20
    assert all(item.citations and item.status == "supported" for item in items)
    numbers = [p.n for p in matrix.passages]
    assert numbers == list(range(1, len(numbers) + 1))
    first = [
        n for row in matrix.rows for c in matrix.columns for i in row.cells[c] for n in i.citations
    ]
    assert first[0] == 1  # numbered as the table is read


def test_a_province_with_nothing_on_a_measure_says_so(matrix):
    empty = [(row.measure, c) for row in matrix.rows for c in matrix.provinces if not row.cells[c]]
    assert empty
    assert cell_text([]) == NOT_COVERED
    assert NOT_COVERED in to_markdown(matrix)


def test_a_sentence_stands_in_one_row_of_a_column(matrix):
    for column in matrix.columns:
        texts = [item.text for row in matrix.rows for item in row.cells[column]]
        assert len(texts) == len(set(texts)), column


def test_a_topic_gives_the_national_sub_measures_as_rows(assistant):
    topical = assistant.compare(["河北", "山东"], "科技金融")
    assert topical.topic == "科技金融" and len(topical.rows) >= 2
    assert all(row.cells[NATIONAL] for row in topical.rows)
    assert any("金融" in row.measure for row in topical.rows)


def test_bad_province_lists_are_refused_in_chinese(assistant):
    with pytest.raises(PlanError, match="未知的省份"):
        assistant.compare(["河北", "火星"])
    with pytest.raises(PlanError, match="至少"):
        assistant.compare([" ", ""])
    with pytest.raises(PlanError, match="最多"):
        assistant.compare(["河北", "辽宁", "陕西", "山东", "江苏", "浙江", "广东"])


def test_exports_carry_the_same_cells(matrix, tmp_path):
    data = json.loads(write(matrix, "json", tmp_path / "m.json").read_text("utf-8"))
    assert data["columns"] == matrix.columns and len(data["rows"]) == len(matrix.rows)
    assert data["rows"][0]["cells"][NATIONAL][0]["citations"] == [1]

    book = load_workbook(write(matrix, "xlsx", tmp_path / "m.xlsx"))
    sheet = book["对比"]
    assert [c.value for c in sheet[1]] == ["举措", *matrix.columns]
    assert sheet.cell(2, 1).value == matrix.rows[0].measure
    assert sheet.cell(2, 2).value == cell_text(matrix.rows[0].cells[NATIONAL])
    assert book["参考依据"].max_row == len(matrix.passages) + 1

    document = docx.Document(str(write(matrix, "docx", tmp_path / "m.docx")))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["举措", *matrix.columns]
    assert len(table.rows) == len(matrix.rows) + 1
    assert document.paragraphs[0].text.endswith("对比表")
    references = [p.text for p in document.paragraphs if p.text.startswith("[")]
    assert len(references) == len(matrix.passages)


def test_cli_writes_json_and_reports_bad_provinces(settings, tmp_path):
    env = {
        "ASSISTANT_HOME": str(settings.home),
        "ASSISTANT_LIBRARY_DIR": str(settings.library),
        "ASSISTANT_GENERATOR": "extractive",
    }
    import os

    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "assistant", "compare", *args],
        env=os.environ | env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    done = run("-p", "河北,陕西", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["provinces"] == ["河北省", "陕西省"]
    target = tmp_path / "对比.xlsx"
    done = run("--provinces", "河北、辽宁", "--format", "xlsx", "-o", str(target))
    assert done.returncode == 0 and target.is_file() and "已写入" in done.stderr
    bad = run("-p", "河北,火星")
    assert bad.returncode == 2 and "未知的省份" in bad.stderr

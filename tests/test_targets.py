"""Quantified targets from a real series (the State Council's 2024 and 2025 government work
reports) and two provincial texts written in the style of a 实施方案: values copied exactly,
each row checked against its passage, provincial targets below the national ones flagged."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from openpyxl import load_workbook

from assistant.plans.targets_export import write

NATIONAL_2025 = {  # indicator → value, unit, comparator (read from the 2025 report)
    "国内生产总值增长": ("5", "%", "左右"),
    "居民消费价格涨幅": ("2", "%", "左右"),
    "城镇新增就业": ("1200", "万人", "以上"),
    "城镇调查失业率": ("5.5", "%", "左右"),
    "粮食产量": ("1.4", "万亿斤", "左右"),
    "赤字率": ("4", "%", "左右"),
}


def _rows(table, indicator: str, region: str = "全国"):
    return [r for r in table.rows if r.indicator == indicator and r.region == region]


def test_the_2025_main_targets_are_listed_exactly_with_their_passage(reports):
    table = reports.targets(year=2025)
    by_number = {p.n: p for p in table.passages}
    for indicator, (value, unit, comparator) in NATIONAL_2025.items():
        rows = _rows(table, indicator)
        assert rows, indicator
        row = rows[0]
        assert (row.value, row.unit, row.comparator, row.year) == (value, unit, comparator, 2025)
        assert row.doc_id.startswith("2025年") and row.status == "supported"
        passage = by_number[row.citation].text
        assert row.text in passage and f"{value}{unit}" in passage


def test_each_year_has_its_own_targets(reports):
    cpi_2024 = _rows(reports.targets(year=2024), "居民消费价格涨幅")
    assert [(r.value, r.doc_id[:4]) for r in cpi_2024] == [("3", "2024")]
    assert not any(r.doc_id.startswith("2025") for r in reports.targets(year=2024).rows)


def test_results_of_the_past_year_are_not_targets(reports):
    rows = reports.targets(province="甘肃").rows
    assert not any(r.value == "5.8" for r in rows)  # 过去一年…增长5.8%: a result
    assert not any("36.2" in r.text for r in rows)


def test_a_provincial_target_below_the_national_one_is_flagged(reports):
    table = reports.targets(province="甘肃", year=2025)
    assert {r.region for r in table.rows} == {"甘肃省", "全国"}
    plan = [r for r in table.rows if r.region == "甘肃省" and "实施方案" in r.title]
    growth = next(r for r in plan if r.indicator == "地区生产总值增长")
    assert any(f.startswith("低于国家目标（5%左右）") for f in growth.flags)
    energy = next(r for r in plan if r.indicator == "单位地区生产总值能耗降低")
    assert any(f.startswith("低于国家目标") for f in energy.flags)
    prices = next(r for r in plan if r.indicator == "居民消费价格涨幅")
    jobs = next(r for r in plan if r.indicator == "城镇新增就业")
    assert not prices.flags and not jobs.flags  # equal; and 万人 do not compare across levels
    assert any("不一致（5%）" in f for f in growth.flags)  # the provincial report says 5%左右
    every_year = reports.targets(province="甘肃").rows
    later = next(r for r in every_year if r.year == 2027 and "投入强度" in r.indicator)
    assert later.value == "2" and later.comparator == "以上"


def test_a_national_report_is_not_given_a_province(reports):
    regions = {d.doc_id: d.region for d in reports.sources()}
    assert regions["2025年政府工作报告.txt"] is None  # “隆重庆祝” does not name 重庆


def test_exports_and_cli(reports, tmp_path):
    table = reports.targets(year=2025)
    data = json.loads(write(table, "json", tmp_path / "t.json").read_text("utf-8"))
    assert data["year"] == 2025 and data["targets"][0]["citations"] == [1]
    sheet = load_workbook(write(table, "xlsx", tmp_path / "t.xlsx"))["目标"]
    assert sheet.cell(1, 1).value == "指标" and sheet.max_row == len(table.rows) + 1
    values = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)}
    assert values["城镇调查失业率"] == "5.5"  # as text, exactly as written
    env = os.environ | {
        "ASSISTANT_HOME": str(reports.settings.home),
        "ASSISTANT_LIBRARY_DIR": str(reports.settings.library),
        "ASSISTANT_GENERATOR": "extractive",
    }
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "targets", "--year", "2025", "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["targets"]
    assert {"国内生产总值增长", "城镇新增就业"} <= {r["indicator"] for r in rows}
    bad = subprocess.run(
        [sys.executable, "-m", "assistant", "targets", "-p", "火星"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 2 and "未知的省份" in bad.stderr


def test_a_row_not_copied_from_its_passage_is_flagged():
    from dataclasses import replace

    from assistant.plans.targets import Target, check

    passage = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。"
    row = Target("国内生产总值增长", "5", "%", "左右", 2025, "全国", "other", "d", "t",
                 "国内生产总值增长5%左右", 1)  # fmt: skip
    assert check(row, passage) == ("supported", ())
    status, issues = check(replace(row, value="6", text="国内生产总值增长6%左右"), passage)
    assert status == "unsupported" and any("6%" in issue for issue in issues)

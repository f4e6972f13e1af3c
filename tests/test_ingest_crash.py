"""`kill -9` in the middle of ingesting thousands of files: nothing committed is lost or broken.

A real `assistant ingest` process is killed after its first batch is committed; `assistant ask`
must still answer from the index as it was, and a second `assistant ingest` must finish the job.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from assistant import Assistant
from assistant.config import Settings
from assistant.search.retrieve import retrieve

FILES = 3000
REPO = Path(__file__).resolve().parent.parent
PROVINCES = [
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
]
TOPICS = ["中试平台", "科技金融", "成果转化", "产业集群", "创新联合体", "数字化改造", "人才引育"]


def write_corpus(folder: Path, files: int = FILES) -> dict[str, str]:
    """Short, realistic notices, each with a unique registration code: name → code."""
    rng = random.Random(20261123)
    folder.mkdir()
    codes = {}
    for i in range(files):
        province, topic = rng.choice(PROVINCES), rng.choice(TOPICS)
        code = f"JX{i:05d}"
        count, money = rng.randint(3, 90), rng.randint(2, 900)
        text = (
            f"{province}省关于推进{topic}建设的通知（{code}）\n"
            f"为贯彻落实推动科技创新和产业创新深度融合的部署，{province}省决定开展{topic}专项行动。"
            f"项目登记编号为{code}，计划建设{topic}项目{count}个，安排省级资金{money}亿元。"
            f"各地要加强组织领导，完善工作机制，推动企业、高校和科研院所协同攻关。"
            f"省科技厅会同有关部门按季度调度进展，年底前对实施情况开展评估。\n"
        )
        name = f"通知_{i:05d}.txt"
        (folder / name).write_text(text, "utf-8")
        codes[name] = code
    return codes


def run(args: list[str], env: dict, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        **kwargs,
    )


def committed_documents(home: Path) -> int:
    try:
        state = (home / "index" / "CURRENT").read_text("utf-8").strip()
        manifest = json.loads((home / "index" / "states" / state / "manifest.json").read_text())
        return manifest["documents"]
    except (FileNotFoundError, json.JSONDecodeError):
        return 0


def kill_an_ingest_then_ask(tmp_path: Path, env: dict, files: int) -> int:
    """Index the seeds, start ingesting `files` notices, `kill -9` it after its first commit:
    the state it committed answers, and a reader does not finish someone else's ingest."""
    home = Path(env["ASSISTANT_HOME"])
    assert run(["index"], env, tmp_path).returncode == 0
    seeds_only = committed_documents(home)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", str(tmp_path / "inbox")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while committed_documents(home) == seeds_only and time.monotonic() < deadline:
        assert ingest.poll() is None, "ingest finished before it could be interrupted"
        time.sleep(0.05)
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait()
    interrupted = committed_documents(home)
    assert seeds_only < interrupted < seeds_only + files, interrupted

    asked = run(["ask", "2025年上半年全国登记了多少技术合同？", "--json"], env, tmp_path)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert not answer["refused"] and answer["citations"]
    assert committed_documents(home) == interrupted, "a reader never finishes someone's ingest"
    return seeds_only


def test_kill_during_ingest_keeps_the_index_usable_and_a_rerun_finishes(tmp_path):
    home = tmp_path / "home"
    codes = write_corpus(tmp_path / "inbox")
    env = dict(os.environ, ASSISTANT_HOME=str(home), ASSISTANT_GENERATOR="extractive")
    seeds_only = kill_an_ingest_then_ask(tmp_path, env, FILES)

    again = run(["ingest", str(tmp_path / "inbox")], env, tmp_path)
    assert again.returncode == 0, again.stderr
    assert committed_documents(home) == seeds_only + FILES

    assistant = Assistant(Settings(home=home, generator="extractive"))
    index = assistant.index
    assert set(codes) <= set(index.documents())
    # the offline hashing embedding keeps no vectors outside the state: nothing else to clean
    # (an embedding that does is tested in test_index.py, crash after vectors were written)
    assert not (home / "index" / "chroma").exists() and not (home / "index" / "WRITING").exists()
    for name in random.Random(7).sample(sorted(codes), 40):  # each file found by its own code
        hits = retrieve(index, codes[name], k=3).passages
        assert hits and hits[0].chunk.doc_id == name, (name, [p.chunk.doc_id for p in hits])

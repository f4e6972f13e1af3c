"""The command line as a user runs it: real processes, the `ask --json` contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def run(tmp_path_factory, shared_home):
    workdir = tmp_path_factory.mktemp("cli")
    env = dict(os.environ, ASSISTANT_HOME=str(shared_home), ASSISTANT_GENERATOR="extractive")
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            cwd=workdir,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_ask_json_follows_the_contract(run):
    done = run("ask", "2025年上半年全国登记了多少技术合同？", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for key in (
        "question",
        "answer",
        "refused",
        "passages",
        "citations",
        "sentences",
        "groundedness",
        "model",
        "prompt_version",
        "timings_ms",
    ):
        assert key in data, key
    assert data["model"] == "extractive" and data["refused"] is False
    first = data["passages"][0]
    assert {"n", "chunk_id", "doc_id", "title", "text", "score"} <= first.keys()
    assert [p["n"] for p in data["passages"]] == list(range(1, len(data["passages"]) + 1))
    for n in data["citations"]:
        assert f"[{n}]" in data["answer"]
    cited = [data["passages"][n - 1] for n in data["citations"]]
    assert any(p["doc_id"] == "004_dd093aed7fc08f9e" and "近41万件" in p["text"] for p in cited)
    assert {"retrieve", "generate", "verify"} <= data["timings_ms"].keys()
    assert all(s["status"] == "supported" and s["citations"] for s in data["sentences"])


def test_plain_ask_prints_answer_and_sources(run):
    done = run("ask", "秦创原发挥了什么作用？")
    assert done.returncode == 0, done.stderr
    assert "秦创原" in done.stdout and "引用来源：" in done.stdout and "[1]" in done.stdout


def test_doc_filter_and_k(run):
    done = run("ask", "科技成果转化", "--json", "--k", "3", "--doc", "003_494ccc21f6e99a83")
    data = json.loads(done.stdout)
    assert len(data["passages"]) <= 3 and {p["doc_id"] for p in data["passages"]} == {
        "003_494ccc21f6e99a83"
    }
    unknown = run("ask", "科技成果转化", "--doc", "nope")
    assert unknown.returncode == 2 and "找不到文档" in unknown.stderr


def test_batch_reads_lines_and_jsonl(run, tmp_path):
    batch = tmp_path / "q.txt"
    batch.write_text(
        "2025年上半年全国登记了多少技术合同？\n\n"
        + json.dumps(
            {
                "question": "那辽宁呢？",
                "history": [{"role": "user", "content": "河北在人才方面有哪些举措？"}],
            },
            ensure_ascii=False,
        )
        + "\n   \n明天天气怎么样？\n",
        "utf-8",
    )
    done = run("ask", "--batch", str(batch))
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 3
    assert "近41万件" in rows[0]["answer"]
    assert rows[1]["standalone_question"].startswith("辽宁")
    assert rows[2]["refused"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [(("ask", ""), "不能为空"), (("ask", "   "), "不能为空"), (("ask",), "请提供问题")],
)
def test_bad_input_gets_a_message_not_a_traceback(run, args, message):
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_huge_question_from_stdin_gets_a_message(run):
    done = run("ask", "-", stdin="科技" * 50_000)
    assert done.returncode == 2 and "过长" in done.stderr and "Traceback" not in done.stderr


def test_english_question_gets_a_sensible_reply(run):
    done = run(
        "ask", "How many technology contracts were registered in the first half of 2025?", "--json"
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    data = json.loads(done.stdout)
    assert data["answer"]


def test_sources_lists_the_corpus(run):
    done = run("sources", "--json")
    rows = json.loads(done.stdout)
    assert [r["doc_id"] for r in rows] == sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))
    compilation = next(r for r in rows if r["doc_id"].startswith("000_"))
    assert len(compilation["articles"]) == 3


def test_index_is_a_no_op_when_nothing_changed(run):
    run("index")
    done = run("index")
    assert done.returncode == 0 and "无需重建" in done.stdout


def test_plan_docx_as_a_user_runs_it(run, tmp_path):
    import docx

    target = tmp_path / "plans" / "plan.docx"
    done = run("plan", "--province", "河北省", "--format", "docx", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert "已写入" in done.stderr and "注明引用" in done.stderr
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert texts[0] == "河北省推动科技创新和产业创新深度融合行动方案（提纲）"
    assert {"一、总体要求", "二、重点任务", "三、保障措施", "参考依据"} <= set(texts)
    assert any("雄安" in t for t in texts) and any("京津冀" in t for t in texts)


def test_plan_json_and_markdown(run):
    done = run("plan", "-p", "蒙", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["province"] == "内蒙古自治区" and not data["has_specific_material"]
    assert "没有关于内蒙古自治区的专门资料" in data["notes"][0]
    markdown = run("plan", "--province", "辽宁", "--focus", "科技金融")
    assert markdown.returncode == 0 and markdown.stdout.startswith("# 辽宁省")
    assert (
        "### （一）发展科技金融" in markdown.stdout and "## 重点举措覆盖对照表" in markdown.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--province", "火星"), "未知的省份"),
        (("--province", "河北", "--format", "pdf"), "不支持的格式"),
        (("--province", "河北", "--focus", "很" * 80), "重点方向过长"),
    ],
)
def test_plan_bad_input_is_a_clear_error(run, args, message):
    done = run("plan", *args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_serve_starts_the_web_ui_on_loopback_and_stops_cleanly(shared_home, tmp_path):
    import httpx
    from conftest import free_port

    port = free_port()
    env = dict(os.environ, ASSISTANT_HOME=str(shared_home), ASSISTANT_GENERATOR="extractive")
    env.pop("ASSISTANT_AUTH", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        started = server.stderr.readline()
        assert f"http://127.0.0.1:{port}" in started, started
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert page.status_code == 200 and "政策助手" in page.text
        assert _listening_addresses(port) == {"127.0.0.1"}  # not reachable from the network
    finally:
        server.terminate()
        server.wait(timeout=30)


def _listening_addresses(port: int) -> set[str]:
    """The local addresses with a listening TCP socket on `port`, from /proc/net/tcp{,6}."""
    import ipaddress

    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            pytest.skip("no /proc/net/tcp on this system")
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(str(ipaddress.IPv4Address(raw[::-1])))
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    found.add(str(ipaddress.IPv6Address(words)))
    return found


def test_serve_rejects_a_malformed_login_setting(shared_home, tmp_path):
    env = dict(os.environ, ASSISTANT_HOME=str(shared_home), ASSISTANT_AUTH="alice")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "serve", "--port", "1"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "ASSISTANT_AUTH 格式应为" in done.stderr and "Traceback" not in done.stderr

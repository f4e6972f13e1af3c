"""A shared assistant: users and roles checked on the server for every door (the UI's own event
endpoints called directly, the OpenAI-compatible API, MCP), an audit log of every change and
refused attempt, API tokens (revocable, rate-limited), and no secret in clear text anywhere."""

from __future__ import annotations

import asyncio
import json
import os
import uuid

import httpx
import openai
import pytest
from served import Served

from assistant import Assistant
from assistant.surfaces.accounts import Accounts
from assistant.surfaces.audit import entries

PASSWORDS = {"vera": "viewer-pass-1", "eddie": "editor-pass-1", "ada": "admin-pass-1"}
ROLES = {"vera": "viewer", "eddie": "editor", "ada": "admin"}
QUESTION = "2025年上半年全国登记了多少技术合同？"


@pytest.fixture(scope="module")
def team(settings, tmp_path_factory):
    """`assistant serve` in this process with three users, their tokens and two library files."""
    home = tmp_path_factory.mktemp("team") / "home"
    accounts = Accounts(home)
    for name, password in PASSWORDS.items():
        accounts.add(name, ROLES[name], password)
    tokens = {name: accounts.create_token(name)[1] for name in PASSWORDS}
    tokens["limited"] = accounts.create_token("vera")[1]
    tokens["revoked"] = accounts.create_token("vera")[1]
    inbox = tmp_path_factory.mktemp("inbox")
    for name in ("一号.txt", "二号.txt", "三号.txt"):
        (inbox / name).write_text(
            f"宁夏{name[:2]}方案\n宁夏回族自治区将建设枸杞产业创新中心3个。", "utf-8"
        )
    configured = settings.model_copy(
        update={"home": home, "library_dir": home / "library", "auth": None}
    )
    Assistant(configured).ingest(sorted(inbox.iterdir()))
    env = dict(
        os.environ,
        ASSISTANT_HOME=str(home),
        ASSISTANT_LIBRARY_DIR=str(home / "library"),
        ASSISTANT_GENERATOR="extractive",
        ASSISTANT_API_RATE_PER_MINUTE="6",
        ASSISTANT_LOG_LEVEL="INFO",
    )
    env.pop("ASSISTANT_AUTH", None)
    served = Served(env, home.parent)  # a real `assistant serve` process
    yield {
        "url": served.url,
        "home": home,
        "tokens": tokens,
        "accounts": accounts,
        "served": served,
    }
    served.stop()


def api(team, who: str, **kwargs) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=team["url"] + "v1", api_key=team["tokens"][who], max_retries=0, **kwargs
    )


def test_streams_a_cited_answer_and_a_refusal_object(team):
    client = api(team, "vera")
    assert {m.id for m in client.models.list()} == {"policy-assistant", "policy-assistant-plan"}
    stream = client.chat.completions.create(
        model="policy-assistant", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "近41万件" in text and "[1]" in text and "参考依据" in text
    extension = chunks[-1].model_extra["policy_assistant"]
    assert not extension["refused"] and extension["citations"]
    assert {"answer", "passages", "sentences"} <= set(extension)

    follow_up = client.chat.completions.create(
        model="policy-assistant",
        messages=[
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": text},
            {"role": "user", "content": "成交额是多少？"},
        ],
    )
    assert "3万亿元" in follow_up.choices[0].message.content, "the history is the conversation"

    refused = client.chat.completions.create(
        model="policy-assistant",
        messages=[{"role": "user", "content": "2025年诺贝尔文学奖授予了谁？"}],
    )
    assert refused.model_extra["policy_assistant"]["refused"] is True
    assert refused.choices[0].message.content.startswith("根据现有资料无法回答")


def test_a_revoked_token_gets_401_and_the_rate_limit_429_with_retry_after(team):
    accounts = team["accounts"]
    revoked = team["tokens"]["revoked"]
    token_id = revoked.split("-")[1]
    assert api(team, "revoked").models.list().data  # works before
    accounts.revoke(token_id)
    with pytest.raises(openai.AuthenticationError) as refused:
        api(team, "revoked").models.list()
    assert refused.value.status_code == 401 and "撤销" in refused.value.message

    client = api(team, "limited")
    for _ in range(6):
        client.models.list()
    with pytest.raises(openai.RateLimitError) as limited:
        client.models.list()
    assert 1 <= int(limited.value.response.headers["retry-after"]) <= 60
    assert "过于频繁" in limited.value.message


class Session:
    """A logged-in browser session, driving the UI's own event endpoints directly (what the page
    does on a click), without the page — so a hidden or disabled button is no protection."""

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=120)
        login = self.http.post("/login", data={"username": name, "password": PASSWORDS[name]})
        assert login.status_code == 200, login.text
        self.config = self.http.get("/config").json()

    def _event(self, elem_id: str) -> int:
        ids = [c["id"] for c in self.config["components"] if c["props"].get("elem_id") == elem_id]
        return next(d["id"] for d in self.config["dependencies"] if d["targets"][0][0] in ids)

    def trigger(self, elem_id: str, data: list) -> dict:
        """Run the event a click on `elem_id` runs; the final message (output or error)."""
        session = uuid.uuid4().hex
        joined = self.http.post(
            "/gradio_api/queue/join",
            json={"data": data, "fn_index": self._event(elem_id), "session_hash": session},
        )
        assert joined.status_code == 200, joined.text
        with self.http.stream("GET", f"/gradio_api/queue/data?session_hash={session}") as events:
            for line in events.iter_lines():
                if line.startswith("data:"):
                    message = json.loads(line[5:])
                    if message.get("msg") == "process_completed":
                        return message
        raise AssertionError("no result")

    def upload(self, name: str, text: str) -> dict:
        sent = self.http.post("/gradio_api/upload", files={"files": (name, text.encode())})
        path = sent.json()[0]
        return {"path": path, "orig_name": name, "meta": {"_type": "gradio.FileData"}}


def _attempts(home, user: str, action: str) -> list[dict]:
    return [e for e in entries(home) if e["user"] == user and e["action"] == action]


def test_a_viewer_is_refused_ingest_and_delete_at_every_door_and_the_log_shows_it(team):
    url, home = team["url"], team["home"]
    viewer = Session(url, "vera")
    deleted = viewer.trigger("delete-doc", ["一号.txt"])
    assert deleted["success"] is False
    assert "没有权限删除文档" in deleted["output"]["error"]
    upload = viewer.upload("四号.txt", "宁夏四号方案\n宁夏将建设中试基地5个。")
    ingested = viewer.trigger("ingest-button", [[upload]])
    assert ingested["success"] is False and "没有权限导入文档" in ingested["output"]["error"]

    headers = {"Authorization": f"Bearer {team['tokens']['vera']}"}
    by_token = httpx.delete(f"{url}v1/library/documents/一号.txt", headers=headers)
    assert by_token.status_code == 403 and "没有权限删除文档" in by_token.json()["error"]["message"]
    sent = httpx.post(
        f"{url}v1/library/documents",
        headers=headers,
        files={"file": ("四号.txt", "宁夏四号方案\n宁夏将建设中试基地5个。".encode())},
    )
    assert sent.status_code == 403 and "没有权限导入文档" in sent.json()["error"]["message"]

    names = {d.doc_id for d in Assistant(_settings(team)).sources()}
    assert "一号.txt" in names and "四号.txt" not in names, "nothing changed"
    denied = [e for e in entries(home) if e["user"] == "vera" and e["outcome"] == "denied"]
    assert {(e["action"], e["via"]) for e in denied} == {
        ("delete", "ui"),
        ("ingest", "ui"),
        ("delete", "api"),
        ("ingest", "api"),
    }


def _settings(team):
    from assistant.config import Settings

    return Settings(home=team["home"], library_dir=team["home"] / "library", generator="extractive")


def test_an_editor_deletes_through_the_ui_and_the_api_and_both_are_logged(team):
    url, home = team["url"], team["home"]
    editor = Session(url, "eddie")
    done = editor.trigger("delete-doc", ["二号.txt"])
    assert done["success"] is True, done
    headers = {"Authorization": f"Bearer {team['tokens']['eddie']}"}
    by_token = httpx.delete(f"{url}v1/library/documents/三号.txt", headers=headers)
    assert by_token.status_code == 200 and by_token.json()["removed"] == ["三号.txt"]
    names = {d.doc_id for d in Assistant(_settings(team)).sources()}
    assert not {"二号.txt", "三号.txt"} & names
    logged = {(e["target"], e["via"], e["outcome"]) for e in _attempts(home, "eddie", "delete")}
    assert logged == {("二号.txt", "ui", "ok"), ("三号.txt", "api", "ok")}

    viewer_eval = Session(url, "vera").trigger("eval-button", [])
    assert viewer_eval["success"] is False and "没有权限运行评测" in viewer_eval["output"]["error"]


def test_an_mcp_client_lists_the_tools_and_gets_a_cited_answer(team):
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    async def talk() -> tuple[set[str], dict]:
        headers = {"Authorization": f"Bearer {team['tokens']['ada']}"}
        async with (
            httpx2.AsyncClient(headers=headers, timeout=120) as http,
            Client(streamable_http_client(team["url"] + "mcp/", http_client=http)) as client,
        ):
            tools = {tool.name for tool in (await client.list_tools()).tools}
            result = await client.call_tool("ask", {"question": QUESTION})
            assert not result.is_error, result.content
            return tools, json.loads(result.content[0].text)

    tools, answer = asyncio.run(talk())
    assert {"ask", "search", "plan", "compare", "targets", "diff"} <= tools
    assert not answer["refused"] and answer["citations"] and "41万" in answer["answer"]

    anonymous = httpx.post(team["url"] + "mcp/", json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert anonymous.status_code == 401


def test_no_password_or_token_in_clear_text_on_disk_or_in_any_page(team):
    secrets = list(PASSWORDS.values()) + list(team["tokens"].values())
    for path in team["home"].rglob("*"):
        if path.is_file() and path.stat().st_size < 5_000_000:
            data = path.read_bytes()
            assert not any(s.encode() in data for s in secrets), path
    viewer = Session(team["url"], "vera")
    pages = [viewer.http.get(p).text for p in ("/", "/config", "/gradio_api/info")]
    assert not any(s in page for s in secrets for page in pages)
    logged = team["served"].stderr()  # the server's log, at INFO
    assert logged and not any(s in logged for s in secrets)


def test_users_tokens_and_audit_at_the_command_line(tmp_path):
    from test_ingest_crash import run

    env = dict(os.environ, ASSISTANT_HOME=str(tmp_path / "home"))

    def cli(*args: str, password: str = ""):
        return run(list(args), env, tmp_path, input=password)

    assert cli("users", "add", "bob", "--role", "editor", password="bob-pass-1\n").returncode == 0
    short = cli("users", "add", "amy", password="short\n")
    assert short.returncode == 2 and "至少 8 个字符" in short.stderr
    assert "bob\teditor" in cli("users", "list").stdout
    created = cli("tokens", "create", "bob")
    token = created.stdout.strip()
    assert token.startswith("pa-") and "不会再次显示" in created.stderr
    token_id = cli("tokens", "list").stdout.split("\t")[0]
    assert cli("tokens", "revoke", token_id).returncode == 0
    assert "已撤销" in cli("tokens", "list").stdout
    assert cli("users", "passwd", "bob", password="bob-pass-2\n").returncode == 0
    accounts = Accounts(tmp_path / "home")
    assert accounts.verify("bob", "bob-pass-2") and not accounts.verify("bob", "bob-pass-1")
    assert accounts.token_identity(token) is None
    audit = cli("audit").stdout
    assert "添加 bob（editor）" in audit and "error: AccountError" in audit and "撤销令牌" in audit
    stored = (tmp_path / "home" / "accounts.json").read_text("utf-8")
    assert "bob-pass" not in stored and token not in stored and "scrypt$" in stored

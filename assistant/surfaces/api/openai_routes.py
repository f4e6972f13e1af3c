"""The OpenAI-compatible API (`/v1`): chat clients (Cherry Studio, Open WebUI, Chatbox), Dify
and agents talk to the assistant as to a model.

- `GET /v1/models`: one model per mode — `policy-assistant` (questions) and
  `policy-assistant-plan` (the last message names a province, optionally a focus).
- `POST /v1/chat/completions`, plain or streaming (SSE): the verified answer with its `[n]`
  markers and a 参考依据 list, so any client shows something readable; the `policy_assistant`
  field carries the `assistant ask --json` object (citations, sentence statuses, refusal).
- `POST /v1/library/documents` (multipart `file`) and `DELETE /v1/library/documents/{id}`:
  ingest and delete for editors, like the 资料库 tab.

Every request carries a user's API token; the user's role is checked for each action, and every
change (or refused attempt) goes into the audit log.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from ...answer.questions import QuestionError
from ...app import Assistant
from ...labels import passage_title, sources_shown
from ...plans.export_md import to_markdown
from ...plans.provinces import PlanError
from ..accounts import Identity, PermissionDenied
from ..audit import perform
from ..team import Team
from .tokens import RateLimit, Refused, authenticate

MODELS = {
    "policy-assistant": "政策问答：逐句核验引用的回答",
    "policy-assistant-plan": "省级行动方案提纲：最后一条消息写省份（可加关注方向）",
}
_PIECE = 24  # characters per streamed chunk


def error(status: int, message: str, code: str, headers: dict | None = None) -> JSONResponse:
    kind = "invalid_request_error" if status < 500 else "server_error"
    if status == 429:
        kind = "rate_limit_error"
    body = {"error": {"message": message, "type": kind, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


def _text(content) -> str:
    """A message's text: a string, or the text parts of a list of content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def _conversation(messages) -> tuple[str, list[dict]]:
    if not isinstance(messages, list) or not messages:
        raise Refused(400, "messages 不能为空：最后一条应是用户的问题。", "invalid_messages")
    turns = [
        {"role": m.get("role"), "content": _text(m.get("content"))}
        for m in messages
        if isinstance(m, dict) and m.get("role") in ("user", "assistant")
    ]
    if not turns or turns[-1]["role"] != "user" or not turns[-1]["content"].strip():
        raise Refused(400, "最后一条消息应是用户的问题。", "invalid_messages")
    return turns[-1]["content"], turns[:-1]


def reply_text(answer) -> str:
    """The answer as a chat client shows it: sentences with [n], then 参考依据 (or, for a
    refusal, the nearest sources)."""
    heading, shown = sources_shown(answer)
    lines = [answer.answer]
    if shown:
        lines.append(f"\n{heading}：")
    lines += [passage_title(p) for p in shown]
    return "\n".join(lines)


class OpenAIRoutes:
    def __init__(self, assistant: Assistant, team: Team, limit: RateLimit) -> None:
        self.assistant, self.team, self.limit = assistant, team, limit

    def router(self) -> APIRouter:
        router = APIRouter(prefix="/v1")
        router.add_api_route("/models", self.models, methods=["GET"])
        router.add_api_route("/chat/completions", self.chat, methods=["POST"])
        router.add_api_route("/library/documents", self.ingest, methods=["POST"])
        router.add_api_route("/library/documents/{doc_id}", self.delete, methods=["DELETE"])
        return router

    def _who(self, request: Request) -> Identity:
        return authenticate(self.team, self.limit, request.headers.get("authorization"))

    async def models(self, request: Request):
        try:
            self._who(request)
        except Refused as exc:
            return error(exc.status, exc.message, exc.code, exc.headers)
        created = int(time.time())
        data = [
            {
                "id": name,
                "object": "model",
                "created": created,
                "owned_by": "policy-assistant",
                "description": description,
            }
            for name, description in MODELS.items()
        ]
        return {"object": "list", "data": data}

    async def chat(self, request: Request):
        try:
            who = self._who(request)
            try:
                body = await request.json()
            except ValueError:
                raise Refused(400, "请求体应是 JSON。", "invalid_json") from None
            model = body.get("model") or "policy-assistant"
            if model not in MODELS:
                raise Refused(
                    404, f"没有模型 {model}：可用 {'、'.join(MODELS)}。", "model_not_found"
                )
            question, history = _conversation(body.get("messages"))
            text, extension = await run_in_threadpool(self._respond, who, model, question, history)
        except Refused as exc:
            return error(exc.status, exc.message, exc.code, exc.headers)
        except PermissionDenied as exc:
            return error(403, str(exc), "permission_denied")
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        created = int(time.time())
        if body.get("stream"):
            return StreamingResponse(
                _chunks(completion_id, created, model, text, extension),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache"},
            )
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "policy_assistant": extension,
        }

    def _respond(self, who: Identity, model: str, question: str, history: list[dict]):
        if model == "policy-assistant-plan":
            who.check("plan")
            province, _, focus = question.strip().partition(" ")
            try:
                outline = self.assistant.plan(province, focus.strip() or None)
            except PlanError as exc:
                raise Refused(400, str(exc), "invalid_province") from None
            return to_markdown(outline), outline.to_json()
        who.check("ask")
        try:
            answer = self.assistant.ask(question, history=history)
        except QuestionError as exc:
            raise Refused(400, str(exc), "invalid_question") from None
        return reply_text(answer), answer.to_json()

    async def _perform(self, request: Request, action: str, target: str, work):
        """The token's user does `action` if their role allows, audited; (result, None) or
        (None, the error response)."""
        try:
            who = self._who(request)
            done = await run_in_threadpool(
                perform, self.team.home, who, action, target, "api", work
            )
        except Refused as exc:
            return None, error(exc.status, exc.message, exc.code, exc.headers)
        except PermissionDenied as exc:
            return None, error(403, str(exc), "permission_denied")
        return done, None

    async def ingest(self, request: Request, file: Annotated[UploadFile, File()]):
        name = Path(file.filename or "upload.txt").name  # never a client's path
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(await file.read())
            report, refused = await self._perform(
                request, "ingest", name, lambda: self.assistant.ingest([(path, name)])
            )
        if refused is not None:
            return refused
        outcomes = [
            {"name": o.name, "status": o.status, "message": o.message} for o in report.outcomes
        ]
        return {"summary": report.summary(), "outcomes": outcomes}

    async def delete(self, request: Request, doc_id: str):
        done, refused = await self._perform(
            request, "delete", doc_id, lambda: self.assistant.remove([doc_id])
        )
        if refused is not None:
            return refused
        removed, unknown = done
        if unknown:
            return error(404, f"资料库中没有文档 {doc_id}。", "document_not_found")
        return {"removed": removed}


async def _chunks(completion_id: str, created: int, model: str, text: str, extension: dict):
    def event(delta: dict, finish: str | None = None, **extra) -> str:
        chunk = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for start in range(0, len(text), _PIECE):
        yield event({"content": text[start : start + _PIECE]})
    yield event({}, "stop", policy_assistant=extension)
    yield "data: [DONE]\n\n"

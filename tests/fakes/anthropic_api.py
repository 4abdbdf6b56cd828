"""A local fake of the Anthropic Messages API, for driving the real SDK in tests.

A real HTTP server on 127.0.0.1 (ephemeral port) in a background thread, so the SDK's own
request building, auth headers, retries, timeouts and response parsing are all exercised;
point the client at it with `base_url=fake.url`.

    def test_x(fake_anthropic):
        fake_anthropic.script(tool_answer([entry(sku="SKU-12")]))
        client = anthropic.Anthropic(api_key=fake_anthropic.api_key, base_url=fake_anthropic.url)

Scripted replies are served in order; the last one repeats (so a 529 keeps coming back
for every retry). Every request that reached the handler is recorded, authorised or not.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from tests.fakes.server import FakeHTTPServer

FAKE_API_KEY = "sk-ant-test-fake-key"
TOOL_NAME = "draft_journal_entry"

ENTRY_FIELDS = (
    "category",
    "reason",
    "sku",
    "quantity",
    "unit",
    "unit_cost",
    "total",
    "new_unit_value",
    "reduction_per_unit",
    "location",
    "debit_account",
    "credit_account",
)


@dataclass(frozen=True)
class Reply:
    """One scripted HTTP answer. `delay` is slept before answering (for client timeouts)."""

    status: int
    body: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-cased names
    body: Any  # parsed JSON, or the raw text when it was not JSON

    @property
    def user_text(self) -> str:
        """The text of the first user turn (string or text blocks)."""
        content = self.body["messages"][0]["content"]
        if isinstance(content, str):
            return content
        return "".join(b.get("text", "") for b in content if b.get("type") == "text")

    @property
    def system_text(self) -> str:
        system = self.body.get("system", "")
        if isinstance(system, str):
            return system
        return "\n".join(b.get("text", "") for b in system)


# -- reply builders ----------------------------------------------------------------------

_ids = itertools.count(1)


def entry(**fields: str | None) -> dict[str, str | None]:
    """One write-off as the tool would give it: every field present, null unless given."""
    unknown = set(fields) - set(ENTRY_FIELDS)
    if unknown:
        raise ValueError(f"unknown entry fields {sorted(unknown)}")
    return {name: fields.get(name) for name in ENTRY_FIELDS}


def message(
    content: list[dict[str, Any]], stop_reason: str = "end_turn", model: str = "claude-haiku-5-5"
) -> dict[str, Any]:
    n = next(_ids)
    return {
        "id": f"msg_fake_{n}",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": 412, "output_tokens": 88},
    }


def tool_answer(entries: list[dict[str, Any]], *, name: str = TOOL_NAME) -> Reply:
    """A good forced-tool answer; a short text block first, so position-picking would fail."""
    block = {
        "type": "tool_use",
        "id": f"toolu_fake_{next(_ids)}",
        "name": name,
        "input": {"entries": entries},
    }
    return Reply(200, message([{"type": "text", "text": "Here is the entry."}, block], "tool_use"))


def raw_tool_answer(tool_input: Any, *, name: str = TOOL_NAME) -> Reply:
    """A tool_use block with any input at all (for schema violations)."""
    block = {
        "type": "tool_use",
        "id": f"toolu_fake_{next(_ids)}",
        "name": name,
        "input": tool_input,
    }
    return Reply(200, message([block], "tool_use"))


def text_answer(text: str = "Sure! Debit 5000, credit 1200, $600.") -> Reply:
    """A malformed answer: prose, no tool_use block."""
    return Reply(200, message([{"type": "text", "text": text}], "end_turn"))


def refusal() -> Reply:
    return Reply(200, message([{"type": "text", "text": "I can't help with that."}], "refusal"))


def cut_off(entries: list[dict[str, Any]]) -> Reply:
    """stop_reason max_tokens: the tool input may be incomplete and must not be trusted."""
    reply = tool_answer(entries)
    return Reply(200, {**reply.body, "stop_reason": "max_tokens"})


def api_error(status: int, error_type: str, msg: str, **headers: str) -> Reply:
    """The real error body shape: {"type": "error", "error": {"type": ..., "message": ...}}."""
    body = {"type": "error", "error": {"type": error_type, "message": msg}}
    return Reply(status, body, {"request-id": f"req_fake_{next(_ids)}", **headers})


def overloaded(**headers: str) -> Reply:
    return api_error(529, "overloaded_error", "Overloaded", **headers)


def rate_limited(**headers: str) -> Reply:
    return api_error(
        429, "rate_limit_error", "Number of requests has exceeded your rate limit", **headers
    )


def slow(reply: Reply, seconds: float) -> Reply:
    return Reply(reply.status, reply.body, reply.headers, delay=seconds)


# -- the server --------------------------------------------------------------------------


class _Server(FakeHTTPServer):
    fake: FakeAnthropic


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output quiet
        pass

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        try:
            body: Any = json.loads(raw)
        except ValueError:
            body = raw
        headers = {k.lower(): v for k, v in self.headers.items()}
        fake._record(RecordedRequest("POST", self.path, headers, body))

        if self.path.split("?")[0] != "/v1/messages":
            self._send(api_error(404, "not_found_error", f"Unknown path {self.path}"))
            return
        if not fake._authorised(headers):
            self._send(api_error(401, "authentication_error", "invalid x-api-key"))
            return
        reply = fake._next_reply()
        if reply.delay and fake._stopping.wait(reply.delay):
            return  # server shutting down: drop the connection
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        data = json.dumps(reply.body).encode("utf-8")
        try:
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout): expected in timeout tests


class FakeAnthropic:
    """Handle on a running fake: .url, .api_key, .requests, .script(...)."""

    def __init__(self, api_key: str = FAKE_API_KEY) -> None:
        self.api_key = api_key
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._replies: list[Reply] = []
        self._stopping = threading.Event()
        self._server = _Server(_Handler, name="fake-anthropic")
        self._server.fake = self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def message_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.split("?")[0] == "/v1/messages"]

    def script(self, *replies: Reply) -> None:
        """Replace the queue of replies; the last one repeats once the others are used."""
        with self._lock:
            self._replies = list(replies)

    def start(self) -> FakeAnthropic:
        self._server.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.stop()

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _authorised(self, headers: Mapping[str, str]) -> bool:
        return (
            headers.get("x-api-key") == self.api_key
            or headers.get("authorization") == f"Bearer {self.api_key}"
        )

    def _next_reply(self) -> Reply:
        with self._lock:
            if not self._replies:
                return api_error(500, "api_error", "the fake was not scripted for this test")
            if len(self._replies) > 1:
                return self._replies.pop(0)
            return self._replies[0]


@contextmanager
def serve_fake_anthropic(api_key: str = FAKE_API_KEY) -> Iterator[FakeAnthropic]:
    fake = FakeAnthropic(api_key).start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    with serve_fake_anthropic() as fake:
        yield fake

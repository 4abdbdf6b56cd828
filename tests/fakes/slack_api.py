"""A local fake of the Slack Web API, for driving the real slack_sdk WebClient in tests.

A real HTTP server on 127.0.0.1 (ephemeral port) in a background thread, so the SDK's own
request encoding (JSON or form), auth header, retry handlers and error parsing all run:

    def test_x(fake_slack):
        client = WebClient(token=fake_slack.token, base_url=fake_slack.api_url)
        client.chat_postMessage(channel="C1", text="hi")
        assert fake_slack.calls("chat.postMessage")[0].args["text"] == "hi"

It answers like Slack: HTTP 200 with {"ok": false, "error": ...} for bad arguments, and it
enforces Block Kit limits (50 blocks per message, section text 3,000, ...) with
"invalid_blocks" so a card that Slack would refuse fails here too. Response URLs
(`fake.response_url()`) and file upload URLs point back at the same server.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from tests.fakes.server import FakeHTTPServer
from tests.fakes.slack_signing import BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, new_trigger_id

FAKE_TOKEN = "xoxb-fake-bot-token"
BOT_NAME = "writeoff-bot"

MAX_MESSAGE_BLOCKS = 50
MAX_MODAL_BLOCKS = 100
MAX_HOME_BLOCKS = 100
MAX_TEXT = 40_000
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ID = 255
MAX_MODAL_TITLE = 24
MAX_PRIVATE_METADATA = 3000
MAX_OPTIONS = 100
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
RESPONSE_URL_USES = 5  # Slack lets a response_url be used five times

JSON_FIELDS = ("blocks", "view", "attachments", "files", "metadata", "users")
APP_TOKEN_METHODS = frozenset({"apps.connections.open"})
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Call:
    """One request to /api/<method>, answered or refused."""

    method: str
    args: dict[str, Any]  # blocks/view/... JSON-decoded; token removed
    token: str | None
    status: int
    response: dict[str, Any]
    at: float

    @property
    def ok(self) -> bool:
        return bool(self.response.get("ok"))

    @property
    def error(self) -> str | None:
        return self.response.get("error")


@dataclass
class Message:
    channel: str
    ts: str
    text: str
    blocks: list[dict[str, Any]]
    user: str = BOT_USER_ID
    thread_ts: str | None = None
    edits: int = 0


@dataclass(frozen=True)
class Fault:
    error: str
    status: int
    retry_after: int | None


@dataclass
class ResponsePost:
    key: str
    payload: dict[str, Any]


class SlackError(Exception):
    """Raised inside a method handler: becomes {"ok": false, "error": ...}."""

    def __init__(self, error: str, messages: list[str] | None = None) -> None:
        super().__init__(error)
        self.error = error
        self.messages = messages or []


# -- Block Kit checks --------------------------------------------------------------------------


def _text_of(obj: Any) -> str:
    return str(obj.get("text", "")) if isinstance(obj, dict) else ""


def _check_len(errors: list[str], where: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        errors.append(f"{where} must be at most {limit} characters (got {len(value)})")


def _check_text(errors: list[str], where: str, obj: Any, limit: int) -> None:
    if obj is None:
        return
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        errors.append(f"{where} must be a text object")
        return
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        errors.append(f"{where}.text must be a non-empty string")
        return
    _check_len(errors, f"{where}.text", text, limit)


def _check_options(errors: list[str], where: str, options: Any) -> list[str]:
    values: list[str] = []
    if not isinstance(options, list):
        errors.append(f"{where} must be an array")
        return values
    if len(options) > MAX_OPTIONS:
        errors.append(f"{where} must have at most {MAX_OPTIONS} items (got {len(options)})")
    for j, opt in enumerate(options):
        if not isinstance(opt, dict):
            errors.append(f"{where}[{j}] must be an object")
            continue
        _check_text(errors, f"{where}[{j}].text", opt.get("text"), MAX_OPTION_TEXT)
        _check_len(errors, f"{where}[{j}].value", opt.get("value"), MAX_OPTION_VALUE)
        values.append(str(opt.get("value")))
    return values


def _check_element(errors: list[str], where: str, el: Any) -> None:
    if not isinstance(el, dict):
        errors.append(f"{where} must be an object")
        return
    _check_len(errors, f"{where}.action_id", el.get("action_id"), MAX_ID)
    kind = el.get("type")
    if kind == "button":
        _check_text(errors, f"{where}.text", el.get("text"), MAX_BUTTON_TEXT)
        _check_len(errors, f"{where}.value", el.get("value"), MAX_BUTTON_VALUE)
        _check_len(errors, f"{where}.url", el.get("url"), 3000)
    if "placeholder" in el:
        _check_text(errors, f"{where}.placeholder", el.get("placeholder"), 150)
    if kind in ("static_select", "multi_static_select"):
        values: list[str] = []
        if "options" in el:
            values += _check_options(errors, f"{where}.options", el["options"])
        if "option_groups" in el:
            groups = el["option_groups"] or []
            if len(groups) > MAX_OPTIONS:
                errors.append(f"{where}.option_groups must have at most {MAX_OPTIONS} items")
            for g, group in enumerate(groups):
                _check_text(errors, f"{where}.option_groups[{g}].label", group.get("label"), 75)
                values += _check_options(
                    errors, f"{where}.option_groups[{g}].options", group.get("options")
                )
        initial = el.get("initial_option")
        if isinstance(initial, dict) and str(initial.get("value")) not in values:
            errors.append(f"{where}.initial_option must be one of the options")
    if kind == "plain_text_input":
        max_length = el.get("max_length", 3000)
        _check_len(errors, f"{where}.initial_value", el.get("initial_value"), int(max_length))
    if (
        kind == "datepicker"
        and el.get("initial_date") is not None
        and not _DATE.match(str(el["initial_date"]))
    ):
        errors.append(f"{where}.initial_date must be YYYY-MM-DD")
    confirm = el.get("confirm")
    if isinstance(confirm, dict):
        _check_text(errors, f"{where}.confirm.title", confirm.get("title"), 100)
        _check_text(errors, f"{where}.confirm.text", confirm.get("text"), 300)
        _check_text(errors, f"{where}.confirm.confirm", confirm.get("confirm"), 30)
        _check_text(errors, f"{where}.confirm.deny", confirm.get("deny"), 30)


def check_blocks(blocks: Any, max_blocks: int) -> list[str]:
    """Slack's rules for a list of blocks; [] when Slack would accept them."""
    if not isinstance(blocks, list):
        return ["blocks must be an array"]
    errors: list[str] = []
    if len(blocks) > max_blocks:
        errors.append(f"no more than {max_blocks} items allowed (got {len(blocks)})")
    block_ids: set[str] = set()
    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        if not isinstance(block, dict):
            errors.append(f"{where} must be an object")
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            _check_len(errors, f"{where}.block_id", block_id, MAX_ID)
            if block_id in block_ids:
                errors.append(f"{where}.block_id {block_id!r} is not unique")
            block_ids.add(block_id)
        kind = block.get("type")
        if kind == "section":
            if "text" not in block and "fields" not in block:
                errors.append(f"{where} must have text or fields")
            _check_text(errors, f"{where}.text", block.get("text"), MAX_SECTION_TEXT)
            fields = block.get("fields") or []
            if len(fields) > MAX_FIELDS:
                errors.append(f"{where}.fields must have at most {MAX_FIELDS} items")
            for j, f in enumerate(fields):
                _check_text(errors, f"{where}.fields[{j}]", f, MAX_FIELD_TEXT)
            if "accessory" in block:
                _check_element(errors, f"{where}.accessory", block["accessory"])
        elif kind == "header":
            _check_text(errors, f"{where}.text", block.get("text"), MAX_HEADER_TEXT)
        elif kind == "context":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 10:
                errors.append(f"{where}.elements must have 1 to 10 items")
            for j, el in enumerate(elements):
                if isinstance(el, dict) and el.get("type") in ("plain_text", "mrkdwn"):
                    _check_text(errors, f"{where}.elements[{j}]", el, 3000)
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 25:
                errors.append(f"{where}.elements must have 1 to 25 items")
            action_ids = [e.get("action_id") for e in elements if isinstance(e, dict)]
            if len([a for a in action_ids if a]) != len({a for a in action_ids if a}):
                errors.append(f"{where}: action_id values must be unique within a block")
            for j, el in enumerate(elements):
                _check_element(errors, f"{where}.elements[{j}]", el)
        elif kind == "input":
            _check_text(errors, f"{where}.label", block.get("label"), 2000)
            _check_text(errors, f"{where}.hint", block.get("hint"), 2000)
            _check_element(errors, f"{where}.element", block.get("element"))
        # And whatever slack_sdk's own models know (types, required fields, more limits).
        try:
            parsed = Block.parse(block)
            if parsed is None:
                errors.append(f"{where}: unknown block type {kind!r}")
            else:
                parsed.to_dict()  # validates recursively
        except Exception as exc:  # slack_sdk raises several types; all mean "invalid"
            errors.append(f"{where}: {exc}")
    return errors


def check_view(view: Any) -> list[str]:
    if not isinstance(view, dict):
        return ["view must be an object"]
    errors: list[str] = []
    if view.get("type") not in ("modal", "home"):
        errors.append("view.type must be modal or home")
    if view.get("type") == "modal":
        _check_text(errors, "view.title", view.get("title"), MAX_MODAL_TITLE)
        if not view.get("title"):
            errors.append("view.title is required")
        _check_text(errors, "view.submit", view.get("submit"), 24)
        _check_text(errors, "view.close", view.get("close"), 24)
        blocks = view.get("blocks") or []
        if any(isinstance(b, dict) and b.get("type") == "input" for b in blocks) and not view.get(
            "submit"
        ):
            errors.append("view.submit is required when a view has input blocks")
    if view.get("type") == "home":
        # A Home tab is not a dialog: Slack refuses a title, submit or close on it.
        for key in ("title", "submit", "close"):
            if key in view:
                errors.append(f"view.{key} is not allowed in a home view")
    _check_len(errors, "view.private_metadata", view.get("private_metadata"), MAX_PRIVATE_METADATA)
    _check_len(errors, "view.callback_id", view.get("callback_id"), MAX_ID)
    _check_len(errors, "view.external_id", view.get("external_id"), MAX_ID)
    limit = MAX_HOME_BLOCKS if view.get("type") == "home" else MAX_MODAL_BLOCKS
    errors += check_blocks(view.get("blocks"), limit)
    try:
        View(**view).to_dict()
    except Exception as exc:  # slack_sdk's own checks
        errors.append(f"view: {exc}")
    return errors


# -- the fake ----------------------------------------------------------------------------------


class FakeSlack:
    """The fake Web API. Configure `usergroups`, `users`, `channel_errors`, `tokens`."""

    def __init__(self, token: str = FAKE_TOKEN) -> None:
        self.token = token
        self.tokens: set[str] = {token}
        # App-level tokens (xapp-) are good for apps.connections.open only; a Socket Mode
        # fake (tests/fakes/slack_socket.py) adds its token and hands out the links.
        self.app_tokens: set[str] = set()
        self.socket_mode: Any = None
        self.team_id = TEAM_ID
        self.bot_user_id = BOT_USER_ID
        self.bot_id = BOT_ID
        self.usergroups: dict[str, list[str]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        # channel -> error for chat.postMessage / conversations.info (e.g. "not_in_channel")
        self.channel_errors: dict[str, str] = {}
        self.trigger_ttl: float | None = None  # seconds; Slack's is 3, None = no time limit
        # Distribution: the app's credentials, the install codes handed out (code -> team)
        # and each bot token's workspace (token -> team id, bot user id, bot id).
        self.client_id = "1111.2222"
        self.client_secret = "fake-client-secret"
        self.oauth_codes: dict[str, str] = {}
        self.workspaces: dict[str, tuple[str, str, str]] = {}
        self._lock = threading.Condition()
        self._calls: list[Call] = []
        self._messages: dict[str, list[Message]] = defaultdict(list)
        self._ephemeral: list[dict[str, Any]] = []
        self._views: dict[str, dict[str, Any]] = {}
        self._homes: dict[str, dict[str, Any]] = {}  # user -> their published Home tab
        self._triggers: dict[str, float] = {}  # issued trigger id -> time issued
        self._dead_triggers: set[str] = set()  # expired or already used
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._delays: dict[str, float] = {}
        self._answer_delays: dict[str, float] = {}
        self._responses: list[ResponsePost] = []
        self._response_uses: dict[str, int] = defaultdict(int)
        self._uploads: dict[str, dict[str, Any]] = {}
        self._files: dict[str, dict[str, Any]] = {}  # files people shared (add_file)
        self._seq = itertools.count(1)
        self._ts_base = int(time.time())
        self._server = FakeHTTPServer(self._handler_class(), name="fake-slack")
        self._server.start()

    # -- lifecycle

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """base_url for WebClient."""
        return self.url + "/api/"

    def client(self, **kwargs: Any) -> WebClient:
        return WebClient(token=kwargs.pop("token", self.token), base_url=self.api_url, **kwargs)

    def close(self) -> None:
        self._server.stop()

    def __enter__(self) -> FakeSlack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what tests look at

    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[Call]:
        """Block until `count` calls of `method` arrived (work may run in other threads)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = sorted({c.method for c in self._calls})
                    raise AssertionError(
                        f"{len(found)} of {count} {method} calls after {timeout}s; saw {seen}"
                    )
                self._lock.wait(left)

    def messages(self, channel: str) -> list[Message]:
        with self._lock:
            return list(self._messages.get(channel, []))

    def message(self, channel: str, ts: str) -> Message | None:
        with self._lock:
            return next((m for m in self._messages.get(channel, []) if m.ts == ts), None)

    def ephemerals(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._ephemeral)

    def home(self, user: str) -> dict[str, Any] | None:
        """The Home tab last published for `user` (views.publish), or None."""
        with self._lock:
            return self._homes.get(user)

    def views(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return dict(self._views)

    def responses(self, key: str | None = None) -> list[ResponsePost]:
        with self._lock:
            return [r for r in self._responses if key is None or r.key == key]

    def wait_for_response(
        self, key: str | None = None, count: int = 1, timeout: float = 15.0
    ) -> list[ResponsePost]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [r for r in self._responses if key is None or r.key == key]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(found)} of {count} response_url posts")
                self._lock.wait(left)

    def uploads(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return dict(self._uploads)

    # -- what tests set up

    def response_url(self, key: str | None = None) -> str:
        """A response_url that records what is POSTed to it (see `responses`)."""
        return f"{self.url}/response/{key or next(self._seq)}"

    def new_trigger_id(self) -> str:
        trigger = new_trigger_id()
        with self._lock:
            self._triggers[trigger] = time.monotonic()
        return trigger

    def expire_trigger(self, trigger_id: str) -> None:
        with self._lock:
            self._dead_triggers.add(trigger_id)

    def add_message(self, channel: str, text: str, user: str = "U0REPORTER") -> str:
        """A message someone else posted (so chat.update on it fails like Slack's)."""
        with self._lock:
            ts = self._next_ts()
            self._messages[channel].append(Message(channel, ts, text, [], user))
        return ts

    def add_file(
        self, name: str, content: bytes, mimetype: str = "text/csv", user: str = "U0REPORTER"
    ) -> dict[str, Any]:
        """A file someone shared: what a message's `files` list carries. Its content is
        served at url_private_download, to the bot token only, as Slack does."""
        with self._lock:
            file_id = f"F{next(self._seq):08d}"
            info = {
                "id": file_id,
                "name": name,
                "title": name,
                "mimetype": mimetype,
                "filetype": name.rsplit(".", 1)[-1].lower(),
                "size": len(content),
                "user": user,
                "url_private": f"{self.url}/files-pri/{file_id}/{name}",
                "url_private_download": f"{self.url}/files-pri/{file_id}/download/{name}",
            }
            self._files[file_id] = {"info": info, "content": content}
            return dict(info)

    def _file_download(self, path: str, auth: str | None) -> tuple[int, bytes, str]:
        file_id = path.split("/")[0]
        with self._lock:
            stored = self._files.get(file_id)
        token = auth[7:].strip() if auth and auth.lower().startswith("bearer ") else None
        if stored is None:
            return 404, b"not found", "text/plain"
        if token not in self.tokens:
            # Slack answers an unauthenticated download with its sign-in page, not the file.
            return 200, b"<!DOCTYPE html><html>Sign in to Slack</html>", "text/html"
        return 200, stored["content"], stored["info"]["mimetype"]

    def install_code(self, team_id: str) -> str:
        """A code Slack would put on the redirect after someone approved the install in
        workspace `team_id` (good once, for oauth.v2.access)."""
        code = f"code-{team_id}-{next(self._seq)}"
        with self._lock:
            self.oauth_codes[code] = team_id
        return code

    def team_of(self, token: str | None) -> str:
        return self.workspaces[token][0] if token in self.workspaces else self.team_id

    def revoke_team(self, team_id: str) -> None:
        """Slack revokes a workspace's tokens when the app is uninstalled there."""
        with self._lock:
            for token, ws in list(self.workspaces.items()):
                if ws[0] == team_id:
                    self.tokens.discard(token)

    def fail_next(
        self,
        method: str,
        error: str = "ratelimited",
        status: int = 429,
        retry_after: int | None = 1,
    ) -> None:
        """The next call of `method` fails once: 429 + Retry-After by default."""
        with self._lock:
            self._faults[method].append(
                Fault(error, status, retry_after if status == 429 else None)
            )

    def set_delay(self, method: str, seconds: float) -> None:
        """Sleep before answering `method` (to test client timeouts and ack budgets)."""
        with self._lock:
            self._delays[method] = seconds

    def set_answer_delay(self, method: str, seconds: float) -> None:
        """Do `method` at once, then sleep before answering: as when Slack has shown the
        message to everyone but its answer is still on the way to the poster."""
        with self._lock:
            self._answer_delays[method] = seconds

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self._messages.clear()
            self._ephemeral.clear()
            self._views.clear()
            self._homes.clear()
            self._faults.clear()
            self._delays.clear()
            self._answer_delays.clear()
            self._responses.clear()
            self._response_uses.clear()

    # -- HTTP

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_GET(self) -> None:
                self._handle(b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self._handle(self.rfile.read(length) if length else b"")

            def _handle(self, body: bytes) -> None:
                parts = urlsplit(self.path)
                path = parts.path
                try:
                    if path.startswith("/api/"):
                        status, payload, headers = fake._api(
                            path[len("/api/") :],
                            self.headers.get("Content-Type") or "",
                            self.headers.get("Authorization"),
                            body,
                            parts.query,
                        )
                        self._send(
                            status, json.dumps(payload).encode(), "application/json", headers
                        )
                    elif path.startswith("/response/"):
                        status, text = fake._response_post(path[len("/response/") :], body)
                        self._send(status, text.encode(), "text/plain")
                    elif path.startswith("/files-pri/"):
                        status, data, ctype = fake._file_download(
                            path[len("/files-pri/") :], self.headers.get("Authorization")
                        )
                        self._send(status, data, ctype)
                    elif path.startswith("/upload/"):
                        status, text = fake._upload(path[len("/upload/") :], body)
                        self._send(status, text.encode(), "text/plain")
                    else:
                        self._send(404, b"not found", "text/plain")
                except Exception as exc:  # a bug in the fake must not hang the client
                    self._send(
                        500,
                        json.dumps({"ok": False, "error": f"fake_error: {exc}"}).encode(),
                        "application/json",
                    )

            def _send(
                self,
                status: int,
                data: bytes,
                content_type: str,
                headers: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def _next_ts(self) -> str:
        # Unique and increasing, shaped like Slack's "1700000000.000100".
        n = next(self._seq)
        return f"{self._ts_base + n // 1_000_000}.{n % 1_000_000:06d}"

    def _api(
        self, method: str, content_type: str, auth: str | None, body: bytes, query: str
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        args = _parse_args(content_type, body, query)
        bad_json = [k for k in JSON_FIELDS if isinstance(args.get(k), _BadJson)]
        token = args.pop("token", None)
        if auth and auth.lower().startswith("bearer "):
            token = auth[7:].strip()
        with self._lock:
            delay = self._delays.get(method, 0.0)
            fault = self._faults[method].popleft() if self._faults.get(method) else None
        if delay:
            time.sleep(delay)
        headers: dict[str, str] = {}
        status = 200
        if fault is not None:
            status, response = fault.status, {"ok": False, "error": fault.error}
            if fault.retry_after is not None:
                headers["Retry-After"] = str(fault.retry_after)
        elif method == "oauth.v2.access":
            # The app authenticates with its client id and secret (HTTP Basic), not a token.
            token = None
            try:
                response = {"ok": True, **_oauth_v2_access(self, auth, args)}
            except SlackError as exc:
                response = {"ok": False, "error": exc.error}
        elif not token:
            response = {"ok": False, "error": "not_authed"}
        elif (method in APP_TOKEN_METHODS) != (token in self.app_tokens):
            known = token in self.tokens or token in self.app_tokens
            response = {"ok": False, "error": "not_allowed_token_type" if known else "invalid_auth"}
        elif token not in self.tokens and token not in self.app_tokens:
            response = {"ok": False, "error": "invalid_auth"}
        elif bad_json:
            response = {
                "ok": False,
                "error": f"invalid_{bad_json[0]}_format"
                if bad_json[0] == "blocks"
                else "invalid_arguments",
            }
        else:
            handler = _METHODS.get(method)
            if handler is None:
                response = {"ok": False, "error": "unknown_method"}
            else:
                try:
                    with self._lock:
                        given = {**args, "_token": token} if method == "auth.test" else args
                        response = {"ok": True, **handler(self, given)}
                except SlackError as exc:
                    response = {"ok": False, "error": exc.error}
                    if exc.messages:
                        response["errors"] = exc.messages
                        response["response_metadata"] = {
                            "messages": [f"[ERROR] {m}" for m in exc.messages]
                        }
        with self._lock:
            self._calls.append(Call(method, args, token, status, response, time.time()))
            self._lock.notify_all()
            answer_delay = self._answer_delays.get(method, 0.0)
        if answer_delay:
            time.sleep(answer_delay)
        return status, response, headers

    def _response_post(self, key: str, body: bytes) -> tuple[int, str]:
        try:
            payload = json.loads(body or b"{}")
        except json.JSONDecodeError:
            return 400, "invalid_payload"
        with self._lock:
            self._response_uses[key] += 1
            if self._response_uses[key] > RESPONSE_URL_USES:
                return 404, "used_url"
            if isinstance(payload, dict) and "blocks" in payload:
                errors = check_blocks(payload["blocks"], MAX_MESSAGE_BLOCKS)
                if errors:
                    return 400, "invalid_blocks"
            self._responses.append(ResponsePost(key, payload))
            self._lock.notify_all()
        return 200, "ok"

    def _upload(self, file_id: str, body: bytes) -> tuple[int, str]:
        with self._lock:
            if file_id not in self._uploads:
                return 404, "file_not_found"
            self._uploads[file_id]["content"] = body
        return 200, f"OK - {len(body)}"


class _BadJson(str):
    """A JSON field that did not parse (kept as text; Slack refuses the call)."""


def _parse_args(content_type: str, body: bytes, query: str) -> dict[str, Any]:
    args: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/json" and body:
        data = json.loads(body)
        if isinstance(data, dict):
            args.update(data)
    elif ctype == "multipart/form-data" and body:
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            content = part.get_payload(decode=True) or b""
            if part.get_filename():
                args[str(name)] = content
            else:
                args[str(name)] = content.decode("utf-8", "replace")
    elif body:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        args.update({k: v[-1] for k, v in parsed.items()})
    for key in JSON_FIELDS:
        value = args.get(key)
        if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
            try:
                args[key] = json.loads(value)
            except json.JSONDecodeError:
                args[key] = _BadJson(value)
    return args


# -- methods: each takes (fake, args) with the lock held, returns the body minus "ok" ----------


def _require(args: dict[str, Any], name: str, error: str = "invalid_arguments") -> str:
    value = args.get(name)
    if value in (None, ""):
        raise SlackError(error, [f"missing required field: {name}"])
    return str(value)


def _channel(fake: FakeSlack, args: dict[str, Any]) -> str:
    channel = _require(args, "channel", "channel_not_found")
    if channel in fake.channel_errors:
        raise SlackError(fake.channel_errors[channel])
    if _USER_ID.match(channel):  # posting to a user id goes to the DM with them
        return "D" + channel[1:]
    return channel


def _message_content(args: dict[str, Any], require: bool = True) -> tuple[str, Any]:
    text = args.get("text")
    blocks = args.get("blocks")
    if require and not text and not blocks and not args.get("attachments"):
        raise SlackError("no_text")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise SlackError("msg_too_long")
    if blocks is not None:
        if isinstance(blocks, str) and not blocks.strip():
            blocks = None
        else:
            errors = check_blocks(blocks, MAX_MESSAGE_BLOCKS)
            if errors:
                raise SlackError("invalid_blocks", errors)
    return str(text or ""), blocks


def _auth_test(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    token = args.get("_token")
    team, user_id, bot_id = fake.workspaces.get(
        token or "", (fake.team_id, fake.bot_user_id, fake.bot_id)
    )
    return {
        "url": f"https://{TEAM_DOMAIN}.slack.com/",
        "team": "Fake Team",
        "user": BOT_NAME,
        "team_id": team,
        "user_id": user_id,
        "bot_id": bot_id,
        "is_enterprise_install": False,
    }


def _oauth_v2_access(fake: FakeSlack, auth: str | None, args: dict[str, Any]) -> dict[str, Any]:
    """Exchange an install code for the workspace's bot token, as Slack does: the client
    id and secret in HTTP Basic (or as arguments), each code good once."""
    client_id, secret = args.get("client_id"), args.get("client_secret")
    if auth and auth.lower().startswith("basic "):
        client_id, _, secret = base64.b64decode(auth[6:].strip()).decode().partition(":")
    if client_id != fake.client_id:
        raise SlackError("invalid_client_id")
    if secret != fake.client_secret:
        raise SlackError("bad_client_secret")
    with fake._lock:
        team = fake.oauth_codes.pop(str(args.get("code") or ""), None)
        if team is None:
            raise SlackError("invalid_code")
        n = next(fake._seq)
        token = f"xoxb-{team.lower()}-{n}"
        bot_user, bot_id = f"U0BOT{team[1:]}", f"B0BOT{team[1:]}"
        fake.tokens.add(token)
        fake.workspaces[token] = (team, bot_user, bot_id)
    return {
        "app_id": "A0FAKE",
        "authed_user": {"id": "U0INSTALLER"},
        "scope": "commands,chat:write",
        "token_type": "bot",
        "access_token": token,
        "bot_user_id": bot_user,
        "team": {"id": team, "name": f"Team {team}"},
        "enterprise": None,
        "is_enterprise_install": False,
    }


def _post_message(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(fake, args)
    text, blocks = _message_content(args)
    ts = fake._next_ts()
    thread_ts = args.get("thread_ts") or None
    msg = Message(channel, ts, text, list(blocks or []), fake.bot_user_id, thread_ts)
    fake._messages[channel].append(msg)
    return {"channel": channel, "ts": ts, "message": _message_json(msg, fake)}


def _message_json(msg: Message, fake: FakeSlack) -> dict[str, Any]:
    out = {
        "type": "message",
        "user": msg.user,
        "ts": msg.ts,
        "text": msg.text,
        "blocks": msg.blocks,
        "team": fake.team_id,
    }
    if msg.user == fake.bot_user_id:
        out["bot_id"] = fake.bot_id
    if msg.thread_ts:
        out["thread_ts"] = msg.thread_ts
    return out


def _update(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "ts", "message_not_found")
    msg = fake.message(channel, ts)
    if msg is None:
        raise SlackError("message_not_found")
    if msg.user != fake.bot_user_id:
        raise SlackError("cant_update_message")
    text, blocks = _message_content(args)
    if "text" in args:
        msg.text = text
    if blocks is not None:
        msg.blocks = list(blocks)
    msg.edits += 1
    return {"channel": channel, "ts": ts, "text": msg.text, "message": _message_json(msg, fake)}


def _delete(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "ts", "message_not_found")
    msg = fake.message(channel, ts)
    if msg is None:
        raise SlackError("message_not_found")
    fake._messages[channel].remove(msg)
    return {"channel": channel, "ts": ts}


def _post_ephemeral(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _channel(fake, args)
    user = _require(args, "user", "user_not_found")
    text, blocks = _message_content(args)
    ts = fake._next_ts()
    fake._ephemeral.append(
        {"channel": channel, "user": user, "text": text, "blocks": blocks or [], "message_ts": ts}
    )
    return {"message_ts": ts}


def _permalink(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _require(args, "channel", "channel_not_found")
    ts = _require(args, "message_ts", "message_not_found")
    link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
    return {"channel": channel, "permalink": link}


def _use_trigger(fake: FakeSlack, args: dict[str, Any]) -> None:
    trigger = _require(args, "trigger_id")
    issued = fake._triggers.get(trigger)
    too_old = (
        issued is not None
        and fake.trigger_ttl is not None
        and time.monotonic() - issued > fake.trigger_ttl
    )
    if trigger in fake._dead_triggers or too_old:
        raise SlackError("expired_trigger_id")
    fake._dead_triggers.add(trigger)  # a trigger id opens one view


def _store_view(fake: FakeSlack, view: Any, view_id: str | None = None) -> dict[str, Any]:
    errors = check_view(view)
    if errors:
        raise SlackError("invalid_arguments", errors)
    view_id = view_id or f"V{next(fake._seq):08d}"
    stored = {
        **view,
        "id": view_id,
        "team_id": fake.team_id,
        "hash": f"{time.time():.6f}",
        "state": {"values": {}},
        "app_id": "A0FAKE",
        "bot_id": fake.bot_id,
        "root_view_id": view_id,
    }
    fake._views[view_id] = stored
    return stored


def _views_open(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    if "view" not in args:
        raise SlackError("invalid_arguments", ["missing required field: view"])
    _use_trigger(fake, args)
    return {"view": _store_view(fake, args["view"])}


def _views_update(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    view_id = args.get("view_id")
    if not view_id and args.get("external_id"):
        view_id = next(
            (k for k, v in fake._views.items() if v.get("external_id") == args["external_id"]), None
        )
    if not view_id or view_id not in fake._views:
        raise SlackError("not_found")
    if args.get("hash") and args["hash"] != fake._views[view_id]["hash"]:
        raise SlackError("hash_conflict")
    return {"view": _store_view(fake, args.get("view"), view_id)}


def _views_publish(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    user = _require(args, "user_id")
    if not _USER_ID.match(user):
        raise SlackError("user_not_found")
    view = args.get("view")
    if not isinstance(view, dict) or view.get("type") != "home":
        raise SlackError("invalid_arguments", ["views.publish takes a view of type home"])
    # One Home per user: publishing again replaces it (same view id, as in Slack).
    old = fake._homes.get(user)
    stored = _store_view(fake, view, old["id"] if old else None)
    fake._homes[user] = stored
    return {"view": stored}


def _usergroup_users(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    group = _require(args, "usergroup")
    if group not in fake.usergroups:
        raise SlackError("no_such_subteam")
    return {"users": list(fake.usergroups[group])}


def _users_info(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    user = _require(args, "user", "user_not_found")
    if user in fake.users:
        return {"user": fake.users[user]}
    if not _USER_ID.match(user):
        raise SlackError("user_not_found")
    name = user.lower()
    return {
        "user": {
            "id": user,
            "team_id": fake.team_id,
            "name": name,
            "real_name": name,
            "tz": "America/New_York",
            "tz_offset": -18000,
            "is_bot": user == BOT_USER_ID,
            "deleted": False,
            "profile": {"real_name": name, "display_name": name},
        }
    }


def _conversations_info(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    channel = _require(args, "channel", "channel_not_found")
    if fake.channel_errors.get(channel) == "channel_not_found":
        raise SlackError("channel_not_found")
    return {
        "channel": {
            "id": channel,
            "name": channel.lower(),
            "is_channel": True,
            "is_private": channel.startswith("G"),
            "is_im": channel.startswith("D"),
            "is_member": fake.channel_errors.get(channel) != "not_in_channel",
            "is_archived": False,
        }
    }


def _files_info(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    file_id = _require(args, "file", "file_not_found")
    stored = fake._files.get(file_id)
    if stored is None:
        raise SlackError("file_not_found")
    return {"file": dict(stored["info"])}


def _get_upload_url(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    filename = _require(args, "filename")
    length = _require(args, "length")
    file_id = f"F{next(fake._seq):08d}"
    fake._uploads[file_id] = {"filename": filename, "length": int(length), "content": None}
    return {"upload_url": f"{fake.url}/upload/{file_id}", "file_id": file_id}


def _complete_upload(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    files = args.get("files")
    if not isinstance(files, list) or not files:
        raise SlackError("invalid_arguments", ["files must be a non-empty array"])
    out = []
    for f in files:
        upload = fake._uploads.get(str(f.get("id")))
        if upload is None or upload["content"] is None:
            raise SlackError("file_not_found")
        upload["title"] = f.get("title") or upload["filename"]
        upload["channel"] = args.get("channel_id")
        out.append({"id": f["id"], "name": upload["filename"], "title": upload["title"]})
    return {"files": out}


def _connections_open(fake: FakeSlack, args: dict[str, Any]) -> dict[str, Any]:
    if fake.socket_mode is None:
        raise SlackError("socket_mode_not_enabled")  # no Socket Mode fake attached
    return {"url": fake.socket_mode.open_url()}


_METHODS: dict[str, Any] = {
    "apps.connections.open": _connections_open,
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.update": _update,
    "chat.delete": _delete,
    "chat.postEphemeral": _post_ephemeral,
    "chat.getPermalink": _permalink,
    "views.open": _views_open,
    "views.push": _views_open,
    "views.update": _views_update,
    "views.publish": _views_publish,
    "usergroups.users.list": _usergroup_users,
    "users.info": _users_info,
    "conversations.info": _conversations_info,
    "files.info": _files_info,
    "files.getUploadURLExternal": _get_upload_url,
    "files.completeUploadExternal": _complete_upload,
}


@pytest.fixture(name="fake_slack")
def fake_slack_fixture() -> Iterator[FakeSlack]:
    """A running fake Slack Web API, stopped after the test.

    Import it as `from tests.fakes.slack_api import fake_slack_fixture` (noqa F401): pytest
    knows it as "fake_slack", and the different Python name spares ruff's F811 on every test
    taking a `fake_slack` argument. `import fake_slack` (the alias below) works for pytest too.
    """
    with FakeSlack() as fake:
        yield fake


fake_slack = fake_slack_fixture

"""The Slack app running for real: `writeoff serve --http`'s ASGI app under uvicorn on
127.0.0.1, a fresh SQLite database, and the fake Slack Web API. Tests talk to it the way
Slack does: signed HTTP requests."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from bot.services.books import Books, open_books
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.server import create_asgi
from tests.conftest import migrated_sqlite_url
from tests.fakes.server import QuickStopUvicorn
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_api import fake_slack_fixture as fake_slack_fixture
from tests.fakes.slack_signing import SIGNING_SECRET, headers

REPORTER = "U0WORKER"
CONTROLLER = "U0CTRL"
CONTROLLER2 = "U0CTRL2"
CHANNEL = "C0WAREHOUSE"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RunningApp:
    url: str
    fake: FakeSlack
    books: Books
    server: uvicorn.Server
    deps: Any = None

    def post(self, body: str, content_type: str | None = None, **header_kw: Any) -> httpx.Response:
        h = headers(SIGNING_SECRET, body, **header_kw)
        if content_type:
            h["Content-Type"] = content_type
        return httpx.post(f"{self.url}/slack/events", content=body, headers=h, timeout=10)

    def post_json(self, body: str, **header_kw: Any) -> httpx.Response:
        return self.post(body, "application/json", **header_kw)


def start_app(
    tmp_path: Path, fake: FakeSlack, drafter: Any = None, **overrides: Any
) -> Iterator[RunningApp]:
    values: dict[str, Any] = {
        "DATABASE_URL": migrated_sqlite_url(tmp_path),  # a copy of a migrated one (house-tests)
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "WRITEOFF_APPROVERS": f"{CONTROLLER},{CONTROLLER2}",
        "WRITEOFF_CHANNELS": CHANNEL,
    }
    values.update(overrides)
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    books = open_books(settings)
    if drafter is not None:
        books.drafter = drafter
    app, deps = create_app(books)
    # house-tests: uvicorn serves a socket bound here, so no other xdist worker can take
    # the port between choosing it and listening on it.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    server = QuickStopUvicorn(  # house-tests: stops without waiting for uvicorn's 0.1 s tick
        uvicorn.Config(
            create_asgi(app, deps.quickbooks),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            access_log=False,
        )
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("app did not start")
        time.sleep(0.02)
    try:
        yield RunningApp(f"http://127.0.0.1:{port}", fake, books, server, deps)
    finally:
        server.stop()
        thread.join(timeout=10)
        sock.close()
        books.engine.dispose()


@pytest.fixture
def running(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    yield from start_app(tmp_path, fake_slack)


def card_blocks(fake: FakeSlack, channel: str, ts: str) -> list[dict[str, Any]]:
    msg = fake.message(channel, ts)
    assert msg is not None
    return list(msg.blocks or [])


def block_text(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks)

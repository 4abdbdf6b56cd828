"""Socket Mode benchmark: how fast envelopes are acknowledged around a `refresh_requested`
reconnect, for slack_sdk's built-in client (what `writeoff serve` used first) and the
aiohttp client it uses now (bot/slack/socket_mode.py).

The real Bolt app (create_app, offline drafter, a fresh SQLite database) is driven through
each client against the local Socket Mode fake (tests/fakes/slack_socket.py): each round is a
burst of slash commands and watched-channel messages, one every 50 ms, with Slack asking
the app to refresh its link in the middle. Slack's limit is 3 s; the target is < 1 s.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.services.books import open_books
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.socket_mode import SocketModeRunner
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import event_callback_body, message_event
from tests.fakes.slack_socket import FakeSocketMode

CHANNEL = "C0WAREHOUSE"
REPORTER = "U0WORKER"
ROUNDS = 3
BURST = 12
GAP = 0.05
REFRESH_AT = 4  # the refresh goes out after this many envelopes of the burst


def _builtin(app: Any, token: str) -> Callable[[], None]:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, token)
    handler.connect()
    return handler.close


def _aiohttp(app: Any, token: str, api_url: str) -> Callable[[], None]:
    runner = SocketModeRunner(app, token, api_url)
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    thread = threading.Thread(target=loop.run_until_complete, args=(runner.run(stop),), daemon=True)
    thread.start()

    def close() -> None:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)

    return close


def burst(sock: FakeSocketMode, round_no: int, refresh: bool = True) -> list[str]:
    """One burst, with a refresh in the middle unless told not to; returns the envelope
    ids in order."""
    sent = []
    for i in range(BURST):
        if refresh and i == REFRESH_AT:
            sock.refresh()
        text = f"{i + 1} units SKU-{round_no}{i} damaged at $4"
        if i % 2:
            ts = f"{1700000000 + round_no}.{i:06d}"
            body = event_callback_body(
                message_event(text, REPORTER, CHANNEL, ts), f"Ev{round_no}x{i}"
            )
            sent.append(sock.event(body))
        else:
            sent.append(sock.slash_command(text, REPORTER, CHANNEL, sock.web_api.response_url()))
        time.sleep(GAP)
    return sent


def measure(kind: str) -> dict[str, Any]:
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeSlack() as web,
        FakeSocketMode(web, close_grace=5.0) as sock,
    ):
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            DATABASE_URL=f"sqlite:///{Path(tmp) / 'bench.db'}",
            SLACK_BOT_TOKEN=web.token,
            SLACK_APP_TOKEN=sock.app_token,
            SLACK_API_URL=web.api_url,
            WRITEOFF_APPROVERS="U0CTRL",
            WRITEOFF_CHANNELS=CHANNEL,
        )
        books = open_books(settings, migrate=True)
        app, _deps = create_app(books, socket_mode=True)
        close = (
            _builtin(app, sock.app_token)
            if kind == "builtin"
            else _aiohttp(app, sock.app_token, web.api_url)
        )
        try:
            sock.wait_connected()
            calm = burst(sock, 0, refresh=False)
            sock.wait_settled(timeout=20)
            around: list[str] = []
            for r in range(1, ROUNDS + 1):
                around += burst(sock, r)
                sock.wait_connected(count=r + 1)
                time.sleep(0.3)
            sock.wait_settled(timeout=20)
        finally:
            close()
            books.engine.dispose()
        stats = sock.stats()

        def acks(envs: list[str]) -> list[float]:
            """Seconds from the first delivery to the first ack Slack got (redeliveries
            included: a lost first attempt counts until its retry is acked)."""
            out = []
            for env in envs:
                acked_at = sock.wait_ack(env).acked_at
                assert acked_at is not None
                out.append(acked_at - sock.attempts(env)[0].queued_at)
            return sorted(out)

        steady, near = acks(calm), acks(around)
        return {
            "client": kind,
            "envelopes": stats.envelopes,
            "reconnects": stats.reconnects,
            "redeliveries": stats.redeliveries,
            "slowest_ack_no_refresh_s": round(steady[-1], 3),
            "slowest_ack_around_refresh_s": round(near[-1], 3),
            "ack_p50_around_refresh_s": round(near[len(near) // 2], 3),
            "acks_over_1s": sum(1 for a in steady + near if a > 1.0),
            "acks_over_3s": sum(1 for a in steady + near if a > 3.0),
            "unacked": stats.unacked,
        }


def run() -> dict[str, Any]:
    return {kind: measure(kind) for kind in ("builtin", "aiohttp")}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

"""A local fake of Slack's Socket Mode, written from Slack's protocol description, so the
real `writeoff serve` (and slack_sdk's own Socket Mode clients) run against it unpatched.

    with FakeSlack() as web, FakeSocketMode(web) as sock:
        # the app calls apps.connections.open on `web` with `sock.app_token` (xapp-...)
        # and connects to the ws:// URL it gets back
        sock.wait_connected()
        env = sock.slash_command("40 units obsolete SKU-12 at $15", user, channel)
        ack = sock.wait_ack(env)          # the app's {"envelope_id": ...} (+ payload)

What it does, as Slack does:
- `apps.connections.open` (served by the Web API fake) needs the app-level token (`xapp-`):
  a bot token gets `not_allowed_token_type`, an unknown one `invalid_auth`. Each call hands
  out a one-use `ws://127.0.0.1:PORT/link/?ticket=...` URL.
- On connect it sends `hello`; envelopes (`slash_commands`, `interactive`, `events_api`) go
  to the newest connection that has not been told to go away, or wait for the next one.
- Every envelope must be acknowledged (`{"envelope_id": ...}`, with a `payload` where a
  response is expected) within `ack_timeout` (Slack's 3 s). An Events API envelope that is
  not is delivered again as a new envelope with `retry_attempt` and `retry_reason`, up to
  `max_retries` times. A late slash command or interaction is recorded as timed out (Slack
  shows the user `operation_timeout`; it does not resend those).
- `refresh()` sends `disconnect` with `refresh_requested`: the link keeps working (acks are
  accepted) for `close_grace` seconds while the app opens a new one, then it is closed.
  Whether Slack still sends envelopes on a link it asked the app to leave is not documented:
  by default the fake holds them for the new link; `send_on_leaving_links` uses the old one
  until the new one is up. `drop()` closes every link with no warning.
- `send(..., in_flight=True)` is an envelope Slack had already put on the link it told to go
  when the app's new link came up: it goes out on that old link right after the new one is
  greeted. If the app has closed the old link by then, it is lost, as with Slack (a slash
  command or an interaction is never sent again). `also_on_new_link` sends it on the new
  link too, with the same envelope id.

Everything is recorded with monotonic times (`attempts()`, `connections()`, `stats()`), so
tests can assert what a user would notice: acks in time, nothing lost, nothing doubled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    API_APP_ID,
    DEFAULT_RESPONSE_URL,
    TEAM_DOMAIN,
    TEAM_ID,
    VERIFICATION_TOKEN,
    new_trigger_id,
)

FAKE_APP_TOKEN = "xapp-1-A0FAKE-1-fakeapptoken"
ACK_TIMEOUT = 3.0  # Slack's: an envelope not acknowledged by then has failed
MAX_RETRIES = 3  # Events API: delivered again up to three times
CLOSE_GRACE = 10.0  # Slack closes a link about 10 s after asking the app to refresh it
RETRY_REASON = "timeout"
ENVELOPE_TYPES = ("slash_commands", "interactive", "events_api")


@dataclass
class Connection:
    id: int
    ws: web.WebSocketResponse = field(repr=False)
    greeted: bool = False  # `hello` sent: envelopes may follow
    told_to_go: float | None = None  # when `disconnect` was sent
    closed_at: float | None = None

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass
class Delivery:
    """One envelope sent on one connection (a redelivery is a new Delivery)."""

    envelope_id: str
    type: str
    payload: dict[str, Any]
    retry_attempt: int
    connection: int | None = None  # None while it waits for a connection
    queued_at: float = 0.0
    sent_at: float | None = None
    acked_at: float | None = None
    ack_payload: dict[str, Any] | None = None
    ack_connection: int | None = None
    timed_out: bool = False
    first: str = ""  # envelope id of the first attempt (itself for attempt 0)
    ack_timeout: float = ACK_TIMEOUT

    @property
    def ack_seconds(self) -> float | None:
        """From the moment Slack queued it to the ack: what counts against the 3 s."""
        if self.acked_at is None:
            return None
        return self.acked_at - self.queued_at


@dataclass(frozen=True)
class Stats:
    connections: int
    reconnects: int
    envelopes: int  # first deliveries
    redeliveries: int
    timed_out: int
    unacked: int
    duplicate_acks: int
    unknown_acks: int


class FakeSocketMode:
    def __init__(
        self,
        web_api: FakeSlack,
        *,
        app_token: str = FAKE_APP_TOKEN,
        ack_timeout: float = ACK_TIMEOUT,
        max_retries: int = MAX_RETRIES,
        close_grace: float = CLOSE_GRACE,
        send_on_leaving_links: bool = False,
    ) -> None:
        self.web_api = web_api
        self.app_token = app_token
        self.ack_timeout = ack_timeout
        self.max_retries = max_retries
        self.close_grace = close_grace
        # Slack does not say whether a link told to go still carries envelopes until the app
        # has a new one; True models that it does (the harder case for a client).
        self.send_on_leaving_links = send_on_leaving_links
        self._lock = threading.Condition()
        self._tickets: set[str] = set()
        self._connections: list[Connection] = []
        self._deliveries: dict[str, Delivery] = {}
        self._pending: deque[Delivery] = deque()
        # (delivery, also on the new link, links opened before it was sent)
        self._in_flight: list[tuple[Delivery, bool, int]] = []
        self._lost_acks: set[str] = set()  # first envelope ids whose next ack is lost
        self._duplicate_acks = 0
        self._unknown_acks: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="fake-socket-mode", daemon=True
        )
        self._thread.start()
        self._runner: web.AppRunner | None = None
        self._port = asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        web_api.app_tokens.add(app_token)
        web_api.socket_mode = self

    # -- lifecycle

    async def _start(self) -> int:
        app = web.Application()
        app.router.add_get("/link/", self._link)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return int(self._runner.addresses[0][1])

    async def _stop(self) -> None:
        for conn in list(self._connections):
            if conn.open:
                with contextlib.suppress(Exception):
                    await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def close(self) -> None:
        if self._loop.is_running():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        self.web_api.socket_mode = None
        self.web_api.app_tokens.discard(self.app_token)

    def __enter__(self) -> FakeSocketMode:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- apps.connections.open (called by the Web API fake, its lock held)

    def open_url(self) -> str:
        ticket = secrets.token_hex(8)
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self._port}/link/?ticket={ticket}&app_id={API_APP_ID}"

    # -- the WebSocket link

    async def _link(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        with self._lock:
            valid = ticket in self._tickets
            self._tickets.discard(ticket)  # a URL is good for one connection
        if not valid:
            return web.Response(status=401, text="invalid ticket")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        with self._lock:
            conn = Connection(len(self._connections) + 1, ws)
            self._connections.append(conn)
            live = sum(1 for c in self._connections if c.open)
            self._lock.notify_all()
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": live,
                "debug_info": {
                    "host": f"fake-socket-{conn.id}",
                    "build_number": 1,
                    "approximate_connection_time": 18060,
                },
                "connection_info": {"app_id": API_APP_ID},
            }
        )
        with self._lock:
            conn.greeted = True
            waiting = list(self._pending)
            self._pending.clear()
            # only for a link opened after the envelope was sent (not one being greeted now)
            in_flight = [(d, new) for d, new, links in self._in_flight if conn.id > links]
            self._in_flight = [f for f in self._in_flight if conn.id <= f[2]]
            self._lock.notify_all()
        for delivery in waiting:
            await self._send(delivery)
        for delivery, also_new in in_flight:
            await self._send_in_flight(delivery, conn, also_new)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._on_text(conn, msg.data)
        finally:
            with self._lock:
                conn.closed_at = time.monotonic()
                self._lock.notify_all()
        return ws

    def _on_text(self, conn: Connection, text: str) -> None:
        try:
            data = json.loads(text)
            envelope_id = str(data["envelope_id"])
        except (ValueError, KeyError, TypeError):
            with self._lock:
                self._unknown_acks.append(text[:200])
            return
        with self._lock:
            delivery = self._deliveries.get(envelope_id)
            if delivery is None or delivery.sent_at is None:
                self._unknown_acks.append(envelope_id)
            elif delivery.acked_at is not None:
                self._duplicate_acks += 1
            elif delivery.first in self._lost_acks:
                self._lost_acks.discard(delivery.first)  # lost on the way: never arrives
            else:
                delivery.acked_at = time.monotonic()
                payload = data.get("payload")
                delivery.ack_payload = payload if isinstance(payload, dict) else None
                delivery.ack_connection = conn.id
            self._lock.notify_all()

    def _target(self) -> Connection | None:
        live = [c for c in self._connections if c.open and c.greeted and c.told_to_go is None]
        if not live and self.send_on_leaving_links:
            live = [c for c in self._connections if c.open and c.greeted]
        return live[-1] if live else None

    async def _send(self, delivery: Delivery) -> None:
        with self._lock:
            conn = self._target()
            if conn is None:
                self._pending.append(delivery)
                return
            delivery.connection = conn.id
            delivery.sent_at = time.monotonic()
        try:
            await conn.ws.send_json(self._message(delivery))
        except (ConnectionError, RuntimeError):
            # The link died under us: as Slack, try again on whatever link is up next.
            with self._lock:
                delivery.connection = delivery.sent_at = None
                self._pending.append(delivery)
            return
        self._loop.call_later(delivery.ack_timeout, self._check_ack, delivery)

    async def _send_in_flight(self, delivery: Delivery, new: Connection, also_new: bool) -> None:
        """On the newest link told to go (the new one if none was): it was on its way there
        before `new` came up, so a link the app has closed loses it."""
        with self._lock:
            leaving = [c for c in self._connections if c.told_to_go is not None and c is not new]
            conn = leaving[-1] if leaving else new
            delivery.connection = conn.id
            delivery.sent_at = time.monotonic()
        message = self._message(delivery)
        if conn.open and not conn.ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await conn.ws.send_json(message)
        if also_new and conn is not new:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await new.ws.send_json(message)
        self._loop.call_later(delivery.ack_timeout, self._check_ack, delivery)

    @staticmethod
    def _message(delivery: Delivery) -> dict[str, Any]:
        message: dict[str, Any] = {
            "envelope_id": delivery.envelope_id,
            "payload": delivery.payload,
            "type": delivery.type,
            "accepts_response_payload": delivery.type != "events_api",
        }
        if delivery.type == "events_api":
            message["retry_attempt"] = delivery.retry_attempt
            message["retry_reason"] = RETRY_REASON if delivery.retry_attempt else ""
        return message

    def _check_ack(self, delivery: Delivery) -> None:
        with self._lock:
            if delivery.acked_at is not None:
                return
            delivery.timed_out = True
            self._lock.notify_all()
            again = delivery.type == "events_api" and delivery.retry_attempt < self.max_retries
            if again:
                retry = self._new_delivery(
                    delivery.type,
                    delivery.payload,
                    delivery.ack_timeout,
                    delivery.retry_attempt + 1,
                    delivery.first,
                )
        if again:
            self._loop.create_task(self._send(retry))

    def _new_delivery(
        self,
        kind: str,
        payload: dict[str, Any],
        ack_timeout: float,
        attempt: int = 0,
        first: str = "",
    ) -> Delivery:
        envelope_id = str(uuid.uuid4())
        delivery = Delivery(
            envelope_id,
            kind,
            payload,
            attempt,
            queued_at=time.monotonic(),
            first=first,
            ack_timeout=ack_timeout,
        )
        delivery.first = first or envelope_id
        self._deliveries[envelope_id] = delivery
        return delivery

    # -- what tests do

    def send(
        self,
        kind: str,
        payload: dict[str, Any],
        ack_timeout: float | None = None,
        lose_first_ack: bool = False,
        in_flight: bool = False,
        also_on_new_link: bool = False,
    ) -> str:
        """Send an envelope; returns its envelope id (the first attempt's). `ack_timeout`
        overrides the fake's for this envelope (a test of redelivery need not wait 3 s);
        `lose_first_ack`: the app's first ack of it is lost on the way, as on a bad network.
        `in_flight`: held until the app's next new link is greeted, then sent on the link told to
        go (see the module docstring); `also_on_new_link`: and on the new one, same id."""
        if kind not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {kind!r}")
        with self._lock:
            delivery = self._new_delivery(kind, payload, ack_timeout or self.ack_timeout)
            if lose_first_ack:
                self._lost_acks.add(delivery.envelope_id)
            if in_flight:
                self._in_flight.append((delivery, also_on_new_link, len(self._connections)))
                return delivery.envelope_id
        asyncio.run_coroutine_threadsafe(self._send(delivery), self._loop).result(5)
        return delivery.envelope_id

    def slash_command(
        self,
        text: str,
        user_id: str,
        channel_id: str,
        response_url: str = DEFAULT_RESPONSE_URL,
        trigger_id: str | None = None,
        command: str = "/writeoff",
        in_flight: bool = False,
        also_on_new_link: bool = False,
    ) -> str:
        """Over Socket Mode a slash command's fields come as a JSON object, not a form."""
        return self.send(
            "slash_commands",
            {
                "token": VERIFICATION_TOKEN,
                "team_id": TEAM_ID,
                "team_domain": TEAM_DOMAIN,
                "channel_id": channel_id,
                "channel_name": "inventory",
                "user_id": user_id,
                "user_name": user_id.lower(),
                "command": command,
                "text": text,
                "api_app_id": API_APP_ID,
                "is_enterprise_install": "false",
                "response_url": response_url,
                "trigger_id": trigger_id or new_trigger_id(),
            },
            in_flight=in_flight,
            also_on_new_link=also_on_new_link,
        )

    def interactive(self, payload: dict[str, Any]) -> str:
        """A block_actions / view_submission / shortcut payload (slack_signing builds them)."""
        return self.send("interactive", payload)

    def event(
        self,
        event_callback: dict[str, Any] | str,
        ack_timeout: float | None = None,
        lose_first_ack: bool = False,
    ) -> str:
        """An `event_callback` body (slack_signing.event_callback_body builds one)."""
        body = json.loads(event_callback) if isinstance(event_callback, str) else event_callback
        return self.send("events_api", body, ack_timeout, lose_first_ack)

    def refresh(self, reason: str = "refresh_requested") -> list[int]:
        """Ask the app to move off its current links (`disconnect`); returns their ids."""
        return asyncio.run_coroutine_threadsafe(self._refresh(reason), self._loop).result(5)

    async def _refresh(self, reason: str) -> list[int]:
        with self._lock:
            targets = [c for c in self._connections if c.open and c.told_to_go is None]
            for conn in targets:
                conn.told_to_go = time.monotonic()
        for conn in targets:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await conn.ws.send_json(
                    {
                        "type": "disconnect",
                        "reason": reason,
                        "debug_info": {"host": f"fake-socket-{conn.id}"},
                    }
                )
            self._loop.call_later(self.close_grace, self._close_later, conn)
        return [c.id for c in targets]

    def drop(self) -> list[int]:
        """Close every link at once, with no `disconnect` first (a Slack server going
        away); returns their ids. Envelopes sent meanwhile wait for the app's next link."""
        return asyncio.run_coroutine_threadsafe(self._drop(), self._loop).result(5)

    async def _drop(self) -> list[int]:
        with self._lock:
            targets = [c for c in self._connections if c.open]
        for conn in targets:
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001, message=b"going away")
        return [c.id for c in targets]

    def _close_later(self, conn: Connection) -> None:
        if conn.open:
            self._loop.create_task(conn.ws.close())

    # -- what tests look at

    def connections(self) -> list[Connection]:
        with self._lock:
            return list(self._connections)

    def attempts(self, envelope_id: str) -> list[Delivery]:
        """Every delivery of this envelope, the first one first."""
        with self._lock:
            first = self._deliveries[envelope_id].first
            return [d for d in self._deliveries.values() if d.first == first]

    def wait_connected(self, count: int = 1, timeout: float = 10.0) -> Connection:
        """Until `count` links have been opened in all; returns the newest open one."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                conn = self._target()
                if len(self._connections) >= count and conn is not None:
                    return conn
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"{len(self._connections)} of {count} Socket Mode connections"
                    )
                self._lock.wait(left)

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> Delivery:
        """Until some attempt of this envelope is acknowledged; returns that delivery."""
        deadline = time.monotonic() + timeout
        with self._lock:
            first = self._deliveries[envelope_id].first
            while True:
                for d in self._deliveries.values():
                    if d.first == first and d.acked_at is not None:
                        return d
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"envelope {envelope_id} not acknowledged")
                self._lock.wait(left)

    def wait_settled(self, timeout: float = 15.0) -> None:
        """Until every envelope is acknowledged or has used up its deliveries."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not self._settled():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("envelopes still waiting for an ack")
                self._lock.wait(min(left, 0.05))

    def _settled(self) -> bool:
        by_first: dict[str, list[Delivery]] = {}
        for d in self._deliveries.values():
            by_first.setdefault(d.first, []).append(d)
        for attempts in by_first.values():
            if any(d.acked_at is not None for d in attempts):
                continue
            last = max(attempts, key=lambda d: d.retry_attempt)
            retried_out = last.type != "events_api" or last.retry_attempt >= self.max_retries
            if not (last.timed_out and retried_out):
                return False
        return True

    def stats(self) -> Stats:
        with self._lock:
            ds = list(self._deliveries.values())
            acked_firsts = {d.first for d in ds if d.acked_at is not None}
            return Stats(
                connections=len(self._connections),
                reconnects=max(0, len(self._connections) - 1),
                envelopes=sum(1 for d in ds if d.retry_attempt == 0),
                redeliveries=sum(1 for d in ds if d.retry_attempt > 0),
                timed_out=sum(1 for d in ds if d.timed_out),
                unacked=len({d.first for d in ds} - acked_firsts),
                duplicate_acks=self._duplicate_acks,
                unknown_acks=len(self._unknown_acks),
            )

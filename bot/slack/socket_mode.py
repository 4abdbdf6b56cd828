"""Socket Mode: the Bolt app behind slack_sdk's aiohttp Socket Mode client.

Why this client: Slack gives an envelope 3 s to be acknowledged. slack_sdk's built-in
client handles a `disconnect` (Slack's routine `refresh_requested`) on the one thread that
reads envelopes, and closes the old link only after that link's 3 s receive timeout, so
envelopes arriving on the new link wait: measured against the Socket Mode fake, acks around
a refresh took 3-5 s (half of them over Slack's 3 s). The aiohttp client reconnects in a
task of its own and dispatches each envelope in its own task, so acks keep flowing: 30 ms at
worst (`python -m bench socket` compares the two).

Bolt's App is synchronous: each envelope is dispatched in a worker thread so the event loop
keeps reading and acknowledging while one dispatch waits on the database.

The old link is drained, not dropped: slack_sdk closes it before it opens the new one, but
Slack may still put an envelope on it until the new link is up, and a slash command or an
interaction lost there is never sent again (the user's report vanishes). DrainingClient
keeps reading the old link, its envelopes acked like any other, until Slack closes it or
DRAIN_SECONDS pass (Slack closes it about 10 s after asking the app to leave). An envelope
id seen on both links is dispatched once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from aiohttp import ClientWebSocketResponse, WSMsgType
from slack_bolt import App
from slack_bolt.adapter.socket_mode.internals import run_bolt_app
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.async_client import AsyncBaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("bot.slack")

# apps.connections.open errors that no retry will cure: the token itself is wrong.
TOKEN_WRONG_TYPE = "not_allowed_token_type"
TOKEN_REFUSED = frozenset(
    {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"}
)
DRAIN_SECONDS = 10.0  # how long a link Slack asked the app to leave is still read, at most
SEEN_ENVELOPES = 4096  # envelope ids remembered, so one that comes on two links runs once
# What ends the reading of a link being drained.
LINK_ENDS = frozenset({WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR})
WHERE_TOKEN = (
    "generate an app-level token (xapp-…) with the connections:write scope under your "
    "Slack app's Basic Information → App-Level Tokens, and put it in SLACK_APP_TOKEN"
)


class AppTokenRefused(Exception):
    """Slack will not open a Socket Mode link with SLACK_APP_TOKEN (says what to do)."""


def _base_url(api_url: str) -> str:
    return api_url if api_url.endswith("/") else api_url + "/"


def ack_for(req: SocketModeRequest, resp: BoltResponse) -> SocketModeResponse:
    """The acknowledgement of one envelope: Bolt's answer as its payload (what the user sees
    for a command, a modal's field errors), as Bolt's own Socket Mode handlers send it."""
    if resp.status != 200:
        # No listener (404) or a failing ack function (500): Bolt's handlers then send no
        # ack at all, and Slack would deliver the same envelope three more times to meet the
        # same answer. Acknowledge it; the failure is in the log.
        log.warning("Socket Mode %s envelope answered %s; acknowledged", req.type, resp.status)
        return SocketModeResponse(envelope_id=req.envelope_id)
    if not resp.body:
        return SocketModeResponse(envelope_id=req.envelope_id)
    content_type = (resp.headers.get("content-type") or [""])[0]
    if content_type.startswith("application/json"):
        return SocketModeResponse(envelope_id=req.envelope_id, payload=json.loads(resp.body))
    return SocketModeResponse(envelope_id=req.envelope_id, payload={"text": resp.body})


def _is_disconnect(text: str) -> bool:
    try:
        return bool(json.loads(text).get("type") == "disconnect")
    except (ValueError, AttributeError):
        return False


class DrainingClient(SocketModeClient):
    """slack_sdk's aiohttp client, except that the link it leaves is read until Slack closes
    it (or `drain_seconds` pass) instead of being closed as the new one is opened."""

    def __init__(self, *args: Any, drain_seconds: float = DRAIN_SECONDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.drain_seconds = drain_seconds
        self._leaving: dict[ClientWebSocketResponse, asyncio.Task[None]] = {}

    async def connect(self) -> None:
        old = self.current_session
        if old is not None and not old.closed and not self.closed and not self.stale:
            # slack_sdk's connect() closes the link it finds here before opening the next:
            # hand this one (and the reading of it) to a drain instead. A stale link (no
            # pong) has nothing more to give and is left to slack_sdk.
            receiver, self.message_receiver = self.message_receiver, None
            self.current_session = None
            self._leaving[old] = asyncio.create_task(self._drain(old, receiver))
        await super().connect()

    async def _drain(
        self, ws: ClientWebSocketResponse, receiver: asyncio.Future[Any] | None
    ) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.drain_seconds
        try:
            if receiver is not None:  # one reader per link: this task takes over
                receiver.cancel()
                await asyncio.wait([receiver])
            while not ws.closed and (left := deadline - loop.time()) > 0:
                try:
                    msg = await ws.receive(timeout=left)
                except TimeoutError:
                    break
                if msg.type == WSMsgType.TEXT and not _is_disconnect(msg.data):
                    # acked on the current link, as every envelope (Slack takes an ack on
                    # any of the app's links); a second `disconnect` here means nothing new
                    await self.enqueue_message(msg.data)
                elif msg.type == WSMsgType.PING:
                    await ws.pong(msg.data)
                elif msg.type in LINK_ENDS:
                    break
        finally:
            self._leaving.pop(ws, None)
            await ws.close()
            log.info("Socket Mode: the old link is closed")

    async def send_message(self, message: str) -> None:
        if self.current_session is None:
            # The new link is being opened: the one being left still carries acks.
            for ws in self._leaving:
                if not ws.closed:
                    await ws.send_str(message)
                    return
        await super().send_message(message)

    async def close(self) -> None:
        drains = list(self._leaving.values())
        for task in drains:
            task.cancel()  # each closes its link on the way out
        await asyncio.gather(*drains, return_exceptions=True)
        for ws in list(self._leaving):  # a drain cancelled before it began to run
            await ws.close()
        self._leaving.clear()
        await super().close()


class SocketModeRunner:
    """Connects with the app-level token (apps.connections.open at SLACK_API_URL), acks every
    envelope, reconnects when Slack asks, and stops on SIGTERM or SIGINT."""

    def __init__(self, app: App, app_token: str, api_url: str, workers: int = 16) -> None:
        self.app = app
        self.app_token = app_token
        self.api_url = _base_url(api_url)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="socket")
        self._seen: dict[str, None] = {}  # recent envelope ids, oldest first

    def first_time(self, envelope_id: str) -> bool:
        """False for an envelope id already taken (sent on the old link and the new one);
        the first delivery's ack answers for both."""
        if envelope_id in self._seen:
            return False
        self._seen[envelope_id] = None
        if len(self._seen) > SEEN_ENVELOPES:
            del self._seen[next(iter(self._seen))]
        return True

    async def handle(self, client: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:
        if not self.first_time(req.envelope_id):
            log.info("Socket Mode %s envelope came twice; handled once", req.type)
            return
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(self._pool, run_bolt_app, self.app, req)
        await client.send_socket_mode_response(ack_for(req, resp))

    async def first_url(self, web_client: AsyncWebClient) -> str | None:
        """The first link URL, asked for here so that a wrong token stops `writeoff serve`
        with a plain message; slack_sdk's client would retry it forever. Any other failure
        (Slack unreachable) is left to the client, which retries."""
        try:
            resp = await web_client.apps_connections_open(app_token=self.app_token)
        except SlackApiError as exc:
            error = str(exc.response.get("error"))
            if error == TOKEN_WRONG_TYPE:
                raise AppTokenRefused(
                    "SLACK_APP_TOKEN is not an app-level token (Slack said "
                    f"{error}; a bot token starts with xoxb-): {WHERE_TOKEN}."
                ) from None
            if error in TOKEN_REFUSED:
                raise AppTokenRefused(
                    f"Slack refused SLACK_APP_TOKEN ({error}): {WHERE_TOKEN}."
                ) from None
            log.warning("apps.connections.open failed (%s); retrying", error)
            return None
        except Exception as exc:  # network trouble: the client's own retry loop takes over
            log.warning("apps.connections.open failed (%s); retrying", type(exc).__name__)
            return None
        return str(resp["url"])

    async def run(self, stop: asyncio.Event) -> None:
        web_client = AsyncWebClient(base_url=self.api_url, logger=log)
        client = DrainingClient(app_token=self.app_token, logger=log, web_client=web_client)
        client.socket_mode_request_listeners.append(self.handle)
        try:
            client.wss_uri = await self.first_url(web_client)
            await client.connect()
            log.info("writeoff-bot connected to Slack over Socket Mode")
            await stop.wait()
        finally:
            await client.close()
            self._pool.shutdown(wait=False, cancel_futures=True)

    def run_forever(self) -> None:
        """Until SIGTERM or SIGINT (from the main thread)."""

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, stop.set)
            await self.run(stop)

        asyncio.run(main())

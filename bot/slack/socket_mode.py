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
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
from concurrent.futures import ThreadPoolExecutor

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


class SocketModeRunner:
    """Connects with the app-level token (apps.connections.open at SLACK_API_URL), acks every
    envelope, reconnects when Slack asks, and stops on SIGTERM or SIGINT."""

    def __init__(self, app: App, app_token: str, api_url: str, workers: int = 16) -> None:
        self.app = app
        self.app_token = app_token
        self.api_url = _base_url(api_url)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="socket")

    async def handle(self, client: AsyncBaseSocketModeClient, req: SocketModeRequest) -> None:
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
        client = SocketModeClient(app_token=self.app_token, logger=log, web_client=web_client)
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

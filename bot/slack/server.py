"""`writeoff serve`: the Slack app over Socket Mode or HTTP (uvicorn, ASGI), the QuickBooks
OAuth callback, health check and the scheduler."""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from bot import logs
from bot.scheduler import build_scheduler
from bot.services.books import Books, Resolver, open_books
from bot.services.intake import prepare_reader
from bot.services.jobs import JobContext
from bot.services.quickbooks import NotConfigured, QuickBooks
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.chat import company_chat
from bot.slack.companies import company_jobs
from bot.slack.ui.alerts import connected_notice, connected_text
from qbo.connection import WEB_ACTOR, StateError
from qbo.crypto import SecretKeyError
from qbo.errors import QboError
from qbo.mapping import MappingResult
from qbo.models import QboConnection
from qbo.webhooks import SIGNATURE_HEADER, BadPayload

log = logging.getLogger("bot")


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
        f"<body style='font-family:sans-serif;max-width:40em;margin:4em auto'>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p></body>",
        status_code=status,
    )


def connected_words(conn: QboConnection, mapping: MappingResult | None) -> str:
    """What the person who just connected reads, and what to do next (in Slack, never a
    shell: they may not have one)."""
    name = conn.company_name or f"company {conn.realm_id}"
    if mapping is None:
        mapped = " The accounts could not be read yet: in Slack, type /writeoff map."
    elif mapping.unmapped:
        mapped = (
            f" {len(mapping.matches)} accounts mapped; {len(mapping.unmapped)} need a decision "
            "(pick the QuickBooks account, or let the app create it): in Slack, type "
            "/writeoff map."
        )
    else:
        mapped = f" All {len(mapping.matches)} accounts are mapped."
    return f"writeoff-bot is connected to {name}.{mapped} You can close this window."


OnConnected = Callable[[QboConnection, MappingResult | None, str | None], None]


def announce_connected(
    client: WebClient,
    quickbooks: QuickBooks,
    team_client: Callable[[str | None], object] | None = None,
) -> OnConnected:
    """Tell the approver who connected (in a direct message; the alert channel when it was
    started from the public connect URL) what is left to do, with the Map accounts button.
    With several companies it speaks of the company whose consent it was (the OAuth state
    says which), in that company's alert channel when it has one (a click there acts on that
    company; a click in a direct message could not tell), with its workspace's token."""

    def post(conn: QboConnection, mapping: MappingResult | None, actor: str | None) -> None:
        books = quickbooks.books
        if conn.company_id != books.company_id:
            books = Resolver(books).books(conn.company_id)
        person = actor if actor and actor != WEB_ACTOR else None
        alerts_to = books.settings.writeoff_alert_channel
        several = books.label is not None
        channel = (alerts_to or person) if several else (person or alerts_to)
        slack = company_chat(client, books, team_client).client
        if not channel or slack is None:
            return
        name = conn.company_name or f"company {conn.realm_id}"
        mapped = len(mapping.matches) if mapping else 0
        to_decide = len(mapping.unmapped) if mapping else 1
        button_here = not several or channel == alerts_to
        try:
            slack.chat_postMessage(
                channel=channel,
                text=connected_text(name, books.label),
                blocks=connected_notice(name, mapped, to_decide, books.label, button_here),
            )
        except SlackApiError as exc:  # the connection stands; the page said what to do
            log.warning("could not announce the QuickBooks connection: %s", exc)

    return post


def qbo_callback_route(quickbooks: QuickBooks, on_connected: OnConnected | None = None) -> Route:
    async def callback(request: Request) -> Response:
        q = request.query_params
        if q.get("error"):
            return _page("QuickBooks not connected", f"Intuit said: {q.get('error')}", 400)
        state = q.get("state", "")
        try:
            conn, mapping = await run_in_threadpool(
                quickbooks.complete, state, q.get("code", ""), q.get("realmId", "")
            )
        except StateError as exc:
            return _page("QuickBooks not connected", str(exc), 400)
        except QboError as exc:
            return _page("QuickBooks not connected", exc.plain_words(), 502)
        if on_connected is not None:
            actor = await run_in_threadpool(quickbooks.connected_by, state)
            await run_in_threadpool(on_connected, conn, mapping, actor)
        return _page("QuickBooks connected", connected_words(conn, mapping))

    return Route("/qbo/callback", callback, methods=["GET"])


def qbo_listing_routes(quickbooks: QuickBooks) -> list[Route]:
    """The URLs Intuit asks listed apps for: connect (also reconnect) and disconnect.

    Connect starts the consent flow from a browser; from there only the company already
    linked (or a first one) can be connected: switching is for approvers, in Slack.
    Disconnect is where Intuit sends someone who disconnected the app inside QuickBooks:
    the page checks with QuickBooks and says what that means for write-offs."""

    async def connect(_request: Request) -> Response:
        try:
            url = await run_in_threadpool(quickbooks.connect_url, WEB_ACTOR)
        except (NotConfigured, SecretKeyError) as exc:
            return _page("QuickBooks cannot be connected yet", str(exc), 503)
        return RedirectResponse(url, status_code=302)

    async def disconnected(_request: Request) -> Response:
        if not quickbooks.configured:
            return _page("QuickBooks", "QuickBooks is not configured for writeoff-bot.", 200)
        st = await run_in_threadpool(quickbooks.check_connection)
        if st.connected:
            name = st.company_name or f"company {st.realm_id}"
            return _page(
                "QuickBooks still connected",
                f"writeoff-bot is still connected to {name}. To disconnect, disconnect the "
                "app in QuickBooks (Apps, then My apps), or an approver runs "
                "`writeoff qbo disconnect` on the server.",
            )
        return _page(
            "QuickBooks disconnected",
            "writeoff-bot no longer sends write-offs to QuickBooks. Approved entries wait in "
            "the queue and go out once an approver reconnects (in Slack: /writeoff connect "
            "quickbooks, or open /qbo/connect).",
        )

    return [
        Route("/qbo/connect", connect, methods=["GET"]),
        Route("/qbo/reconnect", connect, methods=["GET"]),
        Route("/qbo/disconnect", disconnected, methods=["GET"]),
    ]


def qbo_webhook_route(quickbooks: QuickBooks) -> Route:
    """Intuit's change notifications: verified, queued, answered at once (Intuit wants an
    answer within seconds); the drift job works the queue."""

    async def webhook(request: Request) -> Response:
        raw = await request.body()
        signature = request.headers.get(SIGNATURE_HEADER)
        try:
            added = await run_in_threadpool(quickbooks.receive_webhook, raw, signature)
        except BadPayload as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        if added is None:
            return JSONResponse({"error": "bad or missing intuit-signature"}, status_code=401)
        return JSONResponse({"queued": added})

    return Route("/qbo/webhooks", webhook, methods=["POST"])


def slack_install_routes(app: App) -> list[Route]:
    """Slack's install flow (distribution): the "Add to Slack" page and the redirect that
    stores a workspace's installation. Only when SLACK_CLIENT_ID and SECRET are set."""
    flow = app.oauth_flow
    if flow is None:
        return []

    async def install(request: Request) -> Response:
        req = to_bolt_request(request, b"")
        return to_starlette_response(await run_in_threadpool(flow.handle_installation, req))

    async def redirect(request: Request) -> Response:
        req = to_bolt_request(request, b"")
        return to_starlette_response(await run_in_threadpool(flow.handle_callback, req))

    return [
        Route(flow.install_path, install, methods=["GET"]),
        Route(flow.redirect_uri_path, redirect, methods=["GET"]),
    ]


def create_asgi(
    app: App | None,
    quickbooks: QuickBooks | None = None,
    slack: WebClient | None = None,
    *,
    install: App | None = None,
    team_client: Callable[[str | None], object] | None = None,
) -> Starlette:
    """Bolt's Starlette adapter pieces, with the (synchronous) dispatch run in a worker
    thread so one slow request never blocks the event loop for the others. `slack` (default:
    the app's client) announces a new QuickBooks connection in the alert channel. `install`:
    the app whose install flow is served without its events (Socket Mode brings those).
    `team_client`: each installed workspace's client, for a company tied to one."""

    async def slack_events(request: Request) -> Response:
        assert app is not None
        body = await request.body()
        bolt_resp = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_resp)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"ok": True})

    routes = [Route("/healthz", healthz, methods=["GET"])]
    if app is not None:
        routes.append(Route("/slack/events", slack_events, methods=["POST"]))
    installing = install or app
    if installing is not None:
        routes.extend(slack_install_routes(installing))
    if quickbooks is not None:
        client = slack or (app.client if app is not None else None)
        announce = (
            announce_connected(client, quickbooks, team_client) if client is not None else None
        )
        routes.append(qbo_callback_route(quickbooks, announce))
        routes.extend(qbo_listing_routes(quickbooks))
        routes.append(qbo_webhook_route(quickbooks))
    return Starlette(routes=routes)


@dataclass
class Runtime:
    app: App
    books: Books
    quickbooks: QuickBooks
    jobs: JobContext
    # Several workspaces: a workspace's own client (None with one workspace).
    team_client: Callable[[str | None], object] | None = None


def build(settings: Settings, *, socket_mode: bool) -> Runtime:
    # Serve applies migrations first. The first company's books are the base; the others
    # are reached through it (bot/slack/companies.py).
    books = open_books(settings, migrate=True, first=True)
    app, deps = create_app(books, socket_mode=socket_mode)
    chat = company_chat(app.client, books, deps.team_client)
    jobs = JobContext(books, deps.quickbooks, chat)
    return Runtime(app, books, deps.quickbooks, jobs, deps.team_client)


def serve_forever(
    settings: Settings, *, socket_mode: bool, port: int, host: str | None = None
) -> None:
    logs.configure(settings.log_level or "INFO")
    # the reader's patterns built while the server starts, not on the first report
    threading.Thread(target=prepare_reader, name="reader-warm-up", daemon=True).start()
    rt = build(settings, socket_mode=socket_mode)
    scheduler = build_scheduler(rt.jobs, company_jobs(rt.jobs, rt.app.client, rt.team_client))
    scheduler.start()
    host = host or settings.host
    try:
        if socket_mode:
            from bot.slack.socket_mode import SocketModeRunner

            # Socket Mode needs no public URL, but the QuickBooks callback (and Slack's
            # install flow, with several workspaces) still arrive over HTTP: serve just
            # those (and /healthz) beside it.
            web = uvicorn.Server(
                uvicorn.Config(
                    create_asgi(
                        None,
                        rt.quickbooks,
                        rt.app.client,
                        install=rt.app,
                        team_client=rt.team_client,
                    ),
                    host=host,
                    port=port,
                    log_level="warning",
                )
            )
            threading.Thread(target=web.run, daemon=True).start()
            assert settings.slack_app_token is not None
            log.info("writeoff-bot connecting to Slack over Socket Mode")
            try:
                SocketModeRunner(
                    rt.app, settings.slack_app_token.get_secret_value(), settings.slack_api_url
                ).run_forever()
            finally:
                web.should_exit = True
            return
        log.info("writeoff-bot serving HTTP on %s:%s (POST /slack/events)", host, port)
        uvicorn.run(
            create_asgi(rt.app, rt.quickbooks, team_client=rt.team_client),
            host=host,
            port=port,
            log_level="info",
            access_log=False,
        )
    finally:
        scheduler.shutdown(wait=False)
        log.info("writeoff-bot stopped")

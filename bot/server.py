"""`writeoff serve`: Socket Mode, or HTTP on uvicorn (ASGI) with /slack/events and /healthz."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.app import create_app
from bot.runtime import Books, open_books
from bot.settings import Settings

log = logging.getLogger("bot")


def create_asgi(app: App, extra_routes: list[Route] | None = None) -> Starlette:
    """Bolt's Starlette adapter pieces, with the (synchronous) dispatch run in a worker
    thread so one slow request never blocks the event loop for the others."""

    async def slack_events(request: Request) -> Response:
        body = await request.body()
        bolt_resp = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_resp)

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"ok": True})

    routes = [
        Route("/slack/events", slack_events, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        *(extra_routes or []),
    ]
    return Starlette(routes=routes)


def build(settings: Settings, *, socket_mode: bool) -> tuple[App, Books, Any]:
    books = open_books(settings, migrate=True)  # serve applies migrations first
    app, deps = create_app(books, socket_mode=socket_mode)
    return app, books, deps


def serve_forever(
    settings: Settings, *, socket_mode: bool, port: int, host: str | None = None
) -> None:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app, _books, _deps = build(settings, socket_mode=socket_mode)
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        assert settings.slack_app_token is not None
        log.info("writeoff-bot connecting to Slack over Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return
    import uvicorn

    log.info("writeoff-bot serving HTTP on port %s (POST /slack/events)", port)
    uvicorn.run(
        create_asgi(app), host=host or settings.host, port=port, log_level="info", access_log=False
    )

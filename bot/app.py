"""The Bolt app factory: settings in, a ready App out."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.deps import Deps
from bot.listeners import register_listeners
from bot.roles import Approvers
from bot.runtime import Books
from bot.slack_client import make_web_client

log = logging.getLogger("bot")


def create_app(
    books: Books,
    *,
    client: WebClient | None = None,
    socket_mode: bool = False,
    on_posted: Any = None,
    quickbooks: Any = None,
    workers: int = 32,
) -> tuple[App, Deps]:
    settings = books.settings
    if settings.slack_bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    if client is None:
        client = make_web_client(
            settings.slack_bot_token.get_secret_value(), settings.slack_api_url
        )
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    if not socket_mode and not signing_secret:
        raise ValueError("SLACK_SIGNING_SECRET is not set (needed for HTTP mode)")
    app = App(
        client=client,
        signing_secret=signing_secret or "socket-mode-has-no-http-requests",
        # Over Socket Mode there are no HTTP requests to sign; over HTTP every one is checked.
        request_verification_enabled=not socket_mode,
        # Our ack functions are a few microseconds of work and all slow work is in lazy
        # listeners. Running the ack inline keeps it from queueing behind busy listener
        # threads (otherwise a burst of reports delays every ack by the whole backlog).
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bolt"),
        logger=log,
    )
    approvers = Approvers(
        client, settings.approvers, allow_self_approval=settings.writeoff_allow_self_approval
    )
    from bot.quickbooks import QuickBooks

    deps = Deps(
        books=books,
        approvers=approvers,
        on_posted=on_posted,
        quickbooks=quickbooks or QuickBooks(books),
    )
    register_listeners(app, deps)
    return app, deps

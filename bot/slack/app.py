"""The Bolt app factory: settings in, a ready App out. Dependencies reach every listener
through Bolt's context, put there by one middleware, as the Bolt starter template does."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.logs import bind, new_request_id
from bot.services.books import Books
from bot.services.deps import Deps, OnPosted
from bot.services.quickbooks import QuickBooks
from bot.services.roles import approvers_from
from bot.slack.client import make_web_client
from bot.slack.companies import CompanyDeps, request_channel
from bot.slack.home import start as start_home
from bot.slack.listeners import register_listeners
from bot.slack.listeners.common import entries_named

log = logging.getLogger("bot.slack")


def group_members(client: WebClient) -> Callable[[str], frozenset[str]]:
    """Slack user group -> its members (usergroups.users.list), for the approver check."""

    def members(group: str) -> frozenset[str]:
        return frozenset(client.usergroups_users_list(usergroup=group).get("users") or [])

    return members


NAME_CACHE_SECONDS = 3600.0


def display_names(
    client: WebClient, cache_seconds: float = NAME_CACHE_SECONDS
) -> Callable[[str], str | None]:
    """Slack user id -> the name people know them by (users.info), cached: an Approve all of
    forty entries asks Slack once per person, not forty times."""
    cache: dict[str, tuple[float, str | None]] = {}
    lock = threading.Lock()

    def name(user: str) -> str | None:
        now = time.monotonic()
        with lock:
            hit = cache.get(user)
            if hit and now - hit[0] < cache_seconds:
                return hit[1]
        try:
            info = client.users_info(user=user).get("user") or {}
        except Exception:  # a name is a nicety: the id stands in, and is retried next time
            log.warning("could not look up the name of %s", user, exc_info=True)
            return None
        profile = info.get("profile") or {}
        found = (
            profile.get("display_name")
            or profile.get("real_name")
            or info.get("real_name")
            or info.get("name")
            or None
        )
        if not isinstance(found, str):  # an answer without a usable name: keep the id
            found = None
        with lock:
            cache[user] = (now, found)
        return found

    return name


def make_deps(
    books: Books,
    client: WebClient,
    *,
    quickbooks: QuickBooks | None = None,
    on_posted: OnPosted | None = None,
    background: ThreadPoolExecutor | None = None,
) -> Deps:
    settings = books.settings
    approvers = approvers_from(settings, group_members(client))
    return Deps(
        books,
        approvers,
        quickbooks or QuickBooks(books),
        on_posted,
        background=background,
        names=display_names(client),
    )


def create_app(
    books: Books,
    *,
    client: WebClient | None = None,
    socket_mode: bool = False,
    on_posted: OnPosted | None = None,
    quickbooks: QuickBooks | None = None,
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
    # Claude's second readings run here, never on the ack path nor in Bolt's listener pool.
    background = (
        ThreadPoolExecutor(max_workers=32, thread_name_prefix="second-reading")
        if books.second_reader is not None
        else None
    )
    deps = make_deps(
        books, client, quickbooks=quickbooks, on_posted=on_posted, background=background
    )
    home = start_home(client, deps)
    companies = CompanyDeps(
        deps,
        lambda b: make_deps(b, client, on_posted=on_posted, background=background),
    )

    @app.middleware
    def provide(
        context: BoltContext, body: dict[str, Any], next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        # Deps survives Bolt's copy of the context for lazy listeners (Deps.__deepcopy__);
        # the request id ties this request's log lines together, the lazy ones too.
        chosen, unlinked = companies.pick(
            request_channel(context, body), entries_named(body), context.team_id
        )
        context["deps"] = chosen
        context["companies"] = companies
        context["company_unlinked"] = unlinked
        context["home"] = home
        context["request_id"] = new_request_id()
        with bind(
            request_id=context["request_id"],
            team=context.team_id,
            user=context.user_id,
            channel=context.channel_id,
            company=chosen.books.company_id,
        ):
            return next()

    register_listeners(app)
    return app, deps

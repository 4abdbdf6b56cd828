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
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient

from bot.logs import bind, new_request_id
from bot.services.books import Books
from bot.services.deps import Deps, OnPosted
from bot.services.installations import Installations
from bot.services.quickbooks import QuickBooks
from bot.services.roles import approvers_from
from bot.slack.client import make_web_client
from bot.slack.companies import CompanyDeps, request_channel
from bot.slack.home import start as start_home
from bot.slack.installs import (
    OwnWorkspace,
    TeamClient,
    WorkspaceAuthorize,
    register_uninstall,
    team_clients,
    token_result,
    workspace_clients,
)
from bot.slack.listeners import register_listeners
from bot.slack.listeners.common import company_named, entries_named

log = logging.getLogger("bot.slack")


ClientFor = Callable[[], WebClient | None]


def group_members(client: WebClient | ClientFor) -> Callable[[str], frozenset[str]]:
    """Slack user group -> its members (usergroups.users.list), for the approver check,
    asked with the token of the workspace the request came from."""
    client_for = _client_for(client)

    def members(group: str) -> frozenset[str]:
        found = client_for()
        if found is None:  # a workspace we hold no token for: nobody from its groups
            return frozenset()
        return frozenset(found.usergroups_users_list(usergroup=group).get("users") or [])

    return members


def _client_for(client: WebClient | ClientFor) -> ClientFor:
    if isinstance(client, WebClient):
        return lambda: client
    return client


NAME_CACHE_SECONDS = 3600.0

# What an install asks for: the bot scopes of manifest.yml (a test keeps the two equal).
BOT_SCOPES = (
    "commands",
    "chat:write",
    "chat:write.public",
    "app_mentions:read",
    "channels:history",
    "groups:history",
    "users:read",
    "usergroups:read",
    "files:read",
    "files:write",
)


def display_names(
    client: WebClient | ClientFor, cache_seconds: float = NAME_CACHE_SECONDS
) -> Callable[[str], str | None]:
    """Slack user id -> the name people know them by (users.info), cached: an Approve all of
    forty entries asks Slack once per person, not forty times."""
    cache: dict[str, tuple[float, str | None]] = {}
    lock = threading.Lock()
    client_for = _client_for(client)

    def name(user: str) -> str | None:
        now = time.monotonic()
        with lock:
            hit = cache.get(user)
            if hit and now - hit[0] < cache_seconds:
                return hit[1]
        found = client_for()
        if found is None:  # a workspace we hold no token for: the id stands in
            return None
        try:
            info = found.users_info(user=user).get("user") or {}
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


def exchange_client(client: WebClient) -> WebClient:
    """The client that trades an install code for a workspace's token (oauth.v2.access).
    slack_sdk logs whole responses at DEBUG, and this one's body is the new bot token: its
    logger never logs below INFO, whatever LOG_LEVEL says."""
    quiet = logging.getLogger("bot.slack.oauth")
    quiet.setLevel(logging.INFO)
    return WebClient(
        token=None,
        base_url=client.base_url,
        timeout=client.timeout,
        logger=quiet,
        retry_handlers=list(client.retry_handlers),
    )


def make_deps(
    books: Books,
    client: WebClient,
    *,
    quickbooks: QuickBooks | None = None,
    on_posted: OnPosted | None = None,
    background: ThreadPoolExecutor | None = None,
    client_for: ClientFor | None = None,
) -> Deps:
    """`client_for`: the client for the request at hand's workspace (several workspaces);
    without it, `client` serves every request."""
    settings = books.settings
    who = client_for or client
    approvers = approvers_from(settings, group_members(who))
    return Deps(
        books,
        approvers,
        quickbooks or QuickBooks(books),
        on_posted,
        background=background,
        names=display_names(who),
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
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    if token is None and not settings.slack_oauth:
        raise ValueError("SLACK_BOT_TOKEN is not set")
    if client is None:
        client = make_web_client(token, settings.slack_api_url)
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    if not socket_mode and not signing_secret:
        raise ValueError("SLACK_SIGNING_SECRET is not set (needed for HTTP mode)")
    installations: Installations | None = None
    client_for: ClientFor | None = None
    team_client: TeamClient | None = None
    oauth: dict[str, object] = {}
    if settings.slack_oauth:
        # Many workspaces. Always explicit: left to itself, Bolt turns OAuth on from the
        # environment with files for stores and refuses every workspace, the token's own too.
        assert settings.slack_client_id and settings.slack_client_secret
        installations = Installations.open(books.engine, settings)
        oauth_settings = OAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            scopes=list(BOT_SCOPES),
            redirect_uri=settings.slack_redirect_uri,
            installation_store=installations.store,
            state_store=installations.states,
            logger=log,
        )
        own = OwnWorkspace(token_result(client) if token else None)
        installations.on_forget.append(own.forget)
        team_client = team_clients(client, installations.store, own)
        client_for = workspace_clients(team_client)
        oauth = {
            "oauth_flow": OAuthFlow(client=exchange_client(client), settings=oauth_settings),
            "authorize": WorkspaceAuthorize(own, installations.store, client, log),
        }
        log.info(
            "Slack distribution on: installed workspaces are served with their own tokens%s",
            f", {own.result.team_id} with SLACK_BOT_TOKEN" if own.result else "",
        )
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
        **oauth,  # type: ignore[arg-type]
    )
    # Claude's second readings run here, never on the ack path nor in Bolt's listener pool.
    background = (
        ThreadPoolExecutor(max_workers=32, thread_name_prefix="second-reading")
        if books.second_reader is not None
        else None
    )
    deps = make_deps(
        books,
        client,
        quickbooks=quickbooks,
        on_posted=on_posted,
        background=background,
        client_for=client_for,
    )
    deps.team_client = team_client
    companies = CompanyDeps(
        deps,
        lambda b: make_deps(
            b, client, on_posted=on_posted, background=background, client_for=client_for
        ),
    )
    home = start_home(client, deps, companies)

    @app.middleware
    def provide(
        context: BoltContext, body: dict[str, Any], next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        # Deps survives Bolt's copy of the context for lazy listeners (Deps.__deepcopy__);
        # the request id ties this request's log lines together, the lazy ones too.
        chosen, unlinked = companies.pick(
            request_channel(context, body),
            entries_named(body),
            context.team_id,
            company_named(body),
        )
        context["deps"] = chosen
        context["companies"] = companies
        context["company_unlinked"] = unlinked
        context["home"] = home
        context["installations"] = installations
        context["request_id"] = new_request_id()
        with bind(
            request_id=context["request_id"],
            team=context.team_id,
            user=context.user_id,
            channel=context.channel_id,
            company=chosen.books.company_id,
        ):
            return next()

    if installations is not None:
        register_uninstall(app)
    register_listeners(app)
    return app, deps

"""Which token serves which workspace, and forgetting a workspace that uninstalled the app.

With distribution on, a request is authorized by the workspace it comes from: the workspace
of SLACK_BOT_TOKEN keeps that token (it was installed by hand, not through /slack/install),
every other one uses what its installation stored. No token of one workspace ever serves
another: an unknown workspace is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize, InstallationStoreAuthorize
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store import InstallationStore

from bot.services.books import Books
from bot.services.installations import Installations
from bot.services.workspace import request_team

log = logging.getLogger("bot.slack")

UNINSTALLED = "app_uninstalled"
REVOKED = "tokens_revoked"


def token_result(client: WebClient) -> AuthorizeResult | None:
    """SLACK_BOT_TOKEN's own workspace, asked once at start (auth.test). A token Slack
    refuses (the app was removed there) leaves the installed workspaces served."""
    try:
        answer = client.auth_test()
    except SlackApiError as exc:
        log.warning(
            "SLACK_BOT_TOKEN was refused by Slack (%s): its workspace is not served; the "
            "installed workspaces are",
            exc.response.get("error"),
        )
        return None
    return AuthorizeResult.from_auth_test_response(
        auth_test_response=answer, bot_token=client.token, user_token=None
    )


class OwnWorkspace:
    """SLACK_BOT_TOKEN's workspace, until Slack says the app left it (then its requests are
    refused like any other uninstalled workspace's, until it installs the app again)."""

    def __init__(self, result: AuthorizeResult | None) -> None:
        self.result = result

    def serves(self, team_id: str | None) -> AuthorizeResult | None:
        found = self.result
        return found if found is not None and team_id and team_id == found.team_id else None

    def forget(self, team_id: str | None) -> None:
        if self.serves(team_id) is not None:
            self.result = None
            log.warning("the app left %s: SLACK_BOT_TOKEN no longer serves it", team_id)


class WorkspaceAuthorize(Authorize):
    def __init__(
        self,
        own: OwnWorkspace,
        store: InstallationStore,
        client: WebClient,
        logger: logging.Logger,
    ) -> None:
        super().__init__()
        self.own = own
        # Bolt asks Slack (auth.test) who a stored token is on every request, before the
        # ack, unless cached. The cache is keyed by the token, and the token comes from the
        # store each time: a forgotten workspace has none, so nothing stale is served.
        self.installed = InstallationStoreAuthorize(
            logger=logger,
            installation_store=store,
            client=client,
            bot_only=True,
            cache_enabled=True,
        )

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        own = self.own.serves(team_id)
        if own is not None:
            return own
        return self.installed(
            context=context, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id
        )


TeamClient = Callable[[str | None], WebClient | None]


def team_clients(base: WebClient, store: InstallationStore, own: OwnWorkspace) -> TeamClient:
    """The Web API client for a workspace: `base` for SLACK_BOT_TOKEN's workspace (and for
    no workspace in particular), the installation's token for an installed one (read from
    the store at each call: a workspace that uninstalled has none), None for a workspace we
    hold no token for (never another workspace's token)."""

    def of(team: str | None) -> WebClient | None:
        if team is None or own.serves(team) is not None:
            return base if base.token else None
        bot = store.find_bot(enterprise_id=None, team_id=team)
        if bot is None or not bot.bot_token:
            return None
        return WebClient(
            token=bot.bot_token,
            base_url=base.base_url,
            timeout=base.timeout,
            logger=base.logger,
            retry_handlers=list(base.retry_handlers),
        )

    return of


def installed_clients(base: WebClient, books: Books) -> TeamClient | None:
    """`team_clients` outside the app (`writeoff jobs run`): None unless distribution is on.
    SLACK_BOT_TOKEN's own workspace is asked of Slack (auth.test), as the app does at start."""
    if not books.settings.slack_oauth:
        return None
    own = OwnWorkspace(token_result(base) if base.token else None)
    return team_clients(base, Installations.open(books.engine, books.settings).store, own)


def workspace_clients(of: TeamClient) -> Callable[[], WebClient | None]:
    """The Web API client for the workspace of the request at hand, for the lookups that
    run outside Bolt's per-request client (approver groups, people's names)."""
    return lambda: of(request_team())


def _installations(context: BoltContext) -> Installations:
    found = context.get("installations")
    if not isinstance(found, Installations):  # put there by the middleware in app.py
        raise RuntimeError("no installation store in the request context")
    return found


def uninstalled(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """The app was removed from a workspace: every token of it goes; the books stay."""
    ack()
    _installations(context).forget_workspace(context.enterprise_id, context.team_id)


def revoked(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Tokens revoked: a revoked bot token forgets the whole workspace (the app is a bot;
    without its token nothing of that workspace can be served); user tokens are cleared."""
    ack()
    tokens = (body.get("event") or {}).get("tokens") or {}
    store = _installations(context)
    if tokens.get("bot"):
        store.forget_workspace(context.enterprise_id, context.team_id)
    store.forget_users(context.enterprise_id, context.team_id, tokens.get("oauth") or [])


def register_uninstall(app: App) -> None:
    app.event(UNINSTALLED)(uninstalled)
    app.event(REVOKED)(revoked)

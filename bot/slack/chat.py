"""The Chat port in Slack: render with bot/slack/ui, send with the Web API."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.books import Books
from bot.services.chat import Where
from bot.services.display import DriftNotice, FailedPush, MonthEndFacts
from bot.slack import cards
from bot.slack.ui import alerts, reminders
from bot.slack.ui.kit import client_prefix

log = logging.getLogger(__name__)


class SlackChat:
    def __init__(
        self,
        client: WebClient,
        books: Books,
        workspace: Callable[[], WebClient | None] | None = None,
    ) -> None:
        """`workspace` (a company tied to an installed workspace): that workspace's client,
        asked at each message, so a workspace that uninstalled the app is told nothing, and
        never with another workspace's token."""
        self._client = client
        self._workspace = workspace
        self.books = books

    @property
    def client(self) -> WebClient | None:
        if self._workspace is None:
            return self._client
        found = self._workspace()
        if found is None:
            log.warning(
                "company %s: no token for its Slack workspace %s (the app was removed "
                "there?): nothing sent",
                self.books.company_slug,
                self.books.team_id,
            )
        return found

    def refresh_card(self, entry_id: int) -> bool:
        client = self.client
        return client is not None and cards.refresh_card(client, self.books, entry_id)

    def permalink(self, channel: str, ts: str) -> str | None:
        client = self.client
        return cards.permalink(client, channel, ts) if client is not None else None

    def _post(self, channel: str, text: str, blocks: list[dict[str, object]]) -> Where | None:
        client = self.client
        if client is None:
            return None
        try:
            resp = client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not post in %s: %s", channel, exc.response.get("error"))
            return None
        return str(resp["channel"]), str(resp["ts"])

    def failure_alert(self, channel: str, push: FailedPush) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(channel, alerts.failure_text(push), alerts.failure_alert(push, cur))

    def summary_alert(self, channel: str, pushes: Sequence[FailedPush]) -> Where | None:
        cur = self.books.settings.writeoff_currency
        company = pushes[0].company if pushes else None
        return self._post(
            channel, alerts.summary_text(len(pushes), company), alerts.summary_alert(pushes, cur)
        )

    def resolve_alert(
        self,
        where: Where,
        number: str,
        qbo_id: str | None,
        count: int,
        company: str | None = None,
    ) -> None:
        blocks = (
            alerts.resolved_one(number, qbo_id, company)
            if count == 1
            else alerts.resolved_all(count, company)
        )
        client = self.client
        if client is None:
            return
        try:
            client.chat_update(channel=where[0], ts=where[1], text="Resolved", blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not resolve alert %s: %s", where[1], exc.response.get("error"))

    def drift_alert(self, channel: str, notice: DriftNotice) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(channel, alerts.drift_text(notice), alerts.drift_alert(notice, cur))

    def connection_broken(self, channel: str, reason: str, company: str | None = None) -> None:
        client = self.client
        if client is None:
            return
        client.chat_postMessage(
            channel=channel,
            text=f"{client_prefix(company, bold=False)}QuickBooks disconnected",
            blocks=alerts.broken_connection_alert(reason, company),
        )

    def connection_expiring(self, channel: str, days: int, company: str | None = None) -> None:
        client = self.client
        if client is None:
            return
        client.chat_postMessage(
            channel=channel,
            text=f"{client_prefix(company, bold=False)}QuickBooks connection expires soon",
            blocks=alerts.expiry_warning(days, company),
        )

    def month_end_reminder(self, channel: str, facts: MonthEndFacts) -> None:
        client = self.client
        if client is None:
            return
        client.chat_postMessage(
            channel=channel,
            text=reminders.reminder_text(facts.month, facts.company),
            blocks=reminders.reminder_blocks(facts),
        )

    def nudge(self, where: Where, approvers: Iterable[str], company: str | None = None) -> None:
        client = self.client
        if client is None:
            return
        client.chat_postMessage(
            channel=where[0], thread_ts=where[1], text=reminders.nudge_text(approvers, company)
        )


def company_chat(
    client: WebClient, books: Books, team_client: Callable[[str | None], object] | None
) -> SlackChat:
    """A company's Chat port: `client` (SLACK_BOT_TOKEN) with one workspace or a company of
    no workspace in particular; with several workspaces, the client of the company's own
    workspace (team id), looked up at each message."""
    team = books.team_id
    if team_client is None or team is None:
        return SlackChat(client, books)

    def workspace() -> WebClient | None:
        found = team_client(team)
        return found if isinstance(found, WebClient) else None

    return SlackChat(client, books, workspace)

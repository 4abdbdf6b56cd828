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
from bot.slack.ui.kit import Block

log = logging.getLogger(__name__)


class SlackChat:
    def __init__(
        self,
        client: WebClient,
        books: Books,
        resolve: Callable[[], WebClient | None] | None = None,
    ) -> None:
        """`resolve`: the client of the company's own workspace, asked at each use (several
        workspaces: a scheduled message goes out with that workspace's installed token)."""
        self._client = client
        self._resolve = resolve
        self.books = books

    @property
    def client(self) -> WebClient:
        if self._resolve is None:
            return self._client
        found = self._resolve()
        if found is None:  # the workspace left: no token of another workspace stands in
            log.warning("no token for company %s's workspace", self.books.company_slug)
            return WebClient(token=None, base_url=self._client.base_url)
        return found

    @property
    def company(self) -> str | None:
        """The company's name when the deployment keeps several. Taken from the Books, not
        the database: alerts are sent from inside the sync's transactions, where a second
        transaction would wait on the first (SQLite)."""
        return self.books.company_name if self.books.companies > 1 else None

    def _named(self, text: str, blocks: list[dict[str, object]]) -> tuple[str, list[Block]]:
        return alerts.for_company(self.company, text, blocks)

    def refresh_card(self, entry_id: int) -> bool:
        return cards.refresh_card(self.client, self.books, entry_id)

    def permalink(self, channel: str, ts: str) -> str | None:
        return cards.permalink(self.client, channel, ts)

    def _post(self, channel: str, text: str, blocks: list[dict[str, object]]) -> Where | None:
        text, blocks = self._named(text, blocks)
        try:
            resp = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not post in %s: %s", channel, exc.response.get("error"))
            return None
        return str(resp["channel"]), str(resp["ts"])

    def failure_alert(self, channel: str, push: FailedPush) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(channel, alerts.failure_text(push), alerts.failure_alert(push, cur))

    def summary_alert(self, channel: str, pushes: Sequence[FailedPush]) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(
            channel, alerts.summary_text(len(pushes)), alerts.summary_alert(pushes, cur)
        )

    def resolve_alert(self, where: Where, number: str, qbo_id: str | None, count: int) -> None:
        blocks = alerts.resolved_one(number, qbo_id) if count == 1 else alerts.resolved_all(count)
        text, blocks = self._named("Resolved", blocks)
        try:
            self.client.chat_update(channel=where[0], ts=where[1], text=text, blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not resolve alert %s: %s", where[1], exc.response.get("error"))

    def drift_alert(self, channel: str, notice: DriftNotice) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(channel, alerts.drift_text(notice), alerts.drift_alert(notice, cur))

    def connection_broken(self, channel: str, reason: str) -> None:
        text, blocks = self._named(
            "QuickBooks disconnected", alerts.broken_connection_alert(reason)
        )
        self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)

    def connection_expiring(self, channel: str, days: int) -> None:
        text, blocks = self._named(
            "QuickBooks connection expires soon", alerts.expiry_warning(days)
        )
        self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)

    def month_end_reminder(self, channel: str, facts: MonthEndFacts) -> None:
        self.client.chat_postMessage(
            channel=channel,
            text=reminders.reminder_text(facts.month, facts.company),
            blocks=reminders.reminder_blocks(facts),
        )

    def nudge(self, where: Where, approvers: Iterable[str]) -> None:
        self.client.chat_postMessage(
            channel=where[0],
            thread_ts=where[1],
            text=self._named(reminders.nudge_text(approvers), [])[0],
        )

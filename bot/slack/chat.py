"""The Chat port in Slack: render with bot/slack/ui, send with the Web API."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

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
    def __init__(self, client: WebClient, books: Books) -> None:
        self.client = client
        self.books = books

    def refresh_card(self, entry_id: int) -> bool:
        return cards.refresh_card(self.client, self.books, entry_id)

    def permalink(self, channel: str, ts: str) -> str | None:
        return cards.permalink(self.client, channel, ts)

    def _post(self, channel: str, text: str, blocks: list[dict[str, object]]) -> Where | None:
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
        try:
            self.client.chat_update(channel=where[0], ts=where[1], text="Resolved", blocks=blocks)
        except SlackApiError as exc:
            log.warning("could not resolve alert %s: %s", where[1], exc.response.get("error"))

    def drift_alert(self, channel: str, notice: DriftNotice) -> Where | None:
        cur = self.books.settings.writeoff_currency
        return self._post(channel, alerts.drift_text(notice), alerts.drift_alert(notice, cur))

    def connection_broken(self, channel: str, reason: str, company: str | None = None) -> None:
        self.client.chat_postMessage(
            channel=channel,
            text=f"{client_prefix(company, bold=False)}QuickBooks disconnected",
            blocks=alerts.broken_connection_alert(reason, company),
        )

    def connection_expiring(self, channel: str, days: int, company: str | None = None) -> None:
        self.client.chat_postMessage(
            channel=channel,
            text=f"{client_prefix(company, bold=False)}QuickBooks connection expires soon",
            blocks=alerts.expiry_warning(days, company),
        )

    def month_end_reminder(self, channel: str, facts: MonthEndFacts) -> None:
        self.client.chat_postMessage(
            channel=channel,
            text=reminders.reminder_text(facts.month, facts.company),
            blocks=reminders.reminder_blocks(facts),
        )

    def nudge(self, where: Where, approvers: Iterable[str], company: str | None = None) -> None:
        self.client.chat_postMessage(
            channel=where[0], thread_ts=where[1], text=reminders.nudge_text(approvers, company)
        )

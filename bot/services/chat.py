"""The port through which use cases talk to people, in domain terms. The Slack layer
implements it (bot/slack/chat.py: render with bot/slack/ui, send with the Web API); where
nobody can be told (the command line without Slack tokens) jobs get None. Keeping it narrow
keeps jobs and notices free of Block Kit. `company` (and a value's `company`) is the
company's name when the deployment keeps several (`Books.label`), else None."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from bot.services.display import DriftNotice, FailedPush, MonthEndFacts

Where = tuple[str, str]  # (channel, ts) of a message


class Chat(Protocol):
    def refresh_card(self, entry_id: int) -> bool:
        """Re-render an entry's card in place; False when it has none (or Slack refused)."""
        ...

    def permalink(self, channel: str, ts: str) -> str | None: ...

    def failure_alert(self, channel: str, push: FailedPush) -> Where | None: ...

    def summary_alert(self, channel: str, pushes: Sequence[FailedPush]) -> Where | None: ...

    def resolve_alert(
        self,
        where: Where,
        number: str,
        qbo_id: str | None,
        count: int,
        company: str | None = None,
    ) -> None:
        """Mark a failure alert resolved: one entry (number, QuickBooks id) or `count`."""
        ...

    def connection_broken(self, channel: str, reason: str, company: str | None = None) -> None: ...

    def drift_alert(self, channel: str, notice: DriftNotice) -> Where | None:
        """One message: a synced entry was changed or deleted in QuickBooks."""
        ...

    def connection_expiring(self, channel: str, days: int, company: str | None = None) -> None: ...

    def month_end_reminder(self, channel: str, facts: MonthEndFacts) -> None: ...

    def nudge(self, where: Where, approvers: Iterable[str], company: str | None = None) -> None:
        """Ask the approvers, in the card's thread, to decide on a waiting draft."""
        ...

"""The "Close YYYY-MM" button under `/writeoff close`. It names the month and the company
whose month it is (bot/slack/ui/month_end.py): the click acts on that company's books, and
only that company's approvers may close it (a refusal is in its audit trail)."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import periods
from bot.services.decisions import require_approver
from bot.slack.listeners.common import Body, deps_of, named_value, tell_user, user_of
from bot.slack.ui.companies import NO_SUCH_CLIENT
from bot.slack.ui.kit import client_prefix
from ledger.periods import Period


def period_close(body: Body, client: WebClient, context: BoltContext, respond: Any) -> None:
    deps = deps_of(context)
    user = user_of(body)
    month = named_value(body)
    if context.get("company_unlinked"):  # never close a month of a guessed company
        tell_user(client, body, NO_SUCH_CLIENT)
        return
    refused = require_approver(deps, user, "close_periods", month=month)
    if refused:
        tell_user(client, body, refused)
        return
    changed = periods.close(deps, user, Period.parse(month))
    whose = client_prefix(deps.books.label, bold=False)
    respond(
        text=f"{whose}{month} is closed." if changed else f"{whose}{month} was already closed.",
        replace_original=True,
        response_type="ephemeral",
    )

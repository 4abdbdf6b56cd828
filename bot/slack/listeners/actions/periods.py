"""The "Close YYYY-MM" button under `/writeoff close`."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import periods
from bot.services.decisions import require_approver
from bot.slack.listeners.common import Body, action_value, deps_of, tell_user, user_of
from ledger.periods import Period


def period_close(body: Body, client: WebClient, context: BoltContext, respond: Any) -> None:
    deps = deps_of(context)
    user = user_of(body)
    month = action_value(body)
    refused = require_approver(deps, user, "close_periods", month=month)
    if refused:
        tell_user(client, body, refused)
        return
    changed = periods.close(deps, user, Period.parse(month))
    respond(
        text=f"{month} is closed." if changed else f"{month} was already closed.",
        replace_original=True,
        response_type="ephemeral",
    )

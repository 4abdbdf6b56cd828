"""Buttons on the App Home tab: Approve beside a waiting draft, and the month's report."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions, reports
from bot.services.display import Result
from bot.slack.cards import refresh_card
from bot.slack.ids import Id
from bot.slack.listeners.common import (
    Body,
    clicked,
    company_named,
    deps_of,
    entry_id_of,
    named_value,
    push_now,
    tell_user,
    user_of,
)
from bot.slack.ui import replies
from bot.slack.ui.reports import summary_blocks, summary_text
from ledger.periods import Period


def approve(body: Body, client: WebClient, context: BoltContext) -> None:
    """The same approval as on the card (the same rules); the answer comes as a DM, since a
    Home tab has no channel to answer in."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    clicked(deps, body, Id.HOME_APPROVE, entry_id)
    if entry_id is None:
        return
    outcome = decisions.approve(deps, user_of(body), entry_id)
    if outcome.ok or outcome.result is Result.WAITING:
        refresh_card(client, deps.books, entry_id)
    if outcome.result is not Result.DONE:
        text = replies.approved(outcome)
        if outcome.result is Result.PERIOD_CLOSED:
            text += " Open the card and approve it there to post it in an open month."
        tell_user(client, body, text)
    if outcome.ok:
        push_now(context, client, [entry_id])


def report(body: Body, client: WebClient, context: BoltContext) -> None:
    """This month's summary, sent privately (`/writeoff report` posts it with the chart).
    On a Home grouped by company the button names the company (`2026-11@3`, as the Close
    button does): the middleware acts on that company when it is one of this workspace's,
    and a button naming any other sends nothing."""
    if company_named(body) is not None and context.get("company_unlinked"):
        return
    deps = deps_of(context)
    user = user_of(body)
    refused = decisions.require_report_viewer(deps, user, "report")
    if refused:
        tell_user(client, body, refused)
        return
    try:
        month = Period.parse(named_value(body))
    except ValueError:
        return
    view, _png = reports.month_report(deps, month)
    client.chat_postMessage(
        channel=user, text=summary_text(str(month), view.company), blocks=summary_blocks(view)
    )

"""Buttons on the App Home tab: Approve beside a waiting draft, and the month's report."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions, reports
from bot.services.deps import Deps
from bot.services.display import Result
from bot.slack.cards import refresh_card
from bot.slack.companies import in_workspace
from bot.slack.ids import Id
from bot.slack.listeners.common import (
    Body,
    action_value,
    clicked,
    deps_of,
    entry_id_of,
    push_now,
    tell_user,
    user_of,
)
from bot.slack.listeners.companies import companies_of
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
    On a Home grouped by company the value also names the company (`2026-11 3`): that
    company's report, if it is one of this workspace's, for its approvers only."""
    month_text, _, company = action_value(body).partition(" ")
    deps = company_deps(context, company) if company else deps_of(context)
    if deps is None:
        return
    user = user_of(body)
    refused = decisions.require_report_viewer(deps, user, "report")
    if refused:
        tell_user(client, body, refused)
        return
    try:
        month = Period.parse(month_text)
    except ValueError:
        return
    view, _png = reports.month_report(deps, month)
    client.chat_postMessage(
        channel=user, text=summary_text(str(month), view.company), blocks=summary_blocks(view)
    )


def company_deps(context: BoltContext, company: str) -> Deps | None:
    """The Deps of the company a grouped Home's button names, when it is a company of the
    workspace the click came from (None otherwise: nothing is sent)."""
    companies = companies_of(context)
    if not company.isdigit() or int(company) not in companies.resolver.company_ids():
        return None
    deps = companies.for_company(int(company))
    return deps if in_workspace(deps.books, context.team_id) else None

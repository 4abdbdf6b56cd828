"""`/writeoff connect quickbooks | status | close | reopen | remind | report | export`:
each returns the private answer to the person who typed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from slack_sdk import WebClient

from bot.services import periods, reports
from bot.services.decisions import require_approver, require_report_viewer
from bot.services.deps import Deps
from bot.services.quickbooks import NotConfigured
from bot.services.reminders import send_reminder
from bot.slack.chat import SlackChat
from bot.slack.ui import replies
from bot.slack.ui.kit import channel_link, client_prefix
from bot.slack.ui.month_end import close_blocks, close_text
from bot.slack.ui.reports import file_title, summary_blocks, summary_text
from ledger.periods import Period

SUBCOMMANDS = frozenset(
    {"connect", "status", "close", "reopen", "remind", "report", "export", "map", "clients"}
)


@dataclass
class Reply:
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


def subcommand(text: str) -> str | None:
    word = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return word if word in SUBCOMMANDS else None


def _month(arg: str | None) -> Period | None:
    if not arg:
        return None
    try:
        return Period.parse(arg)
    except ValueError:
        return None


def run(deps: Deps, client: WebClient, text: str, user: str, channel: str) -> Reply:
    parts = text.split()
    sub = parts[0].lower()
    arg = parts[1] if len(parts) > 1 else None
    if sub == "connect":
        if "quickbooks" not in text.lower() and "qbo" not in text.lower():
            return Reply("Usage: `/writeoff connect quickbooks`")
        return Reply(connect_quickbooks(deps, user))
    if sub == "status":
        return Reply(replies.qbo_status(deps.quickbooks.status()))
    if sub == "close":
        return close(deps, user, arg)
    if sub == "reopen":
        return reopen(deps, user, arg)
    if sub == "remind":
        return remind(deps, client, user, channel)
    if sub in ("report", "export"):
        refused = require_report_viewer(deps, user, sub)
        if refused:
            return Reply(refused)
    if sub == "report":
        return report(deps, client, channel, arg)
    return export(deps, client, channel, arg)


def connect_quickbooks(deps: Deps, user: str) -> str:
    refused = require_approver(deps, user, "connect")
    if refused:
        return "Only approvers can connect QuickBooks."
    try:
        url = deps.quickbooks.connect_url(actor=user)
    except (NotConfigured, RuntimeError) as exc:
        return str(exc)
    return f"<{url}|Connect QuickBooks> (the link works once, for 10 minutes)."


def close(deps: Deps, user: str, arg: str | None) -> Reply:
    refused = require_approver(deps, user, "close_periods")
    if refused:
        return Reply(refused)
    month = _month(arg)
    if month is None:
        return Reply("Usage: `/writeoff close YYYY-MM`, e.g. `/writeoff close 2026-10`")
    check = periods.close_check(deps, month)
    return Reply(close_text(check), close_blocks(check))


def reopen(deps: Deps, user: str, arg: str | None) -> Reply:
    refused = require_approver(deps, user, "reopen_periods")
    if refused:
        return Reply(refused)
    month = _month(arg)
    if month is None:
        return Reply("Usage: `/writeoff reopen YYYY-MM`")
    changed = periods.reopen(deps, user, month)
    whose = client_prefix(deps.books.label, bold=False)
    return Reply(
        f"{whose}{month} reopened (recorded in the audit trail)."
        if changed
        else f"{whose}{month} was not closed."
    )


def remind(deps: Deps, client: WebClient, user: str, channel: str) -> Reply:
    refused = require_approver(deps, user, "send_reminders")
    if refused:
        return Reply(refused)
    targets = deps.settings.reminder_channels or [channel]
    today = periods.today(deps)
    send_reminder(deps.books, SlackChat(client, deps.books), today, "now", targets)
    return Reply(f"Reminder posted in {', '.join(channel_link(t) for t in targets)}.")


def report(deps: Deps, client: WebClient, channel: str, arg: str | None) -> Reply:
    """The month's write-offs as a chart (uploaded) and a short summary in blocks."""
    month = _month(arg) if arg else Period.of(periods.today(deps))
    if month is None:
        return Reply("Usage: `/writeoff report [YYYY-MM]`")
    view, png = reports.month_report(deps, month)
    client.chat_postMessage(
        channel=channel, text=summary_text(str(month), view.company), blocks=summary_blocks(view)
    )
    # files_upload_v2 = files.getUploadURLExternal + upload + files.completeUploadExternal
    client.files_upload_v2(
        channel=channel,
        content=png,
        filename=reports.file_name(deps.books, month, "png"),
        title=file_title(str(month), view.company),
    )
    return Reply(f"{client_prefix(view.company, bold=False)}Report for {month} posted.")


def export(deps: Deps, client: WebClient, channel: str, arg: str | None) -> Reply:
    month = _month(arg)
    if month is None:
        return Reply("Usage: `/writeoff export YYYY-MM`")
    rows = reports.month_rows(deps, month)
    company = deps.books.label
    client.files_upload_v2(
        channel=channel,
        content=reports.export_csv(rows),
        filename=reports.file_name(deps.books, month, "csv"),
        title=f"{file_title(str(month), company)} (CSV)",
    )
    return Reply(f"{client_prefix(company, bold=False)}{len(rows)} lines of {month} exported.")

"""/writeoff close | reopen | remind | report | export, and the buttons they offer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlmodel import col, select

from bot.deps import Deps, guarded, tell_user
from bot.listeners import decisions
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry, OutboxItem, utcnow
from ledger.money import format_money
from ledger.posting import (
    LineInput,
    PostingError,
    close_period,
    edit_draft,
    entry_lines,
    period_of,
    reopen_period,
)

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
ACTION_CLOSE = "period_close"
ACTION_REDATE = "approve_redate"


@dataclass
class Reply:
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


def parse_month(arg: str | None, default: date | None = None) -> str | None:
    if not arg:
        return period_of(default) if default else None
    return arg if _MONTH.match(arg.strip()) else None


def _approver_only(deps: Deps, user: str, what: str) -> Reply | None:
    if deps.approvers.is_approver(user):
        return None
    deps.audit(f"{what}_refused", user)
    return Reply(f"Only approvers can {what.replace('_', ' ')}.")


def close_command(deps: Deps, user: str, arg: str | None) -> Reply:
    refused = _approver_only(deps, user, "close_periods")
    if refused:
        return refused
    month = parse_month(arg)
    if month is None:
        return Reply("Usage: `/writeoff close YYYY-MM`, e.g. `/writeoff close 2026-10`")
    year, mon = (int(p) for p in month.split("-"))
    start = date(year, mon, 1)
    end = date(year + (mon == 12), mon % 12 + 1, 1)
    with session_scope(deps.books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry).where(
                    JournalEntry.company_id == deps.books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT.value,
                    JournalEntry.entry_date >= start,
                    JournalEntry.entry_date < end,
                )
            )
        )
        stuck = s.exec(
            select(OutboxItem)
            .join(JournalEntry, JournalEntry.id == OutboxItem.entry_id)
            .where(
                OutboxItem.company_id == deps.books.company_id,
                col(OutboxItem.status).in_(["pending", "in_flight", "failed", "held"]),
                JournalEntry.entry_date >= start,
                JournalEntry.entry_date < end,
            )
        ).all()
    cur = deps.settings.writeoff_currency
    total = sum((d.total for d in drafts), Decimal("0.00"))
    pending = (
        f"Still open in {month}: {len(drafts)} draft(s) awaiting approval "
        f"({format_money(total, cur)}), {len(stuck)} QuickBooks push(es) not done."
    )
    text = f"Close {month}? {pending} After closing, nothing can be posted into it."
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {
            "type": "actions",
            "block_id": "period_close",
            "elements": [
                {
                    "type": "button",
                    "action_id": ACTION_CLOSE,
                    "style": "danger",
                    "value": month,
                    "text": {"type": "plain_text", "text": f"Close {month}"},
                    "confirm": {
                        "title": {"type": "plain_text", "text": "Close the period?"},
                        "text": {"type": "plain_text", "text": pending[:300]},
                        "confirm": {"type": "plain_text", "text": "Close it"},
                        "deny": {"type": "plain_text", "text": "Cancel"},
                    },
                }
            ],
        },
    ]
    return Reply(text, blocks)


def reopen_command(deps: Deps, user: str, arg: str | None) -> Reply:
    refused = _approver_only(deps, user, "reopen_periods")
    if refused:
        return refused
    month = parse_month(arg)
    if month is None:
        return Reply("Usage: `/writeoff reopen YYYY-MM`")
    with session_scope(deps.books.engine) as s:
        changed = reopen_period(s, deps.books.company_id, month, actor=user)
    return Reply(
        f"{month} reopened (recorded in the audit trail)."
        if changed
        else f"{month} was not closed."
    )


def remind_command(deps: Deps, client: WebClient, user: str, channel: str) -> Reply:
    refused = _approver_only(deps, user, "send_reminders")
    if refused:
        return refused
    from bot.reminders import gather, reminder_blocks, reminder_channels

    targets = reminder_channels(deps.books) or [channel]
    facts = gather(deps.books, client, utcnow().astimezone(deps.settings.zone).date(), "now")
    for target in targets:
        client.chat_postMessage(
            channel=target, text=f"Month-end reminder {facts.month}", blocks=reminder_blocks(facts)
        )
    return Reply(f"Reminder posted in {', '.join(f'<#{t}>' for t in targets)}.")


def report_command(
    deps: Deps, client: WebClient, user: str, channel: str, arg: str | None
) -> Reply:
    """The month's write-offs as a chart (uploaded) and a short summary in blocks."""
    from bot.calendar import previous_month
    from bot.report_chart import history_totals, render_chart, summary_blocks
    from ledger.reports import writeoff_report

    month = parse_month(arg, utcnow().astimezone(deps.settings.zone).date())
    if month is None:
        return Reply("Usage: `/writeoff report [YYYY-MM]`")
    cur = deps.settings.writeoff_currency
    with session_scope(deps.books.engine) as s:
        current = writeoff_report(s, deps.books.company_id, month, cur)
        previous = writeoff_report(s, deps.books.company_id, previous_month(month), cur)
        history = history_totals(s, deps.books.company_id, month, 6, cur)
    png = render_chart(current, history)
    blocks = summary_blocks(current, previous.total if previous.count else None)
    client.chat_postMessage(channel=channel, text=f"Write-offs {month}", blocks=blocks)
    # files_upload_v2 = files.getUploadURLExternal + upload + files.completeUploadExternal
    client.files_upload_v2(
        channel=channel, content=png, filename=f"writeoffs-{month}.png", title=f"Write-offs {month}"
    )
    return Reply(f"Report for {month} posted.")


def export_command(
    deps: Deps, client: WebClient, user: str, channel: str, arg: str | None
) -> Reply:
    from bot.report_chart import export_csv

    month = parse_month(arg)
    if month is None:
        return Reply("Usage: `/writeoff export YYYY-MM`")
    rows = month_rows(deps, month)
    client.files_upload_v2(
        channel=channel,
        content=export_csv(rows),
        filename=f"writeoffs-{month}.csv",
        title=f"Write-offs {month} (CSV)",
    )
    return Reply(f"{len(rows)} lines of {month} exported.")


def month_rows(deps: Deps, month: str) -> list[dict[str, object]]:
    """Every line of the month's posted entries, for the CSV export."""
    year, mon = (int(p) for p in month.split("-"))
    start = date(year, mon, 1)
    end = date(year + (mon == 12), mon % 12 + 1, 1)
    rows: list[dict[str, object]] = []
    with session_scope(deps.books.engine) as s:
        entries = s.exec(
            select(JournalEntry)
            .where(
                JournalEntry.company_id == deps.books.company_id,
                col(JournalEntry.status).in_(["posted", "reversed"]),
                JournalEntry.entry_date >= start,
                JournalEntry.entry_date < end,
            )
            .order_by(JournalEntry.id)
        ).all()
        for e in entries:
            for jl, acct in entry_lines(s, e.id or 0):
                rows.append(
                    {
                        "number": e.number,
                        "date": e.entry_date.isoformat(),
                        "status": e.status,
                        "reason": e.reason or "",
                        "sku": jl.sku or "",
                        "location": jl.location or "",
                        "account": f"{acct.code} {acct.name}",
                        "debit": str(jl.debit),
                        "credit": str(jl.credit),
                        "memo": e.memo,
                        "source_text": e.source_text,
                        "reporter": e.reporter or "",
                        "approved_by": e.approved_by or "",
                    }
                )
    return rows


def register(app: App, deps: Deps) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def on_close(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        user = body["user"]["id"]
        month = str(body["actions"][0].get("value") or "")
        if not deps.approvers.is_approver(user):
            deps.audit("close_periods_refused", user, month=month)
            tell_user(client, body, "Only approvers can close periods.")
            return
        with session_scope(deps.books.engine) as s:
            changed = close_period(s, deps.books.company_id, month, actor=user)
        respond(
            text=f"{month} is closed." if changed else f"{month} was already closed.",
            replace_original=True,
            response_type="ephemeral",
        )

    def on_redate(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        """The offer after a closed-period refusal: date the draft today, then post it."""
        user = body["user"]["id"]
        entry_id = int(body["actions"][0]["value"])
        with session_scope(deps.books.engine) as s:
            lines = [
                LineInput(
                    a.code,
                    jl.debit,
                    jl.credit,
                    jl.description,
                    jl.sku,
                    jl.quantity,
                    jl.unit_cost,
                    jl.location,
                )
                for jl, a in entry_lines(s, entry_id)
            ]
        entry = decisions.load_entry(deps, entry_id)
        if entry is None:
            return
        refused = decisions.check_role(deps, user, entry, "approve")
        if refused:
            tell_user(client, body, refused.message)
            return
        try:
            with session_scope(deps.books.engine) as s:
                edit_draft(
                    s,
                    deps.books.company_id,
                    entry_id,
                    lines,
                    actor=user,
                    entry_date=date.today(),
                    max_amount=deps.settings.writeoff_max_amount,
                    currency=deps.settings.writeoff_currency,
                )
        except PostingError as exc:
            tell_user(client, body, str(exc))
            return
        outcome = decisions.approve(deps, user, entry_id, deps.on_posted)
        decisions.update_cards(client, deps, entry_id)
        tell_user(client, body, outcome.message)

    app.action(ACTION_CLOSE)(ack=just_ack, lazy=[guarded(on_close)])
    app.action(ACTION_REDATE)(ack=just_ack, lazy=[guarded(on_redate)])

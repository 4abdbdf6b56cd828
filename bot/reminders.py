"""Month-end reminders and stale-draft nudges: what to say (pure) and the jobs that say it.

Each run is claimed in the database first (one row per job and period), so a run that fires
late, twice (a DST change) or on several processes still speaks once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from slack_sdk import WebClient
from sqlmodel import col, select

from bot.blocks import clip, mention
from bot.calendar import month_of, parse_holidays, previous_month, reminder_kind
from bot.cards import refresh_card
from bot.intake import permalink
from bot.runtime import Books
from ledger.claims import claim, finish
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry, OutboxItem, utcnow
from ledger.money import format_money
from ledger.posting import expire_draft
from ledger.reports import writeoff_report

log = logging.getLogger(__name__)
NUDGE_AFTER = timedelta(hours=24)
EXPIRE_AFTER = timedelta(days=7)
MAX_LINKS = 10


@dataclass(frozen=True)
class PendingDraft:
    entry_id: int
    total: Decimal
    memo: str
    link: str | None


@dataclass(frozen=True)
class MonthEndFacts:
    month: str
    kind: str  # early, last, now
    drafts: tuple[PendingDraft, ...]
    drafts_total: Decimal
    qbo_pending: int
    qbo_failed: int
    month_total: Decimal
    last_month_total: Decimal
    by_reason: dict[str, Decimal]
    currency: str


def reminder_blocks(f: MonthEndFacts) -> list[dict[str, Any]]:
    cur = f.currency
    when = {
        "early": "Month-end is three business days away",
        "last": "Today is the last business day of the month",
        "now": "Month-end check",
    }[f.kind]
    lines = [f"*{when}* ({f.month})."]
    if f.drafts:
        lines.append(
            f"• *{len(f.drafts)} draft(s)* awaiting approval, "
            f"{format_money(f.drafts_total, cur)} in all:"
        )
        for d in f.drafts[:MAX_LINKS]:
            label = clip(d.memo or f"draft #{d.entry_id}", 80)
            text = f"<{d.link}|{label}>" if d.link else label
            lines.append(f"    ◦ {text}: {format_money(d.total, cur)}")
        if len(f.drafts) > MAX_LINKS:
            lines.append(f"    ◦ …and {len(f.drafts) - MAX_LINKS} more")
    else:
        lines.append("• No drafts awaiting approval.")
    if f.qbo_pending or f.qbo_failed:
        lines.append(
            f"• QuickBooks: {f.qbo_pending} push(es) pending, {f.qbo_failed} failed "
            "(failed ones need Retry)."
        )
    change = f.month_total - f.last_month_total
    sign = "+" if change >= 0 else "-"
    lines.append(
        f"• Write-offs this month: *{format_money(f.month_total, cur)}* "
        f"({sign}{format_money(abs(change), cur)} against last month's "
        f"{format_money(f.last_month_total, cur)})."
    )
    if f.by_reason:
        top = sorted(f.by_reason.items(), key=lambda kv: -kv[1])[:5]
        lines.append("    " + " · ".join(f"{clip(k, 40)} {format_money(v, cur)}" for k, v in top))
    lines.append("• Please finish the physical count and post any variances before close.")
    return [{"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:3000]}}]


def gather(books: Books, client: WebClient | None, today: date, kind: str) -> MonthEndFacts:
    month = month_of(today)
    with session_scope(books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry)
                .where(
                    JournalEntry.company_id == books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT.value,
                )
                .order_by(JournalEntry.id)
            )
        )
        outbox = list(
            s.exec(
                select(OutboxItem.status).where(
                    OutboxItem.company_id == books.company_id,
                    col(OutboxItem.status).in_(["pending", "in_flight", "failed", "held"]),
                )
            )
        )
        cur = books.settings.writeoff_currency
        this = writeoff_report(s, books.company_id, month, cur)
        last = writeoff_report(s, books.company_id, previous_month(month), cur)
    pending = []
    for d in drafts:
        link = (
            permalink(client, d.card_channel, d.card_ts)
            if client and d.card_channel and d.card_ts and len(pending) < MAX_LINKS
            else None
        )
        pending.append(PendingDraft(d.id or 0, d.total, d.memo, link))
    return MonthEndFacts(
        month=month,
        kind=kind,
        drafts=tuple(pending),
        drafts_total=sum((d.total for d in drafts), Decimal("0.00")),
        qbo_pending=sum(1 for st in outbox if st in ("pending", "in_flight")),
        qbo_failed=sum(1 for st in outbox if st in ("failed", "held")),
        month_total=this.total,
        last_month_total=last.total,
        by_reason=this.by_reason,
        currency=cur,
    )


def reminder_channels(books: Books) -> list[str]:
    st = books.settings
    raw = st.writeoff_reminder_channels or st.writeoff_alert_channel or ""
    return [c.strip() for c in raw.split(",") if c.strip()]


def month_end_job(ctx: Any, now: datetime | None = None, force: bool = False) -> str:
    """Runs on late weekdays; speaks on the two reminder days (or always when forced)."""
    books: Books = ctx.books
    tz = books.settings.zone
    today = (now or utcnow()).astimezone(tz).date()
    holidays = parse_holidays(books.settings.writeoff_holidays)
    kind = "now" if force else reminder_kind(today, holidays)
    if kind is None:
        return f"{today}: not a reminder day"
    channels = reminder_channels(books)
    if not channels or ctx.slack is None:
        return (
            "no reminder channel configured (WRITEOFF_REMINDER_CHANNELS or WRITEOFF_ALERT_CHANNEL)"
        )
    key = f"job:month-end:{books.company_id}:{today.isoformat()}"
    if not force and not claim(books.engine, key, lease=timedelta(hours=12)):
        return f"{today}: already sent"
    facts = gather(books, ctx.slack, today, kind)
    for channel in channels:
        ctx.slack.chat_postMessage(
            channel=channel, text=f"Month-end reminder {facts.month}", blocks=reminder_blocks(facts)
        )
    if not force:
        finish(books.engine, key)
    return f"{today}: reminded {', '.join(channels)} ({len(facts.drafts)} drafts pending)"


def stale_drafts_job(ctx: Any, now: datetime | None = None) -> str:
    """One nudge after 24 hours untouched; expiry after 7 days. Each step claimed once."""
    books: Books = ctx.books
    now = now or utcnow()
    with session_scope(books.engine) as s:
        drafts = list(
            s.exec(
                select(JournalEntry).where(
                    JournalEntry.company_id == books.company_id,
                    JournalEntry.status == EntryStatus.DRAFT.value,
                )
            )
        )
    nudged = expired = 0
    approvers = " ".join(
        mention(a) for a in sorted(books.settings.approvers) if a.startswith(("U", "W"))
    )
    for d in drafts:
        age = now - _aware(d.updated_at)
        if age >= EXPIRE_AFTER:
            with session_scope(books.engine) as s:
                result = expire_draft(
                    s,
                    books.company_id,
                    d.id or 0,
                    actor="scheduler",
                    reason="no decision within 7 days",
                )
            if result.created:
                expired += 1
                if ctx.slack is not None:
                    refresh_card(ctx.slack, books.engine, books.settings, d.id or 0)
        elif (
            age >= NUDGE_AFTER
            and d.card_channel
            and d.card_ts
            and ctx.slack is not None
            and claim(books.engine, f"nudge:{d.id}", lease=timedelta(days=3650))
        ):
            ctx.slack.chat_postMessage(
                channel=d.card_channel,
                thread_ts=d.card_ts,
                text=f"{approvers or 'Approvers'}: this write-off has waited over a day "
                "for a decision. Approve, edit or reject it; it expires after 7 days.",
            )
            finish(books.engine, f"nudge:{d.id}")
            nudged += 1
    return f"{nudged} nudged, {expired} expired"


def _aware(dt: datetime) -> datetime:
    from datetime import UTC

    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)

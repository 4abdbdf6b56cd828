"""Cards: build the card view of an entry from the books and put it in Slack.

The rendering itself is pure (bot/blocks.py); this module does the reading and the I/O.
"""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot.blocks import CardLine, CardView, draft_card
from bot.settings import Settings
from ledger.db import session_scope
from ledger.models import JournalEntry
from ledger.money import format_money
from ledger.posting import entry_lines
from qbo.connection import get_connection
from qbo.models import ConnectionStatus
from qbo.sync import qbo_states

log = logging.getLogger(__name__)


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def card_view(
    session: Session, entry: JournalEntry, settings: Settings, qbo_status: str | None = None
) -> CardView:
    details: dict[str, Any] = json.loads(entry.details or "{}")
    lines = tuple(
        CardLine(acct.code, acct.name, jl.debit, jl.credit)
        for jl, acct in entry_lines(session, entry.id or 0)
    )
    reversed_by = session.get(JournalEntry, entry.reversed_by_id) if entry.reversed_by_id else None
    if qbo_status is None and entry.number:
        qbo_status = qbo_line(session, entry)
    return CardView(
        entry_id=entry.id or 0,
        status=entry.status,
        source_text=entry.source_text,
        reporter=entry.reporter,
        created_at=entry.created_at,
        lines=lines,
        total=entry.total,
        kind=entry.kind,
        reason=entry.reason,
        sku=details.get("sku"),
        quantity=_dec(details.get("quantity")),
        unit=details.get("unit"),
        unit_cost=_dec(details.get("unit_cost")),
        location=details.get("location"),
        confidence=entry.confidence,
        reviewed=entry.reviewed,
        edited_by=entry.edited_by,
        explanation=tuple(details.get("explanation") or ()),
        warnings=tuple(details.get("warnings") or ()) if not entry.reviewed else (),
        missing=tuple(details.get("missing") or ()) if not entry.reviewed else (),
        number=entry.number,
        approved_by=entry.approved_by,
        approved_at=entry.approved_at,
        rejected_by=entry.rejected_by,
        rejection_reason=entry.rejection_reason,
        qbo_status=qbo_status,
        reversed_by_number=reversed_by.number if reversed_by else None,
        currency=settings.writeoff_currency,
        materiality=settings.writeoff_materiality,
        entry_date=entry.entry_date,
        memo=entry.memo,
    )


def qbo_line(session: Session, entry: JournalEntry) -> str:
    """The card's "QuickBooks: ..." words for a posted entry."""
    conn = get_connection(session, entry.company_id)
    connected = conn is not None and conn.status == ConnectionStatus.CONNECTED
    state = qbo_states(session, [entry.id or 0], connected).get(entry.id or 0)
    if state is None:
        return "not connected" if not connected else "pending"
    if conn is not None and conn.status == ConnectionStatus.BROKEN and state.status != "synced":
        return "connection broken: reconnect QuickBooks (/writeoff connect quickbooks)"
    return state.card_text()


def card_fallback_text(view: CardView) -> str:
    """Notification text (no user text in it: it is shown in push notifications unescaped
    by some clients)."""
    total = format_money(view.total, view.currency)
    if view.status == "posted":
        return f"Write-off {view.number} posted: {total}"
    if view.status == "rejected":
        return f"Write-off draft #{view.entry_id} rejected"
    return f"Write-off draft #{view.entry_id} for {total} awaiting approval"


def publish_card(
    client: WebClient,
    engine: Any,
    settings: Settings,
    entry_id: int,
    channel: str,
    thread_ts: str | None = None,
) -> tuple[str, str] | None:
    """Post the card for an entry once; store where it went. Returns (channel, ts)."""
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        if entry.card_ts and entry.card_channel:
            return entry.card_channel, entry.card_ts
        view = card_view(s, entry, settings)
    extra = {"thread_ts": thread_ts} if thread_ts else {}
    resp = client.chat_postMessage(
        **extra,
        channel=channel,
        text=card_fallback_text(view),
        blocks=draft_card(view),
        unfurl_links=False,
    )
    where = (resp["channel"], resp["ts"])
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        entry.card_channel, entry.card_ts = where
        s.add(entry)
    return where


def refresh_card(
    client: WebClient,
    engine: Any,
    settings: Settings,
    entry_id: int,
    qbo_status: str | None = None,
) -> bool:
    """Re-render an entry's card in place (chat.update). False when it has no card."""
    with session_scope(engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or not entry.card_ts or not entry.card_channel:
            return False
        view = card_view(s, entry, settings, qbo_status)
        channel, ts = entry.card_channel, entry.card_ts
    try:
        client.chat_update(
            channel=channel, ts=ts, text=card_fallback_text(view), blocks=draft_card(view)
        )
    except SlackApiError as exc:
        log.warning("could not update card for entry %s: %s", entry_id, exc.response.get("error"))
        return False
    return True

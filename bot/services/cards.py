"""What an entry's card shows, read from the books (and the QuickBooks queue), and where
the card lives. The Slack layer renders and sends; nothing here knows Block Kit."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from bot.services.books import Books
from bot.services.display import CardLine, CardView
from bot.services.roles import approvers_from
from ledger.chart import chart_info
from ledger.db import session_scope
from ledger.models import JournalEntry
from ledger.posting import approvals_of, entry_lines
from qbo.connection import get_connection
from qbo.models import ConnectionStatus
from qbo.sync import QboSyncState, qbo_states


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def qbo_line(session: Session, entry: JournalEntry) -> str:
    """The card's "QuickBooks: ..." words for a posted entry."""
    conn = get_connection(session, entry.company_id)
    connected = conn is not None and conn.status == ConnectionStatus.CONNECTED
    state = qbo_states(session, [entry.id or 0], connected).get(entry.id or 0)
    if state is None:
        return "not connected" if not connected else "pending"
    if (
        conn is not None
        and conn.status == ConnectionStatus.BROKEN
        and state.status != QboSyncState.SYNCED
    ):
        return "connection broken: reconnect QuickBooks (/writeoff connect quickbooks)"
    return state.card_text()


def build_view(session: Session, entry: JournalEntry, books: Books) -> CardView:
    settings = books.settings
    details: dict[str, Any] = json.loads(entry.details or "{}")
    rules = approvers_from(settings)  # ids only: who may, never a group lookup
    lines = tuple(
        CardLine(acct.code, acct.name, jl.debit, jl.credit)
        for jl, acct in entry_lines(session, entry.id or 0)
    )
    reversed_by = session.get(JournalEntry, entry.reversed_by_id) if entry.reversed_by_id else None
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
        qbo_status=qbo_line(session, entry) if entry.number else None,
        reversed_by_number=reversed_by.number if reversed_by else None,
        currency=settings.writeoff_currency,
        materiality=settings.writeoff_materiality,
        entry_date=entry.entry_date,
        memo=entry.memo,
        preparers=tuple(details.get("preparers") or ()),
        exceptions=tuple(details.get("exceptions") or ()),
        approvals=tuple((a.by, datetime.fromisoformat(a.at)) for a in approvals_of(entry)),
        approvals_needed=rules.approvals_needed(entry.total),
        approver_ids=(
            tuple(sorted(rules.tier_ids(entry.total), key=lambda i: (i.startswith("S"), i)))
            if rules.tiers
            else ()
        ),
        self_approval_allowed=settings.writeoff_allow_self_approval,
        drafted_by=details.get("drafted_by"),
    )


def card_of(books: Books, entry_id: int) -> tuple[CardView, tuple[str, str] | None] | None:
    """The card view and where the card was posted (None: not posted yet)."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        where = (
            (entry.card_channel, entry.card_ts) if entry.card_channel and entry.card_ts else None
        )
        return build_view(s, entry, books), where


def remember_card(books: Books, entry_id: int, channel: str, ts: str) -> None:
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is not None:
            entry.card_channel, entry.card_ts = channel, ts
            s.add(entry)


def edit_form(books: Books, entry_id: int) -> tuple[CardView, list[tuple[str, str]]] | None:
    """What the Edit modal needs: the entry as a card view and the active chart."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        view = build_view(s, entry, books)
        chart = [(a.code, a.name) for a in chart_info(s, books.company_id).values() if a.active]
    return view, chart

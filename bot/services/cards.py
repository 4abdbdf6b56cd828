"""What an entry's card shows, read from the books (and the QuickBooks queue), and where
the card lives. The Slack layer renders and sends; nothing here knows Block Kit."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from bot.services.books import Books
from bot.services.companies import company_label
from bot.services.display import CardLine, CardView
from bot.services.roles import approvers_from
from bot.services.second_reading import state_of
from ledger.chart import chart_info
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem
from ledger.money import format_money
from ledger.posting import approvals_of, entry_lines
from ledger.status import EntryStatus
from qbo.connection import get_connection
from qbo.inventory import card_text as inventory_card_text
from qbo.inventory import pushes, true_up_for, true_up_of
from qbo.models import ConnectionStatus
from qbo.sync import QboSyncState, qbo_states

# The card's reason for a draft whose message gave none (drafted as a routine loss).
ASSUMED_REASON = "none given (assumed a routine loss)"


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def qbo_line(session: Session, entry: JournalEntry, currency: str = "USD") -> str:
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
    push = pushes(session, [entry.id or 0]).get(entry.id or 0)
    if state.status == QboSyncState.SYNCED:
        if push is not None:
            trued = (entry.id or 0) in true_up_of(session, [entry.id or 0])
            return inventory_card_text(push, lambda v: format_money(v, currency), trued)
        if true_up_for(session, entry.id or 0) is not None:
            return (
                f"kept in the ledger only: it brings the books to QuickBooks' own value "
                f"(InventoryAdjustment {state.id}), so nothing was sent"
            )
    return state.card_text("InventoryAdjustment" if push is not None else "JournalEntry")


def shown_version(session: Session, entry: JournalEntry) -> int:
    """The version of everything the entry's card shows: its own and its outbox row's
    counters, its reversal's (whose QuickBooks state the card shows too), and the
    InventoryAdjustment facts read later (QuickBooks' value, a true-up drafted). Every part
    only grows, so the sum grows with every change the card shows."""

    def outbox_version(entry_id: int | None) -> int:
        found = session.exec(
            select(OutboxItem.version).where(OutboxItem.entry_id == (entry_id or 0))
        ).first()
        return found or 0

    version = entry.version + outbox_version(entry.id)
    if entry.reversed_by_id:
        reversal = session.get(JournalEntry, entry.reversed_by_id)
        version += 1 + (reversal.version if reversal else 0) + outbox_version(entry.reversed_by_id)
    if entry.id is not None:
        push = pushes(session, [entry.id]).get(entry.id)
        version += push is not None and push.qbo_amount is not None
        version += entry.id in true_up_of(session, [entry.id])
    return version


def true_up_offered(session: Session, entry: JournalEntry) -> bool:
    """A posted entry QuickBooks valued differently, with no true-up drafted yet."""
    if entry.status != EntryStatus.POSTED or entry.id is None:
        return False
    push = pushes(session, [entry.id]).get(entry.id)
    diff = push.difference if push is not None else None
    return bool(diff) and entry.id not in true_up_of(session, [entry.id])


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
        reason=entry.reason or (ASSUMED_REASON if details.get("reason_assumed") else None),
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
        qbo_status=qbo_line(session, entry, settings.writeoff_currency) if entry.number else None,
        reversed_by_number=reversed_by.number if reversed_by else None,
        reversal_qbo_status=(
            qbo_line(session, reversed_by, settings.writeoff_currency) if reversed_by else None
        ),
        true_up_offered=true_up_offered(session, entry),
        currency=settings.writeoff_currency,
        materiality=settings.writeoff_materiality,
        entry_date=entry.entry_date,
        memo=entry.memo,
        version=shown_version(session, entry),
        second_reading=state_of(entry, settings),
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
        company=company_label(session, entry.company_id),
    )


def card_of(books: Books, entry_id: int) -> tuple[CardView, tuple[str, str] | None] | None:
    """The card view and where the card was posted (None: not posted yet). A reversal has
    no card of its own: it shows (with its QuickBooks state) on the card of what it reverses."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        if not entry.card_ts and entry.reverses_id is not None:
            original = s.get(JournalEntry, entry.reverses_id)
            if original is not None and original.card_ts:
                entry = original
        where = (
            (entry.card_channel, entry.card_ts) if entry.card_channel and entry.card_ts else None
        )
        return build_view(s, entry, books), where


def remember_card(books: Books, entry_id: int, channel: str, ts: str, version: int = 0) -> None:
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is not None:
            entry.card_channel, entry.card_ts = channel, ts
            entry.card_version = max(entry.card_version, version)
            s.add(entry)


# Card updates are ordered (issue 12, defect 3). Slack applies chat.update calls in the
# order they arrive, and two renders of one card (the refresh after a sync pass, the
# "already posted" refresh of a second click, another replica's) can be read in one order
# and arrive in the other. So: a render first claims its version (claim_render: refused
# when the card already got this version or a newer one: that render is dropped), sends,
# then checks that nobody claimed a newer one meanwhile and that the books did not move on
# (render_is_latest); if either did, it renders again. A render that could not be sent
# gives its claim back (release_render), and the sync pass re-renders every card whose last
# render is older than the books (stale_cards).


def claim_render(books: Books, entry_id: int, version: int, *, again: bool = False) -> bool:
    """Take the right to send the render of `version` to the card: False when the card was
    sent this version or a newer one already. `again`: this refresh's own earlier render
    was overtaken in flight and may have landed last, so the same version goes again."""
    sent = col(JournalEntry.card_version)
    with books.engine.begin() as conn:
        done = conn.execute(
            sa.update(JournalEntry)
            .where(col(JournalEntry.id) == entry_id, sent <= version if again else sent < version)
            .values(card_version=version)
        )
    return bool(done.rowcount)


def render_is_latest(books: Books, entry_id: int, version: int) -> bool:
    """After sending the render of `version`: still the last one claimed, and the books
    still at that version."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None:
            return True
        return entry.card_version == version and shown_version(s, entry) == version


def release_render(books: Books, entry_id: int, version: int) -> None:
    """A render that did not reach Slack: give the claim back (unless a newer one was
    claimed since), so the sync pass renders the card again."""
    with books.engine.begin() as conn:
        conn.execute(
            sa.update(JournalEntry)
            .where(col(JournalEntry.id) == entry_id, col(JournalEntry.card_version) == version)
            .values(card_version=version - 1)
        )


def stale_cards(books: Books, limit: int = 50) -> list[int]:
    """Entries whose card's last render is older than the books: the sync pass re-renders
    them (a render lost to a crash, a failed chat.update, or one overtaken in flight)."""
    shown = col(JournalEntry.version) + sa.func.coalesce(col(OutboxItem.version), 0)
    with session_scope(books.engine) as s:
        rows = s.exec(
            select(JournalEntry.id)
            .outerjoin(OutboxItem, col(OutboxItem.entry_id) == col(JournalEntry.id))
            .where(
                JournalEntry.company_id == books.company_id,
                col(JournalEntry.card_ts).is_not(None),
                col(JournalEntry.card_version) < shown,
            )
            .order_by(col(JournalEntry.id))
            .limit(limit)
        ).all()
    return [r for r in rows if r is not None]


def edit_form(books: Books, entry_id: int) -> tuple[CardView, list[tuple[str, str]]] | None:
    """What the Edit modal needs: the entry as a card view and the active chart."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        view = build_view(s, entry, books)
        chart = [(a.code, a.name) for a in chart_info(s, books.company_id).values() if a.active]
    return view, chart

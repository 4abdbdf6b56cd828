"""The command line's view of the books: journal entries with their QuickBooks state, the
chart with running balances, and loading a chart or an item list. The `--json` shapes here
are a contract."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from bot.services.books import Books
from ledger.chart import ChartRow, import_chart
from ledger.db import session_scope
from ledger.drafting import ItemInfo
from ledger.items import import_items
from ledger.models import Account, JournalEntry
from ledger.posting import entry_lines
from qbo.connection import get_connection
from qbo.models import ConnectionStatus
from qbo.sync import QboState, qbo_states


def entry_json(
    s: Session, e: JournalEntry, qbo: dict[int, QboState] | None = None
) -> dict[str, Any]:
    state = (qbo or {}).get(e.id or 0)
    return {
        "id": e.id,
        "number": e.number,
        "status": str(e.status),
        "date": e.entry_date.isoformat(),
        "memo": e.memo,
        "source_text": e.source_text,
        "reporter": e.reporter,
        "approved_by": e.approved_by,
        "confidence": e.confidence,
        "reverses_id": e.reverses_id,
        "reversed_by_id": e.reversed_by_id,
        "lines": [
            {"account": a.code, "name": a.name, "debit": str(jl.debit), "credit": str(jl.credit)}
            for jl, a in entry_lines(s, e.id or 0)
        ],
        "quickbooks": state.to_json() if state else None,
    }


def list_entries(books: Books, status: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Entries newest first, each with its lines and QuickBooks state."""
    with session_scope(books.engine) as s:
        stmt = select(JournalEntry).where(JournalEntry.company_id == books.company_id)
        if status:
            stmt = stmt.where(JournalEntry.status == status)
        rows = s.exec(stmt.order_by(col(JournalEntry.id).desc()).limit(limit)).all()
        conn = get_connection(s, books.company_id)
        connected = conn is not None and conn.status == ConnectionStatus.CONNECTED
        states = qbo_states(s, [e.id or 0 for e in rows], connected)
        return [entry_json(s, e, states) for e in rows]


def list_accounts(books: Books) -> list[Account]:
    with session_scope(books.engine) as s:
        return list(
            s.exec(
                select(Account)
                .where(Account.company_id == books.company_id)
                .order_by(col(Account.code))
            )
        )


def load_accounts(books: Books, rows: Sequence[ChartRow]) -> tuple[int, int]:
    """Add or rename accounts (never delete); returns (added, updated)."""
    with session_scope(books.engine) as s:
        counts = import_chart(s, books.company_id, list(rows))
    books.forget_context()
    return counts


def load_items(books: Books, items: Sequence[ItemInfo]) -> tuple[int, int]:
    """Add or update SKUs and unit costs; returns (added, updated)."""
    with session_scope(books.engine) as s:
        counts = import_items(s, books.company_id, list(items))
    books.forget_context()
    return counts

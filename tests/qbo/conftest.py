"""A books database, a running fake QuickBooks, and the real QuickBooks wiring between them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from bot.services.books import Books, open_books
from bot.services.quickbooks import QuickBooks
from bot.settings import Settings
from ledger.db import session_scope
from ledger.posting import post_draft
from tests.conftest import migrated_sqlite_url
from tests.fakes.qbo_api import CLIENT_ID, CLIENT_SECRET, REALM_ID, REDIRECT_URI, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.ledger.factories import make_draft

SECRET_KEY = "test-secret-key-for-token-encryption"
MAX = Decimal("1000000.00")


def qbo_settings(db_url: str, fake: FakeQbo, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "DATABASE_URL": db_url,
        "QBO_CLIENT_ID": CLIENT_ID,
        "QBO_CLIENT_SECRET": CLIENT_SECRET,
        "QBO_REDIRECT_URI": REDIRECT_URI,
        "QBO_API_URL": fake.api_base,
        "QBO_AUTH_URL": fake.auth_url,
        "QBO_TOKEN_URL": fake.token_url,
        "QBO_REVOKE_URL": fake.revoke_url,
        "WRITEOFF_SECRET_KEY": SECRET_KEY,
        # The fake imposes no per-second limit unless a test asks: pacing at Intuit's 10/s
        # would only make the suite sleep (the budget's own tests set their limits).
        "WRITEOFF_QBO_PER_SECOND": "100",
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def seed_accounts(fake: FakeQbo) -> dict[str, str]:
    """QuickBooks' side of the default chart: most by number, one only by name."""
    ids = {
        "1000": fake.add_account("Checking", "1000", "Bank"),
        "1200": fake.add_account("Inventory Asset", "1200", "Other Current Asset"),
        "1290": fake.add_account("Inventory Reserve", "1290", "Other Current Asset"),
        "5000": fake.add_account("Cost of Goods Sold", None, "Cost of Goods Sold"),  # by name
        "5100": fake.add_account("Shrinkage", "5100", "Cost of Goods Sold"),
        "5200": fake.add_account("Inventory Write-Off Expense", "5200", "Other Expense"),
        "5300": fake.add_account("Loss on Inventory Write-Down", "5300", "Other Expense"),
    }
    fake.add_account("Unrelated", "9999", "Expense")
    return ids  # 5400 stays unmapped on purpose


@dataclass
class Recorder:
    sleeps: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.sleeps.append(seconds)


@dataclass
class QboWorld:
    fake: FakeQbo
    books: Books
    qb: QuickBooks
    ids: dict[str, str]
    sleeps: Recorder

    def connect(self) -> None:
        url = self.qb.connect_url(actor="U0CTRL")
        state = parse_qs(urlparse(url).query)["state"][0]
        self.qb.complete(state, self.fake.issue_code(), REALM_ID)

    def post(self, n: int = 1, **kw: Any) -> list[int]:
        ids = []
        for i in range(n):
            with session_scope(self.books.engine) as s:
                entry = post_draft(
                    s,
                    self.books.company_id,
                    make_draft(qty=str(i + 1), **kw),
                    actor="U1",
                    approver="U2",
                    entry_date=date.today(),
                    max_amount=MAX,
                ).entry
            ids.append(entry.id or 0)
        return ids

    def doc_numbers(self) -> list[str]:
        return [e["DocNumber"] for e in self.fake.journal_entries()]


def make_world(db_url: str, fake: FakeQbo, **extra: Any) -> Iterator[QboWorld]:
    ids = seed_accounts(fake)
    books = open_books(qbo_settings(db_url, fake, **extra))
    sleeps = Recorder()
    qb = QuickBooks(books, sleep=sleeps)
    try:
        yield QboWorld(fake, books, qb, ids, sleeps)
    finally:
        qb.http.close()
        books.engine.dispose()


@pytest.fixture
def world(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QboWorld]:
    yield from make_world(migrated_sqlite_url(tmp_path), fake_qbo)

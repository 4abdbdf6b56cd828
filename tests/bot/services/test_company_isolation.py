"""Two companies in one database, the same SKU, account codes and entry numbers in both:
nothing of one appears in the other's entries, reports, exports or audit chain, and
approvals in both at once (threads, on SQLite and PostgreSQL) number each company's entries
gaplessly without touching the other's."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from bot.services import intake, reports
from bot.services.books import Books, open_books
from bot.services.companies import Directory
from bot.services.decisions import approve
from bot.services.deps import Deps
from bot.services.entries import list_entries
from bot.services.quickbooks import QuickBooks
from bot.services.roles import approvers_from
from bot.settings import Settings
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from ledger.periods import Period

PER_COMPANY = 8


@pytest.fixture
def two(db_url: str, engine: Engine) -> Iterator[tuple[Deps, Deps]]:
    settings = Settings(_env_file=None, DATABASE_URL=db_url, WRITEOFF_APPROVERS="U0FIRST")
    Directory(settings, engine).add("Acme Foods", "test", currency="CAD")
    Directory(settings, engine).set("acme-foods", "approvers", "U0ACME", "test")
    made: list[Deps] = []
    for name in ("default", "acme-foods"):
        b = open_books(settings, migrate=False, company=name)
        made.append(Deps(b, approvers_from(b.settings), QuickBooks(b)))
    yield made[0], made[1]
    for d in made:
        d.quickbooks.http.close()
        d.books.engine.dispose()


def save(books: Books, text: str) -> int:
    return intake.save_one(books, books.draft(text)[0], "U0WORKER")


def test_same_sku_codes_and_numbers_never_cross(two: tuple[Deps, Deps]) -> None:
    first, acme = two
    a = [save(first.books, f"{i + 1} units obsolete SKU-12 at $10") for i in range(PER_COMPANY)]
    b = [save(acme.books, f"{i + 1} units obsolete SKU-12 at $100") for i in range(PER_COMPANY)]

    errors: list[BaseException] = []

    def run(deps: Deps, user: str, ids: list[int]) -> None:
        try:
            for entry_id in ids:
                outcome = approve(deps, user, entry_id)
                assert outcome.ok, outcome
        except BaseException as exc:  # reported below, with the thread it came from
            errors.append(exc)

    # Two approvers per company, each company's entries split between them, all at once.
    threads = [
        threading.Thread(target=run, args=(first, "U0FIRST", a[0::2])),
        threading.Thread(target=run, args=(first, "U0FIRST", a[1::2])),
        threading.Thread(target=run, args=(acme, "U0ACME", b[0::2])),
        threading.Thread(target=run, args=(acme, "U0ACME", b[1::2])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors

    expected = [f"JE-{n:06d}" for n in range(1, PER_COMPANY + 1)]
    for deps, ids in ((first, a), (acme, b)):
        listed = list_entries(deps.books)
        assert sorted(e["id"] for e in listed) == sorted(ids)
        assert sorted(e["number"] for e in listed) == expected  # each its own sequence
    # Nor may one company's approver decide the other's entries, from either side.
    extra = save(acme.books, "3 units obsolete SKU-12 at $100")
    assert not approve(first, "U0FIRST", extra).ok
    assert not approve(acme, "U0FIRST", extra).ok

    units = sum(range(1, PER_COMPANY + 1))
    tb_first, tb_acme = reports.trial(first), reports.trial(acme)
    inv = {r.code: r for r in tb_first.rows}["1200"]
    assert inv.credit == Decimal(units * 10)
    assert {r.code: r for r in tb_acme.rows}["1200"].credit == Decimal(units * 100)

    month = Period.of(date.today())  # drafts saved from the command line are dated today
    rows_first = reports.month_rows(first, month)
    rows_acme = reports.month_rows(acme, month)
    assert {r["number"] for r in rows_first} == set(expected)
    assert sum(Decimal(str(r["debit"])) for r in rows_first) == Decimal(units * 10)
    assert {r["number"] for r in rows_acme} == set(expected)  # the same numbers, apart
    assert sum(Decimal(str(r["debit"])) for r in rows_acme) == Decimal(units * 100)
    assert reports.writeoffs(first, month).total == Decimal(units * 10)
    assert reports.writeoffs(acme, month).total == Decimal(units * 100)

    # Each audit chain verifies alone and speaks only of its own company's entries.
    for deps, ids in ((first, a), (acme, [*b, extra])):
        assert reports.verify_audit(deps).ok
        with session_scope(deps.books.engine) as s:
            named = {
                e.entry_id
                for e in s.exec(
                    select(AuditEvent).where(col(AuditEvent.company_id) == deps.books.company_id)
                )
                if e.entry_id
            }
            owners = {
                x.company_id
                for x in s.exec(select(JournalEntry).where(col(JournalEntry.id).in_(named)))
            }
        assert named == set(ids) and owners == {deps.books.company_id}

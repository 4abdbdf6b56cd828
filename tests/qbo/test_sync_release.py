"""Issue 12 defect 2: a pass that fails part-way releases what it claimed, so the next pass
takes those entries at once instead of waiting for the 15-minute lease."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from sqlmodel import col, select

from ledger.db import session_scope
from ledger.models import OutboxItem, OutboxStatus
from qbo.errors import QboError
from qbo.sync import run_sync
from tests.fakes.qbo_api import REALM_ID
from tests.qbo.conftest import QboWorld


def outbox(world: QboWorld) -> list[OutboxItem]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(OutboxItem).order_by(col(OutboxItem.id))))


class DiesAfterSending:
    """The real client; the batch reaches QuickBooks, then the pass dies (a database blip
    in the middle of the pass, say) before it can record anything."""

    def __init__(self, world: QboWorld, before: bool = False) -> None:
        self.real, self.before = world.qb.client(), before

    def find_journal_entries(self, doc_numbers: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self.real.find_journal_entries(doc_numbers)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def batch_create_journal_entries(
        self, items: Sequence[tuple[str, dict[str, Any]]], request_id: str
    ) -> dict[str, dict[str, Any] | QboError]:
        if not self.before:
            self.real.batch_create_journal_entries(items, request_id)
        raise RuntimeError("server closed the connection unexpectedly")

    def create_journal_entry(self, entry: dict[str, Any], request_id: str) -> dict[str, Any]:
        if not self.before:
            self.real.create_journal_entry(entry, request_id)
        raise RuntimeError("server closed the connection unexpectedly")


def test_a_pass_that_dies_before_sending_releases_its_claim(world: QboWorld) -> None:
    world.connect()
    entry_ids = world.post(3)
    with pytest.raises(RuntimeError):
        run_sync(
            world.books.engine,
            world.books.company_id,
            REALM_ID,
            lambda: DiesAfterSending(world, before=True),
        )
    items = outbox(world)
    assert [i.status for i in items] == [OutboxStatus.PENDING] * 3
    assert all(i.attempts == 1 and i.claimed_by is None for i in items)
    # The next pass takes them at once, not after the lease.
    report = world.qb.sync()
    assert sorted(report.pushed) == sorted(entry_ids)
    assert len(world.fake.journal_entries()) == 3


def test_a_pass_that_dies_after_sending_keeps_the_look_up(world: QboWorld) -> None:
    world.connect()
    world.fake.honour_request_id = False  # only the DocNumber look-up can prevent duplicates
    entry_ids = world.post(3)
    with pytest.raises(RuntimeError):
        run_sync(
            world.books.engine,
            world.books.company_id,
            REALM_ID,
            lambda: DiesAfterSending(world),
        )
    assert len(world.fake.journal_entries()) == 3  # they did reach QuickBooks
    items = outbox(world)
    assert all(i.status == OutboxStatus.PENDING and i.needs_reconcile for i in items)
    report = world.qb.sync()
    assert sorted(report.adopted) == sorted(entry_ids) and not report.pushed
    assert len(world.fake.journal_entries()) == 3

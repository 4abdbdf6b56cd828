"""Issue 11 §3 through the real client and the fake: a burst never waits for the next
minute while budget remains, and `writeoff sync` says what it skipped and why."""

from __future__ import annotations

import time
from datetime import UTC
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import col, select
from typer.testing import CliRunner

from bot.cli import app
from ledger.db import session_scope
from ledger.models import OutboxItem, OutboxStatus, utcnow
from qbo.models import QboRequestSlot
from qbo.sync import claim_due
from tests.fakes.qbo_api import REALM_ID
from tests.qbo.conftest import QboWorld
from tests.qbo.test_drift import cli_env


def test_spent_batch_budget_sends_a_few_entries_as_plain_creates(world: QboWorld) -> None:
    world.connect()
    world.fake.enforce_limits(per_minute=500, batch_per_minute=40)
    # Another process spent this minute's 40 batches a moment ago.
    table = QboRequestSlot.__table__  # type: ignore[attr-defined]
    with world.books.engine.begin() as conn:
        for _ in range(40):
            conn.execute(
                sa.insert(table).values(
                    realm_id=REALM_ID,
                    started_at=time.time() - 1,
                    finished_at=time.time(),
                    batch=True,
                    holder="other",
                )
            )
    entry_ids = world.post(3)
    started = time.monotonic()
    report = world.qb.sync()
    assert sorted(report.pushed) == sorted(entry_ids)
    assert time.monotonic() - started < 5  # not the next minute
    assert world.fake.batch_count == 0 and world.fake.request_count("journalentry") == 3
    assert not [r for r in world.fake.api_requests() if r.status == 429]


def test_sync_says_what_it_skipped_and_why(
    world: QboWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    world.connect()
    ids = world.post(4)
    now = utcnow()
    # Another process is pushing two of them right now.
    assert len(claim_due(world.books.engine, world.books.company_id, "other:1", now, ids[:2])) == 2
    world.fake.fail_next("batch", "html_503")
    first = world.qb.sync()
    assert len(first.retrying) == 2
    again = world.qb.sync()
    assert again.claimed == 0 and not again.pushed
    with session_scope(world.books.engine) as s:
        due = min(
            i.next_attempt_at
            for i in s.exec(select(OutboxItem).where(col(OutboxItem.entry_id).in_(ids[2:])))
            if i.status == OutboxStatus.PENDING
        )
    at = due.astimezone(UTC).strftime("%H:%M UTC")
    assert again.skipped == [
        "2 in flight in another process",
        f"2 waiting for their retry (the first at {at})",
    ]
    assert "skipped: 2 in flight in another process" in again.summary()
    cli_env(world, monkeypatch, tmp_path)
    out = CliRunner().invoke(app, ["sync"])
    assert out.exit_code == 0, out.output
    assert "0 pushed" in out.output
    assert (
        f"skipped: 2 in flight in another process; 2 waiting for their retry (the first at {at})"
        in out.output
    )

"""A failed push names QuickBooks' intuit_tid: in the SyncReport, in a WARNING log line with
the entry and outbox ids, the code and plain words (never a token), and on the outbox item."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlmodel import select

from ledger.db import session_scope
from ledger.models import OutboxItem, utcnow
from ledger.policy import Category
from qbo.models import AccountMapping
from qbo.sync import PushFailure
from tests.qbo.conftest import SECRET_KEY, QboWorld


def outbox(world: QboWorld) -> list[OutboxItem]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(OutboxItem).order_by(OutboxItem.id)))


def push_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name == "qbo.sync" and r.levelno == logging.WARNING and "push of entry" in r.message
    ]


def test_permanent_fault_reports_and_logs_the_tid(
    world: QboWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    world.connect()
    [entry_id] = world.post(1)
    world.fake.fault_next(
        "journalentry", "6210", "Account Period Closed", "The account period has closed", status=400
    )
    report = world.qb.sync()
    tid = world.fake.api_requests("journalentry")[-1].tid
    [item] = outbox(world)
    assert tid and report.failed == [(entry_id, report.failures[0].message)]
    assert report.failures == [
        PushFailure(entry_id, item.id or 0, False, item.last_error or "", "6210", tid)
    ]
    assert report.tid_of(entry_id) == tid and report.tid_of(entry_id + 1) is None
    [record] = push_warnings(caplog)
    text = record.getMessage()
    assert f"entry {entry_id} " in text and f"outbox {item.id})" in text
    assert "code 6210" in text and tid in text and "period is closed" in text
    assert "waits for a person" in text
    assert (record.entry_id, record.outbox_id, record.qbo_code, record.intuit_tid) == (  # type: ignore[attr-defined]
        entry_id,
        item.id,
        "6210",
        tid,
    )
    secrets = [SECRET_KEY, *world.fake.valid_refresh_tokens(), "fake-rt-", "fake-at-"]
    assert not any(s in caplog.text for s in secrets)


def test_item_fault_in_a_batch_carries_the_batch_answers_tid(
    world: QboWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    world.connect()
    with session_scope(world.books.engine) as s:  # QuickBooks has no account 999999
        row = s.exec(select(AccountMapping).where(AccountMapping.account_code == "5100")).one()
        row.qbo_id = "999999"
        s.add(row)
    [good] = world.post(1)  # 5000 Cost of Goods Sold: mapped right
    [bad] = world.post(1, category=Category.SHRINKAGE, reason="missing")  # 5100: wrong id
    report = world.qb.sync()
    [batch] = world.fake.api_requests("batch")
    assert batch.status == 200 and batch.tid
    [failure] = report.failures
    assert report.pushed == [good]  # one batch, partly refused
    assert (failure.entry_id, failure.code, failure.tid) == (bad, "2500", batch.tid)
    assert not failure.retrying and report.tid_of(bad) == batch.tid
    assert batch.tid in push_warnings(caplog)[0].getMessage()


def test_retrying_failure_has_its_tid_and_a_later_success_none(
    world: QboWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    world.connect()
    [entry_id] = world.post(1)
    world.fake.fail_next("journalentry", "html_503")
    first = world.qb.sync()
    tid = world.fake.api_requests("journalentry")[-1].tid
    [failure] = first.failures
    assert failure.retrying and failure.code == "503" and failure.tid == tid
    assert first.retrying == [(entry_id, failure.message)]
    assert "retry 1 due" in push_warnings(caplog)[0].getMessage()
    later = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    assert later.synced == [entry_id] and later.failures == [] and later.tid_of(entry_id) is None


def test_outbox_item_stores_the_tid_with_its_last_error(world: QboWorld) -> None:
    world.connect()
    world.post(1)
    world.fake.fail_next("journalentry", "html_503")
    world.qb.sync()
    tid = world.fake.api_requests("journalentry")[-1].tid
    [item] = outbox(world)
    assert item.last_error and item.last_error_tid == tid  # type: ignore[attr-defined]
    world.qb.sync(now=utcnow() + timedelta(minutes=5))
    [item] = outbox(world)
    assert item.status == "synced" and item.last_error_tid is None  # type: ignore[attr-defined]


def test_refused_refresh_logs_the_token_calls_tid(
    world: QboWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    world.connect()
    world.post(1)
    world.fake.revoke_all()
    assert world.qb.sync().connection_problem
    tid = [r for r in world.fake.requests if r.kind == "token"][-1].tid
    [record] = [r for r in caplog.records if r.name == "qbo.connection"]
    assert tid and tid in record.getMessage() and record.intuit_tid == tid  # type: ignore[attr-defined]
    assert "fake-rt-" not in caplog.text and "fake-at-" not in caplog.text

"""Issue 11 §2: never a wrong "synced", and a Retry that works. Through the real client
against the fake QuickBooks: hand-made entries sharing our DocNumber, fault 6140, replayed
failures, a second install on the same company."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import col, select

from bot.services.books import open_books
from bot.services.quickbooks import QuickBooks
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, OutboxStatus, utcnow
from qbo.identity import doc_number, install_id, request_id
from qbo.sync import CONFLICT
from tests.conftest import migrated_sqlite_url
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.qbo.conftest import QboWorld, qbo_settings


def outbox(world: QboWorld) -> list[OutboxItem]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(OutboxItem).order_by(col(OutboxItem.id))))


def test_a_hand_made_entry_under_our_number_is_a_conflict_never_synced(world: QboWorld) -> None:
    world.connect()
    [entry_id] = world.post(1, cost="10")
    theirs = world.fake.add_hand_made_entry("WOB-JE-000001", amount="75.00")
    world.fake.fail_next("journalentry", "html_503")  # our send's outcome is unknown
    assert world.qb.sync().retrying
    looked = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    assert looked.synced == [] and [e for e, _ in looked.conflicts] == [entry_id]
    [item] = outbox(world)
    assert item.status == OutboxStatus.PENDING and item.external_id is None
    assert item.last_error_code == CONFLICT
    # The words name both: their entry and ours, and the number ours will go under.
    words = item.last_error or ""
    assert f"JournalEntry {theirs['Id']}" in words and "75.00" in words
    assert "JE-000001" in words and "10.00" in words and "WOB-JE-000001-2" in words
    assert len(world.fake.journal_entries()) == 1  # nothing of ours reached QuickBooks
    # The normal retry sends it under the next suffix, and then it is synced.
    retried = world.qb.sync(now=utcnow() + timedelta(hours=2))
    assert retried.pushed == [entry_id]
    assert world.doc_numbers() == ["WOB-JE-000001", "WOB-JE-000001-2"]
    with session_scope(world.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None and entry.qbo_id == world.fake.journal_entries()[1]["Id"]


def test_our_entry_with_another_date_or_total_is_not_adopted(world: QboWorld) -> None:
    """Our marker alone is not enough: the hit must carry the date and total we sent."""
    world.connect()
    world.fake.honour_request_id = False
    [entry_id] = world.post(1, cost="10")
    world.fake.fail_next("journalentry", "drop_after_create")
    world.qb.sync()
    [created] = world.fake.journal_entries()
    assert "install" in created["PrivateNote"]
    # Someone changes the amount in QuickBooks before our look-up.
    world.fake._entries[REALM_ID][0]["TotalAmt"] = 99.0
    looked = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    assert not looked.adopted and [e for e, _ in looked.conflicts] == [entry_id]


def test_lost_answer_is_adopted_when_it_is_ours(world: QboWorld) -> None:
    world.connect()
    world.fake.honour_request_id = False
    [entry_id] = world.post(1)
    world.fake.fail_next("journalentry", "drop_after_create")
    world.qb.sync()
    world.fake.add_hand_made_entry("WOB-JE-000001")  # and a hand-made one besides
    looked = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    assert looked.adopted == [entry_id] and not looked.conflicts
    with session_scope(world.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None and entry.qbo_id == world.fake.journal_entries()[0]["Id"]


def test_fault_6140_names_the_clashing_entry_and_retries_with_the_next_suffix(
    world: QboWorld,
) -> None:
    world.connect()
    world.fake.duplicate_doc_warning = True
    theirs = world.fake.add_hand_made_entry("WOB-JE-000001")
    [entry_id] = world.post(1)
    queries = world.fake.request_count("query")
    first = world.qb.sync()
    assert world.fake.request_count("query") == queries  # no look-up needed to find out
    assert [e for e, _ in first.conflicts] == [entry_id] and not first.failed
    [item] = outbox(world)
    assert item.status == OutboxStatus.PENDING and item.last_error_code == CONFLICT
    assert f"JournalEntry {theirs['Id']}" in (item.last_error or "")
    second = world.qb.sync(now=utcnow() + timedelta(hours=2))
    assert second.pushed == [entry_id]
    assert world.doc_numbers() == ["WOB-JE-000001", "WOB-JE-000001-2"]


def test_retry_after_a_definite_failure_is_a_new_request(world: QboWorld) -> None:
    """QuickBooks replays by requestid, failures too: an account made inactive, reactivated,
    then a person's Retry must not get the stored failure back."""
    world.connect()
    [entry_id] = world.post(1)
    world.fake.set_account_active(world.ids["5000"], False)  # our mapping still says active
    first = world.qb.sync()
    assert first.failed and "inactive" in first.failed[0][1]
    world.fake.set_account_active(world.ids["5000"], True)
    assert world.qb.requeue(entry_id)
    assert world.qb.sync().pushed == [entry_id]
    ids = [r.params["requestid"] for r in world.fake.api_requests("journalentry")]
    assert len(ids) == 2 and ids[0] != ids[1]
    assert not any(r.replayed for r in world.fake.api_requests("journalentry"))


def test_resends_of_an_unknown_outcome_keep_their_requestid(world: QboWorld) -> None:
    world.connect()
    world.post(1)
    world.fake.fail_next("journalentry", "html_503")
    world.fake.fail_next("query", "html_503", times=5)  # cannot look: must not send blind
    world.qb.sync()
    world.qb.sync(now=utcnow() + timedelta(minutes=5))
    world.fake.fail_next("journalentry", "html_503")
    world.qb.sync(now=utcnow() + timedelta(hours=2))
    ids = [r.params["requestid"] for r in world.fake.api_requests("journalentry")]
    assert len(ids) == 2 and ids[0] == ids[1]


@pytest.fixture
def second_install(tmp_path: Path, fake_qbo: FakeQbo) -> Iterator[QuickBooks]:
    """Another database (a second install, or this one reset) on the same company."""
    books = open_books(qbo_settings(migrated_sqlite_url(tmp_path / "b"), fake_qbo))
    qb = QuickBooks(books, sleep=lambda _s: None)
    url = qb.connect_url(actor="U0CTRL")
    qb.complete(parse_qs(urlparse(url).query)["state"][0], fake_qbo.issue_code(), REALM_ID)
    try:
        yield qb
    finally:
        qb.http.close()
        books.engine.dispose()


def test_a_second_install_on_the_same_company_is_kept_apart(
    world: QboWorld, second_install: QuickBooks
) -> None:
    world.connect()
    [ours] = world.post(1)
    assert world.qb.sync().pushed == [ours]
    from ledger.posting import post_draft
    from tests.ledger.factories import make_draft
    from tests.qbo.conftest import MAX

    other = second_install.books
    with session_scope(other.engine) as s:
        theirs = post_draft(
            s,
            other.company_id,
            make_draft(qty="1"),
            actor="U1",
            approver="U2",
            entry_date=utcnow().date(),
            max_amount=MAX,
        ).entry.id
    assert install_id(other.engine, other.company_id) != install_id(
        world.books.engine, world.books.company_id
    )
    # Same company, same entry number JE-000001: a request of its own, not our replay.
    assert second_install.sync().pushed == [theirs]
    created = world.fake.journal_entries()
    assert len(created) == 2 and created[0]["Id"] != created[1]["Id"]
    assert not any(r.replayed for r in world.fake.api_requests("journalentry"))


def test_doc_numbers_stay_within_21_characters() -> None:
    assert doc_number("WOB-", "JE-000001") == "WOB-JE-000001"
    assert doc_number("WOB-", "JE-000001", 1) == "WOB-JE-000001-2"
    long = doc_number("ABCDEFGH", "JE-1234567890", 11)
    assert len(long) <= 21 and long.endswith("JE-1234567890-12")
    rid = request_id("abc123", REALM_ID, [("WOB-JE-000001", 0)] * 30)
    assert len(rid) == 36


def test_prefix_setting_is_checked_and_used(tmp_path: Path, fake_qbo: FakeQbo) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="at most 8"):
        qbo_settings("sqlite://", fake_qbo, WRITEOFF_QBO_DOC_PREFIX="MUCH-TOO-LONG-")
    from tests.qbo.conftest import make_world

    gen = make_world(migrated_sqlite_url(tmp_path), fake_qbo, WRITEOFF_QBO_DOC_PREFIX="ACME/")
    w = next(gen)
    try:
        w.connect()
        w.post(1)
        assert w.qb.sync().pushed and w.doc_numbers() == ["ACME/JE-000001"]
    finally:
        gen.close()

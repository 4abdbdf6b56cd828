"""Connecting, mapping and pushing, against the fake QuickBooks over real HTTP."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa
import time_machine
from sqlmodel import select

from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, utcnow
from ledger.policy import Category
from qbo.connection import StateError
from qbo.models import AccountMapping, OAuthState, QboConnection
from tests.fakes.qbo_api import REALM_ID
from tests.qbo.conftest import QboWorld


def outbox(world: QboWorld) -> list[OutboxItem]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(OutboxItem).order_by(OutboxItem.id)))


def test_connect_maps_accounts_and_stores_tokens_encrypted(world: QboWorld) -> None:
    url = world.qb.connect_url(actor="U0CTRL")
    q = parse_qs(urlparse(url).query)
    assert q["scope"] == ["com.intuit.quickbooks.accounting"]
    assert q["response_type"] == ["code"] and q["client_id"] == ["fake-qbo-client-id"]
    conn, mapping = world.qb.complete(q["state"][0], world.fake.issue_code(), REALM_ID)
    assert conn.realm_id == REALM_ID and mapping is not None
    methods = {m.code: m.method for m in mapping.matches}
    assert methods["1200"] == "number" and methods["5000"] == "name"
    assert mapping.unmapped == ("5400",)
    with session_scope(world.books.engine) as s:
        stored = s.exec(select(QboConnection)).one()
        raw = s.execute(sa.text("SELECT access_token_enc, refresh_token_enc FROM qbo_connection"))
        row = raw.one()
    live = world.fake.valid_refresh_tokens()
    assert live and all(tok not in row[0] + row[1] for tok in live)  # never in clear text
    assert stored.refresh_expires_at > stored.access_expires_at
    status = world.qb.status()
    assert status.connected and status.unmapped_accounts == ("5400",)
    assert status.company_name == "Sandbox Company_US_1"


@pytest.mark.parametrize("problem", ["forged", "reused", "expired"])
def test_bad_state_stores_nothing(world: QboWorld, problem: str) -> None:
    url = world.qb.connect_url(actor="U0CTRL")
    state = parse_qs(urlparse(url).query)["state"][0]
    if problem == "forged":
        state = "not-a-state-we-issued"
    elif problem == "reused":
        world.qb.complete(state, world.fake.issue_code(), REALM_ID)
        with session_scope(world.books.engine) as s:
            s.execute(sa.delete(QboConnection))
    code = world.fake.issue_code()
    with pytest.raises(StateError):
        if problem == "expired":
            with time_machine.travel(utcnow() + timedelta(minutes=11)):
                world.qb.complete(state, code, REALM_ID)
        else:
            world.qb.complete(state, code, REALM_ID)
    assert world.qb.connection() is None


def test_refuses_to_start_without_a_secret_key(world: QboWorld) -> None:
    from qbo.crypto import SecretKeyMissing

    world.qb.settings.writeoff_secret_key = None
    with pytest.raises(SecretKeyMissing, match="WRITEOFF_SECRET_KEY"):
        world.qb.connect_url(actor="U0CTRL")
    with session_scope(world.books.engine) as s:
        assert s.exec(select(OAuthState)).first() is None


def test_push_once_with_the_right_accounts_and_amounts(world: QboWorld) -> None:
    world.connect()
    entry_ids = world.post(3, cost="100")
    report = world.qb.sync()
    assert sorted(report.pushed) == sorted(entry_ids) and report.requests == 1
    created = world.fake.journal_entries()
    assert [e["DocNumber"] for e in created] == ["JE-000001", "JE-000002", "JE-000003"]
    first = created[0]
    assert first["TxnDate"] and "SKU-12" in first["PrivateNote"]
    refs = {
        ln["JournalEntryLineDetail"]["PostingType"]: ln["JournalEntryLineDetail"]["AccountRef"][
            "value"
        ]
        for ln in first["Line"]
    }
    assert refs == {"Debit": world.ids["5000"], "Credit": world.ids["1200"]}
    assert [Decimal(str(ln["Amount"])) for ln in first["Line"]] == [Decimal("100.00")] * 2
    batch = world.fake.api_requests("batch")[0]
    assert batch.params.get("minorversion") == "75" and batch.params.get("requestid")
    assert b"100.00" in batch.raw  # exact decimals on the wire, not float noise
    with session_scope(world.books.engine) as s:
        assert all(e.qbo_id for e in s.exec(select(JournalEntry)))
    again = world.qb.sync(now=utcnow() + timedelta(hours=2))
    assert again.claimed == 0 and len(world.fake.journal_entries()) == 3


def test_unmapped_account_is_held_not_guessed(world: QboWorld) -> None:
    world.connect()
    from ledger.posting import post_draft
    from tests.ledger.factories import make_draft

    with session_scope(world.books.engine) as s:
        # A reserve provision goes to 5400, which QuickBooks has no account for.
        draft = make_draft(
            category=Category.RESERVE_PROVISION, reason="provision", qty="1", cost="500"
        )
        post_draft(
            s,
            world.books.company_id,
            draft,
            actor="U1",
            approver="U2",
            entry_date=utcnow().date(),
            max_amount=Decimal("1000000"),
        )
    report = world.qb.sync()
    assert report.held and "5400" in report.held[0][1] and "map" in report.held[0][1]
    assert world.fake.journal_entries() == []
    # Mapped by hand, retried: it goes through.
    extra = world.fake.add_account("Obsolescence", "OBS", "Other Expense")
    world.qb.map_one("5400", extra, actor="U0CTRL")
    from qbo.sync import requeue

    assert requeue(world.books.engine, world.books.company_id, report.held[0][0])
    assert world.qb.sync().pushed == [report.held[0][0]]
    with session_scope(world.books.engine) as s:
        row = s.exec(select(AccountMapping).where(AccountMapping.account_code == "5400")).one()
        assert row.method == "manual"


def test_inactive_quickbooks_account_holds_the_entry(world: QboWorld) -> None:
    world.connect()
    world.fake.set_account_active(world.ids["5000"], False)
    world.qb.map_accounts()
    world.post(1)
    report = world.qb.sync()
    assert report.held and "inactive" in report.held[0][1]
    assert world.fake.journal_entries() == []


def test_expired_access_token_is_refreshed_and_the_rotation_kept(world: QboWorld) -> None:
    world.connect()
    before = world.fake.valid_refresh_tokens()
    world.fake.expire_access_tokens()
    world.post(2)
    report = world.qb.sync()
    assert len(report.pushed) == 2
    after = world.fake.valid_refresh_tokens()
    assert after and after != before  # rotated, and the new one is what we stored
    world.fake.expire_access_tokens()
    world.post(1)
    assert len(world.qb.sync().pushed) == 1  # the stored (rotated) refresh token works


def test_revoked_connection_is_marked_broken_and_nothing_lost(world: QboWorld) -> None:
    world.connect()
    world.post(2)
    world.fake.revoke_all()
    report = world.qb.sync()
    assert report.connection_problem and "reconnect" in report.connection_problem.lower()
    assert world.qb.status().status == "broken"
    assert [i.status for i in outbox(world)] == ["pending", "pending"]
    assert world.fake.journal_entries() == []
    world.connect()  # reconnecting repairs it; the queue drains
    later = world.qb.sync(now=utcnow() + timedelta(minutes=2))
    assert len(later.pushed) == 2


def test_lost_answer_after_create_is_adopted_not_duplicated(world: QboWorld) -> None:
    world.connect()
    world.fake.honour_request_id = False  # requestid replay unreliable: DocNumber must save us
    world.post(3)
    world.fake.fail_next("batch", "drop_after_create")
    first = world.qb.sync()
    assert len(first.retrying) == 3 and not first.pushed
    assert len(world.fake.journal_entries()) == 3  # QuickBooks did create them
    assert all(i.needs_reconcile for i in outbox(world))
    second = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    assert sorted(second.adopted) == sorted(i.entry_id for i in outbox(world))
    assert len(world.fake.journal_entries()) == 3
    assert len(set(world.doc_numbers())) == 3


def test_crash_mid_push_is_reconciled_after_the_lease(world: QboWorld) -> None:
    """A pass claimed rows, sent them, and died before recording: the next pass looks
    them up by DocNumber instead of sending again."""
    from qbo.mapping import load_mapping
    from qbo.sync import _ledger_entries, claim_due, run_sync

    world.connect()
    world.fake.honour_request_id = False  # only the DocNumber lookup can save us
    entry_ids = world.post(2)
    now = utcnow()
    claimed = claim_due(world.books.engine, world.books.company_id, "dead-worker", now)
    assert len(claimed) == 2
    with session_scope(world.books.engine) as s:
        ledger = _ledger_entries(s, entry_ids)
        mapping = load_mapping(s, world.books.company_id)
    from qbo.journal import journal_entry_body

    # The dead worker's batch reached QuickBooks; then the process died.
    world.qb.client().batch_create_journal_entries(
        [(str(i), journal_entry_body(ledger[e], mapping)) for i, e in enumerate(entry_ids)],
        "dead-worker-request-0001",
    )
    assert len(world.fake.journal_entries()) == 2
    early = run_sync(
        world.books.engine,
        world.books.company_id,
        REALM_ID,
        world.qb.client,
        now=now + timedelta(minutes=5),
    )
    assert early.claimed == 0  # the lease is still running: it might be alive
    later = run_sync(
        world.books.engine,
        world.books.company_id,
        REALM_ID,
        world.qb.client,
        now=now + timedelta(minutes=20),
    )
    assert sorted(later.adopted) == sorted(entry_ids) and not later.pushed
    assert len(world.fake.journal_entries()) == 2
    assert len(set(world.doc_numbers())) == 2


def test_a_pass_that_outlived_its_lease_does_not_send(world: QboWorld) -> None:
    from qbo.sync import claim_due, renew_claim

    world.connect()
    world.post(1)
    now = utcnow()
    [oid] = claim_due(world.books.engine, world.books.company_id, "slow-pass", now)
    # Another pass takes the abandoned-looking row over...
    assert claim_due(
        world.books.engine, world.books.company_id, "new-pass", now + timedelta(minutes=20)
    ) == [oid]
    # ...so the slow pass, waking up, finds it is no longer its own.
    assert renew_claim(world.books.engine, [oid], "slow-pass", now) == []
    assert renew_claim(world.books.engine, [oid], "new-pass", now) == [oid]


def test_permanent_fault_waits_for_a_person_and_retry_pushes(world: QboWorld) -> None:
    world.connect()
    [entry_id] = world.post(1)
    world.fake.fault_next(
        "batch", "6210", "Account Period Closed", "The account period has closed", status=400
    )
    report = world.qb.sync()
    # a whole-batch fault or an item fault: either way it must not be retried by itself
    assert report.failed and "closed" in report.failed[0][1].lower()
    assert world.qb.sync(now=utcnow() + timedelta(hours=3)).claimed == 0
    from qbo.sync import requeue

    requeue(world.books.engine, world.books.company_id, entry_id)
    assert world.qb.sync().pushed == [entry_id]


def test_transient_failures_back_off_then_succeed(world: QboWorld) -> None:
    world.connect()
    world.post(1)
    world.fake.fail_next("batch", "html_503")
    first = world.qb.sync()
    assert first.retrying and "server error" in first.retrying[0][1].lower()
    [item] = outbox(world)
    assert item.status == "pending" and item.attempts == 1
    assert world.qb.sync().claimed == 0  # not due yet: backing off
    later = world.qb.sync(now=utcnow() + timedelta(minutes=5))
    # A 503 after sending leaves the outcome unknown: looked up first, then sent or adopted.
    assert len(later.pushed) + len(later.adopted) == 1
    assert len(world.fake.journal_entries()) == 1


def test_versions_count_every_change_a_card_shows_and_nothing_else(world: QboWorld) -> None:
    """Issue 12, defect 3: the entry's and its outbox row's versions grow with each change
    a card shows (posting, a failed push, a Retry, the sync) and not with the card's own
    bookkeeping, so a render can be ordered by their sum."""
    from bot.services.cards import shown_version

    def version(entry_id: int) -> int:
        with session_scope(world.books.engine) as s:
            entry = s.get(JournalEntry, entry_id)
            assert entry is not None
            return shown_version(s, entry)

    world.connect()
    (entry_id,) = world.post(1)
    posted = version(entry_id)
    with session_scope(world.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        entry.card_channel, entry.card_ts, entry.card_version = "C1", "1.1", posted
        s.add(entry)
    assert version(entry_id) == posted  # the card's own columns: no new version
    world.fake.fault_next("batch", "6000", "A business validation error has occurred")
    world.qb.sync()
    failed = version(entry_id)
    assert failed > posted
    world.qb.requeue(entry_id)
    retried = version(entry_id)
    assert retried > failed
    world.qb.sync(now=utcnow() + timedelta(hours=2))
    assert version(entry_id) > retried

"""Rotating WRITEOFF_SECRET_KEY on a connected install, against the fake QuickBooks:
NEW,OLD still reads, `rotate_tokens` re-encrypts, then OLD can be dropped. An install whose
tokens were stored under the old SHA-256 derivation keeps working and rotates too."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlmodel import select

from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.models import AuditEvent, OutboxItem, utcnow
from qbo.connection import rotate_tokens
from qbo.crypto import SecretKeyMismatch, legacy_key
from qbo.models import QboConnection
from tests.fakes.qbo_api import FakeQbo
from tests.qbo.conftest import SECRET_KEY, QboWorld, make_world

NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def both_dbs_world(db_url: str, fake_qbo: FakeQbo) -> Iterator[QboWorld]:
    """The world on SQLite and on PostgreSQL (row locks, one transaction)."""
    yield from make_world(db_url, fake_qbo)


def use_key(world: QboWorld, setting: str) -> None:
    world.qb.settings.writeoff_secret_key = SecretStr(setting)


def stored(world: QboWorld) -> tuple[str, str]:
    with session_scope(world.books.engine) as s:
        row = s.execute(sa.text("SELECT access_token_enc, refresh_token_enc FROM qbo_connection"))
        access, refresh = row.one()
    return str(access), str(refresh)


def rotation_events(world: QboWorld) -> list[dict[str, object]]:
    with session_scope(world.books.engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "qbo_tokens_reencrypted"))
        return [{"actor": e.actor, **json.loads(e.details)} for e in events]


def test_rotate_to_a_new_key_then_drop_the_old(both_dbs_world: QboWorld) -> None:
    world = both_dbs_world
    world.connect()  # tokens stored under the passphrase SECRET_KEY
    before = stored(world)
    use_key(world, NEW_KEY)
    world.post(1)
    refused = world.qb.sync()  # the new key alone cannot read the old tokens yet
    assert refused.connection_problem and "WRITEOFF_SECRET_KEY" in refused.connection_problem
    assert [i.status for i in _outbox(world)] == ["pending"] and not world.fake.journal_entries()

    use_key(world, f"{NEW_KEY},{SECRET_KEY}")  # new first, old still reads
    assert rotate_tokens(world.books.engine, world.qb.cipher(), "U0CTRL") == 1
    after = stored(world)
    assert after[0] != before[0] and after[1] != before[1]
    new_only = Fernet(NEW_KEY.encode())
    assert all(new_only.decrypt(tok.encode()) for tok in after)  # both under the new key
    assert rotation_events(world) == [{"actor": "U0CTRL", "tokens": 2, "keys_configured": 2}]
    with session_scope(world.books.engine) as s:
        assert verify_chain(s, world.books.company_id).ok

    use_key(world, NEW_KEY)  # the old key is gone
    world.fake.expire_access_tokens()  # the refresh token must be read too
    later = world.qb.sync(now=utcnow() + timedelta(minutes=2))
    assert len(later.pushed) == 1 and later.connection_problem is None


def test_an_install_from_before_scrypt_keeps_working_and_rotates(world: QboWorld) -> None:
    world.connect()
    # Store the tokens as the old version did: Fernet keyed by one SHA-256 of the passphrase.
    cipher = world.qb.cipher()
    access, refresh = (cipher.decrypt(t) for t in stored(world))
    old = Fernet(legacy_key(SECRET_KEY))
    with session_scope(world.books.engine) as s:
        conn = s.exec(select(QboConnection)).one()
        conn.access_token_enc = old.encrypt(access.encode()).decode()
        conn.refresh_token_enc = old.encrypt(refresh.encode()).decode()
        s.add(conn)
    world.post(1)
    assert len(world.qb.sync().pushed) == 1  # read through the legacy derivation
    assert not any(cipher.is_current(t) for t in stored(world))
    assert rotate_tokens(world.books.engine, cipher, "cli") == 1
    assert all(cipher.is_current(t) and cipher.decrypt(t) for t in stored(world))
    assert [cipher.decrypt(t) for t in stored(world)] == [access, refresh]


def test_rotating_with_a_wrong_key_changes_nothing(both_dbs_world: QboWorld) -> None:
    world = both_dbs_world
    world.connect()
    before = stored(world)
    wrong = Fernet.generate_key().decode()
    use_key(world, wrong)
    with pytest.raises(SecretKeyMismatch) as caught:
        rotate_tokens(world.books.engine, world.qb.cipher(), "U0CTRL")
    assert wrong not in str(caught.value) and SECRET_KEY not in str(caught.value)
    assert stored(world) == before and rotation_events(world) == []


def test_nothing_to_rotate_without_a_connection(world: QboWorld) -> None:
    assert rotate_tokens(world.books.engine, world.qb.cipher(), "U0CTRL") == 0
    assert rotation_events(world) == []


def test_no_key_or_token_in_logs(world: QboWorld, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    world.connect()
    tokens = world.fake.valid_refresh_tokens()
    use_key(world, f"{NEW_KEY},{SECRET_KEY}")
    rotate_tokens(world.books.engine, world.qb.cipher(), "U0CTRL")
    world.fake.fail_next("journalentry", "html_503")
    world.post(1)
    world.qb.sync()
    use_key(world, Fernet.generate_key().decode())
    world.qb.sync(now=utcnow() + timedelta(hours=1))
    assert caplog.text  # something was logged, and none of it secret
    for secret in [NEW_KEY, SECRET_KEY, *tokens, *stored(world)]:
        assert secret not in caplog.text
    assert "fake-rt-" not in caplog.text and "fake-at-" not in caplog.text


def _outbox(world: QboWorld) -> list[OutboxItem]:
    with session_scope(world.books.engine) as s:
        return list(s.exec(select(OutboxItem).order_by(OutboxItem.id)))

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.posting import post_draft, reverse_entry
from tests.ledger.factories import make_draft
from tests.ledger.tamper import guard_lifted

MAX = Decimal("1000000.00")


def _books(engine: Engine, company_id: int) -> None:
    for i in range(3):
        with session_scope(engine) as s:
            e = post_draft(
                s,
                company_id,
                make_draft(qty=str(i + 1)),
                actor="U1",
                approver="U2",
                entry_date=date(2026, 11, 2),
                max_amount=MAX,
            ).entry
    with session_scope(engine) as s:
        reverse_entry(
            s,
            company_id,
            e.id or 0,
            actor="U2",
            reason="typo",
            entry_date=date(2026, 11, 3),
            max_amount=MAX,
        )


def test_untouched_chain_verifies(engine: Engine, company_id: int) -> None:
    _books(engine, company_id)
    with session_scope(engine) as s:
        rep = verify_chain(s, company_id)
    assert rep.ok and rep.checked == 8


@pytest.mark.parametrize(
    ("sql", "seq", "words"),
    [
        ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 3", 3, "changed"),
        ("UPDATE audit_event SET details = '{}' WHERE seq = 5", 5, "changed"),
        ("DELETE FROM audit_event WHERE seq = 4", 4, "missing"),
        ("DELETE FROM audit_event WHERE seq = 8", 8, "newest events deleted"),
    ],
)
def test_tampering_is_detected_and_named(
    engine: Engine, company_id: int, sql: str, seq: int, words: str
) -> None:
    _books(engine, company_id)
    # Behind the application's back and past the database's triggers, as an intruder with
    # DDL rights would: the hash chain must still tell.
    with engine.begin() as conn, guard_lifted(conn):
        conn.execute(sa.text(sql))
    with session_scope(engine) as s:
        rep = verify_chain(s, company_id)
    assert not rep.ok
    assert rep.broken_seq == seq
    assert words in (rep.problem or "")


def test_renumbered_chain_is_detected(engine: Engine, company_id: int) -> None:
    """Deleting an event and shifting the rest down still breaks the hash links."""
    _books(engine, company_id)
    with engine.begin() as conn, guard_lifted(conn):
        conn.execute(sa.text("DELETE FROM audit_event WHERE seq = 2"))
        for seq in range(3, 9):
            conn.execute(sa.text(f"UPDATE audit_event SET seq = {seq - 1} WHERE seq = {seq}"))
        conn.execute(sa.text("UPDATE company SET audit_seq = 7"))
    with session_scope(engine) as s:
        rep = verify_chain(s, company_id)
    assert not rep.ok and rep.broken_seq == 2


def test_cli_audit_verify_exits_non_zero_on_tampering(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli import app
    from ledger.companies import get_company
    from ledger.db import make_engine, upgrade

    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    eng = make_engine(sqlite_url)
    upgrade(eng)
    with session_scope(eng) as s:
        cid = get_company(s).id or 0
    _books(eng, cid)
    runner = CliRunner()
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "8 events verified" in ok.output
    with eng.begin() as conn, guard_lifted(conn):
        conn.execute(sa.text("UPDATE audit_event SET actor = 'x' WHERE seq = 6"))
    bad = runner.invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1
    assert "event #6" in bad.output

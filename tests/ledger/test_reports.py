from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.engine import Engine

from ledger.db import session_scope
from ledger.policy import Category
from ledger.posting import post_draft, reverse_entry
from ledger.reports import trial_balance, usual_writeoff, writeoff_report
from tests.ledger.factories import make_draft

MAX = Decimal("1000000.00")


def _post(engine: Engine, cid: int, day: date, **kw: object) -> int:
    with session_scope(engine) as s:
        return (
            post_draft(
                s,
                cid,
                make_draft(**kw),
                actor="U1",
                approver="U2",  # type: ignore[arg-type]
                entry_date=day,
                max_amount=MAX,
            ).entry.id
            or 0
        )


def test_writeoff_report_groups_and_nets_reversals(engine: Engine, company_id: int) -> None:
    _post(
        engine, company_id, date(2026, 10, 5), qty="40", cost="15", reason="obsolete", sku="SKU-12"
    )
    _post(
        engine, company_id, date(2026, 11, 2), qty="10", cost="150", reason="damaged", sku="SKU-7"
    )  # 1,500: over materiality -> 5200
    stolen = _post(
        engine,
        company_id,
        date(2026, 11, 3),
        qty="2",
        cost="45",
        reason="stolen",
        sku="SKU-77",
        category=Category.CASUALTY,
    )
    _post(
        engine,
        company_id,
        date(2026, 11, 4),
        qty="3",
        cost="4",
        reason="missing",
        sku="SKU-9",
        category=Category.SHRINKAGE,
    )
    with session_scope(engine) as s:
        reverse_entry(
            s,
            company_id,
            stolen,
            actor="U2",
            reason="found it",
            entry_date=date(2026, 11, 20),
            max_amount=MAX,
        )
        nov = writeoff_report(s, company_id, "2026-11")
        every = writeoff_report(s, company_id)
        tb = trial_balance(s, company_id)
    assert nov.total == Decimal("1512.00")  # 1500 + 90 + 12 - 90
    assert nov.by_reason == {
        "damaged": Decimal("1500.00"),
        "stolen": Decimal("0.00"),
        "missing": Decimal("12.00"),
    }
    assert nov.by_account["5200 Inventory Write-Off Expense"] == Decimal("1500.00")
    assert nov.by_account["5100 Inventory Shrinkage"] == Decimal("12.00")
    assert nov.by_sku["SKU-7"] == Decimal("1500.00")
    assert every.by_month == {"2026-10": Decimal("600.00"), "2026-11": Decimal("1512.00")}
    assert every.by_account["5000 Cost of Goods Sold"] == Decimal("600.00")
    assert tb.balanced and tb.total_debit == Decimal("2112.00")
    assert nov.to_json()["total"] == "1512.00"


def test_usual_writeoff_needs_history(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        assert usual_writeoff(s, company_id) is None
    for i in range(11):
        _post(engine, company_id, date(2026, 11, 2), qty=str(i + 1), cost="10")
    with session_scope(engine) as s:
        assert usual_writeoff(s, company_id) == Decimal("60.00")

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.engine import Engine

from ledger.context import load_context
from ledger.countsheet import COUNT_KIND, LineMode, count_entry, count_lines, read_sheet
from ledger.db import session_scope
from ledger.drafting.build import build_draft
from ledger.drafting.types import Facts
from ledger.evidence import add_evidence, link
from ledger.policy import Category, Policy
from ledger.posting import post_draft, post_entry, reverse_entry, save_lines
from ledger.reports import trial_balance, usual_writeoff, writeoff_report
from tests.ledger.conftest import make_context
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


def test_reserve_increases_are_provisions_not_write_offs(engine: Engine, company_id: int) -> None:
    day = date(2026, 11, 2)
    _post(engine, company_id, day, qty="40", cost="15", reason="obsolete")  # 600 -> 5000
    provision = _post(
        engine,
        company_id,
        day,
        qty="10",
        cost="500",
        reason="increase the reserve",
        category=Category.RESERVE_PROVISION,
    )
    _post(
        engine,
        company_id,
        day,
        qty="4",
        cost="25",
        reason="against the reserve",
        category=Category.RESERVE_WRITE_OFF,
    )  # 100, Dr 1290: a write-off, charged to the reserve
    with session_scope(engine) as s:
        nov = writeoff_report(s, company_id, "2026-11")
    assert nov.total == Decimal("700.00") and nov.count == 2
    assert nov.provisions == Decimal("5000.00") and nov.provision_count == 1
    assert "increase the reserve" not in nov.by_reason  # not a "top reason"
    assert not any(k.startswith("5400") for k in nov.by_account)
    assert nov.by_month == {"2026-11": Decimal("700.00")}
    assert nov.to_json()["provisions"] == "5000.00"
    with session_scope(engine) as s:
        reverse_entry(
            s,
            company_id,
            provision,
            actor="U2",
            reason="too much",
            entry_date=day,
            max_amount=MAX,
        )
        nov = writeoff_report(s, company_id, "2026-11")
    assert nov.provisions == Decimal("0.00") and nov.total == Decimal("700.00")


def _post_count(engine: Engine, cid: int, day: date, sheet: str) -> int:
    count = count_entry(read_sheet(sheet.encode(), "c.csv"), make_context())
    lines = count_lines(count, Policy(), LineMode.PER_SKU, "c.csv")
    with session_scope(engine) as s:
        saved = save_lines(
            s,
            cid,
            lines,
            kind=COUNT_KIND,
            category="shrinkage",
            reason="physical count",
            memo="count",
            source_text="c.csv",
            details={},
            actor="U1",
            entry_date=day,
        )
        post_entry(s, cid, saved.entry.id or 0, approver="U2", max_amount=MAX)
        return saved.entry.id or 0


COUNT_SHEET = (
    "sku,expected,counted,unit_cost,location\n"
    "SKU-1,40,31,4.10,A1\n"  # 36.90 short
    "SKU-3,5,7,20.00,B1\n"  # 40.00 over
    "SKU-5,12,0,150.00,B3\n"  # 1,800.00 short
)


def test_a_count_entry_reports_each_sku_and_its_reversal_nets_to_zero(
    engine: Engine, company_id: int
) -> None:
    day = date(2026, 11, 5)
    entry_id = _post_count(engine, company_id, day, COUNT_SHEET)
    with session_scope(engine) as s:
        nov = writeoff_report(s, company_id, "2026-11")
    assert nov.total == Decimal("1796.90") and nov.count == 1
    assert nov.by_sku == {
        "SKU-1": Decimal("36.90"),
        "SKU-3": Decimal("-40.00"),
        "SKU-5": Decimal("1800.00"),
    }
    assert nov.by_location["B3"] == Decimal("1800.00")
    assert nov.by_reason == {
        "count shortage": Decimal("1836.90"),
        "count overage": Decimal("-40.00"),
    }
    assert nov.by_account == {"5100 Inventory Shrinkage": Decimal("1796.90")}
    with session_scope(engine) as s:
        reverse_entry(
            s, company_id, entry_id, actor="U2", reason="recount", entry_date=day, max_amount=MAX
        )
        nov = writeoff_report(s, company_id, "2026-11")
    assert nov.total == 0 and all(v == 0 for v in nov.by_sku.values())
    assert nov.by_reason == {"count shortage": Decimal("0.00"), "count overage": Decimal("0.00")}


def test_counts_and_provisions_stay_out_of_the_usual_write_off(
    engine: Engine, company_id: int
) -> None:
    day = date(2026, 11, 2)
    for _ in range(10):
        _post(engine, company_id, day, qty="4", cost="15")  # $60, ten ordinary reports
    # A count: one entry of many small lines, and per-variance drafts linked to a sheet.
    _post_count(engine, company_id, day, COUNT_SHEET)
    small = [
        _post(engine, company_id, day, qty="1", cost="14", category=Category.SHRINKAGE)
        for _ in range(15)
    ]
    with session_scope(engine) as s:
        ev = add_evidence(
            s, company_id, kind="count_sheet", file_name="c.csv", sha256="0" * 64, size=1
        )
        link(s, company_id, ev, small, "U1")
    _post(engine, company_id, day, qty="1", cost="9000", category=Category.RESERVE_PROVISION)
    with session_scope(engine) as s:
        assert usual_writeoff(s, company_id) == Decimal("60.00")  # not $14
        context = load_context(s, company_id, Policy())
    ordinary = build_draft(
        Facts(
            "6 units damaged SKU-12 at $100",
            Category.LOSS,
            "damaged",
            "SKU-12",
            Decimal(6),
            "units",
            Decimal(100),
        ),
        context,
    )
    assert not any("far above" in w for w in ordinary.warnings)  # $600 < 10 x $60

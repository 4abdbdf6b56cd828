from __future__ import annotations

import io
import time
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import Engine

from ledger.countsheet import (
    COUNT_KIND,
    CountEntry,
    LineMode,
    SheetError,
    count_entry,
    count_lines,
    draft_variances,
    read_sheet,
)
from ledger.db import session_scope
from ledger.policy import Policy
from ledger.posting import (
    MAX_LINES,
    LineInput,
    check_lines,
    entry_lines,
    post_entry,
    reverse_entry,
    save_lines,
)
from ledger.reports import account_balance
from tests.ledger.conftest import ITEMS, make_context

TODAY = date(2026, 11, 24)
BIG = Decimal("100000000.00")

MESSY = (
    "Warehouse B cycle count, November\n"
    "\n"
    "Item Code;Bin;QTY ON HAND;Physical Count;Unit-Cost\n"
    "sku 1;A1;40;31;4.10\n"
    "SKU-2;A2;10;10;9.00\n"
    ";;;;\n"
    "SKU-3;B1;5;7;20.00\n"
    "SKU-4;B2;abc;3;1.00\n"
    "SKU-5;B3;12;0;$150\n"
    "SKU-6;B4;1e5;3;1.00\n"
    "SKU-7;B5;8;-3;1.00\n"
    "SKU-8;B6;8;;1.00\n"
    "SKU-1;A1;40;30;4.10\n"
    "SKU-1;C9;5;4;4.10\n"
    "SKU-77;C1;3;1;\n"
)


def test_messy_sheet_reads_what_it_can_and_says_why_for_the_rest() -> None:
    sheet = read_sheet(MESSY.encode("utf-8-sig"), "count.csv")
    assert sheet.columns["counted"] == "Physical Count"
    assert [r.sku for r in sheet.rows] == ["SKU-1", "SKU-2", "SKU-3", "SKU-5", "SKU-1", "SKU-77"]
    reasons = {p.line: p.reason for p in sheet.problems}
    assert "not a number" in reasons[8] and "abc" in reasons[8]
    assert "not a number" in reasons[10]  # 1e5 is refused
    assert "negative" in reasons[11]
    assert "empty" in reasons[12]
    assert "appears twice" in reasons[13] and "lines 4 and 13" in reasons[13]
    assert sheet.rows[0].line == 4 and sheet.rows[0].unit_cost == Decimal("4.10")


def test_variances_become_shrinkage_and_overage_drafts() -> None:
    sheet = read_sheet(MESSY.encode(), "count.csv")
    result = draft_variances(sheet, make_context(items=ITEMS), "count.csv")
    by_sku = {(row.sku, row.location): d for row, d in result.drafts}
    short = by_sku[("SKU-1", "A1")]
    assert [(ln.account, ln.debit, ln.credit) for ln in short.lines] == [
        ("5100", Decimal("36.90"), 0),
        ("1200", 0, Decimal("36.90")),
    ]
    extra = by_sku[("SKU-3", "B1")]
    assert [(ln.account, ln.debit) for ln in extra.lines] == [
        ("1200", Decimal("40.00")),
        ("5100", Decimal("0")),
    ]
    assert result.unchanged == 1
    # 9 x 4.10 + 12 x 150 + 1 x 4.10; SKU-77 has no cost anywhere, so it waits for one
    assert result.total_shrinkage == Decimal("1841.00")
    assert "unit_cost" in by_sku[("SKU-77", "C1")].missing
    assert result.total_overage == Decimal("40.00")
    assert result.net == result.total_shrinkage - Decimal("40.00")
    assert result.largest(1)[0][0].sku == "SKU-5"
    assert "line 4" in short.source_text
    assert "SKU-1 is not in the item list; check the SKU" in short.warnings


def test_no_cost_anywhere_leaves_the_draft_incomplete() -> None:
    sheet = read_sheet(b"sku,expected,counted\nSKU-404,5,2\n", "c.csv")
    [(_row, d)] = draft_variances(sheet, make_context(), "c.csv").drafts
    assert "unit_cost" in d.missing and d.confidence < 0.5 and not d.lines


def test_xlsx_numbers_stay_exact() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Inventory count"])
    ws.append(["Product", "System Qty", "Counted", "Cost Each", "Location"])
    ws.append(["SKU-300", 12, 3, 18.75, "dock"])
    ws.append(["SKU-301", "7", "7", "2.10", "dock"])
    ws.append([None, None, None, None, None])
    ws.append(["SKU-302", 2.5, 1.25, 0.1, "cold room"])
    buf = io.BytesIO()
    wb.save(buf)
    sheet = read_sheet(buf.getvalue(), "count.xlsx")
    assert [(r.sku, r.expected, r.counted, r.unit_cost) for r in sheet.rows] == [
        ("SKU-300", Decimal("12"), Decimal("3"), Decimal("18.75")),
        ("SKU-301", Decimal("7"), Decimal("7"), Decimal("2.10")),
        ("SKU-302", Decimal("2.5"), Decimal("1.25"), Decimal("0.10")),
    ]
    result = draft_variances(sheet, make_context(), "count.xlsx")
    assert result.total_shrinkage == Decimal("168.75") + Decimal("0.13")


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "e.csv", "empty"),
        (b"hello,world\n1,2\n", "notes.csv", "no header row"),
        (b"PK\x03\x04 not really a workbook", "x.xlsx", "not a readable XLSX"),
        (b"\x00\x01\x02binary", "x.bin", "not a CSV or XLSX"),
    ],
)
def test_unreadable_files_say_why(data: bytes, name: str, words: str) -> None:
    with pytest.raises(SheetError, match=words):
        read_sheet(data, name)


def test_variance_column_instead_of_expected() -> None:
    sheet = read_sheet(b"sku,counted,difference,cost\nSKU-9,31,-9,4.10\n", "v.csv")
    assert sheet.rows[0].expected == Decimal("40")


def test_five_thousand_lines_draft_quickly() -> None:
    lines = ["sku,expected,counted,unit_cost,location"]
    lines += [
        f"SKU-{i},{100 + i % 7},{96 + i % 11},{1 + i % 50}.25,bay {i % 40}" for i in range(5000)
    ]
    data = "\n".join(lines).encode()
    t0 = time.perf_counter()
    result = draft_variances(read_sheet(data, "big.csv"), make_context(), "big.csv")
    elapsed = time.perf_counter() - t0
    assert len(result.drafts) + result.unchanged == 5000
    assert elapsed < 10  # a sanity bound only; the measured figure is in the closing note


# -- one adjusting entry per count --------------------------------------------------------------

COUNT = (
    "sku,expected,counted,unit_cost,location\n"
    "SKU-1,40,31,4.10,A1\n"  # 9 short at 4.10
    "SKU-2,10,10,9.00,A2\n"  # unchanged
    "SKU-3,5,7,20.00,B1\n"  # 2 over at 20.00
    "SKU-12,3,1,,B2\n"  # 2 short, cost from the item list (15.00)
    "SKU-77,3,1,,C1\n"  # 2 short, no cost anywhere
)


def _lines(mode: LineMode) -> tuple[CountEntry, list[LineInput]]:
    count = count_entry(read_sheet(COUNT.encode(), "c.csv"), make_context(items=ITEMS))
    return count, count_lines(count, Policy(), mode, "c.csv")


def test_one_entry_has_a_shrinkage_line_per_variance_and_the_net_on_inventory() -> None:
    count, lines = _lines(LineMode.PER_SKU)
    assert [(ln.account, ln.debit, ln.credit, ln.sku) for ln in lines] == [
        ("5100", Decimal("36.90"), 0, "SKU-1"),
        ("5100", 0, Decimal("40.00"), "SKU-3"),
        ("5100", Decimal("30.00"), 0, "SKU-12"),
        ("1200", 0, Decimal("26.90"), None),
    ]
    assert sum(ln.debit for ln in lines) == sum(ln.credit for ln in lines)
    assert lines[0].description == (
        "Count shortage SKU-1 at A1: expected 40, counted 31, unit cost $4.10"
    )
    assert lines[1].description.startswith("Count overage SKU-3")
    assert (lines[0].quantity, lines[0].unit_cost, lines[0].location) == (
        Decimal("9"),
        Decimal("4.10"),
        "A1",
    )
    assert count.unchanged == 1
    [skipped] = count.skipped
    assert (skipped.row.sku, skipped.reason) == ("SKU-77", "no unit cost")


def test_summary_lines_keep_two_or_three_lines() -> None:
    _count, lines = _lines(LineMode.SUMMARY)
    assert [(ln.account, ln.debit, ln.credit) for ln in lines] == [
        ("5100", Decimal("66.90"), 0),
        ("5100", 0, Decimal("40.00")),
        ("1200", 0, Decimal("26.90")),
    ]
    assert "2 SKU(s)" in lines[0].description and "1 SKU(s)" in lines[1].description
    only_short = count_entry(
        read_sheet(b"sku,expected,counted,cost\nA,3,1,2\n", "s.csv"), make_context()
    )
    assert len(count_lines(only_short, Policy(), LineMode.SUMMARY, "s.csv")) == 2


def test_a_count_that_is_over_in_total_debits_inventory() -> None:
    sheet = read_sheet(b"sku,expected,counted,cost\nA,1,5,2\nB,2,1,1\n", "o.csv")
    count = count_entry(sheet, make_context())
    lines = count_lines(count, Policy(), LineMode.PER_SKU, "o.csv")
    assert lines[-1] == LineInput(
        "1200", Decimal("7.00"), Decimal(0), "Inventory adjusted to the physical count, o.csv"
    )
    assert count.net == Decimal("-7.00")


def test_a_count_of_hundreds_of_variances_posts_as_one_entry_and_reverses(
    engine: Engine, company_id: int
) -> None:
    rows = ["sku,expected,counted,unit_cost"]
    # 400 is enough to pass the ordinary limit; the 5,000-line figure is in bench/.
    rows += [f"SKU-{i},{100 + i % 7},{90 + i % 11},{1 + i % 50}.25" for i in range(400)]
    count = count_entry(read_sheet("\n".join(rows).encode(), "big.csv"), make_context())
    lines = count_lines(count, Policy(), LineMode.PER_SKU, "big.csv")
    assert len(lines) > MAX_LINES  # far more than an ordinary entry may have
    with session_scope(engine) as s:
        saved = save_lines(
            s,
            company_id,
            lines,
            kind=COUNT_KIND,
            category="shrinkage",
            reason="physical count",
            memo="count",
            source_text="big.csv",
            details={},
            actor="U1",
            entry_date=TODAY,
            reporter="U1",
            idempotency_key="sheet:1:count",
        )
        posted = post_entry(s, company_id, saved.entry.id or 0, approver="U2", max_amount=BIG)
    assert posted.entry.number == "JE-000001" and posted.entry.total == sum(
        ln.debit for ln in lines
    )
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "1200") == -count.net
        assert len(entry_lines(s, posted.entry.id or 0)) == len(lines)
        reversal = reverse_entry(
            s,
            company_id,
            posted.entry.id or 0,
            actor="U2",
            reason="wrong sheet",
            entry_date=TODAY,
            max_amount=BIG,
        )
    assert reversal.created
    with session_scope(engine) as s:
        assert account_balance(s, company_id, "1200") == 0
        assert account_balance(s, company_id, "5100") == 0
    # An ordinary entry keeps its limit.
    assert "an entry may have at most 100 lines" in [
        str(p) for p in check_lines(lines, {}, max_amount=BIG)
    ]

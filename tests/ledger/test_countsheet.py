from __future__ import annotations

import io
import time
from decimal import Decimal

import pytest
from openpyxl import Workbook

from ledger.countsheet import SheetError, draft_variances, read_sheet
from tests.ledger.conftest import ITEMS, make_context

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

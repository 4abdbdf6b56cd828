from __future__ import annotations

import csv
import io
import json
import struct
from datetime import date
from decimal import Decimal

import pytest
from slack_sdk.models.blocks import Block
from sqlalchemy.engine import Engine

from bot.services.chart import bar_label, build_figure, money_label, render_chart
from bot.services.reports import export_csv, history_totals, report_view
from bot.slack.ui.reports import summary_blocks
from ledger.db import session_scope
from ledger.periods import Period
from ledger.posting import post_draft
from ledger.reports import WriteOffReport
from tests.ledger.factories import make_draft

D = Decimal


def report(total: str = "8123.45", count: int = 23) -> WriteOffReport:
    return WriteOffReport(
        month="2026-11",
        currency="USD",
        total=D(total),
        count=count,
        by_reason={"damaged": D("2400"), "<!channel> obsolete": D("1800.50"), "stolen": D("1200")},
        by_sku={f"SKU-{i}": D(1500 - i * 110) for i in range(12)},
        by_location={"warehouse B": D("3000")},
        by_account={
            "5000 Cost of Goods Sold": D("2300"),
            "5100 Inventory Shrinkage": D("900"),
            "5200 Inventory Write-Off Expense": D("3750.95"),
            "5300 Loss on Inventory Write-Down": D("1172.50"),
        },
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chart_is_a_readable_png() -> None:
    hist = {"2026-10": D("6100"), "2026-11": D("8123.45"), "2026-09": D("7000")}
    data = render_chart(report(), hist)
    assert 20_000 < len(data) < 1_500_000
    w, h = png_size(data)
    assert 700 <= w <= 1600 and 500 <= h <= 1200


def test_empty_and_negative_months_render() -> None:
    empty = WriteOffReport(month="2026-12", currency="USD")
    assert png_size(render_chart(empty, {"2026-12": D(0)}))[0] >= 700
    negative = report(total="-200.00", count=1)
    assert png_size(render_chart(negative, {"2026-11": D("-200")}))[0] >= 700


def test_tick_labels_are_exact() -> None:
    assert [money_label(v) for v in (12500.0, 17500.0, 1250.0, 15000.0, 2_000_000.0)] == [
        "$12.5k",
        "$17.5k",
        "$1.25k",
        "$15k",
        "$2M",
    ]
    assert [money_label(v) for v in (0.0, 0.5, 600.0, -2500.0)] == ["$0", "$0.50", "$600", "-$2.5k"]
    assert bar_label(D("12500")) == "$12,500" and bar_label(D("17500")) == "$17,500"
    assert bar_label(D("14.50")) == "$14.50" and bar_label(D("-93810")) == "-$93,810"


def _texts(ax: object) -> list[object]:
    """Every piece of text drawn in a panel: its tick labels and its value labels."""
    ticks = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]  # type: ignore[attr-defined]
    return ticks + [t for t in ax.texts if t.get_text()]  # type: ignore[attr-defined]


def _overlaps(texts: list[object], renderer: object) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]  # type: ignore[attr-defined]
    return [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.overlaps(box_b)
    ]


def test_no_label_overlaps_another_even_with_every_kind_of_account_and_an_overage() -> None:
    busy = report()
    busy.by_account.update({"1290 Inventory Reserve": D("300"), "6100 Some other expense": D("25")})
    busy.by_reason["count overage"] = D("-93810")
    busy.by_reason["count shortage"] = D("351562.50")
    fig = build_figure(busy, {"2026-10": D("6100"), "2026-11": D("8123.45")})
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        assert _overlaps(_texts(ax), renderer) == [], ax.get_title()
    assert [t.get_text() for t in fig.axes[2].get_yticklabels()] == [
        "Other",
        "Reserve",
        "Write-down",
        "Write-off expense",
        "COGS",
    ]


def _value_of(label: str) -> Decimal:
    """'$12.5k' -> 12500, '-$2M' -> -2000000, '$0.50' -> 0.50."""
    text = label.replace("$", "").replace(",", "")
    scale = {"k": D(1000), "M": D(1_000_000)}.get(text[-1:], D(1))
    return D(text.rstrip("kM")) * scale


@pytest.mark.parametrize("top", ["17500", "1300", "4.30"])
def test_every_month_tick_reads_its_exact_value(top: str) -> None:
    fig = build_figure(report(), {"2026-10": D("100"), "2026-11": D(top)})
    months = fig.axes[3]
    for loc, label in zip(months.get_yticks(), months.get_yticklabels(), strict=True):
        if label.get_text():
            assert _value_of(label.get_text()) == D(repr(round(float(loc), 2))), label
    labels = {t.get_text() for t in months.texts}
    assert bar_label(D(top)) in labels


def test_12_5k_and_17_5k_are_not_rounded() -> None:
    fig = build_figure(report(), {"2026-10": D("100"), "2026-11": D("12500")})
    assert "$12.5k" in [t.get_text() for t in fig.axes[3].get_yticklabels()]
    fig = build_figure(report(), {"2026-10": D("12500"), "2026-11": D("17500")})
    assert {t.get_text() for t in fig.axes[3].texts} == {"$12,500", "$17,500"}


def test_an_empty_month_shows_an_empty_state_not_zero_ticks() -> None:
    empty = WriteOffReport(month="2026-12", currency="USD")
    fig = build_figure(empty, {f"2026-{m:02d}": D(0) for m in range(7, 13)})
    months = fig.axes[3]
    assert not months.axison
    assert [t.get_text() for t in months.texts] == ["nothing posted in these months"]
    assert "No write-offs posted in 2026-12" in [t.get_text() for t in fig.texts]


def test_summary_blocks_carry_the_values_escaped() -> None:
    blocks = summary_blocks(report_view(report(), report(total="6100.00")))
    for b in blocks:
        Block.parse(b).validate_json()
    text = json.dumps(blocks)
    assert "$8,123.45" in text and "23 entries" in text
    assert "+$2,023.45 (+33%)" in text
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text
    assert "COGS $3,200.00" in text and "Write-off expense $3,750.95" in text
    assert "no data last month" in json.dumps(summary_blocks(report_view(report(), None)))


def test_the_card_reports_provisions_apart_from_write_offs() -> None:
    current = report()
    current.provisions, current.provision_count = D("5000"), 1
    text = json.dumps(summary_blocks(report_view(current, None)))
    assert "*Provisions* (reserve increases, not write-offs): $5,000.00 in 1 entry" in text
    assert "$8,123.45" in text  # the write-off total is what it was
    assert "Provisions" not in json.dumps(summary_blocks(report_view(report(), None)))


def test_export_csv_is_spreadsheet_safe() -> None:
    rows = [
        {
            "number": "JE-000001",
            "date": "2026-11-02",
            "debit": "600.00",
            "credit": "0.00",
            "source_text": '=HYPERLINK("http://evil")',
            "memo": "+1",
            "sku": "SKU-12",
        }
    ]
    parsed = list(csv.reader(io.StringIO(export_csv(rows).decode())))
    assert parsed[0][:3] == ["number", "date", "status"]
    record = dict(zip(parsed[0], parsed[1], strict=True))
    assert record["source_text"].startswith("'=") and record["memo"] == "'+1"
    assert record["debit"] == "600.00"


def test_history_totals_include_empty_months(engine: Engine, company_id: int) -> None:
    with session_scope(engine) as s:
        for day, qty in ((date(2026, 9, 3), "2"), (date(2026, 11, 3), "4")):
            post_draft(
                s,
                company_id,
                make_draft(qty=qty, cost="10"),
                actor="U1",
                approver="U2",
                entry_date=day,
                max_amount=D("1000000"),
            )
        hist = history_totals(s, company_id, Period.parse("2026-11"), months=4)
    assert hist == {
        "2026-08": D("0.00"),
        "2026-09": D("20.00"),
        "2026-10": D("0.00"),
        "2026-11": D("40.00"),
    }

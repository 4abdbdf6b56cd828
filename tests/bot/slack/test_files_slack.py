"""Files in Slack: a count sheet becomes one adjusting entry (or, per company, one draft
per variance) and a card that stays true after Approve, Reject and partial approval; a photo
becomes evidence."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from ledger.db import session_scope
from ledger.evidence import entries_for, evidence_for
from ledger.models import AuditEvent, Evidence, JournalEntry
from ledger.posting import entry_lines
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, start_app
from tests.bot.slack.test_slack_e2e import entries, wait_until
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    block_actions_payload,
    event_callback_body,
    interaction_body,
    message_event,
    text_field,
    view_submission_payload,
)

SHEET = (
    "Cycle count November\n"
    "Item Code,Bin,QTY ON HAND,Physical Count,Unit-Cost\n"
    "SKU-1,A1,40,31,4.10\n"
    "SKU-2,A2,10,10,9.00\n"
    "\n"
    "SKU-3,B1,5,7,20.00\n"
    "SKU-4,B2,abc,3,1.00\n"
    "SKU-5,B3,12,0,150.00\n"
    "SKU-6,B4,3,1,\n"
)


def share(
    app: RunningApp, name: str, content: bytes, mimetype: str, text: str, ts: str, event_id: str
) -> dict:
    f = app.fake.add_file(name, content, mimetype, REPORTER)
    ev = message_event(text, REPORTER, CHANNEL, ts, subtype="file_share")
    ev["files"] = [f]
    app.post_json(event_callback_body(ev, event_id))
    return f


def summary_card(app: RunningApp) -> dict:
    calls = [c for c in app.fake.calls("chat.postMessage") if "Count sheet" in c.args["text"]]
    return calls[0].response


def summary_blocks(app: RunningApp) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    card = summary_card(app)
    return card, list(app.fake.message(card["channel"], card["ts"]).blocks or [])


def wait_for_summary(app: RunningApp) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    wait_until(
        lambda: any("variance" in c.args["text"] for c in app.fake.calls("chat.update")),
        timeout=10,
    )
    return summary_blocks(app)


def sheet_evidence(app: RunningApp) -> Evidence:
    with session_scope(app.books.engine) as s:
        return s.exec(select(Evidence)).one()


def click(app: RunningApp, action: str, card: dict[str, Any], blocks: list[Any]) -> None:
    ev = sheet_evidence(app)
    payload = block_actions_payload(
        action, str(ev.id), CONTROLLER, card["channel"], card["ts"], blocks=blocks
    )
    app.post(interaction_body(payload))


def buttons(blocks: list[dict[str, Any]]) -> list[str]:
    return [
        el["action_id"] for b in blocks if b["type"] == "actions" for el in b.get("elements", [])
    ]


def assert_sheet_figures(text: str) -> None:
    """What the sheet said, whatever has been decided since: 6 lines read (SKU-4's is not
    a number), 1 unchanged, 4 variances of which SKU-6 has no unit cost."""
    assert "6 lines read" in text and "*4 variance(s)*" in text and "1 unchanged" in text
    assert "1 skipped" in text and "1 unreadable" in text and "line 7" in text
    assert "line 9 SKU-6: no unit cost" in text  # the right reason, not "two lines"
    assert "needs at least two lines" not in text


def test_count_sheet_is_one_adjusting_entry_and_approve_posts_it(running: RunningApp) -> None:
    f = share(
        running, "count-nov.csv", SHEET.encode(), "text/csv", "November count", "1900.0001", "EvS1"
    )
    card, blocks = wait_for_summary(running)
    text = json.dumps(blocks)
    assert_sheet_figures(text)
    assert "$1,836.90" in text  # shrinkage: 9 x 4.10 + 12 x 150 = 36.90 + 1,800.00
    assert "$40.00" in text  # overage: 2 x 20.00
    assert "one adjusting entry* of 4 lines" in text
    assert "5100 Inventory Shrinkage" in text and "1200 Inventory" in text  # the accounts
    for heading in ("SKU", "Expected", "Counted", "Diff", "Unit cost", "Amount", "Line"):
        assert heading in text
    assert buttons(blocks) == ["sheet_approve_all", "sheet_reject"]  # nothing to review
    [entry] = entries(running)
    assert entry.status == "draft" and entry.kind == "count" and entry.total == Decimal("1836.90")
    with session_scope(running.books.engine) as s:
        lines = [
            (a.code, jl.debit, jl.credit, jl.description) for jl, a in entry_lines(s, entry.id or 0)
        ]
        ev = s.exec(select(Evidence)).one()
        assert ev.sha256 == hashlib.sha256(SHEET.encode()).hexdigest()
        assert ev.external_id == f["id"] and ev.kind == "count_sheet"
        assert [e.id for e in entries_for(s, ev.id or 0)] == [entry.id]  # the sheet is its support
        linked = s.exec(select(AuditEvent).where(AuditEvent.action == "evidence_linked")).all()
        assert len(linked) == 1 and ev.sha256 in linked[0].details
    assert [(code, debit, credit) for code, debit, credit, _ in lines] == [
        ("5100", Decimal("36.90"), 0),  # SKU-1 short
        ("5100", 0, Decimal("40.00")),  # SKU-3 over
        ("5100", Decimal("1800.00"), 0),  # SKU-5 short
        ("1200", 0, Decimal("1796.90")),  # the net against inventory
    ]
    assert "SKU-1 at A1: expected 40, counted 31, unit cost $4.10" in lines[0][3]

    click(running, "sheet_approve_all", card, blocks)
    wait_until(lambda: entries(running)[0].status == "posted", timeout=10)
    wait_until(lambda: "Approved" in json.dumps(summary_blocks(running)[1]), timeout=10)
    after = json.dumps(summary_blocks(running)[1])
    assert_sheet_figures(after)  # lines read, unchanged, variances and skipped stay true
    assert "JE-000001" in after and f"<@{CONTROLLER}>" in after
    # Settled: no Approve or Reject any more; a posted count is corrected by reversing it.
    card, blocks = summary_blocks(running)
    assert buttons(blocks) == ["reverse"]
    running.post(
        interaction_body(
            block_actions_payload(
                "reverse",
                str(entry.id),
                CONTROLLER,
                card["channel"],
                card["ts"],
                blocks=blocks,
                trigger_id=running.fake.new_trigger_id(),
            )
        )
    )
    view = running.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == "reverse_entry"
    sub = view_submission_payload(
        "reverse_entry", str(entry.id), text_field("reason", "wrong bay counted"), CONTROLLER
    )
    running.post(interaction_body(sub))
    wait_until(lambda: "Reversed* by *JE-000002" in json.dumps(summary_blocks(running)[1]))
    assert buttons(summary_blocks(running)[1]) == []  # nothing left that applies
    assert [e.status for e in entries(running)] == ["reversed", "posted"]


def test_sheet_reject_rejects_the_count(running: RunningApp) -> None:
    share(running, "count.csv", SHEET.encode(), "text/csv", "", "1900.0004", "EvS3")
    card, blocks = wait_for_summary(running)
    click(running, "sheet_reject", card, blocks)
    wait_until(lambda: all(d.status == "rejected" for d in entries(running)), timeout=10)
    wait_until(lambda: "Rejected" in json.dumps(summary_blocks(running)[1]), timeout=10)
    after = json.dumps(summary_blocks(running)[1])
    assert_sheet_figures(after)
    assert "nothing posted" in after and buttons(summary_blocks(running)[1]) == []


@pytest.fixture
def per_variance(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    yield from start_app(tmp_path, fake_slack, WRITEOFF_COUNT_SHEET_ENTRIES="per-variance")


def test_per_variance_approve_all_settles_the_card_and_hands_over_the_rest(
    per_variance: RunningApp,
) -> None:
    app = per_variance
    share(app, "count.csv", SHEET.encode(), "text/csv", "", "1900.0005", "EvS4")
    card, blocks = wait_for_summary(app)
    assert len(entries(app)) == 4 and all(e.kind == "write_off" for e in entries(app))
    assert buttons(blocks) == ["sheet_approve_all", "sheet_review", "sheet_reject"]
    click(app, "sheet_approve_all", card, blocks)
    wait_until(lambda: "Partly approved" in json.dumps(summary_blocks(app)[1]), timeout=10)
    _, after_blocks = summary_blocks(app)
    after = json.dumps(after_blocks)
    assert_sheet_figures(after)
    assert "3 posted" in after and "1 left as drafts" in after
    assert buttons(after_blocks) == []  # no Review/Reject on a settled card
    statuses = sorted(e.status for e in entries(app))
    assert statuses == ["draft", "posted", "posted", "posted"]
    # The one left over has its own card in the thread, so it can still be fixed.
    wait_until(
        lambda: any(
            c.args.get("thread_ts") == card["ts"] for c in app.fake.calls("chat.postMessage")
        ),
        timeout=10,
    )


def test_per_variance_partial_approval_then_reject_the_rest(per_variance: RunningApp) -> None:
    app = per_variance
    share(app, "count.csv", SHEET.encode(), "text/csv", "", "1900.0006", "EvS5")
    card, blocks = wait_for_summary(app)
    click(app, "sheet_review", card, blocks)  # one card per draft, in the sheet's thread

    def in_thread() -> list[Any]:
        calls = app.fake.calls("chat.postMessage")
        return [c for c in calls if c.args.get("thread_ts") == card["ts"]]

    wait_until(lambda: len(in_thread()) == 4, timeout=10)
    first = entries(app)[0]
    first_card = in_thread()[0].response
    app.post(
        interaction_body(
            block_actions_payload(
                "approve", str(first.id), CONTROLLER, first_card["channel"], first_card["ts"]
            )
        )
    )
    wait_until(lambda: entries(app)[0].status == "posted", timeout=10)
    click(app, "sheet_reject", card, blocks)
    wait_until(lambda: "Partly approved" in json.dumps(summary_blocks(app)[1]), timeout=10)
    _, after_blocks = summary_blocks(app)
    after = json.dumps(after_blocks)
    assert "6 lines read" in after and "1 unchanged" in after
    assert "1 posted" in after and "3 rejected" in after and buttons(after_blocks) == []


def test_unreadable_sheet_says_why_and_drafts_nothing(running: RunningApp) -> None:
    share(running, "notes.csv", b"hello,world\n1,2\n", "text/csv", "", "1900.0002", "EvS2")
    wait_until(
        lambda: any(
            "could not be read" in c.args["text"] for c in running.fake.calls("chat.update")
        ),
        timeout=10,
    )
    assert entries(running) == []


def test_photo_with_a_report_is_linked_as_evidence(running: RunningApp) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    share(
        running,
        "crushed.png",
        png,
        "image/png",
        "4 cases SKU-9 crushed at $12 each",
        "1900.0003",
        "EvP1",
    )
    wait_until(lambda: len(entries(running)) == 1, timeout=10)
    entry_id = entries(running)[0].id or 0
    wait_until(lambda: _evidence(running, entry_id), timeout=10)
    [ev] = _evidence(running, entry_id)
    assert ev.kind == "photo" and ev.sha256 == hashlib.sha256(png).hexdigest()


def _evidence(app: RunningApp, entry_id: int) -> list[Evidence]:
    with session_scope(app.books.engine) as s:
        return evidence_for(s, entry_id)


def test_large_sheet_is_one_entry_of_one_line_per_variance(running: RunningApp) -> None:
    lines = ["sku,expected,counted,unit_cost"] + [
        f"SKU-{i},{10 + i % 5},{8 + i % 3},{1 + i % 9}.50" for i in range(1200)
    ]
    share(running, "big.csv", "\n".join(lines).encode(), "text/csv", "", "1900.0009", "EvB1")
    _card, blocks = wait_for_summary(running)
    [entry] = entries(running)
    with session_scope(running.books.engine) as s:
        posted_lines = entry_lines(s, entry.id or 0)
    variances = sum(1 for i in range(1200) if 10 + i % 5 != 8 + i % 3)
    assert len(posted_lines) == variances + 1  # one per SKU variance, plus the net line
    assert f"one adjusting entry* of {variances + 1:,} lines" in json.dumps(blocks)
    assert isinstance(entry, JournalEntry) and entry.kind == "count"


def test_summary_lines_keep_the_per_sku_detail(tmp_path: Path, fake_slack: FakeSlack) -> None:
    for app in start_app(tmp_path, fake_slack, WRITEOFF_COUNT_SHEET_LINES="summary"):
        share(app, "count.csv", SHEET.encode(), "text/csv", "", "1900.0007", "EvS6")
        _card, blocks = wait_for_summary(app)
        [entry] = entries(app)
        with session_scope(app.books.engine) as s:
            lines = [(a.code, jl.debit, jl.credit) for jl, a in entry_lines(s, entry.id or 0)]
        assert lines == [
            ("5100", Decimal("1836.90"), 0),
            ("5100", 0, Decimal("40.00")),
            ("1200", 0, Decimal("1796.90")),
        ]
        detail = json.loads(entry.details)["variances"]
        assert [row[1] for row in detail] == ["SKU-1", "SKU-3", "SKU-5"]  # per SKU, kept
        assert_sheet_figures(json.dumps(blocks))
        assert "one adjusting entry* of 3 lines" in json.dumps(blocks)


def test_a_count_the_chart_cannot_take_says_why_and_drafts_nothing(running: RunningApp) -> None:
    from ledger.models import Account

    with session_scope(running.books.engine) as s:
        shrinkage = s.exec(select(Account).where(Account.code == "5100")).one()
        shrinkage.active = False
        s.add(shrinkage)
    share(running, "count.csv", SHEET.encode(), "text/csv", "", "1900.0011", "EvS9")
    wait_until(
        lambda: any(
            "could not be booked" in c.args["text"] for c in running.fake.calls("chat.update")
        ),
        timeout=10,
    )
    _card, blocks = summary_blocks(running)
    assert "account 5100 Inventory Shrinkage is inactive" in json.dumps(blocks)
    assert entries(running) == [] and buttons(blocks) == []

"""Files in Slack: a count sheet becomes a batch of drafts; a photo becomes evidence."""

from __future__ import annotations

import hashlib
import json

from sqlmodel import select

from ledger.db import session_scope
from ledger.evidence import entries_for, evidence_for
from ledger.models import AuditEvent, Evidence
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp
from tests.bot.slack.test_slack_e2e import entries, wait_until
from tests.fakes.slack_signing import (
    block_actions_payload,
    event_callback_body,
    interaction_body,
    message_event,
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


def test_count_sheet_drafts_variances_and_approve_all(running: RunningApp) -> None:
    f = share(
        running, "count-nov.csv", SHEET.encode(), "text/csv", "November count", "1900.0001", "EvS1"
    )
    wait_until(
        lambda: any("variances" in c.args["text"] for c in running.fake.calls("chat.update")),
        timeout=10,
    )
    card = summary_card(running)
    blocks = running.fake.message(card["channel"], card["ts"]).blocks
    text = json.dumps(blocks)
    assert "3 variances" in text and "line 7" in text  # SKU-4's bad number is reported
    assert "$1,836.90" in text  # shrinkage: 9 x 4.10 + 12 x 150 = 36.90 + 1,800.00
    assert "$40.00" in text  # overage: 2 x 20.00
    drafts = entries(running)
    assert len(drafts) == 3 and all(d.status == "draft" for d in drafts)
    with session_scope(running.books.engine) as s:
        [ev] = s.exec(select(Evidence)).all()
        assert ev.sha256 == hashlib.sha256(SHEET.encode()).hexdigest()
        assert ev.external_id == f["id"] and ev.kind == "count_sheet"
        assert len(entries_for(s, ev.id or 0)) == 3
        linked = s.exec(select(AuditEvent).where(AuditEvent.action == "evidence_linked")).all()
        assert len(linked) == 3 and ev.sha256 in linked[0].details
    payload = block_actions_payload(
        "sheet_approve_all", str(ev.id), CONTROLLER, card["channel"], card["ts"], blocks=blocks
    )
    running.post(interaction_body(payload))
    wait_until(lambda: all(d.status == "posted" for d in entries(running)), timeout=10)
    accounts = {(d.category, d.total) for d in entries(running)}
    assert ("overage", 40) in accounts


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


def test_sheet_reject_rejects_the_batch(running: RunningApp) -> None:
    share(running, "count.csv", SHEET.encode(), "text/csv", "", "1900.0004", "EvS3")
    wait_until(
        lambda: any("variances" in c.args["text"] for c in running.fake.calls("chat.update")),
        timeout=10,
    )
    card = summary_card(running)
    blocks = running.fake.message(card["channel"], card["ts"]).blocks
    with session_scope(running.books.engine) as s:
        ev = s.exec(select(Evidence)).one()
    click_payload = block_actions_payload(
        "sheet_reject", str(ev.id), CONTROLLER, card["channel"], card["ts"], blocks=blocks
    )
    running.post(interaction_body(click_payload))
    wait_until(lambda: all(d.status == "rejected" for d in entries(running)), timeout=10)


def _evidence(app: RunningApp, entry_id: int) -> list[Evidence]:
    with session_scope(app.books.engine) as s:
        return evidence_for(s, entry_id)


def test_large_sheet_shows_progress_and_review_posts_cards(running: RunningApp) -> None:
    lines = ["sku,expected,counted,unit_cost"] + [
        f"SKU-{i},{10 + i % 5},{8 + i % 3},{1 + i % 9}.50" for i in range(1200)
    ]
    share(running, "big.csv", "\n".join(lines).encode(), "text/csv", "", "1900.0009", "EvB1")
    wait_until(
        lambda: any("variances" in c.args["text"] for c in running.fake.calls("chat.update")),
        timeout=60,
    )
    progress = [c for c in running.fake.calls("chat.update") if " of " in c.args["text"]]
    assert progress and "500 of" in progress[0].args["text"]  # the card moved as it went
    card = summary_card(running)
    blocks = running.fake.message(card["channel"], card["ts"]).blocks
    with session_scope(running.books.engine) as s:
        ev = s.exec(select(Evidence)).one()
    running.post(
        interaction_body(
            block_actions_payload(
                "sheet_review", str(ev.id), CONTROLLER, card["channel"], card["ts"], blocks=blocks
            )
        )
    )
    wait_until(
        lambda: (
            len(
                [
                    c
                    for c in running.fake.calls("chat.postMessage")
                    if c.args.get("thread_ts") == card["ts"]
                ]
            )
            == 40
        ),
        timeout=30,
    )
    eph = running.fake.wait_for("chat.postEphemeral")[-1]
    assert "first 40" in eph.args["text"]

"""Period close, reopen, reminders and reversal from Slack, end to end."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlmodel import select

from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry, PeriodLock
from ledger.posting import period_of
from tests.bot.conftest import CHANNEL, CONTROLLER, CONTROLLER2, REPORTER, RunningApp, block_text
from tests.bot.slack.test_slack_e2e import click, entries, report, wait_until
from tests.fakes.slack_signing import (
    block_actions_payload,
    interaction_body,
    slash_command_body,
    text_field,
    view_submission_payload,
)


def command(app: RunningApp, text: str, user: str, key: str) -> dict:
    app.post(
        slash_command_body(
            text, user, CHANNEL, app.fake.response_url(key), app.fake.new_trigger_id()
        )
    )
    app.fake.wait_for_response(key)
    return app.fake.responses(key)[-1].payload


def audit(app: RunningApp) -> list[str]:
    with session_scope(app.books.engine) as s:
        return [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.seq))]


def test_close_shows_what_is_pending_then_locks_and_approve_offers_the_first_open_day(
    running: RunningApp,
) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id
    month = period_of(date.today())
    assert "Only approvers" in command(running, f"close {month}", REPORTER, "c0")["text"]
    answer = command(running, f"close {month}", CONTROLLER, "c1")
    assert "1 draft(s)" in answer["text"] and "$600.00" in answer["text"]
    button = answer["blocks"][1]["elements"][0]
    assert button["action_id"] == "period_close" and "confirm" in button
    payload = block_actions_payload(
        "period_close",
        month,
        CONTROLLER,
        CHANNEL,
        "1.1",
        blocks=answer["blocks"],
        response_url=running.fake.response_url("c2"),
    )
    running.post(interaction_body(payload))
    running.fake.wait_for_response("c2")
    assert "is closed" in running.fake.responses("c2")[-1].payload["text"]
    with session_scope(running.books.engine) as s:
        assert s.exec(select(PeriodLock)).one().closed

    # Approving into the closed month: refused. Today is in that closed month too, so
    # "Post dated today" would be a dead end: the offer is the first open day instead.
    click(running, "approve", str(eid), CONTROLLER2, ts)
    eph = running.fake.wait_for("chat.postEphemeral")[-1]
    assert "closed" in eph.args["text"]
    assert entries(running)[0].status == "draft"
    offer = json.dumps(eph.args["blocks"])
    first_open = (date.today().replace(day=28) + timedelta(days=4)).replace(day=1)
    assert "approve_redate" in offer and "Post dated today" not in offer
    assert f"Post dated {first_open.isoformat()}" in offer
    redate = block_actions_payload(
        "approve_redate", str(eid), CONTROLLER2, CHANNEL, ts, blocks=eph.args["blocks"]
    )
    running.post(interaction_body(redate))
    wait_until(lambda: entries(running)[0].status == "posted")
    assert entries(running)[0].entry_date == first_open
    # Reopened, today is the first open day again.
    assert "reopened" in command(running, f"reopen {month}", CONTROLLER, "c3")["text"]
    assert {"period_closed", "period_reopened", "approve_failed"} <= set(audit(running))


def test_closed_past_month_redates_into_the_open_one(running: RunningApp) -> None:
    ts = report(running, "6x SKU-410 broken $12 ea")["ts"]
    eid = entries(running)[0].id or 0
    last_month = date.today().replace(day=1) - timedelta(days=1)
    with session_scope(running.books.engine) as s:
        e = s.get(JournalEntry, eid)
        e.entry_date = last_month  # a draft from last month, found late
        s.add(e)
    command(running, f"close {period_of(last_month)}", CONTROLLER, "k1")
    from ledger.posting import close_period

    with session_scope(running.books.engine) as s:
        close_period(s, running.books.company_id, period_of(last_month), actor=CONTROLLER)
    click(running, "approve", str(eid), CONTROLLER, ts)
    eph = running.fake.wait_for("chat.postEphemeral")[-1]
    running.post(
        interaction_body(
            block_actions_payload(
                "approve_redate", str(eid), CONTROLLER, CHANNEL, ts, blocks=eph.args["blocks"]
            )
        )
    )
    wait_until(lambda: entries(running)[0].status == "posted")
    assert entries(running)[0].entry_date == date.today()


def test_remind_posts_now_for_approvers(running: RunningApp) -> None:
    report(running, "2 units SKU-77 stolen from the showroom at $45")
    answer = command(running, "remind", CONTROLLER, "r1")
    assert "Reminder posted" in answer["text"]
    msgs = [
        c
        for c in running.fake.calls("chat.postMessage")
        if "Month-end reminder" in c.args.get("text", "")
    ]
    assert len(msgs) == 1 and "1 draft(s)" in json.dumps(msgs[0].args["blocks"])
    assert "Only approvers" in command(running, "remind", REPORTER, "r2")["text"]


def test_reverse_from_the_card(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id
    click(running, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: "JE-000001" in block_text(running.fake.message(CHANNEL, ts).blocks))
    click(running, "reverse", str(eid), CONTROLLER, ts, trigger_id=running.fake.new_trigger_id())
    view = running.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == "reverse_entry"
    assert "Reverse entry JE-000001?" in json.dumps(view["blocks"])  # its number, not its id
    sub = view_submission_payload(
        "reverse_entry", str(eid), text_field("reason", "counted again: all there"), CONTROLLER
    )
    running.post(interaction_body(sub))
    wait_until(lambda: len(entries(running)) == 2)
    original, reversal = entries(running)
    assert original.status == "reversed" and reversal.reverses_id == original.id
    assert reversal.number == "JE-000002"
    wait_until(lambda: "JE-000002" in block_text(running.fake.message(CHANNEL, ts).blocks))
    # The card's notification text says what happened, not "awaiting approval".
    update = [c for c in running.fake.calls("chat.update") if c.args["ts"] == ts][-1]
    assert update.args["text"] == "Write-off JE-000001 reversed by JE-000002: $600.00"

    def replies() -> list:
        return [c for c in running.fake.calls("chat.postMessage") if c.args.get("thread_ts")]

    wait_until(lambda: bool(replies()))  # the thread note follows the card update
    assert "counted again" in replies()[-1].args["text"]


def test_report_uploads_a_chart_and_posts_a_summary(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    click(running, "approve", str(entries(running)[0].id), CONTROLLER, ts)
    wait_until(lambda: entries(running)[0].status == "posted")
    answer = command(running, "report", CONTROLLER, "rep1")
    assert "posted" in answer["text"]
    uploads = running.fake.uploads()
    [png] = [u for u in uploads.values() if u["filename"].endswith(".png")]
    assert png["content"][:8] == b"\x89PNG\r\n\x1a\n" and png["channel"] == CHANNEL
    summary = [
        c
        for c in running.fake.calls("chat.postMessage")
        if c.args.get("text", "").startswith("Write-offs ")
    ]
    assert summary and "$600.00" in json.dumps(summary[0].args["blocks"])
    exported = command(running, f"export {period_of(date.today())}", CONTROLLER, "rep2")
    assert "2 lines" in exported["text"]
    [csv_file] = [u for u in running.fake.uploads().values() if u["filename"].endswith(".csv")]
    assert b"JE-000001" in csv_file["content"] and b"600.00" in csv_file["content"]
    assert "Usage" in command(running, "export", CONTROLLER, "rep3")["text"]


def test_report_keeps_reserve_increases_apart(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    click(running, "approve", str(entries(running)[0].id), CONTROLLER, ts)
    ts2 = report(running, "increase the obsolescence reserve by $5,000")["ts"]
    provision = entries(running)[1]
    assert provision.category == "reserve_provision"
    click(running, "approve", str(provision.id), CONTROLLER, ts2)
    wait_until(lambda: all(e.status == "posted" for e in entries(running)))
    command(running, "report", CONTROLLER, "rep2")
    summary = [
        c
        for c in running.fake.calls("chat.postMessage")
        if c.args.get("text", "").startswith("Write-offs ")
    ]
    text = json.dumps(summary[0].args["blocks"])
    assert "*$600.00* in 1 entries" in text  # the write-offs alone
    assert "Provisions* (reserve increases, not write-offs): $5,000.00 in 1 entry" in text
    assert "Top reasons:* obsolete $600.00" in text and "reserve" not in text.split("Top SKUs")[0]

"""End to end over HTTP: signed Slack requests in, real Bolt app, fake Slack Web API out."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import select

from bot.slack.ids import Id
from bot.slack.ui.replies import FRIENDLY_ERROR
from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from tests.bot.conftest import (
    CHANNEL,
    CONTROLLER,
    CONTROLLER2,
    REPORTER,
    RunningApp,
    block_text,
    card_blocks,
    start_app,
)
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    block_actions_payload,
    date_field,
    event_callback_body,
    interaction_body,
    message_event,
    message_shortcut_payload,
    select_field,
    slash_command_body,
    text_field,
    view_submission_payload,
)


def entries(app: RunningApp) -> list[JournalEntry]:
    with session_scope(app.books.engine) as s:
        return list(s.exec(select(JournalEntry).order_by(JournalEntry.id)))


def audit_actions(app: RunningApp) -> list[str]:
    with session_scope(app.books.engine) as s:
        return [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.seq))]


def report(
    app: RunningApp, text: str, user: str = REPORTER, *, stored: bool = True
) -> dict[str, Any]:
    """/writeoff TEXT, then wait for its card; returns the card message. `stored`: also wait
    until the app has written where the card is (False: return as soon as Slack shows it)."""
    before = len(app.fake.calls("chat.postMessage"))
    resp = app.post(
        slash_command_body(text, user, CHANNEL, app.fake.response_url(), app.fake.new_trigger_id())
    )
    assert resp.status_code == 200
    calls = app.fake.wait_for("chat.postMessage", before + 1)
    card = calls[before]
    if stored and any(
        el.get("action_id") == "approve"
        for b in card.args.get("blocks") or []
        if b.get("type") == "actions"
        for el in b.get("elements", [])
    ):
        # A person clicks, edits or replies on a card they can see: by then the app has
        # stored where it is (Slack answers the post a moment before that row is written).
        ts = card.response["ts"]
        wait_until(lambda: any(e.card_ts == ts for e in entries(app)))
    return card.response  # type: ignore[no-any-return]


def click(
    app: RunningApp, action_id: str, value: str, user: str, ts: str, trigger_id: str | None = None
) -> Any:
    payload = block_actions_payload(
        action_id,
        value,
        user,
        CHANNEL,
        ts,
        blocks=card_blocks(app.fake, CHANNEL, ts),
        response_url=app.fake.response_url(),
        trigger_id=trigger_id,
    )
    return app.post(interaction_body(payload))


def wait_until(predicate: Any, timeout: float = 15.0) -> None:
    # Generous: it returns as soon as the condition holds, and a loaded 2-core machine
    # running the suite on every core can take seconds to render a chart.
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_report_card_approve_posted_card_updated(running: RunningApp) -> None:
    t0 = time.perf_counter()
    resp = running.post(
        slash_command_body(
            "40 units obsolete SKU-12 at $15",
            REPORTER,
            CHANNEL,
            running.fake.response_url(),
            running.fake.new_trigger_id(),
        )
    )
    # within Slack's 3 s (the < 1 s target is make bench's, not a timed test's)
    assert resp.status_code == 200 and time.perf_counter() - t0 < 3.0
    assert "Drafting" in resp.text
    card = running.fake.wait_for("chat.postMessage")[0]
    assert card.args["channel"] == CHANNEL
    text = block_text(card.args["blocks"])
    assert "5000" in text and "Cost of Goods Sold" in text and "600.00" in text
    assert '"action_id": "approve"' in text
    ts = card.response["ts"]
    running.fake.wait_for_response(count=1)
    assert "Drafted" in running.fake.responses()[-1].payload["text"]

    assert click(running, "approve", str(entries(running)[0].id), CONTROLLER, ts).status_code == 200
    wait_until(lambda: entries(running)[0].status == "posted")
    wait_until(lambda: "JE-000001" in block_text(card_blocks(running.fake, CHANNEL, ts)))
    posted = block_text(card_blocks(running.fake, CHANNEL, ts))
    assert "JE-000001" in posted and CONTROLLER in posted and "QuickBooks" in posted
    assert '"action_id": "approve"' not in posted
    entry = entries(running)[0]
    assert entry.approved_by == CONTROLLER and entry.reporter == REPORTER
    assert entry.channel == CHANNEL and entry.source_text == "40 units obsolete SKU-12 at $15"
    assert audit_actions(running) == ["drafted", "clicked", "posted"]


def test_non_approver_and_self_approval_are_refused(running: RunningApp) -> None:
    ts = report(running, "6x SKU-410 broken $12 ea", user=CONTROLLER)["ts"]
    eid = str(entries(running)[0].id)
    click(running, "approve", eid, REPORTER, ts)  # not an approver
    click(running, "approve", eid, CONTROLLER, ts)  # reported it themselves
    eph = running.fake.wait_for("chat.postEphemeral", 2)
    texts = [c.args["text"] for c in eph]
    assert any("Only approvers" in t for t in texts)
    assert any("segregation of duties" in t for t in texts)
    wait_until(lambda: audit_actions(running).count("approve_refused") == 2)
    assert entries(running)[0].status == "draft"
    assert not running.fake.calls("chat.update")
    click(running, "approve", eid, CONTROLLER2, ts)
    wait_until(lambda: entries(running)[0].status == "posted")


def test_two_controllers_clicking_at_once_post_once(running: RunningApp) -> None:
    ts = report(running, "2 units SKU-77 stolen from the showroom at $45")["ts"]
    eid = str(entries(running)[0].id)
    barrier = threading.Barrier(4)

    def go(user: str) -> None:
        barrier.wait()
        click(running, "approve", eid, user, ts)

    threads = [
        threading.Thread(target=go, args=(u,))
        for u in (CONTROLLER, CONTROLLER2, CONTROLLER, CONTROLLER2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wait_until(lambda: audit_actions(running).count("clicked") == 4)
    time.sleep(0.3)
    assert [e.number for e in entries(running)] == ["JE-000001"]
    assert audit_actions(running).count("posted") == 1
    with session_scope(running.books.engine) as s:
        assert verify_chain(s, running.books.company_id).ok


def test_reject_with_reason_updates_card_and_tells_reporter(running: RunningApp) -> None:
    ts = report(running, "9 cases of SKU-300 crushed at the dock, $18.75 each")["ts"]
    eid = entries(running)[0].id
    trigger = running.fake.new_trigger_id()
    click(running, "reject", str(eid), CONTROLLER, ts, trigger_id=trigger)
    opened = running.fake.wait_for("views.open")[0]
    assert opened.args["view"]["callback_id"] == Id.VIEW_REJECT
    sub = view_submission_payload(
        Id.VIEW_REJECT, str(eid), text_field(Id.REASON, "duplicate of <!here>"), CONTROLLER
    )
    assert running.post(interaction_body(sub)).status_code == 200
    wait_until(lambda: entries(running)[0].status == "rejected")
    thread = [c for c in running.fake.wait_for("chat.postMessage", 2) if c.args.get("thread_ts")]
    assert thread and REPORTER in thread[0].args["text"]
    assert "&lt;!here&gt;" in thread[0].args["text"] and "<!here>" not in thread[0].args["text"]
    wait_until(lambda: "rejected" in block_text(card_blocks(running.fake, CHANNEL, ts)).lower())


def test_edit_shows_field_errors_then_saves(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id
    click(running, "edit", str(eid), CONTROLLER, ts, trigger_id=running.fake.new_trigger_id())
    view = running.fake.wait_for("views.open")[0].args["view"]
    assert view["callback_id"] == Id.VIEW_EDIT and "5000" in json.dumps(view)

    def state(debit: str, credit: str) -> dict[str, Any]:
        return (
            select_field(Id.LINE_ACCOUNT.format(0), "5100")
            | text_field(Id.LINE_DEBIT.format(0), debit)
            | text_field(Id.LINE_CREDIT.format(0), "")
            | select_field(Id.LINE_ACCOUNT.format(1), "1200")
            | text_field(Id.LINE_DEBIT.format(1), "")
            | text_field(Id.LINE_CREDIT.format(1), credit)
            | date_field(Id.EDIT_ENTRY_DATE, None)
            | text_field(Id.EDIT_MEMO, "recounted")
        )

    bad = running.post(
        interaction_body(
            view_submission_payload(Id.VIEW_EDIT, str(eid), state("600.00", "550.00"), CONTROLLER)
        )
    )
    assert bad.json()["response_action"] == "errors"
    assert any("equal" in m for m in bad.json()["errors"].values())
    nonsense = running.post(
        interaction_body(
            view_submission_payload(
                Id.VIEW_EDIT, str(eid), state("six hundred-ish", "600"), CONTROLLER
            )
        )
    )
    assert Id.LINE_DEBIT.format(0) in nonsense.json()["errors"]
    assert entries(running)[0].total == 600  # nothing saved

    good = running.post(
        interaction_body(
            view_submission_payload(Id.VIEW_EDIT, str(eid), state("550.00", "550.00"), CONTROLLER)
        )
    )
    assert good.status_code == 200 and not good.content
    entry = entries(running)[0]
    assert entry.total == 550 and entry.reviewed and entry.edited_by == CONTROLLER
    wait_until(lambda: "5100" in block_text(card_blocks(running.fake, CHANNEL, ts)))
    card = block_text(card_blocks(running.fake, CHANNEL, ts))
    assert "5100" in card and "550.00" in card and "reviewed" in card.lower()


def test_user_text_is_escaped(running: RunningApp) -> None:
    card = report(running, "<!channel> <@U0BOSS> 3 units SKU-1 damaged at $5 <https://evil|click>")
    text = block_text(card_blocks(running.fake, CHANNEL, card["ts"]))
    for raw in ("<!channel>", "<@U0BOSS>", "<https://evil|click>"):
        assert raw not in text
    assert "&lt;!channel&gt;" in text, text


def test_event_retries_and_duplicates_make_one_draft(running: RunningApp) -> None:
    ev = message_event(
        "<@U0BOT> 4 units SKU-9 expired at $20",
        REPORTER,
        CHANNEL,
        "1700.0001",
        event_type="app_mention",
    )
    msg = message_event("<@U0BOT> 4 units SKU-9 expired at $20", REPORTER, CHANNEL, "1700.0001")
    assert running.post_json(event_callback_body(ev, "Ev1")).status_code == 200
    running.post_json(event_callback_body(ev, "Ev1"), retry_num=1)
    running.post_json(event_callback_body(msg, "Ev2"))  # the same message as message.channels
    running.post_json(event_callback_body(ev, "Ev1"), retry_num=2)
    running.fake.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(entries(running)) == 1
    assert (
        len([c for c in running.fake.calls("chat.postMessage") if not c.args.get("thread_ts")]) == 1
    )


def test_watched_channel_ignores_chatter_bots_and_edits(running: RunningApp) -> None:
    for i, (text, extra) in enumerate(
        [
            ("morning all, coffee is in the break room", {}),
            ("12 units SKU-3 damaged at $4", {"bot_id": "B0OTHER"}),
            ("12 units SKU-3 damaged at $4", {"subtype": "message_changed"}),
            ("thanks!", {"thread_ts": "1600.0001"}),
        ]
    ):
        ev = message_event(text, REPORTER, CHANNEL, f"1800.000{i}", **extra)
        running.post_json(event_callback_body(ev, f"EvC{i}"))
    ev = message_event("12 units SKU-3 damaged at $4", REPORTER, "C0OTHER", "1800.0009")
    running.post_json(event_callback_body(ev, "EvOther"))
    time.sleep(0.6)
    assert entries(running) == []
    assert not running.fake.calls("chat.postMessage")
    real = message_event("12 units SKU-3 damaged at $4", REPORTER, CHANNEL, "1800.0010")
    running.post_json(event_callback_body(real, "EvReal"))
    running.fake.wait_for("chat.postMessage")
    assert len(entries(running)) == 1


@pytest.mark.parametrize("problem", ["wrong_secret", "old_timestamp", "no_headers"])
def test_bad_signatures_are_refused_and_nothing_recorded(running: RunningApp, problem: str) -> None:
    import httpx

    from tests.fakes.slack_signing import headers

    body = slash_command_body("40 units obsolete SKU-12 at $15", REPORTER, CHANNEL)
    if problem == "wrong_secret":
        h = headers("not-the-secret", body)
    elif problem == "old_timestamp":
        h = headers("fake-signing-secret", body, timestamp=int(time.time()) - 600)
    else:
        h = {"Content-Type": "application/x-www-form-urlencoded"}
    resp = httpx.post(f"{running.url}/slack/events", content=body, headers=h)
    assert resp.status_code == 401
    time.sleep(0.3)
    assert entries(running) == [] and audit_actions(running) == []
    assert not running.fake.calls("chat.postMessage")


def test_help_and_empty_command(running: RunningApp) -> None:
    resp = running.post(slash_command_body("help", REPORTER, CHANNEL))
    assert "40 units obsolete SKU-12" in resp.text
    trigger = running.fake.new_trigger_id()
    running.post(slash_command_body("", REPORTER, CHANNEL, running.fake.response_url(), trigger))
    assert running.fake.wait_for("views.open")[0].args["trigger_id"] == trigger


def test_unreadable_command_gets_a_helpful_answer(running: RunningApp) -> None:
    running.post(
        slash_command_body(
            "how do I use this?",
            REPORTER,
            CHANNEL,
            running.fake.response_url(),
            running.fake.new_trigger_id(),
        )
    )
    running.fake.wait_for_response()
    assert "40 units" in running.fake.responses()[-1].payload["text"]
    assert entries(running) == []


def test_message_shortcut_drafts_from_the_message(running: RunningApp) -> None:
    ts = running.fake.add_message(CHANNEL, "found 3 drums SKU-55 leaking at $80 each", REPORTER)
    payload = message_shortcut_payload(
        "draft_writeoff",
        CONTROLLER,
        CHANNEL,
        ts,
        "found 3 drums SKU-55 leaking at $80 each",
        REPORTER,
    )
    assert running.post(interaction_body(payload)).status_code == 200
    card = running.fake.wait_for("chat.postMessage")[0]
    assert "240.00" in block_text(card.args["blocks"])
    # The message's author reported it; the controller who ran the shortcut drafted it and
    # may still approve it.
    assert entries(running)[0].reporter == REPORTER
    assert f"Drafted by <@{CONTROLLER}>" in block_text(card.args["blocks"])
    with session_scope(running.books.engine) as s:
        drafted = s.exec(select(AuditEvent).where(AuditEvent.action == "drafted")).one()
        assert drafted.actor == CONTROLLER
    click(running, "approve", str(entries(running)[0].id), CONTROLLER, card.response["ts"])
    wait_until(lambda: entries(running)[0].status == "posted")


def test_exception_in_listener_is_reported_not_silenced(
    tmp_path: Path, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, ctx: Any) -> Any:
        raise RuntimeError("drafter exploded")

    for app in start_app(tmp_path, fake_slack, drafter=broken):
        app.post(
            slash_command_body(
                "40 units obsolete SKU-12 at $15",
                REPORTER,
                CHANNEL,
                app.fake.response_url(),
                app.fake.new_trigger_id(),
            )
        )
        eph = app.fake.wait_for("chat.postEphemeral")[0]
        assert eph.args["text"] == FRIENDLY_ERROR
        assert "drafter exploded" in caplog.text
        assert entries(app) == []


def test_slow_drafter_still_acks_fast(tmp_path: Path, fake_slack: FakeSlack) -> None:
    from ledger.drafting import draft

    def slow(text: str, ctx: Any) -> Any:
        time.sleep(2)
        return draft(text, ctx)

    for app in start_app(tmp_path, fake_slack, drafter=slow):
        t0 = time.perf_counter()
        resp = app.post(
            slash_command_body(
                "40 units obsolete SKU-12 at $15",
                REPORTER,
                CHANNEL,
                app.fake.response_url(),
                app.fake.new_trigger_id(),
            )
        )
        # the drafter sleeps 2 s: an ack well under that did not wait for it (0.5 s was a
        # timing bound that a loaded CI machine crossed once, at 0.6 s)
        assert resp.status_code == 200 and time.perf_counter() - t0 < 1.5
        app.fake.wait_for("chat.postMessage", timeout=6)


def test_several_writeoffs_one_card_each_and_approve_all(running: RunningApp) -> None:
    running.post(
        slash_command_body(
            "3 units SKU-1 damaged at $5; 2 units SKU-2 expired at $7",
            REPORTER,
            CHANNEL,
            running.fake.response_url(),
            running.fake.new_trigger_id(),
        )
    )
    calls = running.fake.wait_for("chat.postMessage", 3)
    all_msg = calls[2]
    assert "approve_all" in block_text(all_msg.args["blocks"])
    ids = ",".join(str(e.id) for e in entries(running))
    click(running, "approve_all", ids, CONTROLLER, all_msg.response["ts"])
    wait_until(lambda: all(e.status == "posted" for e in entries(running)))
    assert sorted(e.number for e in entries(running)) == ["JE-000001", "JE-000002"]
    with session_scope(running.books.engine) as s:
        assert (
            s.exec(
                select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == "posted")
            ).one()
            == 2
        )

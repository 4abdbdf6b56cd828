"""End to end (signed requests into the real app, the fake Slack Web API, the fake Messages
API): the card is posted from the offline reading at once and updated in place by Claude's
second reading; Approve while it is due asks first; replies in the card's thread correct the
draft; the reporter is told what is missing and completes it by replying."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from bot.slack.ids import Id
from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.models import AuditEvent
from tests.bot.conftest import (
    CHANNEL,
    CONTROLLER,
    REPORTER,
    RunningApp,
    block_text,
    card_blocks,
    start_app,
)
from tests.bot.slack.test_slack_e2e import click, entries, report
from tests.bot.slack.test_slack_e2e import wait_until as wait_briefly
from tests.fakes.anthropic_api import (
    FakeAnthropic,
    api_error,
    entry,
    serve_fake_anthropic,
    slow,
    tool_answer,
)
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import event_callback_body, message_event

TEXT = "40 units obsolete SKU-12 at $15"
_events = itertools.count(1)


def claude_entry(**changes: str | None) -> dict[str, Any]:
    fields: dict[str, str | None] = {
        "category": "loss",
        "reason": "obsolete",
        "sku": "SKU-12",
        "quantity": "40",
        "unit": "units",
        "unit_cost": "15",
        "debit_account": "5000",
        "credit_account": "1200",
    }
    fields.update(changes)
    return entry(**fields)


@pytest.fixture
def claude() -> Iterator[FakeAnthropic]:
    with serve_fake_anthropic() as fake:
        yield fake


def with_claude(
    tmp_path: Path, fake_slack: FakeSlack, claude: FakeAnthropic, timeout: str = "5"
) -> Iterator[RunningApp]:
    yield from start_app(
        tmp_path,
        fake_slack,
        ANTHROPIC_API_KEY=claude.api_key,
        ANTHROPIC_BASE_URL=claude.url,
        WRITEOFF_CLAUDE_TIMEOUT=timeout,
    )


@pytest.fixture
def app(tmp_path: Path, fake_slack: FakeSlack, claude: FakeAnthropic) -> Iterator[RunningApp]:
    yield from with_claude(tmp_path, fake_slack, claude)


def wait_until(predicate: Any, timeout: float = 20.0) -> None:
    """Generous: the machine is shared, and a slow pass is not what these tests measure."""
    wait_briefly(predicate, timeout)


def card_text(app: RunningApp, ts: str) -> str:
    return block_text(card_blocks(app.fake, CHANNEL, ts))


def audit(app: RunningApp) -> list[tuple[str, str, dict[str, Any]]]:
    with session_scope(app.books.engine) as s:
        rows = s.exec(select(AuditEvent).order_by(col(AuditEvent.seq)))
        return [(e.action, e.actor, json.loads(e.details)) for e in rows]


def reply_in_thread(app: RunningApp, ts: str, text: str, user: str) -> None:
    # A person replies to a card they can see: by then the app has stored where the card
    # is (chat.postMessage answers before that row is written; on a loaded machine the
    # gap is long enough for a reply sent at once to find no card).
    wait_until(lambda: any(e.card_ts == ts for e in entries(app)))
    n = next(_events)
    reply_ts = f"{ts.split('.')[0]}.9{n:05d}"
    event = message_event(text, user, CHANNEL, reply_ts, thread_ts=ts)
    assert app.post_json(event_callback_body(event, f"Ev{n:08d}")).status_code == 200


def thread_replies(app: RunningApp, ts: str) -> list[str]:
    return [
        c.args["text"] for c in app.fake.calls("chat.postMessage") if c.args.get("thread_ts") == ts
    ]


# -- the second reading ------------------------------------------------------------------------


def test_card_is_posted_at_once_and_updated_in_place_when_claude_agrees(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(slow(tool_answer([claude_entry()]), 2.0))
    ts = report(app, TEXT)["ts"]
    first = card_text(app, ts)
    # posted from the offline reading while Claude is still thinking
    assert "600.00" in first and "Second reading (Claude) on its way" in first
    assert entries(app)[0].second_reading == "pending"
    wait_until(lambda: "agrees" in card_text(app, ts))
    updated = [c for c in app.fake.calls("chat.update") if c.args["ts"] == ts]
    assert updated, "the card is updated in place, not posted again"
    assert len([c for c in app.fake.calls("chat.postMessage") if not c.args.get("thread_ts")]) == 1
    e = entries(app)[0]
    assert e.second_reading == "agreed" and e.total == 600 and (e.confidence or 0) >= 0.9
    redrafted = [a for a in audit(app) if a[0] == "redrafted"]
    assert redrafted and redrafted[0][1] == "second-reading"
    assert "second reading" in redrafted[0][2]["cause"]
    with session_scope(app.books.engine) as s:
        assert verify_chain(s, app.books.company_id).ok


def test_plausible_but_wrong_reading_shows_both_and_drops_confidence(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(tool_answer([claude_entry(quantity="12")]))  # 12 is in the text (SKU-12)
    ts = report(app, TEXT)["ts"]
    wait_until(lambda: "differs" in card_text(app, ts))
    shown = card_text(app, ts)
    assert "Two readings differ on the quantity" in shown and "Which is right?" in shown
    assert "40 units, $600.00" in shown and "12 units, $180.00" in shown
    e = entries(app)[0]
    assert e.second_reading == "differs" and (e.confidence or 1) < 0.9 and e.total == 600


@pytest.mark.parametrize("how", ["slow", "error"])
def test_second_reading_unavailable_after_the_timeout(
    tmp_path: Path, fake_slack: FakeSlack, claude: FakeAnthropic, how: str
) -> None:
    reply = slow(tool_answer([claude_entry()]), 3.0) if how == "slow" else None
    claude.script(reply or api_error(500, "api_error", "boom"))
    for app in with_claude(tmp_path, fake_slack, claude, timeout="0.4"):
        assert_unavailable(app)


def assert_unavailable(app: RunningApp) -> None:
    ts = report(app, TEXT)["ts"]
    wait_until(lambda: "Second reading unavailable" in card_text(app, ts))
    e = entries(app)[0]
    assert e.second_reading == "unavailable" and e.total == 600
    assert (e.confidence or 0) >= 0.9  # the offline reading stands as it was
    assert any(a[0] == "second_reading" and a[2]["state"] == "unavailable" for a in audit(app))


def test_approve_while_the_second_reading_is_due_asks_first(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(slow(tool_answer([claude_entry()]), 4.0))
    ts = report(app, TEXT)["ts"]
    eid = str(entries(app)[0].id)
    click(app, Id.APPROVE, eid, CONTROLLER, ts)
    [asked] = app.fake.wait_for("chat.postEphemeral", timeout=20)
    assert "has not arrived yet" in asked.args["text"]
    assert asked.args["user"] == CONTROLLER
    button = next(
        el for b in asked.args["blocks"] if b["type"] == "actions" for el in b["elements"]
    )
    assert button["action_id"] == Id.APPROVE_PENDING and button["text"]["text"] == (
        "Approve without it"
    )
    assert entries(app)[0].status == "draft"
    click(app, Id.APPROVE_PENDING, button["value"], CONTROLLER, ts)
    wait_until(lambda: entries(app)[0].status == "posted")
    assert entries(app)[0].approved_by == CONTROLLER
    # the reading that arrives later is recorded but changes nothing posted
    wait_until(lambda: entries(app)[0].second_reading == "agreed")
    assert entries(app)[0].number == "JE-000001"


def test_confirmation_is_void_once_the_second_reading_changed_the_draft(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(slow(tool_answer([claude_entry(quantity="12")]), 1.0))
    ts = report(app, TEXT)["ts"]
    eid = str(entries(app)[0].id)
    click(app, Id.APPROVE, eid, CONTROLLER, ts)
    [asked] = app.fake.wait_for("chat.postEphemeral", timeout=20)
    value = next(
        el["value"] for b in asked.args["blocks"] if b["type"] == "actions" for el in b["elements"]
    )
    wait_until(lambda: entries(app)[0].second_reading == "differs")
    click(app, Id.APPROVE_PENDING, value, CONTROLLER, ts)
    said = app.fake.wait_for("chat.postEphemeral", 2, timeout=20)[1].args["text"]
    assert "changed since you were asked" in said
    assert entries(app)[0].status == "draft"


# -- corrections in the thread and the reporter's prompt (offline reader only) -----------------


@pytest.fixture
def offline(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    yield from start_app(tmp_path, fake_slack)


def test_thread_corrections_redraft_the_card_in_place(offline: RunningApp) -> None:
    app = offline
    ts = report(app, TEXT)["ts"]
    reply_in_thread(app, ts, "make that 30", REPORTER)
    wait_until(lambda: entries(app)[0].total == 450)
    wait_until(lambda: "450.00" in card_text(app, ts))
    reply_in_thread(app, ts, "sorry, they were $9 each", CONTROLLER)
    wait_until(lambda: entries(app)[0].total == 270)
    wait_until(lambda: "270.00" in card_text(app, ts))
    e = entries(app)[0]
    assert json.loads(e.details)["quantity"] == "30" and e.status == "draft"
    redrafts = [a for a in audit(app) if a[0] == "redrafted"]
    assert [(r[1], r[2]["said"]) for r in redrafts] == [
        (REPORTER, "make that 30"),
        (CONTROLLER, "sorry, they were $9 each"),
    ]
    assert redrafts[0][2]["before"][0]["debit"] == "600.00"
    wait_until(lambda: len(thread_replies(app, ts)) == 2)
    assert "Updated the draft from your reply: quantity 30" in thread_replies(app, ts)[0]

    # someone else: a polite private refusal, nothing changes
    reply_in_thread(app, ts, "make that 5", "U0SOMEONE")
    eph = app.fake.wait_for("chat.postEphemeral", timeout=20)[0].args
    assert eph["user"] == "U0SOMEONE" and "Only the person who reported" in eph["text"]
    # chatter is ignored
    reply_in_thread(app, ts, "thanks!", REPORTER)
    wait_until(lambda: any(a[0] == "correction_refused" for a in audit(app)))
    assert entries(app)[0].total == 270 and len(thread_replies(app, ts)) == 2


def test_correction_of_a_posted_entry_is_refused_with_a_pointer_to_reverse(
    offline: RunningApp,
) -> None:
    app = offline
    ts = report(app, TEXT)["ts"]
    click(app, Id.APPROVE, str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: entries(app)[0].status == "posted")
    reply_in_thread(app, ts, "actually 12 units", REPORTER)
    wait_until(lambda: len(thread_replies(app, ts)) == 1)
    said = thread_replies(app, ts)[0]
    assert "JE-000001 is already posted" in said and "Reverse" in said
    assert entries(app)[0].total == 600


def test_reporter_is_told_what_is_missing_and_completes_it_by_replying(
    offline: RunningApp,
) -> None:
    app = offline
    ts = report(app, "40 units of SKU-99999 obsolete")["ts"]
    assert '"action_id": "approve"' not in card_text(app, ts)
    assert "can reply in this thread" in card_text(app, ts)
    wait_until(lambda: len(thread_replies(app, ts)) == 1)
    prompt = thread_replies(app, ts)[0]
    assert f"<@{REPORTER}>" in prompt and "What did each unit cost?" in prompt
    assert "at $12 each" in prompt
    reply_in_thread(app, ts, "at $12 each", REPORTER)
    wait_until(lambda: entries(app)[0].total == 480)
    wait_until(lambda: '"action_id": "approve"' in card_text(app, ts))
    assert "Missing" not in card_text(app, ts)
    e = entries(app)[0]
    assert not json.loads(e.details)["missing"]


def test_a_reply_it_cannot_place_gets_a_question_back(offline: RunningApp) -> None:
    app = offline
    ts = report(app, TEXT)["ts"]
    reply_in_thread(app, ts, "it was 4OO", REPORTER)
    wait_until(lambda: len(thread_replies(app, ts)) == 1)
    assert "could not read '4OO' as a number" in thread_replies(app, ts)[0]
    reply_in_thread(app, ts, "$450", REPORTER)  # each, or in total?
    wait_until(lambda: len(thread_replies(app, ts)) == 2)
    assert "Is $450.00 the cost of each unit or the total?" in thread_replies(app, ts)[1]
    assert entries(app)[0].total == 600


def test_reporter_settles_a_disagreement_by_replying(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(tool_answer([claude_entry(quantity="12")]))
    ts = report(app, TEXT)["ts"]
    wait_until(lambda: entries(app)[0].second_reading == "differs")
    wait_until(lambda: len(thread_replies(app, ts)) == 1)
    asked = thread_replies(app, ts)[0]
    assert f"<@{REPORTER}>" in asked and "Which is right?" in asked
    reply_in_thread(app, ts, "it was 40", REPORTER)
    wait_until(lambda: entries(app)[0].second_reading == "superseded")
    e = entries(app)[0]
    # the reporter's words settle what the readings disputed: confident again
    assert e.total == 600 and (e.confidence or 0) >= 0.9
    wait_until(lambda: "Two readings differ" not in card_text(app, ts))
    assert "Second reading" not in card_text(app, ts)


def test_a_correction_that_leaves_the_dispute_open_keeps_the_low_confidence(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(tool_answer([claude_entry(quantity="12")]))
    ts = report(app, TEXT)["ts"]
    wait_until(lambda: entries(app)[0].second_reading == "differs")
    reply_in_thread(app, ts, "they were $16 each", REPORTER)  # the quantity is still disputed
    wait_until(lambda: entries(app)[0].total == 640)
    assert (entries(app)[0].confidence or 1) <= 0.5


def test_approve_all_leaves_drafts_whose_second_reading_is_due(
    app: RunningApp, claude: FakeAnthropic
) -> None:
    claude.script(slow(tool_answer([claude_entry()]), 4.0))
    report(app, "40 units obsolete SKU-12 at $15; 3 units SKU-9 stolen at $40")
    batch = app.fake.wait_for("chat.postMessage", 3, timeout=20)[2]
    ids = ",".join(str(e.id) for e in entries(app))
    assert len(entries(app)) == 2 and "Approve all" in block_text(batch.args["blocks"])
    click(app, Id.APPROVE_ALL, ids, CONTROLLER, batch.response["ts"])
    said = app.fake.wait_for("chat.postEphemeral", timeout=20)[0].args["text"]
    # said once, for both (Approve all groups what it could not post by reason)
    assert said.count("second reading has not arrived yet") == 1
    assert all(f"#{e.id}" in said for e in entries(app))
    assert [e.status for e in entries(app)] == ["draft", "draft"]
    # the readings then arrive and are applied (nothing left running after the test)
    wait_until(lambda: all(e.second_reading != "pending" for e in entries(app)))

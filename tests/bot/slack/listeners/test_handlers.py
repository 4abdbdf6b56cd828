"""Listeners called directly, the way the Bolt starter template tests them: a fake `ack`, a
`Mock(WebClient)` and a context holding the real services on a fresh SQLite database. The
end-to-end suite (signed HTTP, the fake Slack) covers the same journeys through Bolt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services.books import open_books
from bot.services.deps import Deps
from bot.settings import Settings
from bot.slack.app import make_deps
from bot.slack.ids import Id
from bot.slack.listeners.actions import entries, quickbooks
from bot.slack.listeners.commands.writeoff import ack_writeoff
from bot.slack.listeners.common import guarded
from bot.slack.listeners.views.submissions import ack_edit
from bot.slack.ui.replies import FRIENDLY_ERROR
from ledger.db import session_scope
from ledger.models import EntryStatus, JournalEntry
from ledger.posting import close_period, save_draft
from tests.ledger.factories import make_draft

CONTROLLER, WORKER, CHANNEL = "U0CTRL", "U0WORKER", "C0WH"


@pytest.fixture
def deps(tmp_path: Path) -> Iterator[Deps]:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{tmp_path / 'b.db'}",
        WRITEOFF_APPROVERS=CONTROLLER,  # type: ignore[call-arg]
    )
    books = open_books(settings)
    yield make_deps(books, Mock(spec=WebClient))
    books.engine.dispose()


def client() -> Mock:
    mock = Mock(spec=WebClient)
    mock.chat_postMessage.return_value = {"channel": CHANNEL, "ts": "1.2"}
    mock.chat_getPermalink.return_value = {"permalink": "https://x.slack.com/p1"}
    return mock


def context(deps: Deps) -> BoltContext:
    return BoltContext({"deps": deps, "request_id": "test"})


def a_draft(deps: Deps, reporter: str = WORKER, on: date | None = None) -> int:
    with session_scope(deps.books.engine) as s:
        entry = save_draft(
            s,
            deps.books.company_id,
            make_draft(),
            actor=reporter,
            reporter=reporter,
            entry_date=on or date.today(),
        ).entry
        entry.card_channel, entry.card_ts = CHANNEL, "1.1"
        s.add(entry)
        return entry.id or 0


def click(action: Id, value: str, user: str) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": user},
        "channel": {"id": CHANNEL},
        "container": {"channel_id": CHANNEL, "message_ts": "1.1"},
        "actions": [{"action_id": str(action), "value": value, "block_id": "b"}],
        "trigger_id": "t1",
    }


def status(deps: Deps, entry_id: int) -> str:
    with session_scope(deps.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        return str(entry.status)


def test_approve_posts_and_updates_the_card(deps: Deps) -> None:
    eid = a_draft(deps)
    slack = client()
    entries.approve(click(Id.APPROVE, str(eid), CONTROLLER), slack, context(deps))
    assert status(deps, eid) == EntryStatus.POSTED
    update = slack.chat_update.call_args.kwargs
    assert update["channel"] == CHANNEL and update["ts"] == "1.1"
    assert "Posted" in json.dumps(update["blocks"])
    slack.chat_postEphemeral.assert_not_called()  # success needs no private note


def test_reporter_cannot_approve_their_own(deps: Deps) -> None:
    eid = a_draft(deps, reporter=CONTROLLER)
    slack = client()
    entries.approve(click(Id.APPROVE, str(eid), CONTROLLER), slack, context(deps))
    assert status(deps, eid) == EntryStatus.DRAFT
    told = slack.chat_postEphemeral.call_args.kwargs
    assert told["user"] == CONTROLLER and "segregation of duties" in told["text"]
    slack.chat_update.assert_not_called()


def test_a_closed_month_offers_to_post_dated_today(deps: Deps) -> None:
    eid = a_draft(deps, on=date(2026, 1, 15))
    with session_scope(deps.books.engine) as s:
        close_period(s, deps.books.company_id, "2026-01", actor=CONTROLLER)
    slack = client()
    entries.approve(click(Id.APPROVE, str(eid), CONTROLLER), slack, context(deps))
    offer = slack.chat_postEphemeral.call_args.kwargs
    assert "2026-01 is closed" in offer["text"]
    assert str(Id.APPROVE_REDATE) in json.dumps(offer["blocks"])
    entries.approve_redate(click(Id.APPROVE_REDATE, str(eid), CONTROLLER), slack, context(deps))
    assert status(deps, eid) == EntryStatus.POSTED


def test_retry_is_for_approvers_only(deps: Deps) -> None:
    slack = client()
    quickbooks.retry(click(Id.QBO_RETRY, "1,2", WORKER), slack, context(deps))
    assert "Only approvers" in slack.chat_postEphemeral.call_args.kwargs["text"]


def test_the_command_acks_at_once() -> None:
    ack = Mock()
    ack_writeoff(ack, {"text": "help"})
    assert "blocks" in ack.call_args.kwargs
    ack_writeoff(ack, {"text": "40 units <!channel> SKU-12 at $15"})
    said = ack.call_args.kwargs["text"]
    assert said.startswith("Drafting:") and "<!channel>" not in said


def test_edit_submission_errors_stay_on_the_modal(deps: Deps) -> None:
    eid = a_draft(deps)
    ack = Mock()
    values = {
        Id.LINE_ACCOUNT.format(0): {"a": {"selected_option": {"value": "5000"}}},
        Id.LINE_DEBIT.format(0): {"a": {"value": "10.00"}},
        Id.LINE_ACCOUNT.format(1): {"a": {"selected_option": {"value": "1200"}}},
        Id.LINE_CREDIT.format(1): {"a": {"value": "9.00"}},
    }
    body = {
        "user": {"id": CONTROLLER},
        "view": {"private_metadata": str(eid), "state": {"values": values}},
    }
    ack_edit(ack, body, context(deps))
    assert ack.call_args.kwargs["response_action"] == "errors"
    assert status(deps, eid) == EntryStatus.DRAFT


def test_a_failing_listener_tells_the_user_and_logs(
    deps: Deps, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        raise RuntimeError("boom")

    slack = client()
    guarded(explode)(body=click(Id.APPROVE, "999", CONTROLLER), client=slack, context=context(deps))
    assert (
        "not in the books: nothing was posted" in slack.chat_postEphemeral.call_args.kwargs["text"]
    )
    failed = [r for r in caplog.records if "explode failed" in r.getMessage()]
    assert failed and failed[0].exc_info is not None
    # Drafting never posts: there "nothing was posted" is what happened.
    guarded(explode)(
        body={"user_id": WORKER, "channel_id": CHANNEL}, client=slack, context=context(deps)
    )
    assert slack.chat_postEphemeral.call_args.kwargs["text"] == FRIENDLY_ERROR


def test_a_failure_after_the_commit_is_answered_from_the_books(deps: Deps) -> None:
    """The answer says what the books hold after the failure: a draft is still a draft, a
    posted entry is posted (never "nothing was posted")."""
    draft_id, posted_id = a_draft(deps), a_draft(deps)

    def post_then_explode(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        entries.decisions.approve(deps, CONTROLLER, posted_id)
        raise RuntimeError("database went away after the commit")

    slack = client()
    for entry_id in (draft_id, posted_id):
        guarded(post_then_explode)(
            body=click(Id.APPROVE, str(entry_id), CONTROLLER), client=slack, context=context(deps)
        )
    first, second = (c.kwargs["text"] for c in slack.chat_postEphemeral.call_args_list)
    assert f"Nothing was posted: #{draft_id} is still a draft" in first
    assert "Posted as JE-000001; the QuickBooks push will be retried" in second
    assert "othing was posted" not in second

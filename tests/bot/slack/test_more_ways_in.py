"""The form, the approval channel, user-group approvers, and /writeoff status."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.ids import Id
from tests.bot.conftest import CHANNEL, REPORTER, RunningApp, start_app
from tests.bot.slack.test_slack_e2e import entries, wait_until
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    interaction_body,
    select_field,
    slash_command_body,
    text_field,
    view_submission_payload,
)

APPROVALS = "C0APPROVALS"
GROUP = "S0CONTROLLERS"
GROUP_MEMBER = "U0GROUPIE"


@pytest.fixture
def routed(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    fake_slack.usergroups[GROUP] = [GROUP_MEMBER]
    yield from start_app(
        tmp_path, fake_slack, WRITEOFF_APPROVAL_CHANNEL=APPROVALS, WRITEOFF_APPROVERS=GROUP
    )


def form_state(qty: str, cost: str, reason: str = "damaged", note: str = "") -> dict:
    return (
        text_field(Id.FORM_SKU, "SKU-12")
        | text_field(Id.FORM_QUANTITY, qty)
        | text_field(Id.FORM_UNIT_COST, cost)
        | text_field(Id.FORM_TOTAL, "")
        | select_field(Id.FORM_REASON, reason)
        | text_field(Id.FORM_LOCATION, "dock")
        | text_field(Id.FORM_NOTE, note)
    )


def test_form_validates_then_drafts(running: RunningApp) -> None:
    bad = running.post(
        interaction_body(
            view_submission_payload("writeoff_form", CHANNEL, form_state("lots", "15"), REPORTER)
        )
    )
    assert bad.json()["response_action"] == "errors" and Id.FORM_QUANTITY in bad.json()["errors"]
    ok = running.post(
        interaction_body(
            view_submission_payload(
                "writeoff_form",
                CHANNEL,
                form_state("40", "15", note="forklift hit the rack"),
                REPORTER,
                view_id="V0FORM1",
            )
        )
    )
    assert ok.status_code == 200 and not ok.content
    card = running.fake.wait_for("chat.postMessage")[0]
    text = json.dumps(card.args["blocks"])
    assert "600.00" in text and "5000" in text, text
    assert card.args["channel"] == CHANNEL
    assert len(entries(running)) == 1  # the refused submission drafted nothing
    assert entries(running)[0].memo == "forklift hit the rack"  # the note is the memo
    assert "forklift hit the rack" in text


def test_cards_go_to_the_approval_channel_and_groups_approve(routed: RunningApp) -> None:
    routed.post(
        slash_command_body(
            "40 units obsolete SKU-12 at $15",
            REPORTER,
            CHANNEL,
            routed.fake.response_url("a1"),
            routed.fake.new_trigger_id(),
        )
    )
    card = routed.fake.wait_for("chat.postMessage")[0]
    assert card.args["channel"] == APPROVALS
    routed.fake.wait_for_response("a1")
    assert "approval channel" in routed.fake.responses("a1")[-1].payload["text"]
    ts = card.response["ts"]
    from tests.fakes.slack_signing import block_actions_payload

    payload = block_actions_payload(
        "approve",
        str(entries(routed)[0].id),
        GROUP_MEMBER,
        APPROVALS,
        ts,
        blocks=routed.fake.message(APPROVALS, ts).blocks,
    )
    routed.post(interaction_body(payload))
    wait_until(lambda: entries(routed)[0].status == "posted")
    assert routed.fake.calls("usergroups.users.list")


def test_status_command_without_quickbooks(running: RunningApp) -> None:
    running.post(
        slash_command_body(
            "status",
            REPORTER,
            CHANNEL,
            running.fake.response_url("s1"),
            running.fake.new_trigger_id(),
        )
    )
    running.fake.wait_for_response("s1")
    assert "not configured" in running.fake.responses("s1")[-1].payload["text"]

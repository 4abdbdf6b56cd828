"""The controller's desk, end to end (issue 10): edits that keep the facts and re-check the
policy, preparers who may not approve alone, the approval matrix, dual approval, and Approve
all saying once what it could not approve."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.settings import SettingsError, load_settings
from bot.slack.ids import Id
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalLine
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
from tests.bot.slack.test_slack_e2e import click, entries, report
from tests.bot.slack.test_slack_e2e import wait_until as _wait_until
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    date_field,
    interaction_body,
    select_field,
    slash_command_body,
    text_field,
    view_submission_payload,
)

CFO = "U0CFO01"


def wait_until(predicate: Any) -> None:
    _wait_until(predicate, timeout=15.0)  # the machine is shared: generous, never slow


FINLEAD = "U0FINLEAD"


def lines_of(app: RunningApp, entry_id: int) -> list[JournalLine]:
    with session_scope(app.books.engine) as s:
        return list(
            s.exec(
                select(JournalLine)
                .where(JournalLine.entry_id == entry_id)
                .order_by(JournalLine.line_no)  # type: ignore[arg-type]
            )
        )


def audit(app: RunningApp, action: str) -> list[AuditEvent]:
    with session_scope(app.books.engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)))


def edit(
    app: RunningApp,
    entry_id: int,
    user: str,
    rows: list[tuple[str, str, str]],
    memo: str = "",
    day: date | None = None,
) -> Any:
    state: dict[str, Any] = {}
    for i, (account, debit, credit) in enumerate(rows):
        state |= (
            select_field(Id.LINE_ACCOUNT.format(i), account)
            | text_field(Id.LINE_DEBIT.format(i), debit)
            | text_field(Id.LINE_CREDIT.format(i), credit)
        )
    state |= date_field(Id.EDIT_ENTRY_DATE, day) | text_field(Id.EDIT_MEMO, memo)
    sub = view_submission_payload(Id.VIEW_EDIT, str(entry_id), state, user)
    return app.post(interaction_body(sub))


def ephemerals_to(app: RunningApp, user: str) -> list[str]:
    return [c.args["text"] for c in app.fake.calls("chat.postEphemeral") if c.args["user"] == user]


def card_text(app: RunningApp, ts: str) -> str:
    return block_text(card_blocks(app.fake, CHANNEL, ts))


# -- §1 edits keep the facts and re-check the policy ------------------------------------------


def test_a_date_only_edit_keeps_every_line_fact_and_makes_no_preparer(
    running: RunningApp,
) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15 in aisle 4")["ts"]
    eid = entries(running)[0].id or 0
    before = [
        (ln.sku, ln.quantity, ln.unit_cost, ln.location, ln.description)
        for ln in lines_of(running, eid)
    ]
    assert before[0][0] == "SKU-12" and before[0][1] == 40
    resp = edit(
        running,
        eid,
        CONTROLLER,
        [("5000", "600.00", ""), ("1200", "", "600.00")],
        memo="recounted",
        day=date(2026, 1, 15),
    )
    assert resp.status_code == 200 and not resp.content
    after = [
        (ln.sku, ln.quantity, ln.unit_cost, ln.location, ln.description)
        for ln in lines_of(running, eid)
    ]
    assert after == before
    assert json.loads(audit(running, "edited")[0].details)["lines_changed"] is False
    # Only the date changed: the editor is no preparer and may approve.
    click(running, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: entries(running)[0].status == "posted")
    # The month's report and the CSV still know the SKU (not "(no SKU)").
    from bot.services import reports
    from ledger.periods import Period

    month = Period.of(date(2026, 1, 15))
    assert {r["sku"] for r in reports.month_rows(running.deps, month)} == {"SKU-12"}
    assert list(reports.writeoffs(running.deps, month).by_sku) == ["SKU-12"]


def test_an_account_edit_recomputes_the_explanation_and_shows_the_exception(
    running: RunningApp,
) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id or 0
    assert "Confidence" in card_text(running, ts)
    edit(running, eid, CONTROLLER, [("1000", "600.00", ""), ("1200", "", "600.00")])
    wait_until(lambda: "Policy exceptions" in card_text(running, ts))
    card = card_text(running, ts)
    assert "1000 Cash is not one of the write-off accounts" in card
    assert "the edited lines post Dr 1000" in card and "instead" in card
    assert "Confidence" not in card and f"Reviewed by <@{CONTROLLER}>" in card
    assert f"Changed by <@{CONTROLLER}>" in card
    # The facts stay with the line that was re-pointed.
    assert [ln.sku for ln in lines_of(running, eid)] == ["SKU-12", "SKU-12"]

    click(running, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: any("breaks the policy" in t for t in ephemerals_to(running, CONTROLLER)))
    assert entries(running)[0].status == "draft"
    assert audit(running, "approve_refused")
    click(running, "approve", str(eid), CONTROLLER2, ts)
    wait_until(lambda: entries(running)[0].status == "posted")


@pytest.fixture
def self_approval(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    yield from start_app(tmp_path, fake_slack, WRITEOFF_ALLOW_SELF_APPROVAL="true")


def test_cogs_over_materiality_is_an_exception_even_with_self_approval(
    self_approval: RunningApp,
) -> None:
    app = self_approval
    ts = report(app, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(app)[0].id or 0
    edit(app, eid, CONTROLLER, [("5000", "1600.00", ""), ("1200", "", "1600.00")])
    wait_until(lambda: "1,600.00" in card_text(app, ts))
    card = card_text(app, ts)
    assert "at or over the $1,000.00 materiality threshold" in card
    assert "Policy exceptions" in card and "the policy puts it in 5200" in card
    click(app, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: any("breaks the policy" in t for t in ephemerals_to(app, CONTROLLER)))
    assert entries(app)[0].status == "draft"


def test_whoever_changes_the_lines_may_not_approve_alone(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id or 0
    edit(running, eid, CONTROLLER, [("5100", "550.00", ""), ("1200", "", "550.00")])
    wait_until(lambda: "550.00" in card_text(running, ts))
    assert "Policy exceptions" not in card_text(running, ts)  # 5100 is a write-off account
    click(running, "approve", str(eid), CONTROLLER, ts)
    wait_until(
        lambda: any("changed this draft's lines" in t for t in ephemerals_to(running, CONTROLLER))
    )
    assert entries(running)[0].status == "draft"
    click(running, "approve", str(eid), CONTROLLER2, ts)
    wait_until(lambda: entries(running)[0].status == "posted")


# -- §2 the approval matrix --------------------------------------------------------------------


@pytest.fixture
def tiered(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    fake_slack.usergroups["S0FINLEADS"] = [FINLEAD]
    yield from start_app(
        tmp_path,
        fake_slack,
        WRITEOFF_APPROVERS="",
        WRITEOFF_APPROVAL_RULES=f"0:{CONTROLLER},{CONTROLLER2};10000:{CFO},S0FINLEADS",
        WRITEOFF_DUAL_APPROVAL_FROM="5000",
    )


def test_an_approver_below_the_tier_is_refused_and_the_card_names_the_tier(
    tiered: RunningApp,
) -> None:
    ts = report(tiered, "lost 2 pallets SKU-9 in the flood, $12,000 total")["ts"]
    eid = entries(tiered)[0].id or 0
    card = card_text(tiered, ts)
    assert f"needs <@{CFO}> or <!subteam^S0FINLEADS>" in card
    click(tiered, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: any("not in that tier" in t for t in ephemerals_to(tiered, CONTROLLER)))
    assert any(
        "Write-offs of $10,000.00 or more need an approver from" in t
        for t in ephemerals_to(tiered, CONTROLLER)
    )
    assert entries(tiered)[0].status == "draft"
    # The group member and the CFO are two different approvers of the tier.
    click(tiered, "approve", str(eid), FINLEAD, ts)
    wait_until(lambda: "1 of 2 approvals" in card_text(tiered, ts))
    click(tiered, "approve", str(eid), CFO, ts)
    wait_until(lambda: entries(tiered)[0].status == "posted")
    assert entries(tiered)[0].approved_by == CFO


def test_dual_approval_audits_the_first_and_posts_on_the_second(tiered: RunningApp) -> None:
    ts = report(tiered, "300 units SKU-4 obsolete at $20")["ts"]  # $6,000: two approvers
    eid = entries(tiered)[0].id or 0
    assert "Needs 2 different approvers" in card_text(tiered, ts)
    click(tiered, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: "1 of 2 approvals" in card_text(tiered, ts))
    assert f"<@{CONTROLLER}> approved" in card_text(tiered, ts)
    assert entries(tiered)[0].status == "draft"
    first = audit(tiered, "approval_recorded")
    assert len(first) == 1 and first[0].actor == CONTROLLER
    wait_until(lambda: any("second" in t for t in ephemerals_to(tiered, CONTROLLER)))
    click(tiered, "approve", str(eid), CONTROLLER, ts)  # the same person again
    wait_until(lambda: any("approved this already" in t for t in ephemerals_to(tiered, CONTROLLER)))
    assert entries(tiered)[0].status == "draft"
    click(tiered, "approve", str(eid), CFO, ts)  # a higher tier may approve lower amounts
    wait_until(lambda: entries(tiered)[0].status == "posted")
    entry = entries(tiered)[0]
    assert entry.approved_by == CFO and entry.number == "JE-000001"
    assert len(audit(tiered, "posted")) == 1


def test_changing_the_lines_after_a_first_approval_starts_over(tiered: RunningApp) -> None:
    ts = report(tiered, "300 units SKU-4 obsolete at $20")["ts"]
    eid = entries(tiered)[0].id or 0
    click(tiered, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: "1 of 2 approvals" in card_text(tiered, ts))
    # The approval was for $6,000 to 5200; the lines change: it no longer counts.
    edit(tiered, eid, CONTROLLER2, [("5100", "5500.00", ""), ("1200", "", "5500.00")])
    wait_until(lambda: "5,500.00" in card_text(tiered, ts))
    assert "1 of 2 approvals" not in card_text(tiered, ts)
    assert "Needs 2 different approvers" in card_text(tiered, ts)
    click(tiered, "approve", str(eid), CFO, ts)
    wait_until(lambda: "1 of 2 approvals" in card_text(tiered, ts))
    assert entries(tiered)[0].status == "draft"
    click(tiered, "approve", str(eid), CONTROLLER, ts)
    wait_until(lambda: entries(tiered)[0].status == "posted")


def test_a_small_entry_needs_one_approver_of_its_tier(tiered: RunningApp) -> None:
    ts = report(tiered, "3 units SKU-1 damaged at $5")["ts"]
    click(tiered, "approve", str(entries(tiered)[0].id), CONTROLLER, ts)
    wait_until(lambda: entries(tiered)[0].status == "posted")


def test_approve_all_respects_tiers_and_says_once_what_it_could_not(tiered: RunningApp) -> None:
    tiered.post(
        slash_command_body(
            "3 units SKU-1 damaged at $5; 2 units SKU-2 expired at $7000; "
            "4 units SKU-3 expired at $5000",
            REPORTER,
            CHANNEL,
            tiered.fake.response_url(),
            tiered.fake.new_trigger_id(),
        )
    )
    calls = tiered.fake.wait_for("chat.postMessage", 4)
    all_msg = calls[3]
    ids = [e.id or 0 for e in entries(tiered)]
    click(tiered, "approve_all", ",".join(map(str, ids)), CONTROLLER, all_msg.response["ts"])
    wait_until(lambda: entries(tiered)[0].status == "posted")
    wait_until(lambda: any("Not posted" in t for t in ephemerals_to(tiered, CONTROLLER)))
    notes = [t for t in ephemerals_to(tiered, CONTROLLER) if "Not posted" in t]
    assert len(notes) == 1
    note = notes[0]
    assert f"#{ids[1]}, #{ids[2]}:" in note and note.count("not in that tier") == 1
    assert [e.status for e in entries(tiered)] == ["posted", "draft", "draft"]


def test_bad_approval_rules_name_the_setting() -> None:
    for bad in ("10000", "abc:U0CFO01", "0:nobody", "0:U0A;0:U0B", "5:"):
        with pytest.raises(SettingsError, match="WRITEOFF_APPROVAL_RULES"):
            load_settings(_env_file=None, WRITEOFF_APPROVAL_RULES=bad)
    with pytest.raises(SettingsError, match="WRITEOFF_DUAL_APPROVAL_FROM"):
        load_settings(_env_file=None, WRITEOFF_DUAL_APPROVAL_FROM="-5")
    ok = load_settings(_env_file=None, WRITEOFF_APPROVAL_RULES="10000:U0CFO01,S0FIN; 0:S0CTRL")
    assert ok.approval_tiers == [
        (Decimal("0.00"), ["S0CTRL"]),
        (Decimal("10000.00"), ["U0CFO01", "S0FIN"]),
    ]


# -- §5 reports and exports are for approvers and report viewers -------------------------------


def command(app: RunningApp, text: str, user: str, key: str) -> dict[str, Any]:
    app.post(
        slash_command_body(
            text, user, CHANNEL, app.fake.response_url(key), app.fake.new_trigger_id()
        )
    )
    app.fake.wait_for_response(key, timeout=15)
    return app.fake.responses(key)[-1].payload  # type: ignore[no-any-return]


@pytest.fixture
def viewers(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[RunningApp]:
    fake_slack.usergroups["S0AUDITORS"] = ["U0AUDITOR"]
    yield from start_app(tmp_path, fake_slack, WRITEOFF_REPORT_VIEWERS="S0AUDITORS")


def test_reports_and_exports_are_refused_to_others_privately(viewers: RunningApp) -> None:
    month = date.today().strftime("%Y-%m")
    for n, text in enumerate(("report", f"export {month}")):
        answer = command(viewers, text, REPORTER, f"refused{n}")
        assert "Only approvers and report viewers" in answer["text"]
        assert answer.get("response_type") == "ephemeral"
    assert viewers.fake.uploads() == {}
    assert not [
        c
        for c in viewers.fake.calls("chat.postMessage")
        if c.args.get("text", "").startswith("Write-offs")
    ]
    assert len(audit(viewers, "report_refused")) == 1 and len(audit(viewers, "export_refused")) == 1
    # A report viewer (through their user group) may export.
    answer = command(viewers, f"export {month}", "U0AUDITOR", "viewer")
    assert "exported" in answer["text"]
    assert any(u["filename"].endswith(".csv") for u in viewers.fake.uploads().values())


def test_no_dead_end_when_every_month_ahead_is_closed() -> None:
    from bot.slack.ui.month_end import redate_offer

    today = date(2026, 12, 3)
    none = json.dumps(redate_offer(7, "2026-12 is closed.", None, today))
    assert "approve_redate" not in none and "reopen" in none
    later = json.dumps(redate_offer(7, "2026-12 is closed.", date(2027, 1, 1), today))
    assert "Post dated 2027-01-01" in later and "the first open day" in later
    now = json.dumps(redate_offer(7, "2026-11 is closed.", today, today))
    assert "Post dated today" in now

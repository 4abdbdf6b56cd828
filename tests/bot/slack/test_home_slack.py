"""The App Home tab end to end (issue 10 §3): opened by an approver and by staff, Approve from
the queue, refreshed when something it shows changes, never faster than one views.publish
per person per second."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from bot.services.display import HomeEntry, HomePush, HomeView
from bot.slack.ids import Id
from bot.slack.ui.home import home_view
from tests.bot.conftest import CHANNEL, CONTROLLER, CONTROLLER2, REPORTER, RunningApp, card_blocks
from tests.bot.slack.test_slack_e2e import click, entries, report
from tests.bot.slack.test_slack_e2e import wait_until as _wait_until
from tests.fakes.slack_api import check_view
from tests.fakes.slack_signing import (
    app_home_opened_event,
    event_callback_body,
    home_action_payload,
    interaction_body,
    slash_command_body,
)


def wait_until(predicate: Any) -> None:
    _wait_until(predicate, timeout=15.0)


def render(view: dict[str, Any]) -> str:
    """The Home tab as a person reads it, top to bottom: headers, text, context, buttons."""
    out: list[str] = []
    for block in view["blocks"]:
        kind = block["type"]
        if kind == "header":
            out.append(f"# {block['text']['text']}")
        elif kind == "section":
            out.append(block["text"]["text"])
        elif kind == "context":
            out.append(" ".join(e.get("text", "") for e in block["elements"]))
        elif kind == "actions":
            out.append(" ".join(f"[{e['text']['text']}]" for e in block["elements"]))
        elif kind == "divider":
            out.append("---")
    return "\n".join(out)


def open_home(app: RunningApp, user: str, n: int) -> dict[str, Any]:
    before = len([c for c in app.fake.calls("views.publish") if c.args["user_id"] == user])
    app.post_json(event_callback_body(app_home_opened_event(user), f"EvHome{user}{n}"))
    wait_until(
        lambda: (
            len([c for c in app.fake.calls("views.publish") if c.args["user_id"] == user]) > before
        )
    )
    home = app.fake.home(user)
    assert home is not None
    return home


def publishes(app: RunningApp, user: str) -> list[float]:
    return [c.at for c in app.fake.calls("views.publish") if c.args["user_id"] == user and c.ok]


def test_an_approver_sees_the_drafts_waiting_for_them_oldest_first(running: RunningApp) -> None:
    first = report(running, "40 units obsolete SKU-12 at $15")
    report(running, "6x SKU-410 broken $12 ea", user=CONTROLLER)  # theirs: not for them
    report(running, "2 units SKU-77 stolen from the showroom at $45")
    # The approver opens Home once the cards are up (each card's place is stored just after
    # Slack answers the post; the Home links to it).
    _wait_until(lambda: all(e.card_ts for e in entries(running)))
    home = open_home(running, CONTROLLER, 1)
    text = render(home)
    assert text.index("# Waiting for you") < text.index("# Your reports")
    assert "2 draft(s) for $690.00, oldest first" in text
    assert text.index("$600.00") < text.index("$90.00")  # oldest first
    assert "$72.00" not in text.split("# Your reports")[0]  # their own report waits for others
    assert f"reported by <@{REPORTER}>" in text and "confidence 97%" in text
    assert "waiting 0 min" in text and "obsolete" in text
    assert text.count("[Approve] [Open]") == 2
    open_button = next(
        e
        for b in home["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == Id.HOME_OPEN
    )
    assert (
        open_button["url"].startswith("https://")
        and first["ts"].replace(".", "") in (open_button["url"])
    )
    assert "# This month" in text and "$0.00* written off in 0 posted entries" in text
    assert "[Send me the report]" in text
    # Their own report, with its state.
    assert "$72.00 · broken · *waiting for approval*" in text.split("# Your reports")[1]


def test_staff_see_their_own_reports_and_their_state(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    report(running, "2 units SKU-77 stolen from the showroom at $45")
    click(running, "approve", str(entries(running)[0].id), CONTROLLER, ts)
    wait_until(lambda: entries(running)[0].status == "posted")
    text = render(open_home(running, REPORTER, 1))
    assert "Waiting for you" not in text and "This month" not in text
    assert "*JE-000001* · $600.00 · obsolete · *posted*" in text
    assert "$90.00 · stolen · *waiting for approval*" in text
    assert "[Approve]" not in text


def test_approve_from_home_posts_and_refreshes_every_open_home(running: RunningApp) -> None:
    ts = report(running, "40 units obsolete SKU-12 at $15")["ts"]
    eid = entries(running)[0].id or 0
    home = open_home(running, CONTROLLER, 1)
    open_home(running, REPORTER, 1)
    running.post(interaction_body(home_action_payload(Id.HOME_APPROVE, str(eid), CONTROLLER, home)))
    wait_until(lambda: entries(running)[0].status == "posted")
    # The card, the approver's queue and the reporter's list all follow.
    wait_until(lambda: "JE-000001" in str(card_blocks(running.fake, CHANNEL, ts)))
    wait_until(lambda: "Nothing is waiting" in render(running.fake.home(CONTROLLER) or {}))
    assert "$600.00* written off in 1 posted entry" in render(running.fake.home(CONTROLLER) or {})
    wait_until(lambda: "*posted*" in render(running.fake.home(REPORTER) or {}))


def test_home_approve_follows_the_same_rules(running: RunningApp) -> None:
    report(running, "40 units obsolete SKU-12 at $15", user=CONTROLLER2)
    eid = entries(running)[0].id or 0
    home = open_home(running, CONTROLLER, 1)
    # A forged click for a draft they may not approve (their own) is refused in a DM.
    report(running, "6x SKU-410 broken $12 ea", user=CONTROLLER)
    own = entries(running)[1].id or 0
    forged = home_action_payload(Id.HOME_APPROVE, str(eid), CONTROLLER, home)
    forged["actions"][0]["value"] = str(own)
    running.post(interaction_body(forged))
    wait_until(
        lambda: any(
            c.args["channel"] == CONTROLLER and "segregation of duties" in c.args["text"]
            for c in running.fake.calls("chat.postMessage")
        )
    )
    assert entries(running)[1].status == "draft"


def test_a_burst_of_changes_publishes_at_most_once_per_person_per_second(
    running: RunningApp,
) -> None:
    open_home(running, CONTROLLER, 1)
    running.post(
        slash_command_body(
            "3 units SKU-1 damaged at $5; 2 units SKU-2 expired at $7; 4 units SKU-3 lost at $2",
            REPORTER,
            CHANNEL,
            running.fake.response_url(),
            running.fake.new_trigger_id(),
        )
    )
    calls = running.fake.wait_for("chat.postMessage", 4)
    ids = ",".join(str(e.id) for e in entries(running))
    click(running, "approve_all", ids, CONTROLLER2, calls[3].response["ts"])
    wait_until(lambda: all(e.status == "posted" for e in entries(running)))
    wait_until(lambda: "in 3 posted entries" in render(running.fake.home(CONTROLLER) or {}))
    assert "Nothing is waiting" in render(running.fake.home(CONTROLLER) or {})
    times = publishes(running, CONTROLLER)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert gaps and min(gaps) >= 0.95, gaps
    # Seven changes (three drafts, three posts, the pushes) came as far fewer publishes.
    assert len(times) <= 5, len(times)


def test_home_report_button_is_for_approvers(running: RunningApp) -> None:
    staff_home = open_home(running, REPORTER, 1)
    assert "Send me the report" not in render(staff_home)
    home = open_home(running, CONTROLLER, 1)
    month = datetime.now(UTC).strftime("%Y-%m")
    running.post(interaction_body(home_action_payload(Id.HOME_REPORT, month, CONTROLLER, home)))
    wait_until(
        lambda: any(
            c.args["channel"] == CONTROLLER and c.args.get("text") == f"Write-offs {month}"
            for c in running.fake.calls("chat.postMessage")
        )
    )
    forged = home_action_payload(Id.HOME_REPORT, month, CONTROLLER, home)
    forged["user"]["id"] = REPORTER
    running.post(interaction_body(forged))
    wait_until(
        lambda: any(
            c.args["channel"] == REPORTER and "Only approvers and report viewers" in c.args["text"]
            for c in running.fake.calls("chat.postMessage")
        )
    )


# -- the view itself ---------------------------------------------------------------------------


def test_a_full_home_stays_within_slacks_limits_and_reads_in_order() -> None:
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    waiting = tuple(
        HomeEntry(
            entry_id=i,
            number=None,
            total=Decimal("125.00") * i,
            reason="damaged <b>" if i == 1 else "expired",
            reporter="U0WORKER",
            created_at=now - timedelta(hours=50 - i),
            status="draft",
            confidence=0.62,
            complete=i != 2,
            card=(CHANNEL, f"1700000000.{i:06d}"),
            approvals=1 if i == 3 else 0,
            approvals_needed=2 if i == 3 else 1,
        )
        for i in range(1, 16)
    )
    view = HomeView(
        user=CONTROLLER,
        approver=True,
        currency="USD",
        now=now,
        waiting=waiting,
        waiting_count=40,
        waiting_total=Decimal("99999.00"),
        pushes=tuple(
            HomePush(
                i,
                f"JE-{i:06d}",
                Decimal("10.00"),
                "failed",
                "Account 5000 is inactive in QuickBooks",
            )
            for i in range(10)
        ),
        month="2026-12",
        month_total=Decimal("1234.50"),
        month_count=7,
        reports=tuple(
            HomeEntry(100 + i, "JE-000100", Decimal(5), "lost", CONTROLLER, now, "rejected")
            for i in range(10)
        ),
    )
    built = home_view(view, {i: f"https://example.slack.com/archives/C/p{i}" for i in range(1, 16)})
    assert check_view(built) == []
    text = render(built)
    assert "40 draft(s) for $99,999.00, oldest first. The 25 newest are not listed" in text
    assert "waiting 2 d" in text and "confidence 62%" in text and "1 of 2 approvals" in text
    assert "incomplete: open it to fix it with Edit" in text
    assert "damaged &lt;b&gt;" in text  # user text escaped
    assert "*JE-000005* · $10.00 · failed" in text and "inactive in QuickBooks" in text
    assert "*$1,234.50* written off in 7 posted entries" in text
    assert text.count("*rejected*") == 10

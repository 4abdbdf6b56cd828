"""The App Home with several companies, end to end over HTTP: an approver of two companies
sees one section per company (its waiting drafts by that company's own approvers and rules,
its stuck pushes, its month, its report button), their own reports across the companies,
and nothing of a company that belongs to another Slack workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlmodel import select

from bot.services.companies import Directory
from bot.services.display import HomeEntry, HomeView
from bot.slack.ids import COMPANY_MARK, Id
from bot.slack.ui.home import home_view
from ledger.db import session_scope
from ledger.models import OutboxItem
from ledger.periods import Period
from ledger.posting import save_draft
from ledger.status import OutboxStatus
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, block_text
from tests.bot.slack.test_companies_slack import (  # noqa: F401 (the fixture)
    ACME_CHANNEL,
    ACME_CTRL,
    OBSOLETE,
    click,
    command,
    entries_of,
    firm,
)
from tests.bot.slack.test_home_slack import open_home, render, wait_until
from tests.fakes.slack_api import check_view
from tests.fakes.slack_signing import home_action_payload, interaction_body
from tests.ledger.factories import make_draft

OTHER_TEAM, OTHER_CHANNEL = "T0OTHERWS", "C0OTHERINV"


def dms(app: RunningApp, user: str) -> list[tuple[str, str]]:
    """(text, blocks as text) of every message sent to the person directly."""
    return [
        (str(c.args.get("text")), block_text(c.args.get("blocks") or []))
        for c in app.fake.calls("chat.postMessage")
        if c.args["channel"] == user
    ]


def report_values(view: dict[str, object]) -> list[str]:
    return [
        e["value"]
        for b in view["blocks"]  # type: ignore[attr-defined]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == Id.HOME_REPORT
    ]


def test_an_approver_of_two_companies_sees_each_and_nothing_of_another_workspace(
    firm: tuple[RunningApp, int],  # noqa: F811
) -> None:
    app, acme = firm
    default = app.books.company_id
    directory = Directory(app.books.settings, app.books.engine)
    # Acme: CONTROLLER approves below 1,000; from 1,000 only Acme's own controller.
    directory.set("acme-foods", "approvers", f"{ACME_CTRL},{CONTROLLER}", "cli")
    directory.set("acme-foods", "approval_rules", f"1000:{ACME_CTRL}", "cli")
    # A company of another workspace where CONTROLLER also approves: never on this Home.
    other = directory.add("Other Co", "cli", team_id=OTHER_TEAM)["id"]
    directory.set("other-co", "approvers", CONTROLLER, "cli")
    directory.link("other-co", [OTHER_CHANNEL], "cli")
    with session_scope(app.books.engine) as s:
        for reporter, sku in ((REPORTER, "SKU-901"), (CONTROLLER, "SKU-902")):
            draft = make_draft(qty="7", cost="111", sku=sku)
            save_draft(s, other, draft, actor=reporter, reporter=reporter, entry_date=date.today())

    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)  # 600.00 CAD: for CONTROLLER too
    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)  # Acme's only
    command(app, "5 units SKU-55 expired at $10", REPORTER, ACME_CHANNEL)  # posted below
    command(app, "3 units SKU-7 broken at $9", REPORTER, CHANNEL)  # the first company's
    command(app, "2 units SKU-8 lost at $5", CONTROLLER, CHANNEL)  # CONTROLLER's own report
    wait_until(lambda: len(entries_of(app, acme)) == 3 and len(entries_of(app, default)) == 2)
    posted = entries_of(app, acme)[2]
    click(app, Id.APPROVE, str(posted.id), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[2].status == "posted")
    with session_scope(app.books.engine) as s:  # its QuickBooks push waits for a person
        item = s.exec(select(OutboxItem).where(OutboxItem.entry_id == posted.id)).one()
        item.status = OutboxStatus.HELD
        item.last_error = "Account 5000 is inactive in QuickBooks"

    view = open_home(app, CONTROLLER, 1)
    home = render(view)
    assert check_view(view) == []
    first, acme_part = home.split("# Acme Foods")
    assert "# Default company" in first
    assert "Waiting for you: 1 draft(s) for $27.00" in first and "CAD" not in first
    acme_part, reports = acme_part.split("# Your reports")
    # Acme's own rules: the 2,400 is not CONTROLLER's to approve.
    assert "Waiting for you: 1 draft(s) for 600.00 CAD" in acme_part
    assert "2,400" not in acme_part
    assert "*50.00 CAD* written off in 1 posted entry" in acme_part
    number = entries_of(app, acme)[2].number
    assert f"*{number}* · 50.00 CAD · held: Account 5000 is inactive" in acme_part
    assert "Every posted entry reached QuickBooks" in first
    # Their own reports, across the companies, each naming its company.
    assert "Default company · *" in reports and "$10.00" in reports
    # Nothing of the other workspace's company.
    assert "Other Co" not in home and "$777.00" not in home and "SKU-90" not in home
    month = str(Period.of(date.today()))
    of = {c: f"{month}{COMPANY_MARK}{c}" for c in (default, acme, other)}  # button values
    assert report_values(view) == [of[default], of[acme]]

    # Acme's own controller approves for Acme only: one section, both drafts.
    acme_home = render(open_home(app, ACME_CTRL, 1))
    assert "# Acme Foods" in acme_home and "Default company" not in acme_home
    assert "Waiting for you: 2 draft(s) for 3,000.00 CAD" in acme_home
    # Staff: no queue, their reports named by company.
    staff = render(open_home(app, REPORTER, 1))
    assert "Waiting for you" not in staff and "Send me the report" not in staff
    assert "Acme Foods · *ACME-" in staff and "Default company · *" in staff

    # Each section's button sends that company's report.
    app.post(interaction_body(home_action_payload(Id.HOME_REPORT, of[acme], CONTROLLER, view)))
    wait_until(lambda: any("50.00 CAD" in b for _t, b in dms(app, CONTROLLER)))
    sent = len(dms(app, CONTROLLER))
    # A button naming the other workspace's company sends nothing.
    forged = home_action_payload(Id.HOME_REPORT, of[acme], CONTROLLER, view)
    forged["actions"][0]["value"] = of[other]
    app.post(interaction_body(forged))
    # and one of a company they do not approve for is refused (that company's rule).
    refused = home_action_payload(
        Id.HOME_REPORT, f"{month}{COMPANY_MARK}{default}", ACME_CTRL, view
    )
    app.post(interaction_body(refused))
    wait_until(lambda: any("Only approvers" in t for t, _b in dms(app, ACME_CTRL)))
    assert len(dms(app, CONTROLLER)) == sent


def test_a_change_in_another_companys_books_refreshes_an_open_home(
    firm: tuple[RunningApp, int],  # noqa: F811
) -> None:
    app, acme = firm
    directory = Directory(app.books.settings, app.books.engine)
    directory.set("acme-foods", "approvers", f"{ACME_CTRL},{CONTROLLER}", "cli")
    assert "2,400.00 CAD" not in render(open_home(app, CONTROLLER, 1))
    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    # No new app_home_opened: the publisher hears of Acme's new draft and republishes.
    wait_until(lambda: "2,400.00 CAD" in render(app.fake.home(CONTROLLER) or {"blocks": []}))


def test_many_companies_stay_within_100_blocks_and_point_to_each_channel() -> None:
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)

    def draft(company: int, i: int) -> HomeEntry:
        return HomeEntry(
            entry_id=company * 100 + i,
            number=None,
            total=Decimal("10.00"),
            reason="expired",
            reporter="U0WORKER",
            created_at=now - timedelta(hours=3),
            status="draft",
            card=("C0X", f"1700000000.{company:03d}{i:03d}"),
        )

    def group(company: int) -> HomeView:
        return HomeView(
            user=CONTROLLER,
            approver=True,
            currency="USD",
            now=now,
            waiting=tuple(draft(company, i) for i in range(15)),
            waiting_count=30,
            waiting_total=Decimal("300.00"),
            month="2026-12",
            company=f"Client {company}",
            company_id=company,
            channel=f"C0CLIENT{company}",
        )

    reports = tuple(
        HomeEntry(900 + i, "JE-1", Decimal(5), "lost", CONTROLLER, now, "posted", company="X")
        for i in range(10)
    )
    for n in (2, 5, 20):
        view = HomeView(
            user=CONTROLLER,
            approver=True,
            currency="USD",
            now=now,
            reports=reports,
            by_company=True,
            groups=tuple(group(c) for c in range(1, n + 1)),
        )
        built = home_view(view, {})
        assert check_view(built) == [], n
        text = render(built)
        assert text.count("# Your reports") == 1 and text.count("X · *JE-1*") == 10
        assert "# Client 1\n" in text and "find them in <#C0CLIENT1>" in text
        if n == 20:  # not every client fits: the first ones, and where to see the rest
            assert "more client(s): `/writeoff clients`" in text
        else:
            assert f"# Client {n}\n" in text

"""The App Home with several companies, end to end over HTTP: a person who approves for
more than one sees each company's waiting drafts, stuck pushes and month under its name,
nothing of a company they do not approve for, and each group's report button sends that
company's report (and only to that company's approvers)."""

from __future__ import annotations

from datetime import date

from bot.services.companies import Directory
from bot.slack.ids import Id
from ledger.periods import Period
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp
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
from tests.fakes.slack_signing import home_action_payload, interaction_body

GAMMA_CHANNEL = "C0GAMMAINV"


def sent_to(app: RunningApp, user: str) -> list[str]:
    return [
        str(c.args.get("text"))
        for c in app.fake.calls("chat.postMessage")
        if c.args["channel"] == user
    ]


def test_home_groups_the_queue_by_company(firm: tuple[RunningApp, int]) -> None:  # noqa: F811
    app, acme = firm
    default = app.books.company_id
    directory = Directory(app.books.settings, app.books.engine)
    directory.set("acme-foods", "approvers", f"{ACME_CTRL},{CONTROLLER}", "cli")
    gamma = directory.add("Gamma Goods", "cli")["id"]
    directory.set("gamma-goods", "approvers", "U0GAMMACTRL", "cli")
    directory.link("gamma-goods", [GAMMA_CHANNEL], "cli")
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)
    command(app, "3 units SKU-7 broken at $9", REPORTER, CHANNEL)
    command(app, "5 units SKU-1 expired at $4", REPORTER, GAMMA_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 2 and len(entries_of(app, gamma)) == 1)
    wait_until(lambda: len(entries_of(app, default)) == 1)
    click(app, Id.APPROVE, str(entries_of(app, acme)[0].id), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[0].status == "posted")

    home = render(open_home(app, CONTROLLER, 1))
    assert "# Acme Foods · Waiting for you" in home
    assert "# Default company · Waiting for you" in home
    assert "# Acme Foods · This month" in home and "600.00 CAD" in home
    assert "Gamma" not in home and "SKU-1" not in home and "$20.00" not in home
    # In company order, each under its name, each in its own currency.
    default_part, acme_part = home.split("# Acme Foods · Waiting for you")
    assert "1 draft(s) for $27.00" in default_part and "CAD" not in default_part
    assert "1 draft(s) for 2,400.00 CAD" in acme_part.split("# Your reports")[0]

    # Acme's own approver: Acme only.
    acme_home = render(open_home(app, ACME_CTRL, 1))
    assert "# Acme Foods · Waiting for you" in acme_home and "Default company" not in acme_home

    # Each group's button sends that company's report; another company's is refused.
    month = str(Period.of(date.today()))
    view = app.fake.home(ACME_CTRL)
    assert view is not None
    mine = home_action_payload(Id.HOME_REPORT, f"{month} {acme}", ACME_CTRL, view)
    app.post(interaction_body(mine))
    wait_until(lambda: f"Write-offs {month} for Acme Foods" in sent_to(app, ACME_CTRL))
    forged = home_action_payload(Id.HOME_REPORT, f"{month} {acme}", ACME_CTRL, view)
    forged["actions"][0]["value"] = f"{month} {default}"  # a button not on their Home
    app.post(interaction_body(forged))
    wait_until(lambda: any("Only approvers" in t for t in sent_to(app, ACME_CTRL)))
    assert f"Write-offs {month} for Default company" not in sent_to(app, ACME_CTRL)


def test_an_approver_of_one_other_company_sees_its_queue(
    firm: tuple[RunningApp, int],  # noqa: F811
) -> None:
    app, acme = firm
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    home = render(open_home(app, ACME_CTRL, 1))
    assert "# Acme Foods · Waiting for you" in home and "600.00 CAD" in home
    staff = render(open_home(app, REPORTER, 1))
    assert "Waiting for you" not in staff and "# Your reports" in staff


def test_a_change_in_another_companys_books_refreshes_an_open_home(
    firm: tuple[RunningApp, int],  # noqa: F811
) -> None:
    app, acme = firm
    directory = Directory(app.books.settings, app.books.engine)
    directory.set("acme-foods", "approvers", f"{ACME_CTRL},{CONTROLLER}", "cli")
    before = render(open_home(app, CONTROLLER, 1))
    assert "2,400.00 CAD" not in before
    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    # No new app_home_opened: the publisher hears of Acme's new draft and republishes.
    wait_until(lambda: "2,400.00 CAD" in render(app.fake.home(CONTROLLER) or {"blocks": []}))

"""Several companies, end to end over HTTP: the report's summary, the chart, the CSV and the
modals name the client (two clients' files of one month never share a name), and one
company's approvers can neither report, export nor close another's month (refused, audited
in that company's chain, nothing uploaded)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.services.books import Resolver
from bot.services.chart import build_figure
from bot.slack.chat import SlackChat
from bot.slack.ids import Id
from ledger.periods import Period
from ledger.reports import WriteOffReport
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, block_text
from tests.bot.slack.test_companies_slack import (  # noqa: F401 (the fixture)
    ACME_CHANNEL,
    ACME_CTRL,
    OBSOLETE,
    actions_of,
    click,
    command,
    entries_of,
    firm,
    last_response,
)
from tests.bot.slack.test_slack_e2e import wait_until
from tests.fakes.slack_signing import (
    block_actions_payload,
    interaction_body,
    slash_command_body,
)


def post_acme_entry(app: RunningApp, acme: int) -> None:
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    click(app, Id.APPROVE, str(entries_of(app, acme)[0].id), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[0].status == "posted")


def test_report_and_export_name_the_company(firm: tuple[RunningApp, int]) -> None:  # noqa: F811
    app, acme = firm
    post_acme_entry(app, acme)
    month = str(Period.of(date.today()))

    command(app, f"report {month}", ACME_CTRL, ACME_CHANNEL)
    assert "posted" in last_response(app)["text"]
    [summary] = [
        c
        for c in app.fake.calls("chat.postMessage")
        if c.args.get("text", "").startswith("Write-offs ")
    ]
    assert summary.args["text"] == f"Write-offs {month} for Acme Foods"
    assert summary.args["channel"] == ACME_CHANNEL
    text = block_text(summary.args["blocks"])
    assert "Client: *Acme Foods*" in text and "600.00" in text
    [png] = [u for u in app.fake.uploads().values() if u["filename"].endswith(".png")]
    assert png["filename"] == f"writeoffs-acme-foods-{month}.png"
    assert "Acme Foods" in png["title"]

    command(app, f"export {month}", ACME_CTRL, ACME_CHANNEL)
    [csv_file] = [u for u in app.fake.uploads().values() if u["filename"].endswith(".csv")]
    assert csv_file["filename"] == f"writeoffs-acme-foods-{month}.csv"
    assert "Acme Foods" in csv_file["title"]
    assert b"ACME-000001" in csv_file["content"]

    # The first company's export of the same month: its own name, none of Acme's lines.
    command(app, f"export {month}", CONTROLLER, CHANNEL)
    assert "0 lines" in last_response(app)["text"]
    default_csv = [
        u for u in app.fake.uploads().values() if u["filename"].startswith("writeoffs-default")
    ]
    assert [u["filename"] for u in default_csv] == [f"writeoffs-default-{month}.csv"]
    assert b"ACME" not in default_csv[0]["content"]


def test_one_companys_approver_cannot_report_export_or_close_anothers(
    firm: tuple[RunningApp, int],  # noqa: F811
) -> None:
    app, acme = firm
    post_acme_entry(app, acme)
    month = str(Period.of(date.today()))
    uploads_before = len(app.fake.uploads())
    for sub in (f"report {month}", f"export {month}", f"close {month}"):
        command(app, sub, CONTROLLER, ACME_CHANNEL)  # CONTROLLER approves the first company only
        assert "Only approvers" in last_response(app)["text"]
    assert len(app.fake.uploads()) == uploads_before  # nothing of Acme's left the books
    acme_actions = actions_of(app, acme)
    for refused in ("report_refused", "export_refused", "close_periods_refused"):
        assert refused in acme_actions
    assert "export_refused" not in actions_of(app, app.books.company_id)


def test_the_chart_title_names_the_company_only_when_given() -> None:
    current = WriteOffReport(month="2026-11", currency="CAD")
    history = {"2026-11": Decimal("0")}
    titled = build_figure(current, history, "Acme Foods")._suptitle.get_text()
    assert titled.startswith("Acme Foods: Inventory write-offs 2026-11")
    plain = build_figure(current, history)._suptitle.get_text()
    assert plain.startswith("Inventory write-offs 2026-11")


def open_form(app: RunningApp, channel: str) -> None:
    """`/writeoff` alone: the new write-off form opens (no reply in the channel)."""
    body = slash_command_body(
        "", REPORTER, channel, app.fake.response_url(), app.fake.new_trigger_id()
    )
    assert app.post(body).status_code == 200


def test_the_modals_name_the_company(firm: tuple[RunningApp, int]) -> None:  # noqa: F811
    app, acme = firm
    open_form(app, ACME_CHANNEL)
    form = app.fake.wait_for("views.open")[0].args["view"]
    assert form["callback_id"] == Id.VIEW_NEW_WRITEOFF
    assert "Client: *Acme Foods*" in block_text(form["blocks"])
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    payload = block_actions_payload(
        Id.EDIT,
        str(entries_of(app, acme)[0].id),
        ACME_CTRL,
        ACME_CHANNEL,
        "1700000000.000100",
        trigger_id=app.fake.new_trigger_id(),
    )
    assert app.post(interaction_body(payload)).status_code == 200
    edit = app.fake.wait_for("views.open", 2)[1].args["view"]
    assert edit["callback_id"] == Id.VIEW_EDIT
    assert "Client: *Acme Foods*" in block_text(edit["blocks"])


def test_with_one_company_the_form_names_none(running: RunningApp) -> None:
    open_form(running, CHANNEL)
    form = running.fake.wait_for("views.open")[0].args["view"]
    assert "Client:" not in block_text(form["blocks"])


def test_a_stale_draft_nudge_names_the_company(firm: tuple[RunningApp, int]) -> None:  # noqa: F811
    app, acme = firm
    books = Resolver(app.books, ttl=0).books(acme)
    SlackChat(app.fake.client(), books).nudge((ACME_CHANNEL, "1700000000.000100"), [ACME_CTRL])
    [nudge] = app.fake.calls("chat.postMessage")
    assert nudge.args["text"].startswith("Acme Foods: ") and ACME_CTRL in nudge.args["text"]
    first = Resolver(app.books, ttl=0).books(app.books.company_id)
    SlackChat(app.fake.client(), first).nudge((CHANNEL, "1700000000.000200"), [CONTROLLER])
    assert app.fake.calls("chat.postMessage")[1].args["text"].startswith("Default company: ")

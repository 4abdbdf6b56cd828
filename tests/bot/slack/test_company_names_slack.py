"""Issue 14 §2, end to end over HTTP with two companies in one workspace: reports, exports,
the month close and the write-off dialogs name the client (and the uploaded files carry its
slug); one company's approvers asking for another's report, export or month close are
refused and the refusal is in that company's audit trail. With one company nothing shows
a name."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlmodel import select

from bot.services.chart import build_figure
from bot.slack.ids import Id
from ledger.db import session_scope
from ledger.models import PeriodLock
from ledger.posting import period_of
from ledger.reports import WriteOffReport
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp
from tests.bot.slack.test_companies_slack import (
    ACME_CHANNEL,
    ACME_CTRL,
    OBSOLETE,
    actions_of,
    command,
    entries_of,
    last_response,
)
from tests.bot.slack.test_companies_slack import firm as firm
from tests.bot.slack.test_slack_e2e import wait_until
from tests.fakes.slack_signing import block_actions_payload, interaction_body, slash_command_body

MONTH = str(period_of(date.today()))


def press(
    app: RunningApp, action: str, value: str, user: str, channel: str
) -> dict[str, Any] | None:
    """Click a button; returns the view it opened, if it opened one."""
    before = set(app.fake.views())
    trigger = app.fake.new_trigger_id()
    payload = block_actions_payload(
        action,
        value,
        user,
        channel,
        "1700000000.000100",
        response_url=app.fake.response_url(),
        trigger_id=trigger,
    )
    assert app.post(interaction_body(payload)).status_code == 200
    return opened(app, before) if action in (Id.EDIT, Id.REJECT, Id.REVERSE) else None


def opened(app: RunningApp, before: set[str]) -> dict[str, Any]:
    wait_until(lambda: set(app.fake.views()) - before)
    [view_id] = set(app.fake.views()) - before
    return app.fake.views()[view_id]


def posted_by_acme(app: RunningApp, acme: int) -> int:
    """One more of Acme's write-offs, drafted in its channel and approved by its approver."""
    n = len(entries_of(app, acme))
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == n + 1)
    entry = entries_of(app, acme)[n].id or 0
    press(app, Id.APPROVE, str(entry), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[n].status == "posted")
    return entry


def test_reports_and_exports_name_the_client_and_files_carry_its_slug(
    firm: tuple[RunningApp, int],
) -> None:
    app, acme = firm
    posted_by_acme(app, acme)
    command(app, "report", ACME_CTRL, ACME_CHANNEL)
    assert last_response(app)["text"] == f"Acme Foods: Report for {MONTH} posted."
    [summary] = [
        c
        for c in app.fake.calls("chat.postMessage")
        if c.args.get("text", "").startswith("Write-offs")
    ]
    assert summary.args["text"] == f"Write-offs {MONTH} for Acme Foods"
    assert summary.args["blocks"][0]["text"]["text"] == f"Write-offs {MONTH} for Acme Foods"
    [png] = [u for u in app.fake.uploads().values() if u["filename"].endswith(".png")]
    assert png["filename"] == f"writeoffs-acme-foods-{MONTH}.png"
    assert png["title"] == f"Write-offs {MONTH} for Acme Foods"
    assert png["channel"] == ACME_CHANNEL

    command(app, f"export {MONTH}", ACME_CTRL, ACME_CHANNEL)
    assert last_response(app)["text"] == f"Acme Foods: 2 lines of {MONTH} exported."
    [acme_csv] = [u for u in app.fake.uploads().values() if u["filename"].endswith(".csv")]
    assert acme_csv["filename"] == f"writeoffs-acme-foods-{MONTH}.csv"
    assert b"ACME-000001" in acme_csv["content"]
    # The first company's export, from its own channel: its own slug, nothing of Acme's.
    command(app, f"export {MONTH}", CONTROLLER, CHANNEL)
    names = {u["filename"] for u in app.fake.uploads().values() if u["filename"].endswith(".csv")}
    assert names == {f"writeoffs-acme-foods-{MONTH}.csv", f"writeoffs-default-{MONTH}.csv"}
    [first_csv] = [
        u for u in app.fake.uploads().values() if u["filename"] == f"writeoffs-default-{MONTH}.csv"
    ]
    assert b"ACME" not in first_csv["content"]


def test_the_chart_title_names_the_client_when_given_one() -> None:
    month = WriteOffReport(month="2026-11", currency="USD")
    titled = build_figure(month, {"2026-11": 0}, "Acme Foods")._suptitle.get_text()
    assert titled.startswith("Acme Foods: Inventory write-offs 2026-11")
    plain = build_figure(month, {"2026-11": 0})._suptitle.get_text()
    assert plain.startswith("Inventory write-offs 2026-11")


def test_the_write_off_dialogs_name_the_client(firm: tuple[RunningApp, int]) -> None:
    app, acme = firm
    before = set(app.fake.views())
    command_without_answer(app, "", REPORTER, ACME_CHANNEL)
    form = opened(app, before)
    assert form["blocks"][0]["elements"][0]["text"] == "Client: *Acme Foods*"

    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    draft = str(entries_of(app, acme)[0].id)
    for action in (Id.EDIT, Id.REJECT):
        view = press(app, action, draft, ACME_CTRL, ACME_CHANNEL)
        assert view is not None
        assert view["blocks"][0]["elements"][0]["text"] == "Client: *Acme Foods*", action
    posted = posted_by_acme(app, acme)
    view = press(app, Id.REVERSE, str(posted), ACME_CTRL, ACME_CHANNEL)
    assert view is not None
    assert view["blocks"][0]["elements"][0]["text"] == "Client: *Acme Foods*"


def command_without_answer(app: RunningApp, text: str, user: str, channel: str) -> None:
    """`/writeoff` alone opens the form: nothing comes back on the response_url."""
    body = slash_command_body(
        text, user, channel, app.fake.response_url(), app.fake.new_trigger_id()
    )
    assert app.post(body).status_code == 200


def test_with_one_company_reports_files_and_dialogs_show_no_name(running: RunningApp) -> None:
    before = set(running.fake.views())
    command_without_answer(running, "", REPORTER, CHANNEL)
    assert "Client:" not in json.dumps(opened(running, before))
    command(running, f"export {MONTH}", CONTROLLER, CHANNEL)
    assert last_response(running)["text"] == f"0 lines of {MONTH} exported."
    [csv_file] = running.fake.uploads().values()
    assert csv_file["filename"] == f"writeoffs-{MONTH}.csv"
    command(running, "report", CONTROLLER, CHANNEL)
    assert last_response(running)["text"] == f"Report for {MONTH} posted."
    names = {u["filename"] for u in running.fake.uploads().values()}
    assert names == {f"writeoffs-{MONTH}.csv", f"writeoffs-{MONTH}.png"}
    command(running, f"close {MONTH}", CONTROLLER, CHANNEL)
    assert last_response(running)["text"].startswith(f"Close {MONTH}? ")


def test_an_approver_of_one_client_cannot_report_export_or_close_another(
    firm: tuple[RunningApp, int],
) -> None:
    app, acme = firm
    posted_by_acme(app, acme)
    uploads = len(app.fake.uploads())
    # CONTROLLER approves for the first company only; in Acme's channel every ask is Acme's.
    command(app, "report", CONTROLLER, ACME_CHANNEL)
    assert last_response(app)["text"].startswith(
        "Only approvers and report viewers of Acme Foods can report the write-offs"
    )
    command(app, f"export {MONTH}", CONTROLLER, ACME_CHANNEL)
    assert last_response(app)["text"].startswith(
        "Only approvers and report viewers of Acme Foods can export the write-offs"
    )
    command(app, f"close {MONTH}", CONTROLLER, ACME_CHANNEL)
    assert last_response(app)["text"] == "Only approvers of Acme Foods can close periods."
    assert len(app.fake.uploads()) == uploads  # nothing of Acme's was shared
    refusals = [a for a in actions_of(app, acme) if a.endswith("_refused")]
    assert refusals == ["report_refused", "export_refused", "close_periods_refused"]

    # Acme's approver is shown the close, naming Acme; its button names Acme's books.
    command(app, f"close {MONTH}", ACME_CTRL, ACME_CHANNEL)
    answer = last_response(app)
    assert answer["text"].startswith(f"Close {MONTH} for Acme Foods? ")
    button = answer["blocks"][1]["elements"][0]
    assert button["value"] == f"{MONTH}@{acme}"
    # The first company's approver pressing it, even from the first company's channel:
    # refused, audited in Acme's chain, nothing closed anywhere.
    press(app, Id.PERIOD_CLOSE, button["value"], CONTROLLER, CHANNEL)
    wait_until(lambda: actions_of(app, acme).count("close_periods_refused") == 2)
    wait_until(lambda: bool(app.fake.ephemerals()))
    assert app.fake.ephemerals()[-1]["text"] == "Only approvers of Acme Foods can close periods."
    with session_scope(app.books.engine) as s:
        assert s.exec(select(PeriodLock)).all() == []
    # Acme's approver closes Acme's month, and only Acme's.
    press(app, Id.PERIOD_CLOSE, button["value"], ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: last_response(app)["text"] == f"Acme Foods: {MONTH} is closed.")
    assert "period_closed" in actions_of(app, acme)
    with session_scope(app.books.engine) as s:
        locks = s.exec(select(PeriodLock)).all()
    assert [(lock.company_id, lock.period, lock.closed) for lock in locks] == [(acme, MONTH, True)]
    assert "period_closed" not in actions_of(app, app.books.company_id)
    command(app, f"reopen {MONTH}", CONTROLLER, ACME_CHANNEL)
    assert last_response(app)["text"] == "Only approvers of Acme Foods can reopen periods."
    command(app, f"reopen {MONTH}", ACME_CTRL, ACME_CHANNEL)
    assert last_response(app)["text"].startswith(f"Acme Foods: {MONTH} reopened")
    # A button naming a company this deployment does not keep closes nothing.
    press(app, Id.PERIOD_CLOSE, f"{MONTH}@999", CONTROLLER, CHANNEL)
    wait_until(lambda: "Nothing was changed" in app.fake.ephemerals()[-1]["text"])
    assert "period_closed" not in actions_of(app, app.books.company_id)

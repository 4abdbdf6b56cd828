"""Several companies in one workspace, end to end over HTTP: a channel belongs to one
company; /writeoff there drafts on its books; in a channel no company keeps its books in,
an approver picks the client (saved and audited), anyone else is told it is not set up and
nothing is drafted; one company's approvers cannot decide another's entries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from bot.services.companies import Directory
from bot.slack.ids import Id
from bot.slack.ui.companies import NOT_A_CLIENT_CHANNEL, NOT_SET_UP
from ledger.audit import verify_chain
from ledger.db import session_scope
from ledger.models import AuditEvent, ChannelLink, JournalEntry
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, block_text, start_app
from tests.bot.slack.test_slack_e2e import wait_until
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import block_actions_payload, interaction_body, slash_command_body

ACME_CHANNEL = "C0ACMEINV"
ACME_CTRL = "U0ACMECTRL"
NEW_CHANNEL = "C0NEWCLIENT"
OBSOLETE = "40 units obsolete SKU-12 at $15"


@pytest.fixture
def firm(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[tuple[RunningApp, int]]:
    """The first company from the environment (approver CONTROLLER, channel CHANNEL) and
    Acme Foods, set up from the command line's directory before the first request."""
    for app in start_app(tmp_path, fake_slack):
        directory = Directory(app.books.settings, app.books.engine)
        acme = directory.add("Acme Foods", "cli", currency="CAD")["id"]
        directory.set("acme-foods", "approvers", ACME_CTRL, "cli")
        directory.set("acme-foods", "number_prefix", "ACME-", "cli")
        directory.link("acme-foods", [ACME_CHANNEL], "cli")
        yield app, acme


def command(app: RunningApp, text: str, user: str, channel: str) -> None:
    before = len(app.fake.responses())
    body = slash_command_body(
        text, user, channel, app.fake.response_url(), app.fake.new_trigger_id()
    )
    assert app.post(body).status_code == 200
    app.fake.wait_for_response(count=before + 1)


def last_response(app: RunningApp) -> dict[str, Any]:
    return app.fake.responses()[-1].payload


def entries_of(app: RunningApp, company_id: int) -> list[JournalEntry]:
    with session_scope(app.books.engine) as s:
        stmt = select(JournalEntry).where(JournalEntry.company_id == company_id)
        return list(s.exec(stmt.order_by(col(JournalEntry.id))))


def actions_of(app: RunningApp, company_id: int) -> list[str]:
    with session_scope(app.books.engine) as s:
        stmt = select(AuditEvent).where(AuditEvent.company_id == company_id)
        return [e.action for e in s.exec(stmt.order_by(col(AuditEvent.seq)))]


def click(app: RunningApp, action: str, value: str, user: str, channel: str) -> None:
    payload = block_actions_payload(
        action, value, user, channel, "1700000000.000100", response_url=app.fake.response_url()
    )
    if action == Id.COMPANY_PICK:
        payload["actions"][0] = {
            "type": "static_select",
            "action_id": action,
            "block_id": str(Id.BLOCK_COMPANY_PICK),
            "selected_option": {"text": {"type": "plain_text", "text": "x"}, "value": value},
            "action_ts": "1700000000.000200",
        }
    assert app.post(interaction_body(payload)).status_code == 200


def test_a_linked_channel_drafts_and_posts_on_its_company(firm: tuple[RunningApp, int]) -> None:
    app, acme = firm
    default = app.books.company_id
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    card = app.fake.wait_for("chat.postMessage")[0]
    assert card.args["channel"] == ACME_CHANNEL
    assert "CAD" in block_text(card.args["blocks"])  # Acme's currency, not the first's
    assert "Client: *Acme Foods*" in block_text(card.args["blocks"])
    command(app, OBSOLETE, REPORTER, CHANNEL)  # the first company's channel (environment)
    wait_until(lambda: len(entries_of(app, default)) == 1)
    other = app.fake.wait_for("chat.postMessage", 2)[1]
    assert other.args["channel"] == CHANNEL
    assert "Client: *Default company*" in block_text(other.args["blocks"])
    assert "Acme" not in block_text(other.args["blocks"])
    assert len(entries_of(app, acme)) == 1

    acme_entry = entries_of(app, acme)[0].id
    # The first company's approver may not decide Acme's entry: refused, in Acme's chain.
    click(app, Id.APPROVE, str(acme_entry), CONTROLLER, ACME_CHANNEL)
    wait_until(lambda: "approve_refused" in actions_of(app, acme))
    assert entries_of(app, acme)[0].status == "draft"
    # Acme's approver may, and the entry takes Acme's numbering.
    click(app, Id.APPROVE, str(acme_entry), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[0].status == "posted")
    assert entries_of(app, acme)[0].number == "ACME-000001"
    assert entries_of(app, default)[0].status == "draft"
    # Acme's approver clicking the first company's card is refused the same way.
    default_entry = entries_of(app, default)[0].id
    click(app, Id.APPROVE, str(default_entry), ACME_CTRL, CHANNEL)
    wait_until(lambda: "approve_refused" in actions_of(app, default))
    assert entries_of(app, default)[0].status == "draft"
    with session_scope(app.books.engine) as s:
        assert verify_chain(s, acme).ok and verify_chain(s, default).ok


def test_an_unlinked_channel_drafts_nothing_and_an_approver_picks_the_client(
    firm: tuple[RunningApp, int],
) -> None:
    app, acme = firm
    command(app, OBSOLETE, REPORTER, NEW_CHANNEL)
    assert last_response(app)["text"] == NOT_SET_UP
    # The first company's approver is offered only the client they approve for.
    command(app, OBSOLETE, CONTROLLER, NEW_CHANNEL)
    options = last_response(app)["blocks"][0]["accessory"]["options"]
    assert [o["text"]["text"] for o in options] == ["Default company"]
    command(app, OBSOLETE, ACME_CTRL, NEW_CHANNEL)
    picker = last_response(app)
    assert "Which client is this channel for?" in picker["text"]
    options = picker["blocks"][0]["accessory"]["options"]
    assert [(o["text"]["text"], o["value"]) for o in options] == [("Acme Foods", str(acme))]
    assert not entries_of(app, acme) and not entries_of(app, app.books.company_id)

    # A pick for a client the person does not approve for is refused; nothing is linked.
    click(app, Id.COMPANY_PICK, str(acme), CONTROLLER, NEW_CHANNEL)
    wait_until(lambda: "Only an approver" in last_response(app)["text"])
    with session_scope(app.books.engine) as s:
        assert s.get(ChannelLink, NEW_CHANNEL) is None

    click(app, Id.COMPANY_PICK, str(acme), ACME_CTRL, NEW_CHANNEL)
    wait_until(lambda: "now keeps" in last_response(app)["text"])
    with session_scope(app.books.engine) as s:
        link = s.get(ChannelLink, NEW_CHANNEL)
        assert link is not None and link.company_id == acme and link.linked_by == ACME_CTRL
    assert actions_of(app, acme)[-1] == "channel_linked"
    # A direct message belongs to no client: no picker there, nothing drafted.
    command(app, OBSOLETE, ACME_CTRL, "D0DIRECT")
    assert last_response(app)["text"] == NOT_A_CLIENT_CHANNEL
    # From now on the channel is Acme's.
    command(app, OBSOLETE, REPORTER, NEW_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 1)
    assert entries_of(app, acme)[0].channel == NEW_CHANNEL


def test_with_one_company_cards_do_not_name_it(running: RunningApp) -> None:
    command(running, OBSOLETE, REPORTER, CHANNEL)
    card = running.fake.wait_for("chat.postMessage")[0]
    assert "JE-" not in block_text(card.args["blocks"])  # a draft: no number yet
    assert "Client:" not in block_text(card.args["blocks"])


def test_clients_shows_each_company_the_approver_approves_for(
    firm: tuple[RunningApp, int],
) -> None:
    app, acme = firm
    directory = Directory(app.books.settings, app.books.engine)
    directory.set("acme-foods", "approvers", f"{ACME_CTRL},{CONTROLLER}", "cli")
    command(app, OBSOLETE, REPORTER, ACME_CHANNEL)
    command(app, "Write off $2,400 of damaged inventory", REPORTER, ACME_CHANNEL)
    wait_until(lambda: len(entries_of(app, acme)) == 2)
    click(app, Id.APPROVE, str(entries_of(app, acme)[0].id), ACME_CTRL, ACME_CHANNEL)
    wait_until(lambda: entries_of(app, acme)[0].status == "posted")

    command(app, "clients", CONTROLLER, NEW_CHANNEL)  # any channel, linked or not
    text = last_response(app)["text"]
    lines = {ln.split("*")[1]: ln for ln in text.splitlines() if ln.startswith("•")}
    assert set(lines) == {"Default company", "Acme Foods"}
    assert "1 draft(s) waiting" in lines["Acme Foods"]
    assert "write-offs 600.00 CAD" in lines["Acme Foods"]
    assert f"<#{ACME_CHANNEL}>" in lines["Acme Foods"]
    assert "0 draft(s) waiting" in lines["Default company"]
    # Acme's own approver sees only Acme.
    command(app, "clients", ACME_CTRL, ACME_CHANNEL)
    text = last_response(app)["text"]
    assert "Acme Foods" in text and "Default company" not in text
    # Someone who approves for nobody sees nothing of anyone's books.
    command(app, "clients", REPORTER, ACME_CHANNEL)
    assert "no client" in last_response(app)["text"]


def test_a_company_of_another_workspace_is_never_reached_from_this_one(
    firm: tuple[RunningApp, int],
) -> None:
    app, _acme = firm
    directory = Directory(app.books.settings, app.books.engine)
    other = directory.add("Other Co", "cli", team_id="T0OTHERWS")["id"]
    directory.set("other-co", "approvers", "U0OTHERCTRL", "cli")
    directory.link("other-co", ["C0OTHERINV"], "cli")
    # Requests here come from the fake's workspace (T0FAKE): the channel is Other Co's in
    # another workspace, so here it is a channel no company keeps its books in.
    command(app, OBSOLETE, REPORTER, "C0OTHERINV")
    assert last_response(app)["text"] == NOT_SET_UP
    command(app, OBSOLETE, "U0OTHERCTRL", "C0OTHERINV")
    assert last_response(app)["text"] == NOT_SET_UP  # no client of this workspace to pick
    command(app, "clients", "U0OTHERCTRL", "C0OTHERINV")
    assert "Other Co" not in last_response(app)["text"]
    assert not entries_of(app, other)

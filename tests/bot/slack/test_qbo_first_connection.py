"""A newcomer connects a brand-new QuickBooks company and gets the first write-off into it
without a shell: connect from Slack, approve, "Fix mapping" on the held alert, confirm the
dialog (which creates the missing accounts), and the held entry goes out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from sqlmodel import select

from bot.slack.ids import Id
from ledger.db import session_scope
from ledger.models import AuditEvent
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, block_text, start_app
from tests.bot.slack.test_slack_e2e import click, entries, report, wait_until
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    block_actions_payload,
    interaction_body,
    slash_command_body,
    view_submission_payload,
)
from tests.qbo.conftest import SECRET_KEY

ALERTS = "C0ALERTS"


@pytest.fixture
def app(tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo) -> Iterator[RunningApp]:
    fake_qbo.new_company()  # numbers off, default names, no write-off accounts
    yield from start_app(
        tmp_path,
        fake_slack,
        **fake_qbo.app_env(),
        WRITEOFF_SECRET_KEY=SECRET_KEY,
        WRITEOFF_ALERT_CHANNEL=ALERTS,
    )


def command(app: RunningApp, text: str, user: str = CONTROLLER, key: str = "r") -> str:
    app.post(
        slash_command_body(
            text, user, CHANNEL, app.fake.response_url(key), app.fake.new_trigger_id()
        )
    )
    app.fake.wait_for_response(key)
    return str(app.fake.responses(key)[-1].payload["text"])


def submit_as_shown(app: RunningApp, view: dict[str, Any], user: str = CONTROLLER) -> None:
    """Press Confirm without changing anything: each select keeps its preselection."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        el = block["element"]
        values[block["block_id"]] = {
            el["action_id"]: {"type": "static_select", "selected_option": el.get("initial_option")}
        }
    payload = view_submission_payload(
        view["callback_id"], view["private_metadata"], values, user, view_id=view["id"]
    )
    resp = app.post(interaction_body(payload))
    assert resp.status_code == 200


def mapping_view(app: RunningApp) -> dict[str, Any]:
    """The dialog once filled in (opened as "loading", then updated)."""
    update = app.fake.wait_for("views.update", timeout=10)[-1]
    assert update.response["ok"], update.response
    view = app.fake.views()[update.args["view_id"]]
    assert view["callback_id"] == Id.VIEW_QBO_MAPPING
    return view


def test_newcomer_gets_the_first_writeoff_into_a_new_company_without_a_shell(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    # 1. Connect from Slack: the consent link, then Intuit's redirect to our callback.
    answer = command(app, "connect quickbooks", key="connect")
    url = re.search(r"<([^|>]+)\|Connect QuickBooks>", answer)
    assert url is not None, answer
    consent = urlparse(url.group(1).replace("&amp;", "&"))
    state = parse_qs(consent.query)["state"][0]
    page = httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": state, "code": fake_qbo.issue_code(), "realmId": REALM_ID},
    )
    assert page.status_code == 200 and "connected" in page.text.lower()
    assert "/writeoff map" in page.text  # what to do next, in Slack
    assert "writeoff qbo" not in page.text  # never a shell command
    # The approver who connected hears it in Slack too, with the button that maps them.
    notice = next(c for c in app.fake.calls("chat.postMessage") if c.args["channel"] == CONTROLLER)
    assert "QuickBooks connected" in notice.args["text"]
    assert Id.QBO_FIX_MAPPING in json.dumps(notice.args["blocks"])
    assert "need a decision" in json.dumps(notice.args["blocks"])
    status = command(app, "status", key="status")
    assert "/writeoff map" in status and "account numbers off" in status

    # 2. A material write-off is reported and approved: its expense account has no
    # counterpart in a new company, so it is held, and the alert offers Fix mapping.
    ts = report(app, "100 units obsolete SKU-12 at $15")["ts"]
    entry_id = entries(app)[0].id
    click(app, "approve", str(entry_id), CONTROLLER, ts)

    def held_alerts() -> list[Any]:
        return [
            c
            for c in app.fake.calls("chat.postMessage")
            if c.args["channel"] == ALERTS and "did not reach" in c.args["text"]
        ]

    wait_until(lambda: bool(held_alerts()))
    alert = held_alerts()[0]
    blocks = alert.args["blocks"]
    assert "writeoff qbo" not in json.dumps(blocks)
    fix = [
        el
        for b in blocks
        if b["type"] == "actions"
        for el in b["elements"]
        if el["action_id"] == Id.QBO_FIX_MAPPING
    ]
    assert fix, blocks
    assert fake_qbo.journal_entries() == []

    # 3. Fix mapping: the dialog, with the inventory asset found by type and the missing
    # accounts offered for creation, preselected.
    payload = block_actions_payload(
        Id.QBO_FIX_MAPPING,
        fix[0]["value"],
        CONTROLLER,
        ALERTS,
        alert.response["ts"],
        blocks=blocks,
        trigger_id=app.fake.new_trigger_id(),
    )
    app.post(interaction_body(payload))
    view = mapping_view(app)
    selects = {
        b["block_id"]: b["element"].get("initial_option", {}).get("value")
        for b in view["blocks"]
        if b["type"] == "input"
    }
    inventory = next(a for a in fake_qbo.accounts() if a["Name"] == "Inventory Asset")
    assert selects[Id.QBO_MAP_ACCOUNT.format("1200")] == inventory["Id"]
    assert selects[Id.QBO_MAP_ACCOUNT.format("5400")] == "create"
    assert "Reconciliation Discrepancies" not in json.dumps(
        [b.get("element", {}).get("initial_option") for b in view["blocks"]]
    )

    # 4. Confirm: accounts created in QuickBooks, the held entry goes out at once.
    submit_as_shown(app, view)
    wait_until(lambda: len(fake_qbo.journal_entries()) == 1, timeout=10)
    je = fake_qbo.journal_entries()[0]
    names = {a["Id"]: a["Name"] for a in fake_qbo.accounts()}
    used = {names[ln["JournalEntryLineDetail"]["AccountRef"]["value"]] for ln in je["Line"]}
    assert "Inventory Asset" in used
    assert used & {"Inventory Obsolescence Expense", "Inventory Write-Off Expense"}
    wait_until(
        lambda: "synced, JournalEntry" in block_text(app.fake.message(CHANNEL, ts).blocks),
        timeout=10,
    )
    with session_scope(app.books.engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent))]
    assert "qbo_account_created" in actions
    # The approver hears what happened.
    wait_until(
        lambda: any("Created in QuickBooks" in e["text"] for e in app.fake.ephemerals()),
        timeout=10,
    )


def test_only_approvers_open_the_mapping_dialog(app: RunningApp) -> None:
    app.post(
        slash_command_body(
            "map", REPORTER, CHANNEL, app.fake.response_url("m"), app.fake.new_trigger_id()
        )
    )
    wait_until(lambda: any("Only approvers" in e["text"] for e in app.fake.ephemerals()))
    assert not app.fake.calls("views.open")


@pytest.fixture
def plus_app(tmp_path: Path, fake_slack: FakeSlack, fake_qbo: FakeQbo) -> Iterator[RunningApp]:
    """A QuickBooks Plus company that tracks quantity on hand, with one stocked item."""
    fake_qbo.new_company(track_quantity=True)
    fake_qbo.add_item("Blue widget", "SKU-12", qty_on_hand=100, unit_cost="14.50")
    yield from start_app(
        tmp_path,
        fake_slack,
        **fake_qbo.app_env(),
        WRITEOFF_SECRET_KEY=SECRET_KEY,
    )


def test_quantity_company_loss_goes_as_adjustment_and_the_card_offers_a_true_up(
    plus_app: RunningApp, fake_qbo: FakeQbo
) -> None:
    """The approved loss moves the item's quantity, the card shows QuickBooks' own value,
    and "Draft true-up" posts a draft card to approve."""
    app = plus_app
    url = app.deps.quickbooks.connect_url(actor=CONTROLLER)
    state = parse_qs(urlparse(url).query)["state"][0]
    httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": state, "code": fake_qbo.issue_code(), "realmId": REALM_ID},
    )
    ts = report(app, "40 units damaged SKU-12 at $15")["ts"]
    click(app, "approve", str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(
        lambda: "InventoryAdjustment" in block_text(app.fake.message(CHANNEL, ts).blocks),
        timeout=10,
    )
    assert fake_qbo.journal_entries() == []
    assert fake_qbo.items()[0]["QtyOnHand"] == 60
    blocks = app.fake.message(CHANNEL, ts).blocks
    assert "$580.00" in block_text(blocks) and "Draft true-up" in json.dumps(blocks)
    before = len(app.fake.calls("chat.postMessage"))
    click(app, Id.QBO_TRUE_UP, str(entries(app)[0].id), CONTROLLER, ts)
    wait_until(lambda: len(app.fake.calls("chat.postMessage")) > before, timeout=10)
    new_card = app.fake.calls("chat.postMessage")[before].args
    assert "Approve" in json.dumps(new_card["blocks"])
    assert len(entries(app)) == 2 and entries(app)[1].status == "draft"
    wait_until(lambda: "true-up was drafted" in block_text(app.fake.message(CHANNEL, ts).blocks))
    assert "Draft true-up" not in json.dumps(app.fake.message(CHANNEL, ts).blocks)


ACME_CHANNEL, ACME_CTRL, ACME_REALM = "C0ACMEINV", "U0ACMECTRL", "9130000000000077"


def connect_acme(app: RunningApp, fake_qbo: FakeQbo, alert_channel: str | None) -> None:
    """A second company whose approver connects its own QuickBooks from its channel."""
    from bot.services.companies import Directory

    directory = Directory(app.books.settings, app.books.engine)
    directory.add("Acme <Foods>", "cli")
    directory.set("acme-foods", "approvers", ACME_CTRL, "cli")
    if alert_channel:
        directory.set("acme-foods", "alert_channel", alert_channel, "cli")
    directory.link("acme-foods", [ACME_CHANNEL], "cli")
    fake_qbo.new_company(ACME_REALM)
    app.post(
        slash_command_body(
            "connect quickbooks",
            ACME_CTRL,
            ACME_CHANNEL,
            app.fake.response_url("acme"),
            app.fake.new_trigger_id(),
        )
    )
    app.fake.wait_for_response("acme")
    answer = str(app.fake.responses("acme")[-1].payload["text"])
    url = re.search(r"<([^|>]+)\|Connect QuickBooks>", answer)
    assert url is not None, answer
    state = parse_qs(urlparse(url.group(1).replace("&amp;", "&")).query)["state"][0]
    page = httpx.get(
        f"{app.url}/qbo/callback",
        params={"state": state, "code": fake_qbo.issue_code(ACME_REALM), "realmId": ACME_REALM},
    )
    assert page.status_code == 200, page.text


def test_with_several_companies_the_connected_notice_is_the_companys_and_in_its_channel(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    connect_acme(app, fake_qbo, "C0ACMEALERTS")
    posted = app.fake.calls("chat.postMessage")
    notice = next(c for c in posted if "QuickBooks connected" in c.args["text"])
    # Acme's alert channel (a click there acts on Acme's books), never the first company's.
    assert notice.args["channel"] == "C0ACMEALERTS"
    assert notice.args["text"].startswith("Acme &lt;Foods&gt;: QuickBooks connected")
    assert "*Acme &lt;Foods&gt;*" in block_text(notice.args["blocks"])
    assert any(b["type"] == "actions" for b in notice.args["blocks"])
    assert not [c for c in posted if c.args["channel"] in (ALERTS, ACME_CTRL)]


def test_a_connected_notice_sent_privately_names_the_company_and_offers_no_button(
    app: RunningApp, fake_qbo: FakeQbo
) -> None:
    """In a direct message a click could not tell whose books to map: the notice says
    where to go instead of offering a button that would act on the wrong company."""
    connect_acme(app, fake_qbo, None)
    posted = app.fake.calls("chat.postMessage")
    notice = next(c for c in posted if "QuickBooks connected" in c.args["text"])
    assert notice.args["channel"] == ACME_CTRL
    text = block_text(notice.args["blocks"])
    assert "Acme &lt;Foods&gt;" in text and "/writeoff map" in text
    assert not any(b["type"] == "actions" for b in notice.args["blocks"])

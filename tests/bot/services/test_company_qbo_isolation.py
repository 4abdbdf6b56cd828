"""Two companies, each connected to its own QuickBooks company (realm): each company's posted
entries reach its own realm only, under its own numbers, and when one realm is down only that
company's alert channel hears of it, while the other keeps syncing (issue 14, section 4)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy.engine import Engine

from bot.services import intake, qbo_setup
from bot.services.books import open_books
from bot.services.companies import Directory
from bot.services.decisions import approve
from bot.services.deps import Deps
from bot.services.display import CREATE_IN_QBO
from bot.services.jobs import JobContext, sync_job
from bot.services.notices import ALERT_AFTER
from bot.services.quickbooks import QuickBooks
from bot.services.roles import approvers_from
from bot.slack.chat import SlackChat
from ledger.models import utcnow
from tests.fakes.qbo_api import FakeQbo
from tests.fakes.qbo_api import fake_qbo_fixture as fake_qbo_fixture
from tests.fakes.slack_api import FakeSlack
from tests.qbo.conftest import qbo_settings

WRITE_OFF_ACCOUNTS = ("1290", "5100", "5200", "5300", "5400")
FIRST_ALERTS, ACME_ALERTS = "C0ALERTFIRST", "C0ALERTACME"
FIRST_REALM, ACME_REALM = "9130000000000001", "9130000000000002"


@dataclass
class Client:
    deps: Deps
    approver: str
    realm: str
    alerts: str

    def jobs(self, fake_slack: FakeSlack) -> JobContext:
        books = self.deps.books
        return JobContext(books, self.deps.quickbooks, SlackChat(fake_slack.client(), books))


def _connect(qb: QuickBooks, fake: FakeQbo, realm: str) -> None:
    fake.new_company(realm)
    state = parse_qs(urlparse(qb.connect_url(actor="U0CTRL")).query)["state"][0]
    qb.complete(state, fake.issue_code(realm), realm)
    qbo_setup.apply_mapping(qb, {c: CREATE_IN_QBO for c in WRITE_OFF_ACCOUNTS}, "U0CTRL")


@pytest.fixture
def firm(db_url: str, engine: Engine, fake_qbo: FakeQbo) -> Iterator[tuple[Client, Client]]:
    settings = qbo_settings(
        db_url, fake_qbo, WRITEOFF_APPROVERS="U0FIRST", WRITEOFF_ALERT_CHANNEL=FIRST_ALERTS
    )
    directory = Directory(settings, engine)
    directory.add("Acme Foods", "test")
    directory.set("acme-foods", "approvers", "U0ACME", "test")
    directory.set("acme-foods", "alert_channel", ACME_ALERTS, "test")
    made: list[Client] = []
    for slug, approver, realm, alerts in (
        ("default", "U0FIRST", FIRST_REALM, FIRST_ALERTS),
        ("acme-foods", "U0ACME", ACME_REALM, ACME_ALERTS),
    ):
        books = open_books(settings, migrate=False, company=slug)
        qb = QuickBooks(books, sleep=lambda _s: None)
        _connect(qb, fake_qbo, realm)
        made.append(
            Client(Deps(books, approvers_from(books.settings), qb), approver, realm, alerts)
        )
    yield made[0], made[1]
    for c in made:
        c.deps.quickbooks.http.close()
        c.deps.books.engine.dispose()


def _post(client: Client, texts: list[str]) -> list[str]:
    numbers = []
    for text in texts:
        books = client.deps.books
        entry_id = intake.save_one(books, books.draft(text)[0], "U0WORKER")
        outcome = approve(client.deps, client.approver, entry_id)
        assert outcome.ok, outcome
        numbers.append(outcome.entry.number if outcome.entry else "")
    return numbers


def _doc_numbers(fake: FakeQbo, realm: str) -> list[str]:
    return sorted(e.get("DocNumber", "") for e in fake.journal_entries(realm))


def test_each_company_syncs_to_its_own_realm_and_an_outage_alerts_only_its_channel(
    firm: tuple[Client, Client], fake_qbo: FakeQbo, fake_slack: FakeSlack
) -> None:
    first, acme = firm
    first_numbers = _post(first, ["3 units SKU-1 damaged at $5", "2 units SKU-2 expired at $7"])
    acme_numbers = _post(acme, ["4 units SKU-1 damaged at $50"])
    # The same numbers in both books (each its own sequence), each realm gets its own.
    assert first_numbers[:1] == acme_numbers == ["JE-000001"]

    fake_qbo.realm_down(FIRST_REALM)
    start = utcnow()
    for minutes in (0, 3, 6, 9):  # longer than ALERT_AFTER: an episode worth a message
        for client in (first, acme):
            sync_job(client.jobs(fake_slack), now=start + timedelta(minutes=minutes))
    assert timedelta(minutes=9) > ALERT_AFTER

    assert _doc_numbers(fake_qbo, FIRST_REALM) == []
    assert _doc_numbers(fake_qbo, ACME_REALM) == ["WOB-JE-000001"]
    acme_pushed = fake_qbo.journal_entries(ACME_REALM)[0]
    assert {line["Amount"] for line in acme_pushed["Line"]} == {200.0}  # Acme's, not ours

    posted = fake_slack.calls("chat.postMessage")
    first_alerts = sorted(c.args["text"] for c in posted if c.args["channel"] == FIRST_ALERTS)
    # With two companies, each alert names whose books it is.
    expected = [f"{first.deps.books.label}: {n} did not reach QuickBooks" for n in first_numbers]
    assert first_alerts == expected
    assert not [c for c in posted if c.args["channel"] == ACME_ALERTS]

    # Back up: the first company's entries go to its own realm, nothing doubles in Acme's.
    fake_qbo.realm_up(FIRST_REALM)
    for client in (first, acme):
        sync_job(client.jobs(fake_slack), now=start + timedelta(minutes=12))
    assert _doc_numbers(fake_qbo, FIRST_REALM) == [f"WOB-{n}" for n in first_numbers]
    assert _doc_numbers(fake_qbo, ACME_REALM) == ["WOB-JE-000001"]

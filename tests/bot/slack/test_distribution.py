"""Distribution: one deployment, many Slack workspaces, over HTTP end to end.

Slack's install flow runs for real (Bolt's OAuthFlow, slack_sdk's SQLAlchemy stores in the
app's migrated database) against the fake Web API's oauth.v2.access; each workspace's
requests are signed bodies carrying its team id, and the fake records which token every
call carried."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet
from sqlmodel import select
from starlette.testclient import TestClient

from bot.services.books import open_books
from bot.services.installations import Installations
from bot.settings import Settings
from bot.slack.app import BOT_SCOPES, create_app
from bot.slack.server import create_asgi
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from tests.bot.conftest import CHANNEL, CONTROLLER, REPORTER, RunningApp, start_app
from tests.conftest import migrated_sqlite_url
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import (
    TEAM_ID,
    block_actions_payload,
    event_callback_body,
    interaction_body,
    slash_command_body,
)

ROOT = Path(__file__).resolve().parents[3]
KEY = Fernet.generate_key().decode()
TEAM_A, TEAM_B = "T0ALPHA", "T0BRAVO"
CHANNEL_A, CHANNEL_B = "C0ALPHA", "C0BRAVO"


def oauth_env(monkeypatch: pytest.MonkeyPatch, fake: FakeSlack) -> None:
    # In the process environment, where Bolt itself also looks for them.
    monkeypatch.setenv("SLACK_CLIENT_ID", fake.client_id)
    monkeypatch.setenv("SLACK_CLIENT_SECRET", fake.client_secret)
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", KEY)


@pytest.fixture
def distributed(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningApp]:
    oauth_env(monkeypatch, fake_slack)
    yield from start_app(tmp_path, fake_slack)


def command(app: RunningApp, text: str, team: str, channel: str) -> httpx.Response:
    body = slash_command_body(
        text, REPORTER, channel, app.fake.response_url(), app.fake.new_trigger_id(), team_id=team
    )
    return app.post(body)


def cards_in(app: RunningApp, channel: str) -> list[Any]:
    return [c for c in app.fake.calls("chat.postMessage") if c.args.get("channel") == channel]


def wait_card(app: RunningApp, channel: str, timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = cards_in(app, channel)
        if found:
            return found[0]
        time.sleep(0.02)
    raise AssertionError(f"no card in {channel}")


def install(app: RunningApp, team: str) -> str:
    """A person adds the app to `team`: the install page, Slack's consent (the fake hands
    out a code), the redirect. Returns the bot token the workspace got."""
    before = set(app.fake.workspaces)
    with httpx.Client(base_url=app.url, timeout=10) as browser:
        page = browser.get("/slack/install")
        assert page.status_code == 200
        state = re.search(r"state=([\w-]+)", page.text)
        assert state is not None, page.text
        assert "client_id=" + app.fake.client_id in page.text
        assert "client_secret" not in page.text and app.fake.client_secret not in page.text
        # The state cookie is Secure (the real app is behind https): sent back by hand here.
        cookie = page.headers["set-cookie"].split(";")[0]
        code = app.fake.install_code(team)
        done = browser.get(
            "/slack/oauth_redirect",
            params={"code": code, "state": state[1]},
            headers={"Cookie": cookie},
        )
        assert done.status_code == 200, done.text
    new = [t for t, ws in app.fake.workspaces.items() if ws[0] == team and t not in before]
    assert len(new) == 1
    return new[0]


def uninstall(app: RunningApp, team: str, kind: str = "app_uninstalled") -> httpx.Response:
    app.fake.revoke_team(team)
    event: dict[str, Any] = {"type": kind, "event_ts": f"{time.time():.6f}"}
    if kind == "tokens_revoked":
        event["tokens"] = {"bot": [f"U0BOT{team[1:]}"]}
    return app.post_json(event_callback_body(event, f"Ev{team}{kind}", team_id=team))


def drafts(app: RunningApp) -> list[JournalEntry]:
    with session_scope(app.books.engine) as s:
        return list(s.exec(select(JournalEntry)))


def test_client_id_and_secret_alone_keep_the_token_workspace_served(
    distributed: RunningApp,
) -> None:
    """Bolt switches to OAuth by itself when it sees SLACK_CLIENT_ID and SECRET, and then
    refuses every workspace, the bot token's own included. Ours keeps that workspace."""
    resp = command(distributed, "40 units obsolete SKU-12 at $15", TEAM_ID, CHANNEL)
    assert resp.status_code == 200
    card = wait_card(distributed, CHANNEL)
    assert card.token == distributed.fake.token
    assert len(drafts(distributed)) == 1


def test_two_workspaces_each_served_with_its_own_token_until_uninstalled(
    distributed: RunningApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = distributed
    token_a, token_b = install(app, TEAM_A), install(app, TEAM_B)
    assert token_a != token_b

    assert command(app, "40 units obsolete SKU-12 at $15", TEAM_A, CHANNEL_A).status_code == 200
    assert command(app, "3 units damaged SKU-9 at $2", TEAM_B, CHANNEL_B).status_code == 200
    # Each answered with its own workspace's token: the Authorization header Slack received.
    assert wait_card(app, CHANNEL_A).token == token_a
    assert wait_card(app, CHANNEL_B).token == token_b
    # The token's own workspace is still served by SLACK_BOT_TOKEN.
    command(app, "1 unit expired SKU-1 at $4", TEAM_ID, CHANNEL)
    assert wait_card(app, CHANNEL).token == app.fake.token

    installs = Installations.open(app.books.engine, app.books.settings)
    assert installs.token_rows(TEAM_A) == 2  # its bot row and its installation row
    resp = uninstall(app, TEAM_A)
    assert resp.status_code == 200
    assert installs.token_rows(TEAM_A) == 0
    assert installs.token_rows(TEAM_B) == 2

    # A's requests are no longer served: no card, nothing drafted; B and the token's own go on.
    before = len(drafts(app))
    command(app, "5 units stolen SKU-3 at $9", TEAM_A, CHANNEL_A)
    command(app, "6 units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
    deadline = time.monotonic() + 5
    while len(cards_in(app, CHANNEL_B)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [c.token for c in cards_in(app, CHANNEL_B)] == [token_b, token_b]
    assert len(cards_in(app, CHANNEL_A)) == 1
    assert len(drafts(app)) == before + 1
    # The books stay: A's entry from before the uninstall is still there.
    assert any(e.channel == CHANNEL_A for e in drafts(app))

    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (app.fake.client_secret, token_a, token_b, app.fake.token):
        assert secret not in logged


def test_tokens_revoked_forgets_the_workspace_not_just_its_bot_row(
    distributed: RunningApp,
) -> None:
    app = distributed
    token_b = install(app, TEAM_B)
    assert uninstall(app, TEAM_B, "tokens_revoked").status_code == 200
    installs = Installations.open(app.books.engine, app.books.settings)
    assert installs.token_rows(TEAM_B) == 0
    command(app, "6 units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
    time.sleep(0.3)
    assert cards_in(app, CHANNEL_B) == []
    assert not [c for c in app.fake.calls() if c.token == token_b and c.method != "auth.test"]

    # Installed again: served again, with the new token.
    again = install(app, TEAM_B)
    command(app, "6 units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
    assert wait_card(app, CHANNEL_B).token == again != token_b


def test_bolts_own_tokens_revoked_handling_keeps_the_installation_token(
    distributed: RunningApp,
) -> None:
    """Why we do not rely on Bolt's default: with the SQLAlchemy store it deletes the bot
    row only, and the installation row still holds the revoked token."""
    from slack_bolt.context import BoltContext
    from slack_bolt.listener.builtins import TokenRevocationListeners

    app = distributed
    install(app, TEAM_B)
    store = Installations.open(app.books.engine, app.books.settings).store
    context = BoltContext({"team_id": TEAM_B, "enterprise_id": None})
    event = {"type": "tokens_revoked", "tokens": {"bot": [f"U0BOT{TEAM_B[1:]}"]}}
    TokenRevocationListeners(store).handle_tokens_revoked_events(event, context)
    assert store.find_bot(enterprise_id=None, team_id=TEAM_B) is None
    left = store.find_installation(enterprise_id=None, team_id=TEAM_B)
    assert left is not None and left.bot_token is not None  # still there: hence our own


def test_install_with_a_forged_state_stores_nothing(distributed: RunningApp) -> None:
    app = distributed
    code = app.fake.install_code(TEAM_B)
    with httpx.Client(base_url=app.url, timeout=10) as browser:
        resp = browser.get("/slack/oauth_redirect", params={"code": code, "state": "forged"})
    assert resp.status_code >= 400
    assert Installations.open(app.books.engine, app.books.settings).token_rows(TEAM_B) == 0
    assert app.fake.calls("oauth.v2.access") == []


def test_single_token_mode_serves_no_install_flow(running: RunningApp) -> None:
    resp = httpx.get(f"{running.url}/slack/install", timeout=10)
    assert resp.status_code == 404


def _listed(text: str, key: str) -> list[str]:
    """The `- item` lines under `key:` in manifest.yml (no YAML library in the app)."""
    block = re.search(rf"^(\s*){key}:\n((?:\1\s+- .*\n)+)", text, re.M)
    assert block is not None, key
    return [line.strip()[2:].strip() for line in block[2].splitlines()]


def test_the_install_asks_for_the_manifest_scopes() -> None:
    text = (ROOT / "manifest.yml").read_text()
    assert sorted(_listed(text, "bot")) == sorted(BOT_SCOPES)
    urls = _listed(text, "redirect_urls")
    assert urls and all(u.endswith("/slack/oauth_redirect") for u in urls)
    assert {"app_uninstalled", "tokens_revoked"} <= set(_listed(text, "bot_events"))


def audit_of(app: RunningApp, action: str) -> list[dict[str, Any]]:
    with session_scope(app.books.engine) as s:
        found = s.exec(select(AuditEvent).where(AuditEvent.action == action))
        return [json.loads(e.details or "{}") for e in found]


def approve_from(app: RunningApp, team: str, channel: str, entry_id: int, ts: str) -> None:
    payload = block_actions_payload(
        "approve",
        str(entry_id),
        CONTROLLER,
        channel,
        ts,
        response_url=app.fake.response_url(),
        team_id=team,
    )
    assert app.post(interaction_body(payload)).status_code == 200


def test_a_request_from_one_workspace_never_acts_on_another_workspaces_entry(
    distributed: RunningApp,
) -> None:
    app = distributed
    install(app, TEAM_A)
    token_b = install(app, TEAM_B)
    command(app, "40 units obsolete SKU-12 at $15", TEAM_A, CHANNEL_A)
    card = wait_card(app, CHANNEL_A)
    (entry,) = drafts(app)
    assert entry.slack_team == TEAM_A  # the draft records the workspace it came from

    # An approver's click arriving from workspace B naming A's entry: refused, audited.
    approve_from(app, TEAM_B, CHANNEL_B, entry.id or 0, card.response["ts"])
    deadline = time.monotonic() + 5
    while not audit_of(app, "approve_refused") and time.monotonic() < deadline:
        time.sleep(0.02)
    (refusal,) = audit_of(app, "approve_refused")
    assert refusal["team"] == TEAM_B and "another Slack workspace" in refusal["reason"]
    assert drafts(app)[0].status == "draft"
    # B's answer went out with B's token; nothing was posted in A's channel with it.
    assert all(c.args.get("channel") != CHANNEL_A for c in app.fake.calls() if c.token == token_b)

    # The same approver in A approves it: the workspace is the only thing that was wrong.
    approve_from(app, TEAM_A, CHANNEL_A, entry.id or 0, card.response["ts"])
    deadline = time.monotonic() + 5
    while drafts(app)[0].status != "posted" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert drafts(app)[0].status == "posted"
    # Every click's audit event names the workspace it came from.
    assert [e.get("team") for e in audit_of(app, "clicked")] == [TEAM_B, TEAM_A]


def raw_tokens(app: RunningApp) -> list[str]:
    with app.books.engine.connect() as conn:
        rows = list(conn.execute(sa.text("SELECT bot_token FROM slack_bots")))
        rows += list(conn.execute(sa.text("SELECT bot_token FROM slack_installations")))
    return [str(r[0]) for r in rows]


def test_tokens_are_stored_encrypted_and_a_new_key_reseals_them(
    distributed: RunningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = distributed
    token = install(app, TEAM_B)
    stored = raw_tokens(app)
    assert len(stored) == 2 and all(token not in t and not t.startswith("xox") for t in stored)
    # Still the workspace's own token once opened: its /writeoff is answered with it.
    for n in range(3):
        command(app, f"{n + 1} units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
    assert wait_card(app, CHANNEL_B).token == token
    deadline = time.monotonic() + 5
    while len(cards_in(app, CHANNEL_B)) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    # Who the token is was asked once at install and once at its first request, not before
    # every ack.
    assert len([c for c in app.fake.calls("auth.test") if c.token == token]) == 2

    new = Fernet.generate_key().decode()
    monkeypatch.setenv("WRITEOFF_SECRET_KEY", f"{new},{KEY}")
    installs = Installations.open(app.books.engine, Settings(_env_file=None))
    assert all(Fernet(new.encode()).decrypt(t.encode()).decode() == token for t in raw_tokens(app))
    found = installs.store.find_bot(enterprise_id=None, team_id=TEAM_B)
    assert found is not None and found.bot_token == token


def test_distribution_without_a_secret_key_says_what_to_set(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    oauth_env(monkeypatch, fake_slack)
    monkeypatch.delenv("WRITEOFF_SECRET_KEY")
    with pytest.raises(ValueError, match="WRITEOFF_SECRET_KEY"):
        next(start_app(tmp_path, fake_slack))
    # and `writeoff serve` names it among the settings still missing, before starting
    settings = Settings(_env_file=None, SLACK_SIGNING_SECRET="s")
    assert settings.missing_slack_settings(socket_mode=False) == ["WRITEOFF_SECRET_KEY"]


def test_approver_groups_and_names_are_asked_with_the_workspace_own_token(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    oauth_env(monkeypatch, fake_slack)
    fake_slack.usergroups["S0BRAVOCTRL"] = ["U0BRAVOCTRL"]
    approvers = f"{CONTROLLER},S0BRAVOCTRL"
    for app in start_app(tmp_path, fake_slack, WRITEOFF_APPROVERS=approvers):
        token_b = install(app, TEAM_B)
        command(app, "40 units obsolete SKU-12 at $15", TEAM_B, CHANNEL_B)
        card = wait_card(app, CHANNEL_B)
        (entry,) = drafts(app)
        payload = block_actions_payload(
            "approve",
            str(entry.id),
            "U0BRAVOCTRL",
            CHANNEL_B,
            card.response["ts"],
            response_url=app.fake.response_url(),
            team_id=TEAM_B,
        )
        assert app.post(interaction_body(payload)).status_code == 200
        deadline = time.monotonic() + 5
        while drafts(app)[0].status != "posted" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert drafts(app)[0].status == "posted"  # a member of B's group, asked in B
        lookups = app.fake.calls("usergroups.users.list") + app.fake.calls("users.info")
        assert lookups and {c.token for c in lookups} == {token_b}


def test_the_app_leaving_the_token_workspace_stops_serving_it_there_only(
    distributed: RunningApp,
) -> None:
    app = distributed
    token_b = install(app, TEAM_B)
    assert uninstall(app, TEAM_ID).status_code == 200  # SLACK_BOT_TOKEN's own workspace
    command(app, "1 unit expired SKU-1 at $4", TEAM_ID, CHANNEL)
    command(app, "6 units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
    assert wait_card(app, CHANNEL_B).token == token_b
    time.sleep(0.2)
    assert cards_in(app, CHANNEL) == []
    assert [e.channel for e in drafts(app)] == [CHANNEL_B]


def test_a_refused_bot_token_leaves_the_installed_workspaces_served(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    oauth_env(monkeypatch, fake_slack)
    for app in start_app(tmp_path, fake_slack, SLACK_BOT_TOKEN="xoxb-revoked-long-ago"):
        token_b = install(app, TEAM_B)
        command(app, "6 units stolen SKU-4 at $9", TEAM_B, CHANNEL_B)
        assert wait_card(app, CHANNEL_B).token == token_b


def test_beside_socket_mode_the_install_flow_is_served_without_events(
    tmp_path: Path, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    oauth_env(monkeypatch, fake_slack)
    settings = Settings(
        _env_file=None,
        DATABASE_URL=migrated_sqlite_url(tmp_path),
        SLACK_BOT_TOKEN=fake_slack.token,
        SLACK_API_URL=fake_slack.api_url,
    )
    books = open_books(settings)
    app, _ = create_app(books, socket_mode=True)
    with TestClient(create_asgi(None, None, install=app)) as web:
        page = web.get("/slack/install")
        assert page.status_code == 200 and "client_id=" + fake_slack.client_id in page.text
        assert web.post("/slack/events", content="{}").status_code in (404, 405)
    books.engine.dispose()

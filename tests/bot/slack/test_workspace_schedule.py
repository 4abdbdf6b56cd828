"""Messages sent outside a request with several workspaces: a company tied to a workspace
(its team id) is reminded with THAT workspace's installed bot token, never SLACK_BOT_TOKEN's,
and once the workspace uninstalls the app nothing goes out for it with anyone else's token;
a person's Home tab is published with their own workspace's token."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError

from bot.services.books import Resolver
from bot.services.companies import Directory
from bot.services.jobs import JobContext, run_job
from bot.services.quickbooks import QuickBooks
from bot.slack.companies import chat_for, company_jobs
from tests.bot.conftest import CONTROLLER, RunningApp
from tests.bot.slack.test_distribution import (  # noqa: F401 (the fixture)
    TEAM_A,
    TEAM_B,
    distributed,
    install,
    uninstall,
)
from tests.bot.slack.test_slack_e2e import wait_until
from tests.fakes.slack_signing import TEAM_ID, app_home_opened_event, event_callback_body

REMIND_A, REMIND_B, REMIND_OWN = "C0REMINDA", "C0REMINDB", "C0REMINDOWN"


def reminders_in(app: RunningApp, channel: str) -> list[str | None]:
    """The token each month-end reminder posted in `channel` carried."""
    return [
        c.token
        for c in app.fake.calls("chat.postMessage")
        if c.args.get("channel") == channel and "Month-end reminder" in c.args.get("text", "")
    ]


def test_each_companys_reminder_goes_out_with_its_workspace_token(
    distributed: RunningApp,  # noqa: F811
) -> None:
    app = distributed
    token_a, token_b = install(app, TEAM_A), install(app, TEAM_B)
    directory = Directory(app.books.settings, app.books.engine)
    directory.add("Alpha Co", "cli", team_id=TEAM_A)
    directory.set("alpha-co", "reminder_channels", REMIND_A, "cli")
    directory.add("Bravo Co", "cli", team_id=TEAM_B)
    directory.set("bravo-co", "reminder_channels", REMIND_B, "cli")
    directory.set("default", "reminder_channels", REMIND_OWN, "cli")

    # The schedule's contexts as `writeoff serve` builds them (bot/slack/server.py).
    client = app.fake.client()
    team_client = app.deps.team_client
    assert team_client is not None  # distribution is on
    first = Resolver(app.books, ttl=0).books(app.books.company_id)  # its new setting read
    base = JobContext(first, QuickBooks(first), chat_for(first, client, team_client))
    contexts = {c.books.company_slug: c for c in company_jobs(base, client, team_client)()}
    assert set(contexts) == {"alpha-co", "bravo-co"}
    for ctx in (base, contexts["alpha-co"], contexts["bravo-co"]):
        run_job("month-end", ctx)

    assert reminders_in(app, REMIND_A) == [token_a]
    assert reminders_in(app, REMIND_B) == [token_b]
    assert reminders_in(app, REMIND_OWN) == [app.fake.token]  # the first company: no team

    # Bravo's workspace removes the app: its reminder finds no token and goes nowhere,
    # Alpha's still goes out with Alpha's own.
    uninstall(app, TEAM_B)
    run_job("month-end", contexts["alpha-co"])
    with pytest.raises(SlackApiError):  # no token at all: Slack refuses, the scheduler logs it
        run_job("month-end", contexts["bravo-co"])
    assert reminders_in(app, REMIND_A) == [token_a, token_a]
    assert [t for t in reminders_in(app, REMIND_B) if t] == [token_b]


def test_the_home_tab_is_published_with_the_persons_workspace_token(
    distributed: RunningApp,  # noqa: F811
) -> None:
    app = distributed
    token_a = install(app, TEAM_A)

    def published(token: str) -> bool:
        return any(c.token == token for c in app.fake.calls("views.publish"))

    opened = app_home_opened_event("U0ALPHAUSER")
    app.post_json(event_callback_body(opened, "EvHomeA", team_id=TEAM_A))
    wait_until(lambda: published(token_a))
    app.post_json(event_callback_body(app_home_opened_event(CONTROLLER), "EvHomeOwn", TEAM_ID))
    wait_until(lambda: published(app.fake.token))
    by_user = {c.args["user_id"]: c.token for c in app.fake.calls("views.publish")}
    assert by_user == {"U0ALPHAUSER": token_a, CONTROLLER: app.fake.token}

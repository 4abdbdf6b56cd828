"""Every log line of a Slack request carries its request id, team and user: a failure in a
lazy listener (another thread) can be traced back to the click or command that caused it."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot import logs
from ledger.drafting import DraftContext
from tests.bot.conftest import CHANNEL, REPORTER, start_app
from tests.bot.slack.test_slack_e2e import wait_until
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import TEAM_ID, slash_command_body


def broken_drafter(text: str, context: DraftContext) -> list[Any]:
    raise RuntimeError("drafter exploded")


def test_a_listener_failure_is_logged_with_the_request(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    out = io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    logs.configure("INFO", out)
    try:
        apps: Iterator[Any] = start_app(tmp_path, fake_slack, drafter=broken_drafter)
        app = next(apps)
        resp = app.post(slash_command_body("40 units SKU-12 at $15", REPORTER, CHANNEL))
        assert resp.status_code == 200
        wait_until(lambda: "drafter exploded" in out.getvalue())
        lines = [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]
        failed = [
            ln for ln in lines if "failed" in ln["msg"] and "drafter exploded" in ln.get("exc", "")
        ]
        assert failed, lines
        line = failed[0]
        assert line["user"] == REPORTER and line["team"] == TEAM_ID and line["channel"] == CHANNEL
        assert len(line["request_id"]) == 12
        next(apps, None)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)

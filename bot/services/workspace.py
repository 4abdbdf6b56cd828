"""The Slack workspace a request comes from, and keeping workspaces apart.

One deployment may serve several workspaces (distribution). The Slack layer binds the
request's team id into the request context once (the middleware in bot/slack/app.py, and
again in every lazy listener: bot/slack/listeners/common.py `guarded`), the same binding
that puts it on every log line; the use cases read it here. Outside a Slack request (the
command line, scheduled jobs) there is none and nothing is refused for it.
"""

from __future__ import annotations

from bot import logs
from ledger.models import JournalEntry

OTHER_WORKSPACE = "That entry belongs to another Slack workspace."


def request_team() -> str | None:
    team = logs.current().get("team")
    return str(team) if team else None


def other_workspace(entry: JournalEntry) -> bool:
    """True when a Slack request from one workspace names an entry drafted in another."""
    team = request_team()
    return bool(team and entry.slack_team and entry.slack_team != team)

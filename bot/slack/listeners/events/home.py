"""The App Home tab opened: publish the person's Home (the publisher keeps it current)."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.home import HomePublisher
from bot.slack.listeners.common import Body


def opened(body: Body, client: WebClient, context: BoltContext) -> None:
    event = body.get("event") or {}
    if event.get("tab", "home") != "home":  # the Messages tab: nothing to show
        return
    user = str(event.get("user") or "")
    publisher = context.get("home")
    if user and isinstance(publisher, HomePublisher):
        publisher.opened(user, context.team_id)

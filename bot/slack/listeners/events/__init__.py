"""Events: the bot mentioned, a message in a watched channel."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.common import Lazy, guarded, just_ack
from bot.slack.listeners.events import home, messages

EVENTS: dict[str, list[Lazy]] = {
    "app_mention": [messages.app_mention],
    "message": [messages.message],
    "app_home_opened": [home.opened],
}


def register(app: App) -> None:
    for event, lazy in EVENTS.items():
        app.event(event)(ack=just_ack, lazy=[guarded(fn) for fn in lazy])

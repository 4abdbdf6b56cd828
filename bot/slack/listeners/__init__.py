"""Listeners by kind (actions, commands, events, shortcuts, views): each kind's package holds
a table of id -> handlers and a `register(app)`; every handler is a top-level function."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, shortcuts, views


def register_listeners(app: App) -> None:
    for kind in (commands, actions, views, events, shortcuts):
        kind.register(app)

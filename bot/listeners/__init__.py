"""Listeners by kind; register_listeners wires them all onto the Bolt app."""

from __future__ import annotations

from slack_bolt import App

from bot.deps import Deps
from bot.listeners import actions, commands, events, month_end, sheets, shortcuts, views


def register_listeners(app: App, deps: Deps) -> None:
    for module in (commands, actions, views, events, shortcuts, month_end, sheets):
        module.register(app, deps)

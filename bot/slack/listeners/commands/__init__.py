"""Slash commands."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.ids import Id
from bot.slack.listeners.commands.writeoff import ack_writeoff, run_writeoff
from bot.slack.listeners.common import guarded

COMMANDS = {Id.COMMAND: (ack_writeoff, [run_writeoff])}


def register(app: App) -> None:
    for command, (ack, lazy) in COMMANDS.items():
        app.command(str(command))(ack=ack, lazy=[guarded(fn) for fn in lazy])

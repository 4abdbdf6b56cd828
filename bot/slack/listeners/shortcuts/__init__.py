"""Shortcuts."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.ids import Id
from bot.slack.listeners.common import Lazy, guarded, just_ack
from bot.slack.listeners.shortcuts.draft import draft_from_message

SHORTCUTS: dict[Id, list[Lazy]] = {Id.SHORTCUT_DRAFT: [draft_from_message]}


def register(app: App) -> None:
    for callback_id, lazy in SHORTCUTS.items():
        app.shortcut(str(callback_id))(ack=just_ack, lazy=[guarded(fn) for fn in lazy])

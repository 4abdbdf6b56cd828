"""Modal submissions, by callback id."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App

from bot.slack.ids import Id
from bot.slack.listeners.common import Lazy, guarded
from bot.slack.listeners.views import submissions as sub

VIEWS: dict[Id, tuple[Callable[..., None], list[Lazy]]] = {
    Id.VIEW_NEW_WRITEOFF: (sub.ack_writeoff_form, [sub.draft_writeoff_form]),
    Id.VIEW_EDIT: (sub.ack_edit, [sub.after_edit]),
    Id.VIEW_REJECT: (sub.just_close, [sub.reject]),
    Id.VIEW_REVERSE: (sub.just_close, [sub.reverse]),
    Id.VIEW_QBO_MAPPING: (sub.just_close, [sub.apply_mapping]),
}


def register(app: App) -> None:
    for callback_id, (ack, lazy) in VIEWS.items():
        app.view(str(callback_id))(ack=ack, lazy=[guarded(fn) for fn in lazy])

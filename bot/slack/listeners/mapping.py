"""Opening the QuickBooks mapping dialog, from the "Fix mapping" button or `/writeoff map`."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.services import qbo_setup
from bot.services.deps import Deps
from bot.slack.listeners.common import Body, tell_user, user_of
from bot.slack.ui.mapping import loading_modal, mapping_modal, message_modal

log = logging.getLogger("bot.slack")


def open_mapping(deps: Deps, client: WebClient, body: Body, trigger_id: str, channel: str) -> None:
    """Open the dialog at once (a trigger lives 3 seconds), then fill it from QuickBooks."""
    user = user_of(body)
    if not deps.approvers.is_approver(user):
        deps.audit("qbo_mapping_refused", user)
        tell_user(client, body, "Only approvers can map QuickBooks accounts.")
        return
    opened = client.views_open(trigger_id=trigger_id, view=loading_modal())
    view_id = str((opened.get("view") or {}).get("id") or "")
    dialog = qbo_setup.dialog_or_reason(deps.quickbooks)
    if isinstance(dialog, str):
        log.warning("mapping dialog not shown: %s", dialog)
        view = message_modal(dialog)
    else:
        view = mapping_modal(dialog, channel)
    client.views_update(view_id=view_id, view=view)

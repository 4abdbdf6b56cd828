"""Buttons on QuickBooks alerts: Retry, Reconnect, Fix mapping (the mapping dialog)."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import qbo_setup
from bot.slack.cards import publish_card, refresh_card
from bot.slack.ids import Id
from bot.slack.listeners.commands.subcommands import connect_quickbooks
from bot.slack.listeners.common import (
    Body,
    clicked,
    deps_of,
    entry_id_of,
    ids_of,
    push_now,
    tell_user,
    user_of,
)
from bot.slack.listeners.mapping import open_mapping


def retry(body: Body, client: WebClient, context: BoltContext) -> None:
    """A failed or held push goes back to the queue and is pushed at once."""
    deps = deps_of(context)
    ids = ids_of(body)
    user = user_of(body)
    one = ids[0] if len(ids) == 1 else None
    clicked(deps, body, Id.QBO_RETRY, one)
    if not deps.approvers.is_approver(user):
        deps.audit("qbo_retry_refused", user, one)
        tell_user(client, body, "Only approvers can retry QuickBooks pushes.")
        return
    requeued = [i for i in ids if deps.quickbooks.requeue(i)]
    for entry_id in requeued:
        deps.audit("qbo_retry_requested", user, entry_id)
    push_now(context, client, requeued)


def reconnect(body: Body, client: WebClient, context: BoltContext) -> None:
    tell_user(client, body, connect_quickbooks(deps_of(context), user_of(body)))


def fix_mapping(body: Body, client: WebClient, context: BoltContext) -> None:
    """ "Fix mapping" on a held entry's alert: the mapping dialog."""
    deps = deps_of(context)
    clicked(deps, body, Id.QBO_FIX_MAPPING, None)
    channel = (body.get("channel") or {}).get("id") or ""
    open_mapping(deps, client, body, str(body.get("trigger_id") or ""), channel)


def true_up(body: Body, client: WebClient, context: BoltContext) -> None:
    """ "Draft true-up" on a card QuickBooks valued differently: a draft card for approval."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    user = user_of(body)
    clicked(deps, body, Id.QBO_TRUE_UP, entry_id)
    if entry_id is None:
        return
    if not deps.approvers.is_approver(user):
        deps.audit("qbo_true_up_refused", user, entry_id)
        tell_user(client, body, "Only approvers can draft a true-up.")
        return
    drafted = qbo_setup.draft_true_up(deps.quickbooks, entry_id, user)
    if isinstance(drafted, str):
        tell_user(client, body, drafted)
        return
    channel = (body.get("channel") or {}).get("id") or ""
    publish_card(client, deps.books, drafted, channel)
    refresh_card(client, deps.books, entry_id)
    tell_user(client, body, "True-up drafted below: approve it to bring the ledger in step.")

"""Buttons on a write-off card and beside a batch of cards: Approve, Approve all, Edit,
Reject, Reverse, and "Post dated today" after a closed-period refusal."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions
from bot.services.cards import edit_form
from bot.services.display import Result
from bot.slack.cards import refresh_card
from bot.slack.ids import Id
from bot.slack.listeners.common import (
    Body,
    after_posting,
    clicked,
    deps_of,
    entry_id_of,
    ids_of,
    tell_user,
    user_of,
)
from bot.slack.ui import replies
from bot.slack.ui.card import approved_all_note
from bot.slack.ui.forms import edit_modal, reject_modal, reverse_modal
from bot.slack.ui.month_end import redate_offer
from ledger.status import EntryStatus


def approve(body: Body, client: WebClient, context: BoltContext) -> None:
    """Post the draft, update its card, then push it to QuickBooks at once. Once posted, a
    failure in the card or the push is not an approval failure (after_posting)."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    clicked(deps, body, Id.APPROVE, entry_id)
    if entry_id is None:
        return
    outcome = decisions.approve(deps, user_of(body), entry_id)
    if outcome.result is Result.PERIOD_CLOSED:
        container = body.get("container") or {}
        text = replies.approved(outcome)
        client.chat_postEphemeral(
            channel=container.get("channel_id") or body["channel"]["id"],
            user=user_of(body),
            text=text,
            blocks=redate_offer(entry_id, text),
        )
    elif outcome.result is not Result.DONE:
        tell_user(client, body, replies.approved(outcome))
    if outcome.ok:
        after_posting(context, client, body, [entry_id])


def approve_all(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    ids = ids_of(body)
    user = user_of(body)
    clicked(deps, body, Id.APPROVE_ALL, None)
    posted, problems = [], []
    for entry_id in ids:
        outcome = decisions.approve(deps, user, entry_id)
        if outcome.ok:
            posted.append(entry_id)
        else:
            problems.append(f"#{entry_id}: {replies.approved(outcome)}")
    summary = replies.approved_all(user, len(posted), len(ids))
    container = body.get("container") or {}
    message = body.get("message") or {}
    if posted and container.get("message_ts"):
        # Long lists come as several batch buttons: drop only the one that was clicked.
        clicked_block = str(body["actions"][0].get("block_id") or "")
        client.chat_update(
            channel=container["channel_id"],
            ts=container["message_ts"],
            text=summary,
            blocks=approved_all_note(message.get("blocks") or [], clicked_block, summary),
        )
    if problems:
        tell_user(client, body, replies.not_posted(problems))
    after_posting(context, client, body, posted)


def edit(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    clicked(deps, body, Id.EDIT, entry_id)
    entry = decisions.load_entry(deps, entry_id) if entry_id else None
    if entry is None:
        return
    refused = decisions.check_role(deps, user_of(body), entry, "edit")
    if refused:
        tell_user(client, body, refused.reason)
        return
    if entry.status != EntryStatus.DRAFT:
        tell_user(client, body, f"This entry is {entry.status}; only drafts can be edited.")
        return
    form = edit_form(deps.books, entry.id or 0)
    if form is not None:
        client.views_open(trigger_id=body["trigger_id"], view=edit_modal(*form))


def _ask_reason(
    body: Body, client: WebClient, context: BoltContext, action: str, modal: Any
) -> None:
    """Reject and Reverse ask for a reason first: check the role, then open the modal."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    clicked(deps, body, action, entry_id)
    entry = decisions.load_entry(deps, entry_id) if entry_id else None
    if entry is None:
        return
    refused = decisions.check_role(deps, user_of(body), entry, action)
    if refused:
        tell_user(client, body, refused.reason)
        return
    client.views_open(trigger_id=body["trigger_id"], view=modal(entry.id or 0))


def reject(body: Body, client: WebClient, context: BoltContext) -> None:
    _ask_reason(body, client, context, "reject", reject_modal)


def reverse(body: Body, client: WebClient, context: BoltContext) -> None:
    _ask_reason(body, client, context, "reverse", reverse_modal)


def approve_redate(body: Body, client: WebClient, context: BoltContext) -> None:
    """The offer after a closed-period refusal: date the draft today, then post it."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    if entry_id is None:
        return
    user = user_of(body)
    redated = decisions.redate_today(deps, user, entry_id)
    if not redated.ok:
        if redated.result is not Result.NOT_FOUND:
            tell_user(client, body, replies.problems_or_reason(redated))
        return
    outcome = decisions.approve(deps, user, entry_id)
    tell_user(client, body, replies.approved(outcome))
    if outcome.ok:
        after_posting(context, client, body, [entry_id])
    else:
        refresh_card(client, deps.books, entry_id)  # it is dated today now

"""Buttons on a write-off card and beside a batch of cards: Approve, Approve all, Edit,
Reject, Reverse, and "Post dated today" after a closed-period refusal."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions, periods, second_reading
from bot.services.cards import edit_form
from bot.services.display import Outcome, Result
from bot.slack.cards import refresh_card
from bot.slack.ids import Id
from bot.slack.listeners.common import (
    Body,
    action_value,
    after_posting,
    clicked,
    deps_of,
    entry_id_of,
    ids_of,
    tell_user,
    user_of,
)
from bot.slack.ui import replies
from bot.slack.ui.card import approved_all_note, pending_confirm_blocks
from bot.slack.ui.forms import edit_modal, reject_modal, reverse_modal
from bot.slack.ui.month_end import redate_offer
from ledger.status import EntryStatus


def approve(body: Body, client: WebClient, context: BoltContext) -> None:
    """Post the draft, update its card, then push it to QuickBooks at once. While Claude's
    second reading is still due, ask first (it may change the amount). Once posted, a
    failure in the card or the push is not an approval failure (after_posting)."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    clicked(deps, body, Id.APPROVE, entry_id)
    if entry_id is None:
        return
    if second_reading.is_pending(deps.books, entry_id):
        refused = decisions.allowed(deps, user_of(body), entry_id, "approve")
        if refused:  # no point asking someone who may not approve it anyway
            tell_user(client, body, refused.reason)
            return
        version = second_reading.version(deps.books, entry_id) or ""
        container = body.get("container") or {}
        client.chat_postEphemeral(
            channel=container.get("channel_id") or body["channel"]["id"],
            user=user_of(body),
            text=replies.SECOND_READING_PENDING,
            blocks=pending_confirm_blocks(entry_id, version, replies.SECOND_READING_PENDING),
        )
        return
    _approve_now(body, client, context, entry_id)


def approve_pending(body: Body, client: WebClient, context: BoltContext) -> None:
    """ "Approve without it": approve the draft the approver was asked about, unless it
    changed since (the second reading arrived or someone corrected it)."""
    deps = deps_of(context)
    entry_part, _, version = action_value(body).partition("|")
    entry_id = int(entry_part) if entry_part.isdigit() else None
    clicked(deps, body, Id.APPROVE_PENDING, entry_id)
    if entry_id is None:
        return
    if second_reading.version(deps.books, entry_id) != version:
        tell_user(client, body, replies.SECOND_READING_CHANGED)
        return
    _approve_now(body, client, context, entry_id)


def _approve_now(body: Body, client: WebClient, context: BoltContext, entry_id: int) -> None:
    deps = deps_of(context)
    outcome = decisions.approve(deps, user_of(body), entry_id)
    if outcome.result is Result.WAITING:  # one of two approvals: the card shows it
        refresh_card(client, deps.books, entry_id)
    if outcome.result is Result.PERIOD_CLOSED:
        container = body.get("container") or {}
        text = replies.approved(outcome)
        client.chat_postEphemeral(
            channel=container.get("channel_id") or body["channel"]["id"],
            user=user_of(body),
            text=text,
            blocks=redate_offer(entry_id, text, periods.first_open_day(deps), periods.today(deps)),
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
    posted: list[int] = []
    waiting: list[int] = []
    problems: dict[str, list[int]] = {}
    for entry_id in ids:
        if second_reading.is_pending(deps.books, entry_id):
            problems.setdefault(replies.SECOND_READING_SKIPPED, []).append(entry_id)
            continue
        # Each entry is checked on its own: its tier, its preparers, its approvals.
        outcome = decisions.approve(deps, user, entry_id)
        if outcome.ok:
            posted.append(entry_id)
        elif outcome.result is Result.WAITING:
            waiting.append(entry_id)
            problems.setdefault(SECOND_APPROVER, []).append(entry_id)
        else:
            problems.setdefault(_why_not(outcome), []).append(entry_id)
    for entry_id in waiting:  # posted ones are re-rendered by after_posting
        refresh_card(client, deps.books, entry_id)
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


SECOND_APPROVER = "your approval is recorded; it posts when a second approver approves it"


def _why_not(outcome: Outcome) -> str:
    """One reason for Approve all's summary (the same for every entry it held back)."""
    if outcome.result is Result.INVALID:
        return "incomplete or unbalanced: fix it with Edit on its card"
    if outcome.result is Result.PERIOD_CLOSED:
        return "dated in a closed month: approve it on its card to post it in an open one"
    return replies.approved(outcome)


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
    client.views_open(
        trigger_id=body["trigger_id"],
        view=modal(entry.id or 0, entry.number, deps.books.label),
    )


def reject(body: Body, client: WebClient, context: BoltContext) -> None:
    _ask_reason(body, client, context, "reject", reject_modal)


def reverse(body: Body, client: WebClient, context: BoltContext) -> None:
    _ask_reason(body, client, context, "reverse", reverse_modal)


def approve_redate(body: Body, client: WebClient, context: BoltContext) -> None:
    """The offer after a closed-period refusal: date the draft on the first open day (worked
    out again now: a month may have closed since the offer), then post it."""
    deps = deps_of(context)
    entry_id = entry_id_of(body)
    if entry_id is None:
        return
    user = user_of(body)
    day = periods.first_open_day(deps)
    if day is None:
        tell_user(client, body, "Every month from this one on is closed; reopen one first.")
        return
    redated = decisions.redate(deps, user, entry_id, day)
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

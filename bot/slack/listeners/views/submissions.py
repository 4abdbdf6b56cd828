"""Modal submissions: the new write-off form, Edit, Reject and Reverse."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.services import decisions, intake, qbo_setup
from bot.services.display import Result
from bot.slack.cards import refresh_card
from bot.slack.deliver import deliver
from bot.slack.listeners.common import Body, deps_of, push_now, tell_user, user_of
from bot.slack.ui import replies
from bot.slack.ui.forms import (
    edit_errors,
    missing_lines_errors,
    parse_edit_submission,
    parse_reason,
    parse_writeoff_form,
    refusal_errors,
)
from bot.slack.ui.mapping import applied_text, parse_mapping
from ledger.problems import Problem


def _entry_id(body: Body) -> int:
    return int(body["view"]["private_metadata"])


def _values(body: Body) -> dict[str, object]:
    return dict(body["view"]["state"]["values"])


def just_close(ack: Ack) -> None:
    ack()


# -- the new write-off form ------------------------------------------------------------------


def ack_writeoff_form(ack: Ack, body: Body) -> None:
    form = parse_writeoff_form(_values(body))
    if form.errors:
        ack(response_action="errors", errors=form.errors)
        return
    ack()


def draft_writeoff_form(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    form = parse_writeoff_form(_values(body))
    if form.errors:
        return  # the modal showed the errors and stays open: nothing to draft yet
    channel = body["view"].get("private_metadata") or user_of(body)
    reporter = user_of(body)

    def reply(msg: str) -> None:
        client.chat_postEphemeral(channel=channel, user=reporter, text=msg)

    try:
        drafts, text = intake.read_form(
            deps.books,
            form.reason,
            sku=form.sku,
            quantity=form.quantity,
            unit_cost=form.unit_cost,
            total=form.total,
            location=form.location,
            note=form.note,
        )
    except KeyError:  # a reason the form no longer offers (an old modal)
        reply("That reason is no longer offered; open the form again with `/writeoff`.")
        return
    report = intake.Report(
        text=text, reporter=reporter, channel=channel, key=f"form:{body['view']['id']}"
    )
    deliver(deps, client, report, drafts, reply)


# -- edit ----------------------------------------------------------------------------------------


def ack_edit(ack: Ack, body: Body, context: BoltContext) -> None:
    """Validated and saved before the ack: the modal must show field errors, and Slack
    waits for this answer (it is a few milliseconds of database work)."""
    sub = parse_edit_submission(_values(body))
    if sub.errors:
        ack(response_action="errors", errors=sub.errors)
        return
    if not sub.lines:
        ack(response_action="errors", errors=missing_lines_errors())
        return
    lines = [decisions.LineEdit(ln.account, ln.debit, ln.credit, ln.row) for ln in sub.lines]
    outcome = decisions.edit(
        deps_of(context), user_of(body), _entry_id(body), lines, sub.entry_date, sub.memo
    )
    if outcome.result is Result.REFUSED:
        ack(response_action="errors", errors=refusal_errors(outcome.reason))
        return
    if not outcome.ok:
        problems = list(outcome.problems) or [Problem(None, None, outcome.reason)]
        ack(response_action="errors", errors=edit_errors(problems))
        return
    ack()


def after_edit(body: Body, client: WebClient, context: BoltContext) -> None:
    refresh_card(client, deps_of(context).books, _entry_id(body))


# -- reject and reverse --------------------------------------------------------------------------


def reject(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    entry_id = _entry_id(body)
    user = user_of(body)
    reason = parse_reason(_values(body)) or "no reason given"
    outcome = decisions.reject(deps, user, entry_id, reason)
    if not outcome.ok or outcome.entry is None:
        tell_user(client, body, replies.problems_or_reason(outcome))
        return
    refresh_card(client, deps.books, entry_id)
    entry = outcome.entry
    if outcome.created and entry.card:
        client.chat_postMessage(
            channel=entry.card[0],
            thread_ts=entry.card[1],
            text=replies.rejected_thread(entry.reporter, user, reason),
        )


def reverse(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    entry_id = _entry_id(body)
    user = user_of(body)
    reason = parse_reason(_values(body)) or "no reason given"
    outcome = decisions.reverse(deps, user, entry_id, reason)
    if not outcome.ok or outcome.entry is None:
        tell_user(client, body, replies.problems_or_reason(outcome))
        return
    refresh_card(client, deps.books, entry_id)
    original = decisions.load_entry(deps, entry_id)
    if outcome.created and original and original.card_channel and original.card_ts:
        client.chat_postMessage(
            channel=original.card_channel,
            thread_ts=original.card_ts,
            text=replies.reversed_thread(outcome.entry.number, user, reason),
        )
    if outcome.created:
        # Pushed at once, like an approval; its state then shows on the original's card.
        push_now(context, client, [outcome.entry.id])


# -- the QuickBooks mapping dialog -------------------------------------------------------------


def apply_mapping(body: Body, client: WebClient, context: BoltContext) -> None:
    """Confirm: the choices applied (audited), missing accounts created, held entries sent."""
    deps = deps_of(context)
    user = user_of(body)
    channel = body["view"].get("private_metadata") or ""

    def reply(text: str) -> None:
        if channel:
            client.chat_postEphemeral(channel=channel, user=user, text=text)
        else:
            client.chat_postMessage(channel=user, text=text)

    choices = parse_mapping(_values(body))
    if not choices:
        return  # the loading or message dialog, or nothing chosen
    if not deps.approvers.is_approver(user):
        deps.audit("qbo_mapping_refused", user)
        reply("Only approvers can map QuickBooks accounts.")
        return
    result = qbo_setup.apply_or_reason(deps.quickbooks, choices, user)
    if isinstance(result, str):
        reply(result)
        return
    reply(applied_text(result))
    if result.requeued:
        push_now(context, client, list(result.requeued))

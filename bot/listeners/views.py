"""Modal submissions: the new write-off form, Edit, Reject and Reverse."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import (
    CALLBACK_EDIT,
    CALLBACK_NEW_WRITEOFF,
    CALLBACK_REJECT,
    CALLBACK_REVERSE,
    EDIT_ENTRY_DATE,
    LINE_CREDIT,
    LINE_DEBIT,
    escape,
    mention,
    parse_edit_submission,
    parse_reason,
    parse_writeoff_form,
)
from bot.deps import Deps, guarded, tell_user
from bot.intake import Report
from bot.listeners import decisions
from bot.listeners.reports import deliver_and_confirm, draft_or_explain
from ledger.posting import LineInput

_LINE_PROBLEM = re.compile(r"^line (\d+): ")


def _entry_id(body: dict[str, Any]) -> int:
    return int(body["view"]["private_metadata"])


def _user(body: dict[str, Any]) -> str:
    return str(body["user"]["id"])


def edit_errors(problems: list[str]) -> dict[str, str]:
    """Put each posting problem next to the field it is about."""
    errors: dict[str, str] = {}
    for problem in problems:
        m = _LINE_PROBLEM.match(problem)
        if m:
            block = LINE_DEBIT.format(int(m.group(1)) - 1)
            errors.setdefault(block, problem[m.end() :])
        elif "closed" in problem:
            errors.setdefault(EDIT_ENTRY_DATE, problem)
        else:
            errors.setdefault(LINE_DEBIT.format(0), problem)
    return errors


def register(app: App, deps: Deps) -> None:
    def ack_form(ack: Ack, body: dict[str, Any]) -> None:
        form = parse_writeoff_form(body["view"]["state"]["values"])
        if form.errors:
            ack(response_action="errors", errors=form.errors)
            return
        ack()

    def run_form(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        form = parse_writeoff_form(body["view"]["state"]["values"])
        if form.errors:
            return  # the modal showed the errors and stays open: nothing to draft yet
        channel = body["view"].get("private_metadata") or _user(body)
        report = Report(
            text=form.as_text(),
            reporter=_user(body),
            channel=channel,
            key=f"form:{body['view']['id']}",
        )
        drafts, problem = draft_or_explain(deps, report)
        reply = lambda msg: client.chat_postEphemeral(  # noqa: E731
            channel=channel, user=report.reporter, text=msg
        )
        if drafts is None:
            reply(problem or "I could not draft that.")
            return
        deliver_and_confirm(deps, client, report, drafts, reply)

    def ack_edit(ack: Ack, body: dict[str, Any]) -> None:
        # Validated and saved before the ack: the modal must show field errors, and Slack
        # waits for this answer (it is a few milliseconds of database work).
        sub = parse_edit_submission(body["view"]["state"]["values"])
        if sub.errors:
            ack(response_action="errors", errors=sub.errors)
            return
        if not sub.lines:
            ack(response_action="errors", errors={LINE_DEBIT.format(0): "Enter the lines"})
            return
        lines = [LineInput(ln.account, ln.debit, ln.credit) for ln in sub.lines]
        outcome = decisions.edit(
            deps, _user(body), _entry_id(body), lines, sub.entry_date, sub.memo
        )
        if not outcome.ok:
            problems = list(outcome.problems) or [outcome.message]
            errors = (
                {LINE_CREDIT.format(0): outcome.message}
                if outcome.refused
                else edit_errors(problems)
            )
            ack(response_action="errors", errors=errors)
            return
        ack()

    def after_edit(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        decisions.update_cards(client, deps, _entry_id(body))

    def ack_close(ack: Ack) -> None:
        ack()

    def run_reject(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        entry_id = _entry_id(body)
        reason = parse_reason(body["view"]["state"]["values"]) or "no reason given"
        outcome = decisions.reject(deps, _user(body), entry_id, reason)
        if not outcome.ok or outcome.entry is None:
            tell_user(client, body, outcome.message)
            return
        decisions.update_cards(client, deps, entry_id)
        entry = outcome.entry
        if outcome.created and entry.card_channel and entry.card_ts:
            client.chat_postMessage(
                channel=entry.card_channel,
                thread_ts=entry.card_ts,
                text=f"{mention(entry.reporter)} this write-off was rejected by "
                f"{mention(_user(body))}: {escape(reason)}",
            )

    def run_reverse(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        entry_id = _entry_id(body)
        reason = parse_reason(body["view"]["state"]["values"]) or "no reason given"
        outcome = decisions.reverse(deps, _user(body), entry_id, reason, deps.on_posted)
        if not outcome.ok or outcome.entry is None:
            tell_user(client, body, outcome.message)
            return
        decisions.update_cards(client, deps, entry_id)
        original = decisions.load_entry(deps, entry_id)
        if outcome.created and original and original.card_channel and original.card_ts:
            client.chat_postMessage(
                channel=original.card_channel,
                thread_ts=original.card_ts,
                text=f"Reversed by {outcome.entry.number} ({mention(_user(body))}): "
                f"{escape(reason)}",
            )

    app.view(CALLBACK_NEW_WRITEOFF)(ack=ack_form, lazy=[guarded(run_form)])
    app.view(CALLBACK_EDIT)(ack=ack_edit, lazy=[guarded(after_edit)])
    app.view(CALLBACK_REJECT)(ack=ack_close, lazy=[guarded(run_reject)])
    app.view(CALLBACK_REVERSE)(ack=ack_close, lazy=[guarded(run_reverse)])

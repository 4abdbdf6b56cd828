"""Approve, reject, edit and reverse: the rules a click goes through, Slack-agnostic
apart from the client used to update the card and answer the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from slack_sdk import WebClient

from bot.blocks import escape, mention
from bot.cards import refresh_card
from bot.deps import Deps
from ledger.db import session_scope
from ledger.models import JournalEntry
from ledger.posting import (
    LineInput,
    PeriodClosedError,
    PostingError,
    edit_draft,
    post_entry,
    reject_entry,
    reverse_entry,
)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    entry: JournalEntry | None = None
    created: bool = False
    refused: bool = False  # the user may not do this (role, segregation of duties)
    problems: tuple[str, ...] = ()  # why the books refused it, one item per problem
    period_closed: bool = False  # refused only because its month is closed


def load_entry(deps: Deps, entry_id: int) -> JournalEntry | None:
    with session_scope(deps.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != deps.books.company_id:
            return None
        return entry


def check_role(deps: Deps, user: str, entry: JournalEntry, action: str) -> Outcome | None:
    """None when allowed; otherwise the refusal (already audited)."""
    decision = deps.approvers.may_decide(user, entry.reporter, action)
    if decision.allowed:
        return None
    deps.audit(f"{action}_refused", user, entry.id, reason=decision.reason)
    return Outcome(False, decision.reason, refused=True)


def allowed(deps: Deps, user: str, entry_id: int, action: str) -> Outcome | None:
    """None when `user` may `action` this entry; otherwise why not (refusals audited)."""
    entry = load_entry(deps, entry_id)
    if entry is None:
        return Outcome(False, "That entry no longer exists.")
    return check_role(deps, user, entry, action)


def approve(deps: Deps, user: str, entry_id: int, on_posted: Any = None) -> Outcome:
    refused = allowed(deps, user, entry_id, "approve")
    if refused:
        return refused
    settings = deps.settings
    try:
        with session_scope(deps.books.engine) as s:
            result = post_entry(
                s,
                deps.books.company_id,
                entry_id,
                approver=user,
                max_amount=settings.writeoff_max_amount,
                currency=settings.writeoff_currency,
                on_posted=on_posted,
            )
    except PeriodClosedError as exc:
        deps.audit("approve_failed", user, entry_id, problems=exc.problems)
        return Outcome(
            False,
            f"{exc}. You can post it dated today, in the open period, instead.",
            period_closed=True,
        )
    except PostingError as exc:
        deps.audit("approve_failed", user, entry_id, problems=exc.problems)
        return Outcome(
            False, "This draft cannot be posted yet: " + escape(str(exc)) + ". Use Edit to fix it."
        )
    if not result.created:
        who = mention(result.entry.approved_by)
        return Outcome(
            True, f"Already posted as {result.entry.number} by {who}.", result.entry, False
        )
    return Outcome(True, f"Posted {result.entry.number}.", result.entry, True)


def reject(deps: Deps, user: str, entry_id: int, reason: str) -> Outcome:
    refused = allowed(deps, user, entry_id, "reject")
    if refused:
        return refused
    try:
        with session_scope(deps.books.engine) as s:
            result = reject_entry(s, deps.books.company_id, entry_id, actor=user, reason=reason)
    except PostingError as exc:
        return Outcome(False, escape(str(exc)))
    return Outcome(True, "Rejected.", result.entry, result.created)


def edit(
    deps: Deps,
    user: str,
    entry_id: int,
    lines: list[LineInput],
    entry_date: date | None,
    memo: str | None,
) -> Outcome:
    refused = allowed(deps, user, entry_id, "edit")
    if refused:
        return refused
    try:
        with session_scope(deps.books.engine) as s:
            edited = edit_draft(
                s,
                deps.books.company_id,
                entry_id,
                lines,
                actor=user,
                entry_date=entry_date,
                memo=memo,
                max_amount=deps.settings.writeoff_max_amount,
                currency=deps.settings.writeoff_currency,
            )
    except PostingError as exc:
        deps.audit("edit_failed", user, entry_id, problems=exc.problems)
        return Outcome(False, "; ".join(exc.problems), problems=tuple(exc.problems))
    return Outcome(True, "Edited.", edited, True)


def reverse(deps: Deps, user: str, entry_id: int, reason: str, on_posted: Any = None) -> Outcome:
    refused = allowed(deps, user, entry_id, "reverse")
    if refused:
        return refused
    try:
        with session_scope(deps.books.engine) as s:
            result = reverse_entry(
                s,
                deps.books.company_id,
                entry_id,
                actor=user,
                reason=reason,
                entry_date=date.today(),
                max_amount=deps.settings.writeoff_max_amount,
                on_posted=on_posted,
            )
    except PostingError as exc:
        return Outcome(False, escape(str(exc)))
    return Outcome(True, f"Reversed by {result.entry.number}.", result.entry, result.created)


def update_cards(client: WebClient, deps: Deps, *entry_ids: int) -> None:
    for entry_id in entry_ids:
        refresh_card(client, deps.books.engine, deps.settings, entry_id)

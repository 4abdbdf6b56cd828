"""Approve, edit, reject, reverse: the rules a decision goes through, whoever asks (a button
in Slack or the command line). Each returns an Outcome (bot/services/display.py) saying what
happened to the books; front ends word it for people."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlmodel import Session, select

from bot.services.deps import Deps
from bot.services.display import EntryRef, EntryState, Outcome, Result
from bot.services.roles import Draft
from bot.services.workspace import OTHER_WORKSPACE, other_workspace
from ledger.db import session_scope
from ledger.models import JournalEntry, OutboxItem, OutboxStatus
from ledger.names import remember_names
from ledger.posting import (
    LineInput,
    PeriodClosedError,
    PostingError,
    approvals_of,
    edit_draft,
    entry_lines,
    post_entry,
    record_approval,
    reject_entry,
    reverse_entry,
)
from ledger.status import EntryStatus

log = logging.getLogger(__name__)


def ref(entry: JournalEntry) -> EntryRef:
    card = (entry.card_channel, entry.card_ts) if entry.card_channel and entry.card_ts else None
    return EntryRef(
        entry.id or 0, entry.number, str(entry.status), entry.reporter, entry.approved_by, card
    )


def load_entry(deps: Deps, entry_id: int) -> JournalEntry | None:
    with session_scope(deps.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != deps.books.company_id:
            return None
        return entry


def books_now(deps: Deps, entry_ids: Sequence[int]) -> list[EntryState] | None:
    """These entries as the books hold them now (ids not in this company's books are left
    out); None when the books cannot be read. What a front end words an answer from after
    something failed part-way: the failure may have come before or after a commit."""
    try:
        with session_scope(deps.books.engine) as s:
            states = []
            for entry_id in entry_ids:
                entry = s.get(JournalEntry, entry_id)
                if entry is None or entry.company_id != deps.books.company_id:
                    continue
                item = s.exec(select(OutboxItem).where(OutboxItem.entry_id == entry_id)).first()
                by = s.get(JournalEntry, entry.reversed_by_id) if entry.reversed_by_id else None
                synced = item is not None and item.status == OutboxStatus.SYNCED
                states.append(
                    EntryState(
                        entry_id,
                        entry.number,
                        str(entry.status),
                        synced,
                        item.external_id if item is not None and synced else None,
                        by.number if by is not None else None,
                    )
                )
            return states
    except Exception:  # the books are out of reach too: say so rather than guess
        log.exception("could not read entries %s after a failure", list(entry_ids))
        return None


def draft_facts(entry: JournalEntry) -> Draft:
    """What the approval rules weigh: amount, preparers, policy exceptions, approvals."""
    details = json.loads(entry.details or "{}")
    return Draft(
        entry.reporter,
        entry.total,
        tuple(details.get("preparers") or ()),
        tuple(details.get("exceptions") or ()),
        tuple(a.by for a in approvals_of(entry)),
    )


def check_role(deps: Deps, user: str, entry: JournalEntry, action: str) -> Outcome | None:
    """None when allowed; otherwise the refusal (already audited)."""
    if other_workspace(entry):
        deps.audit(f"{action}_refused", user, entry.id, reason=OTHER_WORKSPACE)
        return Outcome(Result.REFUSED, reason=OTHER_WORKSPACE)
    decision = deps.approvers.may_decide(user, entry.reporter, action, draft_facts(entry))
    if decision.allowed:
        return None
    deps.audit(f"{action}_refused", user, entry.id, reason=decision.reason)
    return Outcome(Result.REFUSED, reason=decision.reason)


def allowed(deps: Deps, user: str, entry_id: int, action: str) -> Outcome | None:
    """None when `user` may `action` this entry; otherwise why not (refusals audited)."""
    entry = load_entry(deps, entry_id)
    if entry is None:
        return Outcome(Result.NOT_FOUND, reason="That entry no longer exists.")
    return check_role(deps, user, entry, action)


def _of_company(deps: Deps) -> str:
    """ " of Acme Foods" in a refusal when the deployment keeps several companies: an
    approver of one client asking for another's month is told whose it is."""
    return f" of {deps.books.label}" if deps.books.label else ""


def require_approver(deps: Deps, user: str, what: str, **details: Any) -> str | None:
    """None for an approver of these books; otherwise the refusal text (audited as
    `<what>_refused` in these books' chain: an approver of another company is refused too)."""
    if deps.approvers.is_approver(user):
        return None
    deps.audit(f"{what}_refused", user, **details)
    return f"Only approvers{_of_company(deps)} can {what.replace('_', ' ')}."


def require_report_viewer(deps: Deps, user: str, what: str) -> str | None:
    """None for an approver or one of WRITEOFF_REPORT_VIEWERS; otherwise the refusal text
    (audited as `<what>_refused`). The month's figures and the ledger are not for everyone."""
    if deps.approvers.is_approver(user) or deps.approvers.is_member(
        user, deps.settings.report_viewers
    ):
        return None
    deps.audit(f"{what}_refused", user)
    return (
        f"Only approvers and report viewers{_of_company(deps)} can {what} the write-offs; "
        "ask a controller (an admin can add you to WRITEOFF_REPORT_VIEWERS)."
    )


def approve(deps: Deps, user: str, entry_id: int, *, trusted: bool = False) -> Outcome:
    """Post a draft exactly once. `trusted`: the command line's operator, who has the
    database anyway, is not checked against the Slack approver list."""
    if not trusted:
        refused = allowed(deps, user, entry_id, "approve")
        if refused:
            return refused
    settings = deps.settings
    entry = load_entry(deps, entry_id)
    needed = deps.approvers.approvals_needed(entry.total) if entry and not trusted else 1
    names = _names(deps, entry.reporter if entry else None, user)
    try:
        with session_scope(deps.books.engine) as s:
            if names:
                draft = s.get(JournalEntry, entry_id)
                if draft is not None and draft.status == EntryStatus.DRAFT:
                    remember_names(draft, names)
                    s.add(draft)
            if needed > 1:
                draft, approvals = record_approval(
                    s,
                    deps.books.company_id,
                    entry_id,
                    approver=user,
                    needed=needed,
                    max_amount=settings.writeoff_max_amount,
                    currency=settings.writeoff_currency,
                )
                if draft.status == EntryStatus.DRAFT and len(approvals) < needed:
                    return Outcome(Result.WAITING, ref(draft))
            result = post_entry(
                s,
                deps.books.company_id,
                entry_id,
                approver=user,
                max_amount=settings.writeoff_max_amount,
                currency=settings.writeoff_currency,
                on_posted=deps.on_posted,
            )
    except PostingError as exc:
        # A click that failed is recorded (who tried what); the command line's operator
        # sees the refusal in the terminal and nothing is written, as for any refusal there.
        if not trusted:
            deps.audit("approve_failed", user, entry_id, problems=exc.problems)
        closed = isinstance(exc, PeriodClosedError)
        return Outcome(
            Result.PERIOD_CLOSED if closed else Result.INVALID, problems=tuple(exc.problems)
        )
    return Outcome(Result.DONE if result.created else Result.ALREADY, ref(result.entry))


def _names(deps: Deps, *users: str | None) -> dict[str, str]:
    """Display names for the people on an entry; a lookup that fails leaves the id."""
    names = {}
    for user in {u for u in users if u}:
        try:
            name = deps.names(user)
        except Exception:  # a name is a nicety: never refuse an approval over it
            name = None
        if isinstance(name, str) and name.strip():
            names[user] = name.strip()
    return names


def reject(deps: Deps, user: str, entry_id: int, reason: str) -> Outcome:
    refused = allowed(deps, user, entry_id, "reject")
    if refused:
        return refused
    try:
        with session_scope(deps.books.engine) as s:
            result = reject_entry(s, deps.books.company_id, entry_id, actor=user, reason=reason)
    except PostingError as exc:
        return Outcome(Result.INVALID, problems=tuple(exc.problems))
    return Outcome(Result.DONE if result.created else Result.ALREADY, ref(result.entry))


class LineEdit(NamedTuple):
    """One line as a person edited it; `row` is the line it was in the edit form (its
    facts, SKU, quantity, unit cost, location and description, stay with it)."""

    account: str
    debit: Decimal
    credit: Decimal
    row: int | None = None


def _with_facts(edits: Sequence[LineEdit], old: Sequence[LineInput]) -> list[LineInput]:
    """The edited amounts and accounts with each line's facts kept. A line added in the form
    is about the same goods: it takes the first line's description, SKU and location, but
    no quantity or unit cost (nobody said how many of them it is)."""
    first = old[0] if old else None
    lines = []
    for e in edits:
        was = old[e.row] if e.row is not None and 0 <= e.row < len(old) else None
        if was is not None:
            lines.append(replace(was, account=e.account, debit=e.debit, credit=e.credit))
        elif first is not None:
            lines.append(
                LineInput(
                    e.account,
                    e.debit,
                    e.credit,
                    first.description,
                    first.sku,
                    None,
                    None,
                    first.location,
                )
            )
        else:
            lines.append(LineInput(e.account, e.debit, e.credit))
    return lines


def _old_lines(s: Session, entry_id: int) -> list[LineInput]:
    return [
        LineInput(
            a.code,
            jl.debit,
            jl.credit,
            jl.description,
            jl.sku,
            jl.quantity,
            jl.unit_cost,
            jl.location,
            jl.item_quantity,
        )
        for jl, a in entry_lines(s, entry_id)
    ]


def edit(
    deps: Deps,
    user: str,
    entry_id: int,
    edits: Sequence[LineEdit],
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
                _with_facts(edits, _old_lines(s, entry_id)),
                actor=user,
                entry_date=entry_date,
                memo=memo,
                max_amount=deps.settings.writeoff_max_amount,
                currency=deps.settings.writeoff_currency,
                policy=deps.settings.policy,
            )
    except PostingError as exc:
        deps.audit("edit_failed", user, entry_id, problems=exc.problems)
        return Outcome(Result.INVALID, problems=tuple(exc.problems))
    return Outcome(Result.DONE, ref(edited))


def reverse(deps: Deps, user: str, entry_id: int, reason: str, *, trusted: bool = False) -> Outcome:
    if not trusted:
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
                currency=deps.settings.writeoff_currency,
                on_posted=deps.on_posted,
            )
    except PostingError as exc:
        return Outcome(Result.INVALID, problems=tuple(exc.problems))
    return Outcome(Result.DONE if result.created else Result.ALREADY, ref(result.entry))


def redate(deps: Deps, user: str, entry_id: int, day: date) -> Outcome:
    """The offer after a closed-period refusal, first step: date the draft on the first
    open day (an approver's edit, audited; the lines are unchanged, so the approver is not
    a preparer). Posting it is `approve`."""
    entry = load_entry(deps, entry_id)
    if entry is None:
        return Outcome(Result.NOT_FOUND, reason="That entry no longer exists.")
    refused = check_role(deps, user, entry, "approve")
    if refused:
        return refused
    try:
        with session_scope(deps.books.engine) as s:
            edit_draft(
                s,
                deps.books.company_id,
                entry_id,
                _old_lines(s, entry_id),
                actor=user,
                entry_date=day,
                max_amount=deps.settings.writeoff_max_amount,
                currency=deps.settings.writeoff_currency,
            )
    except PostingError as exc:
        return Outcome(Result.INVALID, problems=tuple(exc.problems))
    return Outcome(Result.DONE, ref(entry))

"""Corrections written in a card's thread by the reporter or an approver ("make that 30",
"they were $9 each"): the draft is re-drafted in place (new lines, amount and confidence,
audited as "redrafted" by whoever wrote it). The same path completes a draft the reporter
was asked about ("What did each unit cost? Reply here").

Posted entries never change (a pointer to Reverse instead); other people's replies are
refused politely when they look like a correction and ignored otherwise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlmodel import col, select

from bot.services.deps import Deps
from bot.services.second_reading import SUPERSEDED
from bot.services.workspace import OTHER_WORKSPACE, other_workspace
from ledger.db import session_scope
from ledger.drafting import build_draft
from ledger.drafting.correction import (
    Correction,
    corrected_facts,
    read_correction,
    stored_facts,
)
from ledger.models import JournalEntry
from ledger.posting import PostingError, redraft_entry
from ledger.status import EntryStatus


class Verdict(StrEnum):
    REDRAFTED = "redrafted"
    IGNORED = "ignored"  # chatter, or not about this draft
    NOT_ALLOWED = "not_allowed"  # neither the reporter nor an approver
    DECIDED = "decided"  # posted, reversed, rejected or expired: it no longer changes
    EDITED = "edited"  # a person edited the lines: replies no longer re-draft it
    PROBLEM = "problem"  # numbers it could not place; `problem` says what to reply


@dataclass(frozen=True)
class Corrected:
    verdict: Verdict
    entry_id: int
    status: str = ""
    number: str | None = None
    problem: str = ""
    change: str = ""  # "quantity 30, unit cost $9.00"
    total: Decimal = Decimal("0.00")
    confidence: float | None = None
    missing: tuple[str, ...] = ()
    reporter: str | None = None
    edited_by: str | None = None


def card_entry(deps: Deps, channel: str, thread_ts: str) -> int | None:
    """The entry whose card starts this thread, if any."""
    with session_scope(deps.books.engine) as s:
        return s.exec(
            select(JournalEntry.id).where(
                col(JournalEntry.company_id) == deps.books.company_id,
                col(JournalEntry.card_channel) == channel,
                col(JournalEntry.card_ts) == thread_ts,
            )
        ).first()


def _may_correct(deps: Deps, user: str, entry: JournalEntry) -> bool:
    return user == entry.reporter or deps.approvers.is_approver(user)


def correct(deps: Deps, user: str, entry_id: int, text: str) -> Corrected:
    books = deps.books
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return Corrected(Verdict.IGNORED, entry_id)
        details: dict[str, Any] = json.loads(entry.details or "{}")
    base = Corrected(
        Verdict.IGNORED,
        entry_id,
        status=str(entry.status),
        number=entry.number,
        reporter=entry.reporter,
        edited_by=entry.edited_by,
        total=entry.total,
    )
    policy = books.settings.policy
    reading = read_correction(
        text,
        policy,
        has_quantity=details.get("quantity") is not None,
        has_unit_cost=details.get("unit_cost") is not None,
        has_reason=details.get("category") is not None and not details.get("reason_assumed"),
    )
    if reading is None:
        return base
    if other_workspace(entry):  # a shared channel's other workspace: never its entries
        deps.audit("correction_refused", user, entry_id, reason=OTHER_WORKSPACE)
        return _with(base, Verdict.NOT_ALLOWED)
    if not _may_correct(deps, user, entry):
        deps.audit("correction_refused", user, entry_id, reason="not the reporter or an approver")
        return _with(base, Verdict.NOT_ALLOWED)
    if entry.status != EntryStatus.DRAFT:
        deps.audit("correction_refused", user, entry_id, reason=f"entry is {entry.status}")
        return _with(base, Verdict.DECIDED)
    if entry.reviewed:
        return _with(base, Verdict.EDITED)
    if details.get("kind") == "write_down":
        return _with(
            base,
            Verdict.PROBLEM,
            problem="I can only correct quantities and prices of write-offs here; an "
            "approver can change a write-down with Edit.",
        )
    if reading.problem:
        return _with(base, Verdict.PROBLEM, problem=reading.problem)
    return _apply(deps, user, entry, details, reading, text, base)


def _settles(details: dict[str, Any], c: Correction) -> bool:
    """True when the correction answers every doubt the draft's score stands for: the draft
    was incomplete (it scored low for what was missing), or the readings disputed only what
    the correction now states. A new quantity settles the amount only when the amount was in
    dispute because of the quantity; a new price or total settles the amount."""
    if details.get("missing"):
        return True
    if details.get("reason_assumed") and c.category is not None:
        return True  # "they were damaged": the reason the draft had to assume
    disputed = set(details.get("disputed") or ())
    if not disputed:
        return False
    settled: set[str] = set()
    if c.quantity is not None:
        settled |= {"quantity", "amount"} if "quantity" in disputed else {"quantity"}
    if c.unit_cost is not None or c.total is not None:
        settled.add("amount")
    if c.category is not None:
        settled.add("reason")
    return disputed <= settled


def _with(base: Corrected, verdict: Verdict, **changes: Any) -> Corrected:
    return replace(base, verdict=verdict, **changes)


def _apply(
    deps: Deps,
    user: str,
    entry: JournalEntry,
    details: dict[str, Any],
    c: Correction,
    text: str,
    base: Corrected,
) -> Corrected:
    books = deps.books
    facts = corrected_facts(stored_facts(entry.source_text, details), c)
    new = build_draft(facts, books.context())
    change = c.describe()
    confidence = new.confidence
    if entry.confidence is not None and not _settles(details, c):
        # The readers' doubts are not stored, only their score: a correction that does not
        # settle what they doubted keeps it.
        confidence = min(confidence, entry.confidence)
    new = replace(
        new,
        confidence=confidence,
        explanation=(*new.explanation, f"Corrected in the card's thread: {change}"),
    )
    # A person's words come after the readings: Claude's reading of the original words no
    # longer applies (pending: it will not be applied; otherwise: the card stops quoting it).
    superseded = entry.second_reading is not None
    try:
        with session_scope(books.engine) as s:
            saved = redraft_entry(
                s,
                books.company_id,
                entry.id or 0,
                new,
                actor=user,
                cause="thread correction",
                by_person=True,
                second_reading=SUPERSEDED if superseded else None,
                said=text[:500],
                change=change,
            )
            total = saved.total
    except PostingError:  # decided between the read and the write
        return _with(base, Verdict.DECIDED)
    return _with(
        base,
        Verdict.REDRAFTED,
        change=change,
        total=total,
        confidence=new.confidence,
        missing=new.missing,
    )

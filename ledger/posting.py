"""The posting service: drafts in, posted entries out. Checks first, writes once.

Every write happens in the caller's transaction under the company lock, so an entry, its
lines, the balance updates and the audit event land together or not at all. Posting and
reversing are idempotent: asking again returns the first result and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from ledger.audit import append_event
from ledger.companies import lock_company
from ledger.drafting.types import Draft
from ledger.models import (
    Account,
    Company,
    EntryStatus,
    JournalEntry,
    JournalLine,
    OutboxItem,
    OutboxStatus,
    PeriodLock,
    utcnow,
)
from ledger.money import format_money, quantize
from ledger.periods import Period, as_period
from ledger.policy import Policy
from ledger.problems import Problem, ProblemField
from ledger.review import ReviewLine, review_lines

MAX_LINES = 100
# A physical count booked as one entry has a line per SKU variance (a sheet holds at most
# 20,000 lines) plus the net inventory line.
COUNT_KIND = "count"
COUNT_MAX_LINES = 20_001


def max_lines_for(kind: str) -> int:
    return COUNT_MAX_LINES if kind == COUNT_KIND else MAX_LINES


# Runs inside the posting transaction with the entry just posted (the QuickBooks outbox).
OnPosted = Callable[[Session, JournalEntry], object]


class PostingError(ValueError):
    """An entry that cannot be posted; `problems` lists every reason, each one placed on the
    line and field it is about (`str(error)` joins their plain words with "; ")."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class PeriodClosedError(PostingError):
    def __init__(self, period: Period | str) -> None:
        self.period = as_period(period)
        super().__init__(
            [
                Problem(
                    None,
                    ProblemField.ENTRY_DATE,
                    f"{self.period} is closed: nothing can be posted into it. Date the entry in "
                    "an open period, or ask a controller to reopen it",
                )
            ]
        )


@dataclass(frozen=True)
class LineInput:
    account: str
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    description: str = ""
    sku: str | None = None
    quantity: Decimal | None = None
    unit_cost: Decimal | None = None
    location: str | None = None
    item_quantity: Decimal | None = None  # the quantity in the item's own unit, if not it


@dataclass(frozen=True)
class PostResult:
    entry: JournalEntry
    created: bool  # False when this call found the work already done


def period_of(day: date) -> str:
    """The month's YYYY-MM text (kept for callers that hold text; new code: Period.of)."""
    return str(Period.of(day))


def is_period_closed(session: Session, company_id: int, period: Period | str) -> bool:
    """Closed months are read once per transaction (close and reopen refresh the cache)."""
    key = f"tx:closed:{company_id}"
    closed: set[Period] | None = session.info.get(key)
    if closed is None:
        closed = session.info[key] = {
            Period.parse(text)
            for text in session.exec(
                select(PeriodLock.period).where(
                    PeriodLock.company_id == company_id, col(PeriodLock.closed).is_(True)
                )
            )
        }
    return as_period(period) in closed


def check_lines(
    lines: Sequence[LineInput],
    accounts: dict[str, Account],
    *,
    max_amount: Decimal,
    currency: str = "USD",
    allow_inactive: bool = False,
    max_lines: int = MAX_LINES,
) -> list[Problem]:
    """Every reason these lines cannot be posted (empty list: they can). Pure.

    `allow_inactive`: an account made inactive still takes a reversal (undoing must always
    work)."""
    problems: list[Problem] = []
    if len(lines) < 2:
        problems.append(Problem(None, ProblemField.LINES, "an entry needs at least two lines"))
    if len(lines) > max_lines:
        problems.append(
            Problem(None, ProblemField.LINES, f"an entry may have at most {max_lines:,} lines")
        )
    for i, ln in enumerate(lines, start=1):
        for name, value in ((ProblemField.DEBIT, ln.debit), (ProblemField.CREDIT, ln.credit)):
            if not isinstance(value, Decimal) or not value.is_finite():
                problems.append(Problem(i, name, "amounts must be exact decimal numbers"))
                break
        else:
            if ln.debit < 0 or ln.credit < 0:
                side = ProblemField.DEBIT if ln.debit < 0 else ProblemField.CREDIT
                problems.append(Problem(i, side, "amounts must be positive"))
            elif (ln.debit > 0) == (ln.credit > 0):
                problems.append(
                    Problem(
                        i, ProblemField.AMOUNT, "put an amount in either the debit or the credit"
                    )
                )
            elif quantize(ln.debit) != ln.debit or quantize(ln.credit) != ln.credit:
                side = ProblemField.DEBIT if quantize(ln.debit) != ln.debit else ProblemField.CREDIT
                problems.append(Problem(i, side, "amounts must be in whole cents"))
        acct = accounts.get(ln.account)
        if acct is None:
            problems.append(
                Problem(
                    i,
                    ProblemField.ACCOUNT,
                    f"account {ln.account} is not in the chart of accounts",
                )
            )
        elif not acct.active and not allow_inactive:
            problems.append(
                Problem(i, ProblemField.ACCOUNT, f"account {ln.account} {acct.name} is inactive")
            )
    if problems:
        return problems
    debits = sum((ln.debit for ln in lines), Decimal(0))
    credits = sum((ln.credit for ln in lines), Decimal(0))
    if debits != credits:
        problems.append(
            Problem(
                None,
                ProblemField.AMOUNT,
                f"debits {format_money(debits, currency)} do not equal credits "
                f"{format_money(credits, currency)}",
            )
        )
    if debits > max_amount:
        problems.append(
            Problem(
                None,
                ProblemField.AMOUNT,
                f"the total {format_money(debits, currency)} is over the "
                f"{format_money(max_amount, currency)} limit for one entry",
            )
        )
    return problems


def _accounts(session: Session, company_id: int) -> dict[str, Account]:
    """The chart, read once per transaction (save and post in one go read it once)."""
    key = f"tx:accounts:{company_id}"
    cached = session.info.get(key)
    if cached is None:
        cached = {
            a.code: a
            for a in session.exec(select(Account).where(col(Account.company_id) == company_id))
        }
        session.info[key] = cached
    return cached


def lines_from_draft(draft: Draft) -> list[LineInput]:
    return [
        LineInput(
            account=ln.account,
            debit=ln.debit,
            credit=ln.credit,
            description=ln.description,
            sku=draft.sku,
            quantity=draft.quantity,
            unit_cost=draft.unit_cost,
            location=draft.location,
            item_quantity=draft.item_quantity,
        )
        for ln in draft.lines
    ]


def entry_lines(session: Session, entry_id: int) -> list[tuple[JournalLine, Account]]:
    rows = session.exec(
        select(JournalLine, Account)
        .join(Account, col(Account.id) == col(JournalLine.account_id))
        .where(col(JournalLine.entry_id) == entry_id)
        .order_by(col(JournalLine.line_no))
    )
    return list(rows.all())


def _posting_lines(session: Session, entry_id: int) -> list[LineInput]:
    """Only what posting checks (account, debit, credit), read as plain rows: a count's
    entry has thousands of lines, and loading each as an ORM object was most of its post."""
    rows = session.exec(
        select(col(Account.code), col(JournalLine.debit), col(JournalLine.credit))
        .join(Account, col(Account.id) == col(JournalLine.account_id))
        .where(col(JournalLine.entry_id) == entry_id)
        .order_by(col(JournalLine.line_no))
    )
    return [LineInput(code, debit, credit) for code, debit, credit in rows]


def _write_lines(
    session: Session, entry: JournalEntry, lines: Sequence[LineInput], accounts: dict[str, Account]
) -> None:
    # Posting in the same transaction (save and post in one go) need not read them back.
    session.info[f"tx:lines:{entry.id}"] = [
        LineInput(ln.account, quantize(ln.debit), quantize(ln.credit)) for ln in lines
    ]
    if not lines:
        return
    # One executemany in Core: lines are written once and never updated, so they need no
    # ORM identity (and the ORM's per-object cost was a third of posting time).
    session.connection().execute(
        JournalLine.__table__.insert(),  # type: ignore[attr-defined]
        [
            {
                "company_id": entry.company_id,
                "entry_id": entry.id,
                "line_no": no,
                "account_id": accounts[ln.account].id,
                "debit": quantize(ln.debit),
                "credit": quantize(ln.credit),
                "description": ln.description[:500],
                "sku": ln.sku,
                "quantity": ln.quantity,
                "unit_cost": ln.unit_cost,
                "location": ln.location,
                "item_quantity": ln.item_quantity,
            }
            for no, ln in enumerate(lines, start=1)
        ],
    )


def save_draft(
    session: Session,
    company_id: int,
    draft: Draft,
    *,
    actor: str,
    entry_date: date,
    reporter: str | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
    idempotency_key: str | None = None,
    source_text: str | None = None,
    second_reading: str | None = None,
) -> PostResult:
    """Store a draft awaiting approval. With an idempotency key, a second call returns the
    first draft and writes nothing (Slack retries, double submits)."""
    company = lock_company(session, company_id)
    existing = _drafted_under(session, company_id, idempotency_key)
    if existing is not None:
        return PostResult(existing, False)
    accounts = _accounts(session, company_id)
    # A draft's lines may be incomplete, but never name an account outside the chart.
    lines = [ln for ln in lines_from_draft(draft) if ln.account in accounts]
    entry = JournalEntry(
        company_id=company_id,
        entry_date=entry_date,
        memo=draft.memo[:500],
        status=EntryStatus.DRAFT,
        kind=draft.kind.value,
        category=draft.category.value if draft.category else None,
        reason=(draft.reason or "")[:60] or None,
        # The words as the reporter wrote them (the drafter's copy may be one split part).
        source_text=source_text if source_text is not None else draft.source_text,
        reporter=reporter,
        channel=channel,
        message_ts=message_ts,
        confidence=draft.confidence,
        details=json.dumps(draft.to_json()),
        total=quantize(sum((ln.debit for ln in lines), Decimal(0))),
        idempotency_key=idempotency_key,
        second_reading=second_reading,
    )
    return _store_draft(
        session,
        company,
        entry,
        lines,
        accounts,
        actor,
        {
            "source_text": entry.source_text,
            "channel": channel,
            "message_ts": message_ts,
            "reporter": reporter,
            "confidence": draft.confidence,
            "lines": [ln.to_json() for ln in draft.lines],
            "missing": list(draft.missing),
        },
    )


def save_lines(
    session: Session,
    company_id: int,
    lines: Sequence[LineInput],
    *,
    kind: str,
    category: str | None,
    reason: str | None,
    memo: str,
    source_text: str,
    details: dict[str, Any],
    actor: str,
    entry_date: date,
    reporter: str | None = None,
    channel: str | None = None,
    message_ts: str | None = None,
    idempotency_key: str | None = None,
) -> PostResult:
    """Store a draft built from lines rather than from a reader's Draft (a whole physical
    count). The lines are checked as posting would check them, so a draft saved here is
    postable as it stands. Idempotent on the key, like save_draft."""
    company = lock_company(session, company_id)
    existing = _drafted_under(session, company_id, idempotency_key)
    if existing is not None:
        return PostResult(existing, False)
    accounts = _accounts(session, company_id)
    problems = check_lines(
        lines, accounts, max_amount=Decimal("Infinity"), max_lines=max_lines_for(kind)
    )
    if problems:
        raise PostingError(problems)
    total = quantize(sum((ln.debit for ln in lines), Decimal(0)))
    entry = JournalEntry(
        company_id=company_id,
        entry_date=entry_date,
        memo=memo[:500],
        status=EntryStatus.DRAFT,
        kind=kind,
        category=category,
        reason=(reason or "")[:60] or None,
        source_text=source_text,
        reporter=reporter,
        channel=channel,
        message_ts=message_ts,
        details=json.dumps(details),
        total=total,
        idempotency_key=idempotency_key,
    )
    return _store_draft(
        session,
        company,
        entry,
        lines,
        accounts,
        actor,
        {
            "source_text": source_text,
            "channel": channel,
            "message_ts": message_ts,
            "reporter": reporter,
            "kind": kind,
            # The lines themselves are in journal_line; a count may have thousands.
            "line_count": len(lines),
            "total": str(total),
        },
    )


def _drafted_under(
    session: Session, company_id: int, idempotency_key: str | None
) -> JournalEntry | None:
    """The draft already saved under this idempotency key (Slack retries, double submits)."""
    if not idempotency_key:
        return None
    return session.exec(
        select(JournalEntry).where(
            col(JournalEntry.company_id) == company_id,
            col(JournalEntry.idempotency_key) == idempotency_key,
        )
    ).first()


def _store_draft(
    session: Session,
    company: Company,
    entry: JournalEntry,
    lines: Sequence[LineInput],
    accounts: dict[str, Account],
    actor: str,
    event: dict[str, Any],
) -> PostResult:
    """Write a new draft, its lines and its "drafted" audit event."""
    session.add(entry)
    session.flush()
    _write_lines(session, entry, lines, accounts)
    append_event(session, company, "drafted", actor, entry_id=entry.id, details=event)
    session.flush()
    return PostResult(entry, True)


def edit_draft(
    session: Session,
    company_id: int,
    entry_id: int,
    lines: Sequence[LineInput],
    *,
    actor: str,
    entry_date: date | None = None,
    memo: str | None = None,
    max_amount: Decimal,
    currency: str = "USD",
    policy: Policy | None = None,
) -> JournalEntry:
    """Replace a draft's lines after checking them; posted entries are never edited.

    Whoever changes the lines or amounts becomes one of the draft's preparers (they may not
    approve it alone); with `policy`, the explanation is recomputed for the new lines and
    the lines that break the policy are recorded as its exceptions (in `details`)."""
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status != EntryStatus.DRAFT:
        raise PostingError(
            [
                Problem(
                    None,
                    ProblemField.STATUS,
                    f"entry {entry.number or entry.id} is {entry.status}: only drafts "
                    "can be edited (correct a posted entry with a reversal)",
                )
            ]
        )
    accounts = _accounts(session, company_id)
    problems = check_lines(
        lines,
        accounts,
        max_amount=max_amount,
        currency=currency,
        max_lines=max_lines_for(entry.kind),
    )
    new_date = entry_date or entry.entry_date
    if is_period_closed(session, company_id, Period.of(new_date)):
        problems.append(
            Problem(
                None,
                ProblemField.ENTRY_DATE,
                f"{Period.of(new_date)} is closed: choose a date in an open period",
            )
        )
    if problems:
        raise PostingError(problems)
    old = entry_lines(session, entry_id)
    before = [_line_json(jl, acct) for jl, acct in old]
    changed = [(a.code, jl.debit, jl.credit) for jl, a in old] != [
        (ln.account, quantize(ln.debit), quantize(ln.credit)) for ln in lines
    ]
    session.execute(sa.delete(JournalLine).where(col(JournalLine.entry_id) == entry_id))
    _write_lines(session, entry, lines, accounts)
    if changed:
        _record_preparer(entry, lines, accounts, actor, policy)
    entry.entry_date = new_date
    if memo is not None:
        entry.memo = memo[:500]
    entry.total = quantize(sum((ln.debit for ln in lines), Decimal(0)))
    entry.edited_by = actor
    entry.reviewed = True
    entry.updated_at = utcnow()
    session.add(entry)
    append_event(
        session,
        company,
        "edited",
        actor,
        entry_id=entry.id,
        details={
            "before": before,
            "after": [_input_json(ln) for ln in lines],
            "entry_date": new_date.isoformat(),
            "memo": entry.memo,
            "lines_changed": changed,
        },
    )
    session.flush()
    return entry


def _not_a_draft(entry: JournalEntry) -> PostingError:
    return PostingError(
        [
            Problem(
                None,
                ProblemField.STATUS,
                f"entry {entry.number or entry.id} is {entry.status}: only drafts "
                "can be changed (correct a posted entry with a reversal)",
            )
        ]
    )


# What a new reading of a draft keeps from the old one: who drafted it and who prepared it,
# and the names shown for them (never the approvals, which were for the old lines).
KEPT_ON_REDRAFT = frozenset({"drafted_by", "names", "preparers"})


def redraft_entry(
    session: Session,
    company_id: int,
    entry_id: int,
    draft: Draft,
    *,
    actor: str,
    cause: str,
    second_reading: str | None = None,
    only_if_second_reading: str | None = None,
    extra_facts: dict[str, object] | None = None,
    by_person: bool = False,
    **details: object,
) -> JournalEntry:
    """Replace a draft by a new reading of it (Claude's second reading, a correction the
    reporter or an approver wrote in the card's thread): new lines, amount, confidence and
    facts, audited as an edit of the draft ("redrafted", with `cause` and before/after).
    Like save_draft, the new draft may be incomplete; posted entries are never changed.

    `only_if_second_reading`: refuse (PostingError) unless the entry's second reading is still
    in this state, checked under the lock (a person's correction may have come first).
    `extra_facts`: kept in the stored details beside the draft's own facts.
    `by_person`: a person's words changed the amounts (a correction), so `actor` prepared
    this draft: recorded as its editor, as Edit does (segregation of duties reads it)."""
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status != EntryStatus.DRAFT:
        raise _not_a_draft(entry)
    if only_if_second_reading is not None and entry.second_reading != only_if_second_reading:
        raise PostingError(
            [Problem(None, ProblemField.STATUS, "the draft changed meanwhile; not re-drafted")]
        )
    accounts = _accounts(session, company_id)
    lines = [ln for ln in lines_from_draft(draft) if ln.account in accounts]
    before = [_line_json(jl, acct) for jl, acct in entry_lines(session, entry_id)]
    confidence_before = entry.confidence
    session.execute(sa.delete(JournalLine).where(col(JournalLine.entry_id) == entry_id))
    _write_lines(session, entry, lines, accounts)
    entry.kind = draft.kind.value
    entry.category = draft.category.value if draft.category else None
    entry.reason = (draft.reason or "")[:60] or None
    entry.memo = draft.memo[:500]
    entry.confidence = draft.confidence
    kept = {k: v for k, v in json.loads(entry.details or "{}").items() if k in KEPT_ON_REDRAFT}
    if by_person and actor not in kept.setdefault("preparers", []):
        kept["preparers"].append(actor)  # their words changed the amounts: a preparer
    # Approvals given before (dual approval's first) were for other lines: they lapse.
    entry.details = json.dumps({**draft.to_json(), **(extra_facts or {}), **kept})
    entry.total = quantize(sum((ln.debit for ln in lines), Decimal(0)))
    if second_reading is not None:
        entry.second_reading = second_reading
    if by_person:
        entry.edited_by = actor
    entry.updated_at = utcnow()
    session.add(entry)
    append_event(
        session,
        company,
        "redrafted",
        actor,
        entry_id=entry.id,
        details={
            "cause": cause,
            "before": before,
            "after": [_input_json(ln) for ln in lines],
            "confidence_before": confidence_before,
            "confidence": draft.confidence,
            "missing": list(draft.missing),
            "second_reading": entry.second_reading,
            **details,
        },
    )
    session.flush()
    return entry


def set_second_reading(
    session: Session,
    company_id: int,
    entry_id: int,
    state: str,
    *,
    actor: str,
    **details: object,
) -> JournalEntry | None:
    """Record where the second reading stands without changing the entry's lines (it agreed,
    or it is unavailable, or the entry was decided or edited by a person meanwhile). Audited.
    None when the entry does not exist."""
    company = lock_company(session, company_id)
    entry = session.get(JournalEntry, entry_id, populate_existing=True)
    if entry is None or entry.company_id != company_id:
        return None
    entry.second_reading = state
    entry.updated_at = utcnow()
    session.add(entry)
    append_event(
        session,
        company,
        "second_reading",
        actor,
        entry_id=entry.id,
        details={"state": state, **details},
    )
    session.flush()
    return entry


def _record_preparer(
    entry: JournalEntry,
    lines: Sequence[LineInput],
    accounts: dict[str, Account],
    actor: str,
    policy: Policy | None,
) -> None:
    """The editor of lines is a preparer; the policy is re-checked on what they wrote."""
    details = json.loads(entry.details or "{}")
    preparers = list(details.get("preparers") or [])
    if actor not in preparers:
        preparers.append(actor)
    details["preparers"] = preparers
    # An approval given before the lines changed was for other lines: it no longer counts.
    details.pop("approvals", None)
    if policy is not None:
        review = review_lines(
            entry.category,
            entry.reason,
            [
                ReviewLine(ln.account, accounts[ln.account].name, ln.debit, ln.credit)
                for ln in lines
            ],
            policy,
            {code: a.name for code, a in accounts.items()},
        )
        details["explanation"] = list(review.explanation)
        details["exceptions"] = list(review.exceptions)
    entry.details = json.dumps(details)


@dataclass(frozen=True)
class Approval:
    by: str
    at: str  # ISO time, UTC


def approvals_of(entry: JournalEntry) -> list[Approval]:
    """The approvals a draft has so far (dual approval: the first one waits here)."""
    raw = json.loads(entry.details or "{}").get("approvals") or []
    return [Approval(str(a["by"]), str(a["at"])) for a in raw]


def record_approval(
    session: Session,
    company_id: int,
    entry_id: int,
    *,
    approver: str,
    needed: int,
    max_amount: Decimal,
    currency: str = "USD",
) -> tuple[JournalEntry, list[Approval]]:
    """One approval of a draft that needs `needed` different approvers, under the company
    lock (two approvers clicking at once are counted one after the other). Returns the
    approvals so far; when there are `needed` of them the caller posts it in the same
    transaction. An approver already counted is not counted twice. The first approvals are
    audited; a draft that cannot be posted as it stands is refused before any is counted."""
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status != EntryStatus.DRAFT:
        return entry, approvals_of(entry)
    lines = [LineInput(a.code, jl.debit, jl.credit) for jl, a in entry_lines(session, entry_id)]
    problems = check_lines(
        lines, _accounts(session, company_id), max_amount=max_amount, currency=currency
    )
    if problems:
        raise PostingError(problems)
    approvals = approvals_of(entry)
    if any(a.by == approver for a in approvals):
        return entry, approvals
    approvals.append(Approval(approver, utcnow().isoformat()))
    details = json.loads(entry.details or "{}")
    details["approvals"] = [{"by": a.by, "at": a.at} for a in approvals]
    entry.details = json.dumps(details)
    entry.updated_at = utcnow()
    session.add(entry)
    if len(approvals) < needed:
        append_event(
            session,
            company,
            "approval_recorded",
            approver,
            entry_id=entry.id,
            details={"approvals": len(approvals), "needed": needed},
        )
    session.flush()
    return entry, approvals


def post_entry(
    session: Session,
    company_id: int,
    entry_id: int,
    *,
    approver: str,
    max_amount: Decimal,
    currency: str = "USD",
    on_posted: OnPosted | None = None,
) -> PostResult:
    """Post a draft exactly once. A second call (double click, retry, a second controller)
    returns the posted entry and writes nothing. `on_posted(session, entry)` runs inside the
    same transaction (the QuickBooks outbox hooks in here)."""
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status in (EntryStatus.POSTED, EntryStatus.REVERSED):
        return PostResult(entry, False)
    if entry.status != EntryStatus.DRAFT:
        raise PostingError(
            [
                Problem(
                    None, ProblemField.STATUS, f"this draft was {entry.status}; it cannot be posted"
                )
            ]
        )
    accounts = _accounts(session, company_id)
    lines = session.info.get(f"tx:lines:{entry_id}")
    if lines is None:
        lines = _posting_lines(session, entry_id)
    problems = check_lines(
        lines,
        accounts,
        max_amount=max_amount,
        currency=currency,
        max_lines=max_lines_for(entry.kind),
    )
    if problems:
        raise PostingError(problems)
    if is_period_closed(session, company_id, Period.of(entry.entry_date)):
        raise PeriodClosedError(Period.of(entry.entry_date))
    _apply(session, company, entry, lines, accounts, approver)
    append_event(
        session,
        company,
        "posted",
        approver,
        entry_id=entry.id,
        details={
            "number": entry.number,
            "total": str(entry.total),
            "entry_date": entry.entry_date.isoformat(),
        },
    )
    if on_posted is not None:
        on_posted(session, entry)
    session.flush()
    return PostResult(entry, True)


def _apply(
    session: Session,
    company: Company,
    entry: JournalEntry,
    lines: Sequence[LineInput],
    accounts: dict[str, Account],
    approver: str,
) -> None:
    """Number the entry, mark it posted and move the running balances."""
    entry.number = f"{company.number_prefix or 'JE-'}{company.next_entry_number:06d}"
    company.next_entry_number += 1
    now = utcnow()
    entry.status = EntryStatus.POSTED
    entry.approved_by = approver
    entry.approved_at = now
    entry.posted_at = now
    entry.updated_at = now
    entry.total = quantize(sum((ln.debit for ln in lines), Decimal(0)))
    deltas: dict[str, Decimal] = {}
    for ln in lines:
        deltas[ln.account] = deltas.get(ln.account, Decimal(0)) + ln.debit - ln.credit
    table = Account.__table__  # type: ignore[attr-defined]
    for code, delta in deltas.items():
        # A relative update in SQL: correct even if another writer moved the balance.
        session.connection().execute(
            table.update()
            .where(table.c.id == accounts[code].id)
            .values(balance=table.c.balance + delta)
        )
        session.expire(accounts[code], ["balance"])  # the cached copy is now stale
    session.add(entry)
    session.add(company)
    # Transactional outbox: the export is queued by the same commit that posts.
    session.connection().execute(
        OutboxItem.__table__.insert(),  # type: ignore[attr-defined]
        {
            "company_id": entry.company_id,
            "entry_id": entry.id,
            "status": OutboxStatus.PENDING,
            "attempts": 0,
            "next_attempt_at": now,
            "needs_reconcile": False,
            "created_at": now,
            "updated_at": now,
        },
    )


def post_draft(
    session: Session,
    company_id: int,
    draft: Draft,
    *,
    actor: str,
    approver: str,
    entry_date: date,
    max_amount: Decimal,
    idempotency_key: str | None = None,
    currency: str = "USD",
) -> PostResult:
    """Save and post in one go (command line, tests, benchmarks). Idempotent on the key."""
    saved = save_draft(
        session,
        company_id,
        draft,
        actor=actor,
        entry_date=entry_date,
        idempotency_key=idempotency_key,
        reporter=actor,
    )
    result = post_entry(
        session,
        company_id,
        saved.entry.id or 0,
        approver=approver,
        max_amount=max_amount,
        currency=currency,
    )
    return PostResult(result.entry, saved.created and result.created)


def reject_entry(
    session: Session, company_id: int, entry_id: int, *, actor: str, reason: str
) -> PostResult:
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status == EntryStatus.REJECTED:
        return PostResult(entry, False)
    if entry.status != EntryStatus.DRAFT:
        raise PostingError(
            [
                Problem(
                    None,
                    ProblemField.STATUS,
                    f"entry {entry.number or entry.id} is {entry.status}; only drafts can be "
                    "rejected",
                )
            ]
        )
    entry.status = EntryStatus.REJECTED
    entry.rejected_by = actor
    entry.rejection_reason = reason[:500]
    entry.updated_at = utcnow()
    session.add(entry)
    append_event(session, company, "rejected", actor, entry_id=entry.id, details={"reason": reason})
    session.flush()
    return PostResult(entry, True)


def expire_draft(
    session: Session, company_id: int, entry_id: int, *, actor: str, reason: str
) -> PostResult:
    """A draft nobody decided on: closed as expired (audited), so the queue never rots."""
    company = lock_company(session, company_id)
    entry = _get_entry(session, company_id, entry_id)
    if entry.status != EntryStatus.DRAFT:
        return PostResult(entry, False)
    entry.status = EntryStatus.EXPIRED
    entry.updated_at = utcnow()
    session.add(entry)
    append_event(session, company, "expired", actor, entry_id=entry.id, details={"reason": reason})
    session.flush()
    return PostResult(entry, True)


def reverse_entry(
    session: Session,
    company_id: int,
    entry_id: int,
    *,
    actor: str,
    reason: str,
    entry_date: date,
    max_amount: Decimal,
    currency: str = "USD",
    on_posted: OnPosted | None = None,
) -> PostResult:
    """Post a new entry with debits and credits swapped and link the two. Idempotent: an
    entry already reversed returns its reversal."""
    company = lock_company(session, company_id)
    original = _get_entry(session, company_id, entry_id)
    if original.status == EntryStatus.REVERSED and original.reversed_by_id:
        existing = session.get(JournalEntry, original.reversed_by_id)
        assert existing is not None
        return PostResult(existing, False)
    if original.status != EntryStatus.POSTED:
        raise PostingError(
            [
                Problem(
                    None,
                    ProblemField.STATUS,
                    f"only posted entries can be reversed; this one is {original.status}",
                )
            ]
        )
    if original.reverses_id is not None:
        raise PostingError(
            [
                Problem(
                    None,
                    ProblemField.ENTRY,
                    "this entry is itself a reversal; post a new entry instead",
                )
            ]
        )
    if is_period_closed(session, company_id, Period.of(entry_date)):
        raise PeriodClosedError(Period.of(entry_date))
    accounts = _accounts(session, company_id)
    swapped = [
        LineInput(
            acct.code,
            jl.credit,
            jl.debit,
            f"Reversal of {original.number}: {jl.description}"[:500],
            jl.sku,
            jl.quantity,
            jl.unit_cost,
            jl.location,
            jl.item_quantity,
        )
        for jl, acct in entry_lines(session, entry_id)
    ]
    # An account made inactive since still takes the reversal: undoing must always work.
    problems = check_lines(
        swapped,
        accounts,
        max_amount=max_amount,
        currency=currency,
        allow_inactive=True,
        max_lines=max_lines_for(original.kind),
    )
    if problems:
        raise PostingError(problems)
    reversal = JournalEntry(
        company_id=company_id,
        entry_date=entry_date,
        memo=f"Reversal of {original.number}: {reason}"[:500],
        status=EntryStatus.DRAFT,
        kind=original.kind,
        category=original.category,
        reason=original.reason,
        source_text=original.source_text,
        reporter=original.reporter,
        channel=original.channel,
        message_ts=original.message_ts,
        confidence=original.confidence,
        reviewed=True,
        details=json.dumps({"reversal_reason": reason}),
        reverses_id=original.id,
    )
    session.add(reversal)
    session.flush()
    _write_lines(session, reversal, swapped, accounts)
    _apply(session, company, reversal, swapped, accounts, actor)
    original.status = EntryStatus.REVERSED
    original.reversed_by_id = reversal.id
    original.updated_at = utcnow()
    session.add(original)
    append_event(
        session,
        company,
        "reversed",
        actor,
        entry_id=original.id,
        details={"reason": reason, "reversal_id": reversal.id, "reversal_number": reversal.number},
    )
    append_event(
        session,
        company,
        "posted",
        actor,
        entry_id=reversal.id,
        details={
            "number": reversal.number,
            "total": str(reversal.total),
            "reverses": original.number,
            "entry_date": entry_date.isoformat(),
        },
    )
    if on_posted is not None:
        on_posted(session, reversal)
    session.flush()
    return PostResult(reversal, True)


def close_period(session: Session, company_id: int, period: Period | str, *, actor: str) -> bool:
    """Lock a month. Returns False when it was already closed (nothing written).
    A month given as text must be YYYY-MM (ValueError otherwise)."""
    month = as_period(period)
    company = lock_company(session, company_id)
    lock = _period_lock(session, company_id, month)
    if lock and lock.closed:
        return False
    if lock is None:
        lock = PeriodLock(company_id=company_id, period=str(month))
    lock.closed, lock.closed_by, lock.closed_at = True, actor, utcnow()
    session.add(lock)
    session.info.pop(f"tx:closed:{company_id}", None)
    append_event(session, company, "period_closed", actor, details={"period": str(month)})
    session.flush()
    return True


def reopen_period(session: Session, company_id: int, period: Period | str, *, actor: str) -> bool:
    month = as_period(period)
    company = lock_company(session, company_id)
    lock = _period_lock(session, company_id, month)
    if lock is None or not lock.closed:
        return False
    lock.closed, lock.reopened_by, lock.reopened_at = False, actor, utcnow()
    session.add(lock)
    session.info.pop(f"tx:closed:{company_id}", None)
    append_event(session, company, "period_reopened", actor, details={"period": str(month)})
    session.flush()
    return True


def _period_lock(session: Session, company_id: int, month: Period) -> PeriodLock | None:
    return session.exec(
        select(PeriodLock).where(
            col(PeriodLock.company_id) == company_id, col(PeriodLock.period) == str(month)
        )
    ).first()


def _get_entry(session: Session, company_id: int, entry_id: int) -> JournalEntry:
    # populate_existing: under the lock, read what is committed now, not a cached copy.
    entry = session.get(JournalEntry, entry_id, populate_existing=True)
    if entry is None or entry.company_id != company_id:
        raise PostingError([Problem(None, ProblemField.ENTRY, f"there is no entry {entry_id}")])
    return entry


def _line_json(jl: JournalLine, acct: Account) -> dict[str, str]:
    return {"account": acct.code, "debit": str(jl.debit), "credit": str(jl.credit)}


def _input_json(ln: LineInput) -> dict[str, str]:
    return {
        "account": ln.account,
        "debit": str(quantize(ln.debit)),
        "credit": str(quantize(ln.credit)),
    }

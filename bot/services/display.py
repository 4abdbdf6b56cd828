"""What a front end shows: plain, immutable values built from the books by the services.

The Slack renderers (bot/slack/ui/) and the command line turn these into blocks or text.
Pure: nothing here reads the database or talks to Slack or QuickBooks, so a renderer that
imports it stays pure too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from ledger.problems import Problem
from ledger.status import EntryStatus


@dataclass(frozen=True)
class CardLine:
    account: str
    name: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class CardView:
    """An entry as its card shows it, whatever its status."""

    entry_id: int
    status: EntryStatus
    source_text: str
    reporter: str | None  # Slack user id
    created_at: datetime
    lines: tuple[CardLine, ...]
    total: Decimal
    kind: str
    reason: str | None
    sku: str | None
    quantity: Decimal | None
    unit: str | None
    unit_cost: Decimal | None
    location: str | None
    confidence: float | None
    reviewed: bool
    edited_by: str | None
    explanation: tuple[str, ...]
    warnings: tuple[str, ...]
    missing: tuple[str, ...]
    number: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None
    rejected_by: str | None = None
    rejection_reason: str | None = None
    qbo_status: str | None = None  # "not connected" / "pending" / "synced, ..." / failure
    reversed_by_number: str | None = None
    currency: str = "USD"
    materiality: Decimal = Decimal("1000.00")
    entry_date: date | None = None
    memo: str = ""

    @property
    def balanced(self) -> bool:
        return sum((ln.debit for ln in self.lines), Decimal(0)) == sum(
            (ln.credit for ln in self.lines), Decimal(0)
        )

    @property
    def complete(self) -> bool:
        """Approvable as it stands: nothing missing, two or more lines, balanced."""
        return not self.missing and len(self.lines) >= 2 and self.balanced


@dataclass(frozen=True)
class DriftNotice:
    """A synced entry someone changed or deleted in QuickBooks, for the alert channel."""

    entry_id: int
    number: str
    kind: str  # changed / deleted
    qbo_id: str
    before: tuple[str, ...]  # our lines as approved ("Debit Cost of Goods Sold 600.00")
    after: tuple[str, ...]  # QuickBooks' lines now (empty when deleted)
    who: str | None  # the QuickBooks user, when QuickBooks says
    permalink: str | None = None


@dataclass(frozen=True)
class FailedPush:
    """A posted entry that did not reach QuickBooks, for the alert channel."""

    entry_id: int
    number: str
    total: Decimal
    problem: str  # QuickBooks' error in plain words, with what to do
    permalink: str | None = None


@dataclass(frozen=True)
class Variance:
    line: int
    sku: str
    expected: Decimal
    counted: Decimal
    amount: Decimal | None  # None when no unit cost was found


class SheetStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True)
class SheetSummary:
    evidence_id: int
    file_name: str
    uploaded_by: str | None
    lines_read: int
    unchanged: int
    drafts: int
    complete: int  # drafts that can be approved as they are
    shrinkage: Decimal
    overage: Decimal
    largest: tuple[Variance, ...]
    problems: tuple[tuple[int, str], ...]  # (line, reason)
    currency: str
    status: SheetStatus = SheetStatus.DRAFT
    decided_by: str | None = None
    note: str = ""


@dataclass(frozen=True)
class PendingDraft:
    entry_id: int
    total: Decimal
    memo: str
    link: str | None


@dataclass(frozen=True)
class MonthEndFacts:
    month: str
    kind: str  # early, last, now
    drafts: tuple[PendingDraft, ...]
    drafts_total: Decimal
    qbo_pending: int
    qbo_failed: int
    month_total: Decimal
    last_month_total: Decimal
    by_reason: dict[str, Decimal]
    currency: str


@dataclass(frozen=True)
class CloseCheck:
    """What is still open in a month a controller wants to close."""

    month: str
    drafts: int
    drafts_total: Decimal
    pushes_not_done: int
    currency: str


@dataclass(frozen=True)
class QboStatus:
    """The QuickBooks connection as `/writeoff status` and `writeoff qbo status` show it."""

    configured: bool
    connected: bool
    status: str
    realm_id: str | None
    company_name: str | None
    refresh_token_expires_at: str | None
    refresh_token_expires_soon: bool
    broken_reason: str | None
    mapped_accounts: int
    unmapped_accounts: tuple[str, ...]
    queue: dict[str, int] = field(default_factory=dict)

    @property
    def linked(self) -> bool:
        """A QuickBooks company is linked (connected, or broken and waiting to reconnect)."""
        return self.realm_id is not None

    def to_json(self) -> dict[str, object]:
        return {
            "configured": self.configured,
            "connected": self.connected,
            "status": self.status,
            "realm_id": self.realm_id,
            "company_name": self.company_name,
            "refresh_token_expires_at": self.refresh_token_expires_at,
            "refresh_token_expires_soon": self.refresh_token_expires_soon,
            "broken_reason": self.broken_reason,
            "mapped_accounts": self.mapped_accounts,
            "unmapped_accounts": list(self.unmapped_accounts),
            "queue": dict(self.queue),
        }


@dataclass(frozen=True)
class ReportView:
    """A month's write-offs as the summary card shows them."""

    month: str | None
    currency: str
    total: Decimal
    count: int
    previous_total: Decimal | None  # None: nothing posted last month
    by_reason: dict[str, Decimal]
    by_sku: dict[str, Decimal]
    split: dict[str, Decimal]  # COGS / write-off expense / write-down / reserve / other


@dataclass(frozen=True)
class EntryRef:
    """An entry as a decision's outcome names it."""

    id: int
    number: str | None
    status: str
    reporter: str | None
    approved_by: str | None
    card: tuple[str, str] | None  # (channel, ts) of its card


class Result(StrEnum):
    DONE = "done"  # the books changed now
    ALREADY = "already"  # asked again: the first result stands, nothing written
    REFUSED = "refused"  # this person may not (role, segregation of duties); audited
    INVALID = "invalid"  # the books refuse it as it stands (problems say why)
    PERIOD_CLOSED = "period_closed"  # refused only because its month is closed
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Outcome:
    """What a decision did to the books."""

    result: Result
    entry: EntryRef | None = None
    reason: str = ""  # why it was refused, in plain words (no user text)
    problems: tuple[Problem, ...] = ()  # why the books refused it, each on its field

    @property
    def ok(self) -> bool:
        return self.result in (Result.DONE, Result.ALREADY)

    @property
    def created(self) -> bool:
        return self.result is Result.DONE

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
    reversal_qbo_status: str | None = None  # the reversing entry's QuickBooks state
    currency: str = "USD"
    materiality: Decimal = Decimal("1000.00")
    entry_date: date | None = None
    memo: str = ""
    # The books' version of what this view shows (entry + outbox row): orders card updates.
    version: int = 0
    # QuickBooks valued its InventoryAdjustment differently and no true-up is drafted yet
    true_up_offered: bool = False
    # Claude's second reading: None (not asked), pending, agreed, differs, unconfirmed,
    # unavailable, superseded (a person's correction came first)
    second_reading: str | None = None
    # The approval rules as they apply to this draft (bot/services/roles.py):
    preparers: tuple[str, ...] = ()  # who changed its lines: they may not approve it alone
    exceptions: tuple[str, ...] = ()  # lines that break the policy, after an edit
    approvals: tuple[tuple[str, datetime], ...] = ()  # approvals so far, before posting
    approvals_needed: int = 1
    approver_ids: tuple[str, ...] = ()  # who may approve its amount (when tiers are set)
    self_approval_allowed: bool = False
    reporter_name: str | None = None  # display names, when known
    drafted_by: str | None = None  # who ran the shortcut, when not the reporter
    company: str | None = None  # the company's name, when the deployment keeps several

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
    entity: str = "JournalEntry"  # or InventoryAdjustment (lines by item and QtyDiff)
    company: str | None = None  # the company's name, when the deployment keeps several


@dataclass(frozen=True)
class FailedPush:
    """A posted entry that did not reach QuickBooks, for the alert channel."""

    entry_id: int
    number: str
    total: Decimal
    problem: str  # QuickBooks' error in plain words, with what to do
    permalink: str | None = None
    held: bool = False  # held by us (an account not mapped): "Fix mapping" helps
    company: str | None = None  # the company's name, when the deployment keeps several


@dataclass(frozen=True)
class Variance:
    line: int
    sku: str
    expected: Decimal
    counted: Decimal
    amount: Decimal | None  # None when no unit cost was found
    unit_cost: Decimal | None = None


class SheetStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PARTLY_APPROVED = "partly approved"
    REJECTED = "rejected"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Skipped:
    """A variance that is in no posted entry, and why (e.g. "no unit cost")."""

    line: int
    sku: str
    reason: str


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
    problem_count: int = 0  # unreadable lines; may be more than the ones listed
    status: SheetStatus = SheetStatus.DRAFT
    decided_by: str | None = None
    note: str = ""
    one_entry: bool = False  # the whole count is one adjusting entry
    accounts: tuple[str, ...] = ()  # "5100 Inventory Shrinkage", "1200 Inventory"
    entry_lines: int = 0  # lines of the one entry
    entry_number: str | None = None  # once posted
    qbo_status: str | None = None  # the one entry's QuickBooks state, once posted
    skipped: tuple[Skipped, ...] = ()
    skipped_count: int = 0  # may be more than the ones listed
    posted: int = 0
    rejected: int = 0
    left: int = 0  # drafts still waiting for a decision
    warning: str | None = None  # why the one entry cannot be approved as it is
    entry_id: int | None = None  # the one entry (its Reverse button once posted)
    reversed_by: str | None = None  # the reversing entry's number
    reversal_qbo_status: str | None = None


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
    company: str | None = None  # the company's name, when the deployment keeps several


@dataclass(frozen=True)
class CloseCheck:
    """What is still open in a month a controller wants to close."""

    month: str
    drafts: int
    drafts_total: Decimal
    pushes_not_done: int
    currency: str
    company_id: int = 0  # whose month: the Close button names it, never the channel's guess
    company: str | None = None  # the company's name, when the deployment keeps several


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
    # What the company is like (None until read on connect / map-accounts)
    country: str | None = None
    account_numbers: bool | None = None
    quantity_tracking: bool | None = None
    multicurrency: bool | None = None

    @property
    def company_words(self) -> str:
        """What the connected company is like, in the words the README uses for the modes."""
        return ", ".join(
            [
                f"country {self.country or 'unknown'}",
                "account numbers on" if self.account_numbers else "account numbers off",
                "quantity on hand tracked" if self.quantity_tracking else "no quantity tracking",
                "multicurrency" if self.multicurrency else "one currency",
            ]
        )

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
            "company": {
                "country": self.country,
                "account_numbers": self.account_numbers,
                "quantity_tracking": self.quantity_tracking,
                "multicurrency": self.multicurrency,
            },
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
    # Reserve increases, reported apart: they are in none of the figures above.
    provisions: Decimal = Decimal("0.00")
    provision_count: int = 0
    company: str | None = None  # the company's name, when the deployment keeps several


@dataclass(frozen=True)
class EntryRef:
    """An entry as a decision's outcome names it."""

    id: int
    number: str | None
    status: str
    reporter: str | None
    approved_by: str | None
    card: tuple[str, str] | None  # (channel, ts) of its card


@dataclass(frozen=True)
class EntryState:
    """An entry as the books hold it now: what an answer after a failure is worded from."""

    id: int
    number: str | None
    status: str
    qbo_synced: bool = False
    qbo_id: str | None = None
    reversed_by_number: str | None = None


class Result(StrEnum):
    DONE = "done"  # the books changed now
    ALREADY = "already"  # asked again: the first result stands, nothing written
    WAITING = "waiting"  # an approval counted; the entry needs another approver to post
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


# -- the QuickBooks mapping dialog (w11-map) ---------------------------------------------------

CREATE_IN_QBO = "create"  # the choice "Create in QuickBooks" in the mapping dialog


class MapState(StrEnum):
    MAPPED = "mapped"  # in use: entries go to this account
    PROPOSED = "proposed"  # a close name, preselected but not applied until confirmed
    CREATE = "create"  # no counterpart: confirming creates it in QuickBooks
    INACTIVE = "inactive"  # mapped to an account made inactive in QuickBooks


@dataclass(frozen=True)
class QboAccountChoice:
    qbo_id: str
    name: str
    account_type: str


@dataclass(frozen=True)
class MappingRow:
    code: str
    name: str
    account_type: str
    state: MapState
    selected: str  # a QuickBooks Id, or CREATE_IN_QBO
    selected_name: str  # what the selection shows
    how: str = ""  # "by number", "by name", "by type", "by hand", "created", "close name"


@dataclass(frozen=True)
class MappingDialog:
    """Each ledger account with the QuickBooks account it goes to, or the one proposed, or
    "create"; those needing a decision first."""

    company_name: str | None
    rows: tuple[MappingRow, ...]
    choices: tuple[QboAccountChoice, ...]
    # The Items view: SKU -> (QuickBooks item name, tracks quantity), and SKUs with none
    quantity_tracking: bool = False
    items: tuple[tuple[str, str, bool], ...] = ()
    unmapped_skus: tuple[str, ...] = ()

    @property
    def open_rows(self) -> tuple[MappingRow, ...]:
        return tuple(r for r in self.rows if r.state != MapState.MAPPED)


@dataclass(frozen=True)
class MappingApplied:
    mapped: tuple[tuple[str, str], ...]  # (ledger code, QuickBooks name) chosen now
    created: tuple[tuple[str, str], ...]  # (ledger code, QuickBooks name) created now
    requeued: tuple[int, ...]  # held entries sent again
    still_unmapped: tuple[str, ...]
    problems: tuple[str, ...] = ()  # what QuickBooks refused, in plain words


# -- App Home ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeEntry:
    """One line of the Home tab: a draft waiting for an approver, or a reporter's own report."""

    entry_id: int
    number: str | None
    total: Decimal
    reason: str | None
    reporter: str | None
    created_at: datetime
    status: str
    confidence: float | None = None
    reviewed: bool = False
    complete: bool = True  # approvable as it stands
    card: tuple[str, str] | None = None  # (channel, ts) of its card
    approvals: int = 0  # dual approval: approvals so far
    approvals_needed: int = 1
    company: str | None = None  # its company's name, on a Home spanning several
    currency: str | None = None  # its company's currency when not the view's


@dataclass(frozen=True)
class HomePush:
    """A posted entry whose QuickBooks push failed or is held."""

    entry_id: int
    number: str
    total: Decimal
    status: str  # failed / held
    problem: str


@dataclass(frozen=True)
class HomeView:
    """What the Home tab shows one person, read from the books."""

    user: str
    approver: bool
    currency: str
    now: datetime
    waiting: tuple[HomeEntry, ...] = ()  # oldest first
    waiting_count: int = 0  # all of them (only the oldest are listed)
    waiting_total: Decimal = Decimal("0.00")
    pushes: tuple[HomePush, ...] = ()
    month: str = ""
    month_total: Decimal = Decimal("0.00")
    month_count: int = 0
    reports: tuple[HomeEntry, ...] = ()  # the person's own reports, newest first
    # Several companies: one view per company the person approves for (each with its
    # company's name, id and channel), and `reports` spanning them all.
    by_company: bool = False
    groups: tuple[HomeView, ...] = ()
    company: str | None = None
    company_id: int | None = None
    channel: str | None = None  # where the company's cards are decided


@dataclass(frozen=True)
class ClientLine:
    """One company in `/writeoff clients` (bot/services/clients.py)."""

    name: str
    currency: str
    drafts_waiting: int
    pushes_stuck: int  # failed or held: waiting for a person
    month: str
    month_writeoffs: Decimal
    last_month: str
    last_month_closed: bool
    channel: str | None  # where its cards are decided

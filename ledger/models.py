"""The books' tables (SQLModel). Every table carries a company from the first migration.

Money columns are Decimal in Python and integer cents in the database (SQLite has no
decimal type); quantities and unit costs are stored as exact decimal strings.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from ledger.money import from_cents, to_cents
from ledger.status import EntryStatus, OutboxStatus


def utcnow() -> datetime:
    return datetime.now(UTC)


class Cents(TypeDecorator[Decimal]):
    """Decimal money in Python, BIGINT cents in the database."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"money must be Decimal, got {type(value).__name__}")
        return to_cents(value)

    def process_result_value(self, value: int | None, dialect: Any) -> Decimal | None:
        return None if value is None else from_cents(value)


class ExactDecimal(TypeDecorator[Decimal]):
    """Decimal stored as its exact string (quantities, unit costs with sub-cent precision)."""

    impl = sa.String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"expected Decimal, got {type(value).__name__}")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


def money_column(nullable: bool = False, default: Decimal | None = None) -> Any:
    return sa.Column(Cents(), nullable=nullable, default=default)


class UTCDateTime(TypeDecorator[datetime]):
    """Every datetime in the books: timezone-aware UTC in Python on SQLite and PostgreSQL.

    PostgreSQL stores TIMESTAMP WITH TIME ZONE; SQLite has no time zones, so the value is
    stored as UTC wall-clock text and made aware again on the way out. A naive datetime
    handed in is taken to be UTC already (the books never hold local times).
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        # SQLite would drop the offset anyway: store plain UTC text, always the same shape.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


E = TypeVar("E", bound=StrEnum)


class _EnumValueText(TypeDecorator[str]):
    """What an EnumText column is compared with: members as their value, any other text as
    it is (a filter on an unknown status finds nothing, as it always did)."""

    impl = sa.String
    cache_ok = True

    def process_bind_param(self, value: object, dialect: Any) -> object:
        return value.value if isinstance(value, StrEnum) else value


class EnumText(TypeDecorator[E], Generic[E]):
    """A StrEnum stored as its plain value in a VARCHAR (no database enum type, so adding a
    member needs no migration). Reads give the enum member back; an unknown value written
    (a typo such as "postd") is refused before it reaches the database."""

    impl = sa.String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length=length)
        self.enum = enum
        self.length = length
        longest = max(len(m.value) for m in enum)
        if longest > length:
            raise ValueError(f"{enum.__name__} has a value longer than {length} characters")

    def process_bind_param(self, value: E | str | None, dialect: Any) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Any) -> E | None:
        return None if value is None else self.enum(value)

    def coerce_compared_value(self, op: Any, value: Any) -> Any:
        # Comparisons (==, in_) are lenient; only values written are checked.
        return _EnumValueText(self.length)


class Company(SQLModel, table=True):
    __tablename__ = "company"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    currency: str = Field(default="USD", max_length=3)
    # Entry numbers are gapless per company: taken under the company row's lock at posting.
    next_entry_number: int = Field(default=1)
    # Head of the audit chain, so that deleting the newest events is detected too.
    audit_seq: int = Field(default=0)
    audit_head: str = Field(default="0" * 64, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Entry numbers (and so QuickBooks DocNumbers) are "<prefix><6 digits>", per company.
    number_prefix: str = Field(
        default="JE-", max_length=8, sa_column_kwargs={"server_default": "JE-"}
    )
    # The Slack workspace (team id) the company belongs to; None: the deployment's only one.
    team_id: str | None = Field(default=None, max_length=32)


class CompanySetting(SQLModel, table=True):
    """A company-level setting (materiality, approvers, channels, time zone…) as the text
    its environment variable would hold; bot/services/companies.py validates and reads it.
    A row overrides the environment for that company (the first company falls back to the
    environment; the others to the defaults)."""

    __tablename__ = "company_setting"

    company_id: int = Field(foreign_key="company.id", primary_key=True)
    key: str = Field(max_length=40, primary_key=True)
    value: str = Field(max_length=4000)
    updated_by: str = Field(max_length=64)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChannelLink(SQLModel, table=True):
    """A Slack channel belongs to one company: what /writeoff and messages there act on."""

    __tablename__ = "channel_link"

    channel_id: str = Field(max_length=32, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    linked_by: str = Field(max_length=64)
    linked_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Account(SQLModel, table=True):
    __tablename__ = "account"
    __table_args__ = (sa.UniqueConstraint("company_id", "code", name="uq_account_company_code"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    code: str = Field(max_length=20)
    name: str = Field(max_length=200)
    type: str = Field(max_length=60)  # QuickBooks AccountType, e.g. "Other Current Asset"
    subtype: str | None = Field(default=None, max_length=60)  # QuickBooks AccountSubType
    is_contra: bool = Field(default=False)
    active: bool = Field(default=True)
    # Running balance (debits minus credits), updated in the posting transaction.
    balance: Decimal = Field(default=Decimal("0.00"), sa_column=money_column(default=Decimal(0)))


class Item(SQLModel, table=True):
    __tablename__ = "item"
    __table_args__ = (sa.UniqueConstraint("company_id", "sku", name="uq_item_company_sku"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    sku: str = Field(max_length=64)
    name: str = Field(max_length=200)
    unit_cost: Decimal = Field(sa_column=sa.Column(ExactDecimal(), nullable=False))


class JournalEntry(SQLModel, table=True):
    __tablename__ = "journal_entry"
    __table_args__ = (
        sa.UniqueConstraint("company_id", "number", name="uq_entry_company_number"),
        sa.UniqueConstraint("company_id", "idempotency_key", name="uq_entry_company_idem"),
    )

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    number: str | None = Field(default=None, max_length=21)  # "JE-000123", set when posted
    entry_date: date
    memo: str = Field(default="", max_length=500)
    status: EntryStatus = Field(
        default=EntryStatus.DRAFT, sa_type=EnumText(EntryStatus, 16), index=True
    )
    kind: str = Field(default="write_off", max_length=20)
    category: str | None = Field(default=None, max_length=30)
    reason: str | None = Field(default=None, max_length=60)
    source_text: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False))
    reporter: str | None = Field(default=None, max_length=64)
    channel: str | None = Field(default=None, max_length=64)
    # The Slack workspace (team id) the report came from: one deployment may serve several,
    # and a request from one never acts on another's entry. None: not from Slack.
    slack_team: str | None = Field(default=None, max_length=32)
    message_ts: str | None = Field(default=None, max_length=32)
    card_channel: str | None = Field(default=None, max_length=64)
    card_ts: str | None = Field(default=None, max_length=32)
    # Card ordering (issue 12): `version` counts the changes of this row a card shows (bumped
    # at flush, see bump_versions); a card shows version + its outbox row's version.
    # `card_version` is the render version last sent to the card: an older render is dropped.
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    card_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    confidence: float | None = None
    reviewed: bool = Field(default=False)  # a person edited it: confidence no longer the model's
    # Claude's second reading: None (not asked), pending, agreed, differs, unavailable.
    second_reading: str | None = Field(default=None, max_length=16)
    details: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False))  # draft JSON
    total: Decimal = Field(default=Decimal("0.00"), sa_column=money_column(default=Decimal(0)))
    approved_by: str | None = Field(default=None, max_length=64)
    approved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    edited_by: str | None = Field(default=None, max_length=64)
    rejected_by: str | None = Field(default=None, max_length=64)
    rejection_reason: str | None = Field(default=None, max_length=500)
    reverses_id: int | None = Field(default=None, foreign_key="journal_entry.id")
    reversed_by_id: int | None = Field(default=None, foreign_key="journal_entry.id")
    idempotency_key: str | None = Field(default=None, max_length=200)
    # Where the entry landed in QuickBooks (set by the sync; not part of the frozen record).
    qbo_id: str | None = Field(default=None, max_length=40)
    qbo_sync_token: str | None = Field(default=None, max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    posted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class JournalLine(SQLModel, table=True):
    __tablename__ = "journal_line"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    entry_id: int = Field(foreign_key="journal_entry.id", index=True)
    line_no: int
    account_id: int = Field(foreign_key="account.id", index=True)
    debit: Decimal = Field(default=Decimal("0.00"), sa_column=money_column(default=Decimal(0)))
    credit: Decimal = Field(default=Decimal("0.00"), sa_column=money_column(default=Decimal(0)))
    description: str = Field(default="", max_length=500)
    sku: str | None = Field(default=None, max_length=64)
    quantity: Decimal | None = Field(default=None, sa_column=sa.Column(ExactDecimal()))
    unit_cost: Decimal | None = Field(default=None, sa_column=sa.Column(ExactDecimal()))
    location: str | None = Field(default=None, max_length=120)
    # the quantity in the item's own unit when `quantity` counts pieces of it ("18 cans" of a
    # case-of-12 item: 1.5); None: `quantity` is in the item's unit (migration 0016)
    item_quantity: Decimal | None = Field(default=None, sa_column=sa.Column(ExactDecimal()))


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (sa.UniqueConstraint("company_id", "seq", name="uq_audit_company_seq"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    seq: int  # position in the company's chain, 1-based
    entry_id: int | None = Field(default=None, foreign_key="journal_entry.id", index=True)
    action: str = Field(max_length=40)
    actor: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    details: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False))
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class PeriodLock(SQLModel, table=True):
    """A closed month. Reopening deletes nothing: it records reopened_at (audited)."""

    __tablename__ = "period_lock"
    __table_args__ = (sa.UniqueConstraint("company_id", "period", name="uq_period_company"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    period: str = Field(max_length=7)  # "YYYY-MM"
    closed: bool = Field(default=True)
    closed_by: str | None = Field(default=None, max_length=64)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reopened_by: str | None = Field(default=None, max_length=64)
    reopened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class RequestClaim(SQLModel, table=True):
    """One row per piece of inbound work (a chat event, a scheduled run), claimed before the
    work starts so a retry or a second process does not do it again. A claim that was never
    finished can be taken over after its lease expires, so nothing is lost to a crash."""

    __tablename__ = "request_claim"

    key: str = Field(primary_key=True, max_length=200)
    claimed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = Field(default=1)


class OutboxItem(SQLModel, table=True):
    """The transactional outbox: one row per posted entry, written in the posting
    transaction, so an entry is never posted without its export queued (or the reverse).
    ledger/ only writes it; the exporter (qbo/sync.py) works it."""

    __tablename__ = "outbox_item"
    __table_args__ = (sa.Index("ix_outbox_due", "company_id", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id")
    entry_id: int = Field(foreign_key="journal_entry.id", unique=True)
    status: OutboxStatus = Field(default=OutboxStatus.PENDING, sa_type=EnumText(OutboxStatus, 16))
    attempts: int = Field(default=0)
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    claimed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    claimed_by: str | None = Field(default=None, max_length=80)
    # A push was sent whose answer never came: look it up before sending again.
    needs_reconcile: bool = Field(default=False)
    external_id: str | None = Field(default=None, max_length=40)
    last_error: str | None = Field(default=None, max_length=1000)
    last_error_code: str | None = Field(default=None, max_length=20)
    # QuickBooks' intuit_tid of the last failure: what Intuit support asks for.
    last_error_tid: str | None = Field(default=None, max_length=64)
    # Start of the current failure episode.
    failing_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The DocNumber this entry is sent under (kept, so a look-up after an unknown outcome
    # asks for what was sent even if the prefix setting changed since). `doc_suffix` counts
    # clashes with QuickBooks entries that are not ours; each one moves to the next suffix.
    doc_number: str | None = Field(default=None, max_length=21)
    doc_suffix: int = Field(default=0)
    # Part of the requestid: the same while an outcome is unknown (QuickBooks replays the
    # first answer), new after a definite failure or a person's Retry.
    push_generation: int = Field(default=0)
    # Someone changed or deleted the synced entry in QuickBooks ("changed" / "deleted"),
    # what changed in plain words, and when we found out. Nothing is changed back.
    drift: str | None = Field(default=None, max_length=16)
    drift_detail: str | None = Field(default=None, max_length=4000)
    drift_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    alert_channel: str | None = Field(default=None, max_length=64)
    alert_ts: str | None = Field(default=None, max_length=32)
    # Counts the changes its entry's card shows (status, QuickBooks id, error): see
    # JournalEntry.version.
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    synced_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Evidence(SQLModel, table=True):
    """Support for adjustments (count sheets, photos, PDFs): what auditors ask for. The
    file stays where it was shared; the books keep its name, where it is and its hash."""

    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    kind: str = Field(max_length=20)  # count_sheet, photo, document
    file_name: str = Field(max_length=255)
    external_id: str | None = Field(default=None, max_length=40, index=True)  # Slack file id
    sha256: str = Field(max_length=64)
    size: int = 0
    uploaded_by: str | None = Field(default=None, max_length=64)
    channel: str | None = Field(default=None, max_length=64)
    message_ts: str | None = Field(default=None, max_length=32)
    card_channel: str | None = Field(default=None, max_length=64)  # count sheet summary card
    card_ts: str | None = Field(default=None, max_length=32)
    # A count sheet's own figures (lines read, unchanged, skipped, unreadable) as JSON: the
    # lines that became no entry, so its card can be rebuilt from the books.
    details: str = Field(
        default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}")
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class EvidenceLink(SQLModel, table=True):
    __tablename__ = "evidence_link"

    evidence_id: int = Field(foreign_key="evidence.id", primary_key=True)
    entry_id: int = Field(foreign_key="journal_entry.id", primary_key=True, index=True)


# Columns whose change a card does not show: writing only these leaves `version` alone (the
# card's own bookkeeping, claims of a sync pass, alert links). An entry's updated_at counts:
# an edit that changes only its lines still touches it, and the card shows the lines.
_NOT_SHOWN = {
    JournalEntry: frozenset({"card_channel", "card_ts", "card_version", "version"}),
    OutboxItem: frozenset(
        {"claimed_at", "claimed_by", "alert_channel", "alert_ts", "version", "updated_at"}
    ),
}


def bump_versions(_mapper: Any, _connection: Any, target: JournalEntry | OutboxItem) -> None:
    """Before an ORM UPDATE of an entry or an outbox row: one more version when anything a
    card shows changed. Core UPDATEs bump it themselves (qbo.sync.requeue)."""
    state = sa.inspect(target)
    assert state is not None
    ignore = _NOT_SHOWN[type(target)]
    if any(attr.key not in ignore and attr.history.has_changes() for attr in state.attrs):
        target.version = (target.version or 0) + 1


sa.event.listen(JournalEntry, "before_update", bump_versions)
sa.event.listen(OutboxItem, "before_update", bump_versions)

"""QuickBooks' tables: the connection (tokens encrypted), OAuth states, account mapping.

They live in the one database and the one migration history (ledger/migrations), but only
qbo/ reads or writes them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from ledger.models import EnumText, UTCDateTime, money_column, utcnow


class ConnectionStatus(StrEnum):
    CONNECTED = "connected"
    BROKEN = "broken"  # the refresh token was refused: a person must reconnect
    DISCONNECTED = "disconnected"


class QboConnection(SQLModel, table=True):
    __tablename__ = "qbo_connection"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", unique=True)
    realm_id: str = Field(max_length=40)
    company_name: str | None = Field(default=None, max_length=200)
    status: ConnectionStatus = Field(
        default=ConnectionStatus.CONNECTED, sa_type=EnumText(ConnectionStatus, 16)
    )
    broken_reason: str | None = Field(default=None, max_length=500)
    # Fernet tokens (WRITEOFF_SECRET_KEY); never stored or logged in clear text.
    access_token_enc: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    refresh_token_enc: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    access_expires_at: datetime = Field(sa_type=UTCDateTime)
    refresh_expires_at: datetime = Field(sa_type=UTCDateTime)
    refresh_warned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    connected_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OAuthState(SQLModel, table=True):
    """A single-use `state` for the consent redirect (CSRF protection)."""

    __tablename__ = "qbo_oauth_state"

    state: str = Field(primary_key=True, max_length=100)
    company_id: int = Field(foreign_key="company.id")
    created_by: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AccountMapping(SQLModel, table=True):
    __tablename__ = "qbo_account_mapping"
    __table_args__ = (
        sa.UniqueConstraint("company_id", "account_code", name="uq_qbo_mapping_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    account_code: str = Field(max_length=20)
    qbo_id: str = Field(max_length=40)
    qbo_name: str = Field(default="", max_length=200)
    qbo_active: bool = Field(default=True)
    method: str = Field(max_length=10)  # number, name or manual
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CompanyPrefs(SQLModel, table=True):
    """What the connected QuickBooks company is like, read from CompanyInfo and Preferences
    on connect and on `map-accounts`: it decides how entries are sent (CurrencyRef, the
    quantity mode) and how accounts are matched (numbers on or off)."""

    __tablename__ = "qbo_company_prefs"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", unique=True)
    country: str | None = Field(default=None, max_length=8)
    use_account_numbers: bool = Field(default=False)
    track_quantity: bool = Field(default=False)  # ProductAndServicesPrefs.QuantityOnHand
    multicurrency: bool = Field(default=False)
    home_currency: str | None = Field(default=None, max_length=3)
    warn_duplicate_journal: bool = Field(default=False)
    read_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ItemMapping(SQLModel, table=True):
    """A SKU's QuickBooks Item, by Sku then by Name; never guessed beyond that."""

    __tablename__ = "qbo_item_mapping"
    __table_args__ = (sa.UniqueConstraint("company_id", "sku", name="uq_qbo_item_sku"),)

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    sku: str = Field(max_length=64)
    qbo_id: str = Field(max_length=40)
    qbo_name: str = Field(default="", max_length=200)
    tracked: bool = Field(default=False)  # an Inventory item tracking quantity on hand
    method: str = Field(max_length=10)  # sku, name or manual
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class InventoryPush(SQLModel, table=True):
    """An entry sent as a QuickBooks InventoryAdjustment: QuickBooks values it at its own
    cost, so what it booked is read back and compared with the ledger's amount."""

    __tablename__ = "qbo_inventory_push"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    entry_id: int = Field(foreign_key="journal_entry.id", unique=True)
    qbo_id: str = Field(max_length=40)
    adjust_account_id: str = Field(max_length=40)
    books_amount: Decimal = Field(sa_column=money_column())
    qbo_amount: Decimal | None = Field(default=None, sa_column=money_column(nullable=True))
    read_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    @property
    def difference(self) -> Decimal | None:
        """QuickBooks' value minus the ledger's (None until read back)."""
        return None if self.qbo_amount is None else self.qbo_amount - self.books_amount


class TrueUp(SQLModel, table=True):
    """A draft that brings the ledger to the value QuickBooks gave an InventoryAdjustment.
    It is kept in the ledger only: QuickBooks already holds that value."""

    __tablename__ = "qbo_true_up"

    id: int | None = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    entry_id: int = Field(foreign_key="journal_entry.id", unique=True)  # the true-up
    of_entry_id: int = Field(foreign_key="journal_entry.id", index=True)  # what it trues up
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class QboInstall(SQLModel, table=True):
    """This database's identity towards QuickBooks, made once per company: it goes into every
    PrivateNote marker and requestid, so a second install (or a reset database) on the same
    QuickBooks company neither adopts our entries nor receives our replayed answers."""

    __tablename__ = "qbo_install"

    company_id: int = Field(foreign_key="company.id", primary_key=True)
    install_id: str = Field(max_length=32)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class QboRequestSlot(SQLModel, table=True):
    """One request to QuickBooks, started (and, once answered, finished) by any process:
    the company's request budget shared by every replica (see qbo/limits.py). Times are
    epoch seconds; rows older than a few minutes are deleted as new ones come."""

    __tablename__ = "qbo_request_slot"
    __table_args__ = (sa.Index("ix_qbo_request_slot_realm_started", "realm_id", "started_at"),)

    id: int | None = Field(default=None, primary_key=True)
    realm_id: str = Field(max_length=40)
    started_at: float = Field(sa_type=sa.Float)
    finished_at: float | None = Field(default=None, sa_type=sa.Float)
    batch: bool = Field(default=False)
    holder: str = Field(default="", max_length=80)


class QboChange(SQLModel, table=True):
    """A change QuickBooks told us about (webhook) or we found (Change Data Capture), queued
    for the drift pass. A redelivery of the same change adds nothing (unique key)."""

    __tablename__ = "qbo_change"
    __table_args__ = (
        sa.UniqueConstraint(
            "realm_id", "entity", "entity_id", "operation", "changed_at", name="uq_qbo_change"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    realm_id: str = Field(max_length=40)
    entity: str = Field(max_length=40)  # JournalEntry, InventoryAdjustment, ...
    entity_id: str = Field(max_length=40)
    operation: str = Field(max_length=16)  # Create, Update, Delete, Merge, Void
    changed_at: str = Field(max_length=40)  # QuickBooks' lastUpdated / event time, as sent
    source: str = Field(max_length=16)  # webhook or cdc
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    processed_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)


class QboCdcCursor(SQLModel, table=True):
    """Where the next Change Data Capture pass starts, per company."""

    __tablename__ = "qbo_cdc_cursor"

    company_id: int = Field(foreign_key="company.id", primary_key=True)
    changed_since: datetime = Field(sa_type=UTCDateTime)

"""The states an entry and its QuickBooks push go through. Pure (no database), so anything
that shows an entry, a renderer included, can name them without importing the tables."""

from __future__ import annotations

from enum import StrEnum


class EntryStatus(StrEnum):
    DRAFT = "draft"
    POSTED = "posted"
    REJECTED = "rejected"
    REVERSED = "reversed"
    EXPIRED = "expired"


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for a push (or for a connection)
    IN_FLIGHT = "in_flight"  # claimed by a sync pass; outcome not yet known
    SYNCED = "synced"
    FAILED = "failed"  # refused by the other side: waits for a person (Retry)
    HELD = "held"  # cannot be pushed as it is (unmapped or inactive account)

"""Posted entries and audit events are never edited or deleted: enforced at flush time,
so no code path (ours or a future one) can quietly rewrite the books.

This is the first line, with messages for the person whose click went wrong. The second
line is in the database itself (triggers, migration 0006): it refuses the same changes
from Core statements and hand-typed SQL, which never pass through a Session.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import InstanceState
from sqlalchemy.orm.attributes import instance_state
from sqlmodel import Session

from ledger.models import AuditEvent, EntryStatus, JournalEntry, JournalLine


class ImmutableError(RuntimeError):
    pass


# What a posted (or reversed) entry may never change. The card, the QuickBooks link and
# the reversal link (reversed_by_id) are not part of the record and may still be written.
FROZEN_ENTRY_FIELDS = (
    "company_id",
    "number",
    "entry_date",
    "total",
    "approved_by",
    "approved_at",
    "posted_at",
)
BOOKED = (EntryStatus.POSTED, EntryStatus.REVERSED)


def _state(obj: object) -> InstanceState[Any]:
    return instance_state(obj)


def _committed_status(entry: JournalEntry) -> str | None:
    hist = _state(entry).attrs.status.history
    if hist.deleted:
        return str(hist.deleted[0])
    return entry.status


@event.listens_for(Session, "before_flush")
def _guard(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.deleted) + list(session.dirty):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise ImmutableError("audit events are append-only")
    with session.no_autoflush:
        for obj in session.deleted:
            if isinstance(obj, JournalEntry) and _committed_status(obj) != EntryStatus.DRAFT:
                raise ImmutableError(f"entry {obj.number} is {obj.status}: it cannot be deleted")
            if isinstance(obj, JournalLine):
                entry = session.get(JournalEntry, obj.entry_id)
                if entry is not None and _committed_status(entry) != EntryStatus.DRAFT:
                    raise ImmutableError("lines of a posted entry cannot be deleted")
        for obj in session.dirty:
            if isinstance(obj, JournalLine) and session.is_modified(obj):
                entry = session.get(JournalEntry, obj.entry_id)
                if entry is not None and _committed_status(entry) != EntryStatus.DRAFT:
                    raise ImmutableError("lines of a posted entry cannot be changed")
            if isinstance(obj, JournalEntry) and _committed_status(obj) in BOOKED:
                _check_booked_entry(obj)


def _check_booked_entry(entry: JournalEntry) -> None:
    state = _state(entry)
    for name in FROZEN_ENTRY_FIELDS:
        if state.attrs[name].history.has_changes():
            raise ImmutableError(
                f"entry {entry.number} is posted: {name} cannot change (post a reversal instead)"
            )
    was = _committed_status(entry)
    if entry.status != was and not (
        was == EntryStatus.POSTED and entry.status == EntryStatus.REVERSED
    ):
        raise ImmutableError(
            f"entry {entry.number} is {was}: its status cannot become {entry.status} "
            "(post a reversal instead)"
        )

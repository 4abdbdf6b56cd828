"""Posted entries and audit events are never edited or deleted: enforced at flush time,
so no code path (ours or a future one) can quietly rewrite the books."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from ledger.models import AuditEvent, EntryStatus, JournalEntry, JournalLine


class ImmutableError(RuntimeError):
    pass


FROZEN_ENTRY_FIELDS = ("company_id", "number", "entry_date", "total", "approved_by", "posted_at")


def _committed_status(entry: JournalEntry) -> str | None:
    hist = inspect(entry).attrs.status.history
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
            if isinstance(obj, JournalEntry) and _committed_status(obj) in (
                EntryStatus.POSTED,
                EntryStatus.REVERSED,
            ):
                state = inspect(obj)
                for name in FROZEN_ENTRY_FIELDS:
                    if state.attrs[name].history.has_changes():
                        raise ImmutableError(
                            f"entry {obj.number} is posted: {name} cannot change "
                            "(post a reversal instead)"
                        )

"""Claude's second reading of a report, after its cards are posted from the offline reading.

Nobody waits for the model: the cards go out at once with the second reading "pending"; this
runs in the background, checks Claude's reading against the offline reader's facts
(ledger/drafting/second.py) and re-drafts each entry in place (audited as "redrafted" by the
second reading), or marks it "unavailable". The state lives on the entry, so a restart or a
second replica shows the same card and asks the same question; a reading still "pending"
long after any answer could have come (the process died) counts as unavailable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.services.books import Books
from bot.settings import Settings
from ledger.db import session_scope
from ledger.drafting.claude import ClaudeUnavailable, offline_facts
from ledger.drafting.second import SecondReading
from ledger.models import JournalEntry, utcnow
from ledger.posting import PostingError, redraft_entry, set_second_reading
from ledger.status import EntryStatus

log = logging.getLogger(__name__)

ACTOR = "second-reading"  # the audit trail's actor for what the second reading changed
# A person's correction came first: the second reading of the original words no longer applies.
SUPERSEDED = "superseded"


def stale_after(settings: Settings) -> timedelta:
    """How long a pending second reading can still arrive: the SDK's timeout for a try and
    its one retry, plus room for the database and Slack."""
    return timedelta(seconds=settings.writeoff_claude_timeout * 2 + 10)


def state_of(entry: JournalEntry, settings: Settings) -> str | None:
    """The entry's second reading as people should see it now."""
    state = entry.second_reading
    if state == SecondReading.PENDING and entry.created_at < utcnow() - stale_after(settings):
        return SecondReading.UNAVAILABLE
    return state


def is_pending(books: Books, entry_id: int) -> bool:
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return False
        return state_of(entry, books.settings) == SecondReading.PENDING


def version(books: Books, entry_id: int) -> str | None:
    """Changes whenever the draft is re-read or edited: an "approve without the second
    reading" answer is only good for the draft the approver was asked about."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None or entry.company_id != books.company_id:
            return None
        return entry.updated_at.isoformat()


@dataclass(frozen=True)
class Applied:
    entry_id: int
    state: str
    changed: bool  # the draft was re-drafted (its card shows new lines or confidence)


def run(books: Books, text: str, entry_ids: list[int]) -> list[Applied]:
    """Read `text` with Claude, check it against the offline reading and apply it to the
    entries drafted from it (in order). Never raises for Claude's failures."""
    reader = books.second_reader
    if reader is None or not entry_ids:
        return []
    context = books.context()
    try:
        checked = reader.second_reading(text, context, offline_facts(text, context))
    except ClaudeUnavailable as exc:
        return [
            _record(books, eid, SecondReading.UNAVAILABLE, reason=exc.reason) for eid in entry_ids
        ]
    out = []
    for i, eid in enumerate(entry_ids):
        if i >= len(checked):  # cannot happen with an offline reading; never leave it pending
            out.append(_record(books, eid, SecondReading.UNAVAILABLE, reason="no reading"))
            continue
        c = checked[i]
        try:
            with session_scope(books.engine) as s:
                entry = s.get(JournalEntry, eid)
                applicable = (
                    entry is not None
                    and entry.status == EntryStatus.DRAFT
                    and not entry.reviewed
                    and entry.second_reading == SecondReading.PENDING
                )
                if applicable:
                    redraft_entry(
                        s,
                        books.company_id,
                        eid,
                        c.draft,
                        actor=ACTOR,
                        cause=f"second reading ({reader.model})",
                        second_reading=c.state,
                        only_if_second_reading=SecondReading.PENDING,
                        extra_facts={"disputed": list(c.disputed)},
                        note=c.note,
                    )
                    out.append(Applied(eid, c.state, True))
                    continue
        except PostingError:  # decided meanwhile: the reading is recorded, not applied
            pass
        out.append(_record(books, eid, c.state, note=c.note))
    return out


def give_up(books: Books, entry_ids: list[int]) -> None:
    """After an unexpected failure: no reading is left pending."""
    for eid in entry_ids:
        try:
            _record(books, eid, SecondReading.UNAVAILABLE, reason="unexpected error")
        except Exception:  # the card will show it stale-pending, then unavailable
            log.exception("could not mark entry %s's second reading unavailable", eid)


def _record(books: Books, entry_id: int, state: str, **details: object) -> Applied:
    """Store the state without changing the draft (it failed, or a person got there first).
    A state a person's correction superseded stays as it is."""
    with session_scope(books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        if entry is None:
            return Applied(entry_id, state, False)
        if entry.second_reading != SecondReading.PENDING:
            return Applied(entry_id, entry.second_reading or state, False)
        set_second_reading(
            s, books.company_id, entry_id, state, actor=ACTOR, applied=False, **details
        )
    return Applied(entry_id, state, False)

"""From a report (a slash command, a mention, a watched channel, the shortcut, the form) to
saved drafts. Every way in shares this path; the front end then shows the cards."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from bot.services.books import Books
from bot.services.workspace import request_team
from ledger import claims
from ledger.db import session_scope
from ledger.drafting import Draft, DraftError, build_draft, draft, warm_up
from ledger.drafting.form import form_facts
from ledger.models import JournalEntry
from ledger.policy import form_reasons
from ledger.posting import save_draft


@dataclass(frozen=True)
class Report:
    text: str
    reporter: str
    channel: str
    key: str  # stable per delivery: the same report arriving twice gets the same key
    message_ts: str | None = None
    # Who asked for the draft when not the reporter (the message shortcut run on someone
    # else's message): recorded as "drafted by", never as the reporter.
    drafted_by: str | None = None


@dataclass(frozen=True)
class Drafted:
    """What one report produced: the saved entries (in order) and their drafts."""

    entries: list[JournalEntry]
    drafts: list[Draft]

    @property
    def complete_ids(self) -> list[int]:
        """Entries that can be approved as drafted."""
        return [e.id or 0 for e, d in zip(self.entries, self.drafts, strict=True) if d.complete]

    @property
    def complete_total(self) -> Decimal:
        ids = set(self.complete_ids)
        return sum((e.total for e in self.entries if e.id in ids), Decimal("0.00"))


def form_choices(books: Books) -> list[tuple[str, str]]:
    """The reasons the form offers (value, label), from the policy table."""
    return form_reasons(books.settings.policy.reasons)


def read_form(
    books: Books,
    reason: str,
    *,
    sku: str = "",
    quantity: Decimal | None = None,
    unit_cost: Decimal | None = None,
    total: Decimal | None = None,
    location: str = "",
    note: str = "",
) -> tuple[list[Draft], str]:
    """The form's answers as a draft, built from the fields directly (nothing is re-read
    from English), and the plain sentence that stands for them as the source text. The
    form's note is the entry's memo (what the reporter wants the approver to know).
    KeyError for a reason the form does not offer."""
    facts = form_facts(
        reason,
        sku=sku,
        quantity=quantity,
        unit_cost=unit_cost,
        total=total,
        location=location,
        policy=books.settings.policy,
    )
    draft = build_draft(facts, books.context())
    if note.strip():
        draft = replace(draft, memo=note.strip()[:500])
    return [draft], facts.source_text


class Reading(NamedTuple):
    drafts: list[Draft] | None
    problem: str | None  # why there are no drafts, in plain words (may quote the text)
    second_due: bool = False  # the drafts are the offline reading; Claude's is still to come


def read(books: Books, text: str) -> Reading:
    """The drafts a text asks for, or why there are none.

    With a second reader (Claude) configured, nobody waits for it: the offline reading is
    returned at once and `second_due` says the second reading is to run after the cards are
    posted. Only when the offline reader finds no write-off is Claude asked here (there is no
    card to show before it answers)."""
    try:
        if books.second_reader is not None:
            try:
                return Reading(draft(text, books.context()), None, True)
            except DraftError:
                pass
        return Reading(books.draft(text), None)
    except DraftError as exc:
        return Reading(None, str(exc))


def save_drafts(
    books: Books, report: Report, drafts: list[Draft], *, second_due: bool = False
) -> Drafted:
    """Store each draft under an idempotency key derived from the report, so a retried or
    duplicated delivery finds the drafts it already made instead of making new ones.
    `second_due`: each is stored with its second reading pending."""
    saved = []
    for i, d in enumerate(drafts):
        with session_scope(books.engine) as s:
            result = save_draft(
                s,
                books.company_id,
                d,
                actor=report.drafted_by or report.reporter,
                entry_date=date.today(),
                reporter=report.reporter,
                channel=report.channel,
                message_ts=report.message_ts,
                idempotency_key=f"{report.key}:{i}",
                source_text=report.text,
                second_reading="pending" if second_due else None,
            )
            if result.created and (team := request_team()):
                result.entry.slack_team = team  # the workspace it belongs to (distribution)
                s.add(result.entry)
            if result.created and report.drafted_by and report.drafted_by != report.reporter:
                details = json.loads(result.entry.details or "{}")
                details["drafted_by"] = report.drafted_by
                result.entry.details = json.dumps(details)
                s.add(result.entry)
        saved.append(result.entry)
    return Drafted(saved, drafts)


def claim(books: Books, key: str) -> bool:
    """True when this delivery should be handled now (not done, nobody else on it): Slack
    retries and the same message arriving as a mention and as a channel message are one."""
    return claims.claim(books.engine, key)


def done(books: Books, key: str) -> None:
    claims.finish(books.engine, key)


def give_back(books: Books, key: str) -> None:
    """Handling failed in a way a redelivery may fix: let the next delivery take it."""
    claims.release(books.engine, key)


def save_one(books: Books, draft: Draft, actor: str) -> int:
    """Store one draft for approval (the command line's --save); returns its id."""
    with session_scope(books.engine) as s:
        saved = save_draft(
            s, books.company_id, draft, actor=actor, entry_date=date.today(), reporter=actor
        )
    return saved.entry.id or 0


def approval_channel(books: Books, report: Report) -> str:
    return books.settings.writeoff_approval_channel or report.channel


def prepare_reader() -> None:
    """Build the reader's patterns before the first report arrives (see warm_up)."""
    warm_up()

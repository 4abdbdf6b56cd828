"""The company resolver: settings -> engine, company, drafter. Every use case starts here.

One deployment keeps the books of one or more companies. `open_books` opens one company's
books (named, or the only one); `Resolver` gives a `Books` per company, cached, and the
company a Slack channel belongs to. A company's `Books.settings` carry its company-level
settings (bot/services/companies.py), so every use case reads the right policy, approvers,
channels and time zone without knowing there are several companies.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.services.companies import (
    CompanyError,
    channel_company,
    choose_company,
    company_settings,
    first_company_id,
    shown_company,
)
from bot.settings import Settings
from ledger.context import load_context
from ledger.db import make_engine, session_scope, upgrade
from ledger.drafting import Draft, DraftContext, Facts, draft
from ledger.drafting.second import Checked
from ledger.models import Company, JournalEntry
from ledger.policy import Policy
from qbo.company import load_settings

Drafter = Callable[[str, DraftContext], list[Draft]]


class SecondReader(Protocol):
    """Claude's reading, checked against the offline reader's facts (ClaudeDrafter)."""

    model: str

    def second_reading(
        self, text: str, context: DraftContext, offline: list[Facts] | None
    ) -> list[Checked]: ...

    def draft(self, text: str, context: DraftContext) -> list[Draft]: ...


@dataclass
class Books:
    settings: Settings
    engine: Engine
    company_id: int
    drafter: Drafter = field(default=draft)
    # Set when ANTHROPIC_API_KEY is: cards are posted from the offline reading at once and
    # updated in place when this second reading arrives (bot/services/second_reading.py).
    second_reader: SecondReader | None = None
    # The chart, items and usual amount change rarely; reading them for every message was
    # most of a draft's database time. A short cache keeps a chart import visible quickly.
    context_ttl: float = 5.0
    # The company's slug and name, and how many companies the deployment keeps (cards and
    # reports name the company only when there is more than one).
    company_slug: str = "default"
    company_name: str = "default"
    companies: int = 1
    # The deployment's settings as the environment gave them (before this company's own).
    environment: Settings | None = None
    # The Slack workspace the company belongs to (None: any, the one-workspace default).
    team_id: str | None = None
    _context: tuple[float, date, DraftContext] | None = field(default=None, repr=False)

    @property
    def label(self) -> str | None:
        """The company's name for alerts, reports and dialogs; None with one company. Read
        from these Books, never from the database: an alert may be sent while the sync holds
        its transaction, and on SQLite a second session then waits on it for good."""
        return shown_company(self.company_name, self.companies)

    def context(self, today: date | None = None) -> DraftContext:
        day = today or date.today()
        cached = self._context
        if cached and cached[1] == day and time.monotonic() - cached[0] < self.context_ttl:
            return cached[2]
        with session_scope(self.engine) as s:
            ctx = load_context(s, self.company_id, self.policy(s), day)
        self._context = (time.monotonic(), day, ctx)
        return ctx

    def policy(self, session: Session) -> Policy:
        """The configured policy, adjusted to the QuickBooks company: where it tracks
        quantity on hand, write-downs go to the reserve (qbo/inventory.py says why)."""
        policy = self.settings.policy
        prefs = load_settings(session, self.company_id)
        if prefs is not None and prefs.track_quantity:
            return dataclasses.replace(policy, value_changes_to_reserve=True)
        return policy

    def forget_context(self) -> None:
        self._context = None

    def draft(self, text: str, today: date | None = None) -> list[Draft]:
        return self.drafter(text, self.context(today))


def make_second_reader(settings: Settings) -> SecondReader | None:
    if settings.anthropic_api_key is None or not settings.anthropic_api_key.get_secret_value():
        return None
    from ledger.drafting.claude import ClaudeDrafter

    return ClaudeDrafter(
        settings.anthropic_api_key.get_secret_value(),
        settings.writeoff_model,
        settings.anthropic_base_url,
        timeout=settings.writeoff_claude_timeout,
    )


def make_drafter(settings: Settings, reader: SecondReader | None = None) -> Drafter:
    """Both readings at once (the command line), or the offline reader alone."""
    return draft if reader is None else reader.draft


def open_books(
    settings: Settings | None = None,
    *,
    migrate: bool = True,
    company: str | None = None,
    first: bool = False,
) -> Books:
    """One company's books: the one named (slug or name), else the only one; with several
    companies and no name, a CompanyError listing them. `first`: the first company's (the
    server's base; it serves every company through `Resolver`)."""
    settings = settings or Settings()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    reader = make_second_reader(settings)
    if first and company is None:
        with session_scope(engine) as s:
            company_id = first_company_id(s)
        return _books_for(
            settings, engine, make_drafter(settings, reader), reader, company_id=company_id
        )
    return _books_for(settings, engine, make_drafter(settings, reader), reader, company=company)


def _books_for(
    settings: Settings,
    engine: Engine,
    drafter: Drafter,
    reader: SecondReader | None,
    *,
    company: str | None = None,
    company_id: int | None = None,
) -> Books:
    with session_scope(engine) as s:
        row = s.get(Company, company_id) if company_id is not None else choose_company(s, company)
        if row is None:
            raise CompanyError(f"no company #{company_id}")
        own = company_settings(settings, s, row)
        count = len(s.exec(select(Company.id)).all())
        return Books(
            own,
            engine,
            row.id or 0,
            drafter,
            reader,
            company_slug=row.slug,
            company_name=row.name,
            companies=count,
            environment=settings,
            team_id=row.team_id,
        )


class Resolver:
    """A `Books` per company, cached for `ttl` seconds (a setting changed from the command
    line reaches a running server within that), and the company of a Slack channel."""

    def __init__(self, books: Books, ttl: float = 30.0) -> None:
        # `books` is the deployment's first (or only) company: its engine, drafter and
        # deployment-wide settings are shared by every company.
        self.base = books
        self.ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[int, tuple[float, Books]] = {books.company_id: (time.monotonic(), books)}
        self._ids: tuple[float, list[int]] | None = None
        # channel -> (when read, its company): a link found is kept `ttl` seconds. Reading it
        # for every request was more than half of a draft's time with several companies
        # (bench/companies_bench.py). A link is never moved to another company; a channel
        # without one is asked again every time, so a link just saved is seen at once.
        self._links: dict[str, tuple[float, int]] = {}

    def books(self, company_id: int) -> Books:
        with self._lock:
            hit = self._cache.get(company_id)
            if hit and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
        b = self.base
        env = b.environment or b.settings
        fresh = _books_for(env, b.engine, b.drafter, b.second_reader, company_id=company_id)
        with self._lock:
            self._cache[company_id] = (time.monotonic(), fresh)
        return fresh

    def company_ids(self) -> list[int]:
        with self._lock:
            hit = self._ids
            if hit and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
        with session_scope(self.base.engine) as s:
            ids = [int(i) for i in s.exec(select(Company.id).order_by(col(Company.id))).all() if i]
        with self._lock:
            self._ids = (time.monotonic(), ids)
            # Books built before a company was added (the first company's, kept for the
            # life of the process) learn the new count here, so they start naming it.
            for books in [self.base, *(b for _, b in self._cache.values())]:
                books.companies = len(ids)
        return ids

    def several(self) -> bool:
        return len(self.company_ids()) > 1

    def for_channel(self, channel: str | None) -> Books | None:
        """The books of the company the channel belongs to: linked to it (`writeoff companies
        link`, or the picker in Slack), else named by exactly one company's channel settings
        (watched, approval, alert, reminder channels: how the first company is set up from
        the environment). None when no company, or more than one, claims it."""
        if not channel:
            return None
        cid = self._linked(channel)
        if cid is not None:
            return self.books(cid)
        claims = [b for b in map(self.books, self.company_ids()) if channel in _channels_of(b)]
        return claims[0] if len(claims) == 1 else None

    def _linked(self, channel: str) -> int | None:
        with self._lock:
            hit = self._links.get(channel)
            if hit and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
        with session_scope(self.base.engine) as s:
            cid = channel_company(s, channel)
        if cid is not None:
            with self._lock:
                self._links[channel] = (time.monotonic(), cid)
        return cid

    def for_entries(self, entry_ids: list[int]) -> Books | None:
        """The books the entries belong to, when they all belong to one company."""
        if not entry_ids:
            return None
        with session_scope(self.base.engine) as s:
            found = set(
                s.exec(
                    select(JournalEntry.company_id).where(col(JournalEntry.id).in_(entry_ids))
                ).all()
            )
        return self.books(found.pop()) if len(found) == 1 else None


def _channels_of(books: Books) -> set[str]:
    st = books.settings
    named = {c for c in (st.writeoff_approval_channel, st.writeoff_alert_channel) if c}
    return set(st.writeoff_channels) | set(st.writeoff_reminder_channels) | named

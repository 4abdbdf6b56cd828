"""The company resolver: settings -> engine, company, drafter. Every use case starts here.

Today one deployment keeps one company's books (the slug "default"); the many-companies
work extends this resolver, so callers ask it for the company instead of holding an id.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.settings import Settings
from ledger.companies import get_company
from ledger.context import load_context
from ledger.db import make_engine, session_scope, upgrade
from ledger.drafting import Draft, DraftContext, Facts, draft
from ledger.drafting.second import Checked
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
    _context: tuple[float, date, DraftContext] | None = field(default=None, repr=False)

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


def open_books(settings: Settings | None = None, *, migrate: bool = True) -> Books:
    settings = settings or Settings()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    with session_scope(engine) as s:
        company_id = get_company(s).id or 0
    reader = make_second_reader(settings)
    return Books(settings, engine, company_id, make_drafter(settings, reader), reader)

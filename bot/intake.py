"""From a chat message to saved drafts and posted cards: the path every way in shares
(slash command, mention, watched channel, shortcut, form)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from slack_sdk import WebClient

from bot.blocks import approve_all_blocks
from bot.cards import publish_card
from bot.runtime import Books
from ledger.db import session_scope
from ledger.drafting import Draft
from ledger.models import JournalEntry
from ledger.money import format_money
from ledger.posting import save_draft

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Report:
    text: str
    reporter: str
    channel: str
    key: str  # stable per delivery: the same report arriving twice gets the same key
    message_ts: str | None = None


@dataclass(frozen=True)
class Delivered:
    entries: list[JournalEntry]
    card_channel: str
    cards: list[tuple[str, str]]


def save_drafts(books: Books, report: Report, drafts: list[Draft]) -> list[JournalEntry]:
    """Store each draft under an idempotency key derived from the report, so a retried or
    duplicated delivery finds the drafts it already made instead of making new ones."""
    saved = []
    for i, d in enumerate(drafts):
        with session_scope(books.engine) as s:
            result = save_draft(
                s,
                books.company_id,
                d,
                actor=report.reporter,
                entry_date=date.today(),
                reporter=report.reporter,
                channel=report.channel,
                message_ts=report.message_ts,
                idempotency_key=f"{report.key}:{i}",
                source_text=report.text,
            )
        saved.append(result.entry)
    return saved


def deliver(client: WebClient, books: Books, report: Report, drafts: list[Draft]) -> Delivered:
    entries = save_drafts(books, report, drafts)
    settings = books.settings
    channel = settings.writeoff_approval_channel or report.channel
    cards = [
        where
        for e in entries
        if (where := publish_card(client, books.engine, settings, e.id or 0, channel))
    ]
    complete = [e.id or 0 for e, d in zip(entries, drafts, strict=True) if d.complete]
    if len(complete) > 1:
        total = sum((e.total for e in entries if e.id in complete), Decimal("0.00"))
        amount = format_money(total, settings.writeoff_currency)
        client.chat_postMessage(
            channel=channel,
            text=f"{len(complete)} write-offs for {amount}",
            blocks=approve_all_blocks(complete, total, settings.writeoff_currency),
        )
    return Delivered(entries, channel, cards)


def permalink(client: WebClient, channel: str, ts: str) -> str | None:
    try:
        return client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except Exception:  # a link is a nicety; never fail a report over it
        log.warning("no permalink for %s/%s", channel, ts)
        return None

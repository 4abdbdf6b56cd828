"""Closing a month (the confirmation) and the offer to post into the open period instead."""

from __future__ import annotations

from datetime import date

from bot.services.display import CloseCheck
from bot.slack.ids import COMPANY_MARK, Id
from bot.slack.ui.kit import Block, actions, button, client_words, confirm, section
from ledger.money import format_money


def pending_text(check: CloseCheck) -> str:
    return (
        f"Still open in {check.month}: {check.drafts} draft(s) awaiting approval "
        f"({format_money(check.drafts_total, check.currency)}), {check.pushes_not_done} "
        "QuickBooks push(es) not done."
    )


def close_text(check: CloseCheck) -> str:
    return (
        f"Close {check.month}{client_words(check.company)}? {pending_text(check)} "
        "After closing, nothing can be posted into it."
    )


def close_blocks(check: CloseCheck) -> list[Block]:
    return [
        section(close_text(check)),
        actions(
            Id.BLOCK_PERIOD_CLOSE,
            button(
                f"Close {check.month}",
                Id.PERIOD_CLOSE,
                # The month and whose it is: the click acts on that company's books
                # (bot/slack/companies.py `pick`), wherever it is clicked.
                f"{check.month}{COMPANY_MARK}{check.company_id}",
                "danger",
                confirm("Close the period?", pending_text(check), "Close it"),
            ),
        ),
    ]


def redate_offer(entry_id: int, text: str, day: date | None, today: date) -> list[Block]:
    """After a closed-month refusal: post it on the first open day, or say why that cannot
    be offered (never a button that would be refused again)."""
    if day is None:
        return [
            section(
                f"{text} Every month from {today:%B %Y} on is closed, so there is no open day "
                "to post it on: ask a controller to reopen a month (`/writeoff reopen`)."
            )
        ]
    when = "today" if day == today else f"{day.isoformat()}, the first open day"
    label = "Post dated today" if day == today else f"Post dated {day.isoformat()}"
    return [
        section(f"{text} You can post it dated {when}, instead."),
        actions(
            Id.BLOCK_REDATE.format(entry_id),
            button(label, Id.APPROVE_REDATE, str(entry_id), "primary"),
        ),
    ]

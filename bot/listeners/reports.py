"""Shared by every way in: draft a report and answer the reporter."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks import escape
from bot.deps import Deps
from bot.intake import Report, deliver, permalink
from ledger.drafting import Draft, DraftError


def draft_or_explain(deps: Deps, report: Report) -> tuple[list[Draft] | None, str | None]:
    try:
        return deps.books.draft(report.text), None
    except DraftError as exc:
        # The reader may quote a piece of the message back: never let it ping or link.
        return None, escape(str(exc))


def deliver_and_confirm(
    deps: Deps, client: WebClient, report: Report, drafts: list[Draft], reply: Any
) -> list[int]:
    """Save and post the cards, then tell the reporter where they are. `reply(text)` answers
    the reporter privately (response_url or ephemeral). Returns the entry ids."""
    try:
        delivered = deliver(client, deps.books, report, drafts)
    except SlackApiError as exc:
        if exc.response.get("error") in ("not_in_channel", "channel_not_found"):
            reply(
                "I saved the draft but cannot post in this channel: invite me with "
                "`/invite @writeoff-bot`, then try again."
            )
            return []
        raise
    n = len(delivered.entries)
    what = "write-off" if n == 1 else f"{n} write-offs"
    if delivered.card_channel != report.channel and delivered.cards:
        link = permalink(client, *delivered.cards[0])
        where = f"<{link}|the approval channel>" if link else "the approval channel"
        reply(f"Drafted {what} for approval; the card is in {where}.")
    else:
        reply(f"Drafted {what} for approval.")
    return [e.id or 0 for e in delivered.entries]

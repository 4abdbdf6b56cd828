"""Showing a report's drafts in Slack, the same for every way in: save them, post one card
each (and an "Approve all" when several are complete), tell the reporter where they are."""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import intake
from bot.services.deps import Deps
from bot.slack.cards import permalink, publish_card
from bot.slack.ui import replies
from bot.slack.ui.card import approve_all_blocks
from ledger.drafting import Draft
from ledger.money import format_money

Reply = Callable[[str], object]


def deliver(
    deps: Deps, client: WebClient, report: intake.Report, drafts: list[Draft], reply: Reply
) -> list[int]:
    """Save and post the cards, then tell the reporter (`reply`, privately). Returns the
    entry ids (empty when the cards could not be posted)."""
    drafted = intake.save_drafts(deps.books, report, drafts)
    channel = intake.approval_channel(deps.books, report)
    try:
        cards = [
            where
            for e in drafted.entries
            if (where := publish_card(client, deps.books, e.id or 0, channel))
        ]
        complete = drafted.complete_ids
        if len(complete) > 1:
            cur = deps.settings.writeoff_currency
            total = drafted.complete_total
            client.chat_postMessage(
                channel=channel,
                text=f"{len(complete)} write-offs for {format_money(total, cur)}",
                blocks=approve_all_blocks(complete, total, cur),
            )
    except SlackApiError as exc:
        if exc.response.get("error") in ("not_in_channel", "channel_not_found"):
            reply(replies.NOT_IN_CHANNEL)
            return []
        raise
    n = len(drafted.entries)
    if channel != report.channel and cards:
        reply(replies.drafted(n, permalink(client, *cards[0]) or ""))
    else:
        reply(replies.drafted(n))
    return [e.id or 0 for e in drafted.entries]

"""Showing a report's drafts in Slack, the same for every way in: save them, post one card
each (and an "Approve all" when several are complete), tell the reporter where they are."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import intake, second_reading
from bot.services.cards import card_of
from bot.services.deps import Deps
from bot.slack.cards import permalink, publish_card, refresh_card
from bot.slack.ui import replies
from bot.slack.ui.card import approve_all_blocks
from ledger.drafting import Draft
from ledger.money import format_money

Reply = Callable[[str], object]
log = logging.getLogger(__name__)


def deliver(
    deps: Deps,
    client: WebClient,
    report: intake.Report,
    drafts: list[Draft],
    reply: Reply,
    *,
    second_due: bool = False,
) -> list[int]:
    """Save and post the cards, then tell the reporter (`reply`, privately). Returns the
    entry ids (empty when the cards could not be posted).

    `second_due`: the drafts are the offline reading and Claude's is still to come. The cards
    go out now; the second reading runs in the background and updates them in place, then the
    reporter is asked for anything still missing. Otherwise the reporter is asked at once."""
    drafted = intake.save_drafts(deps.books, report, drafts, second_due=second_due)
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
    ids = [e.id or 0 for e in drafted.entries]
    if second_due and drafted.entries[0].second_reading == "pending":
        deps.spawn(finish_second_reading, deps, client, report.text, ids)
    elif drafted.entries and drafted.entries[0].second_reading is None:
        ask_reporter(deps, client, ids)  # (a redelivery finds them asked already)
    return ids


def finish_second_reading(deps: Deps, client: WebClient, text: str, entry_ids: list[int]) -> None:
    """The background half: Claude's reading applied, the cards updated in place, then the
    reporter asked for what is still missing. Never leaves a reading pending."""
    try:
        second_reading.run(deps.books, text, entry_ids)
    except Exception:
        log.exception("second reading failed")
        second_reading.give_up(deps.books, entry_ids)
    for entry_id in entry_ids:
        refresh_card(client, deps.books, entry_id)
    ask_reporter(deps, client, entry_ids)


def ask_reporter(deps: Deps, client: WebClient, entry_ids: list[int]) -> None:
    """In each incomplete draft's card thread, tell the reporter in plain words what is
    missing and that replying there completes it (bot/services/corrections.py); where the
    two readings differ, ask which is right the same way."""
    for entry_id in entry_ids:
        found = card_of(deps.books, entry_id)
        if found is None:
            continue
        view, where = found
        if where is None:
            continue
        channel, ts = where
        if view.status != "draft":
            continue
        if view.missing:
            text = replies.missing_prompt(view.reporter, view.missing)
        elif view.second_reading == "differs":
            text = replies.readings_differ(view.reporter)
        else:
            text = None
        if text is None:
            continue
        try:
            client.chat_postMessage(channel=channel, thread_ts=ts, text=text)
        except SlackApiError as exc:
            log.warning("could not ask the reporter: %s", exc.response.get("error"))

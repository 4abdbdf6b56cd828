"""Cards in Slack: post an entry's card once, re-render it in place. Reads through the
services, renders with bot/slack/ui."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services.books import Books
from bot.services.cards import card_of, remember_card
from bot.slack.refresh import changed
from bot.slack.ui.card import draft_card, fallback_text

log = logging.getLogger(__name__)


def publish_card(
    client: WebClient, books: Books, entry_id: int, channel: str, thread_ts: str | None = None
) -> tuple[str, str] | None:
    """Post the card for an entry once; store where it went. Returns (channel, ts)."""
    found = card_of(books, entry_id)
    if found is None:
        return None
    view, where = found
    if where is not None:
        return where
    resp = client.chat_postMessage(
        channel=channel,
        thread_ts=thread_ts,
        text=fallback_text(view),
        blocks=draft_card(view),
        unfurl_links=False,
    )
    posted = (str(resp["channel"]), str(resp["ts"]))
    remember_card(books, entry_id, *posted)
    changed(books)  # a new draft: the approvers' Home queue
    return posted


def refresh_card(client: WebClient, books: Books, entry_id: int) -> bool:
    """Re-render an entry's card in place (chat.update). False when it has no card."""
    found = card_of(books, entry_id)
    if found is None or found[1] is None:
        return False
    view, (channel, ts) = found[0], found[1]
    changed(books)  # whatever changed the card changed the Home tab too
    try:
        client.chat_update(
            channel=channel, ts=ts, text=fallback_text(view), blocks=draft_card(view)
        )
    except SlackApiError as exc:
        log.warning("could not update card for entry %s: %s", entry_id, exc.response.get("error"))
        return False
    return True


def permalink(client: WebClient, channel: str, ts: str) -> str | None:
    try:
        return client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except Exception:  # a link is a nicety; never fail a report over it
        log.warning("no permalink for %s/%s", channel, ts)
        return None

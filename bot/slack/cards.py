"""Cards in Slack: post an entry's card once, re-render it in place. Reads through the
services, renders with bot/slack/ui."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import sheets
from bot.services.books import Books
from bot.services.cards import (
    card_of,
    claim_render,
    release_render,
    remember_card,
    render_is_latest,
)
from bot.slack.refresh import changed
from bot.slack.ui.card import draft_card, fallback_text
from bot.slack.ui.sheets import summary_blocks as sheet_summary_blocks

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
    remember_card(books, entry_id, *posted, version=view.version)
    changed(books)  # a new draft: the approvers' Home queue
    # Everyone sees the card before Slack's answer reaches us: a click in that gap (an
    # approval, a correction) found no card to re-render. Render it now, not at the next
    # sync pass.
    if not render_is_latest(books, entry_id, view.version):
        refresh_card(client, books, entry_id)
    return posted


# Slack's answers after which sending the card again cannot help (it was deleted, or the
# bot cannot edit it): the render is given up rather than retried by every sync pass.
GONE = frozenset({"message_not_found", "cant_update_message", "channel_not_found", "is_archived"})
RENDERS = 3  # renders of one card per refresh before it is left to the next sync pass


def refresh_card(client: WebClient, books: Books, entry_id: int) -> bool:
    """Re-render an entry's card in place (chat.update), in order: a render older than the
    last one sent is dropped, and one overtaken while in flight is sent again (see
    bot/services/cards.py). False when it has no card or Slack refused the update. A
    count's one entry has no card of its own: its sheet's summary card is re-rendered."""
    changed(books)  # whatever changed the card changed the Home tab too
    for attempt in range(RENDERS):
        found = card_of(books, entry_id)
        if found is None or found[1] is None:
            return _refresh_sheet_card(client, books, entry_id) if attempt == 0 else False
        view, (channel, ts) = found[0], found[1]
        if not claim_render(books, entry_id, view.version, again=attempt > 0):
            return True  # this version or a newer one was sent: this render is stale
        try:
            client.chat_update(
                channel=channel, ts=ts, text=fallback_text(view), blocks=draft_card(view)
            )
        except Exception as exc:
            error = exc.response.get("error") if isinstance(exc, SlackApiError) else repr(exc)
            log.warning("could not update card for entry %s: %s", entry_id, error)
            if error not in GONE:
                release_render(books, entry_id, view.version)  # the sync pass tries again
            return False
        if render_is_latest(books, entry_id, view.version):
            return True
    log.info("card of entry %s still behind the books: left to the next sync pass", entry_id)
    return True


def _refresh_sheet_card(client: WebClient, books: Books, entry_id: int) -> bool:
    evidence_id = sheets.sheet_card_of(books, entry_id)
    found = sheets.summary_after(books, evidence_id) if evidence_id else None
    if found is None:
        return False
    where, summary = found
    if where is None:
        return False
    channel, ts = where
    try:
        client.chat_update(
            channel=channel,
            ts=ts,
            text=f"Count sheet {summary.file_name}",
            blocks=sheet_summary_blocks(summary),
        )
    except SlackApiError as exc:
        log.warning("could not update sheet card %s: %s", evidence_id, exc.response.get("error"))
        return False
    return True


def permalink(client: WebClient, channel: str, ts: str) -> str | None:
    try:
        return client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except Exception:  # a link is a nicety; never fail a report over it
        log.warning("no permalink for %s/%s", channel, ts)
        return None

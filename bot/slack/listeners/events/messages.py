"""Mentions of the bot, and plain messages in the watched channels: a report, a count sheet,
or photos and PDFs that back a report."""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import intake, sheets
from bot.services.deps import Deps
from bot.slack import files
from bot.slack.deliver import deliver
from bot.slack.listeners.common import Body, deps_of
from bot.slack.listeners.events import corrections
from bot.slack.ui import replies
from bot.slack.ui.sheets import failed_blocks, progress_blocks, summary_blocks

log = logging.getLogger(__name__)
MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def message_key(channel: str, ts: str) -> str:
    # The same message can arrive as app_mention and as message.channels, and Slack retries
    # either: one key for the message makes all of them one report.
    return f"msg:{channel}:{ts}"


def app_mention(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    if _card_reply(deps, body, client):
        return
    if context.get("company_unlinked"):  # several companies, none keeps its books here
        return
    handle(deps, body, client, mentioned=True)


def message(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    event = body.get("event") or {}
    # A reply in a card's thread is a correction wherever the card is (watched or not).
    if _card_reply(deps, body, client):
        return
    if context.get("company_unlinked"):  # several companies, none keeps its books here
        return
    if event.get("channel") not in deps.settings.watched_channels:
        return
    handle(deps, body, client, mentioned=False)


def _card_reply(deps: Deps, body: Body, client: WebClient) -> bool:
    event = body.get("event") or {}
    text = MENTION.sub(" ", event.get("text") or "").strip()
    key = message_key(str(event.get("channel")), str(event.get("ts")))
    return corrections.card_reply(deps, body, client, text, key)


def handle(deps: Deps, body: Body, client: WebClient, *, mentioned: bool) -> None:
    event = body.get("event") or {}
    # Edits, joins and bot posts are not reports; a message with files is.
    if event.get("bot_id") or event.get("subtype") not in (None, "file_share"):
        return
    channel, ts, user = event.get("channel"), event.get("ts"), event.get("user")
    if not (channel and ts and user):
        return
    in_thread = bool(event.get("thread_ts")) and event.get("thread_ts") != ts
    text = MENTION.sub(" ", event.get("text") or "").strip()
    key = message_key(channel, ts)
    books = deps.books
    if not intake.claim(books, key):
        return
    shared_files = list(event.get("files") or [])
    shared = sheets.Shared(channel, user, ts)
    try:
        count_sheets = [f for f in shared_files if files.is_sheet(f)]
        if count_sheets:
            for f in count_sheets:
                process_count_sheet(deps, client, shared, f)
            intake.done(books, key)
            return
        report = intake.Report(text=text, reporter=user, channel=channel, key=key, message_ts=ts)
        drafts, problem, second_due = intake.read(deps.books, report.text)
        # Chatter in a watched channel is not a request: stay quiet unless addressed.
        looks_like_request = drafts is not None and any(
            d.amount is not None or d.quantity is not None for d in drafts
        )
        if drafts is None or (not mentioned and in_thread and not looks_like_request):
            if mentioned:
                client.chat_postMessage(
                    channel=channel,
                    thread_ts=ts,
                    text=replies.cannot_read(problem, "I could not read a write-off."),
                )
            intake.done(books, key)
            return

        def reply(msg: str) -> None:
            client.chat_postEphemeral(channel=channel, user=user, text=msg)

        entry_ids = deliver(deps, client, report, drafts, reply, second_due=second_due)
        if entry_ids:
            attach_evidence(deps, client, shared, shared_files, entry_ids)
    except BaseException:
        intake.give_back(books, key)
        raise
    intake.done(books, key)


def attach_evidence(
    deps: Deps,
    client: WebClient,
    shared: sheets.Shared,
    shared_files: list[dict[str, Any]],
    entry_ids: list[int],
) -> int:
    """Photos and PDFs shared with a report become evidence for its drafts."""
    token = deps.settings.slack_bot_token
    wanted = [f for f in shared_files if files.is_evidence(f)]
    if not wanted or token is None:
        return 0
    downloaded = []
    for f in wanted:
        info, data = files.download(client, f["id"], token.get_secret_value())
        name = str(info.get("name") or f["id"])
        downloaded.append(sheets.Downloaded(f["id"], name, files.evidence_kind(info), data))
    return sheets.attach_evidence(deps, shared, downloaded, entry_ids)


def process_count_sheet(
    deps: Deps, client: WebClient, shared: sheets.Shared, f: dict[str, Any]
) -> None:
    """A progress card at once, then the sheet read and drafted, then its summary card."""
    channel = deps.settings.writeoff_approval_channel or shared.channel
    name = str(f.get("name") or f["id"])
    card = client.chat_postMessage(
        channel=channel, text=f"Count sheet {name}: reading…", blocks=progress_blocks(name, 0, None)
    )
    where = (str(card["channel"]), str(card["ts"]))
    try:
        token = deps.settings.slack_bot_token
        assert token is not None
        _info, data = files.download(client, f["id"], token.get_secret_value())
        sheet = sheets.read(data, name)
    except (sheets.SheetError, files.FileProblem, httpx.HTTPError) as exc:
        client.chat_update(
            channel=where[0],
            ts=where[1],
            text=f"Count sheet {name} could not be read",
            blocks=failed_blocks(name, str(exc)),
        )
        return

    def progress(done: int, total: int) -> None:
        client.chat_update(
            channel=where[0],
            ts=where[1],
            text=f"Count sheet {name}: {done} of {total}",
            blocks=progress_blocks(name, done, total),
        )

    file = sheets.Downloaded(f["id"], name, "count_sheet", data)
    try:
        summary = sheets.draft_sheet(deps, shared, file, sheet, where, progress)
    except sheets.SheetError as exc:  # read, but the books cannot take it as it is
        client.chat_update(
            channel=where[0],
            ts=where[1],
            text=f"Count sheet {name} could not be booked",
            blocks=failed_blocks(name, str(exc)),
        )
        return
    client.chat_update(
        channel=where[0],
        ts=where[1],
        text=f"Count sheet {name}: {summary.drafts} variances",
        blocks=summary_blocks(summary),
    )

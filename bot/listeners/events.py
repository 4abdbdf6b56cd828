"""Mentions of the bot, and plain messages in the watched channels."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.deps import Deps, guarded
from bot.files import Shared, attach_evidence, is_evidence, is_sheet, process_count_sheet
from bot.intake import Report
from bot.listeners.reports import deliver_and_confirm, draft_or_explain
from ledger.claims import claim, finish, release

MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
IGNORED_SUBTYPES = None  # any subtype (edits, joins, bot posts, file shares...) is ignored


def message_key(channel: str, ts: str) -> str:
    # The same message can arrive as app_mention and as message.channels, and Slack retries
    # either: one key for the message makes all of them one report.
    return f"msg:{channel}:{ts}"


def register(app: App, deps: Deps) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def handle(body: dict[str, Any], client: WebClient, *, mentioned: bool) -> None:
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
        if not claim(deps.books.engine, key):
            return
        files = list(event.get("files") or [])
        shared = Shared(channel, user, ts, files)
        try:
            sheets = [f for f in files if is_sheet(f)]
            if sheets:
                for f in sheets:
                    process_count_sheet(deps, client, shared, f)
                finish(deps.books.engine, key)
                return
            report = Report(text=text, reporter=user, channel=channel, key=key, message_ts=ts)
            drafts, problem = draft_or_explain(deps, report)
            # Chatter in a watched channel is not a request: stay quiet unless addressed.
            looks_like_request = drafts is not None and any(
                d.amount is not None or d.quantity is not None for d in drafts
            )
            if drafts is None or (not mentioned and in_thread and not looks_like_request):
                if mentioned:
                    client.chat_postMessage(
                        channel=channel,
                        thread_ts=ts,
                        text=problem or "I could not read a write-off.",
                    )
                finish(deps.books.engine, key)
                return

            def reply(msg: str) -> None:
                client.chat_postEphemeral(channel=channel, user=user, text=msg)

            entry_ids = deliver_and_confirm(deps, client, report, drafts, reply)
            if entry_ids and any(is_evidence(f) for f in files):
                attach_evidence(deps, client, shared, entry_ids)
        except BaseException:
            release(deps.books.engine, key)
            raise
        finish(deps.books.engine, key)

    def on_mention(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        handle(body, client, mentioned=True)

    def on_message(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        event = body.get("event") or {}
        if event.get("channel") not in deps.settings.watched_channels:
            return
        handle(body, client, mentioned=False)

    app.event("app_mention")(ack=just_ack, lazy=[guarded(on_mention)])
    app.event("message")(ack=just_ack, lazy=[guarded(on_message)])

"""The "Draft write-off" message shortcut: draft from any message (a photo of damage...)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.deps import Deps, guarded, tell_user
from bot.files import Shared, attach_evidence, is_evidence
from bot.intake import Report
from bot.listeners.events import MENTION, message_key
from bot.listeners.reports import deliver_and_confirm, draft_or_explain

CALLBACK_ID = "draft_writeoff"


def register(app: App, deps: Deps) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def on_shortcut(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id") or ""
        ts = message.get("ts") or body.get("message_ts") or ""
        text = MENTION.sub(" ", message.get("text") or "").strip()
        files = list(message.get("files") or [])
        if not text and not files:
            tell_user(
                client,
                body,
                "That message has no text to draft from. Reply to it with "
                "the details, e.g. `4 units SKU-9 damaged at $20`.",
            )
            return
        report = Report(
            # Whoever asks for the draft prepares it: they may not approve it themselves.
            text=text,
            reporter=body["user"]["id"],
            channel=channel,
            key=message_key(channel, ts),
            message_ts=ts,
        )
        drafts, problem = draft_or_explain(deps, report)
        if drafts is None:
            tell_user(client, body, problem or "I could not read a write-off in that message.")
            return
        entry_ids = deliver_and_confirm(
            deps, client, report, drafts, lambda msg: tell_user(client, body, msg)
        )
        if entry_ids and any(is_evidence(f) for f in files):
            shared = Shared(channel, body["user"]["id"], ts, files)
            attach_evidence(deps, client, shared, entry_ids)

    app.shortcut(CALLBACK_ID)(ack=just_ack, lazy=[guarded(on_shortcut)])

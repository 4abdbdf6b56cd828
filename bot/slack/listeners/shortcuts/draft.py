"""The "Draft write-off" message shortcut: draft from any message (a photo of damage...)."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import intake, sheets
from bot.slack.deliver import deliver
from bot.slack.listeners.common import Body, deps_of, tell_user, user_of
from bot.slack.listeners.events.messages import MENTION, attach_evidence, message_key
from bot.slack.ui import replies
from bot.slack.ui.companies import NOT_SET_UP


def draft_from_message(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    if context.get("company_unlinked"):  # never draft on a guessed company
        tell_user(client, body, NOT_SET_UP)
        return
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id") or ""
    ts = message.get("ts") or body.get("message_ts") or ""
    text = MENTION.sub(" ", message.get("text") or "").strip()
    shared_files = list(message.get("files") or [])
    if not text and not shared_files:
        tell_user(client, body, replies.NOTHING_TO_DRAFT)
        return
    runner = user_of(body)
    # The message's author reported it; whoever ran the shortcut only asked for the draft
    # (recorded as "drafted by"), so a controller may still approve a worker's report.
    author = str(message.get("user") or "") or runner
    report = intake.Report(
        text=text,
        reporter=author,
        channel=channel,
        key=message_key(channel, ts),
        message_ts=ts,
        drafted_by=runner if runner != author else None,
    )
    drafts, problem, second_due = intake.read(deps.books, report.text)
    if drafts is None:
        tell_user(
            client,
            body,
            replies.cannot_read(problem, "I could not read a write-off in that message."),
        )
        return
    entry_ids = deliver(
        deps,
        client,
        report,
        drafts,
        lambda msg: tell_user(client, body, msg),
        second_due=second_due,
    )
    if entry_ids:
        shared = sheets.Shared(channel, user_of(body), ts)
        attach_evidence(deps, client, shared, shared_files, entry_ids)

"""Replies in a card's thread: a correction by the reporter or an approver re-drafts the
card in place; the bot answers in the thread (or privately, to someone who may not)."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.services import corrections, intake
from bot.services.corrections import Corrected, Verdict
from bot.services.deps import Deps
from bot.slack.cards import refresh_card
from bot.slack.listeners.common import Body
from bot.slack.ui import replies
from bot.slack.ui.kit import escape, mention
from ledger.money import format_money

# A thread reply is a plain message; "also send to channel" is the thread_broadcast subtype.
REPLY_SUBTYPES = (None, "thread_broadcast")


def card_reply(deps: Deps, body: Body, client: WebClient, text: str, key: str) -> bool:
    """Handle `body` if it is a reply in a card's thread; False when it is not one."""
    event = body.get("event") or {}
    if event.get("bot_id") or event.get("subtype") not in REPLY_SUBTYPES:
        return False
    channel, ts, user = event.get("channel"), event.get("ts"), event.get("user")
    thread = event.get("thread_ts")
    if not (channel and ts and user and thread) or thread == ts:
        return False
    entry_id = corrections.card_entry(deps, channel, thread)
    if entry_id is None:
        return False
    if not intake.claim(deps.books, key):  # the same reply as app_mention and as message
        return True
    try:
        result = corrections.correct(deps, user, entry_id, text)
        answer(deps, client, channel, thread, user, result)
    except BaseException:
        intake.give_back(deps.books, key)
        raise
    intake.done(deps.books, key)
    return True


def answer(
    deps: Deps, client: WebClient, channel: str, thread: str, user: str, result: Corrected
) -> None:
    def say(text: str) -> None:
        client.chat_postMessage(channel=channel, thread_ts=thread, text=text)

    v = result.verdict
    if v is Verdict.IGNORED:
        return
    if v is Verdict.NOT_ALLOWED:
        client.chat_postEphemeral(
            channel=channel, user=user, thread_ts=thread, text=replies.CORRECTION_NOT_ALLOWED
        )
    elif v is Verdict.DECIDED:
        say(replies.correction_on_decided(result.status, result.number))
    elif v is Verdict.EDITED:
        say(replies.correction_on_edited(result.edited_by))
    elif v is Verdict.PROBLEM:
        say(f"{mention(user)} {escape(result.problem)}")
    elif v is Verdict.REDRAFTED:
        refresh_card(client, deps.books, result.entry_id)
        total = format_money(result.total, deps.settings.writeoff_currency)
        text = f"{mention(user)} " + replies.corrected(result.change, total, result.confidence)
        prompt = replies.missing_prompt(result.reporter, result.missing)
        say(f"{text}\n{prompt}" if prompt else text)

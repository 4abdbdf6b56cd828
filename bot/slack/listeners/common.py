"""What every listener shares: reading the payload, reaching the services through Bolt's
context, answering the person who clicked, and the guard around slow work."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.logs import bind
from bot.services.decisions import books_now
from bot.services.deps import Deps
from bot.services.jobs import push_now as push_entries
from bot.slack.cards import refresh_card
from bot.slack.chat import SlackChat
from bot.slack.ids import COMPANY_MARK
from bot.slack.ui.replies import (
    FRIENDLY_ERROR,
    PUSH_DEFERRED,
    SOMETHING_WENT_WRONG,
    after_failure,
)

log = logging.getLogger("bot.slack")

Body = dict[str, Any]
Lazy = Callable[..., None]


def deps_of(context: BoltContext) -> Deps:
    deps = context.get("deps")
    if not isinstance(deps, Deps):  # the middleware in bot/slack/app.py puts it there
        raise RuntimeError("the app's dependencies are missing from the request context")
    return deps


def chat_of(context: BoltContext, client: WebClient) -> SlackChat:
    return SlackChat(client, deps_of(context).books)


def user_of(body: Body) -> str:
    return str((body.get("user") or {}).get("id") or body.get("user_id") or "")


def action_value(body: Body) -> str:
    try:
        return str(body["actions"][0].get("value") or "")
    except (KeyError, IndexError, TypeError):
        return ""


def entry_id_of(body: Body) -> int | None:
    value = action_value(body)
    return int(value) if value.isdigit() else None


def ids_of(body: Body) -> list[int]:
    """A button whose value lists entry ids: "12,13,14"."""
    return [int(p) for p in action_value(body).split(",") if p.strip().isdigit()]


def just_ack(ack: Ack) -> None:
    ack()


def tell_user(client: WebClient, body: Body, text: str) -> None:
    """An ephemeral note to whoever triggered this request, wherever it came from."""
    user = user_of(body)
    channel = (
        (body.get("channel") or {}).get("id")
        or body.get("channel_id")
        or (body.get("container") or {}).get("channel_id")
    )
    response_url = body.get("response_url")
    try:
        if channel and user:
            client.chat_postEphemeral(channel=channel, user=user, text=text)
        elif user:
            client.chat_postMessage(channel=user, text=text)
        elif response_url:
            from slack_sdk.webhook import WebhookClient

            WebhookClient(response_url).send(text=text, response_type="ephemeral")
    except Exception:  # telling the user failed too: the log has it
        log.exception("could not tell the user: %s", text)


def clicked(deps: Deps, body: Body, button: str, entry_id: int | None, **details: Any) -> None:
    """Every click is in the audit trail, allowed or not."""
    container = body.get("container") or {}
    deps.audit(
        "clicked",
        user_of(body),
        entry_id,
        button=button,
        channel=container.get("channel_id"),
        message_ts=container.get("message_ts"),
        **details,
    )


def push_now(context: BoltContext, client: WebClient, entry_ids: list[int]) -> None:
    """Push right away instead of waiting for the next scheduled pass."""
    deps = deps_of(context)
    push_entries(deps.books, deps.quickbooks, chat_of(context, client), entry_ids)


def company_named(body: Body) -> int | None:
    """The company a button names ("2026-10@3": the Close button of company 3's month),
    or None when it names none."""
    if not body.get("actions"):
        return None
    _, mark, company = action_value(body).rpartition(COMPANY_MARK)
    return int(company) if mark and company.isdigit() else None


def named_value(body: Body) -> str:
    """A button's value without the company it names ("2026-10@3" -> "2026-10")."""
    value = action_value(body)
    return value.rpartition(COMPANY_MARK)[0] if company_named(body) is not None else value


def entries_named(body: Body) -> list[int]:
    """The entries a button or an entry's modal acts on (the button's value, the modal's
    private_metadata), or [] when the request names none."""
    if body.get("type") == "view_submission":
        meta = str((body.get("view") or {}).get("private_metadata") or "")
        return [int(meta)] if meta.isdigit() else []
    return ids_of(body) if body.get("actions") else []


def failure_answer(context: BoltContext, body: Body) -> str:
    """What to tell the person after their request failed part-way: for an entry, what the
    books hold now (the failure may have come after the commit: a posted entry is never
    reported as not posted); drafting (a message, a command, the new write-off form) never
    posts, so there nothing was; any other button, to check before trying again."""
    ids = entries_named(body)
    if ids:
        return after_failure(books_now(deps_of(context), ids))
    if body.get("actions"):
        return SOMETHING_WENT_WRONG
    return FRIENDLY_ERROR


def after_posting(context: BoltContext, client: WebClient, body: Body, ids: list[int]) -> None:
    """Once entries are posted: their cards re-rendered, then pushed to QuickBooks. A failure
    here is not a failure of the approval: the card sweep of the next sync pass re-renders
    the cards, the outbox keeps the push; the approver hears what the books hold."""
    deps = deps_of(context)
    for entry_id in ids:
        try:
            refresh_card(client, deps.books, entry_id)
        except Exception:
            log.exception("card of entry %s not refreshed (the next sync pass will)", entry_id)
    try:
        push_now(context, client, ids)
    except Exception:
        log.exception("QuickBooks push of %s failed after posting", ids)
        states = books_now(deps, ids)
        tell_user(client, body, PUSH_DEFERRED if states is None else after_failure(states))


def guarded(fn: Lazy) -> Lazy:
    """Run a listener's slow part with the request's log context; on any exception log the
    traceback and tell the user what the books hold now (failure_answer). Never silence."""

    @functools.wraps(fn)  # Bolt injects arguments by the wrapped function's parameter names
    def wrapper(**kwargs: Any) -> None:
        context: BoltContext = kwargs["context"]
        with bind(
            request_id=context.get("request_id"),
            team=context.team_id,
            user=context.user_id,
            channel=context.channel_id,
        ):
            try:
                fn(**kwargs)
            except Exception:
                log.exception("listener %s failed", fn.__name__)
                tell_user(kwargs["client"], kwargs["body"], failure_answer(context, kwargs["body"]))

    return wrapper

"""A channel no company keeps its books in (when the deployment keeps several): an approver
is offered the picker, anyone else is told the channel is not set up; the pick links the
channel to the company (audited)."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services.clients import client_line
from bot.services.companies import CompanyError, claim_channel
from bot.slack.companies import CompanyDeps
from bot.slack.listeners.common import Body, user_of
from bot.slack.ui import companies as ui


def companies_of(context: BoltContext) -> CompanyDeps:
    found = context.get("companies")
    if not isinstance(found, CompanyDeps):  # the middleware in bot/slack/app.py puts it there
        raise RuntimeError("the companies are missing from the request context")
    return found


def unlinked_channel(context: BoltContext, body: Body, respond: Any) -> None:
    channel = str(body.get("channel_id") or context.channel_id or "")
    if not channel.startswith(("C", "G")):  # a direct message belongs to no client
        respond(text=ui.NOT_A_CLIENT_CHANNEL, response_type="ephemeral")
        return
    mine = companies_of(context).approves_for(user_of(body), context.team_id)
    if not mine:
        respond(text=ui.NOT_SET_UP, response_type="ephemeral")
        return
    text, blocks = ui.pick_company([(d.books.company_id, d.books.company_name) for d in mine])
    respond(text=text, blocks=blocks, response_type="ephemeral")


def pick(body: Body, client: WebClient, context: BoltContext, respond: Any) -> None:
    """The approver picked the client this channel is for."""
    user = user_of(body)
    channel = str((body.get("channel") or {}).get("id") or context.channel_id or "")
    chosen = str(((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value"))
    companies = companies_of(context)
    mine = {d.books.company_id: d for d in companies.approves_for(user, context.team_id)}
    deps = mine.get(int(chosen)) if chosen.isdigit() else None
    if deps is None or not channel:
        respond(text=ui.PICK_REFUSED, response_type="ephemeral", replace_original=False)
        return
    try:
        claim_channel(deps.books.engine, deps.books.company_id, channel, user)
    except CompanyError as exc:
        respond(text=str(exc), response_type="ephemeral", replace_original=False)
        return
    respond(
        text=ui.linked(deps.books.company_name, channel),
        response_type="ephemeral",
        replace_original=True,
    )


def clients_answer(context: BoltContext, body: Body) -> str:
    """`/writeoff clients`: one line per company the person approves for."""
    mine = companies_of(context).approves_for(user_of(body), context.team_id)
    return ui.clients_text([client_line(d.books) for d in mine])

"""/writeoff TEXT drafts; alone it opens the form; `help` explains; a first word such as
`close` or `report` runs a subcommand."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.services import intake
from bot.slack.deliver import deliver
from bot.slack.listeners.commands.subcommands import run, subcommand
from bot.slack.listeners.common import Body, deps_of
from bot.slack.listeners.companies import clients_answer, unlinked_channel
from bot.slack.listeners.mapping import open_mapping
from bot.slack.ui import replies
from bot.slack.ui.forms import new_writeoff_modal
from bot.slack.ui.help import HELP_TEXT, help_blocks
from bot.slack.ui.kit import clip

HELP_WORDS = frozenset({"help", "?", "-h", "--help"})


def ack_writeoff(ack: Ack, command: dict[str, Any], context: BoltContext | None = None) -> None:
    text = (command.get("text") or "").strip()
    if text.lower() in HELP_WORDS:
        ack(text=HELP_TEXT, blocks=help_blocks())
    elif not text or subcommand(text) or (context and context.get("company_unlinked")):
        ack()  # the form or the subcommand's answer follows
    else:
        ack(text=f"Drafting: {clip(text, 200)}")


def run_writeoff(body: Body, client: WebClient, context: BoltContext, respond: Any) -> None:
    deps = deps_of(context)
    text = (body.get("text") or "").strip()
    if text.lower() in HELP_WORDS:
        return
    if subcommand(text) == "clients":  # the firm-wide view: any channel
        respond(text=clients_answer(context, body), response_type="ephemeral")
        return
    if context.get("company_unlinked"):
        # Several companies and none keeps its books here: never draft on a guess.
        unlinked_channel(context, body, respond)
        return
    if subcommand(text) == "map":  # the mapping dialog needs this request's trigger
        open_mapping(deps, client, body, body["trigger_id"], body["channel_id"])
        return
    if subcommand(text):
        reply = run(deps, client, text, body["user_id"], body["channel_id"])
        respond(text=reply.text, blocks=reply.blocks or None, response_type="ephemeral")
        return
    if not text:
        client.views_open(
            trigger_id=body["trigger_id"],
            view=new_writeoff_modal(
                body["channel_id"], intake.form_choices(deps.books), deps.books.label
            ),
        )
        return
    report = intake.Report(
        text=text,
        reporter=body["user_id"],
        channel=body["channel_id"],
        key=f"cmd:{body.get('team_id', '')}:{body['trigger_id']}",
    )
    drafts, problem, second_due = intake.read(deps.books, report.text)
    if drafts is None:
        answer = replies.cannot_read(problem, "I could not read a write-off in that.")
        respond(text=answer, response_type="ephemeral")
        return
    deliver(
        deps,
        client,
        report,
        drafts,
        lambda msg: respond(text=msg, response_type="ephemeral"),
        second_due=second_due,
    )

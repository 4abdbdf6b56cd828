"""/writeoff: TEXT drafts, alone opens the form, `help` explains."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import clip, help_blocks, new_writeoff_modal
from bot.deps import Deps, guarded
from bot.intake import Report
from bot.listeners.reports import deliver_and_confirm, draft_or_explain

HELP_WORDS = frozenset({"help", "?", "-h", "--help"})


def register(app: App, deps: Deps) -> None:
    def ack_writeoff(ack: Ack, command: dict[str, Any]) -> None:
        text = (command.get("text") or "").strip()
        if text.lower() in HELP_WORDS:
            ack(text="How to use /writeoff", blocks=help_blocks())
        elif not text:
            ack()  # the form opens right after
        else:
            ack(text=f"Drafting: {clip(text, 200)}")

    def run_writeoff(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        text = (body.get("text") or "").strip()
        if text.lower() in HELP_WORDS:
            return
        if not text:
            client.views_open(
                trigger_id=body["trigger_id"], view=new_writeoff_modal(body["channel_id"])
            )
            return
        report = Report(
            text=text,
            reporter=body["user_id"],
            channel=body["channel_id"],
            key=f"cmd:{body.get('team_id', '')}:{body['trigger_id']}",
        )
        drafts, problem = draft_or_explain(deps, report)
        if drafts is None:
            respond(
                text=problem or "I could not read a write-off in that.", response_type="ephemeral"
            )
            return
        deliver_and_confirm(
            deps, client, report, drafts, lambda msg: respond(text=msg, response_type="ephemeral")
        )

    app.command("/writeoff")(ack=ack_writeoff, lazy=[guarded(run_writeoff)])

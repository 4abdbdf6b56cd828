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
# "/writeoff <word> ..." runs a subcommand instead of drafting.
SUBCOMMANDS = frozenset({"connect", "status", "close", "reopen", "remind", "report", "export"})


def subcommand(text: str) -> str | None:
    word = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return word if word in SUBCOMMANDS else None


def register(app: App, deps: Deps) -> None:
    def ack_writeoff(ack: Ack, command: dict[str, Any]) -> None:
        text = (command.get("text") or "").strip()
        if text.lower() in HELP_WORDS:
            ack(text="How to use /writeoff", blocks=help_blocks())
        elif not text or subcommand(text):
            ack()  # the form or the subcommand's answer follows
        else:
            ack(text=f"Drafting: {clip(text, 200)}")

    def run_writeoff(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        text = (body.get("text") or "").strip()
        if text.lower() in HELP_WORDS:
            return
        if sub := subcommand(text):
            reply = month_end_subcommand(deps, client, sub, text, body)
            if reply is not None:
                respond(text=reply.text, blocks=reply.blocks or None, response_type="ephemeral")
                return
            respond(
                text=run_subcommand(deps, sub, text, body["user_id"]), response_type="ephemeral"
            )
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


def month_end_subcommand(
    deps: Deps, client: WebClient, sub: str, text: str, body: dict[str, Any]
) -> Any:
    from bot.listeners import month_end

    parts = text.split()
    arg = parts[1] if len(parts) > 1 else None
    user = body["user_id"]
    if sub == "close":
        return month_end.close_command(deps, user, arg)
    if sub == "reopen":
        return month_end.reopen_command(deps, user, arg)
    if sub == "remind":
        return month_end.remind_command(deps, client, user, body["channel_id"])
    if sub == "report":
        return month_end.report_command(deps, client, user, body["channel_id"], arg)
    if sub == "export":
        return month_end.export_command(deps, client, user, body["channel_id"], arg)
    return None


def run_subcommand(deps: Deps, sub: str, text: str, user: str) -> str:
    """The answer to /writeoff connect quickbooks | status (ephemeral)."""
    from bot.quickbooks import NotConfigured

    qb = deps.quickbooks
    if sub == "connect":
        if "quickbooks" not in text.lower() and "qbo" not in text.lower():
            return "Usage: `/writeoff connect quickbooks`"
        if not deps.approvers.is_approver(user):
            deps.audit("connect_refused", user)
            return "Only approvers can connect QuickBooks."
        try:
            url = qb.connect_url(actor=user)
        except (NotConfigured, RuntimeError) as exc:
            return str(exc)
        return f"<{url}|Connect QuickBooks> (the link works once, for 10 minutes)."
    st = qb.status()
    if not st["configured"]:
        return "QuickBooks is not configured (QBO_CLIENT_ID / QBO_CLIENT_SECRET)."
    if st["status"] == "not_connected":
        return "QuickBooks is not connected: `/writeoff connect quickbooks`."
    queue = ", ".join(f"{n} {k}" for k, n in sorted(st["queue"].items())) or "nothing queued"
    lines = [
        f"QuickBooks: *{st['status']}* to {clip(st['company_name'] or st['realm_id'], 100)}",
        f"Accounts mapped: {st['mapped_accounts']}; unmapped: "
        f"{', '.join(st['unmapped_accounts']) or 'none'}",
        f"Sync queue: {queue}",
        f"Connection expires: {st['refresh_token_expires_at'][:10]}"
        + (" (soon: reconnect)" if st["refresh_token_expires_soon"] else ""),
    ]
    if st["broken_reason"]:
        lines.append(f"Problem: {clip(st['broken_reason'], 300)}")
    return "\n".join(lines)

"""Buttons on the cards: Approve, Approve all, Edit, Reject, Reverse."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.blocks import edit_modal, mention, reject_modal, reverse_modal
from bot.cards import card_view
from bot.deps import Deps, guarded, tell_user
from bot.listeners import decisions
from ledger.chart import chart_info
from ledger.db import session_scope
from ledger.models import JournalEntry


def _user(body: dict[str, Any]) -> str:
    return str(body["user"]["id"])


def _entry_id(body: dict[str, Any]) -> int | None:
    try:
        return int(body["actions"][0]["value"])
    except (KeyError, IndexError, ValueError, TypeError):
        return None


def register(app: App, deps: Deps) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def clicked(body: dict[str, Any], action: str, entry_id: int | None) -> None:
        container = body.get("container") or {}
        deps.audit(
            "clicked",
            _user(body),
            entry_id,
            button=action,
            channel=container.get("channel_id"),
            message_ts=container.get("message_ts"),
        )

    def on_approve(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        entry_id = _entry_id(body)
        clicked(body, "approve", entry_id)
        if entry_id is None:
            return
        outcome = decisions.approve(deps, _user(body), entry_id, deps.on_posted)
        if outcome.ok:
            decisions.update_cards(client, deps, entry_id)
        if outcome.period_closed:
            offer_redate(client, body, entry_id, outcome.message)
        elif not outcome.ok or not outcome.created:
            tell_user(client, body, outcome.message)

    def offer_redate(client: WebClient, body: dict[str, Any], entry_id: int, text: str) -> None:
        container = body.get("container") or {}
        client.chat_postEphemeral(
            channel=container.get("channel_id") or body["channel"]["id"],
            user=_user(body),
            text=text,
            blocks=[
                {"type": "section", "text": {"type": "mrkdwn", "text": text}},
                {
                    "type": "actions",
                    "block_id": f"redate_{entry_id}",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "approve_redate",
                            "style": "primary",
                            "value": str(entry_id),
                            "text": {"type": "plain_text", "text": "Post dated today"},
                        }
                    ],
                },
            ],
        )

    def on_approve_all(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        raw = str(body["actions"][0].get("value") or "")
        ids = [int(p) for p in raw.split(",") if p.strip().isdigit()]
        clicked(body, "approve_all", None)
        posted, problems = [], []
        for entry_id in ids:
            outcome = decisions.approve(deps, _user(body), entry_id, deps.on_posted)
            if outcome.ok:
                posted.append(entry_id)
            else:
                problems.append(f"#{entry_id}: {outcome.message}")
        decisions.update_cards(client, deps, *posted)
        summary = f"{mention(_user(body))} approved {len(posted)} of {len(ids)} write-offs."
        container = body.get("container") or {}
        message = body.get("message") or {}
        if posted and container.get("message_ts"):
            # Long lists come as several batch buttons: drop only the one that was clicked.
            clicked_block = body["actions"][0].get("block_id")
            kept = [b for b in message.get("blocks") or [] if b.get("block_id") != clicked_block]
            kept.append({"type": "context", "elements": [{"type": "mrkdwn", "text": summary}]})
            client.chat_update(
                channel=container["channel_id"],
                ts=container["message_ts"],
                text=summary,
                blocks=kept,
            )
        if problems:
            tell_user(client, body, "Not posted:\n" + "\n".join(problems[:20]))
        if posted:
            push_now(client, posted)

    def on_edit(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        entry_id = _entry_id(body)
        clicked(body, "edit", entry_id)
        entry = decisions.load_entry(deps, entry_id) if entry_id else None
        if entry is None:
            return
        refused = decisions.check_role(deps, _user(body), entry, "edit")
        if refused:
            tell_user(client, body, refused.message)
            return
        if entry.status != "draft":
            tell_user(client, body, f"This entry is {entry.status}; only drafts can be edited.")
            return
        with session_scope(deps.books.engine) as s:
            fresh = s.get(JournalEntry, entry.id)
            assert fresh is not None
            view = card_view(s, fresh, deps.settings)
            chart = [
                (a.code, a.name) for a in chart_info(s, deps.books.company_id).values() if a.active
            ]
        client.views_open(trigger_id=body["trigger_id"], view=edit_modal(view, chart))

    def open_modal(body: dict[str, Any], client: WebClient, action: str, modal: Any) -> None:
        """Reject and Reverse ask for a reason first: check the role, then open the modal."""
        entry_id = _entry_id(body)
        clicked(body, action, entry_id)
        entry = decisions.load_entry(deps, entry_id) if entry_id else None
        if entry is None:
            return
        refused = decisions.check_role(deps, _user(body), entry, action)
        if refused:
            tell_user(client, body, refused.message)
            return
        client.views_open(trigger_id=body["trigger_id"], view=modal(entry.id or 0))

    def on_reject(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        open_modal(body, client, "reject", reject_modal)

    def on_reverse(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        open_modal(body, client, "reverse", reverse_modal)

    def push_now(client: WebClient, entry_ids: list[int]) -> None:
        """Push right away instead of waiting for the next scheduled pass."""
        qb = deps.quickbooks
        if qb is None or not qb.configured or qb.connection() is None:
            return
        from bot.notices import after_sync

        report = qb.sync(entry_ids=entry_ids, worker="slack")
        if report.claimed:
            after_sync(client, deps.books, report)

    def on_retry(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        raw = str(body["actions"][0].get("value") or "")
        ids = [int(p) for p in raw.split(",") if p.strip().isdigit()]
        user = _user(body)
        clicked(body, "qbo_retry", ids[0] if len(ids) == 1 else None)
        if not deps.approvers.is_approver(user):
            deps.audit("qbo_retry_refused", user, ids[0] if len(ids) == 1 else None)
            tell_user(client, body, "Only approvers can retry QuickBooks pushes.")
            return
        from qbo.sync import requeue

        requeued = [i for i in ids if requeue(deps.books.engine, deps.books.company_id, i)]
        for entry_id in requeued:
            deps.audit("qbo_retry", user, entry_id)
        push_now(client, requeued)

    def on_reconnect(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        from bot.listeners.commands import run_subcommand

        tell_user(client, body, run_subcommand(deps, "connect", "connect quickbooks", _user(body)))

    def on_approve_and_push(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        on_approve(body, client, respond)
        entry_id = _entry_id(body)
        if entry_id is not None:
            push_now(client, [entry_id])

    for action_id, fn in (
        ("qbo_retry", on_retry),
        ("qbo_reconnect", on_reconnect),
        ("approve", on_approve_and_push),
        ("approve_all", on_approve_all),
        ("edit", on_edit),
        ("reject", on_reject),
        ("reverse", on_reverse),
    ):
        app.action(action_id)(ack=just_ack, lazy=[guarded(fn)])
    app.action("qbo_view_entry")(just_ack)  # a link button: Slack still sends the click

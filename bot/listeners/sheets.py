"""The count sheet card's buttons: Approve all, Review one by one, Reject."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.cards import publish_card
from bot.deps import Deps, guarded, tell_user
from bot.files import drafts_of, sheet_summary
from bot.listeners import decisions
from bot.sheet_blocks import (
    ACTION_SHEET_APPROVE,
    ACTION_SHEET_REJECT,
    ACTION_SHEET_REVIEW,
    progress_blocks,
    summary_blocks,
)
from ledger.db import session_scope
from ledger.posting import PostingError, reject_entry

MAX_REVIEW_CARDS = 40  # one card each in the thread; past this, the sheet is too big to click


def register(app: App, deps: Deps) -> None:
    def just_ack(ack: Ack) -> None:
        ack()

    def evidence_id(body: dict[str, Any]) -> int:
        return int(body["actions"][0]["value"])

    def refresh(client: WebClient, ev_id: int, status: str, user: str, note: str) -> None:
        found = sheet_summary(deps, ev_id, status, user, note)
        if found is None:
            return
        ev, summary = found
        if ev.card_channel and ev.card_ts:
            client.chat_update(
                channel=ev.card_channel, ts=ev.card_ts, text=note, blocks=summary_blocks(summary)
            )

    def on_approve_all(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        user, ev_id = body["user"]["id"], evidence_id(body)
        deps.audit("clicked", user, button=ACTION_SHEET_APPROVE, evidence_id=ev_id)
        drafts = drafts_of(deps, ev_id)
        if not drafts:
            tell_user(client, body, "Nothing left to approve on this sheet.")
            return
        refused = decisions.check_role(deps, user, drafts[0], "approve")
        if refused:
            tell_user(client, body, refused.message)
            return
        container = body.get("container") or {}
        posted, skipped = 0, []
        for i, entry in enumerate(drafts, start=1):
            outcome = decisions.approve(deps, user, entry.id or 0, deps.on_posted)
            if outcome.ok:
                posted += 1
            else:
                skipped.append(f"{entry.memo or entry.id}: {outcome.message}")
            if i % 500 == 0 and container.get("message_ts"):
                client.chat_update(
                    channel=container["channel_id"],
                    ts=container["message_ts"],
                    text="Approving…",
                    blocks=progress_blocks("approving", i, len(drafts)),
                )
        note = f"Posted {posted} entries."
        if skipped:
            note += f" {len(skipped)} left as drafts (Review one by one to fix them)."
        refresh(client, ev_id, "approved" if not skipped else "draft", user, note)
        if skipped:
            tell_user(client, body, "Not posted:\n" + "\n".join(skipped[:15]))

    def on_review(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        user, ev_id = body["user"]["id"], evidence_id(body)
        deps.audit("clicked", user, button=ACTION_SHEET_REVIEW, evidence_id=ev_id)
        drafts = drafts_of(deps, ev_id)
        container = body.get("container") or {}
        channel = container.get("channel_id") or deps.settings.writeoff_approval_channel
        for entry in drafts[:MAX_REVIEW_CARDS]:
            publish_card(
                client,
                deps.books.engine,
                deps.settings,
                entry.id or 0,
                channel,
                thread_ts=container.get("message_ts"),
            )
        if len(drafts) > MAX_REVIEW_CARDS:
            tell_user(
                client,
                body,
                f"Showing the first {MAX_REVIEW_CARDS} of {len(drafts)} "
                "drafts; approve or reject those, then Review again.",
            )

    def on_reject(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        user, ev_id = body["user"]["id"], evidence_id(body)
        deps.audit("clicked", user, button=ACTION_SHEET_REJECT, evidence_id=ev_id)
        drafts = drafts_of(deps, ev_id)
        if not drafts:
            return
        refused = decisions.check_role(deps, user, drafts[0], "reject")
        if refused:
            tell_user(client, body, refused.message)
            return
        rejected = 0
        for entry in drafts:
            try:
                with session_scope(deps.books.engine) as s:
                    reject_entry(
                        s,
                        deps.books.company_id,
                        entry.id or 0,
                        actor=user,
                        reason="count sheet rejected",
                    )
                rejected += 1
            except PostingError:
                continue
        refresh(client, ev_id, "rejected", user, f"{rejected} drafts rejected.")

    app.action(ACTION_SHEET_APPROVE)(ack=just_ack, lazy=[guarded(on_approve_all)])
    app.action(ACTION_SHEET_REVIEW)(ack=just_ack, lazy=[guarded(on_review)])
    app.action(ACTION_SHEET_REJECT)(ack=just_ack, lazy=[guarded(on_reject)])

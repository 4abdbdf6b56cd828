"""The count sheet card's buttons: Approve all, Review one by one, Reject."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions, sheets
from bot.services.deps import Deps
from bot.services.display import SheetStatus
from bot.slack.cards import publish_card
from bot.slack.ids import Id
from bot.slack.listeners.common import Body, clicked, deps_of, entry_id_of, tell_user, user_of
from bot.slack.ui import replies
from bot.slack.ui.sheets import progress_blocks, summary_blocks

MAX_REVIEW_CARDS = 40  # one card each in the thread; past this, the sheet is too big to click
PROGRESS_EVERY = 500


def _refresh(
    deps: Deps, client: WebClient, evidence_id: int, status: SheetStatus, user: str, note: str
) -> None:
    found = sheets.summary_after(deps, evidence_id, status, user, note)
    if found is None:
        return
    where, summary = found
    if where is not None:
        client.chat_update(channel=where[0], ts=where[1], text=note, blocks=summary_blocks(summary))


def approve_all(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    user, evidence_id = user_of(body), entry_id_of(body) or 0
    clicked(deps, body, Id.SHEET_APPROVE, None, evidence_id=evidence_id)
    drafts = sheets.drafts_of(deps, evidence_id)
    if not drafts:
        tell_user(client, body, "Nothing left to approve on this sheet.")
        return
    refused = decisions.check_role(deps, user, drafts[0], "approve")
    if refused:
        tell_user(client, body, refused.reason)
        return
    container = body.get("container") or {}
    posted, skipped = 0, []
    for i, entry in enumerate(drafts, start=1):
        outcome = decisions.approve(deps, user, entry.id or 0)
        if outcome.ok:
            posted += 1
        else:
            skipped.append(f"{entry.memo or entry.id}: {replies.approved(outcome)}")
        if i % PROGRESS_EVERY == 0 and container.get("message_ts"):
            client.chat_update(
                channel=container["channel_id"],
                ts=container["message_ts"],
                text="Approving…",
                blocks=progress_blocks("approving", i, len(drafts)),
            )
    note = f"Posted {posted} entries."
    if skipped:
        note += f" {len(skipped)} left as drafts (Review one by one to fix them)."
    _refresh(
        deps,
        client,
        evidence_id,
        SheetStatus.APPROVED if not skipped else SheetStatus.DRAFT,
        user,
        note,
    )
    if skipped:
        tell_user(client, body, "Not posted:\n" + "\n".join(skipped[:15]))


def review(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    evidence_id = entry_id_of(body) or 0
    clicked(deps, body, Id.SHEET_REVIEW, None, evidence_id=evidence_id)
    drafts = sheets.drafts_of(deps, evidence_id)
    container = body.get("container") or {}
    channel = container.get("channel_id") or deps.settings.writeoff_approval_channel
    if not channel:
        return
    for entry in drafts[:MAX_REVIEW_CARDS]:
        publish_card(
            client, deps.books, entry.id or 0, channel, thread_ts=container.get("message_ts")
        )
    if len(drafts) > MAX_REVIEW_CARDS:
        tell_user(
            client,
            body,
            f"Showing the first {MAX_REVIEW_CARDS} of {len(drafts)} "
            "drafts; approve or reject those, then Review again.",
        )


def reject(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    user, evidence_id = user_of(body), entry_id_of(body) or 0
    clicked(deps, body, Id.SHEET_REJECT, None, evidence_id=evidence_id)
    drafts = sheets.drafts_of(deps, evidence_id)
    if not drafts:
        return
    refused = decisions.check_role(deps, user, drafts[0], "reject")
    if refused:
        tell_user(client, body, refused.reason)
        return
    rejected = sheets.reject_all(deps, user, drafts)
    _refresh(deps, client, evidence_id, SheetStatus.REJECTED, user, f"{rejected} drafts rejected.")

"""The count sheet card's buttons: Approve (the one entry) or Approve all (per variance),
Review one by one (per variance), Reject."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import decisions, sheets
from bot.services.deps import Deps
from bot.slack.cards import publish_card
from bot.slack.ids import Id
from bot.slack.listeners.common import (
    Body,
    clicked,
    deps_of,
    entry_id_of,
    push_now,
    tell_user,
    user_of,
)
from bot.slack.ui import replies
from bot.slack.ui.sheets import progress_blocks, summary_blocks

MAX_REVIEW_CARDS = 40  # one card each in the thread; past this, the sheet is too big to click
PROGRESS_EVERY = 500


def _refresh(
    deps: Deps,
    client: WebClient,
    evidence_id: int,
    user: str | None,
    note: str,
    settled: bool = False,
) -> None:
    found = sheets.summary_after(deps.books, evidence_id, user, note, settled=settled)
    if found is None:
        return
    where, summary = found
    if where is not None:
        client.chat_update(
            channel=where[0],
            ts=where[1],
            text=note or f"Count sheet {summary.file_name}",
            blocks=summary_blocks(summary),
        )


def approve_all(body: Body, client: WebClient, context: BoltContext) -> None:
    """Post the count: its one entry, or (per-variance) every draft that can be posted as
    it stands. Then the card is settled and what was posted is pushed to QuickBooks."""
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
    posted: list[int] = []
    failed: list[str] = []
    postable = [e for e in drafts if sheets.postable(e)]
    for i, entry in enumerate(postable, start=1):
        outcome = decisions.approve(deps, user, entry.id or 0)
        if outcome.ok:
            posted.append(entry.id or 0)
        else:
            failed.append(f"{entry.memo or entry.id}: {replies.approved(outcome)}")
        if i % PROGRESS_EVERY == 0 and container.get("message_ts"):
            client.chat_update(
                channel=container["channel_id"],
                ts=container["message_ts"],
                text="Approving…",
                blocks=progress_blocks("approving", i, len(postable)),
            )
    if not posted:
        # Nothing moved (a closed month, the limit): the card stays open, the reason is told.
        tell_user(client, body, "Not posted: " + (failed[0] if failed else "nothing to post"))
        return
    _refresh(deps, client, evidence_id, user, "", settled=True)
    left = [e for e in drafts if e.id not in posted]
    if left:
        # Per-variance drafts that could not be posted get their own cards in the thread,
        # so the settled summary offers no button that no longer applies, and nothing is lost.
        _cards_in_thread(deps, client, body, [e.id or 0 for e in left])
    if failed:
        tell_user(client, body, "Not posted:\n" + "\n".join(failed[:15]))
    push_now(context, client, posted)


def _cards_in_thread(deps: Deps, client: WebClient, body: Body, drafts: list[int]) -> None:
    container = body.get("container") or {}
    channel = container.get("channel_id") or deps.settings.writeoff_approval_channel
    if not channel:
        return
    for entry_id in drafts[:MAX_REVIEW_CARDS]:
        publish_card(client, deps.books, entry_id, channel, thread_ts=container.get("message_ts"))
    if len(drafts) > MAX_REVIEW_CARDS:
        tell_user(
            client,
            body,
            f"Showing the first {MAX_REVIEW_CARDS} of {len(drafts)} "
            "drafts; approve or reject those, then Review again.",
        )


def review(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    evidence_id = entry_id_of(body) or 0
    clicked(deps, body, Id.SHEET_REVIEW, None, evidence_id=evidence_id)
    _cards_in_thread(deps, client, body, [e.id or 0 for e in sheets.drafts_of(deps, evidence_id)])


def reject(body: Body, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    user, evidence_id = user_of(body), entry_id_of(body) or 0
    clicked(deps, body, Id.SHEET_REJECT, None, evidence_id=evidence_id)
    drafts = sheets.drafts_of(deps, evidence_id)
    if not drafts:
        tell_user(client, body, "Nothing left to reject on this sheet.")
        return
    refused = decisions.check_role(deps, user, drafts[0], "reject")
    if refused:
        tell_user(client, body, refused.reason)
        return
    sheets.reject_all(deps, user, drafts)
    _refresh(deps, client, evidence_id, user, "", settled=True)

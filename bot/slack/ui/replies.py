"""What the bot answers a person (ephemeral replies, thread replies), worded from the
outcome of what they asked. Text only: mrkdwn, user text escaped."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.display import EntryState, Outcome, QboStatus, Result
from bot.slack.ui.kit import clip, escape, link, mention

FRIENDLY_ERROR = "Something went wrong drafting this; nothing was posted. Try again or use Edit."
# A failure where the books could not be read afterwards: it may have come after a commit,
# so never claim that nothing was posted.
BOOKS_UNREADABLE = (
    "Something went wrong, and I could not read the books just now to see what happened. "
    "Check the card before trying again: it shows the entry as the books hold it."
)
# The push failed after posting and the books cannot be read to say more: it was posted
# (the approval's own outcome said so) and its outbox row keeps the push.
PUSH_DEFERRED = (
    "Posted. The QuickBooks push did not go through just now; it stays queued and will be retried."
)
# A failure in a button without an entry to read (period close, QuickBooks, count sheets).
SOMETHING_WENT_WRONG = (
    "Something went wrong and I could not finish this. Check the card or `/writeoff status` "
    "before trying again."
)
NOT_IN_CHANNEL = (
    "I saved the draft but cannot post in this channel: invite me with "
    "`/invite @writeoff-bot`, then try again."
)
NOTHING_TO_DRAFT = (
    "That message has no text to draft from. Reply to it with the details, e.g. "
    "`4 units SKU-9 damaged at $20`."
)


def approved(outcome: Outcome) -> str:
    entry = outcome.entry
    if outcome.result is Result.DONE and entry is not None:
        return f"Posted {entry.number}."
    if outcome.result is Result.ALREADY and entry is not None:
        return f"Already posted as {entry.number} by {mention(entry.approved_by)}."
    if outcome.result is Result.WAITING and entry is not None:
        return (
            f"Your approval of draft #{entry.id} is recorded; it posts when a second, "
            "different approver approves it."
        )
    if outcome.result is Result.PERIOD_CLOSED:
        closed = "; ".join(map(str, outcome.problems))
        return f"{closed}."
    if outcome.result is Result.INVALID:
        problems = escape("; ".join(map(str, outcome.problems)))
        return f"This draft cannot be posted yet: {problems}. Use Edit to fix it."
    return outcome.reason


def after_failure(states: Sequence[EntryState] | None) -> str:
    """The answer after a listener failed part-way, from the entries as read afterwards:
    "Posted as JE-000058; the QuickBooks push will be retried." or "Nothing was posted: ..."."""
    if states is None:
        return BOOKS_UNREADABLE
    if not states:
        return "Something went wrong, and that entry is not in the books: nothing was posted."
    said = [_state_words(st) for st in states[:20]]
    if len(states) > 20:
        said.append(f"...and {len(states) - 20} more: see their cards.")
    return "Something went wrong part-way. The books say:\n" + "\n".join(said)


def _state_words(st: EntryState) -> str:
    name = st.number or f"#{st.id}"
    if st.status == "posted":
        if st.qbo_synced:
            return f"Posted as {name}; in QuickBooks as JournalEntry {st.qbo_id}."
        return f"Posted as {name}; the QuickBooks push will be retried."
    if st.status == "reversed":
        return f"{name} was posted and is reversed by {st.reversed_by_number or 'a reversal'}."
    if st.status == "draft":
        return f"Nothing was posted: #{st.id} is still a draft; you can approve it again."
    return f"Nothing was posted: #{st.id} is {st.status}."


def problems_or_reason(outcome: Outcome) -> str:
    """A refusal of reject, reverse or re-dating: the books' own words, or the reason."""
    if outcome.problems:
        return escape("; ".join(map(str, outcome.problems)))
    return outcome.reason


def rejected_thread(reporter: str | None, by: str, reason: str) -> str:
    return f"{mention(reporter)} this write-off was rejected by {mention(by)}: {escape(reason)}"


def reversed_thread(number: str | None, by: str, reason: str) -> str:
    return f"Reversed by {number} ({mention(by)}): {escape(reason)}"


def approved_all(user: str, posted: int, asked: int) -> str:
    return f"{mention(user)} approved {posted} of {asked} write-offs."


def not_posted(problems: dict[str, list[int]]) -> str:
    """What Approve all could not approve, each reason said once with the drafts it held."""
    count = sum(len(ids) for ids in problems.values())
    lines = [f"Not posted ({count}):"]
    for reason, ids in list(problems.items())[:20]:
        shown = ", ".join(f"#{i}" for i in ids[:30])
        more = f" and {len(ids) - 30} more" if len(ids) > 30 else ""
        lines.append(f"• {shown}{more}: {reason}")
    return "\n".join(lines)


def drafted(count: int, card_link: str | None = None) -> str:
    """'Drafted a write-off for approval; the card is in <link|the approval channel>.'"""
    what = "write-off" if count == 1 else f"{count} write-offs"
    if card_link is None:
        return f"Drafted {what} for approval."
    return f"Drafted {what} for approval; the card is in {link(card_link, 'the approval channel')}."


def cannot_read(problem: str | None, fallback: str) -> str:
    """The drafter's refusal (it may quote the message back: never let it ping or link)."""
    return escape(problem) if problem else fallback


def qbo_status(st: QboStatus) -> str:
    """`/writeoff status`."""
    if not st.configured:
        return "QuickBooks is not configured (QBO_CLIENT_ID / QBO_CLIENT_SECRET)."
    if not st.linked:
        return "QuickBooks is not connected: `/writeoff connect quickbooks`."
    queue = ", ".join(f"{n} {k}" for k, n in sorted(st.queue.items())) or "nothing queued"
    lines = [
        f"QuickBooks: *{st.status}* to {clip(st.company_name or st.realm_id or '', 100)}",
        f"Accounts mapped: {st.mapped_accounts}; unmapped: "
        f"{', '.join(st.unmapped_accounts) or 'none'}"
        + (" (map them: `/writeoff map`)" if st.unmapped_accounts else ""),
        f"Sync queue: {queue}",
        f"Connection expires: {(st.refresh_token_expires_at or '')[:10]}"
        + (" (soon: reconnect)" if st.refresh_token_expires_soon else ""),
    ]
    if st.quantity_tracking is not None:
        lines.append(f"Company: {st.company_words}")
    if st.broken_reason:
        lines.append(f"Problem: {clip(st.broken_reason, 300)}")
    return "\n".join(lines)


# -- the second reading and corrections in a card's thread ------------------------------------

SECOND_READING_PENDING = (
    "Claude's second reading of this draft has not arrived yet; it may still change the "
    "amount or the confidence. Approve the draft as it stands, without it?"
)
SECOND_READING_CHANGED = (
    "This draft changed since you were asked (its second reading arrived, or it was "
    "corrected): look at the card again before approving."
)
SECOND_READING_SKIPPED = "its second reading has not arrived yet: approve it on its card"
CORRECTION_NOT_ALLOWED = (
    "Only the person who reported this write-off or an approver can change it. Nothing was changed."
)

_QUESTIONS = {
    "unit_cost": "What did each unit cost? Reply here, e.g. 'at $12 each'.",
    "quantity": "How many units were there? Reply here, e.g. '30 units'.",
    "amount": "What is the amount? Reply here, e.g. '$450 in total' or '30 units at $15 each'.",
    "reason": "What happened to the goods (damaged, expired, stolen, missing…)? Reply here, "
    "e.g. 'they were damaged'.",
}


def missing_prompt(reporter: str | None, missing: tuple[str, ...] | list[str]) -> str | None:
    """The thread reply that tells the reporter, in plain words, what the draft lacks and
    how to complete it by replying. None when nothing missing is the reporter's to give."""
    questions = [_QUESTIONS[m] for m in missing if m in _QUESTIONS]
    if not questions:
        return None
    lead = (
        "this write-off cannot be approved yet."
        if reporter
        else "This write-off cannot be approved yet."
    )
    who = f"{mention(reporter)} " if reporter else ""
    return f"{who}{lead} " + " ".join(questions)


def readings_differ(reporter: str | None) -> str:
    who = f"{mention(reporter)} " if reporter else ""
    return (
        f"{who}I read this write-off two ways (both readings are on the card). Which is right? "
        "Reply here with the right figure, e.g. 'make that 30' or '$9 each'."
    )


def corrected(change: str, total: str, confidence: float | None) -> str:
    pct = f" (confidence {int(confidence * 100)}%)" if confidence is not None else ""
    return f"Updated the draft from your reply: {escape(change)}. Amount now {total}{pct}."


def correction_on_decided(status: str, number: str | None) -> str:
    if status in ("posted", "reversed"):
        name = number or "This entry"
        return (
            f"{name} is already {status}, so it cannot change. To correct it, an approver "
            "can Reverse it on the card, then report the right figures again."
        )
    return f"This draft is {status}; nothing was posted. Report it again with the right figures."


def correction_on_edited(edited_by: str | None) -> str:
    return (
        f"{mention(edited_by, 'An approver')} edited this draft, so replies no longer change "
        "it: ask them, or an approver can use Edit."
    )

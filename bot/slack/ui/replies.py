"""What the bot answers a person (ephemeral replies, thread replies), worded from the
outcome of what they asked. Text only: mrkdwn, user text escaped."""

from __future__ import annotations

from bot.services.display import Outcome, QboStatus, Result
from bot.slack.ui.kit import clip, escape, link, mention

FRIENDLY_ERROR = "Something went wrong drafting this; nothing was posted. Try again or use Edit."
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
        f"{', '.join(st.unmapped_accounts) or 'none'}",
        f"Sync queue: {queue}",
        f"Connection expires: {(st.refresh_token_expires_at or '')[:10]}"
        + (" (soon: reconnect)" if st.refresh_token_expires_soon else ""),
    ]
    if st.broken_reason:
        lines.append(f"Problem: {clip(st.broken_reason, 300)}")
    return "\n".join(lines)

"""QuickBooks sync alerts in the alert channel: one failure, an outage summary, resolved,
a broken connection, an expiring connection. Each names the company first when the
deployment keeps several (the value's `company`, or the `company` argument)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.services.display import DriftNotice, FailedPush
from bot.slack.ids import Id
from bot.slack.ui.kit import Block, actions, button, client_prefix, clip, section
from ledger.money import format_money

MAX_LISTED = 20


def _retry_button(ids: Sequence[int], label: str) -> Block:
    return button(label, Id.QBO_RETRY, ",".join(str(i) for i in ids), "primary")


def _fix_mapping_button() -> Block:
    return button("Fix mapping", Id.QBO_FIX_MAPPING, "mapping", "primary")


def failure_alert(push: FailedPush, currency: str) -> list[Block]:
    elements: list[Block] = [_retry_button([push.entry_id], "Retry")]
    if push.held:  # a mapping problem: Retry alone cannot help, the dialog can
        elements = [_fix_mapping_button(), _retry_button([push.entry_id], "Retry")]
    if push.permalink:
        elements.append(button("View entry", Id.QBO_VIEW_ENTRY, url=push.permalink))
    return [
        section(
            f":warning: {client_prefix(push.company)}*{push.number}* "
            f"({format_money(push.total, currency)}) did not "
            f"reach QuickBooks.\n{clip(push.problem, 1500)}"
        ),
        actions(Id.BLOCK_QBO_ALERT.format(push.entry_id), *elements),
    ]


def failure_text(push: FailedPush) -> str:
    return f"{client_prefix(push.company, bold=False)}{push.number} did not reach QuickBooks"


def summary_alert(pushes: Sequence[FailedPush], currency: str) -> list[Block]:
    """Many entries failing together (an outage): one message, not one each."""
    total = sum((p.total for p in pushes), Decimal("0.00"))
    problems = sorted({p.problem for p in pushes})
    lines = [f"• *{p.number}* {format_money(p.total, currency)}" for p in pushes[:MAX_LISTED]]
    if len(pushes) > MAX_LISTED:
        lines.append(f"…and {len(pushes) - MAX_LISTED} more")
    why = "\n".join(f"> {clip(p, 500)}" for p in problems[:3])
    ids = [p.entry_id for p in pushes]
    return [
        section(
            f":warning: {client_prefix(pushes[0].company if pushes else None)}"
            f"*{len(pushes)} entries* ({format_money(total, currency)}) did not "
            f"reach QuickBooks.\n{why}"
        ),
        section("\n".join(lines)),
        actions(
            Id.BLOCK_QBO_ALERT_SUMMARY,
            *([_fix_mapping_button()] if any(p.held for p in pushes) else []),
            _retry_button(ids, f"Retry all ({len(ids)})"),
        ),
    ]


def summary_text(count: int, company: str | None = None) -> str:
    return f"{client_prefix(company, bold=False)}{count} entries did not reach QuickBooks"


def resolved_one(number: str, qbo_id: str | None, company: str | None = None) -> list[Block]:
    return [
        section(
            f":white_check_mark: {client_prefix(company)}Resolved: *{number}* synced as QuickBooks "
            f"JournalEntry {clip(qbo_id or '?', 40)}."
        )
    ]


def resolved_all(count: int, company: str | None = None) -> list[Block]:
    return [
        section(
            f":white_check_mark: {client_prefix(company)}Resolved: all {count} entries "
            "synced to QuickBooks."
        )
    ]


def drift_alert(notice: DriftNotice, currency: str) -> list[Block]:
    """Someone changed or deleted a synced entry in QuickBooks: what, before and after."""
    del currency  # the lines carry their amounts as QuickBooks and the books show them
    who = f" by QuickBooks user {clip(notice.who, 40)}" if notice.who else ""
    head = (
        f":mag: {client_prefix(notice.company)}*{notice.number}* was "
        f"*{notice.kind} in QuickBooks*{who} "
        f"({clip(notice.entity, 40)} {clip(notice.qbo_id, 40)})."
    )
    before = "\n".join(f"> {clip(line, 200)}" for line in notice.before[:MAX_LISTED])
    body = [section(head), section(f"*As approved (the books):*\n{before or '> nothing'}")]
    if notice.kind == "changed":
        after = "\n".join(f"> {clip(line, 200)}" for line in notice.after[:MAX_LISTED])
        body.append(section(f"*In QuickBooks now:*\n{after or '> no lines'}"))
    body.append(
        section(
            "Nothing was changed back. If QuickBooks is right, reverse and re-post the entry "
            "in writeoff-bot; if the books are right, undo the change in QuickBooks."
        )
    )
    if notice.permalink:
        body.append(
            actions(
                Id.BLOCK_QBO_DRIFT.format(notice.entry_id),
                button("View entry", Id.QBO_VIEW_ENTRY, url=notice.permalink),
            )
        )
    return body


def drift_text(notice: DriftNotice) -> str:
    return (
        f"{client_prefix(notice.company, bold=False)}{notice.number} was {notice.kind} "
        "in QuickBooks"
    )


def broken_connection_alert(reason: str, company: str | None = None) -> list[Block]:
    return [
        section(
            f":rotating_light: {client_prefix(company)}*QuickBooks disconnected.* "
            f"{clip(reason, 500)}\nPosted "
            "entries wait in the queue and will be pushed once it is reconnected."
        ),
        actions(
            Id.BLOCK_QBO_RECONNECT,
            button("Reconnect QuickBooks", Id.QBO_RECONNECT, "reconnect", "primary"),
        ),
    ]


def expiry_warning(days: int, company: str | None = None) -> list[Block]:
    return [
        section(
            f":hourglass: {client_prefix(company)}The QuickBooks connection expires in "
            f"{days} days. An "
            "approver should reconnect it: `/writeoff connect quickbooks`."
        )
    ]


def connected_notice(
    name: str, mapped: int, to_decide: int, company: str | None = None, button_here: bool = True
) -> list[Block]:
    """Told in the alert channel once QuickBooks is connected: what is left to do, and the
    button that does it (nobody needs a shell). `company`: whose books, with several.
    `button_here` False: a place where a click could not tell whose books it is for (a
    direct message, with several companies), so the notice says where to go instead."""
    if to_decide:
        what = (
            f"{mapped} accounts mapped; *{to_decide} need a decision* (pick the QuickBooks "
            "account, or let the app create it). Entries using them wait until then."
        )
    else:
        what = f"All {mapped} accounts are mapped: approved write-offs go to QuickBooks."
    head = f":link: {client_prefix(company)}*QuickBooks connected* to {clip(name, 100)}. {what}"
    if not button_here:
        where = clip(company or "this company", 100)
        return [section(f"{head}\nTo map accounts, type `/writeoff map` in a channel of {where}.")]
    return [
        section(head),
        actions(
            Id.BLOCK_QBO_CONNECTED,
            button(
                "Map accounts" if to_decide else "Review mapping",
                Id.QBO_FIX_MAPPING,
                "mapping",
                "primary" if to_decide else None,
            ),
        ),
    ]


def connected_text(name: str, company: str | None = None) -> str:
    return f"{client_prefix(company, bold=False)}QuickBooks connected to {name}"

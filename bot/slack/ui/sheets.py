"""Count sheets: progress while reading, the summary card (how the count is booked, its
largest variances under column headings, what was skipped and why, and only the buttons
that still apply), a failure."""

from __future__ import annotations

from decimal import Decimal

from bot.services.display import SheetStatus, SheetSummary
from bot.slack.ids import Id
from bot.slack.ui.kit import (
    Block,
    actions,
    amount,
    button,
    clip,
    confirm,
    header,
    mention,
    number,
    section,
)
from ledger.money import format_money

MAX_PROBLEMS_SHOWN = 10


def progress_blocks(file_name: str, done: int, total: int | None) -> list[Block]:
    where = f"{done:,} of {total:,} lines" if total else "reading the file"
    return [section(f":hourglass_flowing_sand: Count sheet *{clip(file_name, 100)}*: {where}…")]


def failed_blocks(file_name: str, reason: str) -> list[Block]:
    return [
        section(
            f":x: Count sheet *{clip(file_name, 100)}* could not be read: "
            f"{clip(reason, 1000)}\nNothing was drafted."
        )
    ]


def _variance_table(s: SheetSummary) -> str:
    """The largest variances as a fixed-width table with its column headings."""
    head = (
        f"{'SKU':<20} {'Expected':>9} {'Counted':>9} {'Diff':>8} {'Unit cost':>10} "
        f"{'Amount':>12}  Line"
    )
    rows = [head]
    for v in s.largest[:10]:
        diff = v.counted - v.expected
        cost = amount(v.unit_cost) if v.unit_cost is not None else "none"
        value = amount(v.amount) if v.amount is not None else "no cost"
        rows.append(
            f"{clip(v.sku, 20):<20} {number(v.expected):>9} {number(v.counted):>9} "
            f"{format(diff.normalize(), '+f'):>8} {cost:>10} {value:>12}  {v.line}"
        )
    return f"*Largest variances* ({s.currency})\n```\n" + "\n".join(rows) + "\n```"


def _listed(items: list[str], total: int, shown: int = MAX_PROBLEMS_SHOWN) -> str:
    more = (
        f"\n…and {total - min(len(items), shown):,} more" if total > min(len(items), shown) else ""
    )
    return "\n".join(items[:shown]) + more


def _how_booked(s: SheetSummary) -> str:
    shrink = s.accounts[0] if s.accounts else "shrinkage"
    inventory = s.accounts[1] if len(s.accounts) > 1 else "inventory"
    sides = f"Dr {shrink} for each shortage, Cr {shrink} for each overage, net against {inventory}"
    if s.one_entry:
        if not s.entry_lines:
            return "Nothing to book: no variance could be valued."
        return f"Booked as *one adjusting entry* of {s.entry_lines:,} lines: {sides}."
    return f"Booked as *one entry per variance*: {sides}."


def _status_line(s: SheetSummary) -> str:
    who = mention(s.decided_by)
    if s.one_entry:
        number_ = clip(s.entry_number or "", 40)
        what = {
            SheetStatus.APPROVED: f"*Approved* by {who}: posted as *{number_}*.",
            SheetStatus.REJECTED: f"*Rejected* by {who}: nothing posted.",
            SheetStatus.EXPIRED: "*Expired*: no decision within 7 days; nothing posted.",
        }.get(s.status, f"*{s.status.capitalize()}* by {who}.")
        qbo = f" QuickBooks: {clip(s.qbo_status, 300)}." if s.qbo_status else ""
        if s.reversed_by:
            state = clip(s.reversal_qbo_status or "not connected", 300)
            qbo += f"\n↩️ *Reversed* by *{clip(s.reversed_by, 40)}* (QuickBooks: {state})."
    else:
        parts = [f"{s.posted:,} posted", f"{s.rejected:,} rejected"]
        if s.left:
            parts.append(f"{s.left:,} left as drafts (their cards are in the thread)")
        what = f"*{s.status.capitalize()}* by {who}: " + ", ".join(parts) + "."
        qbo = ""
    note = f" {clip(s.note, 500)}" if s.note else ""
    return what + qbo + note


def summary_blocks(s: SheetSummary) -> list[Block]:
    cur = s.currency
    net = s.shrinkage - s.overage
    counted = (
        f"{s.lines_read:,} lines read from {mention(s.uploaded_by)}: "
        f"*{s.drafts:,} variance(s)*, {s.unchanged:,} unchanged"
    )
    if s.skipped_count:
        counted += f", {s.skipped_count:,} skipped"
    if s.problem_count or s.problems:
        counted += f", {max(s.problem_count, len(s.problems)):,} unreadable"
    blocks: list[Block] = [
        header(f"Count sheet: {s.file_name}"),
        section(
            f"{counted}.\n"
            f"Shrinkage *{format_money(s.shrinkage, cur)}* · overage "
            f"{format_money(s.overage, cur)} · net *{format_money(net, cur)}*\n" + _how_booked(s)
        ),
    ]
    if s.largest:
        blocks.append(section(_variance_table(s)))
    if s.skipped:
        items = [f"• line {k.line} {clip(k.sku, 40)}: {clip(k.reason, 150)}" for k in s.skipped]
        left_out = (
            "not in the entry* (report each on its own once its cost is known)"
            if s.one_entry
            else "not posted*"
        )
        blocks.append(
            section(
                f":warning: *{s.skipped_count:,} variance(s) {left_out}\n"
                + _listed(items, s.skipped_count)
            )
        )
    if s.problems:
        items = [f"• line {n}: {clip(why, 150)}" for n, why in s.problems]
        total = max(s.problem_count, len(s.problems))
        blocks.append(
            section(f":warning: *{total:,} line(s) could not be read*\n" + _listed(items, total))
        )
    if s.warning and s.status is SheetStatus.DRAFT:
        blocks.append(section(f":warning: {clip(s.warning, 1000)}."))
    if s.status is SheetStatus.DRAFT and (s.complete or s.left):
        blocks.append(_buttons(s, net))
    elif s.status is not SheetStatus.DRAFT:
        blocks.append(section(_status_line(s)))
        if s.one_entry and s.entry_id and s.entry_number and not s.reversed_by:
            # A posted count is corrected the way any entry is: by reversing it.
            entry = str(s.entry_id)
            blocks.append(
                actions(Id.BLOCK_SHEET.format(s.evidence_id), button("Reverse", Id.REVERSE, entry))
            )
    return blocks


def _buttons(s: SheetSummary, net: Decimal) -> Block:
    """Only the buttons that still apply: a settled card has none."""
    cur, value = s.currency, str(s.evidence_id)
    elements: list[Block] = []
    if s.complete:
        if s.one_entry:
            check = confirm(
                "Approve the count?",
                f"Post one entry of {s.entry_lines:,} lines, net {format_money(net, cur)}.",
                "Approve",
            )
            label = "Approve"
        else:
            check = confirm(
                "Approve the count?",
                f"Post {s.complete:,} entries, net {format_money(net, cur)}.",
                "Approve all",
            )
            label = f"Approve all ({s.complete:,})"
        elements.append(button(label, Id.SHEET_APPROVE, value, "primary", check))
    if not s.one_entry and s.left:
        elements.append(button("Review one by one", Id.SHEET_REVIEW, value))
    elements.append(button("Reject", Id.SHEET_REJECT, value, "danger"))
    return actions(Id.BLOCK_SHEET.format(s.evidence_id), *elements)

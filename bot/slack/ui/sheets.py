"""Count sheets: progress while reading, the summary card with its buttons, a failure."""

from __future__ import annotations

from bot.services.display import SheetStatus, SheetSummary
from bot.slack.ids import Id
from bot.slack.ui.kit import Block, actions, button, clip, confirm, header, mention, section
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


def summary_blocks(s: SheetSummary) -> list[Block]:
    cur = s.currency
    net = s.shrinkage - s.overage
    blocks: list[Block] = [
        header(f"Count sheet: {s.file_name}"),
        section(
            f"{s.lines_read:,} lines read from {mention(s.uploaded_by)}: "
            f"*{s.drafts:,} variances* drafted, {s.unchanged:,} unchanged.\n"
            f"Shrinkage *{format_money(s.shrinkage, cur)}* · overage "
            f"{format_money(s.overage, cur)} · net *{format_money(net, cur)}*"
        ),
    ]
    if s.largest:
        rows = []
        for v in s.largest[:10]:
            diff = v.counted - v.expected
            money = format_money(v.amount, cur) if v.amount is not None else "no cost"
            rows.append(
                f"{clip(v.sku, 24):24} {format(diff.normalize(), '+f'):>8} "
                f"{money:>14}  (line {v.line})"
            )
        blocks.append(section("*Largest variances*\n```\n" + "\n".join(rows) + "\n```"))
    if s.problems:
        shown = "\n".join(
            f"• line {n}: {clip(why, 150)}" for n, why in s.problems[:MAX_PROBLEMS_SHOWN]
        )
        more = (
            f"\n…and {len(s.problems) - MAX_PROBLEMS_SHOWN} more"
            if len(s.problems) > MAX_PROBLEMS_SHOWN
            else ""
        )
        blocks.append(
            section(f":warning: *{len(s.problems)} line(s) could not be read*\n{shown}{more}")
        )
    incomplete = s.drafts - s.complete
    if incomplete:
        blocks.append(
            section(
                f":warning: {incomplete} variance(s) have no unit cost: "
                "Review one by one to fill them in."
            )
        )
    if s.status is SheetStatus.DRAFT and s.drafts:
        value = str(s.evidence_id)
        elements: list[Block] = []
        if s.complete:
            check = confirm(
                "Approve the count?",
                f"Post {s.complete:,} entries, net {format_money(net, cur)}.",
                "Approve all",
            )
            elements.append(
                button(f"Approve all ({s.complete:,})", Id.SHEET_APPROVE, value, "primary", check)
            )
        elements.append(button("Review one by one", Id.SHEET_REVIEW, value))
        elements.append(button("Reject", Id.SHEET_REJECT, value, "danger"))
        blocks.append(actions(Id.BLOCK_SHEET.format(s.evidence_id), *elements))
    elif s.status is not SheetStatus.DRAFT:
        blocks.append(
            section(f"*{s.status.capitalize()}* by {mention(s.decided_by)}. {clip(s.note, 500)}")
        )
    return blocks

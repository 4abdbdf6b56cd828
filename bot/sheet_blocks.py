"""Block Kit for count sheets: progress and the summary card. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.blocks import clip, mention
from ledger.money import format_money

ACTION_SHEET_APPROVE = "sheet_approve_all"
ACTION_SHEET_REVIEW = "sheet_review"
ACTION_SHEET_REJECT = "sheet_reject"
MAX_PROBLEMS_SHOWN = 10


@dataclass(frozen=True)
class Variance:
    line: int
    sku: str
    expected: Decimal
    counted: Decimal
    amount: Decimal | None  # None when no unit cost was found


@dataclass(frozen=True)
class SheetSummary:
    evidence_id: int
    file_name: str
    uploaded_by: str | None
    lines_read: int
    unchanged: int
    drafts: int
    complete: int  # drafts that can be approved as they are
    shrinkage: Decimal
    overage: Decimal
    largest: tuple[Variance, ...]
    problems: tuple[tuple[int, str], ...]  # (line, reason)
    currency: str
    status: str = "draft"  # draft, approved, rejected
    decided_by: str | None = None
    note: str = ""


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def progress_blocks(file_name: str, done: int, total: int | None) -> list[dict[str, Any]]:
    where = f"{done:,} of {total:,} lines" if total else "reading the file"
    return [_section(f":hourglass_flowing_sand: Count sheet *{clip(file_name, 100)}*: {where}…")]


def failed_blocks(file_name: str, reason: str) -> list[dict[str, Any]]:
    return [
        _section(
            f":x: Count sheet *{clip(file_name, 100)}* could not be read: "
            f"{clip(reason, 1000)}\nNothing was drafted."
        )
    ]


def summary_blocks(s: SheetSummary) -> list[dict[str, Any]]:
    cur = s.currency
    net = s.shrinkage - s.overage
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"Count sheet: {s.file_name}"[:150]},
        },
        _section(
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
            amount = format_money(v.amount, cur) if v.amount is not None else "no cost"
            rows.append(
                f"{clip(v.sku, 24):24} {format(diff.normalize(), '+f'):>8} "
                f"{amount:>14}  (line {v.line})"
            )
        blocks.append(_section("*Largest variances*\n```\n" + "\n".join(rows) + "\n```"))
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
            _section(f":warning: *{len(s.problems)} line(s) could not be read*\n{shown}{more}")
        )
    incomplete = s.drafts - s.complete
    if incomplete:
        blocks.append(
            _section(
                f":warning: {incomplete} variance(s) have no unit cost: "
                "Review one by one to fill them in."
            )
        )
    if s.status == "draft" and s.drafts:
        value = str(s.evidence_id)
        elements: list[dict[str, Any]] = []
        if s.complete:
            elements.append(
                {
                    "type": "button",
                    "action_id": ACTION_SHEET_APPROVE,
                    "style": "primary",
                    "value": value,
                    "text": {"type": "plain_text", "text": f"Approve all ({s.complete:,})"},
                    "confirm": {
                        "title": {"type": "plain_text", "text": "Approve the count?"},
                        "text": {
                            "type": "plain_text",
                            "text": f"Post {s.complete:,} entries, net {format_money(net, cur)}.",
                        },
                        "confirm": {"type": "plain_text", "text": "Approve all"},
                        "deny": {"type": "plain_text", "text": "Cancel"},
                    },
                }
            )
        elements.append(
            {
                "type": "button",
                "action_id": ACTION_SHEET_REVIEW,
                "value": value,
                "text": {"type": "plain_text", "text": "Review one by one"},
            }
        )
        elements.append(
            {
                "type": "button",
                "action_id": ACTION_SHEET_REJECT,
                "value": value,
                "style": "danger",
                "text": {"type": "plain_text", "text": "Reject"},
            }
        )
        blocks.append(
            {"type": "actions", "block_id": f"sheet_{s.evidence_id}", "elements": elements}
        )
    elif s.status != "draft":
        blocks.append(
            _section(f"*{s.status.capitalize()}* by {mention(s.decided_by)}. {clip(s.note, 500)}")
        )
    return blocks


def largest(variances: Sequence[Variance], n: int = 10) -> tuple[Variance, ...]:
    return tuple(sorted(variances, key=lambda v: -(abs(v.amount) if v.amount else 0))[:n])

"""Block Kit for QuickBooks sync alerts. Pure: data in, blocks out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.blocks import clip
from ledger.money import format_money

ACTION_RETRY = "qbo_retry"
ACTION_VIEW = "qbo_view_entry"
ACTION_RECONNECT = "qbo_reconnect"
MAX_LISTED = 20


@dataclass(frozen=True)
class FailedPush:
    entry_id: int
    number: str
    total: Decimal
    problem: str  # QuickBooks' error in plain words, with what to do
    permalink: str | None = None


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def _retry_button(ids: Sequence[int], label: str) -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": ACTION_RETRY,
        "style": "primary",
        "text": {"type": "plain_text", "text": label},
        "value": ",".join(str(i) for i in ids)[:2000],
    }


def failure_alert(push: FailedPush, currency: str) -> list[dict[str, Any]]:
    elements: list[dict[str, Any]] = [_retry_button([push.entry_id], "Retry")]
    if push.permalink:
        elements.append(
            {
                "type": "button",
                "action_id": ACTION_VIEW,
                "url": push.permalink,
                "text": {"type": "plain_text", "text": "View entry"},
            }
        )
    return [
        _section(
            f":warning: *{push.number}* ({format_money(push.total, currency)}) did not "
            f"reach QuickBooks.\n{clip(push.problem, 1500)}"
        ),
        {"type": "actions", "block_id": f"qbo_alert_{push.entry_id}", "elements": elements},
    ]


def summary_alert(pushes: Sequence[FailedPush], currency: str) -> list[dict[str, Any]]:
    """Many entries failing together (an outage): one message, not one each."""
    total = sum((p.total for p in pushes), Decimal("0.00"))
    problems = sorted({p.problem for p in pushes})
    lines = [f"• *{p.number}* {format_money(p.total, currency)}" for p in pushes[:MAX_LISTED]]
    if len(pushes) > MAX_LISTED:
        lines.append(f"…and {len(pushes) - MAX_LISTED} more")
    why = "\n".join(f"> {clip(p, 500)}" for p in problems[:3])
    ids = [p.entry_id for p in pushes]
    return [
        _section(
            f":warning: *{len(pushes)} entries* ({format_money(total, currency)}) did not "
            f"reach QuickBooks.\n{why}"
        ),
        _section("\n".join(lines)),
        {
            "type": "actions",
            "block_id": "qbo_alert_summary",
            "elements": [_retry_button(ids, f"Retry all ({len(ids)})")],
        },
    ]


def resolved_text(number: str, qbo_id: str | None) -> list[dict[str, Any]]:
    return [
        _section(
            f":white_check_mark: Resolved: *{number}* synced as QuickBooks "
            f"JournalEntry {clip(qbo_id or '?', 40)}."
        )
    ]


def summary_resolved(count: int) -> list[dict[str, Any]]:
    return [_section(f":white_check_mark: Resolved: all {count} entries synced to QuickBooks.")]


def broken_connection_alert(reason: str) -> list[dict[str, Any]]:
    return [
        _section(
            f":rotating_light: *QuickBooks disconnected.* {clip(reason, 500)}\nPosted "
            "entries wait in the queue and will be pushed once it is reconnected."
        ),
        {
            "type": "actions",
            "block_id": "qbo_reconnect",
            "elements": [
                {
                    "type": "button",
                    "action_id": ACTION_RECONNECT,
                    "style": "primary",
                    "text": {"type": "plain_text", "text": "Reconnect QuickBooks"},
                    "value": "reconnect",
                }
            ],
        },
    ]


def expiry_warning(days: int) -> list[dict[str, Any]]:
    return [
        _section(
            f":hourglass: The QuickBooks connection expires in {days} days. An "
            "approver should reconnect it: `/writeoff connect quickbooks`."
        )
    ]

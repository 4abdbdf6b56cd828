"""The App Home tab: for approvers the queue of drafts waiting for them, QuickBooks pushes
that need a person, this month's totals; for everyone their own reports and their state.

Renders the HomeView it is given (bot/services/home.py reads it from the books); `links`
are the cards' permalinks, looked up by the caller.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime

from bot.services.display import HomeEntry, HomeView
from bot.slack.ids import Id
from bot.slack.ui.kit import (
    MAX_MODAL_BLOCKS,
    Block,
    actions,
    button,
    clip,
    confirm,
    context,
    divider,
    header,
    mention,
    section,
)
from ledger.money import format_money

STATUS_WORDS = {
    "draft": "waiting for approval",
    "posted": "posted",
    "rejected": "rejected",
    "reversed": "reversed",
    "expired": "expired without a decision",
}


def age(created: datetime, now: datetime) -> str:
    """'5 min', '3 h', '2 d': how long it has waited."""
    minutes = max(0, int((now - created).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} d"


def _confidence(e: HomeEntry) -> str:
    if e.reviewed:
        return "reviewed by a person"
    if e.confidence is None:
        return "no confidence score"
    return f"confidence {math.floor(max(0.0, min(1.0, e.confidence)) * 100 + 1e-9)}%"


def _name(e: HomeEntry) -> str:
    return e.number or f"#{e.entry_id}"


def _waiting_block(e: HomeEntry, view: HomeView, link: str | None) -> list[Block]:
    money = format_money(e.total, view.currency)
    facts = [
        f"*{money}* · {clip(e.reason or 'no reason', 60)} · reported by {mention(e.reporter)}",
        f"waiting {age(e.created_at, view.now)} · {_confidence(e)}",
    ]
    if e.approvals_needed > 1:
        facts[1] += f" · {e.approvals} of {e.approvals_needed} approvals"
    if not e.complete:
        facts[1] += " · incomplete: open it to fix it with Edit"
    blocks: list[Block] = [section(f"*Draft {_name(e)}*\n" + "\n".join(facts))]
    buttons = []
    if e.complete:
        buttons.append(
            button(
                "Approve",
                Id.HOME_APPROVE,
                str(e.entry_id),
                "primary",
                confirm("Post this write-off?", f"This posts {money} to the books.", "Post it"),
            )
        )
    if link:
        buttons.append(button("Open", Id.HOME_OPEN, str(e.entry_id), url=link))
    if buttons:
        blocks.append(actions(Id.BLOCK_HOME_ENTRY.format(e.entry_id), *buttons))
    return blocks


def home_blocks(view: HomeView, links: Mapping[int, str] | None = None) -> list[Block]:
    links = links or {}
    cur = view.currency
    blocks: list[Block] = []
    if view.approver:
        blocks.append(header("Waiting for you"))
        if view.waiting:
            more = view.waiting_count - len(view.waiting)
            summary = (
                f"{view.waiting_count} draft(s) for {format_money(view.waiting_total, cur)}, "
                "oldest first."
            )
            if more > 0:
                summary += f" The {more} newest are not listed; find them in the channel."
            blocks.append(context(summary))
            for e in view.waiting:
                blocks.extend(_waiting_block(e, view, links.get(e.entry_id)))
        else:
            blocks.append(section("Nothing is waiting for your approval. 🎉"))
        blocks.append(divider())
        blocks.append(header("QuickBooks pushes that need a person"))
        if view.pushes:
            for p in view.pushes:
                what = "held" if p.status == "held" else "failed"
                blocks.append(
                    section(
                        f"*{clip(p.number, 40)}* · {format_money(p.total, cur)} · {what}\n"
                        f"{clip(p.problem or 'no detail', 500)}"
                    )
                )
        else:
            blocks.append(section("Every posted entry reached QuickBooks (or is on its way)."))
        blocks.append(divider())
        blocks.append(header(f"This month ({view.month})"))
        blocks.append(
            section(
                f"*{format_money(view.month_total, cur)}* written off in {view.month_count} "
                "posted entr" + ("y" if view.month_count == 1 else "ies") + "."
            )
        )
        blocks.append(
            actions(
                Id.BLOCK_HOME_REPORT,
                button("Send me the report", Id.HOME_REPORT, view.month),
            )
        )
        blocks.append(divider())
    blocks.append(header("Your reports"))
    if view.reports:
        for e in view.reports:
            state = STATUS_WORDS.get(e.status, e.status)
            blocks.append(
                section(
                    f"*{_name(e)}* · {format_money(e.total, cur)} · "
                    f"{clip(e.reason or 'no reason', 60)} · *{state}* · "
                    f"{age(e.created_at, view.now)} ago"
                )
            )
    else:
        blocks.append(
            section(
                "You have not reported any write-offs. "
                "Try `/writeoff 4 units SKU-9 damaged at $20`."
            )
        )
    return blocks[:MAX_MODAL_BLOCKS]


def home_view(view: HomeView, links: Mapping[int, str] | None = None) -> Block:
    """The view for views.publish."""
    return {"type": "home", "blocks": home_blocks(view, links)}

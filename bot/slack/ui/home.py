"""The App Home tab: for approvers the queue of drafts waiting for them, QuickBooks pushes
that need a person, this month's totals; for everyone their own reports and their state.
With several companies, one section per company the person approves for, each within its
share of Slack's 100 blocks (the rest of a long queue is in the company's channel).

Renders the HomeView it is given (bot/services/home.py reads it from the books); `links`
are the cards' permalinks, looked up by the caller.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime

from bot.services.display import HomeEntry, HomeView
from bot.slack.ids import COMPANY_MARK, Id
from bot.slack.ui.kit import (
    MAX_MODAL_BLOCKS,
    Block,
    actions,
    button,
    channel_link,
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
    if view.by_company:
        return _by_company(view, links)
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
    blocks.extend(_reports(view))
    return blocks[:MAX_MODAL_BLOCKS]


def _reports(view: HomeView) -> list[Block]:
    blocks = [header("Your reports")]
    for e in view.reports:
        state = STATUS_WORDS.get(e.status, e.status)
        company = f"{clip(e.company, 60)} · " if e.company else ""
        blocks.append(
            section(
                f"{company}*{_name(e)}* · {format_money(e.total, e.currency or view.currency)} · "
                f"{clip(e.reason or 'no reason', 60)} · *{state}* · "
                f"{age(e.created_at, view.now)} ago"
            )
        )
    if not view.reports:
        blocks.append(
            section(
                "You have not reported any write-offs. "
                "Try `/writeoff 4 units SKU-9 damaged at $20`."
            )
        )
    return blocks


GROUP_BLOCKS = 6  # a company's section without its drafts: header, summary, pushes, month,
# report button, divider
PER_DRAFT = 2  # a draft and its buttons


def _by_company(view: HomeView, links: Mapping[int, str]) -> list[Block]:
    """One section per company, in company order, then the person's reports. Every company
    gets its summary; the drafts listed are shared out so the whole stays within 100 blocks."""
    tail = _reports(view)
    room = MAX_MODAL_BLOCKS - len(tail)
    groups = view.groups
    more = 0
    if len(groups) * GROUP_BLOCKS > room:  # too many companies: the first ones, and a note
        keep = max(0, (room - 1) // GROUP_BLOCKS)
        groups, more = groups[:keep], len(groups) - keep
    spare = room - len(groups) * GROUP_BLOCKS - (1 if more else 0)
    drafts_each = spare // PER_DRAFT // len(groups) if groups else 0
    blocks: list[Block] = []
    for group in groups:
        blocks.extend(_company(group, links, drafts_each))
    if more:
        blocks.append(context(f"{more} more client(s): `/writeoff clients` lists them all."))
    blocks.extend(tail)
    return blocks[:MAX_MODAL_BLOCKS]


def _company(g: HomeView, links: Mapping[int, str], drafts: int) -> list[Block]:
    cur = g.currency
    blocks: list[Block] = [header(g.company or "Company")]
    shown = g.waiting[:drafts]
    if g.waiting_count:
        summary = (
            f"Waiting for you: {g.waiting_count} draft(s) for "
            f"{format_money(g.waiting_total, cur)}, oldest first."
        )
        hidden = g.waiting_count - len(shown)
        if hidden > 0:
            where = channel_link(g.channel) if g.channel else "the company's channel"
            summary += f" The {hidden} newest are not listed; find them in {where}."
    else:
        summary = "Nothing is waiting for your approval. 🎉"
    blocks.append(context(summary))
    for e in shown:
        blocks.extend(_waiting_block(e, g, links.get(e.entry_id)))
    if g.pushes:
        lines = [
            f"• *{clip(p.number, 40)}* · {format_money(p.total, cur)} · "
            f"{'held' if p.status == 'held' else 'failed'}: {clip(p.problem or 'no detail', 200)}"
            for p in g.pushes
        ]
        blocks.append(section("*QuickBooks pushes that need a person*\n" + "\n".join(lines)))
    else:
        blocks.append(context("Every posted entry reached QuickBooks (or is on its way)."))
    blocks.append(
        section(
            f"*This month ({g.month})*: *{format_money(g.month_total, cur)}* written off in "
            f"{g.month_count} posted entr" + ("y" if g.month_count == 1 else "ies") + "."
        )
    )
    blocks.append(
        actions(
            Id.BLOCK_HOME_REPORT_OF.format(g.company_id),
            button("Send me the report", Id.HOME_REPORT, f"{g.month}{COMPANY_MARK}{g.company_id}"),
        )
    )
    blocks.append(divider())
    return blocks


def home_view(view: HomeView, links: Mapping[int, str] | None = None) -> Block:
    """The view for views.publish."""
    return {"type": "home", "blocks": home_blocks(view, links)}

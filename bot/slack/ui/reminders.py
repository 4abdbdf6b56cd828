"""Month-end reminders and the stale-draft nudge."""

from __future__ import annotations

from collections.abc import Iterable

from bot.services.display import MonthEndFacts
from bot.slack.ui.kit import Block, client_prefix, client_words, clip, link, mention, section
from ledger.money import format_money

MAX_LINKS = 10


def reminder_blocks(f: MonthEndFacts) -> list[Block]:
    cur = f.currency
    when = {
        "early": "Month-end is three business days away",
        "last": "Today is the last business day of the month",
        "now": "Month-end check",
    }[f.kind]
    lines = [f"{client_prefix(f.company)}*{when}* ({f.month})."]  # several: whose month
    if f.drafts:
        lines.append(
            f"• *{len(f.drafts)} draft(s)* awaiting approval, "
            f"{format_money(f.drafts_total, cur)} in all:"
        )
        for d in f.drafts[:MAX_LINKS]:
            label = (d.memo or f"draft #{d.entry_id}")[:80]
            text = link(d.link, label) if d.link else clip(label, 80)
            lines.append(f"    ◦ {text}: {format_money(d.total, cur)}")
        if len(f.drafts) > MAX_LINKS:
            lines.append(f"    ◦ …and {len(f.drafts) - MAX_LINKS} more")
    else:
        lines.append("• No drafts awaiting approval.")
    if f.qbo_pending or f.qbo_failed:
        lines.append(
            f"• QuickBooks: {f.qbo_pending} push(es) pending, {f.qbo_failed} failed "
            "(failed ones need Retry)."
        )
    change = f.month_total - f.last_month_total
    sign = "+" if change >= 0 else "-"
    lines.append(
        f"• Write-offs this month: *{format_money(f.month_total, cur)}* "
        f"({sign}{format_money(abs(change), cur)} against last month's "
        f"{format_money(f.last_month_total, cur)})."
    )
    if f.by_reason:
        top = sorted(f.by_reason.items(), key=lambda kv: -kv[1])[:5]
        lines.append("    " + " · ".join(f"{clip(k, 40)} {format_money(v, cur)}" for k, v in top))
    lines.append("• Please finish the physical count and post any variances before close.")
    return [section("\n".join(lines))]


def reminder_text(month: str, company: str | None = None) -> str:
    return f"Month-end reminder {month}{client_words(company)}"


def nudge_text(approvers: Iterable[str], company: str | None = None) -> str:
    """The thread reply on a draft nobody has decided on for a day."""
    ids = sorted(approvers)
    people = [mention(a) for a in ids if a.startswith(("U", "W"))]
    groups = [f"<!subteam^{a}>" for a in ids if a.startswith("S") and a.isalnum()]
    who = " ".join(people + groups)
    return (
        f"{who or 'Approvers'}: this write-off{client_words(company)} has waited over a day "
        "for a decision. "
        "Approve, edit or reject it; it expires after 7 days."
    )

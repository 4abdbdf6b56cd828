"""The month's report as a short summary card (the chart is a PNG uploaded beside it)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from bot.services.display import ReportView
from bot.slack.ui.kit import Block, client_words, clip, header, section
from ledger.money import format_money


def summary_blocks(view: ReportView) -> list[Block]:
    cur = view.currency
    if view.previous_total is None:
        change = "no data last month"
    else:
        diff = view.total - view.previous_total
        pct = f" ({diff / view.previous_total * 100:+.0f}%)" if view.previous_total else ""
        sign = "+" if diff >= 0 else "-"
        change = f"{sign}{format_money(abs(diff), cur)}{pct} against last month"
    lines = [f"*{format_money(view.total, cur)}* in {view.count} entries · {change}"]

    def top3(m: Mapping[str, Decimal]) -> str:
        items = sorted(m.items(), key=lambda kv: -kv[1])[:3]
        return " · ".join(f"{clip(k, 40)} {format_money(v, cur)}" for k, v in items) or "—"

    lines.append(f"*Top reasons:* {top3(view.by_reason)}")
    lines.append(f"*Top SKUs:* {top3(view.by_sku)}")
    split = " · ".join(f"{k} {format_money(v, cur)}" for k, v in view.split.items())
    lines.append("*Split:* " + (split or "—"))
    if view.provision_count:
        lines.append(
            f"*Provisions* (reserve increases, not write-offs): "
            f"{format_money(view.provisions, cur)} in {view.provision_count} "
            + ("entry" if view.provision_count == 1 else "entries")
        )
    return [header(file_title(view.month or "all months", view.company)), section("\n".join(lines))]


def file_title(month: str, company: str | None = None) -> str:
    """The report's title as plain text (a header, an uploaded file's title): never mrkdwn,
    so the company's name is shown as it is written."""
    return f"Write-offs {month}" + (f" for {company}" if company else "")


def summary_text(month: str, company: str | None = None) -> str:
    """The message's notification text (mrkdwn: the name escaped)."""
    return f"Write-offs {month}{client_words(company)}"

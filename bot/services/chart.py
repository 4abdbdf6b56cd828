"""The month's write-offs as a picture people will look at. Pure: report values in, PNG
bytes out. Rendering is headless (Agg) and uses no pyplot global state, so it is safe in
listener threads. Sums stay Decimal; floats exist only as bar lengths."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ledger.money import format_money
from ledger.reports import WriteOffReport

COLOURS = {
    "COGS": "#4C78A8",
    "Write-off expense": "#E45756",
    "Write-down": "#F58518",
    "Reserve": "#72B7B2",
    "Other": "#9D9D9D",
}


def _short(label: str, n: int = 22) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def money_label(value: float, _pos: object = None) -> str:
    sign = "-" if value < 0 else ""
    v = abs(value)
    if v >= 1_000_000:
        return f"{sign}${v / 1_000_000:.1f}M"
    if v >= 10_000:
        return f"{sign}${v / 1000:.0f}k"
    if v >= 1000:
        return f"{sign}${v / 1000:.1f}k"
    return f"{sign}${v:,.0f}"


def month_name(month: str) -> str:
    """'2026-11' -> 'Nov 26'."""
    import calendar

    year, mon = month.split("-")
    return f"{calendar.month_abbr[int(mon)]} {year[2:]}"


def account_group(label: str) -> str:
    code = label.split(" ", 1)[0]
    if code in ("5000", "5100"):
        return "COGS"
    if code == "5200":
        return "Write-off expense"
    if code == "5300":
        return "Write-down"
    if code in ("1290", "5400"):
        return "Reserve"
    return "Other"


def grouped_accounts(report: WriteOffReport) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for label, amount in report.by_account.items():
        key = account_group(label)
        out[key] = out.get(key, Decimal("0.00")) + amount
    return out


def _bars(ax: Any, items: Sequence[tuple[str, Decimal]], title: str, colour: str) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.set_title(title, fontsize=12, loc="left", fontweight="bold")
    if not items:
        ax.text(
            0.5,
            0.5,
            "nothing posted",
            ha="center",
            va="center",
            color="#777",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return
    labels = [_short(k) for k, _ in items][::-1]
    values = [float(v) for _, v in items][::-1]
    bars = ax.barh(labels, values, color=colour)
    ax.xaxis.set_major_formatter(FuncFormatter(money_label))
    ax.tick_params(labelsize=10)
    top = max(abs(v) for v in values) or 1.0
    for bar, v in zip(bars, values, strict=True):
        ax.text(
            bar.get_width() + top * 0.02 * (1 if v >= 0 else -1),
            bar.get_y() + bar.get_height() / 2,
            money_label(v),
            va="center",
            ha="left" if v >= 0 else "right",
            fontsize=9,
        )
    ax.set_xlim(min(0.0, min(values) * 1.25), max(0.0, max(values)) * 1.25 or 1.0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def render_chart(current: WriteOffReport, history: Mapping[str, Decimal]) -> bytes:
    """A 1000 x 700 PNG: by reason, top SKUs, by kind of account, months compared."""
    # Imported when a chart is drawn: matplotlib is most of a command's start-up otherwise.
    # Figure + FigureCanvasAgg directly: headless, no pyplot global state between threads.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(10, 7), dpi=100)
    FigureCanvasAgg(fig)
    month = current.month or "all months"
    fig.suptitle(
        f"Inventory write-offs {month}: {format_money(current.total, current.currency)}"
        f" in {current.count} entries",
        fontsize=15,
        fontweight="bold",
        x=0.02,
        ha="left",
    )
    axes = fig.subplots(2, 2)
    top = lambda m, n: sorted(m.items(), key=lambda kv: -kv[1])[:n]  # noqa: E731
    _bars(axes[0][0], top(current.by_reason, 8), "By reason", "#4C78A8")
    _bars(axes[0][1], top(current.by_sku, 10), "Top 10 SKUs", "#54A24B")
    groups = grouped_accounts(current)
    ax = axes[1][0]
    ax.set_title(
        "COGS vs write-off expense vs write-down", fontsize=12, loc="left", fontweight="bold"
    )
    if groups:
        names = list(groups)
        vals = [float(groups[n]) for n in names]
        bars = ax.bar(names, vals, color=[COLOURS[n] for n in names])
        ax.set_ylim(min(0.0, *vals) * 1.18, max(0.0, *vals) * 1.18 or 1.0)
        ax.yaxis.set_major_formatter(FuncFormatter(money_label))
        for bar, v in zip(bars, vals, strict=True):
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height(),
                money_label(v),
                ha="center",
                va="bottom",
                fontsize=9,
            )
        ax.tick_params(labelsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    else:
        ax.text(
            0.5,
            0.5,
            "nothing posted",
            ha="center",
            va="center",
            color="#777",
            transform=ax.transAxes,
        )
        ax.set_axis_off()
    ax = axes[1][1]
    ax.set_title("Against previous months", fontsize=12, loc="left", fontweight="bold")
    months = sorted(history)
    vals = [float(history[m]) for m in months]
    colours = ["#E45756" if m == current.month else "#BAB0AC" for m in months]
    bars = ax.bar([month_name(m) for m in months], vals, color=colours)
    ax.set_ylim(min([*vals, 0.0]) * 1.18, max([*vals, 1.0]) * 1.18)
    ax.yaxis.set_major_formatter(FuncFormatter(money_label))
    for bar, v in zip(bars, vals, strict=True):
        if v:
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height(),
                money_label(v),
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.tick_params(labelsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if current.count == 0:
        fig.text(
            0.5,
            0.5,
            f"No write-offs posted in {month}",
            ha="center",
            va="center",
            fontsize=16,
            color="#555",
            bbox={"facecolor": "white", "edgecolor": "#ccc", "boxstyle": "round"},
        )
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()

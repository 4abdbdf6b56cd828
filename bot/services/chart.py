"""The month's write-offs as a picture people will look at. Pure: report values in, PNG
bytes out. Rendering is headless (Agg) and uses no pyplot global state, so it is safe in
listener threads. Sums stay Decimal; floats exist only as bar lengths."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
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
    """An axis tick, short but exact: $12.5k, $17.5k, $1.25k, $2M, $600, $0.50. Ticks are
    round numbers, so no tick is ever shown rounded to a neighbour's label ($12,500 as $12k)."""
    amount = Decimal(repr(round(float(value), 2)))
    sign = "-" if amount < 0 else ""
    v = abs(amount)
    for size, suffix in ((Decimal(1_000_000), "M"), (Decimal(1000), "k")):
        if v >= size:
            scaled = (v / size).quantize(Decimal("0.001"), ROUND_HALF_UP).normalize()
            return f"{sign}${format(scaled, 'f')}{suffix}"
    if v == v.to_integral_value():
        return f"{sign}${v:,.0f}"
    return f"{sign}${v:,.2f}"


def bar_label(value: Decimal | float) -> str:
    """A bar's own value: whole dollars from $100 up ($12,500, $351,563), cents below."""
    amount = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    sign = "-" if amount < 0 else ""
    v = abs(amount)
    if v >= 100:
        return f"{sign}${v.quantize(Decimal(1), ROUND_HALF_UP):,}"
    return f"{sign}${v.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"


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


def _empty(ax: Any, words: str = "nothing posted") -> None:
    ax.text(0.5, 0.5, words, ha="center", va="center", color="#777", transform=ax.transAxes)
    ax.set_axis_off()


def _bars(
    ax: Any, items: Sequence[tuple[str, Decimal]], title: str, colour: str | Sequence[str]
) -> None:
    """Horizontal bars with their values at the ends: long names never collide, and a
    negative value (an overage, a reversal) is labelled inside the plot, clear of the names."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_title(title, fontsize=12, loc="left", fontweight="bold")
    if not items:
        _empty(ax)
        return
    labels = [_short(k) for k, _ in items][::-1]
    values = [float(v) for _, v in items][::-1]
    amounts = [v for _, v in items][::-1]
    colours = colour[::-1] if not isinstance(colour, str) else colour
    bars = ax.barh(labels, values, color=colours)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.xaxis.set_major_formatter(FuncFormatter(money_label))
    ax.tick_params(labelsize=10)
    top = max(abs(v) for v in values) or 1.0
    for bar, amount in zip(bars, amounts, strict=True):
        ax.text(
            max(bar.get_width(), 0.0) + top * 0.02,
            bar.get_y() + bar.get_height() / 2,
            bar_label(amount),
            va="center",
            ha="left",
            fontsize=9,
        )
    # Room on the right for the longest label, whichever side the bars are on.
    ax.set_xlim(min(0.0, min(values)) * 1.1, max(top * 0.45, max(values) * 1.4))
    ax.axvline(0, color="#444", linewidth=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _months(ax: Any, current: str | None, history: Mapping[str, Decimal]) -> None:
    """The months compared; an empty stretch says so instead of a y-axis of $0 ticks."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_title("Against previous months", fontsize=12, loc="left", fontweight="bold")
    months = sorted(history)
    if not any(history[m] for m in months):
        _empty(ax, "nothing posted in these months")
        return
    vals = [float(history[m]) for m in months]
    colours = ["#E45756" if m == current else "#BAB0AC" for m in months]
    bars = ax.bar([month_name(m) for m in months], vals, color=colours)
    low, high = min([*vals, 0.0]), max([*vals, 0.0])
    span = (high - low) or 1.0
    ax.set_ylim(low - (span * 0.12 if low < 0 else 0.0), high + span * 0.15)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.yaxis.set_major_formatter(FuncFormatter(money_label))
    for bar, m in zip(bars, months, strict=True):
        amount = history[m]
        if amount:
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                max(bar.get_height(), 0.0) + span * 0.01,
                bar_label(amount),
                ha="center",
                va="bottom",
                fontsize=8,
            )
    ax.axhline(0, color="#444", linewidth=0.8)
    ax.tick_params(labelsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def render_chart(
    current: WriteOffReport, history: Mapping[str, Decimal], company: str | None = None
) -> bytes:
    """A 1000 x 700 PNG: by reason, top SKUs, by kind of account, months compared; the
    title names `company` (given when the deployment keeps several)."""
    fig = _figure(current, history, company)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def build_figure(
    current: WriteOffReport, history: Mapping[str, Decimal], company: str | None = None
) -> Any:
    """The chart as a drawn matplotlib Figure (tests measure where its labels fall)."""
    fig = _figure(current, history, company)
    fig.canvas.draw()  # lay out ticks and labels as the PNG shows them
    return fig


def _figure(
    current: WriteOffReport, history: Mapping[str, Decimal], company: str | None = None
) -> Any:
    # Imported when a chart is drawn: matplotlib is most of a command's start-up otherwise.
    # Figure + FigureCanvasAgg directly: headless, no pyplot global state between threads.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 7), dpi=100)
    FigureCanvasAgg(fig)
    month = current.month or "all months"
    whose = f"{company[:60]}: " if company else ""
    fig.suptitle(
        f"{whose}Inventory write-offs {month}: {format_money(current.total, current.currency)}"
        f" in {current.count} " + ("entry" if current.count == 1 else "entries"),
        fontsize=15,
        fontweight="bold",
        x=0.02,
        ha="left",
        parse_math=False,  # a company's name is text, whatever "$" it holds
    )
    axes = fig.subplots(2, 2)
    top = lambda m, n: sorted(m.items(), key=lambda kv: -kv[1])[:n]  # noqa: E731
    _bars(axes[0][0], top(current.by_reason, 8), "By reason", "#4C78A8")
    _bars(axes[0][1], top(current.by_sku, 10), "Top 10 SKUs", "#54A24B")
    groups = grouped_accounts(current)
    _bars(
        axes[1][0],
        list(groups.items()),
        "COGS vs write-off expense vs write-down",
        [COLOURS[name] for name in groups],
    )
    _months(axes[1][1], current.month, history)
    if current.provision_count:
        fig.text(
            0.02,
            0.905,
            f"Not included: provisions (reserve increases) "
            f"{format_money(current.provisions, current.currency)} in "
            f"{current.provision_count} "
            + ("entry" if current.provision_count == 1 else "entries"),
            fontsize=10,
            color="#555",
            ha="left",
        )
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
    return fig

"""`writeoff report` and `writeoff audit`: what the books say, and that they were not
tampered with."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli.common import AsCsv, AsJson, deps, fail
from bot.services import reports
from ledger.money import format_money
from ledger.periods import Period

report_app = typer.Typer(help="Reports.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
GROUPS = ("by_reason", "by_sku", "by_location", "by_month", "by_account")


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue().rstrip("\n")


@report_app.command("trial-balance")
def report_trial_balance(as_json: AsJson = False, as_csv: AsCsv = False) -> None:
    """Every account's balance; total debits equal total credits."""
    d = deps()
    tb = reports.trial(d)
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "type": r.type,
            "debit": str(r.debit),
            "credit": str(r.credit),
        }
        for r in tb.rows
    ]
    if as_json:
        doc = {
            "accounts": rows,
            "total_debit": str(tb.total_debit),
            "total_credit": str(tb.total_credit),
            "balanced": tb.balanced,
        }
        typer.echo(json.dumps(doc, indent=2))
        return
    if as_csv:
        typer.echo(_csv(rows))
        return
    cur = d.settings.writeoff_currency
    typer.echo(f"{'code':8}{'name':36}{'debit':>16}{'credit':>16}")
    for r in tb.rows:
        typer.echo(
            f"{r.code:8}{r.name[:35]:36}{format_money(r.debit, cur):>16}"
            f"{format_money(r.credit, cur):>16}"
        )
    typer.echo(
        f"{'':8}{'Total':36}{format_money(tb.total_debit, cur):>16}"
        f"{format_money(tb.total_credit, cur):>16}"
    )
    if not tb.balanced:
        fail("the trial balance does not balance: run `writeoff audit verify`")


@report_app.command("writeoffs")
def report_writeoffs(
    month: Annotated[str | None, typer.Option(help="YYYY-MM; all months when omitted.")] = None,
    as_json: AsJson = False,
    as_csv: AsCsv = False,
    chart: Annotated[Path | None, typer.Option(help="Also draw the month's chart (PNG).")] = None,
) -> None:
    """Posted write-offs by reason, SKU, location, month and account."""
    period: Period | None = None
    if month is not None:
        try:
            period = Period.parse(month)
        except ValueError as exc:
            fail(str(exc))
    d = deps()
    rep = reports.writeoffs(d, period)
    if chart is not None:
        target = period or Period.of(date.today())
        if period is None:
            rep = reports.writeoffs(d, target)
        chart.write_bytes(reports.chart_png(d, target))
        typer.echo(f"chart written to {chart}", err=True)
    data = rep.to_json()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    groups: dict[str, dict[str, str]] = {g: dict(data[g]) for g in GROUPS}  # type: ignore[call-overload]
    if as_csv:
        rows = [{"group": g, "key": k, "amount": v} for g in GROUPS for k, v in groups[g].items()]
        typer.echo(_csv(rows))
        return
    cur = d.settings.writeoff_currency
    typer.echo(
        f"Write-offs {month or '(all months)'}: {rep.count} entries, {format_money(rep.total, cur)}"
    )
    for group in GROUPS:
        typer.echo(f"\n{group.replace('_', ' ')}:")
        for k, v in groups[group].items():
            typer.echo(f"  {k[:40]:40}{format_money(Decimal(v), cur):>16}")


@audit_app.command("verify")
def audit_verify() -> None:
    """Walk the hash chain; name the first broken link and exit non-zero if any."""
    rep = reports.verify_audit(deps())
    if not rep.ok:
        fail(
            f"audit chain broken at event #{rep.broken_seq}: {rep.problem} "
            f"({rep.checked} events checked before it)"
        )
    typer.echo(f"audit chain intact: {rep.checked} events verified")

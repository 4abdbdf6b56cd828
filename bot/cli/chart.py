"""`writeoff accounts` and `writeoff items`: the chart of accounts and the item list."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from bot.cli.common import AsJson, books, fail
from bot.services.books import Books
from bot.services.entries import list_accounts, load_accounts, load_items
from ledger.chart import ChartError, parse_chart_csv
from ledger.items import ItemError, parse_items_csv
from ledger.money import format_money

accounts_app = typer.Typer(help="The chart of accounts.", no_args_is_help=True)
items_app = typer.Typer(help="The item list (SKUs and unit costs).", no_args_is_help=True)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")


def _import_csv(
    file: Path,
    parse: Callable[[str], Any],
    store: Callable[[Books, Any], tuple[int, int]],
    error: type[Exception],
    what: str,
) -> None:
    """Parse the whole file first (every problem reported with its line), then store it."""
    b = books()
    try:
        rows = parse(_read(file))
    except error as exc:
        fail(f"{file}: {exc}")
    added, updated = store(b, rows)
    typer.echo(f"{added} {what} added, {updated} updated")


@items_app.command("import")
def items_import(file: Path) -> None:
    """Load SKUs and unit costs from a CSV (columns sku,name,unit_cost)."""
    _import_csv(file, parse_items_csv, load_items, ItemError, "items")


@accounts_app.command("import")
def accounts_import(file: Path) -> None:
    """Load the company's chart of accounts (columns code,name,type[,subtype])."""
    _import_csv(file, parse_chart_csv, load_accounts, ChartError, "accounts")


@accounts_app.command("list")
def accounts_list(as_json: AsJson = False) -> None:
    """The chart of accounts with running balances."""
    b = books()
    accts = list_accounts(b)
    if as_json:
        rows = [
            {
                "code": a.code,
                "name": a.name,
                "type": a.type,
                "subtype": a.subtype,
                "active": a.active,
                "balance": str(a.balance),
            }
            for a in accts
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    typer.echo(f"{'code':8}{'name':36}{'type':24}{'balance':>16}")
    for a in accts:
        flag = "" if a.active else "  (inactive)"
        typer.echo(
            f"{a.code:8}{a.name[:35]:36}{a.type[:23]:24}"
            f"{format_money(a.balance, b.settings.writeoff_currency):>16}{flag}"
        )

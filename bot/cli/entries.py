"""`writeoff entries`: list, approve and reverse, through the same use cases as the buttons."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated

import typer

from bot.cli.common import CLI_ACTOR, Actor, AsJson, books, deps, fail
from bot.services import decisions
from bot.services.entries import list_entries
from ledger.money import format_money

app = typer.Typer(help="Journal entries.", no_args_is_help=True)


@app.command("list")
def entries_list(
    as_json: AsJson = False,
    status: Annotated[str | None, typer.Option(help="draft, posted, rejected, reversed")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000)] = 200,
) -> None:
    """Journal entries, newest first."""
    b = books()
    data = list_entries(b, status, limit)
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    if not data:
        typer.echo('no entries yet: try  writeoff draft --save "40 units obsolete SKU-12 at $15"')
        return
    cur = b.settings.writeoff_currency
    typer.echo(f"{'id':>5} {'number':10} {'status':9} {'date':10} {'total':>14}  memo")
    for e in data:
        total = sum((Decimal(ln["debit"]) for ln in e["lines"]), Decimal(0))
        typer.echo(
            f"{e['id']:>5} {e['number'] or '-':10} {e['status']:9} {e['date']:10} "
            f"{format_money(total, cur):>14}  {e['memo'][:60]}"
        )


@app.command("approve")
def entries_approve(
    entry_id: int, approver: Annotated[str, typer.Option("--as", help="Who approves.")]
) -> None:
    """Post a saved draft (the command-line twin of the Approve button)."""
    outcome = decisions.approve(deps(), approver, entry_id, trusted=True)
    if not outcome.ok or outcome.entry is None:
        fail("; ".join(map(str, outcome.problems)) or outcome.reason)
    word = "posted" if outcome.created else "was already posted"
    typer.echo(f"entry {entry_id} {word} as {outcome.entry.number}")


@app.command("reverse")
def entries_reverse(
    entry_id: int,
    reason: Annotated[str, typer.Option(help="Why it is reversed.")],
    actor: Actor = CLI_ACTOR,
) -> None:
    """Post a reversing entry (posted entries are never edited or deleted)."""
    outcome = decisions.reverse(deps(), actor, entry_id, reason, trusted=True)
    if not outcome.ok or outcome.entry is None:
        fail("; ".join(map(str, outcome.problems)) or outcome.reason)
    typer.echo(f"reversed by {outcome.entry.number}" + ("" if outcome.created else " (already)"))

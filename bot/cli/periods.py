"""`writeoff period`: closing and reopening months."""

from __future__ import annotations

import typer

from bot.cli.common import CLI_ACTOR, Actor, deps, fail
from bot.services import periods
from ledger.periods import Period

app = typer.Typer(help="Period locks.", no_args_is_help=True)


def _period(text: str) -> Period:
    try:
        return Period.parse(text)
    except ValueError as exc:
        fail(str(exc))


@app.command("close")
def period_close(period: str, actor: Actor = CLI_ACTOR) -> None:
    """Lock a month (YYYY-MM): nothing more can be posted into it."""
    changed = periods.close(deps(), actor, _period(period))
    typer.echo(f"{period} closed" if changed else f"{period} was already closed")


@app.command("reopen")
def period_reopen(period: str, actor: Actor = CLI_ACTOR) -> None:
    """Reopen a closed month (audited)."""
    changed = periods.reopen(deps(), actor, _period(period))
    typer.echo(f"{period} reopened" if changed else f"{period} was not closed")

"""What every `writeoff` sub-command shares: the books, the use cases' dependencies,
typed options, and `fail`."""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer

from bot import logs
from bot.services.books import Books, open_books
from bot.services.companies import CompanyError
from bot.services.deps import Deps
from bot.services.quickbooks import QuickBooks
from bot.services.roles import approvers_from
from bot.settings import Settings, SettingsError, load_settings

CLI_ACTOR = "cli"

AsJson = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
AsCsv = Annotated[bool, typer.Option("--csv", help="CSV output.")]
Actor = Annotated[str, typer.Option("--as", help="Who does this (recorded in the audit trail).")]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def settings() -> Settings:
    try:
        loaded = load_settings()
    except SettingsError as exc:
        fail(str(exc), 2)
    # The command line speaks on stdout; its log stays quiet unless LOG_LEVEL says otherwise.
    logs.configure(loaded.log_level or "WARNING")
    return loaded


class Chosen:
    """The `--company NAME` given on this command line (bot/cli/__init__.py reads it from
    wherever it stands, before or after the sub-command)."""

    company: str | None = None


def books(deployment_wide: bool = False) -> Books:
    """The chosen company's books. `deployment_wide`: a command about every company (key
    rotation) needs no --company; without one it starts from the first company."""
    loaded = settings()
    try:
        return open_books(loaded, company=Chosen.company, first=deployment_wide)
    except CompanyError as exc:
        fail(str(exc), 2)
    except Exception as exc:  # database problems: say what, not a traceback
        fail(str(exc), 2)


def deps(b: Books | None = None) -> Deps:
    """The same dependencies the Slack app uses, without Slack (no user groups)."""
    b = b or books()
    approvers = approvers_from(b.settings)
    return Deps(b, approvers, QuickBooks(b))

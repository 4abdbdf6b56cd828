"""`writeoff db`: migrations."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.cli.common import settings
from ledger.db import current_revision, make_engine, upgrade

app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database (seeds the default company and chart)."""
    engine = make_engine(settings().database_url)
    upgrade(engine)
    typer.echo(f"database at revision {current_revision(engine)} ({engine.url.render_as_string()})")


@app.command("revision")
def db_revision(
    message: Annotated[str, typer.Option("-m", "--message", help="What the migration does.")],
) -> None:
    """For developers: autogenerate a migration from the models (review it before use)."""
    from ledger.db import revision

    engine = make_engine(settings().database_url)
    path = revision(engine, message)
    typer.echo(f"new migration: {path}")

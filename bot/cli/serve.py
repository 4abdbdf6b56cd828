"""`writeoff serve` and `writeoff start` (what `make run` does)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bot.cli.common import books, fail, settings
from bot.cli.draft import run_shell
from bot.settings import Settings

SLACK_SETUP = """\
Slack is not configured yet: {missing} not set.
  1. Create the app from manifest.yml (README, "Create the Slack app").
  2. Put the tokens in .env:  SLACK_BOT_TOKEN=xoxb-...  SLACK_APP_TOKEN=xapp-...
     (HTTP mode instead of Socket Mode needs SLACK_SIGNING_SECRET=...)
  3. Run `make run` again.
"""


def _serve(loaded: Settings, *, socket_mode: bool, port: int, host: str | None = None) -> None:
    from bot.slack.server import serve_forever
    from bot.slack.socket_mode import AppTokenRefused

    try:
        serve_forever(loaded, socket_mode=socket_mode, port=port, host=host)
    except AppTokenRefused as exc:
        fail(str(exc), 2)


def serve(
    http: Annotated[
        bool, typer.Option("--http", help="HTTP mode even with SLACK_APP_TOKEN.")
    ] = False,
    port: Annotated[int | None, typer.Option(help="HTTP port (default PORT or 3000).")] = None,
    host: Annotated[
        str | None, typer.Option(help="HTTP address (default HOST or 0.0.0.0).")
    ] = None,
) -> None:
    """Run the Slack app: Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise."""
    loaded = settings()
    socket_mode = loaded.slack_app_token is not None and not http
    missing = loaded.missing_slack_settings(socket_mode)
    if missing:
        fail(SLACK_SETUP.format(missing=", ".join(missing)).rstrip(), 2)
    _serve(loaded, socket_mode=socket_mode, port=port or loaded.port, host=host)


def start() -> None:
    """What `make run` does: serve the Slack app, or explain what is missing."""
    loaded = settings()
    socket_mode = loaded.slack_app_token is not None or loaded.slack_signing_secret is None
    missing = loaded.missing_slack_settings(socket_mode)
    if not missing:
        _serve(loaded, socket_mode=socket_mode, port=loaded.port)
        return
    typer.echo(SLACK_SETUP.format(missing=", ".join(missing)))
    if sys.stdin.isatty():
        typer.echo("Meanwhile, draft entries offline:\n")
        run_shell(books())
    else:
        typer.echo('Meanwhile, try:  .venv/bin/writeoff draft "40 units obsolete SKU-12 at $15"')

"""`writeoff sync` and `writeoff jobs run NAME`: scheduled work, run by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from bot.cli.common import books, fail
from bot.services.chat import Chat
from bot.services.jobs import JOBS, JobContext, run_job
from bot.services.quickbooks import QuickBooks

app = typer.Typer(help="Scheduled jobs, run by hand.", no_args_is_help=True)


def context(with_chat: bool) -> JobContext:
    """A company tied to an installed workspace is spoken for with that workspace's token,
    as `writeoff serve` does (none once it uninstalled: nothing is sent)."""
    b = books()
    chat: Chat | None = None
    settings = b.settings
    token = settings.slack_bot_token
    installed = settings.slack_oauth and b.team_id is not None
    if with_chat and (token is not None or installed):
        from bot.slack.chat import company_chat
        from bot.slack.client import make_web_client
        from bot.slack.installs import installed_clients

        secret = token.get_secret_value() if token is not None else None
        client = make_web_client(secret, settings.slack_api_url)
        team_client = installed_clients(client, b) if installed else None
        chat = company_chat(client, b, team_client)
    return JobContext(b, QuickBooks(b), chat)


def sync() -> None:
    """One QuickBooks sync pass now: what it pushed, skipped and failed."""
    report = run_job("sync", context(with_chat=False))
    typer.echo(report.summary().replace("; skipped: ", "\nskipped: "))
    for entry_id, why in report.held + report.failed + report.retrying:
        typer.echo(f"  entry {entry_id}: {why}")
    if report.failed:
        raise typer.Exit(1)


@app.command("run")
def jobs_run(
    name: str,
    at: Annotated[
        str | None, typer.Option(help="Run as if at this time (ISO 8601), e.g. to re-run a day.")
    ] = None,
) -> None:
    """Run one scheduled job now (sync, qbo-drift, qbo-token-check, month-end, stale-drafts)."""
    if name not in JOBS:
        fail(f"no job '{name}': choose from {', '.join(sorted(JOBS))}", 2)
    now = None
    if at is not None:
        try:
            now = datetime.fromisoformat(at)
        except ValueError:
            fail(f"'{at}' is not a time: use ISO 8601, e.g. 2026-11-30T09:00:00+00:00", 2)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
    result = run_job(name, context(with_chat=True), now)
    typer.echo(result.summary() if hasattr(result, "summary") else str(result))

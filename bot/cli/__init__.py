"""The `writeoff` command line, one module per sub-app. Human output is a readable table;
--json is a stable contract."""

from __future__ import annotations

import typer

from bot.cli import chart, db, draft, entries, jobs, periods, qbo, reports, serve

app = typer.Typer(
    help="writeoff-bot: inventory write-offs as audited journal entries.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.add_typer(chart.items_app, name="items")
app.add_typer(chart.accounts_app, name="accounts")
app.add_typer(entries.app, name="entries")
app.add_typer(reports.report_app, name="report")
app.add_typer(reports.audit_app, name="audit")
app.add_typer(periods.app, name="period")
app.add_typer(qbo.app, name="qbo")
app.add_typer(jobs.app, name="jobs")
app.command()(draft.draft)
app.command()(draft.shell)
app.command()(serve.serve)
app.command()(serve.start)
app.command()(jobs.sync)


def main() -> None:
    app()

"""The `writeoff` command line, one module per sub-app. Human output is a readable table;
--json is a stable contract."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from bot.cli import chart, companies, db, draft, entries, jobs, periods, qbo, reports, serve
from bot.cli.common import Chosen

COMPANY = "--company"


class _CompanyAnywhere(TyperGroup):
    """`--company NAME` is the root's option, but people write it after the sub-command
    (`writeoff entries list --company acme`): move it to the front before parsing."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_company(args))


def hoist_company(args: list[str]) -> list[str]:
    rest: list[str] = []
    front: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == COMPANY and i + 1 < len(args):
            front = [COMPANY, args[i + 1]]
            i += 2
            continue
        if arg.startswith(COMPANY + "="):
            front = [arg]
        else:
            rest.append(arg)
        i += 1
    return front + rest


app = typer.Typer(
    help="writeoff-bot: inventory write-offs as audited journal entries.",
    no_args_is_help=True,
    add_completion=False,
    cls=_CompanyAnywhere,
)


@app.callback()
def _root(
    company: Annotated[
        str | None,
        typer.Option(
            COMPANY,
            help="Whose books (slug or name); needed when the deployment keeps several "
            "companies. May stand after the sub-command too.",
        ),
    ] = None,
) -> None:
    Chosen.company = company


app.add_typer(companies.app, name="companies")
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

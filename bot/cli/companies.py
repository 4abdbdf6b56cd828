"""`writeoff companies`: the client entities one deployment keeps books for."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from bot.cli.common import CLI_ACTOR, Actor, AsJson, fail, settings
from bot.services.companies import CompanyError, Directory

app = typer.Typer(help="Companies: separate books per client entity.", no_args_is_help=True)


def directory() -> Directory:
    d = Directory(settings())
    try:
        d.upgrade()
    except Exception as exc:  # database problems: say what, not a traceback
        fail(str(exc), 2)
    return d


def _line(c: dict[str, Any]) -> str:
    channels = ", ".join(c["channels"]) or "no channel linked"
    team = f"  team {c['team_id']}" if c["team_id"] else ""
    return (
        f"{c['slug']:<20} {c['name']:<30} {c['currency']}  {c['number_prefix']}…{team}  {channels}"
    )


@app.command("list")
def companies_list(as_json: AsJson = False) -> None:
    """Every company, with its currency, entry number prefix and linked channels."""
    rows = directory().overview()
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for c in rows:
        typer.echo(_line(c))


@app.command("add")
def companies_add(
    name: str,
    currency: Annotated[str | None, typer.Option("--currency", help="e.g. CAD")] = None,
    team: Annotated[
        str | None, typer.Option("--team", help="The Slack workspace (team id T…).")
    ] = None,
    actor: Actor = CLI_ACTOR,
) -> None:
    """Add a company: its own chart (the default one), numbering, audit chain and settings."""
    try:
        c = directory().add(name, actor, currency=currency, team_id=team)
    except CompanyError as exc:
        fail(str(exc))
    typer.echo(
        f"added {c['slug']} ({c['currency']}); link its channel with "
        f"`writeoff companies link {c['slug']} --channel C…`"
    )


@app.command("show")
def companies_show(name: str, as_json: AsJson = False) -> None:
    """A company's settings (* = set for the company; the rest are defaults, or the
    environment's for the first company)."""
    try:
        c = directory().show(name)
    except CompanyError as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(c, indent=2))
        return
    typer.echo(_line(c))
    for key, value in c["settings"].items():
        mark = "*" if key in c["stored"] else " "
        typer.echo(f" {mark} {key:<22} {value}")


@app.command("set")
def companies_set(name: str, key: str, value: str, actor: Actor = CLI_ACTOR) -> None:
    """Set a company-level setting (KEY = the environment name without WRITEOFF_, lower
    case, e.g. materiality); an empty VALUE goes back to the default."""
    try:
        stored = directory().set(name, key, value, actor)
    except CompanyError as exc:
        fail(str(exc))
    typer.echo(f"{key} = {stored}" if stored else f"{key} back to its default")


@app.command("link")
def companies_link(
    name: str,
    channel: Annotated[
        list[str], typer.Option("--channel", help="A Slack channel id (C…); repeatable.")
    ],
    actor: Actor = CLI_ACTOR,
) -> None:
    """Link Slack channels to the company: /writeoff there acts on its books."""
    try:
        done = directory().link(name, channel, actor)
    except CompanyError as exc:
        fail(str(exc))
    for ch, new in done:
        typer.echo(f"{ch} linked" if new else f"{ch} was already linked")

"""`writeoff qbo`: connect QuickBooks, map accounts, status, disconnect."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from bot.cli.common import CLI_ACTOR, Actor, AsJson, books, fail
from bot.services.quickbooks import NotConfigured, QuickBooks
from qbo.crypto import SecretKeyError
from qbo.errors import QboError
from qbo.sync import ConnectionProblem, QboSyncState

app = typer.Typer(help="QuickBooks Online: connect, map accounts, status.", no_args_is_help=True)
T = TypeVar("T")


def quickbooks() -> QuickBooks:
    return QuickBooks(books())


def call(fn: Callable[..., T], *args: Any) -> T:
    """Run a QuickBooks action, turning its failures into a message and exit code."""
    try:
        return fn(*args)
    except (NotConfigured, SecretKeyError, ConnectionProblem, ValueError) as exc:
        fail(str(exc), 2)
    except QboError as exc:
        fail(exc.plain_words())


@app.command("connect-url")
def qbo_connect_url(actor: Actor = CLI_ACTOR) -> None:
    """Print Intuit's consent URL (single-use, valid 10 minutes)."""
    qb = quickbooks()
    url = call(qb.connect_url, actor)
    typer.echo("Open this link, pick the company and allow access:\n" + url)


@app.command("status")
def qbo_status(as_json: AsJson = False) -> None:
    """Connection, account mapping and sync queue."""
    st = quickbooks().status()
    if as_json:
        typer.echo(json.dumps(st.to_json(), indent=2))
        return
    if st.status == QboSyncState.NOT_CONNECTED:
        typer.echo("QuickBooks: not connected (writeoff qbo connect-url)")
        return
    typer.echo(f"QuickBooks: {st.status} to {st.company_name or st.realm_id}")
    typer.echo(
        f"accounts mapped: {st.mapped_accounts}; unmapped: "
        f"{', '.join(st.unmapped_accounts) or 'none'}"
    )
    typer.echo(
        f"refresh token expires: {st.refresh_token_expires_at}"
        + ("  (within 14 days: reconnect soon)" if st.refresh_token_expires_soon else "")
    )
    typer.echo("queue: " + (", ".join(f"{n} {k}" for k, n in sorted(st.queue.items())) or "empty"))
    if st.broken_reason:
        typer.echo(f"problem: {st.broken_reason}")


@app.command("disconnect")
def qbo_disconnect(actor: Actor = CLI_ACTOR) -> None:
    """Revoke the tokens at Intuit and forget them."""
    done = call(quickbooks().disconnect, actor)
    typer.echo("disconnected" if done else "was not connected")


@app.command("map-accounts")
def qbo_map_accounts() -> None:
    """Map ledger accounts to QuickBooks by account number, then by exact name."""
    result = call(quickbooks().map_accounts)
    typer.echo(f"{len(result.matches)} accounts mapped")
    for m in result.matches:
        flag = "" if m.active else "  (INACTIVE in QuickBooks)"
        typer.echo(f"  {m.code} -> {m.qbo_id} {m.qbo_name} (by {m.method}){flag}")
    if result.unmapped:
        typer.echo(
            "unmapped (entries using them are held): "
            + ", ".join(result.unmapped)
            + "\nmap by hand: writeoff qbo map CODE QBO_ID"
        )


@app.command("accounts")
def qbo_accounts(as_json: AsJson = False) -> None:
    """The mapping of every ledger account."""
    rows = quickbooks().accounts()
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        target = f"{r['qbo_id']} {r['qbo_name']} ({r['method']})" if r["qbo_id"] else "UNMAPPED"
        typer.echo(f"{r['code']:8}{r['name'][:35]:36}{target}")


@app.command("map")
def qbo_map(code: str, qbo_id: str, actor: Actor = CLI_ACTOR) -> None:
    """Map one ledger account to a QuickBooks account Id by hand."""
    call(quickbooks().map_one, code, qbo_id, actor)
    typer.echo(f"{code} -> QuickBooks account {qbo_id}")


@app.command("rotate-key")
def qbo_rotate_key(actor: Actor = CLI_ACTOR) -> None:
    """Re-encrypt the stored QuickBooks tokens with the first key in WRITEOFF_SECRET_KEY."""
    n = call(quickbooks().rotate_key, actor)
    typer.echo(
        f"re-encrypted {n} QuickBooks connection(s) with the newest key; "
        "the old key can now be removed from WRITEOFF_SECRET_KEY"
    )


@app.command("drift")
def qbo_drift(
    as_json: AsJson = False,
    check: bool = typer.Option(False, help="Ask QuickBooks first (Change Data Capture)."),
) -> None:
    """Entries changed or deleted in QuickBooks after they were synced, by entry number."""
    qb = quickbooks()
    if check:
        call(qb.drift)
    rows = qb.drifted()
    if as_json:
        typer.echo(
            json.dumps(
                [{"number": n, "status": k, "quickbooks_id": q, "what": w} for n, k, q, w in rows],
                indent=2,
            )
        )
        return
    if not rows:
        typer.echo("No entry was changed or deleted in QuickBooks.")
    for number, kind, qbo_id, what in rows:
        typer.echo(f"{number}: {kind} in QuickBooks (JournalEntry {qbo_id})")
        if what:
            typer.echo(f"  {what}")

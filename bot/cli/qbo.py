"""`writeoff qbo`: connect QuickBooks, map accounts, status, disconnect."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from bot.cli.common import CLI_ACTOR, Actor, AsJson, books, fail
from bot.services import qbo_setup
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
        + (
            "  (writeoff qbo map-accounts, or /writeoff map in Slack)"
            if st.unmapped_accounts
            else ""
        )
    )
    typer.echo(
        f"refresh token expires: {st.refresh_token_expires_at}"
        + ("  (within 14 days: reconnect soon)" if st.refresh_token_expires_soon else "")
    )
    typer.echo("queue: " + (", ".join(f"{n} {k}" for k, n in sorted(st.queue.items())) or "empty"))
    if st.quantity_tracking is not None:
        typer.echo(f"company: {st.company_words}")
    if st.broken_reason:
        typer.echo(f"problem: {st.broken_reason}")


@app.command("disconnect")
def qbo_disconnect(actor: Actor = CLI_ACTOR) -> None:
    """Revoke the tokens at Intuit and forget them."""
    done = call(quickbooks().disconnect, actor)
    typer.echo("disconnected" if done else "was not connected")


@app.command("map-accounts")
def qbo_map_accounts() -> None:
    """Read the company's settings and chart; map ledger accounts by account number, exact
    name, or unambiguous type (inventory asset, cost of goods sold). Close names are only
    proposed: confirm one with `writeoff qbo map CODE QBO_ID`."""
    result = call(quickbooks().map_accounts)
    typer.echo(f"{len(result.matches)} accounts mapped")
    for m in result.matches:
        flag = "" if m.active else "  (INACTIVE in QuickBooks)"
        typer.echo(f"  {m.code} -> {m.qbo_id} {m.qbo_name} (by {m.method}){flag}")
    for p in result.proposals:
        typer.echo(
            f"  {p.code} ~ {p.qbo_id} {p.qbo_name} (proposed, close name: NOT applied; "
            f"accept with `writeoff qbo map {p.code} {p.qbo_id}`)"
        )
    if result.unmapped:
        typer.echo(
            "unmapped (entries using them are held): "
            + ", ".join(result.unmapped)
            + "\nmap by hand: writeoff qbo map CODE QBO_ID; or in Slack: /writeoff map"
            + " (which can also create the missing accounts in QuickBooks)"
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


@app.command("items")
def qbo_items(as_json: AsJson = False) -> None:
    """Map SKUs to QuickBooks Items by Sku, then by Name; list the unmapped (never guessed).
    In a company tracking quantity on hand, a loss of a SKU mapped to a tracked item goes
    to QuickBooks as an InventoryAdjustment."""
    matches, unmapped = call(quickbooks().map_items)
    if as_json:
        rows = [
            {
                "sku": m.sku,
                "qbo_id": m.qbo_id,
                "qbo_name": m.qbo_name,
                "tracked": m.tracked,
                "method": m.method,
            }
            for m in matches
        ]
        typer.echo(json.dumps({"mapped": rows, "unmapped": unmapped}, indent=2))
        return
    typer.echo(f"{len(matches)} SKUs mapped to QuickBooks items")
    for m in matches:
        tracked = "quantity tracked" if m.tracked else "no quantity"
        typer.echo(f"  {m.sku} -> {m.qbo_id} {m.qbo_name} (by {m.method}, {tracked})")
    if unmapped:
        typer.echo(
            "no QuickBooks item (name one with this SKU in QuickBooks): " + ", ".join(unmapped)
        )


@app.command("true-up")
def qbo_true_up(entry_id: int, actor: Actor = CLI_ACTOR) -> None:
    """Draft the true-up of an entry QuickBooks valued differently (an InventoryAdjustment
    at its own cost): a draft for approval, kept in the ledger only once posted."""
    drafted = call(qbo_setup.draft_true_up, quickbooks(), entry_id, actor)
    if isinstance(drafted, str):
        fail(drafted, 1)
    typer.echo(f"true-up drafted as entry {drafted}: approve it to post")


@app.command("map")
def qbo_map(code: str, qbo_id: str, actor: Actor = CLI_ACTOR) -> None:
    """Map one ledger account to a QuickBooks account Id by hand."""
    call(quickbooks().map_one, code, qbo_id, actor)
    typer.echo(f"{code} -> QuickBooks account {qbo_id}")


@app.command("rotate-key")
def qbo_rotate_key(actor: Actor = CLI_ACTOR) -> None:
    """Re-encrypt the stored QuickBooks tokens with the first key in WRITEOFF_SECRET_KEY."""
    n = call(QuickBooks(books(deployment_wide=True)).rotate_key, actor)  # every company's
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
                [
                    {"number": n, "status": k, "quickbooks_id": q, "what": w, "entity": t}
                    for n, k, q, w, t in rows
                ],
                indent=2,
            )
        )
        return
    if not rows:
        typer.echo("No entry was changed or deleted in QuickBooks.")
    for number, kind, qbo_id, what, entity in rows:
        typer.echo(f"{number}: {kind} in QuickBooks ({entity} {qbo_id})")
        if what:
            typer.echo(f"  {what}")

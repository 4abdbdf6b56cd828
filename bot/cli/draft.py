"""`writeoff draft` and `writeoff shell`: plain English in, journal entry drafts out."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from bot.cli.common import CLI_ACTOR, AsJson, books, fail
from bot.services.books import Books
from bot.services.intake import save_one
from ledger.drafting import Draft, DraftError
from ledger.money import format_money


def _save(b: Books, d: Draft) -> int:
    return save_one(b, d, CLI_ACTOR)


def _draft_json(b: Books, text: str, save: bool) -> dict[str, Any]:
    try:
        drafts = b.draft(text)
    except DraftError as exc:
        return {"text": text, "ok": False, "error": str(exc)}
    out = []
    for d in drafts:
        item = d.to_json()
        if save:
            item["saved_id"] = _save(b, d)
        out.append(item)
    return {"text": text, "ok": True, "drafts": out}


def render_draft(d: Draft, index: int, count: int, currency: str) -> str:
    out = [
        f"Draft {index} of {count}: {d.kind.value.replace('_', ' ')}"
        f"{' (' + d.reason + ')' if d.reason else ''}   confidence {d.confidence:.2f}"
    ]
    if d.lines:
        out.append(f"  {'':3}{'account':36}{'debit':>14}{'credit':>14}")
        for ln in d.lines:
            dr = format_money(ln.debit, currency) if ln.debit else ""
            cr = format_money(ln.credit, currency) if ln.credit else ""
            side = "Dr" if ln.debit else "Cr"
            out.append(f"  {side:3}{(ln.account + ' ' + ln.name)[:36]:36}{dr:>14}{cr:>14}")
    facts = []
    if d.sku:
        facts.append(f"SKU {d.sku}")
    if d.quantity is not None:
        facts.append(f"qty {format(d.quantity.normalize(), 'f')}{' ' + d.unit if d.unit else ''}")
    if d.unit_cost is not None:
        facts.append(f"unit cost {format_money(d.unit_cost, currency)}")
    if d.location:
        facts.append(f"location {d.location}")
    if facts:
        out.append("  " + " · ".join(facts))
    out.extend(f"  why: {line}" for line in d.explanation)
    out.extend(f"  warning: {w}" for w in d.warnings)
    if d.missing:
        out.append("  missing: " + ", ".join(d.missing) + " (not postable until filled in)")
    return "\n".join(out)


def draft(
    text: Annotated[str | None, typer.Argument(help="The request; omit to read stdin.")] = None,
    as_json: AsJson = False,
    save: Annotated[bool, typer.Option("--save", help="Store the drafts for approval.")] = False,
) -> None:
    """Draft journal entries from plain English ("40 units obsolete SKU-12 at $15")."""
    b = books()
    if text is None:
        if sys.stdin.isatty() and not as_json:
            fail(
                'give the request as an argument: writeoff draft "40 units obsolete SKU-12 at $15"'
            )
        # Batch mode: one request per line in, one answer per line out, in order. A line that
        # cannot be read is reported and the rest still run. With --json each line's "ok"
        # carries the outcome (exit 0); the human form exits 1 if any line was refused.
        refused = 0
        for raw in sys.stdin:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if as_json:
                typer.echo(json.dumps(_draft_json(b, line, save)))
            else:
                refused += not _print_drafts(b, line, save)
        if refused:
            raise typer.Exit(1)
        return
    if as_json:
        result = _draft_json(b, text, save)
        typer.echo(json.dumps(result, indent=2))
        if not result["ok"]:
            raise typer.Exit(1)
        return
    if not _print_drafts(b, text, save):
        raise typer.Exit(1)


def _print_drafts(b: Books, text: str, save: bool) -> bool:
    """Print the drafts for one request; False (after saying why) when it cannot be read."""
    try:
        drafts = b.draft(text)
    except DraftError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        return False
    cur = b.settings.writeoff_currency
    for i, d in enumerate(drafts, start=1):
        typer.echo(render_draft(d, i, len(drafts), cur))
        if save:
            entry_id = _save(b, d)
            typer.echo(
                f"  saved as draft #{entry_id}: writeoff entries approve {entry_id} --as NAME"
            )
    return True


def shell() -> None:
    """Interactive drafting: type a request, see the entry. Nothing is posted."""
    run_shell(books())


def run_shell(b: Books) -> None:
    typer.echo(
        "Type a write-off request (empty line or Ctrl-D to quit), e.g.\n"
        "  40 units obsolete SKU-12 at $15"
    )
    cur = b.settings.writeoff_currency
    while True:
        try:
            text = input("writeoff> ")
        except (EOFError, KeyboardInterrupt):
            typer.echo("")
            return
        if not text.strip():
            return
        try:
            drafts = b.draft(text)
        except DraftError as exc:
            typer.echo(str(exc))
            continue
        for i, d in enumerate(drafts, start=1):
            typer.echo(render_draft(d, i, len(drafts), cur))

"""The `writeoff` command line. Human output is a readable table; --json is a stable contract."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlmodel import col, select

from bot.runtime import Books, open_books
from bot.settings import Settings
from ledger.audit import verify_chain
from ledger.chart import ChartError, import_chart, parse_chart_csv
from ledger.db import current_revision, make_engine, session_scope, upgrade
from ledger.drafting import Draft, DraftError
from ledger.items import ItemError, import_items, parse_items_csv
from ledger.models import Account, JournalEntry
from ledger.money import format_money
from ledger.posting import (
    PostingError,
    close_period,
    entry_lines,
    post_entry,
    reopen_period,
    reverse_entry,
    save_draft,
)
from ledger.reports import trial_balance, writeoff_report

app = typer.Typer(
    help="writeoff-bot: inventory write-offs as audited journal entries.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
items_app = typer.Typer(help="The item list (SKUs and unit costs).", no_args_is_help=True)
accounts_app = typer.Typer(help="The chart of accounts.", no_args_is_help=True)
entries_app = typer.Typer(help="Journal entries.", no_args_is_help=True)
report_app = typer.Typer(help="Reports.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
period_app = typer.Typer(help="Period locks.", no_args_is_help=True)
for sub, name in (
    (db_app, "db"),
    (items_app, "items"),
    (accounts_app, "accounts"),
    (entries_app, "entries"),
    (report_app, "report"),
    (audit_app, "audit"),
    (period_app, "period"),
):
    app.add_typer(sub, name=name)

CLI_ACTOR = "cli"


def fail(message: str, code: int = 1) -> None:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def books() -> Books:
    try:
        return open_books(Settings())
    except Exception as exc:  # settings or database problems: say what, not a traceback
        fail(str(exc), 2)
        raise  # unreachable


# -- db ------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database (seeds the default company and chart)."""
    settings = Settings()
    engine = make_engine(settings.database_url)
    upgrade(engine)
    typer.echo(f"database at revision {current_revision(engine)} ({engine.url.render_as_string()})")


# -- draft ---------------------------------------------------------------------------------


def _save(b: Books, d: Draft) -> int:
    with session_scope(b.engine) as s:
        saved = save_draft(
            s, b.company_id, d, actor=CLI_ACTOR, entry_date=date.today(), reporter=CLI_ACTOR
        )
    return saved.entry.id or 0


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


@app.command()
def draft(
    text: Annotated[str | None, typer.Argument(help="The request; omit to read stdin.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
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


# -- items and accounts ----------------------------------------------------------------------


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
        raise


def _import_csv(file: Path, parse: Any, store: Any, error: type[Exception], what: str) -> None:
    """Parse the whole file first (every problem reported with its line), then store it."""
    b = books()
    try:
        rows = parse(_read(file))
    except error as exc:
        fail(f"{file}: {exc}")
        return
    with session_scope(b.engine) as s:
        added, updated = store(s, b.company_id, rows)
    b.forget_context()
    typer.echo(f"{added} {what} added, {updated} updated")


@items_app.command("import")
def items_import(file: Path) -> None:
    """Load SKUs and unit costs from a CSV (columns sku,name,unit_cost)."""
    _import_csv(file, parse_items_csv, import_items, ItemError, "items")


@accounts_app.command("import")
def accounts_import(file: Path) -> None:
    """Load the company's chart of accounts (columns code,name,type[,subtype])."""
    _import_csv(file, parse_chart_csv, import_chart, ChartError, "accounts")


@accounts_app.command("list")
def accounts_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The chart of accounts with running balances."""
    b = books()
    with session_scope(b.engine) as s:
        accts = s.exec(
            select(Account).where(Account.company_id == b.company_id).order_by(Account.code)
        ).all()
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "code": a.code,
                        "name": a.name,
                        "type": a.type,
                        "subtype": a.subtype,
                        "active": a.active,
                        "balance": str(a.balance),
                    }
                    for a in accts
                ],
                indent=2,
            )
        )
        return
    typer.echo(f"{'code':8}{'name':36}{'type':24}{'balance':>16}")
    for a in accts:
        flag = "" if a.active else "  (inactive)"
        typer.echo(
            f"{a.code:8}{a.name[:35]:36}{a.type[:23]:24}"
            f"{format_money(a.balance, b.settings.writeoff_currency):>16}{flag}"
        )


# -- entries -------------------------------------------------------------------------------


def entry_json(s: Any, e: JournalEntry, qbo: dict[int, Any] | None = None) -> dict[str, Any]:
    state = (qbo or {}).get(e.id or 0)
    return {
        "id": e.id,
        "number": e.number,
        "status": e.status,
        "date": e.entry_date.isoformat(),
        "memo": e.memo,
        "source_text": e.source_text,
        "reporter": e.reporter,
        "approved_by": e.approved_by,
        "confidence": e.confidence,
        "reverses_id": e.reverses_id,
        "reversed_by_id": e.reversed_by_id,
        "lines": [
            {"account": a.code, "name": a.name, "debit": str(jl.debit), "credit": str(jl.credit)}
            for jl, a in entry_lines(s, e.id or 0)
        ],
        "quickbooks": state.to_json() if state else None,
    }


@entries_app.command("list")
def entries_list(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    status: Annotated[str | None, typer.Option(help="draft, posted, rejected, reversed")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000)] = 200,
) -> None:
    """Journal entries, newest first."""
    b = books()
    with session_scope(b.engine) as s:
        stmt = select(JournalEntry).where(JournalEntry.company_id == b.company_id)
        if status:
            stmt = stmt.where(JournalEntry.status == status)
        rows = s.exec(stmt.order_by(col(JournalEntry.id).desc()).limit(limit)).all()
        from qbo.connection import get_connection
        from qbo.sync import qbo_states

        conn = get_connection(s, b.company_id)
        connected = conn is not None and conn.status == "connected"
        states = qbo_states(s, [e.id or 0 for e in rows], connected)
        data = [entry_json(s, e, states) for e in rows]
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    if not data:
        typer.echo('no entries yet: try  writeoff draft --save "40 units obsolete SKU-12 at $15"')
        return
    cur = b.settings.writeoff_currency
    typer.echo(f"{'id':>5} {'number':10} {'status':9} {'date':10} {'total':>14}  memo")
    for e in data:
        total = sum(Decimal(ln["debit"]) for ln in e["lines"])
        typer.echo(
            f"{e['id']:>5} {e['number'] or '-':10} {e['status']:9} {e['date']:10} "
            f"{format_money(total, cur):>14}  {e['memo'][:60]}"
        )


@entries_app.command("approve")
def entries_approve(
    entry_id: int, approver: Annotated[str, typer.Option("--as", help="Who approves.")]
) -> None:
    """Post a saved draft (the command-line twin of the Approve button)."""
    b = books()
    try:
        with session_scope(b.engine) as s:
            result = post_entry(
                s,
                b.company_id,
                entry_id,
                approver=approver,
                max_amount=b.settings.writeoff_max_amount,
                currency=b.settings.writeoff_currency,
            )
    except PostingError as exc:
        fail(str(exc))
        return
    word = "posted" if result.created else "was already posted"
    typer.echo(f"entry {entry_id} {word} as {result.entry.number}")


@entries_app.command("reverse")
def entries_reverse(
    entry_id: int,
    reason: Annotated[str, typer.Option(help="Why it is reversed.")],
    actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR,
) -> None:
    """Post a reversing entry (posted entries are never edited or deleted)."""
    b = books()
    try:
        with session_scope(b.engine) as s:
            result = reverse_entry(
                s,
                b.company_id,
                entry_id,
                actor=actor,
                reason=reason,
                entry_date=date.today(),
                max_amount=b.settings.writeoff_max_amount,
            )
    except PostingError as exc:
        fail(str(exc))
        return
    typer.echo(f"reversed by {result.entry.number}" + ("" if result.created else " (already)"))


# -- reports -------------------------------------------------------------------------------


def _emit_table(rows: list[dict[str, Any]], as_json: bool, as_csv: bool) -> bool:
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return True
    if as_csv:
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        typer.echo(buf.getvalue().rstrip("\n"))
        return True
    return False


@report_app.command("trial-balance")
def report_trial_balance(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    as_csv: Annotated[bool, typer.Option("--csv")] = False,
) -> None:
    """Every account's balance; total debits equal total credits."""
    b = books()
    with session_scope(b.engine) as s:
        tb = trial_balance(s, b.company_id)
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "type": r.type,
            "debit": str(r.debit),
            "credit": str(r.credit),
        }
        for r in tb.rows
    ]
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "accounts": rows,
                    "total_debit": str(tb.total_debit),
                    "total_credit": str(tb.total_credit),
                    "balanced": tb.balanced,
                },
                indent=2,
            )
        )
        return
    if _emit_table(rows, False, as_csv):
        return
    cur = b.settings.writeoff_currency
    typer.echo(f"{'code':8}{'name':36}{'debit':>16}{'credit':>16}")
    for r in tb.rows:
        typer.echo(
            f"{r.code:8}{r.name[:35]:36}{format_money(r.debit, cur):>16}"
            f"{format_money(r.credit, cur):>16}"
        )
    typer.echo(
        f"{'':8}{'Total':36}{format_money(tb.total_debit, cur):>16}"
        f"{format_money(tb.total_credit, cur):>16}"
    )
    if not tb.balanced:
        fail("the trial balance does not balance: run `writeoff audit verify`")


@report_app.command("writeoffs")
def report_writeoffs(
    month: Annotated[str | None, typer.Option(help="YYYY-MM; all months when omitted.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    as_csv: Annotated[bool, typer.Option("--csv")] = False,
    chart: Annotated[Path | None, typer.Option(help="Also draw the month's chart (PNG).")] = None,
) -> None:
    """Posted write-offs by reason, SKU, location, month and account."""
    if month is not None:
        try:
            y, m = month.split("-")
            date(int(y), int(m), 1)
        except ValueError:
            fail(f"'{month}' is not a month: use YYYY-MM, e.g. 2026-10")
    b = books()
    with session_scope(b.engine) as s:
        rep = writeoff_report(s, b.company_id, month, b.settings.writeoff_currency)
        if chart is not None:
            from bot.report_chart import history_totals, render_chart

            target = month or f"{date.today():%Y-%m}"
            if month is None:
                rep = writeoff_report(s, b.company_id, target, b.settings.writeoff_currency)
            history = history_totals(s, b.company_id, target, 6, b.settings.writeoff_currency)
            chart.write_bytes(render_chart(rep, history))
            typer.echo(f"chart written to {chart}", err=True)
    data = rep.to_json()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    rows = [
        {"group": g, "key": k, "amount": v}
        for g in ("by_reason", "by_sku", "by_location", "by_month", "by_account")
        for k, v in data[g].items()
    ]  # type: ignore[union-attr]
    if _emit_table(rows, False, as_csv):
        return
    cur = b.settings.writeoff_currency
    typer.echo(
        f"Write-offs {month or '(all months)'}: {rep.count} entries, {format_money(rep.total, cur)}"
    )
    for group in ("by_reason", "by_sku", "by_location", "by_month", "by_account"):
        typer.echo(f"\n{group.replace('_', ' ')}:")
        for k, v in data[group].items():  # type: ignore[union-attr]
            typer.echo(f"  {k[:40]:40}{format_money(Decimal(v), cur):>16}")


# -- audit and periods -----------------------------------------------------------------------


@audit_app.command("verify")
def audit_verify() -> None:
    """Walk the hash chain; name the first broken link and exit non-zero if any."""
    b = books()
    with session_scope(b.engine) as s:
        rep = verify_chain(s, b.company_id)
    if not rep.ok:
        fail(
            f"audit chain broken at event #{rep.broken_seq}: {rep.problem} "
            f"({rep.checked} events checked before it)"
        )
    typer.echo(f"audit chain intact: {rep.checked} events verified")


@period_app.command("close")
def period_close(period: str, actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR) -> None:
    """Lock a month (YYYY-MM): nothing more can be posted into it."""
    b = books()
    try:
        with session_scope(b.engine) as s:
            changed = close_period(s, b.company_id, period, actor=actor)
    except ValueError as exc:
        fail(str(exc))
        return
    typer.echo(f"{period} closed" if changed else f"{period} was already closed")


@period_app.command("reopen")
def period_reopen(period: str, actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR) -> None:
    """Reopen a closed month (audited)."""
    b = books()
    try:
        with session_scope(b.engine) as s:
            changed = reopen_period(s, b.company_id, period, actor=actor)
    except ValueError as exc:
        fail(str(exc))
        return
    typer.echo(f"{period} reopened" if changed else f"{period} was not closed")


# -- interactive -----------------------------------------------------------------------------

SLACK_SETUP = """\
Slack is not configured yet: {missing} not set.
  1. Create the app from manifest.yml (README, "Create the Slack app").
  2. Put the tokens in .env:  SLACK_BOT_TOKEN=xoxb-...  SLACK_APP_TOKEN=xapp-...
     (HTTP mode instead of Socket Mode needs SLACK_SIGNING_SECRET=...)
  3. Run `make run` again.
"""


@app.command()
def shell() -> None:
    """Interactive drafting: type a request, see the entry. Nothing is posted."""
    b = books()
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


@app.command()
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
    settings = Settings()
    socket_mode = settings.slack_app_token is not None and not http
    missing = settings.missing_slack_settings(socket_mode)
    if missing:
        fail(SLACK_SETUP.format(missing=", ".join(missing)).rstrip(), 2)
    from bot.server import serve_forever

    serve_forever(settings, socket_mode=socket_mode, port=port or settings.port, host=host)


@app.command()
def start() -> None:
    """What `make run` does: serve the Slack app, or explain what is missing."""
    settings = Settings()
    socket_mode = settings.slack_app_token is not None or settings.slack_signing_secret is None
    missing = settings.missing_slack_settings(socket_mode)
    if not missing:
        from bot.server import serve_forever

        serve_forever(settings, socket_mode=socket_mode, port=settings.port)
        return
    typer.echo(SLACK_SETUP.format(missing=", ".join(missing)))
    if sys.stdin.isatty():
        typer.echo("Meanwhile, draft entries offline:\n")
        shell()
    else:
        typer.echo('Meanwhile, try:  .venv/bin/writeoff draft "40 units obsolete SKU-12 at $15"')


# -- QuickBooks and jobs ---------------------------------------------------------------------

qbo_app = typer.Typer(
    help="QuickBooks Online: connect, map accounts, status.", no_args_is_help=True
)
jobs_app = typer.Typer(help="Scheduled jobs, run by hand.", no_args_is_help=True)
app.add_typer(qbo_app, name="qbo")
app.add_typer(jobs_app, name="jobs")


def quickbooks() -> Any:
    from bot.quickbooks import QuickBooks

    return QuickBooks(books())


def _qbo_call(fn: Any, *args: Any) -> Any:
    """Run a QuickBooks action, turning its failures into a message and exit code."""
    from bot.quickbooks import NotConfigured
    from qbo.crypto import SecretKeyMissing
    from qbo.errors import QboError
    from qbo.sync import ConnectionProblem

    try:
        return fn(*args)
    except (NotConfigured, SecretKeyMissing, ConnectionProblem, ValueError) as exc:
        fail(str(exc), 2)
    except QboError as exc:
        fail(exc.plain_words())
    return None


@qbo_app.command("connect-url")
def qbo_connect_url(actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR) -> None:
    """Print Intuit's consent URL (single-use, valid 10 minutes)."""
    qb = quickbooks()
    url = _qbo_call(qb.connect_url, actor)
    typer.echo("Open this link, pick the company and allow access:\n" + url)


@qbo_app.command("status")
def qbo_status(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Connection, account mapping and sync queue."""
    st = quickbooks().status()
    if as_json:
        typer.echo(json.dumps(st, indent=2))
        return
    if st["status"] == "not_connected":
        typer.echo("QuickBooks: not connected (writeoff qbo connect-url)")
        return
    typer.echo(f"QuickBooks: {st['status']} to {st['company_name'] or st['realm_id']}")
    typer.echo(
        f"accounts mapped: {st['mapped_accounts']}; unmapped: "
        f"{', '.join(st['unmapped_accounts']) or 'none'}"
    )
    typer.echo(
        f"refresh token expires: {st['refresh_token_expires_at']}"
        + ("  (within 14 days: reconnect soon)" if st["refresh_token_expires_soon"] else "")
    )
    typer.echo(
        "queue: " + (", ".join(f"{n} {k}" for k, n in sorted(st["queue"].items())) or "empty")
    )
    if st["broken_reason"]:
        typer.echo(f"problem: {st['broken_reason']}")


@qbo_app.command("disconnect")
def qbo_disconnect(actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR) -> None:
    """Revoke the tokens at Intuit and forget them."""
    done = _qbo_call(quickbooks().disconnect, actor)
    typer.echo("disconnected" if done else "was not connected")


@qbo_app.command("map-accounts")
def qbo_map_accounts() -> None:
    """Map ledger accounts to QuickBooks by account number, then by exact name."""
    result = _qbo_call(quickbooks().map_accounts)
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


@qbo_app.command("accounts")
def qbo_accounts(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """The mapping of every ledger account."""
    rows = quickbooks().accounts()
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        target = f"{r['qbo_id']} {r['qbo_name']} ({r['method']})" if r["qbo_id"] else "UNMAPPED"
        typer.echo(f"{r['code']:8}{r['name'][:35]:36}{target}")


@qbo_app.command("map")
def qbo_map(
    code: str, qbo_id: str, actor: Annotated[str, typer.Option("--as")] = CLI_ACTOR
) -> None:
    """Map one ledger account to a QuickBooks account Id by hand."""
    _qbo_call(quickbooks().map_one, code, qbo_id, actor)
    typer.echo(f"{code} -> QuickBooks account {qbo_id}")


@app.command()
def sync() -> None:
    """One QuickBooks sync pass now: what it pushed, skipped and failed."""
    from bot.jobs import JobContext, sync_job

    qb = quickbooks()
    report = sync_job(JobContext(qb.books, qb))
    typer.echo(report.summary())
    for entry_id, why in report.held + report.failed + report.retrying:
        typer.echo(f"  entry {entry_id}: {why}")
    if report.failed:
        raise typer.Exit(1)


@jobs_app.command("run")
def jobs_run(
    name: str,
    at: Annotated[
        str | None, typer.Option(help="Run as if at this time (ISO 8601), e.g. to re-run a day.")
    ] = None,
) -> None:
    """Run one scheduled job now (sync, qbo-token-check, month-end, stale-drafts)."""
    from bot.jobs import JOBS, JobContext

    job = JOBS.get(name)
    if job is None:
        fail(f"no job '{name}': choose from {', '.join(sorted(JOBS))}", 2)
        return
    qb = quickbooks()
    slack = None
    st = qb.settings
    if st.slack_bot_token is not None:
        from bot.slack_client import make_web_client

        slack = make_web_client(st.slack_bot_token.get_secret_value(), st.slack_api_url)
    now = None
    if at is not None:
        try:
            now = datetime.fromisoformat(at)
        except ValueError:
            fail(f"'{at}' is not a time: use ISO 8601, e.g. 2026-11-30T09:00:00+00:00", 2)
            return
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
    result = job(JobContext(qb.books, qb, slack), now=now)
    typer.echo(result.summary() if hasattr(result, "summary") else str(result))


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""Setting up a QuickBooks company so write-offs can go there: read what the company is like,
map the ledger's accounts (automatically where that is safe, proposed where it is only
likely), let a person confirm or create what is missing, and send held entries again.

Slack (the mapping dialog) and the command line (`writeoff qbo map-accounts`, `accounts`,
`map`) both call this."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from bot.services.display import (
    CREATE_IN_QBO,
    MappingApplied,
    MappingDialog,
    MappingRow,
    MapState,
    QboAccountChoice,
)
from ledger.audit import record
from ledger.db import session_scope
from ledger.drafting import Draft
from ledger.drafting.types import DraftLine
from ledger.models import Account, Item, JournalLine, OutboxItem, OutboxStatus
from ledger.money import format_money
from ledger.policy import Kind, Role
from ledger.posting import save_draft
from qbo.client import QboClient, quote_literal
from qbo.company import CompanySettings, load_settings, read_settings, save_settings
from qbo.crypto import SecretKeyError
from qbo.errors import QboError
from qbo.inventory import (
    ItemMatch,
    count_skus,
    item_mappings,
    match_items,
    save_item_matches,
    true_up_lines,
    true_up_of,
)
from qbo.mapping import (
    COGS_RULE,
    INVENTORY_RULE,
    MappingResult,
    TypeRule,
    match_accounts,
    save_matches,
    set_manual,
)
from qbo.models import AccountMapping, TrueUp
from qbo.sync import ConnectionProblem, requeue

if TYPE_CHECKING:  # the QuickBooks service calls in here; only its type is needed
    from bot.services.quickbooks import QuickBooks

HOW = {
    "number": "by number",
    "name": "by name",
    "type": "by type",
    "manual": "by hand",
    "created": "created",
}
NAME_MAX = 100  # QuickBooks' longest account name


def read_company(qb: QuickBooks, client: QboClient | None = None) -> CompanySettings:
    """CompanyInfo and Preferences, read and stored (on connect and on map-accounts)."""
    client = client or qb.client()
    settings = read_settings(client.company_info(), client.preferences())
    with session_scope(qb.books.engine) as s:
        save_settings(s, qb.books.company_id, settings)
    return settings


def type_rules(qb: QuickBooks) -> dict[str, TypeRule]:
    """The ledger accounts whose purpose a QuickBooks type names: the policy's inventory
    and cost of goods sold accounts. Every other account needs a number, a name or a person."""
    policy = qb.settings.policy
    return {policy.code(Role.INVENTORY): INVENTORY_RULE, policy.code(Role.COGS): COGS_RULE}


def _ledger(qb: QuickBooks) -> list[Account]:
    with session_scope(qb.books.engine) as s:
        return list(
            s.exec(
                select(Account)
                .where(Account.company_id == qb.books.company_id)
                .order_by(col(Account.code))
            )
        )


def _mappings(qb: QuickBooks) -> dict[str, AccountMapping]:
    with session_scope(qb.books.engine) as s:
        return {
            m.account_code: m
            for m in s.exec(
                select(AccountMapping).where(AccountMapping.company_id == qb.books.company_id)
            )
        }


@dataclass(frozen=True)
class _Look:
    """One look at the company: what mapping found, the chart and the items as read."""

    result: MappingResult
    accounts: list[dict[str, Any]]
    items: tuple[list[ItemMatch], list[str]]


def map_accounts(qb: QuickBooks) -> MappingResult:
    """Read the company and its chart; apply the safe matches, return the proposals."""
    return _look(qb, qb.client()).result


def _look(qb: QuickBooks, client: QboClient) -> _Look:
    settings = read_company(qb, client)
    fetched = client.accounts()
    qbo_accounts = fetched
    if not settings.use_account_numbers:
        # Numbers switched off: an AcctNum left over from before means nothing now.
        qbo_accounts = [{k: v for k, v in a.items() if k != "AcctNum"} for a in qbo_accounts]
    existing = _mappings(qb)
    by_hand = {c for c, m in existing.items() if m.method in ("manual", "created")}
    ledger = [(a.code, a.name, a.type) for a in _ledger(qb) if a.code not in by_hand]
    result = match_accounts(
        ledger,
        qbo_accounts,
        by_type=type_rules(qb),
        taken=frozenset(existing[c].qbo_id for c in by_hand),
    )
    items = map_items(qb, client)
    with session_scope(qb.books.engine) as s:
        save_matches(s, qb.books.company_id, result)
        record(
            s,
            qb.books.company_id,
            "qbo_accounts_mapped",
            "quickbooks",
            details={
                "mapped": len(result.matches),
                "unmapped": list(result.unmapped),
                "proposed": {p.code: p.qbo_id for p in result.proposals},
            },
        )
    return _Look(result, fetched, items)


def map_items(qb: QuickBooks, client: QboClient | None = None) -> tuple[list[ItemMatch], list[str]]:
    """SKUs (the item list's and those on entries) to QuickBooks Items, by Sku then Name.
    Returns (matches, unmapped SKUs); the unmapped are listed, never guessed."""
    client = client or qb.client()
    with session_scope(qb.books.engine) as s:
        skus = {i.sku for i in s.exec(select(Item).where(Item.company_id == qb.books.company_id))}
        skus |= {
            sku
            for sku in s.exec(
                select(JournalLine.sku)
                .where(JournalLine.company_id == qb.books.company_id)
                .distinct()
            )
            if sku
        }
        skus |= count_skus(s, qb.books.company_id)
    matches, unmapped = match_items(sorted(skus), client.items())
    with session_scope(qb.books.engine) as s:
        save_item_matches(s, qb.books.company_id, matches)
        if matches or unmapped:
            record(
                s,
                qb.books.company_id,
                "qbo_items_mapped",
                "quickbooks",
                details={"mapped": len(matches), "unmapped": unmapped[:100]},
            )
    return matches, unmapped


def map_new_skus(qb: QuickBooks) -> None:
    """Before a push in a company tracking quantities: SKUs on entries waiting to go out that
    have no item mapping yet are looked up (one Item query), so a SKU first seen after
    connecting needs nobody to run `writeoff qbo items`."""
    with session_scope(qb.books.engine) as s:
        prefs = load_settings(s, qb.books.company_id)
        if prefs is None or not prefs.track_quantity:
            return
        known = set(item_mappings(s, qb.books.company_id))
        waiting = {
            sku
            for sku in s.exec(
                select(JournalLine.sku)
                .join(OutboxItem, col(OutboxItem.entry_id) == col(JournalLine.entry_id))
                .where(
                    OutboxItem.company_id == qb.books.company_id,
                    col(OutboxItem.status) != OutboxStatus.SYNCED,
                )
                .distinct()
            )
            if sku
        }
        waiting |= count_skus(s, qb.books.company_id, unsynced_only=True)
    if waiting - known:
        map_items(qb)


def mapping_dialog(qb: QuickBooks) -> MappingDialog:
    """What the dialog shows, from a fresh look at QuickBooks' chart."""
    look = _look(qb, qb.client())
    result = look.result
    qbo_accounts = [a for a in look.accounts if a.get("Active", True)]
    names = {str(a["Id"]): str(a.get("Name") or "") for a in qbo_accounts}
    mapped = _mappings(qb)
    proposals = {p.code: p for p in result.proposals}
    used_roles = _role_codes(qb)
    rows: list[MappingRow] = []
    for acct in _ledger(qb):
        m = mapped.get(acct.code)
        if m is not None and m.qbo_id in names:
            rows.append(
                MappingRow(
                    acct.code,
                    acct.name,
                    acct.type,
                    MapState.MAPPED,
                    m.qbo_id,
                    names[m.qbo_id],
                    HOW.get(m.method, m.method),
                )
            )
        elif acct.code in proposals:
            p = proposals[acct.code]
            rows.append(
                MappingRow(
                    acct.code,
                    acct.name,
                    acct.type,
                    MapState.PROPOSED,
                    p.qbo_id,
                    p.qbo_name,
                    "close name",
                )
            )
        elif acct.code in used_roles:
            state = MapState.INACTIVE if m is not None else MapState.CREATE
            rows.append(
                MappingRow(acct.code, acct.name, acct.type, state, CREATE_IN_QBO, acct.name)
            )
        else:
            # Not used by any write-off rule: offered, not preselected.
            rows.append(MappingRow(acct.code, acct.name, acct.type, MapState.CREATE, "", ""))
    order = {MapState.CREATE: 0, MapState.INACTIVE: 0, MapState.PROPOSED: 1, MapState.MAPPED: 2}
    rows.sort(key=lambda r: (order[r.state], not r.selected, r.code))
    choices = tuple(
        QboAccountChoice(str(a["Id"]), str(a.get("Name") or ""), str(a.get("AccountType") or ""))
        for a in sorted(qbo_accounts, key=lambda a: str(a.get("Name") or "").casefold())
    )
    name = qb.connection()
    matches, unmapped = look.items
    with session_scope(qb.books.engine) as s:
        prefs = load_settings(s, qb.books.company_id)
    return MappingDialog(
        name.company_name if name else None,
        tuple(rows),
        choices,
        quantity_tracking=bool(prefs and prefs.track_quantity),
        items=tuple((m.sku, m.qbo_name, m.tracked) for m in matches),
        unmapped_skus=tuple(unmapped),
    )


def dialog_or_reason(qb: QuickBooks) -> MappingDialog | str:
    """For front ends: the dialog, or why it cannot open (in plain words)."""
    try:
        return mapping_dialog(qb)
    except Exception as exc:
        return _reason(exc)


def apply_or_reason(qb: QuickBooks, choices: Mapping[str, str], actor: str) -> MappingApplied | str:
    """For front ends: what confirming did, or why nothing was changed."""
    try:
        return apply_mapping(qb, choices, actor)
    except Exception as exc:
        return "Nothing was changed: " + _reason(exc)


def _reason(exc: Exception) -> str:
    from bot.services.quickbooks import NotConfigured

    if isinstance(exc, QboError):
        return f"QuickBooks said: {exc.plain_words()}"
    if isinstance(exc, NotConfigured | ConnectionProblem | SecretKeyError):
        return f"QuickBooks is not ready: {exc}"
    raise exc


def _role_codes(qb: QuickBooks) -> set[str]:
    policy = qb.settings.policy
    return {policy.code(role) for role in Role}


def apply_mapping(qb: QuickBooks, choices: Mapping[str, str], actor: str) -> MappingApplied:
    """A person's choices: ledger code -> QuickBooks Id, or CREATE_IN_QBO. Each is audited;
    then every held entry is queued again (those whose accounts are all mapped now go out)."""
    client = qb.client()
    qbo_accounts = {str(a["Id"]): a for a in client.accounts()}
    ledger = {a.code: a for a in _ledger(qb)}
    current = _mappings(qb)
    mapped: list[tuple[str, str]] = []
    created: list[tuple[str, str]] = []
    problems: list[str] = []
    for code, choice in choices.items():
        acct = ledger.get(code)
        if acct is None or not choice:
            continue
        if choice == CREATE_IN_QBO:
            try:
                made, new = _create(qb, client, acct)
            except QboError as exc:
                problems.append(f"{code} {acct.name}: {exc.plain_words()}")
                continue
            before = current.get(code)
            if not new and before is not None and before.qbo_id == str(made["Id"]):
                continue  # confirmed twice: already done, nothing to record
            with session_scope(qb.books.engine) as s:
                row = set_manual(s, qb.books.company_id, code, made)
                row.method = "created" if new else "manual"
                s.add(row)
                record(
                    s,
                    qb.books.company_id,
                    "qbo_account_created" if new else "qbo_account_mapped",
                    actor,
                    details={"code": code, "qbo_id": str(made["Id"]), "name": made.get("Name")},
                )
            (created if new else mapped).append((code, str(made.get("Name") or "")))
            continue
        target = qbo_accounts.get(choice)
        if target is None:
            problems.append(f"{code} {acct.name}: QuickBooks has no account {choice} any more")
            continue
        before = current.get(code)
        if before is not None and before.qbo_id == choice and before.qbo_active:
            continue  # unchanged: nothing to record
        with session_scope(qb.books.engine) as s:
            set_manual(s, qb.books.company_id, code, target)
            record(
                s,
                qb.books.company_id,
                "qbo_account_mapped",
                actor,
                details={"code": code, "qbo_id": choice, "via": "dialog"},
            )
        mapped.append((code, str(target.get("Name") or "")))
    requeued = requeue_held(qb)
    now = _mappings(qb)
    still = tuple(code for code in sorted(ledger) if code not in now)
    return MappingApplied(tuple(mapped), tuple(created), requeued, still, tuple(problems))


def requeue_held(qb: QuickBooks) -> tuple[int, ...]:
    """Held entries back in the queue, due now: the next push sends those it can."""
    with session_scope(qb.books.engine) as s:
        held = [
            i.entry_id
            for i in s.exec(
                select(OutboxItem).where(
                    OutboxItem.company_id == qb.books.company_id,
                    OutboxItem.status == OutboxStatus.HELD,
                )
            )
        ]
    return tuple(e for e in held if requeue(qb.books.engine, qb.books.company_id, e))


def _qbo_name(name: str) -> str:
    # QuickBooks refuses ':' (its sub-account separator) and '"' in account names.
    return name.replace(":", "-").replace('"', "'").strip()[:NAME_MAX]


def _create(qb: QuickBooks, client: QboClient, acct: Account) -> tuple[dict[str, Any], bool]:
    """(the QuickBooks account, created now?). A name already in use (fault 6240, or a
    second click) is the same account: it is found and used, never created twice."""
    name = _qbo_name(acct.name)
    existing = _by_name(client, name)
    if existing is not None:
        return existing, False
    body: dict[str, Any] = {"Name": name, "AccountType": acct.type}
    if acct.subtype:
        body["AccountSubType"] = acct.subtype
    with session_scope(qb.books.engine) as s:
        settings = load_settings(s, qb.books.company_id)
    if settings is not None and settings.use_account_numbers:
        body["AcctNum"] = acct.code
    try:
        return client.create_account(body, str(uuid.uuid4())), True
    except QboError as exc:
        if exc.code == "6240" or exc.outcome_unknown:
            found = _by_name(client, name)
            if found is not None:
                return found, exc.outcome_unknown
        raise


def _by_name(client: QboClient, name: str) -> dict[str, Any] | None:
    rows = client.query(
        f"select * from Account where Name = {quote_literal(name)} and Active in (true, false)"
    )
    return rows[0] if rows else None


def draft_true_up(qb: QuickBooks, entry_id: int, actor: str) -> int | str:
    """The true-up a card offers: a draft that brings the ledger to the value QuickBooks
    gave the entry's InventoryAdjustment. It waits for approval like any draft, and once
    posted is kept in the ledger only (QuickBooks already holds that value). Returns the
    draft's id (the same one if asked again), or why there is none."""
    with session_scope(qb.books.engine) as s:
        existing = true_up_of(s, [entry_id]).get(entry_id)
        if existing is not None:
            return existing.entry_id
        lines = true_up_lines(s, entry_id)
        if lines is None:
            return "QuickBooks valued this entry as the ledger did: there is nothing to true up."
        money = qb.settings.writeoff_currency
        why = (
            f"QuickBooks valued {lines.number} (InventoryAdjustment {lines.adjustment_id}) at "
            f"its own item cost; this moves the ledger by {format_money(lines.amount, money)} "
            "to match. Kept in the ledger only: QuickBooks already holds this value."
        )
        draft = Draft(
            source_text=f"True-up of {lines.number} to QuickBooks' value",
            kind=Kind.WRITE_OFF,
            category=None,
            reason="true-up",
            sku=None,
            quantity=None,
            unit=None,
            unit_cost=None,
            location=None,
            amount=lines.amount,
            lines=(
                DraftLine(lines.debit[0], lines.debit[1], lines.amount, Decimal("0.00"), why[:200]),
                DraftLine(lines.credit[0], lines.credit[1], Decimal("0.00"), lines.amount),
            ),
            confidence=1.0,
            explanation=(why,),
            memo=f"True-up of {lines.number} to QuickBooks' value",
        )
        saved = save_draft(
            s,
            qb.books.company_id,
            draft,
            actor=actor,
            entry_date=date.today(),
            reporter=actor,
            idempotency_key=f"qbo-true-up:{entry_id}",
        )
        new_id = saved.entry.id or 0
        s.add(
            TrueUp(
                company_id=qb.books.company_id,
                entry_id=new_id,
                of_entry_id=entry_id,
                created_by=actor,
            )
        )
        record(
            s,
            qb.books.company_id,
            "qbo_true_up_drafted",
            actor,
            entry_id=entry_id,
            details={"true_up_entry_id": new_id, "amount": str(lines.amount)},
        )
        return new_id

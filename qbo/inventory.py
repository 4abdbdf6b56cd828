"""Quantities kept in step with QuickBooks (Plus/Advanced companies that track quantity on
hand).

In such a company a JournalEntry crediting the Inventory Asset account lowers the asset but
not the item's quantity, and the Inventory Valuation report stops matching the balance
sheet. So a quantity loss (or a count overage) of a SKU mapped to a tracked Inventory item
is sent as an InventoryAdjustment instead (QtyDiff, AdjustAccountRef = the entry's other
account). QuickBooks values it at its own cost, so what it booked on the adjust account is
read back (GeneralLedger report) and compared with the ledger's amount; a difference is
shown, never corrected silently.

Companies that do not track quantities, SKUs mapped to untracked items, and value-only
entries (write-downs, reserve provisions) go as JournalEntries, as before. SKUs are mapped
to Items by Sku, then by Name; an unmapped SKU in a tracking company is held and listed,
never guessed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from ledger.db import session_scope
from ledger.models import Account, JournalEntry, JournalLine, OutboxItem, OutboxStatus, utcnow
from ledger.posting import COUNT_KIND
from qbo.company import load_settings
from qbo.errors import QboError
from qbo.journal import NOTE_MAX, MappedAccount, utf16_clip
from qbo.models import InventoryPush, ItemMapping, TrueUp

INVENTORY_SUBTYPE = "Inventory"  # the ledger account whose balance is the goods on hand
VALUE_CATEGORIES = frozenset({"write_down", "reserve_provision"})  # no goods move
QUANTITY_CATEGORIES = frozenset(
    {"loss", "shrinkage", "casualty", "donation", "overage", "reserve_write_off"}
)


class AdjustmentClient(Protocol):
    def query(self, statement: str, page_size: int = ...) -> list[dict[str, Any]]: ...

    def create_inventory_adjustment(
        self, body: Mapping[str, Any], request_id: str
    ) -> dict[str, Any]: ...

    def adjustment_amount(
        self, account_id: str, day: date, adjustment_id: str
    ) -> Decimal | None: ...


# -- SKUs and Items ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemMatch:
    sku: str
    qbo_id: str
    qbo_name: str
    tracked: bool
    method: str  # sku or name


def _norm(text: Any) -> str:
    return str(text or "").strip().casefold()


def match_items(
    skus: Sequence[str], qbo_items: Sequence[Mapping[str, Any]]
) -> tuple[list[ItemMatch], list[str]]:
    """Pure. (matches, unmapped SKUs). By Sku, then by Name; two candidates: unmapped."""
    active = [i for i in qbo_items if i.get("Active", True)]
    matches: list[ItemMatch] = []
    unmapped: list[str] = []
    for sku in skus:
        found = _match_one(sku, active)
        if found is None:
            unmapped.append(sku)
        else:
            matches.append(found)
    return matches, unmapped


def _match_one(sku: str, items: Sequence[Mapping[str, Any]]) -> ItemMatch | None:
    for method, key in (("sku", "Sku"), ("name", "Name")):
        hits = [i for i in items if _norm(i.get(key)) == _norm(sku)]
        if len(hits) > 1:
            return None  # ambiguous: a person decides
        if hits:
            hit = hits[0]
            tracked = hit.get("Type") == "Inventory" and bool(hit.get("TrackQtyOnHand"))
            return ItemMatch(sku, str(hit["Id"]), str(hit.get("Name") or ""), tracked, method)
    return None


def save_item_matches(session: Session, company_id: int, matches: Sequence[ItemMatch]) -> None:
    existing = {
        m.sku: m
        for m in session.exec(select(ItemMapping).where(ItemMapping.company_id == company_id))
    }
    for m in matches:
        row = existing.get(m.sku)
        if row is not None and row.method == "manual":
            continue
        row = row or ItemMapping(company_id=company_id, sku=m.sku, qbo_id=m.qbo_id, method=m.method)
        row.qbo_id, row.qbo_name, row.tracked, row.method = (
            m.qbo_id,
            m.qbo_name,
            m.tracked,
            m.method,
        )
        row.updated_at = utcnow()
        session.add(row)


def item_mappings(session: Session, company_id: int) -> dict[str, ItemMapping]:
    return {
        m.sku: m
        for m in session.exec(select(ItemMapping).where(ItemMapping.company_id == company_id))
    }


# -- which entries go as InventoryAdjustments ----------------------------------------------------


@dataclass(frozen=True)
class AdjustmentPlan:
    company_id: int
    entry_id: int
    doc_number: str
    txn_date: date
    adjust_account_id: str
    books_amount: Decimal
    body: dict[str, Any]
    # The ledger credits Inventory (goods lost): QuickBooks then debits the adjust account.
    # A count may go either way, and QuickBooks' own costs may even turn its net around.
    loss: bool = True


@dataclass(frozen=True)
class LocalOnly:
    """A true-up: recorded in the ledger only, as QuickBooks already holds the value (of
    the InventoryAdjustment `qbo_id`). Marked synced without sending anything."""

    qbo_id: str


def plan_adjustments(
    engine: Engine,
    company_id: int,
    entries: Mapping[int, int],
    mapping: Mapping[str, MappedAccount],
) -> dict[int, AdjustmentPlan | LocalOnly | str]:
    """outbox id -> the InventoryAdjustment to send, a true-up kept local, or why the entry
    is held. Entries left out go as JournalEntries. `entries`: outbox id -> entry id."""
    if not entries:
        return {}
    local = _true_ups(engine, entries)
    with session_scope(engine) as s:
        settings = load_settings(s, company_id)
        if settings is None or not settings.track_quantity:
            return dict(local)
        items = item_mappings(s, company_id)
        rows = {
            e.id: e
            for e in s.exec(
                select(JournalEntry).where(col(JournalEntry.id).in_(list(entries.values())))
            )
        }
        lines: dict[int, list[tuple[JournalLine, Account]]] = {}
        for jl, acct in s.exec(
            select(JournalLine, Account)
            .join(Account, col(Account.id) == col(JournalLine.account_id))
            .where(col(JournalLine.entry_id).in_(list(entries.values())))
            .order_by(col(JournalLine.line_no))
        ):
            lines.setdefault(jl.entry_id, []).append((jl, acct))
    plans: dict[int, AdjustmentPlan | LocalOnly | str] = dict(local)
    for oid, entry_id in entries.items():
        entry = rows.get(entry_id)
        if entry is None or oid in plans:
            continue
        plan = _plan(entry, lines.get(entry_id, []), items, mapping)
        if plan is not None:
            plans[oid] = plan
    return plans


def _true_ups(engine: Engine, entries: Mapping[int, int]) -> dict[int, LocalOnly]:
    with session_scope(engine) as s:
        rows = list(
            s.exec(
                select(TrueUp, InventoryPush)
                .join(InventoryPush, col(InventoryPush.entry_id) == col(TrueUp.of_entry_id))
                .where(col(TrueUp.entry_id).in_(list(entries.values())))
            )
        )
    by_entry = {t.entry_id: p.qbo_id for t, p in rows}
    return {oid: LocalOnly(by_entry[e]) for oid, e in entries.items() if e in by_entry}


def _plan(
    entry: JournalEntry,
    lines: list[tuple[JournalLine, Account]],
    items: Mapping[str, ItemMapping],
    mapping: Mapping[str, MappedAccount],
) -> AdjustmentPlan | str | None:
    if entry.kind == COUNT_KIND:
        return _plan_count(entry, lines, items, mapping)
    stock = [(jl, a) for jl, a in lines if a.subtype == INVENTORY_SUBTYPE]
    if len(lines) != 2 or len(stock) != 1:
        return None  # not a simple movement of goods: a JournalEntry
    inv_line, inv_acct = stock[0]
    other_acct = next(a for jl, a in lines if jl is not inv_line)
    if entry.category not in QUANTITY_CATEGORIES:
        # Value only (a write-down, a reserve provision): QuickBooks values tracked stock
        # from its items, so such an entry must not touch the Inventory Asset account.
        if entry.category in VALUE_CATEGORIES:
            return (
                f"this company tracks quantity on hand, so a value change must not post to "
                f"{inv_acct.code} {inv_acct.name} (QuickBooks values inventory from its items): "
                "reverse it and post it against the inventory reserve"
            )
        return (
            f"this company tracks quantity on hand, and this entry moves {inv_acct.code} "
            f"{inv_acct.name} for no reason QuickBooks can follow by item: reverse it and "
            "redo it as a write-off of a SKU and quantity, or as a write-down against the "
            "inventory reserve"
        )
    # (pieces of an item kept by the case move the item's own unit: "18 cans" is 1.5 cases)
    sku, qty = inv_line.sku, inv_line.item_quantity or inv_line.quantity
    if not sku or not qty:
        return None
    item = items.get(sku)
    if item is None:
        return (
            f"{sku} has no QuickBooks item (this company tracks quantity on hand, so the "
            "loss must move the item's quantity): give an item this SKU (or name) in "
            "QuickBooks, then Retry"
        )
    if not item.tracked:
        return None  # an item without quantities: the value alone, as a JournalEntry
    adjust = mapping.get(other_acct.code)
    if adjust is None or not adjust.active:
        return None  # the JournalEntry path holds it with its own words
    loss = inv_line.credit > 0
    amount = inv_line.credit if loss else inv_line.debit
    return _adjustment(entry, adjust, [(item, -qty if loss else qty)], amount, loss)


def _adjustment(
    entry: JournalEntry,
    adjust: MappedAccount,
    moves: Sequence[tuple[ItemMapping, Decimal]],
    amount: Decimal,
    loss: bool,
) -> AdjustmentPlan:
    """One InventoryAdjustment: a line per item moved (QtyDiff negative when goods went)."""
    note = (
        f"writeoff-bot {entry.number} (ledger entry {entry.id}). "
        f"Reported by {entry.reporter or 'unknown'}, approved by "
        f"{entry.approved_by or 'unknown'}. Source: {entry.source_text}"
    )
    body = {
        "TxnDate": entry.entry_date.isoformat(),
        "DocNumber": entry.number,
        "PrivateNote": utf16_clip(note, NOTE_MAX),
        "AdjustAccountRef": {"value": adjust.qbo_id, "name": adjust.name},
        "Line": [
            {
                "DetailType": "ItemAdjustmentLineDetail",
                "ItemAdjustmentLineDetail": {
                    "ItemRef": {"value": item.qbo_id, "name": item.qbo_name},
                    "QtyDiff": diff,
                },
            }
            for item, diff in moves
        ],
    }
    return AdjustmentPlan(
        entry.company_id,
        entry.id or 0,
        entry.number or "",
        entry.entry_date,
        adjust.qbo_id,
        amount,
        body,
        loss,
    )


# -- a whole physical count: one InventoryAdjustment, a line per SKU ------------------------------

LISTED = 10  # SKUs named in a hold reason; the rest counted


def _named(skus: Sequence[str]) -> str:
    more = len(skus) - LISTED
    return ", ".join(skus[:LISTED]) + (f" and {more:,} more" if more > 0 else "")


def count_moves(
    entry: JournalEntry, lines: Sequence[tuple[JournalLine, Account]]
) -> dict[str, Decimal]:
    """SKU -> quantity counted minus expected (negative: short), netted over locations.
    From the per-SKU detail the entry keeps (both line modes keep it), else its SKU lines
    (a shortage debits the shrinkage account, an overage credits it)."""
    details: dict[str, Any] = json.loads(entry.details or "{}")
    moves: dict[str, Decimal] = {}
    rows = details.get("variances")
    if rows:
        cols = list(details.get("variance_columns") or ())
        sku_at, expected_at, counted_at = (
            cols.index(c) if c in cols else i
            for c, i in (("sku", 1), ("expected", 3), ("counted", 4))
        )
        for row in rows:
            sku = str(row[sku_at])
            diff = Decimal(str(row[counted_at])) - Decimal(str(row[expected_at]))
            moves[sku] = moves.get(sku, Decimal(0)) + diff
    else:
        for jl, acct in lines:
            if acct.subtype != INVENTORY_SUBTYPE and jl.sku and jl.quantity:
                diff = jl.quantity if jl.credit > 0 else -jl.quantity
                moves[jl.sku] = moves.get(jl.sku, Decimal(0)) + diff
    return {sku: diff for sku, diff in moves.items() if diff != 0}


def count_skus(session: Session, company_id: int, unsynced_only: bool = False) -> set[str]:
    """The SKUs of physical counts (summary-lines counts name them only in their details),
    so they are mapped to items like the SKUs on entry lines. `unsynced_only`: counts still
    waiting in the outbox."""
    query = select(JournalEntry).where(
        JournalEntry.company_id == company_id, JournalEntry.kind == COUNT_KIND
    )
    if unsynced_only:
        query = query.join(OutboxItem, col(OutboxItem.entry_id) == col(JournalEntry.id)).where(
            col(OutboxItem.status) != OutboxStatus.SYNCED
        )
    return {sku for entry in session.exec(query) for sku in count_moves(entry, [])}


def _plan_count(
    entry: JournalEntry,
    lines: list[tuple[JournalLine, Account]],
    items: Mapping[str, ItemMapping],
    mapping: Mapping[str, MappedAccount],
) -> AdjustmentPlan | str | None:
    """A physical count as ONE InventoryAdjustment (never split into several documents):
    a line per SKU, AdjustAccountRef = the shrinkage account, valued by QuickBooks. Held
    when a SKU has no item (named) or when tracked and untracked items are mixed; a count
    of untracked items only goes as a JournalEntry (value alone), like a single loss."""
    stock = [(jl, a) for jl, a in lines if a.subtype == INVENTORY_SUBTYPE]
    others = {a.code for _, a in lines if a.subtype != INVENTORY_SUBTYPE}
    if len(stock) > 1 or len(others) != 1:
        return None  # not the shape a count is booked in: a JournalEntry
    moves = count_moves(entry, lines)
    if not moves:
        return None
    skus = list(moves)
    unmapped = [s for s in skus if s not in items]
    if unmapped:
        return (
            f"this company tracks quantity on hand, so the count must move each item's "
            f"quantity, and {len(unmapped):,} of its SKUs have no QuickBooks item: "
            f"{_named(unmapped)}. Give an item each SKU (or name) in QuickBooks, then Retry"
        )
    untracked = [s for s in skus if not items[s].tracked]
    if len(untracked) == len(skus):
        return None  # no item keeps quantities: the value alone, as a JournalEntry
    if untracked:
        return (
            f"{_named(untracked)} map to QuickBooks items that do not track quantity on "
            "hand, while the count's other SKUs do; the count goes as one document, and "
            "neither an InventoryAdjustment (tracked items only) nor a JournalEntry (the "
            "tracked items' quantities would not move) can carry both. Turn on quantity "
            "tracking for those items (or map the SKUs to tracked items) in QuickBooks, "
            "then Retry; or reverse the count and book those SKUs on their own"
        )
    adjust = mapping.get(others.pop())
    if adjust is None or not adjust.active:
        return None  # the JournalEntry path holds it with its own words
    inv = stock[0][0] if stock else None
    loss = inv is None or inv.credit > 0
    amount = Decimal("0.00") if inv is None else (inv.credit if loss else inv.debit)
    return _adjustment(entry, adjust, [(items[s], moves[s]) for s in skus], amount, loss)


def quantity_lines(adjustment: Mapping[str, Any]) -> tuple[str, ...]:
    """An InventoryAdjustment's lines by item and QtyDiff ("Blue widget QtyDiff -40"), in
    item order, so ours and QuickBooks' compare line by line."""
    out = []
    for line in adjustment.get("Line") or []:
        detail = line.get("ItemAdjustmentLineDetail") or {}
        ref = detail.get("ItemRef") or {}
        name = ref.get("name") or f"item {ref.get('value')}"
        qty = format(Decimal(str(detail.get("QtyDiff") or 0)).normalize(), "f")
        out.append(f"{name} QtyDiff {qty}")
    return tuple(sorted(out))


def sent_quantity_lines(
    engine: Engine, company_id: int, entry_id: int, mapping: Mapping[str, MappedAccount]
) -> tuple[str, ...]:
    """The lines an entry went to QuickBooks with as an InventoryAdjustment, built again the
    way the push built them (empty if it would not go as one today)."""
    plan = plan_adjustments(engine, company_id, {0: entry_id}, mapping).get(0)
    return quantity_lines(plan.body) if isinstance(plan, AdjustmentPlan) else ()


# -- sending, and reading back what QuickBooks booked ---------------------------------------------


def push_adjustments(
    engine: Engine,
    client: AdjustmentClient,
    plans: Mapping[int, AdjustmentPlan],
    reconcile: set[int],
    outcomes: dict[int, tuple[str, Any]],
) -> None:
    """Send each plan (one request each); an earlier push of unknown outcome is looked up by
    DocNumber first, and adopted only if it is the same entry's (our marker in the note)."""
    for oid, plan in plans.items():
        try:
            found = _find(client, plan) if oid in reconcile else None
            if found is not None:
                outcomes[oid] = ("adopted", found)
            else:
                created = client.create_inventory_adjustment(plan.body, str(uuid.uuid4()))
                outcomes[oid] = ("created", created)
                found = created
            _remember(engine, client, plan, found)
        except QboError as exc:
            outcomes[oid] = ("error", exc)


def _find(client: AdjustmentClient, plan: AdjustmentPlan) -> dict[str, Any] | None:
    # The DocNumber sent (with the install's prefix); the marker names the entry number.
    doc = str(plan.body["DocNumber"]).replace("\\", "\\\\").replace("'", "\\'")
    marker = f"writeoff-bot {plan.doc_number} (ledger entry {plan.entry_id})"
    for row in client.query(f"select * from InventoryAdjustment where DocNumber = '{doc}'"):
        if str(row.get("PrivateNote") or "").startswith(marker):
            return row
    return None


def _remember(
    engine: Engine, client: AdjustmentClient, plan: AdjustmentPlan, adj: Mapping[str, Any]
) -> None:
    """Keep what was sent and what QuickBooks booked for it (None if the report failed:
    the card then says QuickBooks' value was not read, and no difference is claimed)."""
    try:
        value = client.adjustment_amount(plan.adjust_account_id, plan.txn_date, str(adj["Id"]))
    except QboError:
        value = None
    with session_scope(engine) as s:
        row = s.exec(select(InventoryPush).where(InventoryPush.entry_id == plan.entry_id)).first()
        row = row or InventoryPush(
            company_id=plan.company_id,
            entry_id=plan.entry_id,
            qbo_id=str(adj["Id"]),
            adjust_account_id=plan.adjust_account_id,
            books_amount=plan.books_amount,
        )
        row.qbo_id = str(adj["Id"])
        if value is not None:
            # Measured the way the ledger's amount is (a loss as a debit, a gain as a
            # credit), so a count QuickBooks nets the other way shows as a difference.
            row.qbo_amount, row.read_at = (value if plan.loss else -value), utcnow()
        s.add(row)


def pushes(session: Session, entry_ids: Sequence[int]) -> dict[int, InventoryPush]:
    return {
        p.entry_id: p
        for p in session.exec(
            select(InventoryPush).where(col(InventoryPush.entry_id).in_(list(entry_ids)))
        )
    }


def differences(engine: Engine, entry_ids: Sequence[int]) -> dict[int, Decimal]:
    """Entries whose QuickBooks value differs from the ledger's: entry id -> QuickBooks
    minus ledger."""
    with session_scope(engine) as s:
        return {
            e: p.difference
            for e, p in pushes(s, entry_ids).items()
            if p.difference is not None and p.difference != 0
        }


# -- the true-up: the ledger brought to QuickBooks' value ------------------------------------------


@dataclass(frozen=True)
class TrueUpLines:
    """Debit `debit`, credit `credit`, `amount`: the ledger moved to QuickBooks' value."""

    debit: tuple[str, str]  # (code, name)
    credit: tuple[str, str]
    amount: Decimal
    number: str  # the entry it trues up
    adjustment_id: str


def true_up_lines(session: Session, entry_id: int) -> TrueUpLines | None:
    """None when QuickBooks' value is unknown or equal to the ledger's."""
    push = pushes(session, [entry_id]).get(entry_id)
    diff = push.difference if push is not None else None
    if push is None or diff is None or diff == 0:
        return None
    lines = list(
        session.exec(
            select(JournalLine, Account)
            .join(Account, col(Account.id) == col(JournalLine.account_id))
            .where(JournalLine.entry_id == entry_id)
        )
    )
    stock = next(((a.code, a.name) for _, a in lines if a.subtype == INVENTORY_SUBTYPE), None)
    other = next(((a.code, a.name) for _, a in lines if a.subtype != INVENTORY_SUBTYPE), None)
    entry = session.get(JournalEntry, entry_id)
    if entry is None:
        return None
    # A count whose shortages and overages net to nothing has no inventory line, yet
    # QuickBooks' costs may not net to nothing: true it up against the inventory account.
    # (Its value was read as a loss, as _plan_count sent it.)
    netted = stock is None and entry.kind == COUNT_KIND
    if netted:
        found = session.exec(
            select(Account)
            .where(Account.company_id == entry.company_id, Account.subtype == INVENTORY_SUBTYPE)
            .order_by(col(Account.code))
        ).first()
        stock = (found.code, found.name) if found is not None else None
    if stock is None or other is None:
        return None
    inventory_credited = netted or any(
        jl.credit > 0 for jl, a in lines if a.subtype == INVENTORY_SUBTYPE
    )
    # A loss QuickBooks valued lower than the ledger: less expense, more stock; higher: the
    # other way. A gain (overage) mirrors that.
    less_loss = (diff < 0) == inventory_credited
    debit, credit = (stock, other) if less_loss else (other, stock)
    return TrueUpLines(debit, credit, abs(diff), entry.number or "", push.qbo_id)


def true_up_of(session: Session, entry_ids: Sequence[int]) -> dict[int, TrueUp]:
    """Entries trued up -> their true-up (by the entry trued up)."""
    rows = session.exec(select(TrueUp).where(col(TrueUp.of_entry_id).in_(list(entry_ids))))
    return {t.of_entry_id: t for t in rows}


def true_up_for(session: Session, entry_id: int) -> TrueUp | None:
    """The true-up row if this entry is one."""
    return session.exec(select(TrueUp).where(TrueUp.entry_id == entry_id)).first()


def card_text(push: InventoryPush, money: Callable[[Decimal], str], trued_up: bool = False) -> str:
    """The card's QuickBooks line for an entry sent as an InventoryAdjustment."""
    words = f"synced, InventoryAdjustment {push.qbo_id}"
    diff = push.difference
    if push.qbo_amount is None:
        return words + " (QuickBooks' value not read yet)"
    if diff == 0:
        return words + f", valued {money(push.qbo_amount)} as in the ledger"
    assert diff is not None
    side = "above" if diff > 0 else "below"
    # A count QuickBooks' own costs net the other way (a loss where the ledger has a gain).
    valued = (
        money(push.qbo_amount)
        if push.qbo_amount >= 0
        else f"{money(-push.qbo_amount)} the other way"
    )
    return (
        words + f"; QuickBooks valued it at {valued}, {money(abs(diff))} "
        f"{side} the ledger's {money(push.books_amount)} (its own item cost): "
        + (
            "a true-up was drafted"
            if trued_up
            else f"a true-up entry of {money(abs(diff))} is offered, not posted"
        )
    )

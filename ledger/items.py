"""The item list: SKUs and their unit costs, used when a report gives no price."""

from __future__ import annotations

import csv
import io
import re

from sqlmodel import Session, select

from ledger.drafting.types import ItemInfo
from ledger.models import Item
from ledger.money import MoneyError, parse_amount

_SKU_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _#./-]{0,63}$")


class ItemError(ValueError):
    pass


def normalise_sku(raw: str) -> str:
    """'sku 12' / 'SKU12' / 'sku_b200' -> 'SKU-12' / 'SKU-B200'; other codes upper-cased."""
    s = raw.strip().upper().replace("_", "-").replace(" ", "-")
    s = re.sub(r"-{2,}", "-", s)
    m = re.match(r"^SKU-?#?-?(.+)$", s)
    if m:
        return "SKU-" + m.group(1)
    return s


def parse_items_csv(text: str) -> list[ItemInfo]:
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in (reader.fieldnames or [])}
    if not {"sku", "unit_cost"} <= fields:
        raise ItemError("the CSV needs the columns sku,name,unit_cost")
    items: list[ItemInfo] = []
    errors: list[str] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        sku_raw = row.get("sku", "")
        if not _SKU_SHAPE.match(sku_raw):
            errors.append(f"line {lineno}: '{sku_raw}' is not a SKU")
            continue
        sku = normalise_sku(sku_raw)
        try:
            cost = parse_amount(row.get("unit_cost", ""))
        except MoneyError as exc:
            errors.append(f"line {lineno}: unit cost {exc}")
            continue
        if sku in seen:
            errors.append(f"line {lineno}: {sku} appears twice")
            continue
        seen.add(sku)
        items.append(ItemInfo(sku, row.get("name") or sku, cost))
    if errors:
        raise ItemError("; ".join(errors[:20]) + (" ..." if len(errors) > 20 else ""))
    return items


def import_items(session: Session, company_id: int, items: list[ItemInfo]) -> tuple[int, int]:
    existing = {i.sku: i for i in session.exec(select(Item).where(Item.company_id == company_id))}
    added = updated = 0
    for info in items:
        row = existing.get(info.sku)
        if row is None:
            session.add(
                Item(company_id=company_id, sku=info.sku, name=info.name, unit_cost=info.unit_cost)
            )
            added += 1
        elif (row.name, row.unit_cost) != (info.name, info.unit_cost):
            row.name, row.unit_cost = info.name, info.unit_cost
            session.add(row)
            updated += 1
    return added, updated


def item_info(session: Session, company_id: int) -> dict[str, ItemInfo]:
    rows = session.exec(select(Item).where(Item.company_id == company_id))
    return {i.sku: ItemInfo(i.sku, i.name, i.unit_cost) for i in rows}

"""The chart of accounts: the default chart and loading a company's own from CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlmodel import Session, select

from ledger.drafting.types import AccountInfo
from ledger.models import Account

# QuickBooks AccountType / AccountSubType vocabulary.
ACCOUNT_TYPES = frozenset(
    {
        "Bank",
        "Other Current Asset",
        "Fixed Asset",
        "Other Asset",
        "Accounts Receivable",
        "Equity",
        "Expense",
        "Other Expense",
        "Cost of Goods Sold",
        "Accounts Payable",
        "Credit Card",
        "Long Term Liability",
        "Other Current Liability",
        "Income",
        "Other Income",
    }
)


@dataclass(frozen=True)
class ChartRow:
    code: str
    name: str
    type: str
    subtype: str | None = None
    is_contra: bool = False


# Codes are part of the contract: the policy and the Slack card refer to them.
DEFAULT_CHART: tuple[ChartRow, ...] = (
    ChartRow("1000", "Cash", "Bank", "CashOnHand"),
    ChartRow("1200", "Inventory", "Other Current Asset", "Inventory"),
    ChartRow("1290", "Inventory Reserve", "Other Current Asset", "AllowanceForBadDebts", True),
    ChartRow("5000", "Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs"),
    ChartRow("5100", "Inventory Shrinkage", "Cost of Goods Sold", "OtherCostsOfServiceCos"),
    ChartRow("5200", "Inventory Write-Off Expense", "Other Expense", "OtherMiscellaneousExpense"),
    ChartRow("5300", "Loss on Inventory Write-Down", "Other Expense", "OtherMiscellaneousExpense"),
    ChartRow(
        "5400", "Inventory Obsolescence Expense", "Other Expense", "OtherMiscellaneousExpense"
    ),
)


class ChartError(ValueError):
    pass


def parse_chart_csv(text: str) -> list[ChartRow]:
    """Columns code,name,type[,subtype]; every problem reported with its line number."""
    reader = csv.DictReader(io.StringIO(text))
    fields = {f.strip().lower() for f in (reader.fieldnames or [])}
    if not {"code", "name", "type"} <= fields:
        raise ChartError("the CSV needs the columns code,name,type (and optionally subtype)")
    rows: list[ChartRow] = []
    errors: list[str] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        code, name, typ = row.get("code", ""), row.get("name", ""), row.get("type", "")
        if not code and not name:
            continue
        if not code or not name:
            errors.append(f"line {lineno}: code and name are required")
            continue
        if typ not in ACCOUNT_TYPES:
            errors.append(f"line {lineno}: unknown account type '{typ}' for {code}")
            continue
        if code in seen:
            errors.append(f"line {lineno}: account {code} appears twice")
            continue
        seen.add(code)
        rows.append(ChartRow(code, name, typ, row.get("subtype") or None))
    if errors:
        raise ChartError("; ".join(errors))
    return rows


def import_chart(session: Session, company_id: int, rows: list[ChartRow]) -> tuple[int, int]:
    """Insert new accounts and update names/types of existing ones. Returns (added, updated).

    Balances are never touched; an account is never deleted (lines may refer to it).
    """
    existing = {
        a.code: a for a in session.exec(select(Account).where(Account.company_id == company_id))
    }
    added = updated = 0
    session.info.pop(f"tx:accounts:{company_id}", None)  # the posting cache must see the change
    for row in rows:
        acct = existing.get(row.code)
        if acct is None:
            session.add(
                Account(
                    company_id=company_id,
                    code=row.code,
                    name=row.name,
                    type=row.type,
                    subtype=row.subtype,
                    is_contra=row.is_contra,
                )
            )
            added += 1
        elif (acct.name, acct.type, acct.subtype) != (row.name, row.type, row.subtype):
            acct.name, acct.type, acct.subtype = row.name, row.type, row.subtype
            session.add(acct)
            updated += 1
    return added, updated


def chart_info(session: Session, company_id: int) -> dict[str, AccountInfo]:
    accounts = session.exec(select(Account).where(Account.company_id == company_id)).all()
    return {a.code: AccountInfo(a.code, a.name, a.type, a.active) for a in accounts}


def default_chart_info() -> dict[str, AccountInfo]:
    return {r.code: AccountInfo(r.code, r.name, r.type, True) for r in DEFAULT_CHART}

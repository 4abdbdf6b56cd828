"""Balances and reports, read straight from the books.

Account balances are running totals kept by the posting transaction, so a trial balance
reads one row per account whatever the history's length.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from sqlalchemy import or_
from sqlmodel import Session, col, select

from ledger.models import Account, EntryStatus, Evidence, EvidenceLink, JournalEntry, JournalLine
from ledger.periods import Period, as_period
from ledger.policy import Category
from ledger.posting import COUNT_KIND

POSTED = (EntryStatus.POSTED, EntryStatus.REVERSED)
# Accounts that increase with a credit: a positive balance is shown in the credit column
# unless the account really has a debit balance.
DEBIT_NORMAL_TYPES = frozenset(
    {
        "Bank",
        "Other Current Asset",
        "Fixed Asset",
        "Other Asset",
        "Accounts Receivable",
        "Expense",
        "Other Expense",
        "Cost of Goods Sold",
    }
)


@dataclass(frozen=True)
class TrialBalanceRow:
    code: str
    name: str
    type: str
    debit: Decimal
    credit: Decimal


@dataclass(frozen=True)
class TrialBalance:
    rows: tuple[TrialBalanceRow, ...]
    total_debit: Decimal
    total_credit: Decimal

    @property
    def balanced(self) -> bool:
        return self.total_debit == self.total_credit


def account_balance(session: Session, company_id: int, code: str) -> Decimal:
    """Debits minus credits: one indexed row read."""
    acct = session.exec(
        select(Account).where(col(Account.company_id) == company_id, col(Account.code) == code)
    ).one()
    return acct.balance


def trial_balance(session: Session, company_id: int) -> TrialBalance:
    accounts = session.exec(
        select(Account).where(col(Account.company_id) == company_id).order_by(col(Account.code))
    ).all()
    rows = []
    for a in accounts:
        bal = a.balance
        rows.append(
            TrialBalanceRow(
                a.code,
                a.name,
                a.type,
                bal if bal > 0 else Decimal("0.00"),
                -bal if bal < 0 else Decimal("0.00"),
            )
        )
    return TrialBalance(
        tuple(rows),
        sum((r.debit for r in rows), Decimal("0.00")),
        sum((r.credit for r in rows), Decimal("0.00")),
    )


def ledger_sums_by_account(session: Session, company_id: int) -> dict[str, Decimal]:
    """Balances recomputed from every posted line: the slow, independent check of the
    running balances (used by tests and `writeoff audit verify`)."""
    sums: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    rows = session.exec(
        select(col(Account.code), col(JournalLine.debit), col(JournalLine.credit))
        .join(JournalLine, col(JournalLine.account_id) == col(Account.id))
        .join(JournalEntry, col(JournalEntry.id) == col(JournalLine.entry_id))
        .where(col(JournalEntry.company_id) == company_id, col(JournalEntry.status).in_(POSTED))
    )
    for code, debit, credit in rows:
        sums[code] += debit - credit
    return dict(sums)


@dataclass
class WriteOffReport:
    month: str | None
    currency: str
    total: Decimal = Decimal("0.00")
    count: int = 0
    by_reason: dict[str, Decimal] = field(default_factory=dict)
    by_sku: dict[str, Decimal] = field(default_factory=dict)
    by_location: dict[str, Decimal] = field(default_factory=dict)
    by_month: dict[str, Decimal] = field(default_factory=dict)
    by_account: dict[str, Decimal] = field(default_factory=dict)
    # Reserve increases (Dr 5400 Cr 1290) provide for losses to come: no goods left, so they
    # are reported apart and counted in none of the write-off figures above.
    provisions: Decimal = Decimal("0.00")
    provision_count: int = 0

    def to_json(self) -> dict[str, object]:
        def money_map(m: dict[str, Decimal]) -> dict[str, str]:
            return {k: str(v) for k, v in sorted(m.items(), key=lambda kv: (-kv[1], kv[0]))}

        return {
            "month": self.month,
            "currency": self.currency,
            "total": str(self.total),
            "count": self.count,
            "by_reason": money_map(self.by_reason),
            "by_sku": money_map(self.by_sku),
            "by_location": money_map(self.by_location),
            "by_month": {k: str(v) for k, v in sorted(self.by_month.items())},
            "by_account": money_map(self.by_account),
            "provisions": str(self.provisions),
            "provision_count": self.provision_count,
        }


def writeoff_report(
    session: Session,
    company_id: int,
    month: Period | str | None = None,
    currency: str = "USD",
) -> WriteOffReport:
    """Posted write-offs grouped by reason, SKU, location, month and expense account.

    A reversal counts negatively in its own month, so a reversed write-off nets to zero.
    Reserve increases are provisions, totalled apart (`provisions`) and in no other figure.
    A month given as text must be YYYY-MM (ValueError otherwise).
    """
    period = as_period(month) if month else None
    stmt = (
        select(JournalEntry, JournalLine, Account)
        .join(JournalLine, col(JournalLine.entry_id) == col(JournalEntry.id))
        .join(Account, col(Account.id) == col(JournalLine.account_id))
        .where(col(JournalEntry.company_id) == company_id, col(JournalEntry.status).in_(POSTED))
        .order_by(col(JournalEntry.id), col(JournalLine.line_no))
    )
    if period:
        stmt = stmt.where(
            col(JournalEntry.entry_date) >= period.start, col(JournalEntry.entry_date) < period.end
        )
    grouped: dict[int, tuple[JournalEntry, list[tuple[JournalLine, Account]]]] = {}
    for entry, line, acct in session.exec(stmt):
        grouped.setdefault(entry.id or 0, (entry, []))[1].append((line, acct))
    report = WriteOffReport(month=str(period) if period else None, currency=currency)
    sums: dict[str, dict[str, Decimal]] = {
        k: defaultdict(Decimal) for k in ("reason", "sku", "location", "month", "account")
    }
    for entry, lines in grouped.values():
        if entry.category == Category.RESERVE_PROVISION:
            report.provisions += -entry.total if entry.reverses_id else entry.total
            report.provision_count += 1
            continue
        for label_line, acct, amount in _attributed(entry, lines):
            month_key = str(Period.of(entry.entry_date))
            for key, label in (
                ("reason", _reason_label(entry, amount)),
                ("sku", label_line.sku or "(no SKU)"),
                ("location", label_line.location or "(no location)"),
                ("month", month_key),
                ("account", f"{acct.code} {acct.name}"),
            ):
                sums[key][label] += amount
            report.total += amount
        report.count += 1
    report.by_reason = dict(sums["reason"])
    report.by_sku = dict(sums["sku"])
    report.by_location = dict(sums["location"])
    report.by_month = dict(sums["month"])
    report.by_account = dict(sums["account"])
    return report


def _attributed(
    entry: JournalEntry, lines: list[tuple[JournalLine, Account]]
) -> list[tuple[JournalLine, Account, Decimal]]:
    """Where an entry's loss went, as (line, account, signed amount) parts.

    A count booked as one entry has a line per SKU on the shrinkage account: each is its own
    part (a shortage adds, an overage takes away), so SKUs and locations stay visible. Any
    other entry is one part: its total on its expense side, negative for a reversal or an
    overage."""
    if entry.kind == COUNT_KIND:
        return [
            (line, acct, line.debit - line.credit)
            for line, acct in lines
            if not _is_inventory(acct)
        ]
    negative = bool(entry.reverses_id) != (entry.category == Category.OVERAGE)
    amount = -entry.total if negative else entry.total
    line, acct = _expense_side(lines, debit_side=not negative)
    return [(line, acct, amount)]


def _reason_label(entry: JournalEntry, amount: Decimal) -> str:
    if entry.kind == COUNT_KIND:
        # Reversal lines are swapped, so the sign of the part says which way the count went.
        shortage = (amount > 0) != bool(entry.reverses_id)
        return "count shortage" if shortage else "count overage"
    return entry.reason or entry.category or "unspecified"


def _expense_side(
    lines: list[tuple[JournalLine, Account]], *, debit_side: bool
) -> tuple[JournalLine, Account]:
    """The line that says where the loss went (COGS, write-off expense, reserve...)."""
    for line, acct in lines:
        on_side = line.debit > 0 if debit_side else line.credit > 0
        if on_side and not _is_inventory(acct):
            return line, acct
    return lines[0]


def _is_inventory(acct: Account) -> bool:
    return acct.subtype == "Inventory"


def usual_writeoff(session: Session, company_id: int, sample: int = 200) -> Decimal | None:
    """Median of the most recent posted write-offs; None until there are enough to say.

    Only reports people made count: a physical count (one entry, or per-variance drafts
    linked to a count sheet), an overage and a reserve increase are not write-offs of the
    usual kind, and after one count a median of $14 would flag every ordinary report."""
    counted = (
        select(col(EvidenceLink.entry_id))
        .join(Evidence, col(Evidence.id) == col(EvidenceLink.evidence_id))
        .where(col(Evidence.kind) == "count_sheet")
    )
    totals = session.exec(
        select(col(JournalEntry.total))
        .where(
            col(JournalEntry.company_id) == company_id,
            col(JournalEntry.status).in_(POSTED),
            col(JournalEntry.reverses_id).is_(None),
            col(JournalEntry.kind) != COUNT_KIND,
            or_(
                col(JournalEntry.category).is_(None),
                col(JournalEntry.category).not_in(
                    [Category.OVERAGE.value, Category.RESERVE_PROVISION.value]
                ),
            ),
            col(JournalEntry.id).not_in(counted),
        )
        .order_by(col(JournalEntry.id).desc())
        .limit(sample)
    ).all()
    if len(totals) < 10:
        return None
    return Decimal(median(totals))

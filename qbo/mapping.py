"""Ledger accounts -> QuickBooks accounts.

Applied automatically, in this order: by account number (when the company has them), by exact
name, and by type only where the type names the account's purpose and exactly one QuickBooks
account has it (the inventory asset: the one account of subtype Inventory; cost of goods
sold: the one account of type Cost of Goods Sold). Never by type alone to an account of a
different purpose: the only "Other Expense" account of a new company is "Reconciliation
Discrepancies", which is no place for a write-off.

Close names are only PROPOSED (a person confirms them in the mapping dialog or with
`writeoff qbo map`). Whatever stays unmapped is listed; nothing is pushed to a guessed
account."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from ledger.models import Account, utcnow
from qbo.journal import MappedAccount
from qbo.models import AccountMapping


@dataclass(frozen=True)
class Match:
    code: str
    qbo_id: str
    qbo_name: str
    active: bool
    method: str  # number, name or type


@dataclass(frozen=True)
class Proposal:
    """A close name, offered to a person and never applied by itself."""

    code: str
    qbo_id: str
    qbo_name: str
    score: float  # 0..1, how alike the names are


@dataclass(frozen=True)
class TypeRule:
    """The QuickBooks account that serves a purpose, known by its type: AccountType, and
    AccountSubType when the type alone is too broad."""

    account_type: str
    sub_type: str | None = None

    def fits(self, acct: Mapping[str, Any]) -> bool:
        if self.sub_type is not None:
            return acct.get("AccountSubType") == self.sub_type
        return acct.get("AccountType") == self.account_type


# The purposes a type identifies. Anything else (an expense, a reserve) is never matched by
# type: a company's only account of that type may well be for something else.
INVENTORY_RULE = TypeRule("Other Current Asset", "Inventory")
COGS_RULE = TypeRule("Cost of Goods Sold")

ASSET_TYPES = frozenset(
    {"Bank", "Other Current Asset", "Fixed Asset", "Other Asset", "Accounts Receivable"}
)
EXPENSE_TYPES = frozenset({"Expense", "Other Expense", "Cost of Goods Sold"})
PROPOSE_FROM = 0.7  # names at least this alike are proposed


@dataclass(frozen=True)
class MappingResult:
    matches: tuple[Match, ...]
    unmapped: tuple[str, ...]  # ledger codes with no QuickBooks account
    proposals: tuple[Proposal, ...] = ()  # for some of the unmapped: a close name


def _family(account_type: str | None) -> str:
    if account_type in ASSET_TYPES:
        return "asset"
    if account_type in EXPENSE_TYPES:
        return "expense"
    return account_type or ""


_WORDS = re.compile(r"[a-z0-9]+")
# Words nearly every name here has: alike on these alone says nothing ("Inventory Write-Off
# Expense" is not "Uncategorized Expense").
GENERIC = frozenset(
    {"inventory", "expense", "expenses", "account", "cost", "costs", "other", "misc"}
    | {"miscellaneous", "and", "of", "on", "the", "for"}
)


def _key(name: str) -> str:
    words = _WORDS.findall(name.casefold())
    telling = [w for w in words if w not in GENERIC]
    return " ".join(telling or words)


def name_likeness(a: str, b: str) -> float:
    """How alike two account names are, 0..1: the telling words' letters compared in order,
    and words shared (so "Shrinkage" is close to "Inventory Shrinkage", "Write off" to
    "Write-Off")."""
    x, y = _key(a), _key(b)
    if not x or not y:
        return 0.0
    letters = difflib.SequenceMatcher(None, x, y).ratio()
    wx, wy = set(x.split()), set(y.split())
    words = len(wx & wy) / min(len(wx), len(wy))
    return max(letters, words * 0.9)


def match_accounts(
    ledger_accounts: Sequence[tuple[str, str] | tuple[str, str, str | None]],
    qbo_accounts: Sequence[Mapping[str, Any]],
    by_type: Mapping[str, TypeRule] | None = None,
    taken: frozenset[str] = frozenset(),
) -> MappingResult:
    """Pure. ledger_accounts: (code, name) or (code, name, AccountType). qbo_accounts:
    QuickBooks Account entities. by_type: ledger code -> the rule naming its purpose.
    taken: QuickBooks Ids already mapped (by hand), never proposed for another account."""
    by_number: dict[str, Mapping[str, Any]] = {}
    by_name: dict[str, list[Mapping[str, Any]]] = {}
    for acct in qbo_accounts:
        number = str(acct.get("AcctNum") or "").strip()
        if number:
            by_number.setdefault(number, acct)
        name = str(acct.get("Name") or "").strip().casefold()
        if name:
            by_name.setdefault(name, []).append(acct)
    matches: list[Match] = []
    unmapped: list[str] = []
    types: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for row in ledger_accounts:
        code, name = row[0], row[1]
        types[code] = row[2] if len(row) > 2 else None
        names[code] = name
        hit = by_number.get(code)
        method = "number"
        if hit is None:
            candidates = by_name.get(name.strip().casefold(), [])
            # Two QuickBooks accounts of the same name (sub-accounts): too ambiguous to guess.
            hit = candidates[0] if len(candidates) == 1 else None
            method = "name"
        if hit is None:
            unmapped.append(code)
            continue
        matches.append(_match(code, hit, method))
    used = set(taken) | {m.qbo_id for m in matches}
    for code in list(unmapped):
        rule = (by_type or {}).get(code)
        if rule is None:
            continue
        fitting = [a for a in qbo_accounts if a.get("Active", True) and rule.fits(a)]
        # Exactly one, and not already another account's: otherwise a person decides.
        if len(fitting) == 1 and str(fitting[0]["Id"]) not in used:
            matches.append(_match(code, fitting[0], "type"))
            used.add(str(fitting[0]["Id"]))
            unmapped.remove(code)
    proposals = []
    for code in unmapped:
        best = _closest(names[code], types[code], qbo_accounts, used)
        if best is not None:
            proposals.append(Proposal(code, str(best[1]["Id"]), str(best[1].get("Name")), best[0]))
    return MappingResult(tuple(matches), tuple(unmapped), tuple(proposals))


def _match(code: str, hit: Mapping[str, Any], method: str) -> Match:
    return Match(
        code, str(hit["Id"]), str(hit.get("Name") or ""), bool(hit.get("Active", True)), method
    )


def _closest(
    name: str,
    account_type: str | None,
    qbo_accounts: Sequence[Mapping[str, Any]],
    used: set[str],
) -> tuple[float, Mapping[str, Any]] | None:
    """The most alike active account of the same family (asset, expense, ...), not already
    mapped and not an Inventory asset (which only the inventory account may take)."""
    best: tuple[float, Mapping[str, Any]] | None = None
    for acct in qbo_accounts:
        if not acct.get("Active", True) or str(acct.get("Id")) in used:
            continue
        if account_type and _family(str(acct.get("AccountType"))) != _family(account_type):
            continue
        if acct.get("AccountSubType") == "Inventory":
            continue
        score = name_likeness(name, str(acct.get("Name") or ""))
        if score >= PROPOSE_FROM and (best is None or score > best[0]):
            best = (score, acct)
    return best


BY_A_PERSON = frozenset({"manual", "created"})  # never replaced by an automatic match


def save_matches(session: Session, company_id: int, result: MappingResult) -> None:
    """Store automatic matches; a mapping set by hand is kept."""
    existing = {
        m.account_code: m
        for m in session.exec(select(AccountMapping).where(AccountMapping.company_id == company_id))
    }
    for m in result.matches:
        row = existing.get(m.code)
        if row is not None and row.method in BY_A_PERSON:
            continue
        if row is None:
            row = AccountMapping(
                company_id=company_id, account_code=m.code, qbo_id=m.qbo_id, method=m.method
            )
        row.qbo_id, row.qbo_name, row.qbo_active, row.method = (
            m.qbo_id,
            m.qbo_name,
            m.active,
            m.method,
        )
        row.updated_at = utcnow()
        session.add(row)


def set_manual(
    session: Session, company_id: int, code: str, qbo_account: Mapping[str, Any]
) -> AccountMapping:
    if (
        session.exec(
            select(Account).where(Account.company_id == company_id, Account.code == code)
        ).first()
        is None
    ):
        raise ValueError(f"account {code} is not in the ledger's chart")
    row = session.exec(
        select(AccountMapping).where(
            AccountMapping.company_id == company_id, AccountMapping.account_code == code
        )
    ).first() or AccountMapping(
        company_id=company_id, account_code=code, qbo_id="", method="manual"
    )
    row.qbo_id = str(qbo_account["Id"])
    row.qbo_name = str(qbo_account.get("Name") or "")
    row.qbo_active = bool(qbo_account.get("Active", True))
    row.method = "manual"
    row.updated_at = utcnow()
    session.add(row)
    return row


def load_mapping(session: Session, company_id: int) -> dict[str, MappedAccount]:
    rows = session.exec(select(AccountMapping).where(AccountMapping.company_id == company_id))
    return {r.account_code: MappedAccount(r.qbo_id, r.qbo_name, r.qbo_active) for r in rows}


def mapping_table(session: Session, company_id: int) -> list[dict[str, Any]]:
    """Every ledger account with its mapping (or none): for `writeoff qbo accounts`."""
    mapped = {
        m.account_code: m
        for m in session.exec(select(AccountMapping).where(AccountMapping.company_id == company_id))
    }
    out = []
    for acct in session.exec(
        select(Account).where(Account.company_id == company_id).order_by(Account.code)
    ):
        m = mapped.get(acct.code)
        out.append(
            {
                "code": acct.code,
                "name": acct.name,
                "qbo_id": m.qbo_id if m else None,
                "qbo_name": m.qbo_name if m else None,
                "qbo_active": m.qbo_active if m else None,
                "method": m.method if m else None,
            }
        )
    return out

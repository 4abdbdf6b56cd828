"""Ledger accounts -> QuickBooks accounts: by account number, then by exact name, then by
hand. Whatever stays unmapped is listed; nothing is ever pushed to a guessed account."""

from __future__ import annotations

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
    method: str  # number or name


@dataclass(frozen=True)
class MappingResult:
    matches: tuple[Match, ...]
    unmapped: tuple[str, ...]  # ledger codes with no QuickBooks account


def match_accounts(
    ledger_accounts: Sequence[tuple[str, str]], qbo_accounts: Sequence[Mapping[str, Any]]
) -> MappingResult:
    """Pure. ledger_accounts: (code, name). qbo_accounts: QuickBooks Account entities."""
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
    for code, name in ledger_accounts:
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
        matches.append(
            Match(
                code,
                str(hit["Id"]),
                str(hit.get("Name") or ""),
                bool(hit.get("Active", True)),
                method,
            )
        )
    return MappingResult(tuple(matches), tuple(unmapped))


def save_matches(session: Session, company_id: int, result: MappingResult) -> None:
    """Store automatic matches; a mapping set by hand is kept."""
    existing = {
        m.account_code: m
        for m in session.exec(select(AccountMapping).where(AccountMapping.company_id == company_id))
    }
    for m in result.matches:
        row = existing.get(m.code)
        if row is not None and row.method == "manual":
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

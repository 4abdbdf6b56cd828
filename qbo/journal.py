"""A ledger entry as a QuickBooks JournalEntry body. Pure."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ledger.money import quantize

# QuickBooks counts text lengths in UTF-16 code units (it is a Java service): an emoji or
# a rare CJK character is two. Python's len() counts code points, so it under-counts.
DOC_NUMBER_MAX = 21
NOTE_MAX = 4000
DESCRIPTION_MAX = 4000


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf16_clip(text: str, limit: int) -> str:
    """The longest start of `text` within `limit` UTF-16 units, never half a character."""
    if utf16_len(text) <= limit:
        return text
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return text[:i]
    return text


@dataclass(frozen=True)
class LedgerLine:
    account_code: str
    account_name: str
    debit: Decimal
    credit: Decimal
    description: str


@dataclass(frozen=True)
class LedgerEntry:
    number: str
    entry_date: date
    memo: str
    source_text: str
    reporter: str | None
    approver: str | None
    entry_id: int
    lines: tuple[LedgerLine, ...]


@dataclass(frozen=True)
class MappedAccount:
    qbo_id: str
    name: str
    active: bool


@dataclass(frozen=True)
class CurrencyTerms:
    """The ledger's currency against what the QuickBooks company keeps."""

    ledger: str
    home: str | None  # QuickBooks' home currency (None: not known)
    multicurrency: bool

    def problem(self) -> str | None:
        if self.home and self.home.upper() != self.ledger.upper():
            return (
                f"the ledger is kept in {self.ledger} but QuickBooks' home currency is "
                f"{self.home}: entries are not converted; set WRITEOFF_CURRENCY={self.home} "
                "or connect the company that keeps its books in "
                f"{self.ledger}"
            )
        return None


class HeldError(ValueError):
    """The entry cannot be pushed as it is; the message says what a person must do."""


def journal_entry_body(
    entry: LedgerEntry,
    mapping: Mapping[str, MappedAccount],
    currency: CurrencyTerms | None = None,
) -> dict[str, Any]:
    """Never guesses an account: an unmapped or inactive one holds the entry. With
    `currency` (the company's settings are known), a ledger currency QuickBooks does not
    keep its books in holds the entry, and a multicurrency company gets CurrencyRef."""
    if currency is not None and currency.problem():
        raise HeldError(currency.problem())
    if utf16_len(entry.number) > DOC_NUMBER_MAX:
        raise HeldError(f"entry number {entry.number} is longer than QuickBooks allows")
    problems = []
    for ln in entry.lines:
        acct = mapping.get(ln.account_code)
        if acct is None:
            problems.append(
                f"account {ln.account_code} {ln.account_name} is not mapped to QuickBooks: "
                "an approver picks or creates its QuickBooks account with Fix mapping "
                "(or `/writeoff map`)"
            )
        elif not acct.active:
            problems.append(
                f"account {ln.account_code} is mapped to QuickBooks account {acct.qbo_id} "
                f"({acct.name}), which is inactive: reactivate it in QuickBooks or map another"
            )
    if problems:
        raise HeldError("; ".join(problems))
    note = (
        f"writeoff-bot {entry.number} (ledger entry {entry.entry_id}). "
        f"Reported by {entry.reporter or 'unknown'}, approved by {entry.approver or 'unknown'}. "
        f"Source: {entry.source_text}"
    )
    lines = []
    for ln in entry.lines:
        amount = quantize(ln.debit if ln.debit > 0 else ln.credit)
        acct = mapping[ln.account_code]
        lines.append(
            {
                "Description": utf16_clip(ln.description or entry.memo, DESCRIPTION_MAX),
                "Amount": amount,
                "DetailType": "JournalEntryLineDetail",
                "JournalEntryLineDetail": {
                    "PostingType": "Debit" if ln.debit > 0 else "Credit",
                    "AccountRef": {"value": acct.qbo_id, "name": acct.name},
                },
            }
        )
    body: dict[str, Any] = {
        "TxnDate": entry.entry_date.isoformat(),
        "DocNumber": entry.number,
        "PrivateNote": utf16_clip(note, NOTE_MAX),
        "Line": lines,
    }
    if currency is not None and currency.multicurrency:
        # A multicurrency company needs to be told; the ledger is in its home currency.
        body["CurrencyRef"] = {"value": currency.ledger}
    return body


def dumps(body: Any) -> str:
    """JSON with Decimal amounts written as exact numbers (600.00), never through float.

    Decimals are first written as strings carrying a random marker, then unquoted; the
    marker is fresh per call so no text inside the body can imitate it.
    """
    marker = secrets.token_hex(8)

    def default(value: Any) -> str:
        if isinstance(value, Decimal) and value.is_finite():
            return f"{marker}{value:f}"
        raise TypeError(f"cannot encode {type(value).__name__}")

    pattern = re.compile(rf'"{marker}(-?\d+(?:\.\d+)?)"')
    return pattern.sub(r"\1", json.dumps(body, default=default))


def total_debits(body: Mapping[str, Any]) -> Decimal:
    lines: Sequence[Mapping[str, Any]] = body.get("Line", [])
    return sum(
        (
            Decimal(str(ln["Amount"]))
            for ln in lines
            if ln["JournalEntryLineDetail"]["PostingType"] == "Debit"
        ),
        Decimal(0),
    )

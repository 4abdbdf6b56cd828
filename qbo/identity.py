"""Who we are towards QuickBooks: the install id, our DocNumbers and request ids, and the
test a DocNumber look-up hit must pass before it is adopted as ours.

QuickBooks accepts duplicate DocNumbers and people type their own, so a hit carrying our
number proves nothing: it is ours only when its PrivateNote carries our marker (entry number
and install id) and its date and total are the ones we sent. The install id also keeps two
databases on one QuickBooks company apart (QuickBooks replays answers by requestid alone).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from ledger.models import utcnow
from qbo.journal import DOC_NUMBER_MAX, marker, total_debits
from qbo.models import QboInstall

# Unlikely to meet a number someone types by hand ("JE-000001", "1001"), short enough to
# leave room for the entry number and a clash suffix within QuickBooks' 21 characters.
DEFAULT_DOC_PREFIX = "WOB-"
DOC_PREFIX_MAX = 8
DOC_PREFIX_CHARS = re.compile(r"^[A-Za-z0-9._/-]*$")
REQUEST_ID_NAMESPACE = uuid.UUID("0b5f2d43-61c4-4e0a-9a39-5a3f6f1d7c20")
# Intuit's 6140 detail names the entry already using the number: "... TxnId=123".
_TXN_ID = re.compile(r"TxnId\s*=\s*(\w+)", re.IGNORECASE)


def install_id(engine: Engine, company_id: int) -> str:
    """This database's install id for the company, made on first use (race-safe)."""
    table = QboInstall.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        found = conn.execute(sa.select(table.c.install_id).where(table.c.company_id == company_id))
        value = found.scalar_one_or_none()
        if value:
            return str(value)
    try:
        with engine.begin() as conn:
            new = uuid.uuid4().hex[:12]
            conn.execute(
                sa.insert(table).values(company_id=company_id, install_id=new, created_at=utcnow())
            )
            return new
    except IntegrityError:  # another process made it first: theirs counts
        with engine.begin() as conn:
            found = conn.execute(
                sa.select(table.c.install_id).where(table.c.company_id == company_id)
            )
            return str(found.scalar_one())


def check_prefix(prefix: str) -> str:
    if len(prefix) > DOC_PREFIX_MAX or not DOC_PREFIX_CHARS.match(prefix):
        raise ValueError(
            f"the QuickBooks DocNumber prefix is at most {DOC_PREFIX_MAX} letters, digits or "
            f"'-._/': {prefix!r}"
        )
    return prefix


def doc_number(prefix: str, number: str, suffix: int = 0) -> str:
    """WOB-JE-000001, then WOB-JE-000001-2, -3 ... after clashes; never over 21 characters
    (the prefix gives way first, so the entry number always stays readable)."""
    tail = f"-{suffix + 1}" if suffix else ""
    room = DOC_NUMBER_MAX - len(number) - len(tail)
    return f"{prefix[: max(0, room)]}{number}{tail}"[-DOC_NUMBER_MAX:]


def request_id(install: str, realm_id: str, pushes: Sequence[tuple[str, int]]) -> str:
    """36 characters (QuickBooks' batch limit): the same for the same install, company,
    DocNumbers and generations, so a resend after an unknown outcome replays; anything
    else (another install, a bumped generation) is a new request."""
    key = ",".join(sorted(f"{doc}#{gen}" for doc, gen in pushes))
    return str(uuid.uuid5(REQUEST_ID_NAMESPACE, f"{install}:{realm_id}:{key}"))


def _amount(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None


def is_ours(hit: Mapping[str, Any], body: Mapping[str, Any], install: str, number: str) -> bool:
    """The hit carries our marker, our date and our total."""
    note = str(hit.get("PrivateNote") or "")
    return (
        marker(install, number) in note
        and str(hit.get("TxnDate") or "") == str(body.get("TxnDate"))
        and _amount(hit.get("TotalAmt")) == _amount(total_debits(body))
    )


def describe(hit: Mapping[str, Any]) -> str:
    """A QuickBooks entry in a few words, for a conflict alert."""
    words = f"JournalEntry {hit.get('Id')} ({hit.get('DocNumber') or 'no number'}"
    if hit.get("TxnDate"):
        words += f", dated {hit.get('TxnDate')}"
    total = _amount(hit.get("TotalAmt"))
    if total is not None and hit.get("TotalAmt") is not None:
        words += f", total {total:,.2f}"
    return words + ")"


def clashing_txn_id(detail: str | None) -> str | None:
    """The Id of the entry a 6140 fault says already uses the number, when it says."""
    m = _TXN_ID.search(detail or "")
    return m.group(1) if m else None

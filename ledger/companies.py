"""Companies: the default one and the lock that serialises a company's writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlmodel import Session, col, select

from ledger.models import Company

DEFAULT_SLUG = "default"


class CompanyError(LookupError):
    pass


def get_company(session: Session, slug: str = DEFAULT_SLUG) -> Company:
    company = session.exec(select(Company).where(col(Company.slug) == slug)).first()
    if company is None:
        raise CompanyError(f"no company '{slug}': run `writeoff db upgrade` first")
    return company


def lock_company(session: Session, company_id: int) -> Company:
    """Lock the company row for this transaction (numbering, balances, audit chain).

    PostgreSQL: SELECT ... FOR UPDATE. SQLite: the transaction already holds the write lock
    (BEGIN IMMEDIATE, see ledger.db), so the plain read is enough.
    """
    key = f"tx:locked:{company_id}"
    if key in session.info:  # already locked in this transaction (save + post in one go)
        locked: Company = session.info[key]
        return locked
    stmt = select(Company).where(col(Company.id) == company_id).with_for_update()
    company = session.exec(stmt.execution_options(populate_existing=True)).one()
    session.info[key] = company
    return company


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_transaction_caches(session: Any) -> None:
    # The lock (and what was read under it) ends with the transaction.
    for key in [k for k in session.info if k.startswith("tx:")]:
        del session.info[key]

"""Build a company's DraftContext (chart, items, policy, usual amount) from the database."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ledger.chart import chart_info
from ledger.drafting.types import DraftContext
from ledger.items import item_info
from ledger.policy import Policy
from ledger.reports import usual_writeoff


def load_context(
    session: Session, company_id: int, policy: Policy, today: date | None = None
) -> DraftContext:
    return DraftContext(
        chart=chart_info(session, company_id),
        items=item_info(session, company_id),
        policy=policy,
        usual_amount=usual_writeoff(session, company_id),
        today=today,
    )

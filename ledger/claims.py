"""Claim-once for inbound work: retried chat events, duplicate deliveries, scheduled runs."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from ledger.models import RequestClaim, utcnow

DEFAULT_LEASE = timedelta(seconds=90)


def claim(engine: Engine, key: str, lease: timedelta = DEFAULT_LEASE) -> bool:
    """True when the caller should do the work now.

    False when it is done already or another worker holds a live lease on it. A lease
    left by a crashed worker expires, and the next delivery takes the work over.
    """
    with Session(engine) as s:
        try:
            s.add(RequestClaim(key=key[:200]))
            s.commit()
            return True
        except IntegrityError:
            s.rollback()
        now = utcnow()
        # Take over an abandoned claim atomically: only one updater can match the old time.
        # Through the session's connection: a Core result, which knows its rowcount.
        result = s.connection().execute(
            sa.update(RequestClaim)
            .where(
                col(RequestClaim.key) == key[:200],
                col(RequestClaim.done_at).is_(None),
                col(RequestClaim.claimed_at) < now - lease,
            )
            .values(claimed_at=now, attempts=col(RequestClaim.attempts) + 1)
        )
        s.commit()
        return result.rowcount == 1


def finish(engine: Engine, key: str) -> None:
    with Session(engine) as s:
        s.execute(
            sa.update(RequestClaim)
            .where(col(RequestClaim.key) == key[:200])
            .values(done_at=utcnow())
        )
        s.commit()


def release(engine: Engine, key: str) -> None:
    """Give the work back at once (it failed in a way a retry may fix)."""
    with Session(engine) as s:
        s.execute(
            sa.delete(RequestClaim).where(
                col(RequestClaim.key) == key[:200], col(RequestClaim.done_at).is_(None)
            )
        )
        s.commit()

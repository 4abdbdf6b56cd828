"""Intuit webhooks: verify, read and queue what QuickBooks says changed.

Intuit signs each delivery: header `intuit-signature` = base64(HMAC-SHA256(verifier token,
raw body)). Two payload shapes arrive: the older `{"eventNotifications": [{"realmId": …,
"dataChangeEvent": {"entities": [{"name", "id", "operation", "lastUpdated"}]}}]}` and
CloudEvents (a JSON array, or one object, with `type` "qbo.journalentry.updated.v1",
`intuitaccountid` = realm, `intuitentityid` = entity id, `time`). The endpoint answers at
once; the changes are queued (`qbo_change`, where a redelivery adds nothing) and the drift
pass works them (qbo/drift.py). Pure parsing here, plus the one insert.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine

from ledger.models import utcnow
from qbo.models import QboChange

SIGNATURE_HEADER = "intuit-signature"
OPERATIONS = {
    "create": "Create",
    "created": "Create",
    "update": "Update",
    "updated": "Update",
    "delete": "Delete",
    "deleted": "Delete",
    "merge": "Merge",
    "merged": "Merge",
    "void": "Void",
    "voided": "Void",
    "emailed": "Emailed",
}
# CloudEvents entity names are lower case; ours are QuickBooks' entity names.
ENTITIES = {"journalentry": "JournalEntry", "inventoryadjustment": "InventoryAdjustment"}


class BadPayload(ValueError):
    """Signed, but not a shape we can read."""


@dataclass(frozen=True)
class Change:
    realm_id: str
    entity: str
    entity_id: str
    operation: str
    changed_at: str


def verify(raw: bytes, signature: str | None, verifier: str) -> bool:
    """The signature Intuit computed with our verifier token, compared in constant time."""
    if not signature or not verifier:
        return False
    expected = base64.b64encode(hmac.new(verifier.encode(), raw, hashlib.sha256).digest())
    return hmac.compare_digest(expected, signature.strip().encode())


def parse(raw: bytes) -> list[Change]:
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadPayload("not JSON") from exc
    if isinstance(payload, dict) and "eventNotifications" in payload:
        return list(_legacy(payload["eventNotifications"]))
    events = payload if isinstance(payload, list) else [payload]
    if not all(isinstance(e, dict) and "type" in e for e in events):
        raise BadPayload("neither eventNotifications nor CloudEvents")
    return [c for c in (_cloud_event(e) for e in events) if c is not None]


def _legacy(notifications: Any) -> Iterable[Change]:
    if not isinstance(notifications, list):
        raise BadPayload("eventNotifications is not a list")
    for note in notifications:
        realm = str(note.get("realmId") or "")
        entities = (note.get("dataChangeEvent") or {}).get("entities") or []
        for e in entities:
            op = OPERATIONS.get(str(e.get("operation") or "").lower())
            if realm and e.get("name") and e.get("id") and op:
                yield Change(realm, str(e["name"]), str(e["id"]), op, str(e.get("lastUpdated")))


def _cloud_event(event: dict[str, Any]) -> Change | None:
    # "qbo.journalentry.updated.v1" -> entity journalentry, operation updated
    parts = str(event.get("type") or "").split(".")
    if len(parts) < 3 or parts[0] != "qbo":
        return None
    entity = ENTITIES.get(parts[1].lower(), parts[1])
    op = OPERATIONS.get(parts[2].lower())
    realm = str(event.get("intuitaccountid") or "")
    ident = str(event.get("intuitentityid") or "")
    if not (op and realm and ident):
        return None
    return Change(realm, entity, ident, op, str(event.get("time") or event.get("id") or ""))


def queue(engine: Engine, changes: Iterable[Change], source: str) -> int:
    """Store the changes; returns how many were new (a redelivery adds nothing)."""
    table = QboChange.__table__  # type: ignore[attr-defined]
    added = 0
    with engine.begin() as conn:
        make = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        for c in changes:
            stmt = (
                make(table)
                .values(
                    realm_id=c.realm_id[:40],
                    entity=c.entity[:40],
                    entity_id=c.entity_id[:40],
                    operation=c.operation[:16],
                    changed_at=c.changed_at[:40],
                    source=source,
                    received_at=utcnow(),
                )
                .on_conflict_do_nothing()
            )
            added += conn.execute(stmt).rowcount or 0
    return added


def pending(engine: Engine, realm_id: str) -> list[tuple[int, Change]]:
    table = QboChange.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(table)
            .where(table.c.realm_id == realm_id, table.c.processed_at.is_(None))
            .order_by(table.c.id)
        ).all()
    return [
        (r.id, Change(r.realm_id, r.entity, r.entity_id, r.operation, r.changed_at)) for r in rows
    ]


def mark_processed(engine: Engine, ids: Iterable[int]) -> None:
    table = QboChange.__table__  # type: ignore[attr-defined]
    ids = list(ids)
    if ids:
        with engine.begin() as conn:
            conn.execute(sa.update(table).where(table.c.id.in_(ids)).values(processed_at=utcnow()))

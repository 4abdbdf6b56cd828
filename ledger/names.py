"""People's display names on an entry, as they were when it was drafted and approved.

The books identify people by their chat ids (the audit trail keeps those); an accountant
reading QuickBooks or a spreadsheet wants names. The front end looks the names up and they
are kept with the draft (its `details`), so the export says who it was at the time even if
the person later changes their name or leaves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ledger.models import JournalEntry


def names_of(entry: JournalEntry) -> dict[str, str]:
    raw = json.loads(entry.details or "{}").get("names") or {}
    return {str(k): str(v) for k, v in raw.items()}


def shown(entry: JournalEntry, user: str | None) -> str | None:
    """The person's name as kept on the entry, else their id (None: nobody)."""
    if not user:
        return None
    return names_of(entry).get(user) or user


def remember_names(entry: JournalEntry, names: Mapping[str, str]) -> None:
    """Keep these names on a draft (a posted entry keeps the names it was posted with)."""
    if not names or entry.number:
        return
    details = json.loads(entry.details or "{}")
    kept = dict(details.get("names") or {})
    kept.update({k: v[:120] for k, v in names.items() if v})
    details["names"] = kept
    entry.details = json.dumps(details)

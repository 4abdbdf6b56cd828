"""The offline reader (placeholder until the parser lands)."""

from __future__ import annotations

from ledger.drafting.types import DraftError, Facts
from ledger.policy import Policy


def read_requests(text: str, policy: Policy) -> list[Facts]:
    raise DraftError("offline reader not written yet")

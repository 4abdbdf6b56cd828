"""What every use case needs, built once per process and shared by the Slack layer, the
scheduler and the command line."""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from bot.services.books import Books
from bot.services.quickbooks import QuickBooks
from bot.services.roles import Approvers
from bot.services.workspace import request_team
from bot.settings import Settings
from ledger.audit import record
from ledger.db import session_scope
from ledger.models import JournalEntry

OnPosted = Callable[[Session, JournalEntry], None]
log = logging.getLogger(__name__)
Names = Callable[[str], str | None]  # a person's id -> their display name (None: unknown)


def no_names(_user: str) -> str | None:
    return None


@dataclass
class Deps:
    books: Books
    approvers: Approvers
    quickbooks: QuickBooks
    # Runs inside the posting transaction (tests use it to simulate a crash mid-post).
    on_posted: OnPosted | None = None
    # Slow follow-up work nobody should wait for (Claude's second reading). None: run inline.
    background: Executor | None = None
    # Display names for QuickBooks notes and exports (Slack: users.info, cached).
    names: Names = no_names
    # Several Slack workspaces (set by the Slack app): a workspace's team id -> the Web API
    # client holding that workspace's own installed token, None when we hold none. Messages
    # sent outside a request (scheduled jobs, the Home tab) speak through it.
    team_client: Callable[[str | None], Any] | None = None

    def __deepcopy__(self, memo: dict[int, Any]) -> Deps:
        # Bolt deep-copies the request context for lazy listeners (and silently drops what
        # cannot be copied). These are shared, thread-safe objects: hand over the same ones.
        return self

    def spawn(self, fn: Callable[..., object], *args: Any) -> None:
        """Run `fn(*args)` in the background with the caller's log context; failures are
        logged (the function itself leaves nothing half done)."""

        def guarded() -> None:
            try:
                fn(*args)
            except Exception:
                log.exception("background task %s failed", getattr(fn, "__name__", fn))

        if self.background is None:
            guarded()
        else:
            self.background.submit(contextvars.copy_context().run, guarded)

    @property
    def settings(self) -> Settings:
        return self.books.settings

    def audit(self, action: str, actor: str, entry_id: int | None = None, **details: Any) -> None:
        team = request_team()
        if team and "team" not in details:  # which Slack workspace asked (distribution)
            details["team"] = team
        with session_scope(self.books.engine) as s:
            if entry_id is not None and s.get(JournalEntry, entry_id) is None:
                # A click naming an entry we do not have: still recorded, without the link.
                details["unknown_entry_id"], entry_id = entry_id, None
            record(s, self.books.company_id, action, actor, entry_id=entry_id, details=details)

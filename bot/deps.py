"""What every listener needs, built once by the app factory."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from bot.blocks import FRIENDLY_ERROR
from bot.roles import Approvers
from bot.runtime import Books
from bot.settings import Settings
from ledger.audit import record
from ledger.db import session_scope
from ledger.models import JournalEntry

log = logging.getLogger("bot")


@dataclass
class Deps:
    books: Books
    approvers: Approvers
    quickbooks: Any = None  # bot.quickbooks.QuickBooks (Any: avoids an import cycle)
    # Runs inside the posting transaction (tests use it to simulate a crash mid-post).
    on_posted: Any = None

    @property
    def settings(self) -> Settings:
        return self.books.settings

    def audit(self, action: str, actor: str, entry_id: int | None = None, **details: Any) -> None:
        with session_scope(self.books.engine) as s:
            if entry_id is not None and s.get(JournalEntry, entry_id) is None:
                # A click naming an entry we do not have: still recorded, without the link.
                details["unknown_entry_id"], entry_id = entry_id, None
            record(s, self.books.company_id, action, actor, entry_id=entry_id, details=details)


def tell_user(client: WebClient, body: dict[str, Any], text: str) -> None:
    """An ephemeral note to whoever triggered this request, wherever it came from."""
    user = (body.get("user") or {}).get("id") or body.get("user_id")
    channel = (
        (body.get("channel") or {}).get("id")
        or body.get("channel_id")
        or (body.get("container") or {}).get("channel_id")
    )
    response_url = body.get("response_url")
    try:
        if channel and user:
            client.chat_postEphemeral(channel=channel, user=user, text=text)
        elif user:
            client.chat_postMessage(channel=user, text=text)
        elif response_url:
            from slack_sdk.webhook import WebhookClient

            WebhookClient(response_url).send(text=text, response_type="ephemeral")
    except Exception:  # telling the user failed too: the log has it
        log.exception("could not tell the user: %s", text)


def guarded(fn: Any) -> Any:
    """Run a listener's slow part; on any exception log the traceback and tell the user
    plainly that nothing was posted. Never silence."""

    # Bolt injects arguments by parameter name, so the wrapper spells them out.
    def wrapper(body: dict[str, Any], client: WebClient, respond: Any) -> None:
        try:
            fn(body, client, respond)
        except Exception:
            log.exception("listener %s failed", fn.__name__)
            tell_user(client, body, FRIENDLY_ERROR)

    wrapper.__name__ = fn.__name__
    return wrapper

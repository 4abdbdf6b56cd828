"""Which company's books a Slack request acts on, when the deployment keeps several.

The middleware (bot/slack/app.py) asks `CompanyDeps.pick`: a request about entries acts on
their company; otherwise the channel's company (linked, or named by exactly one company's
channel settings). A request from a channel no company claims acts on nothing: the
listeners see `context["company_unlinked"]` and offer an approver the picker. With one
company everything is the first company's, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from slack_sdk import WebClient

from bot.services.books import Books, Resolver
from bot.services.deps import Deps
from bot.services.jobs import JobContext
from bot.services.quickbooks import QuickBooks
from bot.slack.chat import company_chat

MakeDeps = Callable[[Books], Deps]


class CompanyDeps:
    def __init__(self, base: Deps, make: MakeDeps, resolver: Resolver | None = None) -> None:
        self.base = base
        self.make = make
        self.resolver = resolver or Resolver(base.books)
        self._lock = threading.Lock()
        # company id -> (the Books it was built from, its Deps): rebuilt when the resolver
        # hands out fresh Books (a company's settings changed from the command line).
        self._deps: dict[int, tuple[Books, Deps]] = {}

    def __deepcopy__(self, memo: dict[int, object]) -> CompanyDeps:
        # Bolt deep-copies the context for lazy listeners: hand over this shared object.
        return self

    def for_books(self, books: Books) -> Deps:
        base = self.base.books
        if books is base or (
            books.company_id == base.company_id and books.settings == base.settings
        ):
            return self.base
        with self._lock:
            hit = self._deps.get(books.company_id)
            if hit and (hit[0] is books or hit[0].settings == books.settings):
                return hit[1]  # unchanged: keep its QuickBooks client and caches
        deps = self.make(books)
        with self._lock:
            self._deps[books.company_id] = (books, deps)
        return deps

    def for_company(self, company_id: int) -> Deps:
        return self.for_books(self.resolver.books(company_id))

    def all(self) -> list[Deps]:
        return [self.for_company(cid) for cid in self.resolver.company_ids()]

    def several(self) -> bool:
        return self.resolver.several()

    def pick(
        self,
        channel: str | None,
        entry_ids: list[int],
        team: str | None = None,
        company: int | None = None,
    ) -> tuple[Deps, bool]:
        """(the Deps to act with, whether the request belongs to no company of this
        workspace). A button naming a company (`company`) acts on that one, entries on
        theirs, anything else on the channel's. A company of another workspace is never
        acted on from this one."""
        if not self.several():
            return self.base, False
        if company is not None:
            named = self.resolver.books(company) if company in self.resolver.company_ids() else None
            if named is None or not in_workspace(named, team):
                return self.base, True  # a company we do not keep here: act on nothing
            return self.for_books(named), False
        books = self.resolver.for_entries(entry_ids) or self.resolver.for_channel(channel)
        if books is not None and in_workspace(books, team):
            return self.for_books(books), False
        return self.base, bool(channel) and not entry_ids

    def approves_for(self, user: str, team: str | None = None) -> list[Deps]:
        """The companies of this workspace `user` is an approver of."""
        return [
            d for d in self.all() if in_workspace(d.books, team) and d.approvers.is_approver(user)
        ]


def in_workspace(books: Books, team: str | None) -> bool:
    """A company without a workspace is the deployment's (one workspace); one with a team
    id belongs to that workspace only."""
    return books.team_id is None or team is None or books.team_id == team


def request_channel(context: object, body: dict[str, object]) -> str | None:
    """The channel a request comes from: Bolt's, else a modal's private_metadata when it is
    a channel id (the new write-off form keeps the channel it was opened from there)."""
    channel = getattr(context, "channel_id", None)
    if channel:
        return str(channel)
    view = body.get("view")
    meta = str(view.get("private_metadata") or "") if isinstance(view, dict) else ""
    return meta if meta[:1] in ("C", "G") and meta[1:].isalnum() else None


def company_jobs(
    base: JobContext,
    client: WebClient,
    team_client: Callable[[str | None], object] | None = None,
) -> Callable[[], list[JobContext]]:
    """The scheduler's jobs for every company besides the first (`base`), each with its own
    QuickBooks service and Chat port; a company added while serving joins on the next call.
    `team_client` (several workspaces): a company tied to a workspace is spoken for there
    with that workspace's own installed token (bot/slack/chat.py: company_chat)."""
    resolver = Resolver(base.books)
    made: dict[int, JobContext] = {}

    def contexts() -> list[JobContext]:
        for cid in resolver.company_ids():
            if cid != base.books.company_id and cid not in made:
                books = resolver.books(cid)
                chat = company_chat(client, books, team_client)
                made[cid] = JobContext(books, QuickBooks(books), chat)
        return list(made.values())

    return contexts

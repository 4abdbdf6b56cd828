"""Keeping each person's App Home tab current.

A person's Home is published when they open it, and again when something it shows changes
(a draft saved, approved, edited, rejected, reversed; a push that failed or went through).
Changes come in bursts (Approve all, a sync pass), so they are debounced: one publish per
person after the burst, and never more than one views.publish per person per second (Slack
rate-limits views.publish per user). Only people who have opened the Home tab since the app
started are refreshed; everyone else gets a fresh view when they open it.

With several companies the Home is grouped by company (bot/services/home.py: firm_home),
over the companies of the person's own workspace only, and with several workspaces it is
published with that workspace's own installed token (none once the app left it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services.deps import Deps
from bot.services.display import HomeView
from bot.services.home import firm_home, home_view
from bot.slack.cards import permalink
from bot.slack.companies import CompanyDeps, in_workspace
from bot.slack.refresh import listen
from bot.slack.ui.home import home_view as render_home

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.5
MIN_INTERVAL_SECONDS = 1.0


class HomePublisher:
    def __init__(
        self,
        client: WebClient,
        deps: Deps,
        *,
        debounce: float = DEBOUNCE_SECONDS,
        min_interval: float = MIN_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        companies: CompanyDeps | None = None,
    ) -> None:
        self.client = client
        self.deps = deps
        self.companies = companies
        self.teams: dict[str, str | None] = {}  # user -> the workspace they opened it in
        self.debounce = debounce
        self.min_interval = min_interval
        self.clock = clock
        self.viewers: set[str] = set()
        self._due: dict[str, float] = {}  # user -> when to publish
        self._last: dict[str, float] = {}  # user -> when last published
        self._links: dict[tuple[str, str], str] = {}  # card -> permalink (they never change)
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def __deepcopy__(self, memo: dict[int, Any]) -> HomePublisher:
        # Bolt deep-copies the request context for lazy listeners: hand over this one.
        return self

    # -- asking for a publish ---------------------------------------------------------------

    def opened(self, user: str, team: str | None = None) -> None:
        """The person opened the Home tab: show it now (within the per-user limit)."""
        with self._cond:
            self.viewers.add(user)
            self.teams[user] = team
            self._schedule(user, 0.0)

    def changed(self) -> None:
        """Something the Home tab shows changed: refresh everyone looking, after the burst."""
        with self._cond:
            for user in self.viewers:
                self._schedule(user, self.debounce)

    def _schedule(self, user: str, delay: float) -> None:
        now = self.clock()
        due = max(now + delay, self._last.get(user, -1e9) + self.min_interval)
        # A publish already due keeps its time: a burst of changes is one publish.
        self._due[user] = min(self._due.get(user, due), due)
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="app-home", daemon=True)
            self._thread.start()
        self._cond.notify_all()

    # -- publishing ----------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._due:
                    # Idle for a while: let the thread end (the next change starts one).
                    if not self._cond.wait(timeout=30) and not self._due:
                        self._thread = None
                        return
                    continue
                # The second is counted from the end of the last publish, so Slack never
                # sees two within a second, however long reading the books took.
                user, due = min(
                    (
                        (u, max(d, self._last.get(u, -1e9) + self.min_interval))
                        for u, d in self._due.items()
                    ),
                    key=lambda kv: kv[1],
                )
                wait = due - self.clock()
                if wait > 0:
                    self._cond.wait(timeout=wait)
                    continue
                del self._due[user]
            self.publish(user)
            with self._cond:
                self._last[user] = self.clock()

    def view_of(self, user: str) -> HomeView:
        """One company: its Home, as always. Several: grouped by company, over the companies
        of the person's workspace."""
        companies = self.companies
        if companies is None or not companies.several():
            return home_view(self.deps, user)
        team = self.teams.get(user)
        mine = [d for d in companies.all() if in_workspace(d.books, team)]
        return firm_home(self.deps, mine, user)

    def client_of(self, user: str) -> WebClient | None:
        """The client of the person's workspace: with several workspaces that workspace's
        own token (None when we hold none: then nothing is published); else the app's."""
        team_client = self.deps.team_client
        team = self.teams.get(user)
        if team_client is None or team is None:
            return self.client
        found = team_client(team)
        return found if isinstance(found, WebClient) else None

    def publish(self, user: str) -> None:
        """Read the person's Home from the books and publish it now (errors are logged)."""
        try:
            client = self.client_of(user)
            if client is None:
                log.warning("no token for %s's workspace: Home not published", user)
                return
            view = self.view_of(user)
            links = {}
            for e in [w for g in (view.groups or (view,)) for w in g.waiting]:
                if e.card is not None:
                    link = self._links.get(e.card) or permalink(client, *e.card)
                    if link:
                        self._links[e.card] = link
                        links[e.entry_id] = link
            client.views_publish(user_id=user, view=render_home(view, links))
        except Exception:  # a stale Home tab must never break the work that changed it
            log.exception("could not publish the Home tab for %s", user)


def start(client: WebClient, deps: Deps, companies: CompanyDeps | None = None) -> HomePublisher:
    """The app's publisher, told of every change to an entry in any company's books
    (bot/slack/refresh.py)."""
    publisher = HomePublisher(client, deps, companies=companies)
    listen(deps.books, publisher.changed)
    return publisher

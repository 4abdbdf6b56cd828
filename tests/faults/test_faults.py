"""Honest under faults (issue 12): two real `writeoff serve --http` replicas on a private
PostgreSQL cluster, the Slack and QuickBooks fakes shared by both, and five scenarios:

1. simultaneous Approve clicks on every card across both replicas, Slack answering unevenly;
2. a second click's render, read while the push is pending, racing the render after it;
3. `kill -9` of a replica inside a burst of approvals, then its restart;
4. `pg_ctl restart` inside a burst;
5. QuickBooks slow, with 5xx answers and answers lost after the entry was created;
6. expired access tokens seen by both replicas at once (exactly one refresh).

After each: every acknowledged click's entry is posted exactly once or still offers Approve,
nothing is in QuickBooks twice, `writeoff audit verify` passes, the trial balance balances,
every card shows its entry's final state and every answer to an approver matches the books.
The counts of each scenario are printed in the terminal summary (`faults` lines).

One test function on purpose: the world (cluster, replicas) is built once and the scenarios
run one after the other on it; under xdist a module fixture shared by several tests could be
built once per worker.
"""

from __future__ import annotations

import collections
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa
from sqlmodel import col, select
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.services.books import Books, open_books
from bot.services.cards import card_of
from bot.services.jobs import JobContext, sync_job
from bot.services.quickbooks import QuickBooks
from bot.settings import Settings
from bot.slack.cards import publish_card
from bot.slack.chat import SlackChat
from bot.slack.ids import Id
from bot.slack.ui.card import draft_card
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry, JournalLine, OutboxItem, OutboxStatus, utcnow
from ledger.posting import save_draft
from ledger.reports import trial_balance
from qbo.sync import LEASE
from tests.fakes.qbo_api import REALM_ID, FakeQbo
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_signing import block_actions_payload, interaction_body
from tests.faults.harness import (
    APPROVERS,
    CHANNEL,
    REPORTER,
    Click,
    Cluster,
    Counts,
    Replica,
    app_env,
    pg_bin,
)
from tests.ledger.factories import make_draft
from tests.qbo.conftest import seed_accounts

pytestmark = pytest.mark.faults

# Issue 12, defect 2 (a pass that fails releases its claims) is fixed in qbo/sync.py by
# another branch: once it is merged, claims left idle after the database restart are a
# failure here. Off until then; and only there, since on a loaded machine a live pass can
# be starved of CPU for seconds (the simultaneous clicks see that), which looks the same.
STRICT_CLAIMS = False
NUMBER = re.compile(r"JE-\d{6}")
DRAFT_NAMED = re.compile(r"Nothing was posted: #(\d+)")


class World:
    def __init__(self, cluster: Cluster, workdir: Path) -> None:
        self.cluster = cluster
        self.slack = FakeSlack()
        self.qbo = FakeQbo()
        seed_accounts(self.qbo)
        self.env = app_env(cluster.create_database("books"), self.slack, self.qbo)
        settings = Settings(_env_file=None, **self.env)  # type: ignore[arg-type]
        self.books: Books = open_books(settings, migrate=True)  # before the replicas start
        self.quickbooks = QuickBooks(self.books)
        state = parse_qs(urlparse(self.quickbooks.connect_url(APPROVERS[0])).query)["state"][0]
        self.quickbooks.complete(state, self.qbo.issue_code(), REALM_ID)
        self.client = self.slack.client()
        self.jobs = JobContext(self.books, self.quickbooks, SlackChat(self.client, self.books))
        self.replicas = {n: Replica(n, self.env, workdir) for n in ("a", "b")}
        for r in self.replicas.values():
            r.start()
        for r in self.replicas.values():
            r.wait_ready()
        self.serial = 0

    def close(self) -> None:
        for r in self.replicas.values():
            r.stop()
        self.books.engine.dispose()
        self.slack.close()
        self.qbo.close()

    # -- cards and clicks

    def cards(self, n: int) -> list[tuple[int, str]]:
        """n drafts with their cards in the channel: (entry id, card ts)."""
        out = []
        for _ in range(n):
            self.serial += 1
            with session_scope(self.books.engine) as s:
                entry = save_draft(
                    s,
                    self.books.company_id,
                    make_draft(qty=str(self.serial), sku=f"SKU-{self.serial}"),
                    actor=REPORTER,
                    reporter=REPORTER,
                    channel=CHANNEL,
                    entry_date=date.today(),
                ).entry
                entry_id = entry.id or 0
            where = publish_card(self.client, self.books, entry_id, CHANNEL)
            assert where is not None
            out.append((entry_id, where[1]))
        return out

    def click(self, replica: str, entry_id: int, ts: str, user: str) -> Click:
        msg = self.slack.message(CHANNEL, ts)
        payload = block_actions_payload(
            str(Id.APPROVE),
            str(entry_id),
            user,
            CHANNEL,
            ts,
            blocks=list(msg.blocks) if msg else [],
            response_url=self.slack.response_url(),
        )
        acked = self.replicas[replica].post(interaction_body(payload))
        return Click(entry_id, user, replica, acked)

    def burst(
        self, plan: list[tuple[str, int, str, str]], *, at_once: bool, pace: float = 0.04
    ) -> list[Click]:
        """Send clicks (replica, entry id, card ts, user): all released together, or paced."""
        clicks: list[Click] = []
        lock = threading.Lock()
        gate = threading.Barrier(len(plan)) if at_once else None

        def one(step: tuple[str, int, str, str]) -> None:
            if gate is not None:
                gate.wait()
            c = self.click(*step)
            with lock:
                clicks.append(c)

        threads = [threading.Thread(target=one, args=(step,)) for step in plan]
        for t in threads:
            t.start()
            if gate is None:
                time.sleep(pace)
        for t in threads:
            t.join()
        return clicks

    # -- letting the work finish

    def quiesce(self, quiet: float = 0.6, limit: float = 30.0) -> None:
        """Wait until neither fake has seen a request for `quiet` seconds."""
        deadline = time.monotonic() + limit
        last = (-1, -1)
        since = time.monotonic()
        while time.monotonic() < deadline:
            now = (len(self.slack.calls()), len(self.qbo.requests))
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.1)

    def settle(self) -> int:
        """Let the queue drain as time would: claims idle for seconds belong to a pass that
        died or gave up (their lease is made to pass), retries are made due, and sync passes
        run (here, as a third process on the same code) until nothing is left to push.
        Returns the claims found idle (a live pass never leaves one: issue 12, defect 2)."""
        stuck = 0
        for _ in range(6):
            self.quiesce()
            self.wait_for_claims()
            with self.books.engine.begin() as conn:
                idle = conn.execute(
                    sa.update(OutboxItem)
                    .where(
                        col(OutboxItem.status) == OutboxStatus.IN_FLIGHT,
                        # not claimed or renewed for seconds: a pass renews just before
                        # it sends, so one that is sending now is left alone
                        col(OutboxItem.claimed_at) < utcnow() - timedelta(seconds=3),
                        col(OutboxItem.claimed_at) > utcnow() - LEASE,
                    )
                    .values(claimed_at=utcnow() - LEASE - timedelta(minutes=1))
                ).rowcount
                stuck += idle
                conn.execute(
                    sa.update(OutboxItem)
                    .where(col(OutboxItem.status) == OutboxStatus.PENDING)
                    .values(next_attempt_at=utcnow())
                )
            sync_job(self.jobs)
            with session_scope(self.books.engine) as s:
                left = s.exec(
                    select(OutboxItem).where(col(OutboxItem.status) != OutboxStatus.SYNCED)
                ).all()
            if not left:
                break
        self.quiesce(quiet=0.5)
        return stuck

    def wait_for_claims(self, limit: float = 4.0) -> None:
        """Give live passes (slowed by a busy CPU, QuickBooks' latency) time to finish:
        a claim still untouched after that is idle: its pass died, failed without releasing
        it (issue 12, defect 2) or is starved of CPU; taking it over is safe either way (the
        taker looks the entry up in QuickBooks first; the starved pass finds it lost)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            with session_scope(self.books.engine) as s:
                claimed = s.exec(
                    select(OutboxItem.id).where(
                        col(OutboxItem.status) == OutboxStatus.IN_FLIGHT,
                        col(OutboxItem.claimed_at) > utcnow() - LEASE,
                    )
                ).first()
            if claimed is None:
                return
            time.sleep(0.2)

    # -- the checks

    def check(self, counts: Counts, cards: list[tuple[int, str]], clicks: list[Click]) -> None:
        p = counts.problems
        counts.clicks, counts.acked = len(clicks), sum(c.acked for c in clicks)
        ids = [e for e, _ in cards]
        with session_scope(self.books.engine) as s:
            entries = {
                e.id: e for e in s.exec(select(JournalEntry).where(col(JournalEntry.id).in_(ids)))
            }
            posts = collections.Counter(
                a.entry_id
                for a in s.exec(
                    select(AuditEvent).where(
                        AuditEvent.action == "posted", col(AuditEvent.entry_id).in_(ids)
                    )
                )
            )
            outbox = {o.entry_id: o for o in s.exec(select(OutboxItem))}
            numbers = sorted(n for n in s.exec(select(JournalEntry.number)) if n)
            tb = trial_balance(s, self.books.company_id)
            line_sums = s.exec(
                select(
                    sa.func.coalesce(sa.func.sum(JournalLine.debit), 0),
                    sa.func.coalesce(sa.func.sum(JournalLine.credit), 0),
                )
                .join(JournalEntry, col(JournalEntry.id) == col(JournalLine.entry_id))
                .where(col(JournalEntry.number).is_not(None))
            ).one()
        # every acknowledged click: posted exactly once, or still a draft offering Approve
        for entry_id in {c.entry_id for c in clicks if c.acked}:
            entry = entries[entry_id]
            if entry.status == "posted":
                if posts[entry_id] != 1:
                    p.append(f"entry {entry_id} posted {posts[entry_id]} times")
            elif entry.status == "draft":
                ts = dict(cards)[entry_id]
                if str(Id.APPROVE) not in str(self.slack.message(CHANNEL, ts).blocks):
                    p.append(f"entry {entry_id} is a draft whose card offers no Approve")
            else:
                p.append(f"entry {entry_id} is {entry.status} after an Approve click")
        counts.posted = sum(e.status == "posted" for e in entries.values())
        counts.still_draft = sum(e.status == "draft" for e in entries.values())
        if numbers != [f"JE-{i:06d}" for i in range(1, len(numbers) + 1)]:
            p.append(f"entry numbers have gaps or repeats: {numbers}")
        # QuickBooks: every posted entry exactly once, nothing twice
        in_qbo = collections.Counter(e["DocNumber"] for e in self.qbo.journal_entries())
        counts.duplicates = sum(n - 1 for n in in_qbo.values() if n > 1)
        mine = {e.number for e in entries.values() if e.number}
        counts.pushed = sum(1 for n in mine if in_qbo[n])
        if counts.duplicates:
            p.append(f"in QuickBooks twice: {[d for d, n in in_qbo.items() if n > 1]}")
        for e in entries.values():
            if e.number and (in_qbo[e.number] != 1 or outbox[e.id or 0].status != "synced"):
                p.append(f"{e.number} not pushed exactly once ({outbox[e.id or 0].status})")
        # the books balance and their audit chain verifies
        if not tb.balanced or line_sums[0] != line_sums[1] or tb.total_debit != line_sums[0]:
            p.append(f"trial balance: {tb.total_debit} / {tb.total_credit}, lines {line_sums}")
        verify = CliRunner().invoke(cli, ["audit", "verify"], env=self.env)
        if verify.exit_code != 0:
            p.append(f"writeoff audit verify: {verify.output.strip()}")
        # every card shows its entry's final state
        stale = [e for e, ts in cards if not self.card_is_current(e, ts)]
        counts.stale_cards = len(stale)
        if stale:
            p.append(f"stale cards: entries {stale}")
        # every answer to an approver matches the books
        counts.misleading_answers = self.misleading_answers(entries, clicks, p)

    def card_is_current(self, entry_id: int, ts: str) -> bool:
        found = card_of(self.books, entry_id)
        msg = self.slack.message(CHANNEL, ts)
        return found is not None and msg is not None and msg.blocks == draft_card(found[0])

    def misleading_answers(
        self, entries: dict[Any, JournalEntry], clicks: list[Click], p: list[str]
    ) -> int:
        """Answers to approvers that do not match the books at the time they were sent: a
        number said posted that is not; "nothing was posted" for an entry posted before the
        answer (an answer naming no entry is traced to the clicks of that approver)."""
        wrong = 0
        by_number = {e.number: e for e in entries.values() if e.number}
        clicked: dict[str, set[int]] = collections.defaultdict(set)
        for c in clicks:
            clicked[c.user].add(c.entry_id)
        for call in self.slack.calls("chat.postEphemeral"):
            user = str(call.args.get("user") or "")
            if user not in APPROVERS or call.at < self.since:
                continue
            text = str(call.args.get("text") or "")
            said_posted = NUMBER.findall(text) if "osted as" in text else []
            bad = [n for n in said_posted if n not in by_number and n not in self.earlier]
            named = [int(i) for i in DRAFT_NAMED.findall(text)]
            if "othing was posted" in text and not named and "not in the books" not in text:
                named = sorted(clicked[user])  # a generic answer: about what they clicked
            for entry_id in named:
                e = entries.get(entry_id)
                if e is not None and e.posted_at and e.posted_at.timestamp() < call.at - 0.05:
                    bad.append(f"#{entry_id} was posted")
            if bad:
                wrong += 1
                p.append(f"misleading answer to {user} {text!r}: {bad}")
        return wrong

    def begin(self) -> None:
        """Mark the start of a scenario: answers before it belong to earlier ones."""
        self.since = time.time()
        with session_scope(self.books.engine) as s:
            self.earlier = {n for n in s.exec(select(JournalEntry.number)) if n}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    bindir = pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    cluster = Cluster(bindir)
    try:
        logs = os.environ.get("WRITEOFF_FAULTS_LOGS")  # keep the replicas' logs there
        workdir = Path(logs) if logs else tmp_path_factory.mktemp("replicas")
        workdir.mkdir(parents=True, exist_ok=True)
        w = World(cluster, workdir)
        try:
            yield w
        finally:
            w.close()
    finally:
        cluster.close()


# -- the scenarios: each sends its clicks and returns them with its cards


class UnevenSlack:
    """Slack answering chat.update slowly and unevenly (0 to 0.6 s, changing every 50 ms),
    so two renders of one card can arrive in the other order than they were read."""

    def __init__(self, slack: FakeSlack) -> None:
        self.slack = slack
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        delays = [0.0, 0.8, 0.0, 0.5, 0.1, 0.0]
        i = 0
        while not self.stop.wait(0.05):
            self.slack.set_delay("chat.update", delays[i % len(delays)])
            i += 1
        self.slack.set_delay("chat.update", 0.0)

    def __enter__(self) -> UnevenSlack:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def simultaneous_clicks(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    """Three approvers click Approve on every card at once, across both replicas, while
    Slack answers card updates unevenly."""
    cards = w.cards(8)
    plan = [
        (replica, e, ts, user)
        for e, ts in cards
        for replica, user in (("a", APPROVERS[0]), ("b", APPROVERS[1]), ("a", APPROVERS[2]))
    ]
    w.qbo.latency = 0.2  # the push takes a while: the renders around it race
    try:
        with UnevenSlack(w.slack):
            clicks = w.burst(plan, at_once=True)
            w.quiesce()
    finally:
        w.qbo.latency = 0.0
    return cards, clicks


def racing_renders(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    """The race of issue 12, defect 3, on purpose: a second approver's click lands while the
    first one's push waits on a slow QuickBooks; its "already posted" render (read while
    the push is pending) meets a slow Slack, the render after the push a fast one."""
    cards = w.cards(2)
    clicks: list[Click] = []
    w.qbo.latency = 1.0
    try:
        for i, (e, ts) in enumerate(cards):
            clicks.append(w.click("a", e, ts, APPROVERS[2 * i]))
            w.slack.wait_for("chat.update", len(w.slack.calls("chat.update")) + 1)
            w.slack.set_delay("chat.update", 1.5)
            clicks.append(w.click("b", e, ts, APPROVERS[2 * i + 1]))
            time.sleep(0.6)
            w.slack.set_delay("chat.update", 0.0)
            w.quiesce()
    finally:
        w.qbo.latency = 0.0
        w.slack.set_delay("chat.update", 0.0)
    return cards, clicks


def kill_a_replica(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    cards = w.cards(10)
    plan = [("ab"[i % 2], e, ts, APPROVERS[i]) for i, (e, ts) in enumerate(cards)]
    a = w.replicas["a"]

    def kill_and_restart() -> None:
        a.kill9()
        a.start()  # the orchestrator restarts it at once; it is up a few seconds later

    killer = threading.Timer(0.15, kill_and_restart)
    killer.start()
    clicks = w.burst(plan, at_once=False, pace=0.1)
    killer.join()
    a.wait_ready()
    # The approvers whose clicks were not acknowledged click again, on the restarted one.
    again = [("a", c.entry_id, dict(cards)[c.entry_id], c.user) for c in clicks if not c.acked]
    return cards, clicks + w.burst(again, at_once=False)


def restart_the_database(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    cards = w.cards(12)
    plan = [("ab"[i % 2], e, ts, APPROVERS[i]) for i, (e, ts) in enumerate(cards)]
    restart = threading.Timer(0.4, w.cluster.restart)
    restart.start()
    clicks = w.burst(plan, at_once=False, pace=0.15)
    restart.join()
    return cards, clicks


def flaky_quickbooks(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    cards = w.cards(8)
    w.qbo.latency = 0.3
    w.qbo.fail_next("batch", "html_503", 2)
    w.qbo.fail_next("batch", "drop_after_create", 2)
    w.qbo.fail_next("batch", "system_fault_500", 1)
    plan = [("ab"[i % 2], e, ts, APPROVERS[i]) for i, (e, ts) in enumerate(cards)]
    try:
        return cards, w.burst(plan, at_once=True)
    finally:
        w.quiesce()
        w.qbo.latency = 0.0


def expired_tokens(w: World) -> tuple[list[tuple[int, str]], list[Click]]:
    cards = w.cards(4)
    w.qbo.expire_access_tokens()
    w.refreshes_before = w.qbo.refreshes
    plan = [("ab"[i % 2], e, ts, APPROVERS[i]) for i, (e, ts) in enumerate(cards)]
    return cards, w.burst(plan, at_once=True)


SCENARIOS: list[tuple[str, Callable[[World], tuple[list[tuple[int, str]], list[Click]]]]] = [
    ("simultaneous clicks", simultaneous_clicks),
    ("renders racing the push", racing_renders),
    ("kill -9 of a replica", kill_a_replica),
    ("pg_ctl restart", restart_the_database),
    ("slow, flaky QuickBooks", flaky_quickbooks),
    ("expired access tokens", expired_tokens),
]


def test_the_books_stay_honest_under_faults(
    world: World, record_property: Callable[[str, object], None]
) -> None:
    results = []
    for name, scenario in SCENARIOS:
        t0 = time.perf_counter()
        world.begin()
        cards, clicks = scenario(world)
        burst = time.perf_counter() - t0
        stuck = world.settle()
        settled = time.perf_counter() - t0 - burst
        counts = Counts(name)
        world.check(counts, cards, clicks)
        if name == "expired access tokens":
            counts.refreshes = world.qbo.refreshes - world.refreshes_before
            if counts.refreshes != 1:
                counts.problems.append(f"{counts.refreshes} token refreshes, not 1")
        counts.stuck_claims = stuck
        if STRICT_CLAIMS and stuck and name == "pg_ctl restart":
            counts.problems.append(f"{stuck} claims kept by a live pass that failed")
        counts.seconds = time.perf_counter() - t0
        counts.phases = (burst, settled)
        record_property(f"faults: {name}", counts.line())
        results.append(counts)
        print(counts.line())
    problems = [f"{c.scenario}: {p}" for c in results for p in c.problems]
    assert not problems, "\n".join(problems)
    assert all(c.acked and c.posted for c in results), "a scenario posted nothing"

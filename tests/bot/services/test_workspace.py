"""Workspaces kept apart in the use cases: what a Slack request from one workspace may do
with an entry drafted in another (nothing), and what the command line may (anything)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select

from bot import logs
from bot.cli.common import deps as make_deps
from bot.services import corrections, decisions, intake
from bot.services.books import open_books
from bot.services.deps import Deps
from bot.services.display import Result
from bot.settings import Settings
from ledger.db import session_scope
from ledger.models import AuditEvent, JournalEntry
from tests.conftest import migrated_sqlite_url

APPROVER, SECOND = "U0CTRL", "U0CTRL2"


def _deps(tmp_path: Path) -> Deps:
    settings = Settings(
        _env_file=None,
        DATABASE_URL=migrated_sqlite_url(tmp_path),
        WRITEOFF_APPROVERS=f"{APPROVER},{SECOND}",
    )
    return make_deps(open_books(settings))


def _draft_in(deps: Deps, team: str) -> int:
    reading = intake.read(deps.books, "40 units obsolete SKU-12 at $15")
    assert reading.drafts
    report = intake.Report("40 units obsolete SKU-12 at $15", "U0WORKER", "C0SHARED", "k1")
    with logs.bind(team=team):
        (entry,) = intake.save_drafts(deps.books, report, list(reading.drafts)).entries
    assert entry.slack_team == team
    return entry.id or 0


def _refusals(deps: Deps) -> list[dict[str, str]]:
    with session_scope(deps.books.engine) as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action.endswith("_refused")))
        return [json.loads(e.details) | {"action": e.action} for e in events]


def _status(deps: Deps, entry_id: int) -> str:
    with session_scope(deps.books.engine) as s:
        entry = s.get(JournalEntry, entry_id)
        assert entry is not None
        return str(entry.status)


def test_another_workspace_can_neither_decide_nor_correct(tmp_path: Path) -> None:
    deps = _deps(tmp_path)
    entry_id = _draft_in(deps, "T0ALPHA")
    with logs.bind(team="T0BRAVO"):
        assert decisions.approve(deps, APPROVER, entry_id).result == Result.REFUSED
        assert decisions.reject(deps, APPROVER, entry_id, "no").result == Result.REFUSED
        assert decisions.reverse(deps, APPROVER, entry_id, "no").result == Result.REFUSED
        corrected = corrections.correct(deps, APPROVER, entry_id, "make that 30")
        assert corrected.verdict == corrections.Verdict.NOT_ALLOWED
    assert _status(deps, entry_id) == "draft"
    refused = _refusals(deps)
    assert {r["action"] for r in refused} == {
        "approve_refused",
        "reverse_refused",
        "reject_refused",
        "correction_refused",
    }
    assert all(r["team"] == "T0BRAVO" and "another Slack workspace" in r["reason"] for r in refused)

    # Its own workspace, and the command line (no workspace), decide as before.
    with logs.bind(team="T0ALPHA"):
        assert corrections.correct(deps, APPROVER, entry_id, "make that 30").verdict != (
            corrections.Verdict.NOT_ALLOWED
        )
    # (the other approver: the one who corrected it prepared it, and may not approve alone)
    assert decisions.approve(deps, SECOND, entry_id).result == Result.DONE
    assert _status(deps, entry_id) == "posted"

"""Count sheets through the service, without Slack: both ways of booking a count."""

from __future__ import annotations

import json
from pathlib import Path

from bot.cli.common import deps as make_deps
from bot.services import sheets
from bot.services.books import open_books
from bot.services.deps import Deps
from bot.services.display import SheetSummary
from bot.settings import Settings
from ledger.db import session_scope
from ledger.models import Evidence
from tests.conftest import migrated_sqlite_url

SHEET = "sku,expected,counted,unit_cost\n" + "\n".join(
    f"SKU-{i},10,{7 + i % 2},2.50" for i in range(12)
)


def _deps(tmp_path: Path, **env: str) -> Deps:
    settings = Settings(_env_file=None, DATABASE_URL=migrated_sqlite_url(tmp_path), **env)  # type: ignore[call-arg]
    return make_deps(open_books(settings))


def _draft(deps: Deps, progress: list[tuple[int, int]]) -> SheetSummary:
    shared = sheets.Shared("C0WAREHOUSE", "U0WORKER", "1.1")
    file = sheets.Downloaded("F1", "count.csv", "count_sheet", SHEET.encode())
    return sheets.draft_sheet(
        deps,
        shared,
        file,
        sheets.read(file.data, file.name),
        ("C0APPROVALS", "2.2"),
        lambda done, total: progress.append((done, total)),
        progress_every=5,
    )


def test_per_variance_drafts_one_entry_each_and_reports_progress(tmp_path: Path) -> None:
    deps = _deps(tmp_path, WRITEOFF_COUNT_SHEET_ENTRIES="per-variance")
    progress: list[tuple[int, int]] = []
    summary = _draft(deps, progress)
    assert not summary.one_entry and summary.drafts == 12 and summary.left == 12
    assert progress == [(5, 12), (10, 12)]  # the card moves while a long sheet drafts
    assert len(sheets.drafts_of(deps, summary.evidence_id)) == 12


def test_one_entry_keeps_the_sheet_figures_with_its_evidence(tmp_path: Path) -> None:
    deps = _deps(tmp_path)
    progress: list[tuple[int, int]] = []
    summary = _draft(deps, progress)
    assert summary.one_entry and summary.entry_lines == 13 and summary.left == 1
    assert progress == []  # one transaction: nothing to wait for
    with session_scope(deps.books.engine) as s:
        ev = s.get(Evidence, summary.evidence_id)
        assert ev is not None
        facts = json.loads(ev.details)
    assert facts["lines_read"] == 12 and facts["variances"] == 12 and facts["unchanged"] == 0
    again = _draft(deps, [])  # a retried upload drafts nothing twice
    assert again.evidence_id == summary.evidence_id
    assert len(sheets.drafts_of(deps, summary.evidence_id)) == 1


def test_a_sheet_drafted_before_its_figures_were_kept_still_has_a_card(tmp_path: Path) -> None:
    deps = _deps(tmp_path, WRITEOFF_COUNT_SHEET_ENTRIES="per-variance")
    summary = _draft(deps, [])
    with session_scope(deps.books.engine) as s:
        ev = s.get(Evidence, summary.evidence_id)
        assert ev is not None
        ev.details = "{}"  # as migration 0008 leaves an older sheet
        s.add(ev)
    found = sheets.summary_after(deps.books, summary.evidence_id)
    assert found is not None
    old = found[1]
    assert old.lines_read == 12 and old.drafts == 12 and old.left == 12
    assert old.shrinkage == summary.shrinkage


def test_a_count_over_the_limit_says_so_and_offers_no_approve(tmp_path: Path) -> None:
    deps = _deps(tmp_path, WRITEOFF_MAX_AMOUNT="10")
    summary = _draft(deps, [])
    assert summary.complete == 0 and summary.left == 1
    assert summary.warning is not None and "over the $10.00 limit" in summary.warning
